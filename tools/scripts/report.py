#!/usr/bin/env python3
"""Regenerate notebooks-export/report.md (Markdown with PNG plots) from result CSVs alone.

Inputs (under --data, default notebooks-export/data; each section is skipped, with a note,
when its files are missing):
  predictors-nb201/results.csv + config.json   `nasbench predictors` run: tau vs train size
  search-nb201/trials.csv                      `nasbench search` run: queries-to-optimum per strategy
  search-nb201/curves.csv                      best-so-far (regret) curves of the same run
  rwe-nb201/results.csv                        `nasbench rwe` run: each score against the truth column
  moo-nb201/rwe-params/{generations,comparison}.csv   `nasbench moo` with RWE: hypervolume per generation
  weaknas-nb201-authors/trials.csv + config.json        WeakNAS as its authors ran it (capped trials)
  weaknas-nb201-ei/trials.csv                  its EI variant under the same protocol (optional)
  search-nb201-mean/trials.csv                 random, evolution, local search with seed-mean answers
  conet/search-*/{trials,timing}.csv           `nasbench conet search` runs: channel evolution per trial
  conet/final.csv, verdict.csv                 `nasbench conet report`: accuracy against parameters
  metad2a-calibration/calibration{,-pairs}.csv  MetaD2A's label recipe against the table (report_noise.py)
optional extras, drawn only when such files are present (never listed as skipped):
  rwe-noise-nb201/results.csv                  RWE under several weight initialisations (report_noise.py)
  rwe-grid-nb201/grid.csv, SETTING/results.csv RWE's settings grid: tau with intervals, repeat agreement (report_noise.py)
  rwe-confirm-nb201/SETTING/{results,intervals}.csv  the chosen settings on 200 other cells (report_rwe.py)
  rwe-moo-nb201/hypervolume.csv                RWE inside NSGA-II, mean and sd over seeds (report_rwe.py)
  metad2a-study/{arms,cells}.csv (and metad2a-protocol-b/)  MetaD2A's meta-test arms on CIFAR-10 (report_metad2a.py)
  metad2a-fashion/fashion.csv                  MetaD2A's Fashion-MNIST stand-in for the MNIST row (report_metad2a.py)
  rwe*.csv                                     RWE scatter: first two numeric columns (x, y)
  pareto*.csv                                  Pareto front: first two numeric columns (x, y)
and experiments/regress-nb201.baseline.csv (the regression suite's committed baseline).

`--collect` first copies those small CSVs from the run folders the experiments write
(runs/predictors-nb201, runs/weaknas-nb201, runs/weaknas-nb201-mean, and the capped WeakNAS run,
whose queries.csv goes in gzipped so that experiments/weaknas-nb201-authors.sh can resume it). PNGs carry no timestamp or software version, so
the same CSVs give the same bytes.

Usage: report.py [--data DIR] [--out DIR] [--collect]
"""
import argparse
import gzip
import json
import shutil
import statistics
import sys
from collections import defaultdict
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools" / "scripts"))
import plot_predictors  # noqa: E402
import report_metad2a  # noqa: E402
import report_noise  # noqa: E402
import report_rwe  # noqa: E402
from report_util import markdown_table, read_csv, save  # noqa: E402

COLLECT = {
    "predictors-nb201": ("runs/predictors-nb201", ["results.csv", "summary.csv", "config.json"]),
    "search-nb201": ("runs/weaknas-nb201", ["trials.csv", "summary.csv", "curves.csv", "config.json"]),
    "search-nb201-mean": ("runs/weaknas-nb201-mean", ["trials.csv", "summary.csv", "curves.csv", "config.json"]),
    "weaknas-nb201-authors": ("runs/weaknas-nb201-authors/weaknas-mlp-max1000",
                              ["trials.csv", "summary.csv", "curves.csv", "config.json", "queries.csv.gz"]),
    "weaknas-nb201-ei": ("runs/weaknas-nb201-ei/weaknas-ei5-mlp-max1000",
                         ["trials.csv", "summary.csv", "curves.csv", "config.json", "queries.csv.gz"]),
    **{f"conet/search-{name}": (f"runs/conet/search-{name}", ["trials.csv", "groups.csv", "timing.csv", "result.json", "config.json"])
       for name in ("sa07", "sa06", "greedy")},
}
CONET_SEARCHES = (("sa07", "SA, gamma 0.7"), ("sa06", "SA, gamma 0.6"), ("greedy", "greedy, gamma 0.8"))


