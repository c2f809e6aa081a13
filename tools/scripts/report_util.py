"""Helpers shared by report.py and its section modules."""
import csv

import matplotlib.pyplot as plt


def read_csv(path):
    with open(path, newline="") as handle:
        return list(csv.DictReader(handle))


def save(fig, path):
    """Writes `fig` to `path` without a software tag (same CSVs, same bytes) and returns its file name."""
    fig.tight_layout()
    fig.savefig(path, metadata={"Software": None})
    plt.close(fig)
    return path.name


def markdown_table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)
