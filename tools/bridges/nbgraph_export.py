#!/usr/bin/env python3
"""Bridge: export the NAS-Bench-Graph light benchmark shipped in the PyPI package
`nas-bench-graph` (1.4.0, Apache-2.0) to one wide CSV keyed by nasbench's
canonical NAS-Bench-Graph cell strings, plus a provenance JSON.

What the package ships: `nas_bench_graph/light/<dataset>.bench`, one Python
pickle (protocol 3) per dataset: a dict {package hash: {'valid_perf', 'perf',
'latency', 'para'}}. Eight datasets (cora, citeseer, pubmed, cs, physics,
photo, computers, arxiv) cover all 26,206 architectures; proteins covers the
2,021 whose ops are all in gnn_list_proteins (gcn, sage, arma, fc, skip).
The values are numpy float64 scalars, so the pickle names two numpy globals;
this script reads it with the standard library only (a restricted unpickler
that accepts exactly numpy.dtype('f8', little-endian) and
numpy.core.multiarray.scalar, decoded with struct). No numpy, torch or
torch_geometric is needed. The package's own `architecture.py` (standard
library only) is imported to check the keys against its enumeration
`all_archs()` and its canonicaliser `Arch.valid_hash()`. Install with:

    pip install --no-deps nas-bench-graph==1.4.0

Usage:
    python3 tools/bridges/nbgraph_export.py --out nbgraph.csv --provenance nbgraph.json
    [--data DIR]   read <DIR>/<dataset>.bench instead of the installed package's
                   files (tests; the pinned sha256s are then not required)

Cell strings: `L0,L1,L2,L3|OP0,OP1,OP2,OP3` - the package's `link` list (the
input of computing node i+1: 0 is the raw input, j the j-th node) and `ops`
list, in the package's canonical form (the one `Arch.valid_hash()` keys).
Output is byte-reproducible: rows in ascending package hash, fixed columns,
no timestamps or machine paths. Any problem -> one line
"nbgraph_export: error: ..." on stderr, exit 1.
"""

import argparse
import contextlib
import hashlib
import importlib
import io
import json
import math
import os
import pickle
import struct
import sys

# The shared helper beside this script (found even under `python -I`).
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pinned_package  # noqa: E402

PACKAGE = "nas-bench-graph"
MODULE = "nas_bench_graph"
PINNED_VERSION = "1.4.0"
# Dataset order of the package's README and runnni.py `dnames`.
DATASETS = ("cora", "citeseer", "pubmed", "cs", "physics", "photo", "computers", "arxiv", "proteins")
# sha256 of nas_bench_graph/light/<dataset>.bench in nas_bench_graph-1.4.0-py3-none-any.whl
# (equal to the wheel's RECORD entries).
PINNED_SHA256 = {
    "arxiv": "7ee21a7653297a806c0ed1be3efe6ecc06acc84e48e942da0bfde0e5d287debe",
    "citeseer": "99c7f79b73372636305bf73fb32a58b63c57bd1871a152dd62ec72d984c8c50f",
    "computers": "fdb3dc0cf405d62322f0ab9614b2083c2a5e6576c2f43e4f2214be64bc62b1b3",
    "cora": "5e69b2f9bb08d8927d9ffd4921f8494a3cea349c9c3a461334cb9dc9e11701a8",
    "cs": "71ae8469930517160b024f52db6000a4897f1aff5d765beb27bb60952ed5bd31",
    "photo": "5511b4dc3f63fa988792177227db7901290fb9b27fc6c02e3036b29e134ed6df",
    "physics": "1e309bafee0b832c8b84fa3c039c36992bc0a910238b128f26b7e9190d7f2aea",
    "proteins": "b9e7fb0902bda44fec32c948e5fde822fb22d38d674c52e43ace5197378f2d21",
    "pubmed": "10b4dcf6cfd3a24f6059f7d541a4a872960b4adac0b3dba26abed1bb9a3d904d",
}
N_ARCHS = 26206
N_PROTEINS = 2021

