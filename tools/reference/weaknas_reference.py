"""WeakNAS's loop with scikit-learn's MLPRegressor, as the authors run it, for `make bench`.

The same loop as `nasbench search --strategies weaknas --weaknas-model mlp` and the authors'
WeakNAS.py (NB201 settings): 10 random cells; then repeat until BUDGET queries: fit
`MLPRegressor(hidden_layer_sizes=(1000,)*4, max_iter=100)` (scikit-learn's other defaults:
Adam 1e-3, alpha 1e-4, tol 1e-4, n_iter_no_change 10) on the queried cells' labels, standardised
once over the whole table as the authors do (`norm_label_all_train`; nasbench's
`--weaknas-labels table`) (adjacency one-hot, 30 features), predict every cell of the table, take the predicted
top 100, drop the queried ones and query 10 drawn uniformly from the rest (or the 10
best-predicted unqueried cells when fewer are left). Reads a nasbench HDF5 table with h5py.
Prints one JSON line: wall seconds, fits, queries, and whether the column's best cell was queried.

Usage: weaknas_reference.py TABLE.h5 COLUMN BUDGET SEED
"""
import json
import sys
import time
import warnings

import h5py
import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPRegressor

sys.path.insert(0, __import__("os").path.dirname(__file__))
from predictor_reference import adjacency_one_hot  # noqa: E402  (the encoding the other references use)

def fit_order(x, labels, cells, random_state):
    """The authors' model fitted on `cells`; returns it and every cell from best to worst predicted."""
    model = MLPRegressor(hidden_layer_sizes=(1000,) * 4, max_iter=100, random_state=random_state)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        model.fit(x[cells], labels[cells])
    return model, np.argsort(-model.predict(x), kind="stable")


def authors_loop(x, labels, queried, rng, budget, best=None):
    """WeakNAS's loop from the cells in `queried` (a list, extended in place) until `budget`
    queries or, when `best` is given, until `best` is queried or is a fit's top-1.
    Returns (fits, how): how is "queried", "top1" or None."""
    fits = 0
    while len(queried) < budget:
        _, order = fit_order(x, labels, queried, int(rng.integers(2**31)))
        fits += 1
        if best is not None and int(order[0]) == best:
            return fits, "top1"
        taken = set(queried)
        candidates = [i for i in order[:100] if i not in taken]
        if len(candidates) >= 10:
            batch = list(rng.choice(candidates, size=10, replace=False))
        else:
            batch = [i for i in order if i not in taken][:10]
        for cell in batch[: budget - len(queried)]:
            queried.append(cell)
            if best is not None and cell == best:
                return fits, "queried"
    return fits, None


def main():
    path, column, budget, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    with h5py.File(path, "r") as f:
        archs = [a.decode() if isinstance(a, bytes) else a for a in f["cells/arch"][:]]
        y = f["metrics"][column][:].astype(np.float64)
    x = np.array([adjacency_one_hot(a) for a in archs])
    rng = np.random.default_rng(seed)
    start = time.perf_counter()
    normalised = (y - y.mean()) / y.std()
    queried = list(rng.choice(len(y), size=10, replace=False))
    fits, _ = authors_loop(x, normalised, queried, rng, budget)
    seconds = time.perf_counter() - start
    print(json.dumps({"tool": "scikit-learn", "task": f"WeakNAS trial, {budget} queries", "seconds": seconds,
                      "fits": fits, "queries": len(queried), "found": bool(int(np.argmax(y)) in queried)}))


if __name__ == "__main__":
    main()