def predictors_section(data, out):
    run = data / "predictors-nb201"
    if not (run / "results.csv").exists() or not (run / "config.json").exists():
        return None, "predictors-nb201/results.csv and config.json"
    image = plot_predictors.plot(run, "kendall_tau", "tau", out=out / "report-predictors-tau.png").name
    series = plot_predictors.aggregate(read_csv(run / "results.csv"), "kendall_tau")
    rows = [(p, size, f"{mean:.3f} ± {std:.3f}", n) for p, points in series.items() for size, mean, std, n in points]
    return "\n\n".join([
        "## Predictors: Kendall tau vs train size",
        "From predictors-nb201/results.csv: each predictor is fitted on n random NB201 cells and scored on all the others (mean ± std band "
        "over seeded trials; the same split for every predictor within a trial).",
        f"![Kendall tau vs train size]({image})",
        markdown_table(["predictor", "train size", "Kendall tau", "trials"], rows),
    ]), None


def search_section(data, out):
    path = data / "search-nb201" / "trials.csv"
    if not path.exists():
        return None, "search-nb201/trials.csv"
    groups = defaultdict(list)
    for row in read_csv(path):
        if row["queries_to_search_optimum"]:
            groups[row["strategy"]].append(float(row["queries_to_search_optimum"]))
        else:
            groups.setdefault(row["strategy"], [])
    names = list(groups)
    fig, ax = plt.subplots(figsize=(7, 4.5), dpi=120)
    ax.boxplot([groups[n] for n in names], showmeans=True)
    ax.set_xticks(range(1, len(names) + 1), names)
    ax.set_yscale("log")
    ax.set_ylabel("queries until the search optimum")
    ax.set_title("queries-to-optimum per strategy (box: quartiles, triangle: mean)", fontsize=10)
    ax.grid(True, axis="y", which="both", alpha=0.3)
    image = save(fig, out / "report-search-queries.png")
    rows = [
        (n, len(v), f"{statistics.fmean(v):.1f}", f"{statistics.median(v):.1f}",
         f"{statistics.stdev(v):.1f}" if len(v) > 1 else "-")
        for n, v in groups.items() if v
    ]
    return "\n\n".join([
        "## Search: queries to the optimum",
        "From search-nb201/trials.csv: queries until the cell with the best seed-mean cifar10-valid accuracy was queried, one trial per seed.",
        f"![queries to optimum]({image})",
        markdown_table(["strategy", "trials found", "mean", "median", "std"], rows),
    ]), None


def curves_section(data, out):
    path = data / "search-nb201" / "curves.csv"
    if not path.exists():
        return None, "search-nb201/curves.csv"
    series = defaultdict(list)
    for row in read_csv(path):
        if row["axis"] == "queries":
            series[row["strategy"]].append(
                (float(row["x"]), float(row["mean_search_regret"]), float(row["mean_test_regret"])))
    fig, axes = plt.subplots(1, 2, figsize=(10, 4.2), dpi=120)
    for strategy, points in series.items():
        xs = [p[0] for p in points]
        for ax, column in zip(axes, (1, 2)):
            shown = [(x, p[column]) for x, p in zip(xs, points) if p[column] > 0]  # log axis: zero regret not drawn
            ax.plot([s[0] for s in shown], [s[1] for s in shown], marker=".", label=strategy)
    for ax, what in zip(axes, ["search (valid) regret", "test regret of incumbent"]):
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel("queries")
        ax.set_ylabel(f"mean {what} (acc. points)")
        ax.set_title(f"best-so-far {what}", fontsize=10)
        ax.grid(True, which="major", alpha=0.3)
        ax.legend(title="strategy")
    image = save(fig, out / "report-search-curves.png")
    return "\n\n".join([
        "## Search: best-so-far curves",
        "Mean regret of the best cell found so far against the number of queries (search-nb201/curves.csv).",
        f"![best-so-far curves]({image})",
    ]), None


