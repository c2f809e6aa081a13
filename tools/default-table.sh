#!/usr/bin/env bash
# Makes the embedded default table (once; later runs reuse it) and writes its path to
# data/cache/default-table.path.
#   1. The real NAS-Bench-201 results when present: $NASBENCH_DATA/nb201 or ../shared/data/nb201.
#   2. Otherwise the analog-nasbench PyPI package's 15,625 NB201-space cells (AnalogNAS-Bench,
#      IBM; CIFAR-10 accuracies retrained by its authors), bridged to CSV by
#      tools/analog_nasbench_export.py and imported by nasbench itself.
# NASBENCH_DEFAULT=analog forces 2. even when the NB201 results are present.
# Needs: NASBENCH (the nasbench binary), NASBENCH_PYTHON (the venv's python).
set -euo pipefail
cd "$(dirname "$0")/.."
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
    "$NASBENCH_PYTHON" tools/analog_nasbench_export.py --out "$work/analog.csv" --provenance "$work/analog.json"
    # Columns: the digital baseline is CIFAR-10 test accuracy after the authors' 200-epoch training
    # (their training script; the package does not state it). The other variants are the same
    # networks deployed on (simulated) hardware, so they are the same column at a device.
    maps=(--map cifar10_test_baseline=cifar10.test.accuracy.e200
          --map cifar10_test_ptq=cifar10.test.accuracy.e200.@int8-ptq
          --map cifar10_test_qat=cifar10.test.accuracy.e200.@int8-qat
          --map cifar10_test_noisy=cifar10.test.accuracy.e200.@pcm
          --map cifar10_test_analog=cifar10.test.accuracy.e200.@pcm-hwt)
    for t in 60 3600 86400 2592000; do
      maps+=(--map "cifar10_test_noisy_drift_${t}s_mean=cifar10.test.accuracy.e200.@pcm-drift${t}s"
             --map "cifar10_test_analog_drift_${t}s_mean=cifar10.test.accuracy.e200.@pcm-hwt-drift${t}s")
    done
    "$NASBENCH" import csv "$work/analog.csv" --space nb201 "${maps[@]}" \
      --source-description "AnalogNAS-Bench (PyPI analog-nasbench 0.1.3, IBM): 15,625 NB201-space cells retrained on CIFAR-10 by its authors; digital baseline and analog/quantised deployments" \
      --provenance "$work/analog.json" -o "$out" >&2
  fi
fi
echo "$out" > data/cache/default-table.path
echo "default table: $out" >&2
