"""Reference for nasbench's SVD (Sources/NASTensor/SVD.swift): numpy.linalg.svd (reduced) of
matrices with well-separated singular values, so that each singular vector is unique up to sign.

usage: svd_reference.py SEED -> JSON list of cases: rows, columns, the matrix (row-major), and
numpy's s, u (rows x k) and vt (k x columns), row-major."""
import json
import sys

import numpy as np


def orthonormal(rng, n, k):
    q, r = np.linalg.qr(rng.normal(size=(n, k)))
    return q * np.sign(np.diag(r))


def main():
    rng = np.random.default_rng(int(sys.argv[1]))
    cases = []
    for rows, cols in [(7, 4), (4, 7), (5, 5), (30, 12), (12, 30), (1, 6), (6, 1), (64, 576), (576, 64)]:
        k = min(rows, cols)
        s = np.geomspace(100, 0.01, k)  # neighbours at least 13% apart
        a = orthonormal(rng, rows, k) @ np.diag(s) @ orthonormal(rng, cols, k).T
        u, s2, vt = np.linalg.svd(a, full_matrices=False)
        cases.append({"rows": rows, "columns": cols, "matrix": a.ravel().tolist(), "s": s2.tolist(),
                      "u": u.ravel().tolist(), "vt": vt.ravel().tolist()})
    json.dump(cases, sys.stdout)


if __name__ == "__main__":
    main()