# The package's architecture.py: link_list (the 9 canonical link lists, index = hash prefix)
# and gnn_list (op index = hash digit, base len(gnn_list) + 1 = 10).
LINK_LIST = ((0, 0, 0, 0), (0, 0, 0, 1), (0, 0, 1, 1), (0, 0, 1, 2), (0, 0, 1, 3),
             (0, 1, 1, 1), (0, 1, 1, 2), (0, 1, 2, 2), (0, 1, 2, 3))
GNN_LIST = ("gat", "gcn", "gin", "cheb", "sage", "arma", "graph", "fc", "skip")
GNN_LIST_PROTEINS = ("gcn", "sage", "arma", "fc", "skip")
HASH_BASE = len(GNN_LIST) + 1

# Metric per dataset: the paper (Qin et al., NAS-Bench-Graph, NeurIPS 2022 Datasets and
# Benchmarks, arXiv:2206.09166) reports accuracy for node classification and ROC-AUC for
# ogbn-proteins (OGB's official metric; the stored values 0.67-0.85 are AUCs: accuracy on that
# imbalanced multi-label task would be ~0.97).
PERF_METRIC = {d: "accuracy" for d in DATASETS}
PERF_METRIC["proteins"] = "roc_auc"
FIELDS = (
    # (package key, column suffix, scale, meaning)
    ("valid_perf", "valid_pct", 100.0, "validation {metric} (%), mean of the 3 seeds"),
    ("perf", "test_pct", 100.0, "test {metric} (%), mean of the 3 seeds"),
    ("latency", "latency_ms", 1000.0, "inference latency (ms; the package stores seconds)"),
    ("para", "params_m", 1.0, "number of parameters (millions, as the package stores it)"),
)
DECIMALS = 10  # drops binary noise from the unit scaling only


class ExportError(Exception):
    pass


def fail(msg):
    raise ExportError(msg)


# --- Reading the pickle without numpy ----------------------------------------------------
class _DType:
    """Stand-in for numpy.dtype: only 'f8' with little-endian state is accepted."""

    def __init__(self, name, align=False, copy=True):
        if name != "f8":
            fail(f"pickle holds numpy dtype {name!r}, expected 'f8'")
        self.state = None

    def __setstate__(self, state):
        if not isinstance(state, tuple) or len(state) < 2 or state[1] != "<":
            fail(f"pickle holds an unexpected numpy dtype state {state!r}")
        self.state = state


def _scalar(dtype, data):
    if not isinstance(dtype, _DType) or dtype.state is None or not isinstance(data, bytes) or len(data) != 8:
        fail("pickle holds a numpy scalar that is not a little-endian float64")
    return struct.unpack("<d", data)[0]


_ALLOWED = {("numpy", "dtype"): _DType, ("numpy.core.multiarray", "scalar"): _scalar,
            ("numpy._core.multiarray", "scalar"): _scalar}


class _RestrictedUnpickler(pickle.Unpickler):
    def find_class(self, module, name):
        obj = _ALLOWED.get((module, name))
        if obj is None:
            fail(f"data file holds an unexpected object type {module}.{name}; not a NAS-Bench-Graph table")
        return obj


def _value(x, what):
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        fail(f"{what} is {type(x).__name__}, expected a number")
    x = float(x)
    if not math.isfinite(x) or x < 0:
        fail(f"{what} = {x!r} is not a finite non-negative number")
    return x


def load_bench(name, raw):
    """Validate one unpickled .bench file; return {hash: (valid, test, latency, params)}."""
    try:
        data = _RestrictedUnpickler(io.BytesIO(raw)).load()
    except ExportError:
        raise
    except Exception as exc:  # corrupt / truncated / not a pickle
        fail(f"{name}.bench is not a readable pickle ({type(exc).__name__}: {exc})")
    if not isinstance(data, dict):
        fail(f"{name}.bench holds a {type(data).__name__}, expected a dict of architectures")
    table = {}
    keys = {f[0] for f in FIELDS}
    for key, rec in data.items():
        if isinstance(key, bool) or not isinstance(key, int):
            fail(f"{name}.bench: key {key!r} is not an integer architecture hash")
        if not isinstance(rec, dict) or set(rec) != keys:
            fail(f"{name}.bench: hash {key}: expected fields {sorted(keys)}, got {sorted(rec) if isinstance(rec, dict) else type(rec).__name__}")
        vals = tuple(_value(rec[f[0]], f"{name}.bench hash {key} {f[0]}") for f in FIELDS)
        if not (vals[0] <= 1.0 and vals[1] <= 1.0):
            fail(f"{name}.bench: hash {key}: performance above 1 ({vals[0]}, {vals[1]})")
        table[key] = vals
    return table