def scatter_section(data, out, pattern, title, name, line):
    files = sorted(data.glob(pattern))
    if not files:
        return None, pattern
    fig, ax = plt.subplots(figsize=(7, 4.5), dpi=120)
    labels = None
    for path in files:
        rows = read_csv(path)
        numeric = [c for c in (rows[0].keys() if rows else []) if all(_is_number(r[c]) for r in rows)]
        if len(numeric) < 2:
            continue
        x, y = numeric[:2]
        labels = (x, y)
        points = sorted((float(r[x]), float(r[y])) for r in rows)
        ax.plot([p[0] for p in points], [p[1] for p in points], "o-" if line else "o", markersize=3,
                label=path.stem, alpha=0.8)
    if labels is None:
        plt.close(fig)
        return None, f"{pattern} with two numeric columns"
    ax.set_xlabel(labels[0])
    ax.set_ylabel(labels[1])
    ax.grid(True, alpha=0.3)
    ax.legend()
    image = save(fig, out / name)
    return f"## {title}\n\nFrom {', '.join(p.name for p in files)}.\n\n![{title}]({image})", None


RWE_SCORES = [
    ("rwe_accuracy", "RWE held-out accuracy"),
    ("params", "params"),
    ("naswot", "NASWOT"),
    ("synflow_log", "log synflow"),
]


def rwe_section(data, out):
    """`nasbench rwe` results: each score against the trained accuracy, Kendall tau in the title."""
    path = data / "rwe-nb201" / "results.csv"
    if not path.exists():
        return None, "rwe-nb201/results.csv"
    from scipy import stats

    rows = read_csv(path)
    truth = [float(r["truth"]) for r in rows]
    fig, axes = plt.subplots(1, len(RWE_SCORES), figsize=(13, 3.4), dpi=120, sharey=True)
    lines = []
    for ax, (column, label) in zip(axes, RWE_SCORES):
        values = [float(r[column]) for r in rows]
        tau = stats.kendalltau(values, truth).statistic
        rho = stats.spearmanr(values, truth).statistic
        lines.append((label, f"{tau:.3f}", f"{rho:.3f}"))
        ax.plot(values, truth, "o", markersize=3, alpha=0.7)
        if column == "params":
            ax.set_xscale("log")
        ax.set_title(f"{label}: tau {tau:.3f}", fontsize=9)
        ax.set_xlabel(column)
        ax.grid(True, alpha=0.3)
    axes[0].set_ylabel("trained accuracy (truth)")
    image = save(fig, out / "report-rwe-nb201.png")
    return "\n\n".join([
        "## Random-weight evaluation on NB201",
        f"From rwe-nb201/results.csv ({len(rows)} cells; truth: the run's `truth` column; tau and Spearman "
        "by scipy).",
        markdown_table(["score", "Kendall tau", "Spearman"], lines),
        f"![RWE against the trained accuracy]({image})",
    ]), None


def moo_section(data, out):
    """`nasbench moo --accuracy rwe`: true hypervolume per generation against the oracle's search."""
    folder = data / "moo-nb201" / "rwe-params"
    if not (folder / "generations.csv").exists() or not (folder / "comparison.csv").exists():
        return None, "moo-nb201/rwe-params/generations.csv"
    generations = read_csv(folder / "generations.csv")
    comparison = read_csv(folder / "comparison.csv")
    fig, ax = plt.subplots(figsize=(7, 4.5), dpi=120)
    # NSGA-II per generation; random search at the same evaluations (files since issue 16 have its rows,
    # older ones only its final point in comparison.csv).
    for method, objective in dict.fromkeys((r.get("method", "nsga2"), r["objective"]) for r in generations):
        rows = [r for r in generations if r.get("method", "nsga2") == method and r["objective"] == objective]
        name = "NSGA-II" if method == "nsga2" else method
        ax.plot([int(r["evaluations"]) for r in rows], [float(r["fraction_of_true_front"]) for r in rows],
                "o-" if method == "nsga2" else "x--", markersize=3, label=f"{name} on {objective}")
    if not any(r.get("method") == "random" for r in generations):
        for r in comparison:
            if r["method"] == "random":
                ax.plot([int(r["evaluations"])], [float(r["fraction_of_true_front"])], "x", markersize=8,
                        label=f"random on {r['objective']}")
    ax.set_xlabel("distinct cells evaluated")
    ax.set_ylabel("true hypervolume / true front's")
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize=8)
    image = save(fig, out / "report-moo-rwe.png")
    rows = [(r["method"], r["objective"], r["evaluations"], r["front_size"], f"{float(r['true_hypervolume']):.4f}",
             f"{float(r['fraction_of_true_front']):.3f}") for r in comparison]
    return "\n\n".join([
        "## Multi-objective search with RWE (NSGA-II, accuracy against params)",
        "From moo-nb201/rwe-params/generations.csv and comparison.csv (true hypervolume: the oracle's accuracy "
        "and the cost, scaled over the whole table, reference (1, 1)).",
        markdown_table(["method", "objective", "cells", "front", "true hypervolume", "of true front"], rows),
        f"![Hypervolume per generation]({image})",
    ]), None


