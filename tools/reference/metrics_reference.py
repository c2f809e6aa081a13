#!/usr/bin/env python3
"""scipy reference values for NASPredictors' RankingMetrics (used by the Swift tests).

Usage: metrics_reference.py CASES.json
CASES.json: {"cases": [{"name": str, "x": [float], "y": [float]}, ...]}
Prints JSON: {name: {"kendall": tau_b, "spearman": rho, "pearson": r}} (NaN as null).
"""
import json
import math
import sys

from scipy import stats


def clean(value):
    value = float(value)
    return None if math.isnan(value) else value


def main():
    with open(sys.argv[1]) as handle:
        cases = json.load(handle)["cases"]
    out = {}
    for case in cases:
        x, y = case["x"], case["y"]
        out[case["name"]] = {
            "kendall": clean(stats.kendalltau(x, y, variant="b").statistic),
            "spearman": clean(stats.spearmanr(x, y).statistic),
            "pearson": clean(stats.pearsonr(x, y).statistic),
        }
    json.dump(out, sys.stdout, sort_keys=True)


if __name__ == "__main__":
    main()
