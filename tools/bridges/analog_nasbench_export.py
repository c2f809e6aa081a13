#!/usr/bin/env python3
"""Bridge: export the AnalogNAS-Bench table shipped in the PyPI package
`analog-nasbench` (0.1.3) to a plain CSV keyed by official NAS-Bench-201 cell
strings, plus a provenance JSON.

Why Python: the package ships its table only as a Python pickle
(`analognasbench/data.anb`), a Python-only format. This script needs nothing
but the Python standard library: it reads the pickle with a restricted
unpickler (only the package's two plain record classes are accepted), so it
does NOT import the package (whose code needs pandas, numpy and
pkg_resources). Install the data with:

    pip install --no-deps analog-nasbench==0.1.3

Usage:
    python3 tools/bridges/analog_nasbench_export.py --out table.csv --provenance table.json
    [--data PATH]   read this pickle instead of the installed package's file
                    (for tests / re-validation; the pinned sha256 is then not
                    required, every shape check still is)

Output is byte-reproducible: rows sorted by the lexicographic rank of the cell
(base-5 number of the official op indices in official edge order, edge (1<-0)
most significant), fixed column order, no timestamps or machine paths.
Any problem -> one line "analog_nasbench_export: error: ..." on stderr, exit 1.
"""

import argparse
import hashlib
import io
import json
import math
import os
import pickle
import sys

# The shared helper beside this script (found even under `python -I`).
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pinned_package  # noqa: E402

PACKAGE = "analog-nasbench"
MODULE = "analognasbench"
PINNED_VERSION = "0.1.3"
DATA_NAME = "data.anb"
# sha256 of analognasbench/data.anb in analog_nasbench-0.1.3-py3-none-any.whl
# (matches the wheel's RECORD entry hfNDW4d6otNiaNVc4H9v9tc2Q9F6hA8ZQXRdpeuA2zI).
PINNED_SHA256 = "85f3435b877aa2d36268d55ce07f6ff6d73643d17a840f1941745da5eb80db32"
N_CELLS = 5 ** 6  # 15,625

# --- Official NAS-Bench-201 conventions -------------------------------------
OFFICIAL_OPS = ("none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3")
OFFICIAL_EDGES = ((1, 0), (2, 0), (2, 1), (3, 0), (3, 1), (3, 2))  # (to, from)

# --- Pinned mapping from the package's 6-tuples (undocumented by the package) -
# How it was found: every op permutation (5! = 120) x edge permutation
# (6! = 720) was scored by Kendall tau (scipy.stats.kendalltau) between the
# package's `baseline_accuracy` and the official NB201 `cifar10_test_200`
# (200-epoch CIFAR-10 test accuracy, mean over seeds) for all 15,625 cells
# (tools/bridges/analog_nasbench_find_mapping.py). Best: tau = 0.9258; runner-up
# (the same ops with the cell DAG reversed): tau = 0.8544; median of all
# 86,400 mappings: 0.002. The winner is exactly NASLib's NB201 encoding, which
# the authors' training script uses (NasBench201SearchSpace.set_spec), and all
# 341 cells whose output is disconnected under it have accuracy 10.0 (chance)
# in both tables. It is a bijection onto the 15,625 official strings.
#
# package op code -> official op name
PKG_OP_TO_OFFICIAL = (
    "skip_connect",  # 0
    "none",          # 1
    "nor_conv_3x3",  # 2
    "nor_conv_1x1",  # 3
    "avg_pool_3x3",  # 4
)
# package tuple position -> official edge (to_node, from_node)
PKG_POS_TO_EDGE = ((1, 0), (2, 0), (3, 0), (2, 1), (3, 1), (3, 2))

