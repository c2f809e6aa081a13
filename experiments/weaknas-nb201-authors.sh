#!/usr/bin/env bash
# WeakNAS on NAS-Bench-201 as the authors' code actually ran and measured it (issue 5; details
# in docs/SEARCH.md, "WeakNAS"): labels standardised once over the whole table and fitted as
# given (--weaknas-labels table), seed-mean answers (their --deterministic False arrives as the
# true string "False", so WeakNAS.py reads the 'avg' labels: --query-seed mean), and a trial
# counts as done when the optimum was queried *or* is the predictor's top-1 cell, as their
# plots do (--budget until-search-optimum-or-top1; trials.csv keeps both counts), and a trial
# stops after 1,000 queries as their NB201 commands do (--max_sample 1000: --max-queries 1000);
# a trial that has not found the optimum by then has an empty count in trials.csv.
# MLP 4 x 1000, 10 initial cells, 10 per iteration from the predicted top 100; 100 trials.
# The settings are experiments/weaknas-nb201-authors.yaml (a SearchSpec); this script adds the table and folder.
# The other strategies with seed-mean answers: experiments/weaknas-nb201-mean.sh.
#
# Usage: experiments/weaknas-nb201-authors.sh [extra nasbench search options]   (resumes a stopped run)
# Env: NASBENCH_DATA, NASBENCH, TABLE, OUT, TRIALS (default 100).
# Save a stopped run for the next session: tools/scripts/report.py --collect (copies trials.csv,
# config.json and a gzipped queries.csv into notebooks-export/data/weaknas-nb201-authors).
source "$(dirname "$0")/lib.sh"
TABLE=${TABLE:-data/cache/nb201.h5}
OUT=${OUT:-runs/weaknas-nb201-authors/weaknas-mlp-max1000}
ensure_table nb201 "$TABLE"
# A run stopped in an earlier session continues from the state tools/scripts/report.py --collect saved.
if [ "$OUT" = runs/weaknas-nb201-authors/weaknas-mlp-max1000 ]; then tools/scripts/restore-saved-run.sh notebooks-export/data/weaknas-nb201-authors "$OUT"; fi
# OpenBLAS's native kernel for this CPU (the machine's environment may pin another).
OPENBLAS_CORETYPE= "$NASBENCH" search --spec experiments/weaknas-nb201-authors.yaml --table "$TABLE" ${TRIALS:+--trials "$TRIALS"} \
  --jobs 2 --out "$OUT" $(resume_flag "$OUT") "$@"
