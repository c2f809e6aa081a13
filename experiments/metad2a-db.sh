#!/usr/bin/env bash
# MetaD2A's meta-training database (issue 17 step 4; docs/METAD2A.md), in stages that each resume
# where a kill left them (rerun the same command):
#   calibrate - the label recipe on 10-way CIFAR-10, 50 cells, against the NB201 table (calibration
#               only, never training data): notebooks-export/data/metad2a-calibration/ (run as
#               runs/metad2a-calibration-e10; a first recipe of 3 epochs and 50 validation images a
#               class gave tau 0.13: docs/METAD2A.md)
#   build     - the database: 100 tasks x 20 cells = 2,000 labels on Fashion-MNIST and digits tasks
#               (seed 0, the recipe's defaults); when every label is in, metad2a-db.h5 and the run's
#               files go to data/metad2a/ (committed: `make demo` and the MetaD2A commands use it)
#   carry     - for the next session (runs/ is not kept): an unfinished build's files (labels.csv,
#               seconds.csv, config.json: a few hundred KB) into experiments/carry/metad2a-db/; commit it.
#               `build` restores them first.
# Every stage runs on the engine build in experiments/pins/metad2a-db.commit (lib.sh), so the whole
# database comes from one build (labels move by up to 1.2 points between builds).
# Env: NASBENCH_DATA, NASBENCH, NASBENCH_ENGINE_COMMIT, OUT, TABLE, PRIVATE_BINARY.
source "$(dirname "$0")/lib.sh"
OUT=${OUT:-runs/metad2a-db}
TABLE=${TABLE:-data/cache/nb201.h5}
CIFAR=$DATA/cifar10/cifar-10-binary-subset.tar.gz
CARRY=experiments/carry/metad2a-db
FINAL=data/metad2a
stage=${1:-build}
# The label recipe, explicit (the pinned build's defaults may differ): experiments/metad2a-recipe.sh.
source "$(dirname "$0")/metad2a-recipe.sh"
RECIPE=$METAD2A_RECIPE

if [ "$stage" = carry ]; then
  if [ -f "$OUT/metad2a-db.h5" ]; then
    echo "metad2a-db: finished; its files are in $FINAL" >&2
  elif [ -f "$OUT/config.json" ]; then
    rm -rf "$CARRY" && mkdir -p "$CARRY"
    for f in config.json labels.csv seconds.csv; do [ -f "$OUT/$f" ] && cp -p "$OUT/$f" "$CARRY/"; done
    echo "metad2a-db: carried $(($(wc -l < "$OUT/seconds.csv") - 1)) labels; commit $CARRY" >&2
  fi
  exit 0
fi

use_pinned_engine experiments/pins/metad2a-db.commit

if [ "$stage" = calibrate ]; then
  ensure_table nb201 "$TABLE"
  run=runs/metad2a-calibration-e10
  # The database's recipe (below) with 100 validation images a class (digits allows only 70).
  "$ENGINE" metad2a build-db --sources cifar10 --cifar "$CIFAR" --ways 10 --tasks 1 --cells-per-task 50 \
    $RECIPE --valid-per-class 100 --seed 0 --out "$run" $(resume_flag "$run")
  "$NASBENCH" metad2a calibrate "$run" --table "$TABLE"
  mkdir -p notebooks-export/data/metad2a-calibration
  cp -p "$run"/{config.json,labels.csv,seconds.csv,calibration.csv,calibration-pairs.csv} notebooks-export/data/metad2a-calibration/
  exit 0
fi

if [ ! -f "$OUT/config.json" ] && [ -f "$CARRY/config.json" ]; then
  mkdir -p "$OUT" && cp -p "$CARRY"/* "$OUT/"
  echo "metad2a-db: restored $OUT from $CARRY" >&2
fi
"$ENGINE" metad2a build-db --tasks 100 --cells-per-task 20 $RECIPE --valid-per-class 70 --seed 0 --out "$OUT" $(resume_flag "$OUT")
mkdir -p "$FINAL"
cp -p "$OUT"/{config.json,labels.csv,seconds.csv,tasks.json,metad2a-db.h5} "$FINAL/"
rm -rf "$CARRY"
echo "metad2a-db: database in $FINAL; commit it" >&2
