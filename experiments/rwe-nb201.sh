#!/usr/bin/env bash
# Random-weight evaluation (issue 7) of 200 seeded NB201 cells on the real CIFAR-10 subset:
# experiments/rwe-nb201.yaml (RWE accuracy / loss, params, MACs, NASWOT, synflow against
# cifar10.test.accuracy.e200, with the defaults chosen by experiments/rwe-sweep-nb201.sh on other
# cells). Results in docs/RESULTS.md (## Random-weight evaluation); outputs copied to
# notebooks-export/data/rwe-nb201.
# Usage: experiments/rwe-nb201.sh [extra nasbench rwe options, e.g. --channels 16 --cells 5]
# Env: NASBENCH_DATA, NASBENCH, TABLE, OUT, SAMPLE.
source "$(dirname "$0")/lib.sh"
TABLE=${TABLE:-data/cache/nb201.h5}
OUT=${OUT:-runs/rwe-nb201}
export OPENBLAS_NUM_THREADS=1
ensure_table nb201 "$TABLE"
run_child nice -n 10 "$NASBENCH" rwe --spec experiments/rwe-nb201.yaml --table "$TABLE" \
  --cifar "$DATA/cifar10/cifar-10-binary-subset.tar.gz" ${SAMPLE:+--sample "$SAMPLE"} --jobs 1 --out "$OUT" \
  $(resume_flag "$OUT") "$@"
mkdir -p notebooks-export/data/rwe-nb201
cp "$OUT"/{config.json,results.csv,timings.csv,summary.csv} notebooks-export/data/rwe-nb201/
