#!/usr/bin/env bash
# WeakNAS's EI variant on NAS-Bench-201 (issue 5; docs/SEARCH.md, "WeakNAS's EI variant"), with the
# authors' protocol otherwise as in weaknas-nb201-authors.sh: labels standardised over the whole
# table, seed-mean answers, found = queried or the top-1 (highest EI), at most 1,000 queries.
# An ensemble of 5 MLPs per iteration, the 10 unqueried cells of highest expected improvement.
# Five MLP fits and rankings per iteration where the uniform variant has one.
#
# Usage: experiments/weaknas-ei-nb201.sh [extra nasbench search options]   (resumes a stopped run)
# Env: NASBENCH_DATA, NASBENCH, TABLE, OUT, TRIALS (default 100).
source "$(dirname "$0")/lib.sh"
TABLE=${TABLE:-data/cache/nb201.h5}
OUT=${OUT:-runs/weaknas-nb201-ei/weaknas-ei5-mlp-max1000}
ensure_table nb201 "$TABLE"
# A run stopped in an earlier session continues from the state tools/scripts/report.py --collect saved.
if [ "$OUT" = runs/weaknas-nb201-ei/weaknas-ei5-mlp-max1000 ]; then tools/scripts/restore-saved-run.sh notebooks-export/data/weaknas-nb201-ei "$OUT"; fi
# OpenBLAS's native kernel for this CPU (the machine's environment may pin another).
OPENBLAS_CORETYPE= "$NASBENCH" search --spec experiments/weaknas-ei-nb201.yaml --table "$TABLE" ${TRIALS:+--trials "$TRIALS"} \
  --jobs 2 --out "$OUT" $(resume_flag "$OUT") "$@"
