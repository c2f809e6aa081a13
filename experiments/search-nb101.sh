#!/usr/bin/env bash
# Search strategies on the NAS-Bench-101 sample (issue 6): experiments/search-nb101.yaml. The
# searchable set is the 292 models of NASLib's 500-row sample; evolution's mutation and local
# search's neighbours stay inside it (docs/SEARCH.md). WeakNAS ranks with WEAKNAS_MODEL (default
# rf; mlp is the paper's but slow). Under nice, one worker.
# Writes $OUT (queries.csv, trials.csv, summary.csv, curves.csv, config.json); results in docs/RESULTS.md.
# Env: NASBENCH_DATA, NASBENCH, TABLE, OUT, TRIALS, WEAKNAS_MODEL.
source "$(dirname "$0")/lib.sh"
TABLE=${TABLE:-data/cache/nb101-naslib.h5}
OUT=${OUT:-runs/search-nb101}
ensure_table nb101-naslib "$TABLE"
run_child nice -n 10 "$NASBENCH" search --spec experiments/search-nb101.yaml --table "$TABLE" \
  ${TRIALS:+--trials "$TRIALS"} ${WEAKNAS_MODEL:+--weaknas-model "$WEAKNAS_MODEL"} --jobs 1 --out "$OUT" \
  $(resume_flag "$OUT") "$@"
