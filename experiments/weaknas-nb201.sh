#!/usr/bin/env bash
# The NAS-Bench-201 sample-efficiency comparison of WeakNAS (Wu et al., "Stronger NAS with Weaker
# Predictors", NeurIPS 2021): queries until the CIFAR-10 optimum is found, 100 trials per strategy.
# Reference figures from that paper: random search ~7,782 queries on average, regularized
# evolution ~563, WeakNAS ~182.
# Baselines: experiments/weaknas-nb201.yaml (one training seed drawn per query, the papers'
# protocol; "found" = NB201 index 6111, the best seed-mean valid accuracy, was queried; the run
# goes on until a cell of best test accuracy, 6111 or 13714, was queried too).
# WeakNAS: experiments/weaknas-nb201-mlp.yaml, NASPredictors' MLP (4 x 1000 ReLU units, Adam 1e-3,
# L2 1e-4, 200 epochs): minutes per trial on 2 cores, so its own run with WEAKNAS_TRIALS trials
# (default 100; 0 skips it) into $OUT/weaknas-$WEAKNAS_MODEL; WEAKNAS_MODEL=ridge-onehot (or rf,
# gbdt) swaps the model (ridge-onehot is a linear placeholder, NOT the paper's method).
# Usage: experiments/weaknas-nb201.sh [extra nasbench search options, e.g. --query-seed mean]
# Env: NASBENCH_DATA, NASBENCH, TABLE, OUT, WEAKNAS_MODEL (default mlp), WEAKNAS_TRIALS (default 100).
source "$(dirname "$0")/lib.sh"
TABLE=${TABLE:-data/cache/nb201.h5}
OUT=${OUT:-runs/weaknas-nb201}
WEAKNAS_MODEL=${WEAKNAS_MODEL:-mlp}
WEAKNAS_TRIALS=${WEAKNAS_TRIALS:-100}
ensure_table nb201 "$TABLE"
"$NASBENCH" search --spec experiments/weaknas-nb201.yaml --table "$TABLE" --jobs 2 --out "$OUT" $(resume_flag "$OUT") "$@"
if [ "$WEAKNAS_TRIALS" -gt 0 ]; then
  w="$OUT/weaknas-$WEAKNAS_MODEL"
  "$NASBENCH" search --spec experiments/weaknas-nb201-mlp.yaml --table "$TABLE" --weaknas-model "$WEAKNAS_MODEL" \
    --trials "$WEAKNAS_TRIALS" --jobs 2 --out "$w" $(resume_flag "$w") "$@"
fi
