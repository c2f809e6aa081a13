"""nasbench's HDF5 tables against an independent reader and writer: h5py (and pandas for the CSV)."""
import json

import h5py
import numpy as np
import pandas as pd
import pytest

from conftest import all_nb201_cells, nb201_string


def test_h5py_reads_what_nasbench_wrote(nasbench, tmp_path):
    rng = np.random.default_rng(0)
    cells = [all_nb201_cells()[i] for i in rng.choice(15625, size=500, replace=False)]
    frame = pd.DataFrame({
        "arch_str": [nb201_string(c) for c in cells],
        "idx": np.arange(500) * 7,
        "acc": rng.uniform(10, 95, 500).round(4),
        "time": rng.uniform(500, 3000, 500).round(2),
    })
    frame.loc[3, "acc"] = np.nan
    frame.to_csv(tmp_path / "r.csv", index=False)
    nasbench("import", "csv", tmp_path / "r.csv", "--space", "nb201", "--index-column", "idx", "--allow-missing",
             "--map", "acc=cifar10-valid.valid.accuracy.e200", "--map", "time=cifar10-valid.none.train_time_s.e200",
             "-o", tmp_path / "r.h5")
    with h5py.File(tmp_path / "r.h5", "r") as f:
        assert f.attrs["format"] == "nasbench-table"
        assert f.attrs["format_version"] == 1
        assert f.attrs["search_space"] == "nb201"
        assert f.attrs["cell_count"] == 500
        json.loads(f.attrs["provenance"])
        archs = [a.decode() for a in f["cells/arch"][:]]
        assert archs == list(frame["arch_str"])
        assert f["cells/encoding"].shape == (500, 6)
        assert [tuple(r) for r in f["cells/encoding"][:]] == [tuple(c) for c in cells]
        assert list(f["cells/index"][:]) == list(frame["idx"])
        acc = f["metrics/cifar10-valid.valid.accuracy.e200"]
        assert acc.dtype == np.float32
        assert acc.compression == "gzip" and acc.shuffle
        np.testing.assert_array_equal(acc[:], frame["acc"].to_numpy(np.float32))
        assert acc.attrs["dataset"] == "cifar10-valid" and acc.attrs["split"] == "valid"
        assert acc.attrs["metric"] == "accuracy" and acc.attrs["epochs"] == 200 and acc.attrs["seed"] == -1
        np.testing.assert_array_equal(f["metrics/cifar10-valid.none.train_time_s.e200"][:],
                                      frame["time"].to_numpy(np.float32))


def write_table_with_h5py(path, cells, columns):
    """Writes a table following docs/FORMAT.md, the way a Python user would (variable-length strings)."""
    with h5py.File(path, "w") as f:
        f.attrs.update({"format": "nasbench-table", "format_version": 1, "search_space": "nb201",
                        "cell_count": len(cells), "source": "written by h5py in a test",
                        "provenance": json.dumps({"writer": "h5py"}), "created_by": "h5py " + h5py.__version__})
        g = f.create_group("cells")
        g.create_dataset("arch", data=[nb201_string(c) for c in cells], dtype=h5py.string_dtype())
        g.create_dataset("encoding", data=np.array(cells, dtype=np.uint8))
        g.create_dataset("index", data=np.arange(len(cells), dtype=np.int64))
        m = f.create_group("metrics")
        for (dataset, split, metric, epochs, seed), values in columns.items():
            name = ".".join([dataset, split, metric] + ([f"e{epochs}"] if epochs else []) + ([f"seed{seed}"] if seed >= 0 else []))
            d = m.create_dataset(name, data=np.asarray(values, dtype=np.float32), compression="gzip")
            d.attrs.update({"dataset": dataset, "split": split, "metric": metric, "unit": "%",
                            "epochs": epochs, "seed": seed, "device": ""})


