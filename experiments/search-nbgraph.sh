#!/usr/bin/env bash
# Search strategies on NAS-Bench-Graph (issue 6): experiments/search-nbgraph.yaml (all 26,206
# architectures, searched on Cora validation accuracy, Cora test reported; DATASET/EPOCHS pick
# another dataset). WeakNAS ranks with WEAKNAS_MODEL (default rf). Under nice, one worker.
# Writes $OUT (queries.csv, trials.csv, summary.csv, curves.csv, config.json); results in docs/RESULTS.md.
# Env: NASBENCH, DATASET and EPOCHS (default cora 400), TABLE, OUT, TRIALS, WEAKNAS_MODEL.
source "$(dirname "$0")/lib.sh"
TABLE=${TABLE:-data/cache/nbgraph.h5}
DATASET=${DATASET:-cora}
EPOCHS=${EPOCHS:-400}
OUT=${OUT:-runs/search-nbgraph-$DATASET}
ensure_table nbgraph "$TABLE"
run_child nice -n 10 "$NASBENCH" search --spec experiments/search-nbgraph.yaml --table "$TABLE" \
  --search-column "$DATASET.valid.accuracy.e$EPOCHS" --test-column "$DATASET.test.accuracy.e$EPOCHS" \
  ${TRIALS:+--trials "$TRIALS"} ${WEAKNAS_MODEL:+--weaknas-model "$WEAKNAS_MODEL"} --jobs 1 --out "$OUT" \
  $(resume_flag "$OUT") "$@"
