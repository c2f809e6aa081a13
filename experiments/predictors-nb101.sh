#!/usr/bin/env bash
# Performance predictors on the NAS-Bench-101 sample (issue 6): experiments/predictors-nb101.yaml
# (rf, gbdt; 20 trials per size). Train and test cells are both drawn from the 292 models: each
# trial fits on n and scores on the 292 - n others. The MLP (WeakNAS's 4 x 1000, 200 epochs; about
# 0.16 s per training cell on one core) runs separately with MLP_TRIALS (default 10) trials.
# Everything runs under nice with one worker (the machine is shared).
# Writes $OUT (rf, gbdt) and $OUT-mlp; results in docs/RESULTS.md.
# Usage: experiments/predictors-nb101.sh [extra nasbench predictors options, e.g. --encoding path]
# Env: NASBENCH_DATA, NASBENCH, TABLE, OUT, MLP_TRIALS (0 skips the MLP).
source "$(dirname "$0")/lib.sh"
TABLE=${TABLE:-data/cache/nb101-naslib.h5}
OUT=${OUT:-runs/predictors-nb101}
MLP_TRIALS=${MLP_TRIALS:-10}
ensure_table nb101-naslib "$TABLE"
spec=(--spec experiments/predictors-nb101.yaml --table "$TABLE" --jobs 1)
run_child nice -n 10 "$NASBENCH" predictors "${spec[@]}" --out "$OUT" $(resume_flag "$OUT") "$@"
if [ "$MLP_TRIALS" -gt 0 ]; then
  run_child nice -n 10 "$NASBENCH" predictors "${spec[@]}" --trials "$MLP_TRIALS" --predictors mlp --out "$OUT-mlp" \
    $(resume_flag "$OUT-mlp") "$@"
fi