# --- Architectures --------------------------------------------------------------------------
def decode_hash(h):
    """(links, ops) of a package hash: link_list index, then 4 base-10 op digits."""
    digits = []
    for _ in range(4):
        h, d = divmod(h, HASH_BASE)
        digits.append(d)
    if not 0 <= h < len(LINK_LIST) or any(d >= len(GNN_LIST) for d in digits):
        return None
    return LINK_LIST[h], tuple(GNN_LIST[d] for d in reversed(digits))


def arch_str(links, ops):
    return ",".join(map(str, links)) + "|" + ",".join(ops)


def package_archs():
    """Hashes of the package's all_archs(), checked to be fixed points of Arch.valid_hash()."""
    try:
        arch = importlib.import_module(f"{MODULE}.architecture")
    except Exception as exc:
        fail(f"cannot import {MODULE}.architecture ({type(exc).__name__}: {exc}); "
             f"run: pip install --no-deps {PACKAGE}=={PINNED_VERSION}")
    if tuple(map(tuple, arch.link_list)) != LINK_LIST or tuple(arch.gnn_list) != GNN_LIST \
            or tuple(arch.gnn_list_proteins) != GNN_LIST_PROTEINS:
        fail(f"{MODULE}.architecture's link_list/gnn_list differ from the pinned {PINNED_VERSION} lists")
    with contextlib.redirect_stdout(io.StringIO()):  # all_archs() prints its count
        archs = arch.all_archs()
    hashes = set()
    for a in archs:
        h = a.hash_arch()
        if arch.Arch(list(a.link), list(a.ops)).valid_hash() != h:
            fail(f"package arch {a.link} {a.ops} is not its own valid_hash canonical form")
        hashes.add(h)
    if len(hashes) != N_ARCHS:
        fail(f"{MODULE}.all_archs() gives {len(hashes)} architectures, expected {N_ARCHS}")
    return hashes


def locate_package():
    """The installed package's folder, found without importing it, and its version."""
    locations, version = pinned_package.locate(PACKAGE, MODULE, PINNED_VERSION, fail)
    return locations[0], version


def fmt(x):
    return repr(round(x, DECIMALS))


def columns():
    return ["arch", "package_hash"] + [f"{d}_{f[1]}" for d in DATASETS for f in FIELDS]


def column_docs():
    docs = {"arch": "canonical cell 'L0,L1,L2,L3|OP0,OP1,OP2,OP3' (package link and ops lists)",
            "package_hash": "the package's Arch.valid_hash() of the cell: the key of every .bench dict"}
    for d in DATASETS:
        for src, suffix, _, meaning in FIELDS:
            metric = "ROC-AUC" if PERF_METRIC[d] == "roc_auc" else "accuracy"
            docs[f"{d}_{suffix}"] = {"source": f"light/{d}.bench [hash]['{src}']",
                                     "meaning": meaning.format(metric=metric)}
    return docs


def export(raws, version, pinned, out, prov_path):
    all_hashes = package_archs()
    tables = {d: load_bench(d, raws[d]) for d in DATASETS}
    for d, t in tables.items():
        expected = N_PROTEINS if d == "proteins" else N_ARCHS
        if len(t) != expected:
            fail(f"{d}.bench has {len(t)} architectures, expected {expected}")
        stray = set(t) - all_hashes
        if stray:
            fail(f"{d}.bench has {len(stray)} keys that are not package architectures, e.g. {min(stray)}")
        if d != "proteins" and set(t) != all_hashes:
            fail(f"{d}.bench does not cover the package's {N_ARCHS} architectures")
    for h in tables["proteins"]:
        if not set(decode_hash(h)[1]) <= set(GNN_LIST_PROTEINS):
            fail(f"proteins.bench hash {h} uses an op outside gnn_list_proteins")
    lines = [",".join(columns())]
    for h in sorted(all_hashes):
        decoded = decode_hash(h)
        if decoded is None:
            fail(f"package hash {h} does not decode to a link list and 4 ops")
        fields = ['"' + arch_str(*decoded) + '"', str(h)]
        for d in DATASETS:
            vals = tables[d].get(h)
            if vals is None:
                fields += [""] * len(FIELDS)
            else:
                fields += [fmt(v * f[2]) for v, f in zip(vals, FIELDS)]
        lines.append(",".join(fields))
    csv_bytes = ("\n".join(lines) + "\n").encode("ascii")
    prov = provenance(raws, version, pinned, csv_bytes)
    prov_bytes = (json.dumps(prov, indent=2) + "\n").encode("utf-8")
    for path, content in ((out, csv_bytes), (prov_path, prov_bytes)):
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        tmp = path + ".tmp"
        with open(tmp, "wb") as f:
            f.write(content)
        os.replace(tmp, path)


