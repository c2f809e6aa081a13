"""Sections of notebooks-export/report.md about MetaD2A's meta-test on CIFAR-10 (report.py imports them):
per arm, the table accuracy of the top cells with 95% intervals (arms.csv of `nasbench metad2a summarize`),
and what the arms generated (cells.csv: uniqueness under NB201's isomorphism key, operation shares,
seconds a phase); and the Fashion-MNIST stand-in for the paper's MNIST row (fashion.csv). Each returns
(markdown, None), or (None, missing input) when its CSVs are absent.
"""
import statistics

import matplotlib.pyplot as plt

from report_util import markdown_table as _table, read_csv as _rows, save as _save

# The paper's CIFAR-10 figure (Lee et al., ICLR 2021: 94.37 +- 0.03, the table's optimum), the one number
# here that does not come from a CSV.
PAPER_CIFAR10 = 94.37
OPS = ["none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"]
STUDIES = (
    ("metad2a-study", "MetaD2A on CIFAR-10, protocol A (meta-trained on Fashion-MNIST + digits only)",
     "experiments/metad2a-study.sh test"),
    ("metad2a-protocol-b", "MetaD2A on CIFAR-10, protocol B (CIFAR-10 training-image tasks added: an upper bound)",
     "experiments/metad2a-protocol-b.sh test"),
)


