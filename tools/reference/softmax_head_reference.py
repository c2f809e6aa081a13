#!/usr/bin/env python3
"""Reference for the random-weight evaluator's head (SoftmaxRegressionTests): scikit-learn's
multinomial LogisticRegression (lbfgs) on a seeded, standardised Gaussian-class problem.

Our objective is mean cross-entropy + l2 * |W|^2 with an unpenalised bias; scikit-learn minimises
sum cross-entropy + |W|^2 / (2C), the same minimiser when C = 1 / (2 n l2).
Usage: softmax_head_reference.py SEED N D K L2  -> JSON on stdout.
"""
import json
import sys

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression


def objective(x, y, w, b, l2):
    logits = x @ w + b
    top = logits.max(axis=1, keepdims=True)
    log_sum = top[:, 0] + np.log(np.exp(logits - top).sum(axis=1))
    return float(np.mean(log_sum - logits[np.arange(len(y)), y]) + l2 * np.sum(w * w))


def main():
    seed, n, d, k = (int(a) for a in sys.argv[1:5])
    l2 = float(sys.argv[5])
    rng = np.random.default_rng(seed)
    centres = rng.normal(0, 0.6, size=(k, d))
    y = rng.integers(0, k, size=n)
    x = centres[y] + rng.normal(0, 1, size=(n, d))
    x = (x - x.mean(axis=0)) / x.std(axis=0)
    model = LogisticRegression(C=1 / (2 * n * l2), tol=1e-12, max_iter=100000, solver="lbfgs")
    model.fit(x, y)
    w = model.coef_.T  # [d, k]
    b = model.intercept_
    json.dump({
        "sklearn": sklearn.__version__, "n": n, "d": d, "k": k, "l2": l2,
        "features": x.ravel().tolist(), "labels": y.tolist(),
        "weights": w.ravel().tolist(), "bias": b.tolist(),
        "objective": objective(x, y, w, b, l2),
        "iterations": int(model.n_iter_[0]),
    }, sys.stdout)


if __name__ == "__main__":
    main()
