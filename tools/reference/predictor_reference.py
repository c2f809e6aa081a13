#!/usr/bin/env python3
"""scikit-learn reference for NASPredictors' RandomForest and MLPPredictor on real NAS-Bench-201.

Fits sklearn.ensemble.RandomForestRegressor with the hyperparameters of the exported
RandomForestConfiguration (config.json), or sklearn.neural_network.MLPRegressor with those of an
exported MLPConfiguration (a config with "hiddenLayers": adam, no validation split, at most
`epochs` passes with the same tol / n_iter_no_change stopping rule; labels standardised like
LabelStandardizer), on every exported train split (splits.csv:
size,seed,train rows joined by ';'), predicts all remaining cells, and reports Kendall tau-b.
Features are the adjacency one-hot encoding (6 edges in official order x 5 ops in official
order), parsed here from arch_str independently of the Swift code; labels are
cifar10valid_valid_200.

Usage:
  predictor_reference.py --data nb201_full.csv --splits splits.csv --config config.json
      [--sizes 100,200] [--jobs 2] [--json]            # one JSON object per split on stdout
      [--swift swift.csv]                                # markdown table: Swift vs sklearn
"""
import argparse
import csv
import json
import statistics
import sys
import time

import numpy as np
from scipy import stats
from sklearn.ensemble import RandomForestRegressor
from sklearn.neural_network import MLPRegressor

OPS = ["none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"]


def adjacency_one_hot(arch):
    """30 features: edge e (official order (1<-0), (2<-0), (2<-1), (3<-0), ...) x op."""
    features = np.zeros(30)
    edges = [entry.split("~")[0] for node in arch.split("+") for entry in node.strip("|").split("|")]
    assert len(edges) == 6, arch
    for edge, op in enumerate(edges):
        features[5 * edge + OPS.index(op)] = 1
    return features


def sklearn_parameters(config):
    max_features = config.get("maxFeatures", {"fraction": 0.17055852159745608})
    if isinstance(max_features, str):
        max_features = {"all": 1.0, "sqrt": "sqrt", "log2": "log2"}[max_features]
    elif "fraction" in max_features:
        max_features = float(max_features["fraction"])
    else:
        max_features = int(max_features["count"])
    return dict(
        n_estimators=config.get("treeCount", 116),
        max_features=max_features,
        max_depth=config.get("maxDepth"),
        min_samples_split=config.get("minSamplesSplit", 2),
        min_samples_leaf=config.get("minSamplesLeaf", 2),
        bootstrap=config.get("bootstrap", False),
    )


def mlp_parameters(config):
    epochs = config.get("epochs", 100)
    batch = config.get("batchSize")
    return dict(
        hidden_layer_sizes=tuple(config.get("hiddenLayers", [1000] * 4)),
        activation="relu",
        solver="adam",
        learning_rate_init=config.get("learningRate", 1e-3),
        alpha=config.get("l2", 1e-4),
        max_iter=epochs,
        batch_size="auto" if batch is None else batch,
        beta_1=config.get("beta1", 0.9),
        beta_2=config.get("beta2", 0.999),
        epsilon=config.get("epsilon", 1e-8),
        early_stopping=False,
        n_iter_no_change=config.get("iterationsWithoutImprovement", 10),
        tol=config.get("tolerance", 1e-4),
        shuffle=True,
    )


class StandardizedMLP:
    """MLPRegressor on labels standardised to zero mean, unit (population) variance."""

    def __init__(self, seed, **parameters):
        self.model = MLPRegressor(random_state=seed, **parameters)

    def fit(self, x, y):
        self.mean, self.scale = y.mean(), (y.std() or 1.0)
        import warnings
        from sklearn.exceptions import ConvergenceWarning
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            self.model.fit(x, (y - self.mean) / self.scale)
        return self

    def predict(self, x):
        return self.model.predict(x) * self.scale + self.mean


def make_model(config, seed, jobs):
    """The sklearn model for an exported configuration, and its parameters for the table."""
    if "hiddenLayers" in config:
        parameters = mlp_parameters(config)
        return StandardizedMLP(seed, **parameters), parameters
    parameters = sklearn_parameters(config)
    return RandomForestRegressor(random_state=seed, n_jobs=jobs, **parameters), parameters


