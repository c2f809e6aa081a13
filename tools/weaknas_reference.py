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
    fits = 0
    while len(queried) < budget:
        model = MLPRegressor(hidden_layer_sizes=(1000,) * 4, max_iter=100, random_state=int(rng.integers(2**31)))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            model.fit(x[queried], normalised[queried])
        fits += 1
        order = np.argsort(-model.predict(x), kind="stable")
        taken = set(queried)
        candidates = [i for i in order[:100] if i not in taken]
        if len(candidates) >= 10:
            batch = list(rng.choice(candidates, size=10, replace=False))
        else:
            batch = [i for i in order if i not in taken][:10]
        queried += batch[: budget - len(queried)]
    seconds = time.perf_counter() - start
    print(json.dumps({"tool": "scikit-learn", "task": f"WeakNAS trial, {budget} queries", "seconds": seconds,
                      "fits": fits, "queries": len(queried), "found": bool(int(np.argmax(y)) in queried)}))


if __name__ == "__main__":
    main()
