#!/usr/bin/env bash
# Imports an analog-nasbench CSV (written by tools/bridges/analog_nasbench_export.py) with nasbench's own
# CSV importer, mapping its columns to the table layout. Used by default-table.sh (all 15,625
# cells) and make-fixtures.sh (the committed 100-cell sample).
# Usage: tools/bridges/analog-import.sh CSV PROVENANCE_JSON OUT.h5 DESCRIPTION   (NASBENCH: the binary)
set -euo pipefail
: "${NASBENCH:?set NASBENCH to the nasbench binary}"
csv="$1"; provenance="$2"; out="$3"; description="$4"
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
"$NASBENCH" import csv "$csv" --space nb201 "${maps[@]}" --source-description "$description" \
  --provenance "$provenance" -o "$out"