def _found_within(values, budget):
    return sum(1 for v in values if v <= budget)


def weaknas_section(data, out):
    """WeakNAS as its authors ran it against the seed-mean baselines: fraction of trials that had
    found the optimum (queried, or the predictor's top-1) after each number of queries."""
    weaknas_dir, baseline = data / "weaknas-nb201-authors", data / "search-nb201-mean" / "trials.csv"
    if not (weaknas_dir / "trials.csv").exists() or not baseline.exists():
        return None, "weaknas-nb201-authors/trials.csv"
    budget = json.loads((weaknas_dir / "config.json").read_text())["budget"]
    cap = int(budget.split("max=")[1]) if "max=" in budget else None
    groups, trials = {}, {}
    ei = data / "weaknas-nb201-ei" / "trials.csv"  # the EI variant, same protocol, when present
    for path in [weaknas_dir / "trials.csv", baseline] + ([ei] if ei.exists() else []):
        for row in read_csv(path):
            name = row["strategy"]
            trials[name] = trials.get(name, 0) + 1
            value = row.get("queries_to_search_optimum_or_top1") or row["queries_to_search_optimum"]
            groups.setdefault(name, [])
            if value:
                groups[name].append(int(value))
    budgets = [100, 200, 500, 1000]
    fig, ax = plt.subplots(figsize=(7, 4.5), dpi=120)
    rows = []
    for name, values in groups.items():
        xs = sorted(values)
        fractions = [0] + [(i + 1) / trials[name] for i in range(len(xs))]
        if cap is not None and len(xs) < trials[name]:  # trials cut at the cap: hold the last fraction up to it
            xs, fractions = xs + [cap], fractions + [fractions[-1]]
        ax.step([1] + xs, fractions, where="post", label=f"{name} ({trials[name]} trials)")
        within = [v for v in values if cap is None or v <= cap]
        rows.append([name, trials[name]] + [f"{_found_within(values, b) / trials[name]:.2f}" for b in budgets] + [
            f"{statistics.fmean(within):.1f}" if within else "-",
            f"{statistics.median(within):.1f}" if within else "-"])
    if cap is not None:
        ax.axvline(cap, color="grey", linestyle=":", linewidth=1)
    ax.set_xscale("log")
    ax.set_xlabel("queries")
    ax.set_ylabel("fraction of trials that found the optimum")
    ax.set_title("NB201 cifar10-valid optimum: WeakNAS (authors' protocol) vs seed-mean baselines", fontsize=9)
    ax.grid(True, which="major", alpha=0.3)
    ax.legend(fontsize=8, loc="upper left")
    image = save(fig, out / "report-weaknas-authors.png")
    mean_header = f"mean (found within {cap})" if cap else "mean (found)"
    return "\n\n".join([
        "## WeakNAS as its authors ran it",
        f"From weaknas-nb201-authors/trials.csv (budget `{budget}`: queried or the predictor's top-1, at most "
        f"{cap or 'unlimited'} queries; seed-mean labels scaled over the table), weaknas-nb201-ei/trials.csv when "
        "present (the EI variant, same protocol; a partial run lists fewer trials) and search-nb201-mean/trials.csv "
        "(the other strategies, seed-mean answers, strict). Columns: fraction of trials that had found the "
        "optimum within that many queries.",
        markdown_table(["strategy", "trials"] + [f"by {b}" for b in budgets] + [mean_header, "median"], rows),
        f"![Fraction of trials that found the optimum]({image})",
    ]), None


