#!/usr/bin/env bash
# Remakes the committed fixture tables in data/ from the embedded default (the analog-nasbench
# PyPI package), with nasbench's own importer: `make fixtures`.
#   data/nb201-analog-sample100.h5   every 157th of the 15,625 NB201-space cells (rows 0, 157, ...,
#                                    15543: 100 cells), all 13 columns of the full default table.
# Needs: NASBENCH (the nasbench binary), NASBENCH_PYTHON (the venv's python).
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${NASBENCH:?set NASBENCH to the nasbench binary}"
: "${NASBENCH_PYTHON:?set NASBENCH_PYTHON to the venv python}"
work=data/cache/analog
mkdir -p "$work"
if [ ! -f "$work/analog.csv" ] || [ ! -f "$work/analog.json" ]; then
  "$NASBENCH_PYTHON" tools/bridges/analog_nasbench_export.py --out "$work/analog.csv" --provenance "$work/analog.json"
fi
# Header, then rows 0, 157, 314, ... of the package's order (a fixed rule: no randomness to pin).
awk 'NR == 1 || (NR - 2) % 157 == 0' "$work/analog.csv" > "$work/sample100.csv"
rows=$(($(wc -l < "$work/sample100.csv") - 1))
[ "$rows" = 100 ] || { echo "make-fixtures: expected 100 sampled rows, got $rows" >&2; exit 1; }
# The package's provenance, plus how the sample was cut from it.
"$NASBENCH_PYTHON" -c 'import json, sys
p = json.load(open(sys.argv[1]))
p["sample"] = {"rule": "rows 0, 157, 314, ..., 15543 of the package order (every 157th)", "cells": 100, "of": p["n_cells"]}
json.dump(p, open(sys.argv[2], "w"), indent=2, sort_keys=True)' "$work/analog.json" "$work/sample100.json"
out=data/nb201-analog-sample100.h5
rm -f "$out"
NASBENCH="$NASBENCH" tools/bridges/analog-import.sh "$work/sample100.csv" "$work/sample100.json" "$out" \
  "AnalogNAS-Bench (PyPI analog-nasbench 0.1.3, IBM): every 157th of its 15,625 NB201-space cells (100 cells, rows 0, 157, ..., 15543 of the package's order), retrained on CIFAR-10 by its authors; digital baseline and analog/quantised deployments"
"$NASBENCH" verify "$out"
