#!/usr/bin/env bash
# NSGA-II (nasbench moo) on NB201 (issue 7): RWE as the accuracy objective against params,
# judged by the oracle (cifar10.test.accuracy.e200) beside NSGA-II on the oracle's accuracy and
# random search with as many evaluations; then the oracle objective against params, FLOPs and
# a measured latency. Results in docs/RESULTS.md (### NSGA-II); outputs copied to
# notebooks-export/data/moo-nb201/<run>.
#
# Usage: experiments/moo-nb201.sh [extra nasbench moo options for the RWE run]
# Env: NASBENCH_DATA (default /work/shared/data), TABLE, OUT, NASBENCH (binary; default: build release).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${NASBENCH_DATA:-/work/shared/data}
TABLE=${TABLE:-data/cache/nb201.h5}
OUT=${OUT:-runs/moo-nb201}
export OPENBLAS_NUM_THREADS=1
if [ -z "${NASBENCH:-}" ]; then
  swift build -c release --product nasbench
  NASBENCH=.build/release/nasbench
fi
mkdir -p "$(dirname "$TABLE")" "$OUT"
[ -f "$TABLE" ] || "$NASBENCH" import nb201 "$DATA/nb201" -o "$TABLE"

nice -n 10 "$NASBENCH" moo --table "$TABLE" --accuracy rwe --cifar "$DATA/cifar10/cifar-10-binary-subset.tar.gz" \
  --truth cifar10.test.accuracy.e200 --cost cifar10.none.params_m --population 20 --generations 10 --seed 0 \
  --channels 8 --cells 1 --batch-norm fresh --init-scheme pytorch --images 1000 --test-images 1000 --head-steps 300 \
  --out "$OUT/rwe-params" "$@" | tee "$OUT/rwe-params.txt"
for cost in cifar10.none.params_m flops cifar100.none.latency_ms.@pi5-onnx; do
  name=oracle-${cost//[^a-z0-9]/-}
  nice -n 10 "$NASBENCH" moo --table "$TABLE" --accuracy cifar10.test.accuracy.e200 --cost "$cost" \
    --population 20 --generations 10 --seed 0 --out "$OUT/$name" | tee "$OUT/$name.txt"
done
mkdir -p notebooks-export/data/moo-nb201
for run in "$OUT"/*/; do
  name=$(basename "$run")
  mkdir -p "notebooks-export/data/moo-nb201/$name"
  cp "$run"/*.csv "$run"/config.json "notebooks-export/data/moo-nb201/$name/"
  cp "$OUT/$name.txt" "notebooks-export/data/moo-nb201/$name/stdout.txt"
done
