#!/usr/bin/env bash
# Search strategies on NAS-Bench-Graph (issue 6): all 26,206 architectures of the light benchmark
# (data/cache/nbgraph.h5, `make nbgraph-table`), searched on Cora validation accuracy (400 epochs),
# Cora test accuracy reported. The package stores one value per architecture, so sampled and mean
# seeds coincide. 100 trials per strategy until the search optimum. WeakNAS ranks with the random
# forest (WEAKNAS_MODEL, default rf). Runs under nice with one worker.
#
# Writes $OUT (queries.csv, trials.csv, summary.csv, curves.csv, config.json); results in docs/RESULTS.md.
# Env: DATASET and EPOCHS (default cora 400; e.g. cs 400, photo 500), TABLE, OUT, TRIALS, WEAKNAS_MODEL.
set -euo pipefail
cd "$(dirname "$0")/.."
TABLE=${TABLE:-data/cache/nbgraph.h5}
DATASET=${DATASET:-cora}
EPOCHS=${EPOCHS:-400}
OUT=${OUT:-runs/search-nbgraph-$DATASET}
TRIALS=${TRIALS:-100}
WEAKNAS_MODEL=${WEAKNAS_MODEL:-rf}
NASBENCH=.build/release/nasbench

swift build -c release --product nasbench
[ -f "$TABLE" ] || make nbgraph-table
nice -n 10 $NASBENCH search --table "$TABLE" --strategies random,evolution,local,weaknas \
  --weaknas-model "$WEAKNAS_MODEL" --search-column "$DATASET.valid.accuracy.e$EPOCHS" \
  --test-column "$DATASET.test.accuracy.e$EPOCHS" \
  --trials "$TRIALS" --seed 0 --budget until-search-optimum --query-seed mean --jobs 1 --out "$OUT" "$@"