def provenance(raws, version, pinned, csv_bytes):
    files = {}
    for d in DATASETS:
        sha = hashlib.sha256(raws[d]).hexdigest()
        files[d] = {"file": f"{MODULE}/light/{d}.bench", "sha256": sha, "bytes": len(raws[d]),
                    "matches_pinned_sha256": sha == PINNED_SHA256[d]}
    return {
        "source": {
            "package": PACKAGE,
            "version": version,
            "read_from_installed_package": pinned,
            "license": "Apache-2.0 (LICENSE file in the wheel; classifier 'Apache Software License')",
            "paper": "Qin et al., NAS-Bench-Graph: Benchmarking Graph Neural Architecture Search, "
                     "NeurIPS 2022 Datasets and Benchmarks, arXiv:2206.09166",
            "format": "one Python pickle (protocol 3) per dataset: dict {Arch.valid_hash(): {'valid_perf', "
                      "'perf', 'latency', 'para'}}, values numpy float64 scalars (read here without numpy)",
            "files": files,
        },
        "space": {
            "links": "link[i] = input of computing node i+1 (0: the raw input, j: node j); leaves feed the output",
            "ops_in_hash_order": list(GNN_LIST),
            "proteins_ops": list(GNN_LIST_PROTEINS),
            "canonical_link_lists": [list(l) for l in LINK_LIST],
            "hash": "link_list index, then the 4 op indices as base-10 digits (hash_arch, use_proteins=False)",
            "architectures": N_ARCHS,
            "proteins_architectures": N_PROTEINS,
        },
        "metrics": {
            "perf": {d: PERF_METRIC[d] for d in DATASETS},
            "seeds": "mean of 3 seeds (the full benchmark, not in the package, has each seed per epoch)",
            "latency": "the package's 'latency' in seconds, x1000; measured on the authors' GPU per dataset",
        },
        "csv": {
            "columns": columns(),
            "column_meaning": column_docs(),
            "row_order": "ascending package hash",
            "missing": "empty field: proteins has no value for architectures with ops outside gnn_list_proteins",
            "number_format": f"Python repr of the scaled value rounded to {DECIMALS} decimals",
            "sha256": hashlib.sha256(csv_bytes).hexdigest(),
            "rows": N_ARCHS,
        },
    }


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True, help="CSV to write")
    ap.add_argument("--provenance", required=True, help="provenance JSON to write")
    ap.add_argument("--data", help="folder of <dataset>.bench files to read instead of the installed package's")
    args = ap.parse_args(argv)
    try:
        if args.data:
            folder, version, pinned = args.data, None, False
        else:
            pkg, version = locate_package()
            folder, pinned = os.path.join(pkg, "light"), True
        raws = {}
        for d in DATASETS:
            path = os.path.join(folder, f"{d}.bench")
            try:
                with open(path, "rb") as f:
                    raws[d] = f.read()
            except OSError as exc:
                fail(f"cannot read data file {path}: {exc.strerror}")
            if pinned and hashlib.sha256(raws[d]).hexdigest() != PINNED_SHA256[d]:
                fail(f"{MODULE}/light/{d}.bench sha256 differs from the pinned {PACKAGE} {PINNED_VERSION} file")
        export(raws, version, pinned, args.out, args.provenance)
    except ExportError as exc:
        print(f"nbgraph_export: error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
