#!/usr/bin/env bash
# MetaD2A protocol B (issue 17), an upper bound, labelled so: protocol A's pool (Fashion-MNIST + digits
# tasks, data/metad2a/metad2a-db.h5) plus 25 tasks of 5 CIFAR-10 classes each drawn from the archive's
# training images (20 cells a task, the same label recipe and engine build as protocol A's database).
# The meta-test set (all of CIFAR-10's training-part images) then shares images with meta-training,
# so this measures what seeing the target dataset's own tasks buys, not transfer. Stages, each
# resumable (rerun the command):
#   db    - the CIFAR-10 tasks' database (runs/metad2a-db-cifar; pinned as experiments/metad2a-db.sh),
#           then both joined (metad2a combine-db) into $OUT/db.h5
#   train - meta-predictor and generator on the joined database with the features of
#           experiments/metad2a-study.sh (Fashion-MNIST, digits, CIFAR-10), its pinned build
#   test  - the five arms of protocol A, 10 seeds each, then summarize:
#           notebooks-export/data/metad2a-protocol-b/arms.csv. SEEDS="0 1 2 3 4" runs only those seeds
#           and does not summarize (to split the seeds over cores; then rerun without SEEDS)
#   carry - at a session's end: the CIFAR-10 database's labels (finished or not) into
#           experiments/carry/metad2a-db-cifar (commit it; `db` restores and resumes from it)
# Env: NASBENCH_DATA, NASBENCH, NASBENCH_ENGINE_COMMIT, OUT, STUDY, TABLE, PRIVATE_BINARY, SEEDS.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/metad2a-recipe.sh"
OUT=${OUT:-runs/metad2a-protocol-b}
STUDY=${STUDY:-runs/metad2a-study}
TABLE=${TABLE:-data/cache/nb201.h5}
DB_A=data/metad2a/metad2a-db.h5
DB_C=runs/metad2a-db-cifar
CARRY=experiments/carry/metad2a-db-cifar
CIFAR=$DATA/cifar10/cifar-10-binary-subset.tar.gz
stage=${1:-}
mkdir -p "$OUT"

case $stage in
  carry)
    # The labels, finished or not: `db` resumes from them, and a finished set rebuilds the same
    # database bytes without relabelling (checked 2026-12-04: same SHA-256).
    if [ -f "$DB_C/config.json" ]; then
      rm -rf "$CARRY" && mkdir -p "$CARRY"
      cp -p "$DB_C"/{config.json,labels.csv,seconds.csv} "$CARRY/"
      echo "metad2a-protocol-b: carried $(($(wc -l < "$DB_C/seconds.csv") - 1)) labels; commit $CARRY" >&2
    fi ;;
  db)
    [ -f "$DB_A" ] || { echo "metad2a-protocol-b: protocol A's database $DB_A is missing (experiments/metad2a-db.sh build)" >&2; exit 1; }
    use_pinned_engine experiments/pins/metad2a-db.commit
    if [ ! -f "$DB_C/config.json" ] && [ -f "$CARRY/config.json" ]; then mkdir -p "$DB_C" && cp -p "$CARRY"/* "$DB_C/"; fi
    # Seed 1 (protocol A's database is seed 0), 5-way tasks of CIFAR-10's training part.
    "$ENGINE" metad2a build-db --sources cifar10 --cifar "$CIFAR" --tasks 25 --cells-per-task 20 $METAD2A_RECIPE \
      --valid-per-class 70 --seed 1 --out "$DB_C" $(resume_flag "$DB_C")
    "$NASBENCH" metad2a combine-db "$DB_A" "$DB_C/metad2a-db.h5" --out "$OUT/db.h5" ;;
  train)
    use_pinned_engine experiments/pins/metad2a-study.commit
    features=("$STUDY/fashion-mnist.h5" "$STUDY/digits.h5" "$STUDY/cifar10.h5")
    for f in "$OUT/db.h5" "${features[@]}"; do [ -f "$f" ] || { echo "metad2a-protocol-b: $f is missing" >&2; exit 1; }; done
    [ -f "$OUT/predictor/result.json" ] || "$ENGINE" metad2a train-predictor --db "$OUT/db.h5" --features "${features[@]}" \
      --seed 0 --out "$OUT/predictor" $(resume_flag "$OUT/predictor")
    [ -f "$OUT/generator/result.json" ] || "$ENGINE" metad2a train-generator --db "$OUT/db.h5" --features "${features[@]}" \
      --predictor "$OUT/predictor" --seed 0 --out "$OUT/generator" $(resume_flag "$OUT/generator") ;;
  test)
    use_pinned_engine experiments/pins/metad2a-study.commit
    ensure_table nb201 "$TABLE"
    common=(--generator "$OUT/generator" --predictor "$OUT/predictor" --features "$STUDY/cifar10.h5" --count 500 --top 30
            --set-draws 10 --table "$TABLE" --dataset cifar10)
    for seed in ${SEEDS:-0 1 2 3 4 5 6 7 8 9}; do
      run() { local arm=$1; shift; [ -f "$OUT/test/$arm-s$seed/summary.json" ] || \
        "$ENGINE" metad2a generate "${common[@]}" --seed "$seed" "$@" --out "$OUT/test/$arm-s$seed"; }
      run metad2a
      run predictor-random --cells random
      run generator-alone --ranking none
      run dataset-blind --dataset-blind --db "$OUT/db.h5" --training-features "$STUDY/fashion-mnist.h5" "$STUDY/digits.h5" "$STUDY/cifar10.h5"
      run random --cells random --ranking none
    done
    [ -z "${SEEDS:-}" ] || exit 0  # a part of the seeds: summarize on the full run
    "$NASBENCH" metad2a summarize "$OUT/test"
    mkdir -p notebooks-export/data/metad2a-protocol-b
    cp "$OUT/test/arms.csv" "$OUT/test/cells.csv" notebooks-export/data/metad2a-protocol-b/ ;;
  *) echo "usage: experiments/metad2a-protocol-b.sh db|train|test|carry" >&2; exit 2 ;;
esac
