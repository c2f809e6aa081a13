#!/usr/bin/env bash
# Search strategies on the NAS-Bench-101 sample (issue 6): the searchable set is the 292 models of
# NASLib's 500-row sample (data/cache/nb101-naslib.h5); evolution's mutation and local search's
# neighbours stay inside it (docs/SEARCH.md, "NAS-Bench-101 and NAS-Bench-Graph").
# Search and reported metric: CIFAR-10 validation accuracy at 108 epochs (the sample has one value
# per model, so sampled and mean seeds coincide). 100 trials per strategy until the optimum.
# WeakNAS ranks with the random forest (WEAKNAS_MODEL, default rf; mlp is the paper's but slow).
# Runs under nice with one worker.
#
# Writes $OUT (queries.csv, trials.csv, summary.csv, curves.csv, config.json); results in docs/RESULTS.md.
# Env: NASBENCH_DATA (default ../shared/data), TABLE, OUT, TRIALS, WEAKNAS_MODEL.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${NASBENCH_DATA:-../shared/data}
TABLE=${TABLE:-data/cache/nb101-naslib.h5}
OUT=${OUT:-runs/search-nb101}
TRIALS=${TRIALS:-100}
WEAKNAS_MODEL=${WEAKNAS_MODEL:-rf}
NASBENCH=.build/release/nasbench

swift build -c release --product nasbench
mkdir -p "$(dirname "$TABLE")"
[ -f "$TABLE" ] || $NASBENCH import nb101-naslib "$DATA/nb101/naslib_zc_nb101_500.csv" -o "$TABLE"
nice -n 10 $NASBENCH search --table "$TABLE" --strategies random,evolution,local,weaknas \
  --weaknas-model "$WEAKNAS_MODEL" --trials "$TRIALS" --seed 0 --budget until-search-optimum \
  --query-seed mean --jobs 1 --out "$OUT" "$@"
