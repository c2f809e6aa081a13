"""Reference for nasbench's weight transfer (Sources/NASConet/WeightTransfer.swift): CONetV2's
utils/weight_transfer.py (wt_type 'SVD') restated in numpy, keeping its own steps: the output
unfolding, a reduced SVD sliced as U[:n0, :n0], S[:n0, :n1], V[:n1, :n1] (per shrinking side),
then growth by appending the last rows, then the last columns.

usage: weight_transfer_reference.py SEED -> JSON list of cases: old and new shapes, the old
weight (row-major float32 values) and the transferred weight."""
import json
import sys

import numpy as np


def transfer_unfolded(a, n0, n1):
    rows, cols = a.shape
    out = a
    if n0 < rows or n1 < cols:
        u, s, vt = np.linalg.svd(a, full_matrices=False)
        S = np.diag(s)
        v = vt.T
        if n0 < rows and n1 < cols:
            us, ss, vs = u[:n0, :n0], S[:n0, :n1], v[:n1, :n1]
        elif n0 < rows:
            us, ss, vs = u[:n0, :n0], S[:n0, :], v
        else:
            us, ss, vs = u, S[:, :n1], v[:n1, :n1]
        out = us @ ss @ vs.T
    if n0 > out.shape[0]:
        extra = n0 - out.shape[0]
        out = np.concatenate([out, out[out.shape[0] - extra:, :]], axis=0)
    if n1 > out.shape[1]:
        extra = n1 - out.shape[1]
        out = np.concatenate([out, out[:, out.shape[1] - extra:]], axis=1)
    return out


def main():
    rng = np.random.default_rng(int(sys.argv[1]))
    pairs = [((16, 16, 3, 3), (16, 16, 3, 3)), ((32, 16, 3, 3), (24, 12, 3, 3)), ((32, 16, 3, 3), (20, 16, 3, 3)),
             ((32, 16, 3, 3), (32, 10, 3, 3)), ((16, 16, 3, 3), (30, 22, 3, 3)), ((16, 8, 3, 3), (32, 8, 3, 3)),
             ((16, 8, 3, 3), (16, 16, 3, 3)), ((32, 16, 3, 3), (18, 30, 3, 3)), ((16, 32, 3, 3), (30, 18, 3, 3)),
             ((32, 16, 1, 1), (20, 12, 1, 1)), ((32, 16, 1, 1), (48, 10, 1, 1)), ((8, 3, 3, 3), (6, 3, 3, 3)),
             ((64, 64, 3, 3), (40, 96, 3, 3)), ((64, 32, 1, 1), (64, 20, 1, 1)), ((4, 40, 3, 3), (3, 40, 3, 3))]
    cases = []
    for old_shape, new_shape in pairs:
        co, ci, kh, kw = old_shape
        w = rng.normal(scale=np.sqrt(2 / (ci * kh * kw)), size=old_shape).astype(np.float32)
        a = w.reshape(co, ci * kh * kw).astype(np.float64)
        out = transfer_unfolded(a, new_shape[0], new_shape[1] * kh * kw)
        cases.append({"old_shape": list(old_shape), "new_shape": list(new_shape), "old": w.ravel().astype(float).tolist(),
                      "new": out.ravel().tolist()})
    json.dump(cases, sys.stdout)


if __name__ == "__main__":
    main()
