"""Sections of notebooks-export/report.md about MetaD2A's meta-test on CIFAR-10 (report.py imports them):
per arm, the table accuracy of the top cells with 95% intervals (arms.csv of `nasbench metad2a summarize`),
and what the arms generated (cells.csv: uniqueness under NB201's isomorphism key, operation shares,
seconds a phase). Each returns (markdown, None), or (None, missing input) when its CSVs are absent.
"""
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
