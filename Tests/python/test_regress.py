"""`nasbench regress`: a baseline written by --update passes, the same seeds give the same bytes,
the JUnit XML parses (xml.etree), and a deliberately weakened predictor (training labels
shuffled) fails with a non-zero exit, on a synthetic table and on the committed NB201 suite."""
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from conftest import all_nb201_cells, nb201_string

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def suite(nasbench, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("regress")
    rng = np.random.default_rng(3)
    cells = [all_nb201_cells()[i] for i in rng.choice(15625, size=600, replace=False)]
    acc = [60 + 4 * c.count(3) + 2 * c.count(2) - 5 * c.count(0) + rng.normal(0, 1) for c in cells]
    pd.DataFrame({"arch_str": [nb201_string(c) for c in cells], "acc": np.round(acc, 3)}).to_csv(
        tmp / "r.csv", index=False)
    nasbench("import", "csv", tmp / "r.csv", "--space", "nb201", "--map", "acc=cifar10-valid.valid.accuracy.e200",
             "-o", tmp / "r.h5")
    (tmp / "suite.json").write_text(json.dumps({
        "name": "synthetic", "z": 3, "baseline": "baseline.csv",
        "predictors": {"spec": {"label": {"dataset": "cifar10-valid", "split": "valid", "metric": "accuracy",
                                          "epochs": 200},
                                "encoding": "adjacency_one_hot", "predictors": ["rf", "gbdt"], "train_sizes": [20, 100],
                                "trials": 3, "seed": 7},
                       "metrics": [{"name": "kendall_tau", "floor": 0.01}, {"name": "mae", "floor": 0.05}]},
    }))
    update = nasbench("regress", "--suite", tmp / "suite.json", "--table", tmp / "r.h5", "--out", tmp / "runs",
                      "--update")
    assert "0 failed" in update.stdout
    return tmp


def regress(nasbench, tmp, name, *extra):
    junit = tmp / f"{name}.xml"
    result = nasbench("regress", "--suite", tmp / "suite.json", "--table", tmp / "r.h5", "--out", tmp / name,
                      "--junit", junit, *extra, check=False)
    return result, ET.parse(junit).getroot()


def test_baseline_is_human_readable(suite):
    baseline = pd.read_csv(suite / "baseline.csv")
    assert list(baseline.columns) == ["statistic", "direction", "mean", "std", "trials", "std_error"]
    assert "predictors/rf/n=100/kendall_tau" in set(baseline["statistic"])
    assert set(baseline.loc[baseline["statistic"].str.endswith("/mae"), "direction"]) == {"lower"}
    np.testing.assert_allclose(baseline["std_error"], baseline["std"] / np.sqrt(baseline["trials"]), rtol=1e-12)


def test_same_seeds_pass_with_the_same_bytes(nasbench, suite):
    first, root = regress(nasbench, suite, "a")
    second, _ = regress(nasbench, suite, "b")
    assert first.returncode == 0, first.stdout + first.stderr
    assert first.stdout == second.stdout
    assert (suite / "a.xml").read_bytes() == (suite / "b.xml").read_bytes()
    assert root.tag == "testsuites" and root.get("failures") == "0" and root.get("tests") == "8"
    cases = root.findall("./testsuite/testcase")
    assert len(cases) == 8 and not root.findall(".//failure")
    assert {c.get("name") for c in cases} == {"kendall_tau", "mae"}
    header = first.stdout.splitlines()[0].split()
    assert header == ["metric", "better", "baseline", "now", "delta", "tolerance", "verdict"]


def test_shuffled_labels_fail(nasbench, suite):
    result, root = regress(nasbench, suite, "weak", "--degrade", "shuffle-labels")
    assert result.returncode == 1, result.stdout + result.stderr
    failed = {f"{c.get('classname')}.{c.get('name')}" for c in root.iter("testcase") if c.find("failure") is not None}
    assert "predictors.rf.n=100.kendall_tau" in failed and "predictors.gbdt.n=100.kendall_tau" in failed
    assert int(root.get("failures")) == len(failed)
    assert "FAIL" in result.stdout


def test_committed_suite_catches_a_weakened_predictor_and_rwe_head(nasbench, real_data, tmp_path):
    table = tmp_path / "nb201.h5"
    nasbench("import", "nb201", real_data / "nb201", "-o", table)
    result = nasbench("regress", "--suite", ROOT / "experiments" / "regress-nb201.json", "--table", table,
                      "--cifar", real_data / "cifar10" / "cifar-10-binary-subset.tar.gz",
                      "--out", tmp_path / "runs", "--junit", tmp_path / "j.xml", "--degrade", "shuffle-labels",
                      check=False)
    assert result.returncode == 1, result.stdout + result.stderr
    root = ET.parse(tmp_path / "j.xml").getroot()
    failed = {c.get("classname") for c in root.iter("testcase") if c.find("failure") is not None}
    assert {"predictors.rf.n=500", "predictors.gbdt.n=500"} <= failed
    # search does not use the predictors, so its statistics still match the baseline exactly
    assert not any(name.startswith("search") for name in failed)
    # RWE's head fitted on shuffled labels: its accuracy falls to chance and its ranking moves
    # (the pin fails either way); params does not depend on the head
    rwe_failed = {c.get("name") for c in root.iter("testcase")
                  if c.get("classname") == "rwe.rwe_accuracy" and c.find("failure") is not None}
    assert rwe_failed == {"kendall_tau", "mean"}, rwe_failed
    assert "rwe.params" not in failed
