#!/usr/bin/env bash
# Performance predictors on NAS-Bench-201 (issue 4): experiments/predictors-nb201.yaml (Kendall tau,
# Spearman, Pearson, precision@10/100, MAE, RMSE on all held-out cells against the number of
# training cells; 20 seeded trials per predictor and size, the same split for every predictor).
# The MLP (WeakNAS's, adjacency one-hot) and the GCN (NASLib's, graph encoding) run separately:
#   OUT=runs/predictors-nb201-mlp PREDICTORS=mlp PLOT=notebooks-export/predictors-nb201-mlp-tau.png experiments/predictors-nb201.sh
#   OUT=runs/predictors-nb201-gcn PREDICTORS=gcn ENCODING=graph PLOT=notebooks-export/predictors-nb201-gcn-tau.png experiments/predictors-nb201.sh
# (a trial's split depends only on the seed, trial and size, so all three runs use the same splits).
# Writes $OUT (results.csv, timings.csv, summary.csv, config.json, tau_vs_train_size.png) and $PLOT;
# results in docs/RESULTS.md.
# Usage: experiments/predictors-nb201.sh [extra nasbench predictors options]
# Env: NASBENCH_DATA, NASBENCH, TABLE, OUT, PREDICTORS, ENCODING, PLOT.
source "$(dirname "$0")/lib.sh"
TABLE=${TABLE:-data/cache/nb201.h5}
OUT=${OUT:-runs/predictors-nb201}
PLOT=${PLOT:-notebooks-export/predictors-nb201-tau.png}
ensure_table nb201 "$TABLE"
"$NASBENCH" predictors --spec experiments/predictors-nb201.yaml --table "$TABLE" \
  ${PREDICTORS:+--predictors "$PREDICTORS"} ${ENCODING:+--encoding "$ENCODING"} --jobs 2 --out "$OUT" $(resume_flag "$OUT") "$@"
make venv >/dev/null
.venv/bin/python tools/scripts/plot_predictors.py "$OUT" --copy-to "$PLOT"
