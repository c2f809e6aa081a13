#!/usr/bin/env bash
# Performance predictors on the NAS-Bench-101 sample (issue 6): NASLib's 500-row zero-cost sample
# of NB101 (/work/shared/data/nb101/naslib_zc_nb101_500.csv), imported as 292 models (rows of one
# model merged). Train and test cells are both drawn from those 292: each trial fits on n random
# models and scores Kendall tau etc. on the 292 - n others. Label: CIFAR-10 validation accuracy
# at 108 epochs; features: the adjacency one-hot encoding (36 features).
#
# rf and gbdt: 20 trials per train size. The MLP (WeakNAS's 4 x 1000, 200 epochs) costs about
# 0.16 s per training cell on one core, so it runs separately with MLP_TRIALS (default 10) trials.
# Everything runs under nice with one worker (the machine is shared).
#
# Writes $OUT (rf, gbdt) and $OUT-mlp; results in docs/RESULTS.md.
# Usage: experiments/predictors-nb101.sh [extra nasbench predictors options, e.g. --encoding path]
# Env: NASBENCH_DATA (default ../shared/data), TABLE, OUT, MLP_TRIALS (0 skips the MLP).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${NASBENCH_DATA:-../shared/data}
TABLE=${TABLE:-data/cache/nb101-naslib.h5}
OUT=${OUT:-runs/predictors-nb101}
MLP_TRIALS=${MLP_TRIALS:-10}
NASBENCH=.build/release/nasbench

swift build -c release --product nasbench
mkdir -p "$(dirname "$TABLE")"
[ -f "$TABLE" ] || $NASBENCH import nb101-naslib "$DATA/nb101/naslib_zc_nb101_500.csv" -o "$TABLE"
label=(--dataset cifar10 --split valid --metric accuracy --epochs 108 --train-sizes 10,20,50,100,200 --seed 0 --jobs 1)
nice -n 10 $NASBENCH predictors --table "$TABLE" "${label[@]}" --trials 20 --predictors rf,gbdt \
  --encoding adjacency --out "$OUT" "$@"
if [ "$MLP_TRIALS" -gt 0 ]; then
  nice -n 10 $NASBENCH predictors --table "$TABLE" "${label[@]}" --trials "$MLP_TRIALS" --predictors mlp \
    --encoding adjacency --out "$OUT-mlp" "$@"
fi