def load(path):
    with open(path) as handle:
        rows = list(csv.DictReader(handle))
    x = np.array([adjacency_one_hot(row["arch_str"]) for row in rows])
    y = np.array([float(row["cifar10valid_valid_200"]) for row in rows])
    return x, y


def run(args):
    x, y = load(args.data)
    with open(args.config) as handle:
        config = json.load(handle)
    parameters = None
    sizes = {int(s) for s in args.sizes.split(",")} if args.sizes else None
    results = []
    with open(args.splits) as handle:
        for row in csv.DictReader(handle):
            size, seed = int(row["size"]), int(row["seed"])
            if sizes is not None and size not in sizes:
                continue
            train = np.array([int(i) for i in row["train"].split(";")])
            assert len(train) == size and len(set(train)) == size
            test = np.setdiff1d(np.arange(len(y)), train)
            model, parameters = make_model(config, seed, args.jobs)
            start = time.perf_counter()
            model.fit(x[train], y[train])
            fitted = time.perf_counter()
            predictions = model.predict(x[test])
            predicted = time.perf_counter()
            tau = stats.kendalltau(predictions, y[test]).statistic
            epochs = getattr(getattr(model, "model", model), "n_iter_", None)
            results.append(dict(size=size, seed=seed, tau=float(tau), fit_s=fitted - start, predict_s=predicted - fitted,
                                epochs=epochs))
    return results, parameters


def summary(values):
    mean = statistics.fmean(values)
    std = statistics.stdev(values) if len(values) > 1 else 0.0
    return f"{mean:.4f} ± {std:.4f}"


def table(results, swift_path, parameters, jobs):
    with open(swift_path) as handle:
        swift = [dict(size=int(r["size"]), seed=int(r["seed"]), tau=float(r["tau"]), fit_s=float(r["fit_s"]),
                      predict_s=float(r["predict_s"]), epochs=int(r["epochs"]) if r.get("epochs") else None)
                 for r in csv.DictReader(handle)]
    mlp = "hidden_layer_sizes" in parameters
    lines = [
        f"sklearn {'MLPRegressor' if 'hidden_layer_sizes' in parameters else 'RandomForestRegressor'}"
        f"({', '.join(f'{k}={v!r}' for k, v in parameters.items())}, n_jobs={jobs})",
        "",
        "| train size | seeds | Swift tau (mean ± std) | sklearn tau (mean ± std) | Swift - sklearn | criterion (>= -0.02) "
        "| Swift fit / predict (s) | sklearn fit / predict (s) |" + (" epochs Swift / sklearn (mean) |" if mlp else ""),
        "|---:|---:|---:|---:|---:|:---:|---:|---:|" + ("---:|" if mlp else ""),
    ]
    ok = True
    for size in sorted({r["size"] for r in results}):
        ours = [r for r in swift if r["size"] == size]
        theirs = [r for r in results if r["size"] == size]
        difference = statistics.fmean(r["tau"] for r in ours) - statistics.fmean(r["tau"] for r in theirs)
        ok = ok and difference >= -0.02
        lines.append(
            f"| {size} | {len(ours)} | {summary([r['tau'] for r in ours])} | {summary([r['tau'] for r in theirs])} "
            f"| {difference:+.4f} | {'pass' if difference >= -0.02 else 'FAIL'} "
            f"| {statistics.median(r['fit_s'] for r in ours):.4f} / {statistics.median(r['predict_s'] for r in ours):.4f} "
            f"| {statistics.median(r['fit_s'] for r in theirs):.4f} / {statistics.median(r['predict_s'] for r in theirs):.4f} |"
            + (f" {statistics.fmean(r['epochs'] for r in ours):.1f} / {statistics.fmean(r['epochs'] for r in theirs):.1f} |"
               if mlp else ""))
    print("\n".join(lines))
    return ok


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", required=True)
    parser.add_argument("--splits", required=True)
    parser.add_argument("--config", required=True)
    parser.add_argument("--sizes")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--swift")
    args = parser.parse_args()
    results, parameters = run(args)
    if args.json:
        for result in results:
            print(json.dumps(result, sort_keys=True))
    if args.swift:
        sys.exit(0 if table(results, args.swift, parameters, args.jobs) else 1)


if __name__ == "__main__":
    main()
