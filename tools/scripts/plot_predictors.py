#!/usr/bin/env python3
"""Plot a `nasbench predictors` run: a score (default Kendall tau) against train size, one line
per predictor with a band of mean ± std (sample std, n - 1) over the trials.

Reads RUN/results.csv and RUN/config.json only (never edited by hand). Writes RUN/NAME.png and
every --copy-to path; the PNG carries no timestamp or software version, so the same results
give the same bytes.

Usage: plot_predictors.py RUN [--metric kendall_tau] [--name tau_vs_train_size] [--copy-to PATH ...]
"""
import argparse
import csv
import json
import shutil
import statistics
from collections import defaultdict
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

LABELS = {
    "kendall_tau": "Kendall tau (held-out cells)",
    "spearman": "Spearman rho (held-out cells)",
    "pearson": "Pearson r (held-out cells)",
    "precision_at_10": "precision@10",
    "precision_at_100": "precision@100",
    "mae": "MAE",
    "rmse": "RMSE",
}


def aggregate(rows, metric):
    """{predictor: [(train_size, mean, std, trials)]} over the defined (non-NaN) values."""
    groups = defaultdict(list)
    order = []
    for row in rows:
        if row["predictor"] not in order:
            order.append(row["predictor"])
        value = float(row[metric])
        if value == value:
            groups[(row["predictor"], int(row["train_size"]))].append(value)
    series = {}
    for predictor in order:
        points = []
        for (name, size), values in sorted(groups.items(), key=lambda item: item[0][1]):
            if name == predictor:
                std = statistics.stdev(values) if len(values) > 1 else 0.0
                points.append((size, statistics.fmean(values), std, len(values)))
        series[predictor] = points
    return series


def plot(run, metric, name, out=None):
    """Draws RUN/results.csv; writes RUN/NAME.png, or `out` when given; returns the path."""
    with open(run / "results.csv") as handle:
        rows = list(csv.DictReader(handle))
    config = json.loads((run / "config.json").read_text())
    series = aggregate(rows, metric)
    fig, ax = plt.subplots(figsize=(7, 4.5), dpi=120)
    for predictor, points in series.items():
        sizes = [p[0] for p in points]
        means = [p[1] for p in points]
        stds = [p[2] for p in points]
        ax.plot(sizes, means, marker="o", label=predictor)
        ax.fill_between(sizes, [m - s for m, s in zip(means, stds)], [m + s for m, s in zip(means, stds)], alpha=0.2)
    trials = max((p[3] for points in series.values() for p in points), default=0)
    ax.set_xscale("log")
    ticks = sorted({p[0] for points in series.values() for p in points})
    ax.set_xticks(ticks, [str(t) for t in ticks])
    ax.minorticks_off()
    ax.set_xlabel("train size (cells)")
    ax.set_ylabel(LABELS.get(metric, metric))
    label = config.get("label", {})
    ax.set_title(
        f"{label.get('column', '?')}, {config.get('encoding', '?')} encoding\n"
        f"mean ± std over {trials} trials; tested on all held-out cells",
        fontsize=10)
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(title="predictor")
    fig.tight_layout()
    out = out or run / f"{name}.png"
    fig.savefig(out, metadata={"Software": None})
    plt.close(fig)
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("run", type=Path)
    parser.add_argument("--metric", default="kendall_tau", choices=sorted(LABELS))
    parser.add_argument("--name", default="tau_vs_train_size")
    parser.add_argument("--copy-to", action="append", default=[], type=Path)
    args = parser.parse_args()
    out = plot(args.run, args.metric, args.name)
    print(out)
    for target in args.copy_to:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(out, target)
        print(target)


if __name__ == "__main__":
    main()
