"""Sections of notebooks-export/report.md for issue 16's last steps (report.py imports them): the
confirmation of the grid's chosen RWE settings on 200 other cells, and RWE inside NSGA-II over 5
seeds. Each returns (markdown, None), or (None, missing input) when its CSVs are absent.
"""
from collections import defaultdict
from itertools import combinations

import matplotlib.pyplot as plt

from report_util import markdown_table as _table, read_csv as _rows, save as _save

# The scores the confirmation compares (results.csv column, intervals.csv name, label).
SCORES = [("rwe_accuracy", "rwe_accuracy", "RWE"), ("params", "params", "params"),
          ("naswot", "naswot", "NASWOT"), ("synflow_log", "synflow_log", "synflow")]


def _cells(path):
    """Per cell (trial, in file order): its rows (one per weight initialisation)."""
    cells = defaultdict(list)
    for r in _rows(path):
        cells[r["trial"]].append(r)
    return cells


def rwe_confirm_section(data, out):
    """`experiments/rwe-confirm-nb201.sh SETTING`: each confirmed setting's taus against the table with
    95% bootstrap intervals, the paired intervals against params and synflow, and the repeat agreement."""
    root = data / "rwe-confirm-nb201"
    settings = sorted(d for d in root.glob("*/") if (d / "intervals.csv").exists() and (d / "results.csv").exists())
    if not settings:
        return None, "rwe-confirm-nb201/SETTING/intervals.csv"
    from scipy import stats

    lines, fig_rows = [], []
    for folder in settings:
        cells = _cells(folder / "results.csv")
        k = min(len(v) for v in cells.values())
        trials = list(cells)
        truth = [float(cells[t][0]["truth"]) for t in trials]
        intervals = {r["statistic"]: r for r in _rows(folder / "intervals.csv")}
        taus = {}
        for column, name, label in SCORES:
            # RWE: the mean over a cell's initialisations; the other scores are the same on each row.
            x = [sum(float(r[column]) for r in cells[t][:k]) / k for t in trials]
            taus[label] = stats.kendalltau(x, truth).statistic
            i = intervals.get(f"tau({name})")
            lines.append((folder.name, label, len(trials), f"{taus[label]:.3f}",
                          f"{float(i['ci95_low']):.3f} to {float(i['ci95_high']):.3f}" if i else "-"))
        for name, label in [("params", "params"), ("synflow_log", "synflow")]:
            i = intervals.get(f"tau(rwe_accuracy)-tau({name})")
            if i:
                lines.append((folder.name, f"RWE - {label} (paired)", len(trials), f"{taus['RWE'] - taus[label]:.3f}",
                              f"{float(i['ci95_low']):.3f} to {float(i['ci95_high']):.3f}"))
        repeats = [[float(cells[t][j]["rwe_accuracy"]) for t in trials] for j in range(k)]
        agreement = [stats.kendalltau(repeats[a], repeats[b]).statistic for a, b in combinations(range(k), 2)]
        if agreement:
            lines.append((folder.name, f"repeat agreement (mean of {len(agreement)} pairs)", len(trials),
                          f"{sum(agreement) / len(agreement):.3f}", f"{min(agreement):.3f} to {max(agreement):.3f} (range)"))
        fig_rows.append((folder.name, taus, intervals))

    fig, ax = plt.subplots(figsize=(1.8 + 2.2 * len(fig_rows), 4), dpi=120)
    width = 0.8 / len(SCORES)
    for j, (_, name, label) in enumerate(SCORES):
        xs = [i + (j - (len(SCORES) - 1) / 2) * width for i in range(len(fig_rows))]
        ys = [taus[label] for _, taus, _ in fig_rows]
        lo = [float(iv[f"tau({name})"]["ci95_low"]) if f"tau({name})" in iv else y for (_, _, iv), y in zip(fig_rows, ys)]
        hi = [float(iv[f"tau({name})"]["ci95_high"]) if f"tau({name})" in iv else y for (_, _, iv), y in zip(fig_rows, ys)]
        # A percentile interval need not contain the estimate; the bars are clipped at it (the table has the interval).
        ax.errorbar(xs, ys, yerr=[[max(y - l, 0) for y, l in zip(ys, lo)], [max(h - y, 0) for y, h in zip(ys, hi)]],
                    fmt="o", capsize=3, label=label)
    ax.axhline(0, color="grey", linewidth=0.8)
    ax.set_xticks(range(len(fig_rows)))
    ax.set_xticklabels([name for name, _, _ in fig_rows], fontsize=8)
    ax.set_ylabel("Kendall tau against the table (95% interval)")
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize=7)
    image = _save(fig, out / "report-rwe-confirm.png")
    return "\n\n".join([
        "## RWE confirmation on 200 other cells",
        "From rwe-confirm-nb201/SETTING/ (`experiments/rwe-confirm-nb201.sh`): each chosen setting of the grid on "
        "the 200 cells of seed 0, K weight initialisations a cell. Taus (RWE on each cell's mean over its "
        "initialisations) and the repeat agreement by scipy; intervals are `nasbench summarize --bootstrap 2000`'s "
        "(cells resampled; the differences paired on the same resample).",
        _table(["setting", "statistic", "cells", "value", "95% interval"], lines),
        f"![confirmation]({image})",
    ]), None


def rwe_moo_section(data, out):
    """`experiments/rwe-moo-nb201.sh`: true hypervolume per generation, mean and sd over seeds, of
    NSGA-II on RWE, NSGA-II on the oracle's accuracy and random search at the same evaluations."""
    path = data / "rwe-moo-nb201" / "hypervolume.csv"
    if not path.exists():
        return None, "rwe-moo-nb201/hypervolume.csv"
    rows = _rows(path)
    groups = list(dict.fromkeys((r["method"], r["objective"]) for r in rows))
    fig, ax = plt.subplots(figsize=(7, 4.5), dpi=120)
    lines = []
    for method, objective in groups:
        g = [r for r in rows if r["method"] == method and r["objective"] == objective]
        xs = [float(r["evaluations_mean"]) for r in g]
        mean = [float(r["fraction_of_true_front_mean"]) for r in g]
        sd = [float(r["fraction_of_true_front_sd"]) for r in g]
        name = "NSGA-II" if method == "nsga2" else method
        ax.plot(xs, mean, "o-" if method == "nsga2" else "x--", markersize=3, label=f"{name} on {objective}")
        ax.fill_between(xs, [m - s for m, s in zip(mean, sd)], [m + s for m, s in zip(mean, sd)], alpha=0.15)
        last = g[-1]
        lines.append((name, objective, last["seeds"], last["generation"], f"{float(last['evaluations_mean']):.1f}",
                      f"{float(last['fraction_of_true_front_mean']):.3f}", f"{float(last['fraction_of_true_front_sd']):.3f}"))
    ax.set_xlabel("distinct cells evaluated (mean over seeds)")
    ax.set_ylabel("true hypervolume / true front's (mean, band: sd)")
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize=8)
    image = _save(fig, out / "report-rwe-moo.png")
    return "\n\n".join([
        "## RWE inside NSGA-II, over seeds",
        "From rwe-moo-nb201/hypervolume.csv (`experiments/rwe-moo-nb201.sh`): the true hypervolume of each "
        "method's front (the oracle's accuracy and the cost, scaled over the whole table, reference (1, 1)) as a "
        "fraction of the true front's, per generation; random search at the same evaluations. Last generation:",
        _table(["method", "judged by", "seeds", "generation", "cells", "of true front, mean", "sd"], lines),
        f"![hypervolume per generation over seeds]({image})",
    ]), None
