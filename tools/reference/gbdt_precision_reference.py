"""Is the near-zero precision@100 of `gbdt` in docs/RESULTS.md our bug or the model's?

scikit-learn's GradientBoostingRegressor with its defaults (the `gbdt` defaults) on the same task
(cifar10-valid valid accuracy e200 from the 30-feature adjacency one-hot, n random training
cells, all others held out): prints precision@100, the number of distinct predictions and the
ties at the top-100 boundary. Usage: .venv/bin/python tools/reference/gbdt_precision_reference.py [DATA_DIR]
"""
import csv, numpy as np, sys
sys.path.insert(0, __import__("os").path.dirname(__file__))
from predictor_reference import adjacency_one_hot
from sklearn.ensemble import GradientBoostingRegressor
rows = list(csv.DictReader(open((sys.argv[1] if len(sys.argv) > 1 else "../shared/data") + "/nb201/nb201_full.csv")))
x = np.array([adjacency_one_hot(r["arch_str"]) for r in rows]); y = np.array([float(r["cifar10valid_valid_200"]) for r in rows])
rng = np.random.default_rng(0)
for n in (100, 500, 1000):
    for seed in range(3):
        train = rng.choice(len(y), n, replace=False); test = np.setdiff1d(np.arange(len(y)), train)
        m = GradientBoostingRegressor(random_state=seed).fit(x[train], y[train])
        p = m.predict(x[test]); yt = y[test]
        top_true = set(np.argsort(-yt, kind="stable")[:100])
        order = np.argsort(-p, kind="stable")
        top_pred = set(order[:100])
        kth = p[order[99]]; tied = np.sum(p == kth); above = np.sum(p > kth)
        print(n, seed, "p@100", len(top_true & top_pred) / 100, "distinct", len(np.unique(p)), "tied at boundary", tied, "above", above)