# --- Fields of the package's record class analognasbench.data.Architecture ---
SCALAR_FIELDS = (
    # (package attribute, output column, meaning)
    ("baseline_accuracy", "cifar10_test_baseline",
     "CIFAR-10 test accuracy (%) of the digitally trained full-precision network"),
    ("ptq_accuracy", "cifar10_test_ptq",
     "CIFAR-10 test accuracy (%) after post-training int8 quantisation of the baseline network"),
    ("qat_accuracy", "cifar10_test_qat",
     "CIFAR-10 test accuracy (%) after quantisation-aware training starting from the baseline network"),
    ("noisy_accuracy", "cifar10_test_noisy",
     "CIFAR-10 test accuracy (%) of the baseline network mapped unchanged onto simulated analog "
     "in-memory-computing hardware (AIHWKit PCM noise model), no hardware-aware training"),
    ("analog_accuracy", "cifar10_test_analog",
     "CIFAR-10 test accuracy (%) on simulated analog hardware after hardware-aware training (HWT)"),
)
DRIFT_TIMES_S = (60, 3600, 86400, 2592000)  # 1 minute, 1 hour, 1 day, 30 days
DRIFT_FAMILIES = (
    # (package attribute prefix, output column prefix, meaning)
    ("baseline_drift", "cifar10_test_noisy_drift",
     "baseline network on simulated analog hardware (no HWT) after {t} s of PCM conductance drift"),
    ("analog_drift", "cifar10_test_analog_drift",
     "hardware-aware-trained network on simulated analog hardware after {t} s of PCM conductance drift"),
)
DRIFT_FIELDS = tuple(
    (f"{src}_{t}", f"{dst}_{t}s", desc.format(t=t))
    for src, dst, desc in DRIFT_FAMILIES
    for t in DRIFT_TIMES_S
)
EXPECTED_ATTRS = frozenset(["architecture"] + [f[0] for f in SCALAR_FIELDS] + [f[0] for f in DRIFT_FIELDS])
DECIMALS = 6  # source values have at most 5 decimals; rounding only drops binary float noise


class ExportError(Exception):
    pass


def fail(msg):
    raise ExportError(msg)


# --- Reading the pickle without the package's code ---------------------------
class _Record:
    """Plain stand-in for the package's classes; pickle's BUILD fills __dict__."""


class Architecture(_Record):
    pass


class DriftMeasurement(_Record):
    pass


_ALLOWED = {("analognasbench.data", "Architecture"): Architecture,
            ("analognasbench.data", "DriftMeasurement"): DriftMeasurement}


class _RestrictedUnpickler(pickle.Unpickler):
    def find_class(self, module, name):
        cls = _ALLOWED.get((module, name))
        if cls is None:
            fail(f"data file holds an unexpected object type {module}.{name}; not the analog-nasbench table")
        return cls


def locate_package_data():
    """Path of data.anb inside the installed package, found without importing it."""
    locations, version = pinned_package.locate(PACKAGE, MODULE, PINNED_VERSION, fail)
    for loc in locations:
        path = os.path.join(loc, DATA_NAME)
        if os.path.isfile(path):
            return path, version
    fail(f"installed {PACKAGE} has no {MODULE}/{DATA_NAME}")


def _num(x, what):
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        fail(f"{what} is {type(x).__name__}, expected a number")
    x = float(x)
    if not math.isfinite(x) or not 0.0 <= x <= 100.0:
        fail(f"{what} = {x!r} is not a finite percentage in [0, 100]")
    return x


def load_table(raw):
    """Validate the unpickled table; return {pkg_tuple: [values in column order]}."""
    try:
        data = _RestrictedUnpickler(io.BytesIO(raw)).load()
    except ExportError:
        raise
    except Exception as exc:  # corrupt / truncated / not a pickle
        fail(f"data file is not a readable pickle ({type(exc).__name__}: {exc})")
    if not isinstance(data, dict):
        fail(f"data file holds a {type(data).__name__}, expected a dict of cells")
    if len(data) != N_CELLS:
        fail(f"data file has {len(data)} cells, expected {N_CELLS} unique cells")
    table = {}
    for key, rec in data.items():
        if (not isinstance(key, tuple) or len(key) != 6
                or any(isinstance(i, bool) or not isinstance(i, int) or not 0 <= i <= 4 for i in key)):
            fail(f"invalid cell tuple {key!r}: expected 6 op codes in 0..4")
        if not isinstance(rec, Architecture):
            fail(f"cell {key}: record is {type(rec).__name__}, expected Architecture")
        attrs = vars(rec)
        if set(attrs) != EXPECTED_ATTRS:
            missing = sorted(EXPECTED_ATTRS - set(attrs))
            extra = sorted(set(attrs) - EXPECTED_ATTRS)
            fail(f"cell {key}: unexpected fields (missing {missing}, extra {extra})")
        if not isinstance(attrs["architecture"], tuple) or attrs["architecture"] != key:
            fail(f"cell {key}: record says architecture {attrs['architecture']!r}")
        row = [_num(attrs[src], f"cell {key} {src}") for src, _, _ in SCALAR_FIELDS]
        for src, _, _ in DRIFT_FIELDS:
            d = attrs[src]
            if not isinstance(d, DriftMeasurement) or set(vars(d)) != {"value", "uncertainty"}:
                fail(f"cell {key} {src}: expected a DriftMeasurement(value, uncertainty)")
            row.append(_num(d.value, f"cell {key} {src}.value"))
            row.append(_num(d.uncertainty, f"cell {key} {src}.uncertainty"))
        table[key] = row
    if len(set(table)) != N_CELLS:  # dict keys are unique; kept explicit for clarity
        fail(f"cells are not {N_CELLS} unique tuples")
    return table


