"""Tests for tools/bridges/nbgraph_export.py (the nas-bench-graph -> CSV bridge) and the converted table.

Needs the PyPI package nas-bench-graph 1.4.0 (installed by `make venv`, --no-deps); skipped
with a message when it is missing. Checks the CSV against the package's own reader and
hash, its reproducibility, the failure paths, and every raw cell's lookup through nasbench
against the package's Arch.valid_hash().
"""
import contextlib
import csv
import hashlib
import io
import itertools
import json
import math
import os
import pickle
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXPORTER = os.path.join(ROOT, "tools", "bridges", "nbgraph_export.py")
DATASETS = ("cora", "citeseer", "pubmed", "cs", "physics", "photo", "computers", "arxiv", "proteins")

nbg = pytest.importorskip("nas_bench_graph", reason="nas-bench-graph not installed: run `make venv`")


def run_exporter(out_dir, *extra):
    out, prov = os.path.join(out_dir, "nbgraph.csv"), os.path.join(out_dir, "nbgraph.json")
    proc = subprocess.run([sys.executable, EXPORTER, "--out", out, "--provenance", prov, *extra],
                          capture_output=True, text=True)
    return proc, out, prov


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    folder = tmp_path_factory.mktemp("nbgraph")
    proc, out, prov = run_exporter(str(folder))
    assert proc.returncode == 0, proc.stderr
    with open(out, newline="") as f:
        rows = list(csv.DictReader(f))
    return folder, out, prov, rows


def test_counts_values_and_package_agreement(exported):
    _, _, prov, rows = exported
    assert len(rows) == 26206
    for d in DATASETS:
        present = [r for r in rows if r[f"{d}_test_pct"] != ""]
        assert len(present) == (2021 if d == "proteins" else 26206), d
        bench = nbg.light_read(d)  # the package's own reader (numpy unpickles its scalars)
        assert len(bench) == len(present)
        for r in present:
            vals = [float(r[f"{d}_{s}"]) for s in ("valid_pct", "test_pct", "latency_ms", "params_m")]
            assert all(math.isfinite(v) for v in vals)
            info = bench[int(r["package_hash"])]
            assert vals[0] == pytest.approx(100 * info["valid_perf"], abs=1e-8)
            assert vals[1] == pytest.approx(100 * info["perf"], abs=1e-8)
            assert vals[2] == pytest.approx(1000 * info["latency"], abs=1e-7)
            assert vals[3] == pytest.approx(info["para"], abs=1e-9)
    meta = json.load(open(prov))
    assert all(f["matches_pinned_sha256"] for f in meta["source"]["files"].values())
    assert meta["csv"]["sha256"] == hashlib.sha256(open(exported[1], "rb").read()).hexdigest()


def test_cells_are_the_packages_enumeration(exported):
    rows = exported[3]
    with contextlib.redirect_stdout(io.StringIO()):
        archs = nbg.all_archs()
    by_hash = {a.hash_arch(): a for a in archs}
    assert [int(r["package_hash"]) for r in rows] == sorted(by_hash)
    for r in rows:
        a = by_hash[int(r["package_hash"])]
        assert r["arch"] == ",".join(map(str, a.link)) + "|" + ",".join(a.ops)


def test_reproducible_bytes(exported, tmp_path):
    _, out, prov, _ = exported
    proc, out2, prov2 = run_exporter(str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert open(out, "rb").read() == open(out2, "rb").read()
    assert open(prov, "rb").read() == open(prov2, "rb").read()


def test_one_line_errors(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    proc, _, _ = run_exporter(str(tmp_path), "--data", str(data))
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1
    assert proc.stderr.startswith("nbgraph_export: error: cannot read data file")
    light = os.path.join(os.path.dirname(nbg.__file__), "light")
    for d in DATASETS:
        (data / f"{d}.bench").write_bytes(open(os.path.join(light, f"{d}.bench"), "rb").read())
    (data / "cora.bench").write_bytes(b"not a pickle")
    proc, _, _ = run_exporter(str(tmp_path), "--data", str(data))
    assert proc.returncode == 1 and "cora.bench is not a readable pickle" in proc.stderr
    (data / "cora.bench").write_bytes(pickle.dumps({0: {"valid_perf": 0.5}}))
    proc, _, _ = run_exporter(str(tmp_path), "--data", str(data))
    assert proc.returncode == 1 and "cora.bench: hash 0: expected fields" in proc.stderr
    (data / "cora.bench").write_bytes(pickle.dumps({0: os.path.join}))
    proc, _, _ = run_exporter(str(tmp_path), "--data", str(data))
    assert proc.returncode == 1 and "unexpected object type" in proc.stderr
    assert proc.stderr.count("\n") == 1


def test_every_raw_cell_finds_the_packages_row(exported, nasbench, tmp_path):
    """All 157,440 valid (links, ops) cells: nasbench's row index == the package's valid_hash()."""
    folder, out, prov, _ = exported
    table = tmp_path / "nbgraph.h5"
    nasbench("import", "csv", out, "--space", "nbgraph", "--arch-column", "arch", "--index-column", "package_hash",
             "--map", "cora_valid_pct=cora.valid.accuracy.e400", "--provenance", prov, "-o", table)
    cells, expected = [], []
    for links in itertools.product([0], range(2), range(3), range(4)):
        for ops in itertools.product(nbg.gnn_list, repeat=4):
            if all(o == "skip" for o in ops):
                continue
            cells.append(",".join(map(str, links)) + "|" + ",".join(ops))
            expected.append(nbg.Arch(list(links), list(ops)).valid_hash())
    assert len(cells) == 157440
    result = nasbench("query", table, "--dataset", "cora", "--split", "valid", "--metric", "accuracy",
                      "--epochs", "400", "--format", "csv", "-", input="\n".join(cells) + "\n")
    got = [int(line.split(",", 1)[0]) for line in result.stdout.splitlines()[1:]]
    assert got == expected
