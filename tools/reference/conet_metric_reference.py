"""Reference for nasbench's CONetV2 layer metric (Sources/NASConet/LayerQuality.swift): the input
and output unfoldings of a conv weight, EVBMF of each as CONetV2's metrics.py calls it (no
transposition of tall matrices), rank, condition, knowledge gain and QC = atan2(R, MC), p = 1.

usage: conet_metric_reference.py SEED -> JSON list of cases: shape, weight (row-major float32
values), and the measures of each mode."""
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from evbmf_reference import evbmf  # noqa: E402


def mode(matrix, p=1.0):
    try:
        _, _, d = evbmf(matrix, transpose_tall=False)
    except ValueError:  # SciPy: the lower bound exceeds the upper bound (CONetV2 keeps the last value)
        return None
    c = matrix.shape[0]
    d = d ** p
    rank = len(d) / c
    condition = d[0] / d[-1] if len(d) else 0.0
    kg = float(np.sum(d / d.max())) / c if len(d) else 0.0
    mc = 1.0 if condition == 0 else 1 - 1 / condition
    if mc == 0:
        mc = 0.0001
    return {"rank": rank, "condition": float(condition), "kg": kg, "qc": float(np.arctan2(rank, mc))}


def main():
    rng = np.random.default_rng(int(sys.argv[1]))
    shapes = [(16, 16, 3, 3), (32, 16, 3, 3), (16, 32, 3, 3), (64, 64, 3, 3), (32, 16, 1, 1), (16, 64, 1, 1),
              (64, 16, 1, 1), (8, 3, 3, 3), (128, 64, 3, 3), (24, 40, 1, 1)]
    cases = []
    for i in range(30):
        co, ci, kh, kw = shapes[i % len(shapes)]
        # He-style random weights, sometimes with a planted low-rank structure (a trained layer's).
        w = rng.normal(scale=np.sqrt(2 / (ci * kh * kw)), size=(co, ci, kh, kw))
        if i % 2:
            r = max(1, min(co, ci) // 4)
            w += (rng.normal(size=(co, r)) @ rng.normal(size=(r, ci * kh * kw))).reshape(co, ci, kh, kw) * 0.3
        w = w.astype(np.float32)
        inp = np.transpose(w, (1, 0, 2, 3)).reshape(ci, co * kh * kw).astype(np.float64)
        out = w.reshape(co, ci * kh * kw).astype(np.float64)
        cases.append({"shape": [co, ci, kh, kw], "weight": w.ravel().astype(float).tolist(),
                      "input": mode(inp), "output": mode(out)})
    json.dump(cases, sys.stdout)


if __name__ == "__main__":
    main()