def test_nasbench_reads_what_h5py_wrote(nasbench, tmp_path):
    cells = all_nb201_cells()[100:400]
    rng = np.random.default_rng(1)
    acc = rng.uniform(10, 95, len(cells)).astype(np.float32)
    seed0 = (acc - 0.5).astype(np.float32)
    seed1 = (acc + 0.5).astype(np.float32)
    write_table_with_h5py(tmp_path / "h.h5", cells, {
        ("cifar10-valid", "valid", "accuracy", 200, -1): acc,
        ("cifar10-valid", "valid", "accuracy", 200, 0): seed0,
        ("cifar10-valid", "valid", "accuracy", 200, 1): seed1,
    })
    assert "ok" in nasbench("verify", tmp_path / "h.h5").stdout
    # A seed column that disagrees with its mean is caught by verify.
    with h5py.File(tmp_path / "h.h5", "a") as f:
        f["metrics/cifar10-valid.valid.accuracy.e200.seed1"][5] += 3
    bad = nasbench("verify", tmp_path / "h.h5", check=False)
    assert bad.returncode == 1 and "error: cifar10-valid.valid.accuracy.e200: mean of 2 seed columns" in bad.stdout
    out = nasbench("query", tmp_path / "h.h5", "--dataset", "cifar10-valid", "--split", "valid", "--metric", "accuracy",
                   "--epochs", "200", "--format", "csv", *[nb201_string(c) for c in cells[:50]]).stdout.splitlines()
    assert out[0] == "index,arch,column,seed,value,regret"
    values = np.array([float(line.split(",")[4]) for line in out[1:]], dtype=np.float32)
    np.testing.assert_array_equal(values, acc[:50])
    info = json.loads(nasbench("info", tmp_path / "h.h5", "--format", "json").stdout)
    column = next(c for c in info["columns"] if c["name"] == "cifar10-valid.valid.accuracy.e200")
    assert column["optimum"] == pytest.approx(float(acc.max()))
    seeded = nasbench("query", tmp_path / "h.h5", "--dataset", "cifar10-valid", "--split", "valid", "--metric", "accuracy",
                      "--epochs", "200", "--seed", "0", nb201_string(cells[0])).stdout
    assert float(seeded.split("\t")[2]) == pytest.approx(float(seed0[0]))


def test_h5py_file_with_a_wrong_schema_is_rejected(nasbench, tmp_path):
    cells = all_nb201_cells()[:10]
    write_table_with_h5py(tmp_path / "h.h5", cells, {("cifar10", "test", "accuracy", 200, -1): np.ones(10)})
    with h5py.File(tmp_path / "h.h5", "a") as f:
        del f["metrics/cifar10.test.accuracy.e200"]
        f["metrics"].create_dataset("cifar10.test.accuracy.e200", data=np.ones(7, dtype=np.float32))
        f["metrics/cifar10.test.accuracy.e200"].attrs.update(
            {"dataset": "cifar10", "split": "test", "metric": "accuracy", "epochs": 200, "seed": -1, "device": ""})
    result = nasbench("info", tmp_path / "h.h5", check=False)
    assert result.returncode != 0
    assert "has shape [7], expected [10]" in result.stderr
    assert result.stderr.count("\n") == 1


COLUMNS = {
    "cifar10_test_200": "cifar10.test.accuracy.e200",
    "cifar10valid_valid_200": "cifar10-valid.valid.accuracy.e200",
    "cifar100_valtest_200": "cifar100.valtest.accuracy.e200",
    "imagenet16_test_200": "ImageNet16-120.test.accuracy.e200",
    "cifar10_train_time_s": "cifar10-valid.none.train_time_s.e200",
    "imagenet_params_mb": "ImageNet16-120.none.params_m",
    "cifar10_val_12ep": "cifar10-valid.valid.accuracy.e12",
}


def test_real_nb201_import_matches_pandas(nasbench, real_data, tmp_path):
    nasbench("import", "nb201", real_data / "nb201", "-o", tmp_path / "nb201.h5")
    frame = pd.read_csv(real_data / "nb201" / "nb201_full.csv")
    seeds = pd.read_csv(real_data / "nb201" / "nb201_seeds.csv")
    with h5py.File(tmp_path / "nb201.h5", "r") as f:
        assert list(f["cells/index"][:]) == list(frame["index"])
        assert [a.decode() for a in f["cells/arch"][:]] == list(frame["arch_str"])
        for source, column in COLUMNS.items():
            np.testing.assert_array_equal(f["metrics/" + column][:], frame[source].to_numpy(np.float32), err_msg=column)
        np.testing.assert_array_equal(f["metrics/cifar10-valid.valid.accuracy.e200.seed2"][:],
                                      seeds["cifar10valid_valid_200_seed2"].to_numpy(np.float32))
        best = f["metrics/cifar10.test.accuracy.e200"][:]
        assert best.max() == np.float32(94.3733) and (best == best.max()).sum() == 2
    assert "ok" in nasbench("verify", tmp_path / "nb201.h5").stdout