# --- Mapping -----------------------------------------------------------------
def official_op_indices(pkg_tuple):
    """Official op indices in official edge order."""
    by_edge = {PKG_POS_TO_EDGE[p]: PKG_OP_TO_OFFICIAL[c] for p, c in enumerate(pkg_tuple)}
    return [OFFICIAL_OPS.index(by_edge[e]) for e in OFFICIAL_EDGES]


def arch_str(ops):
    names = dict(zip(OFFICIAL_EDGES, (OFFICIAL_OPS[i] for i in ops)))
    nodes = ["|".join(f"{names[(i, j)]}~{j}" for j in range(i)) for i in (1, 2, 3)]
    return "|" + "|+|".join(nodes) + "|"


def lex_rank(ops):
    r = 0
    for i in ops:
        r = r * 5 + i
    return r


def _check_mapping_constants():
    if sorted(PKG_OP_TO_OFFICIAL) != sorted(OFFICIAL_OPS) or sorted(PKG_POS_TO_EDGE) != sorted(OFFICIAL_EDGES):
        fail("internal error: pinned mapping is not a permutation")


def fmt(x):
    return repr(round(x, DECIMALS))


def columns():
    cols = ["arch_str"] + [dst for _, dst, _ in SCALAR_FIELDS]
    for _, dst, _ in DRIFT_FIELDS:
        cols += [dst + "_mean", dst + "_std"]
    return cols


def column_docs():
    docs = {"arch_str": "official NAS-Bench-201 cell string (via the pinned mapping)"}
    for src, dst, desc in SCALAR_FIELDS:
        docs[dst] = {"source_field": src, "meaning": desc}
    for src, dst, desc in DRIFT_FIELDS:
        docs[dst + "_mean"] = {"source_field": src + ".value",
                               "meaning": "CIFAR-10 test accuracy (%), mean over drift repetitions: " + desc}
        docs[dst + "_std"] = {"source_field": src + ".uncertainty",
                              "meaning": "standard deviation of the same repetitions (the package's 'uncertainty')"}
    return docs


