#!/usr/bin/env bash
# Performance predictors on NAS-Bench-Graph (issue 6): the light benchmark of the PyPI package
# nas-bench-graph 1.4.0 (all 26,206 architectures), label Cora validation accuracy (400 epochs,
# the package's single value); features: the adjacency one-hot encoding (46 features: each
# node's input, each node's op). Each trial fits on n random architectures and scores on all others.
#
# rf and gbdt: train sizes 10...1000, 20 trials. The MLP (WeakNAS's 4 x 1000, 200 epochs, about
# 0.16 s per training cell on one core) runs separately on sizes 10...200 with MLP_TRIALS
# (default 5) trials. Everything runs under nice with one worker (the machine is shared).
#
# Writes $OUT (rf, gbdt) and $OUT-mlp; results in docs/RESULTS.md.
# Usage: experiments/predictors-nbgraph.sh [extra nasbench predictors options, e.g. --encoding graph]
# Env: DATASET and EPOCHS (default cora 400; e.g. cs 400, photo 500), TABLE, OUT, MLP_TRIALS (0 skips the MLP).
set -euo pipefail
cd "$(dirname "$0")/.."
TABLE=${TABLE:-data/cache/nbgraph.h5}
DATASET=${DATASET:-cora}
EPOCHS=${EPOCHS:-400}
OUT=${OUT:-runs/predictors-nbgraph-$DATASET}
MLP_TRIALS=${MLP_TRIALS:-5}
NASBENCH=.build/release/nasbench

swift build -c release --product nasbench
[ -f "$TABLE" ] || make nbgraph-table
label=(--dataset "$DATASET" --split valid --metric accuracy --epochs "$EPOCHS" --seed 0 --jobs 1)
nice -n 10 $NASBENCH predictors --table "$TABLE" "${label[@]}" --train-sizes 10,20,50,100,200,500,1000 \
  --trials 20 --predictors rf,gbdt --encoding adjacency --out "$OUT" "$@"
if [ "$MLP_TRIALS" -gt 0 ]; then
  nice -n 10 $NASBENCH predictors --table "$TABLE" "${label[@]}" --train-sizes 10,20,50,100,200 \
    --trials "$MLP_TRIALS" --predictors mlp --encoding adjacency --out "$OUT-mlp" "$@"
fi
