"""`nasbench predictors` runs read by pandas (summary.csv against an independent groupby) and
plotted by tools/scripts/plot_predictors.py (readable PNG, the same bytes twice)."""
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from conftest import all_nb201_cells, nb201_string

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def run(nasbench, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("predictors")
    rng = np.random.default_rng(1)
    cells = [all_nb201_cells()[i] for i in rng.choice(15625, size=600, replace=False)]
    # A label the encodings can learn: conv3x3 and conv1x1 help, none hurts, plus noise.
    acc = [60 + 4 * c.count(3) + 2 * c.count(2) - 5 * c.count(0) + rng.normal(0, 1) for c in cells]
    pd.DataFrame({"arch_str": [nb201_string(c) for c in cells], "acc": np.round(acc, 3)}).to_csv(
        tmp / "r.csv", index=False)
    nasbench("import", "csv", tmp / "r.csv", "--space", "nb201", "--map", "acc=cifar10-valid.valid.accuracy.e200",
             "-o", tmp / "r.h5")
    nasbench("predictors", "--table", tmp / "r.h5", "--dataset", "cifar10-valid", "--split", "valid",
             "--metric", "accuracy", "--epochs", "200", "--train-sizes", "20,100", "--trials", "4",
             "--predictors", "rf,gbdt", "--rf-trees", "20", "--gbdt-trees", "30", "--encoding", "path",
             "--out", tmp / "run")
    return tmp / "run"


def test_summary_matches_pandas(run):
    results = pd.read_csv(run / "results.csv")
    assert len(results) == 2 * 2 * 4
    assert (results["test_size"] == 600 - results["train_size"]).all()
    summary = pd.read_csv(run / "summary.csv")
    grouped = results.groupby(["predictor", "train_size"], sort=False)
    for score in ["kendall_tau", "spearman", "precision_at_10", "mae", "rmse"]:
        mean = grouped[score].mean().reset_index(drop=True)
        std = grouped[score].std(ddof=1).reset_index(drop=True)
        np.testing.assert_allclose(summary[f"{score}_mean"], mean, rtol=1e-12)
        np.testing.assert_allclose(summary[f"{score}_std"], std, rtol=1e-12)
    assert (summary.loc[summary["train_size"] == 100, "kendall_tau_mean"] > 0.5).all(), summary


def test_plot_is_a_deterministic_png(run, tmp_path):
    script = ROOT / "tools" / "scripts" / "plot_predictors.py"
    for copy in ("a.png", "b.png"):
        subprocess.run([sys.executable, script, run, "--copy-to", tmp_path / copy], check=True, capture_output=True)
    first = (tmp_path / "a.png").read_bytes()
    assert first.startswith(b"\x89PNG\r\n\x1a\n") and len(first) > 10_000
    assert first == (tmp_path / "b.png").read_bytes()
    assert b"Software" not in first, "no software version (or timestamp) in the PNG metadata"
