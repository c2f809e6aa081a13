#!/usr/bin/env bash
# Random-weight evaluation (issue 7) of 250 seeded NB201 cells on the real CIFAR-10 subset:
# RWE accuracy / loss, params, MACs, NASWOT, synflow against cifar10.test.accuracy.e200.
# Results in docs/RESULTS.md (## Random-weight evaluation).
#
# Usage: experiments/rwe-nb201.sh [extra nasbench rwe options, e.g. --channels 16 --cells 5]
# Env: NASBENCH_DATA (default ../shared/data), TABLE, OUT, SAMPLE.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${NASBENCH_DATA:-../shared/data}
TABLE=${TABLE:-data/cache/nb201.h5}
OUT=${OUT:-runs/rwe-nb201}
SAMPLE=${SAMPLE:-250}

swift build --product nasbench   # NASTensor and NASEvaluators are compiled with -O even in debug
mkdir -p "$(dirname "$TABLE")"
[ -f "$TABLE" ] || .build/debug/nasbench import nb201 "$DATA/nb201" -o "$TABLE"
.build/debug/nasbench rwe --table "$TABLE" --cifar "$DATA/cifar10/cifar-10-binary-subset.tar.gz" \
  --sample "$SAMPLE" --seed 0 --channels 8 --cells 1 --images 1000 --test-images 1000 --jobs 1 --out "$OUT" "$@"