def _is_number(text):
    try:
        float(text)
        return True
    except (TypeError, ValueError):
        return False


def regression_section():
    path = ROOT / "experiments" / "regress-nb201.baseline.csv"
    if not path.exists():
        return None, "experiments/regress-nb201.baseline.csv"
    rows = [(r["statistic"], r["direction"], f"{float(r['mean']):.4f}", f"{float(r['std_error']):.4f}", r["trials"])
            for r in read_csv(path)]
    return "\n\n".join([
        "## Regression suite baseline",
        "What `make test` checks on the real NB201 table (`nasbench regress --suite experiments/regress-nb201.json`; "
        "rule in [docs/REGRESSION.md](../docs/REGRESSION.md)).",
        markdown_table(["statistic", "better", "mean", "std error", "trials"], rows),
    ]), None


def conet_section(data, out):
    """CONetV2 (experiments/conet-study.sh): each search's widths per trial, and the final trainings'
    accuracy against their parameters."""
    searches = [(name, label, data / "conet" / f"search-{name}") for name, label in CONET_SEARCHES]
    searches = [(n, l, d) for n, l, d in searches if (d / "trials.csv").exists()]
    if not searches:
        return None, "conet/search-*/trials.csv"
    fig, axes = plt.subplots(1, len(searches), figsize=(4.6 * len(searches), 3.4), dpi=120, squeeze=False)
    lines = []
    for ax, (name, label, folder) in zip(axes[0], searches):
        rows = [r for r in read_csv(folder / "trials.csv")]
        last = {}
        for r in rows:
            last[int(r["trial"])] = r  # the trial's last epoch
        trials = sorted(last)
        widths = [[int(w) for w in last[t]["widths"].split()] for t in trials]
        for g in range(len(widths[0])):
            ax.plot(trials, [w[g] for w in widths], marker=".", linewidth=1)
        ax.set_title(f"{label}: widths per group", fontsize=9)
        ax.set_xlabel("trial")
        ax.set_ylabel("channels")
        ax.grid(True, alpha=0.3)
        seconds = 0.0
        if (folder / "timing.csv").exists():
            seconds = sum(float(r["train_seconds"]) + float(r["metric_seconds"]) + float(r["test_seconds"])
                          for r in read_csv(folder / "timing.csv"))
        best = json.loads((folder / "result.json").read_text()) if (folder / "result.json").exists() else None
        lines.append((label, len(trials), f"{seconds / 3600:.2f}", f"{seconds / max(len(trials), 1) / 60:.1f}",
                      best["best_trial"] if best else "running", " ".join(map(str, best["widths"])) if best else "",
                      best["parameters"] if best else ""))
    image = save(fig, out / "report-conet-channels.png")
    parts = ["## CONetV2 on ResNet-20 and CIFAR-10",
             "From conet/search-*/ (experiments/conet-study.sh; design and verdict rule in docs/RESULTS.md). Each line is "
             "one dependency group's width at each trained trial.",
             markdown_table(["search", "trials trained", "hours", "minutes a trial", "best trial", "best widths", "parameters"],
                            lines),
             f"![Channel evolution]({image})"]
    final = data / "conet" / "final.csv"
    if final.exists():
        rows = read_csv(final)
        fig, ax = plt.subplots(figsize=(5.6, 3.8), dpi=120)
        for rule in sorted({r["rule"] for r in rows}):
            points = [(int(r["parameters"]), float(r["test_accuracy"])) for r in rows if r["rule"] == rule]
            ax.plot([p for p, _ in points], [a for _, a in points], "o", label=rule)
        ax.set_xlabel("parameters")
        ax.set_ylabel("test accuracy, last epoch (%)")
        ax.legend(fontsize=8)
        ax.grid(True, alpha=0.3)
        image = save(fig, out / "report-conet-accuracy.png")
        parts.append(markdown_table(["run", "parameters", "test accuracy (%)"],
                                    [(r["run"], r["parameters"], r["test_accuracy"]) for r in rows]))
        verdict = data / "conet" / "verdict.csv"
        if verdict.exists():
            v = read_csv(verdict)[0]
            provisional = "" if v.get("complete", "yes") == "yes" else " Provisional: not every random config of the design is in."
            parts.append(f"Verdict (fixed rule): **{v['verdict']}**, margin {float(v['margin']):.2f} points.{provisional}")
        parts.append(f"![Accuracy against parameters]({image})")
    cost = data / "conet" / "cost.csv"
    if cost.exists():
        rows = read_csv(cost)
        parts.append("Cost (`conet report`'s cost.csv: wall time from each run's timing.csv, on 2 CPU cores that other runs "
                     "often shared; `all-finished` sums the finished runs):")
        parts.append(markdown_table(["run", "finished", "units", "hours", "seconds a unit"],
                                    [(r["run"] + (f" ({r['kind']})" if r["run"] == "all-finished" else ""), r["finished"],
                                      f"{r['units']} {r['unit']}s", f"{float(r['total_seconds']) / 3600:.2f}",
                                      f"{float(r['seconds_per_unit']):.0f}") for r in rows]))
    return "\n\n".join(parts), None


