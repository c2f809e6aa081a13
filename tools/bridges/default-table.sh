#!/usr/bin/env bash
# Makes the embedded default table (once; later runs reuse it) and writes its path to
# data/cache/default-table.path.
#   1. The real NAS-Bench-201 results when present: $NASBENCH_DATA/nb201 or ../shared/data/nb201.
#   2. Otherwise the analog-nasbench PyPI package's 15,625 NB201-space cells (AnalogNAS-Bench,
#      IBM; CIFAR-10 accuracies retrained by its authors), bridged to CSV by
#      tools/bridges/analog_nasbench_export.py and imported by nasbench itself.
# NASBENCH_DEFAULT=analog forces 2. even when the NB201 results are present.
# Needs: NASBENCH (the nasbench binary), NASBENCH_PYTHON (the venv's python).
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${NASBENCH:?set NASBENCH to the nasbench binary}"
: "${NASBENCH_PYTHON:?set NASBENCH_PYTHON to the venv python}"
mkdir -p data/cache

shared="${NASBENCH_DATA:-}"
if [ -z "$shared" ] && [ -f ../shared/data/nb201/nb201_full.csv ]; then shared=../shared/data; fi

if [ "${NASBENCH_DEFAULT:-auto}" != analog ] && [ -n "$shared" ] && [ -f "$shared/nb201/nb201_full.csv" ]; then
  out=data/cache/nb201.h5
  if [ ! -f "$out" ] || [ "$shared/nb201/nb201_full.csv" -nt "$out" ]; then
    echo "importing NAS-Bench-201 from $shared/nb201 ..." >&2
    "$NASBENCH" import nb201 "$shared/nb201" -o "$out" >&2
  fi
else
  out=data/cache/nb201-analog.h5
  if [ ! -f "$out" ]; then
    echo "no NAS-Bench-201 data found: converting the analog-nasbench package's table ..." >&2
    work=data/cache/analog
    mkdir -p "$work"
    "$NASBENCH_PYTHON" tools/bridges/analog_nasbench_export.py --out "$work/analog.csv" --provenance "$work/analog.json"
    NASBENCH="$NASBENCH" tools/bridges/analog-import.sh "$work/analog.csv" "$work/analog.json" "$out" \
      "AnalogNAS-Bench (PyPI analog-nasbench 0.1.3, IBM): 15,625 NB201-space cells retrained on CIFAR-10 by its authors; digital baseline and analog/quantised deployments" >&2
  fi
fi
echo "$out" > data/cache/default-table.path
echo "default table: $out" >&2