def _study(data, out, name, title, command):
    folder = data / name
    if not (folder / "arms.csv").exists():
        return None
    arms = _rows(folder / "arms.csv")
    fig, ax = plt.subplots(figsize=(6.4, 0.45 * len(arms) + 1.6), dpi=120)
    labels = [a["arm"] for a in arms]
    for k, (key, marker, label) in enumerate([("best", "o", "best of the top cells"), ("top1", "s", "top-1"),
                                              ("top10", "^", "mean of the top 10")]):
        y = [i + (k - 1) * 0.22 for i in range(len(arms))]
        ax.errorbar([float(a[f"{key}_mean"]) for a in arms], y, xerr=[float(a[f"{key}_ci95"]) for a in arms],
                    fmt=marker, markersize=4, capsize=2, label=label)
    ax.axvline(PAPER_CIFAR10, color="grey", linestyle="--", linewidth=1, label=f"paper {PAPER_CIFAR10}")
    ax.set_yticks(range(len(arms)), labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel("CIFAR-10 test accuracy in the table (%), mean and 95% interval over runs")
    ax.legend(fontsize=7, loc="lower left")
    ax.grid(True, axis="x", alpha=0.3)
    image = _save(fig, out / f"report-{name}.png")
    parts = [f"## {title}",
             f"From {name}/ (`{command}`; design, decision rule and departures in docs/RESULTS.md). Each arm: "
             "500 cells ranked, the top 30 kept, 10 seeded runs.",
             _table(["arm", "runs", "best (%)", "top-1 (%)", "top-10 mean (%)", "validity", "uniqueness", "novelty"],
                    [(a["arm"], a["runs"], f"{float(a['best_mean']):.2f} ± {float(a['best_ci95']):.2f}",
                      f"{float(a['top1_mean']):.2f} ± {float(a['top1_ci95']):.2f}",
                      f"{float(a['top10_mean']):.2f} ± {float(a['top10_ci95']):.2f}", a["validity"], a["uniqueness"],
                      a["novelty"]) for a in arms]),
             f"![{title}]({image})"]
    if (folder / "cells.csv").exists():
        cells = _rows(folder / "cells.csv")
        parts.append("What each arm's cells are: the share of NB201's isomorphism classes among them (`iso_uniqueness`) "
                     "and each operation's share of their edges, over all ranked cells and over the top 30; wall "
                     "seconds of a run's two phases.")
        parts.append(_table(["arm", "cells", "iso uniqueness"] + OPS + ["generate s", "rank s"],
                            [(c["arm"] + ("" if c["subset"] == "all" else " (top)"), c["cells"], c["iso_uniqueness"],
                              *[c[op] for op in OPS], c["generate_seconds"], c["rank_seconds"]) for c in cells]))
        top = [c for c in cells if c["subset"] == "top"]
        fig, ax = plt.subplots(figsize=(6.4, 3.2), dpi=120)
        width = 0.8 / max(len(top), 1)
        for k, c in enumerate(top):
            ax.bar([i + k * width for i in range(len(OPS))], [float(c[op]) for op in OPS], width, label=c["arm"])
        ax.set_xticks([i + 0.4 - width / 2 for i in range(len(OPS))], OPS, fontsize=7)
        ax.set_ylabel("share of the top cells' edges")
        ax.legend(fontsize=7)
        ax.grid(True, axis="y", alpha=0.3)
        parts.append(f"![Operations of the top cells]({_save(fig, out / f'report-{name}-ops.png')})")
    return "\n\n".join(parts)


def studies_section(data, out):
    """Protocol A's meta-test, then protocol B's when it exists."""
    texts = [t for t in (_study(data, out, *s) for s in STUDIES) if t]
    if not texts:
        return None, "metad2a-study/arms.csv"
    return "\n\n".join(texts), None


def fashion_section(data, out):
    """The Fashion-MNIST stand-in for the paper's MNIST row (experiments/metad2a-fashion.sh): per training seed,
    the top generated cell's accuracy under the label recipe, its rank among all the trained cells, and the
    random cells' mean and max; then the generated cells' operation shares per dataset (Fashion-MNIST's
    cells.csv beside CIFAR-10's). (None, missing input) without fashion.csv."""
    folder = data / "metad2a-fashion"
    if not (folder / "fashion.csv").exists():
        return None, "metad2a-fashion/fashion.csv"
    rows = _rows(folder / "fashion.csv")
    seeds = sorted({r["seed"] for r in rows}, key=int)
    table, points = [], []
    for seed in seeds:
        mine = [r for r in rows if r["seed"] == seed]
        top = [float(r["accuracy"]) for r in mine if r["kind"] == "generated-top1"]
        rand = [float(r["accuracy"]) for r in mine if r["kind"] == "random"]
        if len(top) != 1 or not rand:
            raise SystemExit(f"report: {folder / 'fashion.csv'}: seed {seed} needs one generated-top1 row and random rows")
        rank = 1 + sum(a > top[0] for a in rand)
        points.append((top[0], rand))
        table.append((seed, f"{top[0]:.2f}", f"{rank} of {len(rand) + 1}", f"{statistics.mean(rand):.2f}",
                      f"{max(rand):.2f}", len(rand)))
    fig, ax = plt.subplots(figsize=(6.4, 2.8), dpi=120)
    for k, (top, rand) in enumerate(points):
        ax.scatter([k] * len(rand), rand, color="grey", s=12, label="random cells" if k == 0 else None)
        ax.scatter([k], [top], color="C3", marker="*", s=90, label="top generated cell" if k == 0 else None)
    ax.set_xticks(range(len(seeds)), [f"seed {s}" for s in seeds])
    ax.set_ylabel("10-way validation accuracy (%)")
    ax.legend(fontsize=7)
    ax.grid(True, axis="y", alpha=0.3)
    image = _save(fig, out / "report-metad2a-fashion.png")
    shares = []
    for name, arm, label in (("metad2a-study", "metad2a", "CIFAR-10"), ("metad2a-study", "dataset-blind", "CIFAR-10, dataset-blind"),
                             ("metad2a-fashion", "fashion-mnist", "Fashion-MNIST")):
        if (data / name / "cells.csv").exists():
            shares += [(label, c["subset"], c["runs"], c["iso_uniqueness"], *[c[op] for op in OPS])
                       for c in _rows(data / name / "cells.csv") if c["arm"] == arm]
    per_dataset = ["The generated cells per dataset (protocol A's generator and predictor): each operation's share of "
                   "the edges of all 500 ranked cells and of the top 30, and their uniqueness under NB201's isomorphism key.",
                   _table(["features", "cells", "runs", "iso uniqueness"] + OPS, shares)] if shares else []
    return "\n\n".join([
        "## MetaD2A on Fashion-MNIST, a stand-in for the paper's MNIST row",
        "From metad2a-fashion/ (`experiments/metad2a-fashion.sh`): protocol A's generator and predictor on "
        "Fashion-MNIST's features, the top of 500 generated cells against 10 random cells, every cell trained with "
        "the database's reduced recipe on a 10-way Fashion-MNIST task (seeds below). Fashion-MNIST's classes were "
        "seen in meta-training and the recipe is not NB201's training: not comparable to the paper's 99.71%.",
        _table(["seed", "top generated cell (%)", "its rank", "random mean (%)", "random max (%)", "random cells"], table),
        f"![Fashion-MNIST stand-in]({image})"] + per_dataset), None
