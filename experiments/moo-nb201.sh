#!/usr/bin/env bash
# NSGA-II (nasbench moo) on NB201 (issue 7): RWE as the accuracy objective against params,
# judged by the oracle (cifar10.test.accuracy.e200) beside NSGA-II on the oracle's accuracy and
# random search with as many evaluations; then the oracle objective against params, FLOPs and
# a measured latency. Results in docs/RESULTS.md (### NSGA-II); outputs copied to
# notebooks-export/data/moo-nb201/<run>.
#
# The runs are experiments/moo-nb201-rwe.yaml and moo-nb201-oracle.yaml (with --cost per cost).
# Usage: experiments/moo-nb201.sh [extra nasbench moo options for the RWE run]
# Env: NASBENCH_DATA, NASBENCH, TABLE, OUT.
source "$(dirname "$0")/lib.sh"
TABLE=${TABLE:-data/cache/nb201.h5}
OUT=${OUT:-runs/moo-nb201}
export OPENBLAS_NUM_THREADS=1
ensure_table nb201 "$TABLE"
mkdir -p "$OUT"
run_child nice -n 10 "$NASBENCH" moo --spec experiments/moo-nb201-rwe.yaml --table "$TABLE" \
  --cifar "$DATA/cifar10/cifar-10-binary-subset.tar.gz" --out "$OUT/rwe-params" "$@" | tee "$OUT/rwe-params.txt"
for cost in cifar10.none.params_m flops cifar100.none.latency_ms.@pi5-onnx; do
  name=oracle-${cost//[^a-z0-9]/-}
  run_child nice -n 10 "$NASBENCH" moo --spec experiments/moo-nb201-oracle.yaml --table "$TABLE" --cost "$cost" \
    --out "$OUT/$name" | tee "$OUT/$name.txt"
done
mkdir -p notebooks-export/data/moo-nb201
for run in "$OUT"/*/; do
  name=$(basename "$run")
  mkdir -p "notebooks-export/data/moo-nb201/$name"
  cp "$run"/*.csv "$run"/config.json "notebooks-export/data/moo-nb201/$name/"
  cp "$OUT/$name.txt" "notebooks-export/data/moo-nb201/$name/stdout.txt"
done
