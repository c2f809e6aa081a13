#!/usr/bin/env bash
# WeakNAS's EI variant on NAS-Bench-201 (issue 5; docs/SEARCH.md, "WeakNAS's EI variant"), with the
# authors' protocol otherwise as in weaknas-nb201-authors.sh: labels standardised over the whole
# table, seed-mean answers, found = queried or the top-1 (highest EI), at most 1,000 queries.
# An ensemble of 5 MLPs per iteration, the 10 unqueried cells of highest expected improvement.
# Five MLP fits and rankings per iteration where the uniform variant has one.
#
# Usage: experiments/weaknas-ei-nb201.sh [extra nasbench search options]   (resumes a stopped run)
# Env: NASBENCH_DATA (default ../shared/data), TABLE, OUT, TRIALS (default 100).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${NASBENCH_DATA:-../shared/data}
TABLE=${TABLE:-data/cache/nb201.h5}
OUT=${OUT:-runs/weaknas-nb201-ei/weaknas-ei5-mlp-max1000}
TRIALS=${TRIALS:-100}

swift build -c release --product nasbench
mkdir -p "$(dirname "$TABLE")"
[ -f "$TABLE" ] || .build/release/nasbench import nb201 "$DATA/nb201" -o "$TABLE"
# A run stopped in an earlier session continues from the state tools/report.py --collect saved.
if [ "$OUT" = runs/weaknas-nb201-ei/weaknas-ei5-mlp-max1000 ]; then tools/restore-saved-run.sh notebooks-export/data/weaknas-nb201-ei "$OUT"; fi
resume=""; [ -f "$OUT/config.json" ] && resume="--resume"
# OpenBLAS's native kernel for this CPU (the machine's environment may pin another).
# The experiment itself is the spec file (experiments/weaknas-ei-nb201.yaml); options given here override it.
OPENBLAS_CORETYPE= .build/release/nasbench search --spec experiments/weaknas-ei-nb201.yaml --table "$TABLE" \
  --trials "$TRIALS" --jobs 2 --out "$OUT" $resume "$@"
