"""Is a stalled WeakNAS trial ours or the method's?  Refit scikit-learn on the cells we queried.

Takes a `nasbench search` run's queries.csv, one trial, and query counts K. For each K it
fits the authors' model (`MLPRegressor(hidden_layer_sizes=(1000,)*4, max_iter=100)`, labels
standardised once over the whole table, adjacency one-hot, as WeakNAS.py) on exactly the
first K cells that trial queried, REPEATS times with different random states, predicts every
cell and prints, per fit, where the column's best cell lands in the predicted order (0 = the
predictor's top-1), whether it is inside the predicted top 100 (where WeakNAS draws its next
10), and how many unqueried cells the top 100 holds. The same numbers for our own fit at K
are printed from `--ours` when given (a CSV the `nasbench search` run does not write; leave
it out to compare with the trial's observed next queries instead).

With `--loop CAP` it instead runs the authors' whole loop with scikit-learn from the trial's
first K cells (K = 10: the same initial random cells as ours), REPEATS times, until the best cell
is queried or is the fitted model's top-1 (the authors' plots count both), or CAP queries.

Usage: weaknas_stall_check.py TABLE.h5 COLUMN QUERIES.csv TRIAL K1,K2,... [REPEATS] [--loop CAP]
Prints one JSON line per (K, repeat).
"""
import csv
import json
import sys

import h5py
import numpy as np

sys.path.insert(0, __import__("os").path.dirname(__file__))
from predictor_reference import adjacency_one_hot  # noqa: E402
from weaknas_reference import authors_loop, fit_order  # noqa: E402  (the authors' model and loop)


def queried_cells(path, trial):
    with open(path, newline="") as f:
        rows = [r for r in csv.DictReader(f) if int(r["trial"]) == trial]
    rows.sort(key=lambda r: int(r["query"]))
    return [int(r["index"]) for r in rows]


def loop(x, labels, best, start, cap, repeat):
    """The authors' loop from `start`, stopped at the best cell or `cap`; returns (queries, how)."""
    queried = list(start)
    _, how = authors_loop(x, labels, queried, np.random.default_rng(repeat), cap, best)
    return (len(queried), how) if how else (None, "not found")


def main():
    args = sys.argv[1:]
    cap = None
    if "--loop" in args:
        at = args.index("--loop")
        cap = int(args[at + 1])
        del args[at:at + 2]
    table, column, queries, trial = args[0], args[1], args[2], int(args[3])
    counts = [int(k) for k in args[4].split(",")]
    repeats = int(args[5]) if len(args) > 5 else 3
    with h5py.File(table, "r") as f:
        archs = [a.decode() if isinstance(a, bytes) else a for a in f["cells/arch"][:]]
        y = f["metrics"][column][:].astype(np.float64)
    x = np.array([adjacency_one_hot(a) for a in archs])
    labels = (y - y.mean()) / y.std()
    best = int(np.argmax(y))
    cells = queried_cells(queries, trial)
    for k in counts:
        if k > len(cells):
            raise SystemExit(f"trial {trial} has only {len(cells)} queries, not {k}")
        chosen = cells[:k]
        if best in chosen:
            raise SystemExit(f"the best cell was already queried within the first {k} queries")
        taken = set(chosen)
        next_ten = cells[k:k + 10]
        for r in range(repeats):
            if cap is not None:
                found, how = loop(x, labels, best, chosen, cap, r)
                print(json.dumps({"trial": trial, "k": k, "repeat": r, "cap": cap,
                                  "queries_to_best_or_top1": found, "how": how}), flush=True)
                continue
            model, order = fit_order(x, labels, chosen, r)
            rank = int(np.nonzero(order == best)[0][0])
            top = order[:100]
            unqueried = [int(i) for i in top if int(i) not in taken]
            print(json.dumps({
                "trial": trial, "k": k, "repeat": r, "epochs": model.n_iter_,
                "rank_of_best": rank, "best_in_top100": rank < 100,
                "unqueried_in_top100": len(unqueried),
                "top1": int(order[0]), "top1_value": float(y[order[0]]),
                "overlap_with_our_next10": len(set(unqueried) & set(next_ten)),
            }), flush=True)


if __name__ == "__main__":
    main()
