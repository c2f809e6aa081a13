"""The committed fixture tables in data/: readable by h5py, and equal to the rows of the embedded
default (the analog-nasbench package, bridged by tools/bridges/analog_nasbench_export.py) they were cut from."""
import csv
import json
import subprocess
import sys
from pathlib import Path

import h5py
import numpy as np

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "nb201-analog-sample100.h5"


def test_sample_is_every_157th_cell_of_the_default_with_its_values(tmp_path):
    subprocess.run([sys.executable, ROOT / "tools" / "bridges" / "analog_nasbench_export.py", "--out", tmp_path / "a.csv",
                    "--provenance", tmp_path / "a.json"], check=True, capture_output=True)
    with open(tmp_path / "a.csv") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 15625
    picked = rows[::157]
    assert len(picked) == 100
    with h5py.File(SAMPLE, "r") as f:
        assert f.attrs["format"] == "nasbench-table" and f.attrs["search_space"] == "nb201"
        assert f.attrs["cell_count"] == 100
        provenance = json.loads(f.attrs["provenance"])
        assert provenance["source"]["package"] == "analog-nasbench"
        assert provenance["source"]["matches_pinned_sha256"] is True
        assert provenance["sample"]["cells"] == 100 and provenance["sample"]["of"] == 15625
        archs = [a.decode() for a in f["cells/arch"][:]]
        assert archs == [r["arch_str"] for r in picked]
        np.testing.assert_array_equal(f["metrics/cifar10.test.accuracy.e200"][:],
                                      np.array([float(r["cifar10_test_baseline"]) for r in picked], dtype=np.float32))
        np.testing.assert_array_equal(f["metrics/cifar10.test.accuracy.e200.@pcm-hwt"][:],
                                      np.array([float(r["cifar10_test_analog"]) for r in picked], dtype=np.float32))
        assert len(f["metrics"]) == 13


def test_sample_answers_queries_from_the_cli(nasbench):
    top = nasbench("top", SAMPLE, "--dataset", "cifar10", "--split", "test", "--metric", "accuracy", "--epochs", "200",
                   "-k", "1").stdout.split("\t")
    with h5py.File(SAMPLE, "r") as f:
        acc = f["metrics/cifar10.test.accuracy.e200"][:]
    assert abs(float(top[2]) - float(acc.max())) < 5e-5