def collect(data):
    for name, (source, files) in COLLECT.items():
        for file in files:
            if file.endswith(".gz") and (ROOT / source / file[:-3]).exists():
                # Same bytes for the same CSV: no file name or time stamp in the gzip header.
                (data / name).mkdir(parents=True, exist_ok=True)
                with open(ROOT / source / file[:-3], "rb") as raw, open(data / name / file, "wb") as packed:
                    with gzip.GzipFile(filename="", mode="wb", fileobj=packed, mtime=0) as stream:
                        shutil.copyfileobj(raw, stream)
            elif (ROOT / source / file).exists():
                (data / name).mkdir(parents=True, exist_ok=True)
                shutil.copyfile(ROOT / source / file, data / name / file)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT / "notebooks-export" / "data")
    parser.add_argument("--out", type=Path, default=ROOT / "notebooks-export")
    parser.add_argument("--collect", action="store_true")
    args = parser.parse_args()
    if args.collect:
        collect(args.data)
    args.out.mkdir(parents=True, exist_ok=True)
    sections, skipped = [], []
    required = (
        lambda: predictors_section(args.data, args.out),
        lambda: search_section(args.data, args.out),
        lambda: curves_section(args.data, args.out),
        lambda: rwe_section(args.data, args.out),
        lambda: moo_section(args.data, args.out),
        lambda: weaknas_section(args.data, args.out),
        lambda: conet_section(args.data, args.out),
        lambda: report_noise.metad2a_calibration_section(args.data, args.out),
        regression_section,
    )
    optional = (
        # The RWE noise run carries its CSVs from session to session; drawn once they exist.
        lambda: report_noise.rwe_noise_section(args.data, args.out),
        lambda: report_noise.rwe_grid_section(args.data, args.out),
        lambda: report_rwe.rwe_confirm_section(args.data, args.out),
        lambda: report_rwe.rwe_moo_section(args.data, args.out),
        lambda: report_metad2a.studies_section(args.data, args.out),
        lambda: report_metad2a.fashion_section(args.data, args.out),
        lambda: scatter_section(args.data, args.out, "rwe*.csv", "RWE scatter", "report-rwe.png", line=False),
        lambda: scatter_section(args.data, args.out, "pareto*.csv", "Pareto front", "report-pareto.png", line=True),
    )
    for make in required + optional:
        text, missing = make()
        if text:
            sections.append(text)
        elif make in required:
            skipped.append(missing)
            print(f"report: skipped a section: no {missing}", file=sys.stderr)
    header = [
        "# nasbench report",
        "Generated by `make report` (tools/scripts/report.py) from the CSVs in notebooks-export/data; do not edit by hand. "
        "Those CSVs come from the scripts in experiments/ run on the real NAS-Bench-201 table (each section "
        "names its run folder), copied by `tools/scripts/report.py --collect`; report.ipynb loads the same files with pandas.",
    ]
    if skipped:
        header.append("Sections skipped (input missing): " + ", ".join(f"`{s}`" for s in skipped) + ".")
    (args.out / "report.md").write_text("\n\n".join(header + sections) + "\n")
    print(args.out / "report.md")


if __name__ == "__main__":
    main()
