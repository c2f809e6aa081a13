#!/usr/bin/env bash
# Issue 16, item 3: RWE's noise on the 200 cells of experiments/rwe-nb201.yaml, K = 3 weight
# initialisations, 10,000 test images (experiments/rwe-noise-nb201.yaml). Resumable; runs at low
# priority (nice 19) beside other work. runs/ is not kept between sessions: the run's CSVs are copied
# to notebooks-export/data/rwe-noise-nb201/ after every invocation (finished or not), and restored
# from there when runs/ has no copy, so the next session resumes with --resume.
# Env: NASBENCH_DATA, NASBENCH, NASBENCH_ENGINE_COMMIT, TABLE, OUT, PRIVATE_BINARY.
source "$(dirname "$0")/lib.sh"
TABLE=${TABLE:-data/cache/nb201.h5}
OUT=${OUT:-runs/rwe-noise-nb201}
EXPORT=notebooks-export/data/rwe-noise-nb201
export OPENBLAS_NUM_THREADS=1
use_pinned_engine experiments/pins/rwe-noise-nb201.commit
ensure_table nb201 "$TABLE"
if [ ! -f "$OUT/config.json" ] && [ -f "$EXPORT/config.json" ]; then
  mkdir -p "$OUT" && cp -p "$EXPORT"/* "$OUT/"
  echo "rwe-noise: restored $OUT from $EXPORT" >&2
fi
status=0
run_child nice -n 19 "$ENGINE" rwe --spec experiments/rwe-noise-nb201.yaml --table "$TABLE" \
  --cifar "$DATA/cifar10/cifar-10-binary-subset.tar.gz" --jobs 1 --out "$OUT" $(resume_flag "$OUT") "$@" || status=$?
# noise.csv and intervals.csv (NASBENCH: a build with summarize --bootstrap; the pinned engine predates them).
[ $status -eq 0 ] && { "$NASBENCH" summarize "$OUT" --bootstrap 2000 > /dev/null || status=$?; }
mkdir -p "$EXPORT"
for f in config.json results.csv timings.csv summary.csv noise.csv intervals.csv; do [ -f "$OUT/$f" ] && cp -p "$OUT/$f" "$EXPORT/"; done
exit $status
