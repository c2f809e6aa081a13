#!/usr/bin/env bash
# Performance predictors on NAS-Bench-Graph (issue 6): experiments/predictors-nbgraph.yaml (rf, gbdt;
# sizes 10...1000, 20 trials). The MLP runs separately on sizes 10...200 with MLP_TRIALS (default 5)
# trials. DATASET/EPOCHS pick another label (e.g. cs 400, photo 500). Under nice, one worker.
# Writes $OUT (rf, gbdt) and $OUT-mlp; results in docs/RESULTS.md.
# Usage: experiments/predictors-nbgraph.sh [extra nasbench predictors options, e.g. --encoding graph]
# Env: NASBENCH, DATASET and EPOCHS (default cora 400), TABLE, OUT, MLP_TRIALS (0 skips the MLP).
source "$(dirname "$0")/lib.sh"
TABLE=${TABLE:-data/cache/nbgraph.h5}
DATASET=${DATASET:-cora}
EPOCHS=${EPOCHS:-400}
OUT=${OUT:-runs/predictors-nbgraph-$DATASET}
MLP_TRIALS=${MLP_TRIALS:-5}
ensure_table nbgraph "$TABLE"
spec=(--spec experiments/predictors-nbgraph.yaml --table "$TABLE" --dataset "$DATASET" --split valid --metric accuracy
      --epochs "$EPOCHS" --jobs 1)
run_child nice -n 10 "$NASBENCH" predictors "${spec[@]}" --out "$OUT" $(resume_flag "$OUT") "$@"
if [ "$MLP_TRIALS" -gt 0 ]; then
  run_child nice -n 10 "$NASBENCH" predictors "${spec[@]}" --train-sizes 10,20,50,100,200 --trials "$MLP_TRIALS" \
    --predictors mlp --out "$OUT-mlp" $(resume_flag "$OUT-mlp") "$@"
fi
