#!/usr/bin/env bash
# Performance predictors on NAS-Bench-201 (issue 4): Kendall tau (and Spearman, Pearson,
# precision@10/100, MAE, RMSE) on all held-out cells against the number of training cells,
# 20 seeded trials per predictor and train size, the same split for every predictor in a trial.
#
# Label: cifar10-valid valid accuracy after 200 epochs (seed mean); features: the adjacency
# one-hot encoding (30 features); predictors: random forest (NASLib's defaults), gradient
# boosting (scikit-learn's defaults) and a 5-member bootstrapped gradient-boosting ensemble.
# The MLP (WeakNAS's, adjacency one-hot) and the GCN (NASLib's, graph encoding) run separately:
#   OUT=runs/predictors-nb201-mlp PREDICTORS=mlp PLOT=notebooks-export/predictors-nb201-mlp-tau.png experiments/predictors-nb201.sh
#   OUT=runs/predictors-nb201-gcn PREDICTORS=gcn ENCODING=graph PLOT=notebooks-export/predictors-nb201-gcn-tau.png experiments/predictors-nb201.sh
# (a trial's split depends only on the seed, trial and size, so all three runs use the same splits).
#
# Writes $OUT (results.csv, timings.csv, summary.csv, config.json, tau_vs_train_size.png) and
# notebooks-export/predictors-nb201-tau.png; results in docs/RESULTS.md.
#
# Usage: experiments/predictors-nb201.sh [extra nasbench predictors options, e.g. --encoding path]
# Env: NASBENCH_DATA (default ../shared/data), TABLE, OUT, PREDICTORS, ENCODING, PLOT.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${NASBENCH_DATA:-../shared/data}
TABLE=${TABLE:-data/cache/nb201.h5}
OUT=${OUT:-runs/predictors-nb201}
PREDICTORS=${PREDICTORS:-rf,gbdt,gbdt-ensemble}
ENCODING=${ENCODING:-adjacency}   # gcn needs ENCODING=graph
PLOT=${PLOT:-notebooks-export/predictors-nb201-tau.png}

swift build -c release --product nasbench
mkdir -p "$(dirname "$TABLE")"
[ -f "$TABLE" ] || .build/release/nasbench import nb201 "$DATA/nb201" -o "$TABLE"
.build/release/nasbench predictors --table "$TABLE" --dataset cifar10-valid --split valid --metric accuracy \
  --epochs 200 --train-sizes 10,20,50,100,200,500,1000 --trials 20 --predictors "$PREDICTORS" \
  --encoding "$ENCODING" --seed 0 --jobs 2 --out "$OUT" "$@"
make venv >/dev/null
.venv/bin/python tools/plot_predictors.py "$OUT" --copy-to "$PLOT"