def export(raw, version, pinned, out, prov_path):
    _check_mapping_constants()
    table = load_table(raw)
    rows = []
    seen = set()
    for key, vals in table.items():
        ops = official_op_indices(key)
        s = arch_str(ops)
        seen.add(s)
        rows.append((lex_rank(ops), s, vals))
    if len(seen) != N_CELLS or {r[0] for r in rows} != set(range(N_CELLS)):
        fail("mapping is not a bijection onto the 15,625 official cell strings")
    rows.sort(key=lambda r: r[0])
    lines = [",".join(columns())]
    for _, s, vals in rows:
        lines.append(",".join([s] + [fmt(v) for v in vals]))
    csv_bytes = ("\n".join(lines) + "\n").encode("ascii")

    sha = hashlib.sha256(raw).hexdigest()
    prov = {
        "source": {
            "package": PACKAGE,
            "version": version,
            "module_file": f"{MODULE}/{DATA_NAME}",
            "file_sha256": sha,
            "file_bytes": len(raw),
            "matches_pinned_sha256": sha == PINNED_SHA256,
            "read_from_installed_package": pinned,
            "format": "Python pickle (protocol 4): dict mapping a 6-tuple of op codes to "
                      "analognasbench.data.Architecture; drift fields are DriftMeasurement(value, uncertainty)",
            "license": "none declared in the wheel (no License field, no license file); "
                       "upstream source repository IBM/analog-nas (folder analognasbench/) states Apache-2.0",
            "paper": "AnalogNAS-Bench: A NAS Benchmark for Analog In-Memory Computing, arXiv:2506.18495 (2025)",
        },
        "dataset": "CIFAR-10, test set (10,000 images)",
        "training_notes": "Not stated in the package. The authors' example training script "
                          "(IBM/analog-nas analognasbench/training_script.py) trains the baseline 200 epochs "
                          "(SGD, cosine LR), QAT 20 epochs from the baseline, HWT as analog fine-tuning of the "
                          "baseline, evaluates each accuracy as the mean of 25 test passes and each drift point "
                          "as mean/std over 25 drift repetitions; drift times 60 s, 1 h, 1 day, 30 days.",
        "n_cells": N_CELLS,
        "mapping": {
            "official_ops_in_index_order": list(OFFICIAL_OPS),
            "official_edges_in_order": [f"{a}<-{b}" for a, b in OFFICIAL_EDGES],
            "package_op_code_to_official_op": list(PKG_OP_TO_OFFICIAL),
            "package_tuple_position_to_official_edge": [f"{a}<-{b}" for a, b in PKG_POS_TO_EDGE],
            "equals": "NASLib NB201 encoding (op codes Identity, Zero, ReLUConvBN3x3, ReLUConvBN1x1, AvgPool; "
                      "edges (1,2),(1,3),(1,4),(2,3),(2,4),(3,4) on nodes 1..4)",
            "how_found": "exhaustive search of 120 op x 720 edge permutations maximising Kendall tau between "
                         "baseline_accuracy and official NB201 cifar10_test_200 over all 15,625 cells",
            "kendall_tau_best": 0.9258,
            "kendall_tau_second_best": 0.8544,
            "bijective_onto_official_strings": True,
        },
        "csv": {
            "columns": columns(),
            "column_meaning": column_docs(),
            "row_order": "ascending lexicographic rank: base-5 number of the official op indices in "
                         "official edge order, edge 1<-0 most significant",
            "number_format": f"Python repr of the value rounded to {DECIMALS} decimals "
                             "(source values have at most 5 decimals)",
            "units": "accuracy in percent; 10.0 = chance level (e.g. cells whose output is disconnected)",
            "sha256": hashlib.sha256(csv_bytes).hexdigest(),
            "rows": N_CELLS,
        },
    }
    prov_bytes = (json.dumps(prov, indent=2, sort_keys=False) + "\n").encode("utf-8")
    for path, content in ((out, csv_bytes), (prov_path, prov_bytes)):
        d = os.path.dirname(os.path.abspath(path))
        os.makedirs(d, exist_ok=True)
        tmp = path + ".tmp"
        with open(tmp, "wb") as f:
            f.write(content)
        os.replace(tmp, path)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True, help="CSV to write")
    ap.add_argument("--provenance", required=True, help="provenance JSON to write")
    ap.add_argument("--data", help="pickle to read instead of the installed package's data.anb")
    args = ap.parse_args(argv)
    try:
        if args.data:
            path, version, pinned = args.data, None, False
        else:
            path, version = locate_package_data()
            pinned = True
        try:
            with open(path, "rb") as f:
                raw = f.read()
        except OSError as exc:
            fail(f"cannot read data file {path}: {exc.strerror}")
        if pinned and hashlib.sha256(raw).hexdigest() != PINNED_SHA256:
            fail(f"{MODULE}/{DATA_NAME} sha256 differs from the pinned {PACKAGE} {PINNED_VERSION} file; "
                 "re-validate the mapping before using other data (--data)")
        export(raw, version, pinned, args.out, args.provenance)
    except ExportError as exc:
        print(f"analog_nasbench_export: error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
