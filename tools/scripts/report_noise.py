"""Sections of notebooks-export/report.md about how much a cheap score is noise (report.py imports
them): MetaD2A's calibrated label recipe against the table, and RWE's agreement between weight
initialisations. Each returns (markdown, None), or (None, missing input) when its CSVs are absent.
"""
from collections import defaultdict

import matplotlib.pyplot as plt

from report_util import markdown_table as _table, read_csv as _rows, save as _save


def metad2a_calibration_section(data, out):
    """`experiments/metad2a-db.sh calibrate`: the label recipe's labels against the table, per recipe."""
    folder = data / "metad2a-calibration"
    recipes = [(folder / "recipe-e3", "3 epochs, 50 validation images a class"),
               (folder, "10 epochs, 100 validation images a class (the database's recipe)")]
    recipes = [(f, label) for f, label in recipes if (f / "calibration-pairs.csv").exists()]
    if not recipes:
        return None, "metad2a-calibration/calibration-pairs.csv"
    from scipy import stats

    fig, axes = plt.subplots(1, len(recipes), figsize=(5.2 * len(recipes), 3.6), dpi=120, squeeze=False)
    lines = []
    for ax, (f, label) in zip(axes[0], recipes):
        pairs = _rows(f / "calibration-pairs.csv")
        x = [float(p["label"]) for p in pairs]
        y = [float(p["truth"]) for p in pairs]
        tau = stats.kendalltau(x, y).statistic
        summary = _rows(f / "calibration.csv")[0]
        lines.append((label, len(pairs), f"{tau:.3f}", f"{float(summary['tau_ci95_low']):.3f} to {float(summary['tau_ci95_high']):.3f}",
                      f"{stats.spearmanr(x, y).statistic:.3f}"))
        ax.plot(x, y, "o", markersize=3.5, alpha=0.75)
        ax.set_title(f"{label}\nKendall tau {tau:.3f}", fontsize=9)
        ax.set_xlabel("label: validation accuracy after the short training (%)")
        ax.grid(True, alpha=0.3)
    axes[0][0].set_ylabel("table: CIFAR-10 test accuracy (%)")
    image = _save(fig, out / "report-metad2a-calibration.png")
    return "\n\n".join([
        "## MetaD2A label recipe, calibrated on CIFAR-10",
        "From metad2a-calibration/ (`experiments/metad2a-db.sh calibrate`): one 10-way CIFAR-10 task, 50 uniform "
        "cells each trained by the database's recipe (NB201 network C=8 N=1, 100 training images a class), "
        "against the table. Calibration only, never training data. Tau and Spearman by scipy; the interval is "
        "`nasbench metad2a calibrate`'s percentile bootstrap (2,000 resamples).",
        _table(["recipe", "cells", "Kendall tau", "95% interval", "Spearman"], lines),
        f"![labels against the table]({image})",
    ]), None


def rwe_noise_section(data, out):
    """`experiments/rwe-noise-nb201.sh`: each cell scored under K weight initialisations."""
    path = data / "rwe-noise-nb201" / "results.csv"
    if not path.exists():
        return None, "rwe-noise-nb201/results.csv"
    from scipy import stats

    repeats = defaultdict(list)
    truth = {}
    for r in _rows(path):
        repeats[r["trial"]].append(float(r["rwe_accuracy"]))
        truth[r["trial"]] = float(r["truth"])
    k = max(len(v) for v in repeats.values())
    cells = [t for t, v in repeats.items() if len(v) == k]
    if k < 2 or len(cells) < 3:
        return None, "rwe-noise-nb201/results.csv with >= 2 weight initialisations a cell"
    first = [100 * repeats[t][0] for t in cells]
    second = [100 * repeats[t][1] for t in cells]
    mean = [100 * sum(repeats[t]) / k for t in cells]
    y = [truth[t] for t in cells]
    agreement = stats.kendalltau(first, second).statistic
    fig, axes = plt.subplots(1, 2, figsize=(10, 3.8), dpi=120)
    axes[0].plot(first, second, "o", markersize=3, alpha=0.7)
    axes[0].set_title(f"initialisation 1 vs 2: Kendall tau {agreement:.3f}", fontsize=9)
    axes[0].set_xlabel("RWE accuracy, initialisation 1 (%)")
    axes[0].set_ylabel("RWE accuracy, initialisation 2 (%)")
    axes[1].plot(mean, y, "o", markersize=3, alpha=0.7)
    axes[1].set_title(f"mean of {k} vs the table: Kendall tau {stats.kendalltau(mean, y).statistic:.3f}", fontsize=9)
    axes[1].set_xlabel(f"RWE accuracy, mean of {k} initialisations (%)")
    axes[1].set_ylabel("truth (the run's truth column)")
    for ax in axes:
        ax.grid(True, alpha=0.3)
    image = _save(fig, out / "report-rwe-noise.png")
    lines = [(f"initialisation {a + 1} vs {b + 1}", f"{stats.kendalltau([repeats[t][a] for t in cells], [repeats[t][b] for t in cells]).statistic:.3f}")
             for a in range(k) for b in range(a + 1, k)]
    lines += [(f"initialisation {a + 1} vs truth", f"{stats.kendalltau([repeats[t][a] for t in cells], y).statistic:.3f}") for a in range(k)]
    lines.append((f"mean of {k} vs truth", f"{stats.kendalltau(mean, y).statistic:.3f}"))
    return "\n\n".join([
        "## RWE noise: agreement between weight initialisations",
        f"From rwe-noise-nb201/results.csv ({len(cells)} cells with all {k} initialisations; `experiments/rwe-noise-nb201.sh`). "
        "Kendall tau by scipy.",
        _table(["comparison", "Kendall tau"], lines),
        f"![repeat agreement]({image})",
    ]), None


