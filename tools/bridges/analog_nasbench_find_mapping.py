#!/usr/bin/env python3
"""Reference check (Python, needs numpy + scipy): re-derive the mapping pinned in
tools/bridges/analog_nasbench_export.py from scratch.

Scores every op permutation (120) x edge permutation (720) of the package's
6-tuples by Kendall tau between the package's baseline CIFAR-10 accuracy and
the official NAS-Bench-201 `cifar10_test_200`, and prints the best mappings.
Takes about 3 minutes on 2 cores.

    NASBENCH_DATA=/path/to/data python3 tools/bridges/analog_nasbench_find_mapping.py
    (or --reference /path/to/nb201/nb201_full.csv; --data PICKLE as in the exporter)
"""
import argparse
import csv
import itertools
import os
import sys

import numpy as np
from scipy.stats import kendalltau

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import analog_nasbench_export as ex  # noqa: E402


def parse_official(s):
    ops = {}
    for i, node in enumerate(s.strip("|").split("|+|"), start=1):
        for tok in node.split("|"):
            op, j = tok.split("~")
            ops[(i, int(j))] = ex.OFFICIAL_OPS.index(op)
    return [ops[e] for e in ex.OFFICIAL_EDGES]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--reference")
    ap.add_argument("--data")
    ap.add_argument("--top", type=int, default=5)
    args = ap.parse_args()
    ref_path = args.reference or os.path.join(os.environ.get("NASBENCH_DATA", ""), "nb201", "nb201_full.csv")
    if not os.path.isfile(ref_path):
        sys.exit(f"error: reference table not found: {ref_path} (set NASBENCH_DATA or --reference)")
    ref = np.full(ex.N_CELLS, np.nan)
    with open(ref_path, newline="") as f:
        for r in csv.DictReader(f):
            ref[ex.lex_rank(parse_official(r["arch_str"]))] = float(r["cifar10_test_200"])
    if np.isnan(ref).any():
        sys.exit("error: reference table does not cover all 15,625 cells")
    path = args.data or ex.locate_package_data()[0]
    with open(path, "rb") as f:
        table = ex.load_table(f.read())
    keys = np.array(list(table), dtype=np.int64)
    x = np.array([v[0] for v in table.values()])  # baseline accuracy
    edge_index = {e: k for k, e in enumerate(ex.OFFICIAL_EDGES)}
    results = []
    for op_perm in itertools.permutations(range(5)):  # package code -> official op index
        official = np.array(op_perm)[keys]
        for edge_perm in itertools.permutations(range(6)):  # package position -> official edge index
            code = np.zeros(len(keys), dtype=np.int64)
            for p in range(6):
                code += official[:, p] * 5 ** (5 - edge_perm[p])
            results.append((kendalltau(x, ref[code]).statistic, op_perm, edge_perm))
    results.sort(key=lambda r: -r[0])
    for tau, op_perm, edge_perm in results[: args.top]:
        ops = [ex.OFFICIAL_OPS[i] for i in op_perm]
        edges = ["%d<-%d" % ex.OFFICIAL_EDGES[e] for e in edge_perm]
        print(f"tau={tau:.4f} ops(code 0..4)={ops} edges(position 0..5)={edges}")
    pinned_ops = [ex.OFFICIAL_OPS.index(o) for o in ex.PKG_OP_TO_OFFICIAL]
    pinned_edges = [edge_index[e] for e in ex.PKG_POS_TO_EDGE]
    best = results[0]
    ok = list(best[1]) == pinned_ops and list(best[2]) == pinned_edges
    print("best mapping equals the pinned one:", ok)
    print("median tau over all mappings: %.4f" % float(np.median([r[0] for r in results])))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
