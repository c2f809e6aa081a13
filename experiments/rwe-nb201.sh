#!/usr/bin/env bash
# Random-weight evaluation (issue 7) of 200 seeded NB201 cells (--seed 0) on the real CIFAR-10
# subset, with the defaults chosen by experiments/rwe-sweep-nb201.sh (which swept on other cells,
# --seed 1): RWE accuracy / loss, params, MACs, NASWOT, synflow against cifar10.test.accuracy.e200.
# Results in docs/RESULTS.md (## Random-weight evaluation); outputs copied to
# notebooks-export/data/rwe-nb201.
#
# Usage: experiments/rwe-nb201.sh [extra nasbench rwe options, e.g. --channels 16 --cells 5]
# Env: NASBENCH_DATA (default /work/shared/data), TABLE, OUT, SAMPLE, NASBENCH (binary; default: build release).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${NASBENCH_DATA:-/work/shared/data}
TABLE=${TABLE:-data/cache/nb201.h5}
OUT=${OUT:-runs/rwe-nb201}
SAMPLE=${SAMPLE:-200}
export OPENBLAS_NUM_THREADS=1
if [ -z "${NASBENCH:-}" ]; then
  swift build -c release --product nasbench
  NASBENCH=.build/release/nasbench
fi
mkdir -p "$(dirname "$TABLE")"
[ -f "$TABLE" ] || "$NASBENCH" import nb201 "$DATA/nb201" -o "$TABLE"
resume=""; [ -f "$OUT/config.json" ] && resume="--resume"
# The defaults, spelled out so that the command in docs/RESULTS.md stays what was run.
nice -n 10 "$NASBENCH" rwe --table "$TABLE" --cifar "$DATA/cifar10/cifar-10-binary-subset.tar.gz" \
  --sample "$SAMPLE" --seed 0 --channels 8 --cells 1 --init-scheme pytorch --batch-norm fresh --images 1000 --test-images 1000 --head-steps 300 --jobs 1 --out "$OUT" $resume "$@"
mkdir -p notebooks-export/data/rwe-nb201
cp "$OUT"/{config.json,results.csv,timings.csv,summary.csv} notebooks-export/data/rwe-nb201/