def rwe_grid_section(data, out):
    """`experiments/rwe-grid-nb201.sh table`: RWE's tau with its 95% interval per setting, and the
    repeat agreement, beside params and synflow on the same cells."""
    folder = data / "rwe-grid-nb201"
    if not (folder / "grid.csv").exists():
        return None, "rwe-grid-nb201/grid.csv"
    from scipy import stats

    rows = [r for r in _rows(folder / "grid.csv") if int(r["cells"]) >= 3]
    if not rows:
        return None, "rwe-grid-nb201/grid.csv with a finished setting"
    names = [r["setting"] for r in rows]
    # RWE's tau recomputed by scipy from each setting's results.csv (the cells' means over initialisations).
    taus = []
    for r in rows:
        per_cell, truth = defaultdict(list), {}
        for line in _rows(folder / r["setting"] / "results.csv"):
            per_cell[line["trial"]].append(float(line["rwe_accuracy"]))
            truth[line["trial"]] = float(line["truth"])
        cells = list(per_cell)
        taus.append(stats.kendalltau([sum(per_cell[c]) / len(per_cell[c]) for c in cells], [truth[c] for c in cells]).statistic)
    low = [float(r["rwe_tau_low"]) for r in rows]
    high = [float(r["rwe_tau_high"]) for r in rows]
    xs = range(len(rows))
    fig, axes = plt.subplots(1, 2, figsize=(11, 4.2), dpi=120, gridspec_kw={"width_ratios": [3, 2]})
    # A percentile interval need not contain the estimate; the bars are clipped at it (the table has the interval).
    axes[0].errorbar(xs, taus, yerr=[[max(t - lo, 0) for t, lo in zip(taus, low)], [max(hi - t, 0) for t, hi in zip(taus, high)]],
                     fmt="o", capsize=3, label="RWE (95% bootstrap interval)")
    axes[0].plot(xs, [float(r["params_tau"]) for r in rows], "s", markersize=4, label="params")
    axes[0].plot(xs, [float(r["synflow_tau"]) for r in rows], "^", markersize=4, label="synflow")
    axes[0].axhline(0, color="grey", linewidth=0.8)
    axes[0].set_ylabel("Kendall tau against the table")
    agreement = [float(r["repeat_agreement"]) if r["repeat_agreement"] else float("nan") for r in rows]
    axes[1].bar(xs, agreement)
    axes[1].axhline(0.8, color="red", linewidth=0.8, linestyle="--")
    axes[1].set_ylabel("Kendall tau between weight initialisations")
    for ax in axes:
        ax.set_xticks(list(xs))
        ax.set_xticklabels(names, rotation=60, ha="right", fontsize=7)
        ax.grid(True, alpha=0.3)
    axes[0].legend(fontsize=7)
    image = _save(fig, out / "report-rwe-grid.png")
    lines = [(r["setting"], r["cells"], f"{t:.3f}", f"{float(r['rwe_tau_low']):.3f} to {float(r['rwe_tau_high']):.3f}",
              r["repeat_agreement"] or "-", f"{float(r['params_tau']):.3f}", f"{float(r['synflow_tau']):.3f}",
              f"{float(r['rwe_minus_params_low']):.3f} to {float(r['rwe_minus_params_high']):.3f}", r["rwe_seconds"])
             for r, t in zip(rows, taus)]
    return "\n\n".join([
        "## RWE settings grid",
        "From rwe-grid-nb201/grid.csv and each setting's results.csv (`experiments/rwe-grid-nb201.sh`): the "
        "issue-7 sweep's 100 cells, 10,000 test images, the head at its optimum. RWE's tau (on each cell's mean "
        "over its weight initialisations) by scipy; intervals are `nasbench summarize --bootstrap 2000`'s.",
        _table(["setting", "cells", "RWE tau", "95% interval", "repeat agreement", "params tau", "synflow tau",
                "tau(RWE) - tau(params), 95%", "RWE s/cell"], lines),
        f"![RWE tau per setting]({image})",
    ]), None
