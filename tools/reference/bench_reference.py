#!/usr/bin/env python3
"""Reference side of `make bench`: the same table read and queried with h5py, pandas and numpy;
with SPLITS.json (written by nasbench-bench), Kendall tau with scipy and the random forest with
scikit-learn on the same columns and train splits, with the same hyperparameters.

Prints JSON Lines in the schema of nasbench-bench. Usage: bench_reference.py TABLE.h5 [QUERIES] [SPLITS.json]
"""
import json
import os
import statistics
import sys
import tempfile
import time

import h5py
import numpy as np
import pandas as pd


def emit(**fields):
    print(json.dumps(fields, sort_keys=True), flush=True)


def timed(fn, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def load_h5py(path):
    """Everything nasbench loads: cells, index, every column with its attributes."""
    with h5py.File(path, "r") as f:
        arch = f["cells/arch"][:]
        encoding = f["cells/encoding"][:]
        index = f["cells/index"][:]
        columns = {name: (d[:], dict(d.attrs)) for name, d in f["metrics"].items()}
    return arch, encoding, index, columns


def main():
    path = sys.argv[1]
    queries = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    arch, _, index, columns = load_h5py(path)
    emit(tool="h5py", task="load whole table", seconds=timed(lambda: load_h5py(path), 30),
         rows=len(index), columns=len(columns))

    # pandas reading the same data, as CSV (the form most NAS tables are shared in).
    frame = pd.DataFrame({"index": index, "arch": [a.decode() for a in arch],
                          **{name: values for name, (values, _) in columns.items()}})
    with tempfile.TemporaryDirectory() as tmp:
        csv = os.path.join(tmp, "table.csv")
        frame.to_csv(csv, index=False)
        emit(tool="pandas", task="load whole table", seconds=timed(lambda: pd.read_csv(csv), 10),
             rows=len(frame), columns=len(columns), note="read_csv of the same table")

    name = next(n for n, (_, a) in columns.items()
                if a["metric"] == "accuracy" and a["seed"] == -1 and a["epochs"] == 200)
    column = columns[name][0]
    rng = np.random.default_rng(0)
    rows = rng.integers(0, len(index), size=queries)

    seconds = timed(lambda: column[rows].sum(), 5)
    emit(tool="numpy", task="random queries (vectorised gather, no accounting)", seconds=seconds,
         queries=queries, per_second=queries / seconds, column=name)

    loop_rows = rows[:100_000].tolist()
    values = column.tolist()

    def python_loop():
        count = 0
        total = 0.0
        for r in loop_rows:
            count += 1
            total += values[r]
        return total
    seconds = timed(python_loop, 3)
    emit(tool="python", task="random queries (list loop, counted)", seconds=seconds,
         queries=len(loop_rows), per_second=len(loop_rows) / seconds)

    series = frame[name]
    seconds = timed(lambda: [series.iat[r] for r in loop_rows], 3)
    emit(tool="pandas", task="random queries (Series.iat loop)", seconds=seconds,
         queries=len(loop_rows), per_second=len(loop_rows) / seconds)

    with h5py.File(path, "r") as f:
        d = f["metrics"][name]
        few = loop_rows[:2_000]
        seconds = timed(lambda: [d[r] for r in few], 3)
    emit(tool="h5py", task="random queries (dataset[row] loop)", seconds=seconds,
         queries=len(few), per_second=len(few) / seconds)


def bench_predictors(path, splits_path):
    """scipy.stats.kendalltau, sklearn's RandomForestRegressor and MLPRegressor on nasbench-bench's splits."""
    from scipy import stats
    from sklearn.ensemble import RandomForestRegressor

    from predictor_reference import sklearn_parameters

    with open(splits_path) as handle:
        exported = json.load(handle)
    with h5py.File(path, "r") as f:
        encoding = f["cells/encoding"][:]
        x_column, y_column = (f["metrics"][name][:].astype(np.float64) for name in exported["tau_columns"])
        labels = f["metrics"][exported["label"]][:].astype(np.float64)
    tau = None

    def kendall():
        nonlocal tau
        tau = stats.kendalltau(x_column, y_column).statistic
    seconds = timed(kendall, 21)
    emit(tool="scipy", task=f"Kendall tau-b ({len(x_column)} pairs)", seconds=seconds, value=float(tau))

    # Adjacency one-hot: feature 5 * edge + op, as NASPredictors' Encoding.adjacencyOneHot.
    features = np.zeros((len(encoding), 30))
    for edge in range(6):
        features[np.arange(len(encoding)), 5 * edge + encoding[:, edge]] = 1
    def time_splits(splits, make):
        """Median fit and predict seconds and mean held-out tau of `make(seed)` over the splits."""
        fits, predicts, taus, models = [], [], [], []
        for seed, train in enumerate(splits):
            train = np.array(train)
            test = np.setdiff1d(np.arange(len(labels)), train)
            model = make(seed)
            start = time.perf_counter()
            model.fit(features[train], labels[train])
            fitted = time.perf_counter()
            predictions = model.predict(features[test])
            predicted = time.perf_counter()
            fits.append(fitted - start)
            predicts.append(predicted - fitted)
            taus.append(stats.kendalltau(predictions, labels[test]).statistic)
            models.append(model)
        return statistics.median(fits), statistics.median(predicts), float(statistics.fmean(taus)), models

    parameters = sklearn_parameters(exported["rf"])
    for jobs in (2, 1):
        fit, predict, mean_tau, _ = time_splits(
            exported["splits"], lambda seed: RandomForestRegressor(random_state=seed, n_jobs=jobs, **parameters))
        tool = f"scikit-learn (n_jobs={jobs})"
        emit(tool=tool, task="random forest fit (n = 1000, 116 trees)", seconds=fit, tau=mean_tau)
        emit(tool=tool, task="random forest predict (14,625 cells)", seconds=predict, tau=mean_tau)

    # WeakNAS's MLP: MLPRegressor with the same hyperparameters, labels standardised the same way.
    from predictor_reference import StandardizedMLP, mlp_parameters
    mlp = mlp_parameters(exported["mlp"])
    fit, predict, mean_tau, models = time_splits(exported["mlp_splits"], lambda seed: StandardizedMLP(seed, **mlp))
    epochs = float(statistics.fmean(m.model.n_iter_ for m in models))
    emit(tool="scikit-learn", task="MLP fit (n = 100, 4 x 1000)", seconds=fit, tau=mean_tau, epochs=epochs)
    emit(tool="scikit-learn", task="MLP predict (15,525 cells)", seconds=predict, tau=mean_tau)

if __name__ == "__main__":
    main()
    if len(sys.argv) > 3:
        bench_predictors(sys.argv[1], sys.argv[3])
