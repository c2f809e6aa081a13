#!/usr/bin/env bash
# MetaD2A's meta-test on CIFAR-10, protocol A (issue 17; docs/METAD2A.md, docs/RESULTS.md): meta-trained
# on Fashion-MNIST + digits tasks only (the database of experiments/metad2a-db.sh, data/metad2a/),
# meta-tested on CIFAR-10 through the real NB201 table. Stages, each resumable (rerun the command):
#   features  - the image encoder trained on Fashion-MNIST + digits (experiments/metad2a-encoder.sh's
#               run, 4 epochs), then features of both sets (all images) and of CIFAR-10 (its batch norm
#               re-estimated on CIFAR-10's images, AdaBN: no labels)
#   train     - the meta-predictor, then the generator (the authors' defaults: 400 epochs each)
#   test      - 10 runs (seeds 0-9) of each arm, 500 cells, top 30: MetaD2A; the predictor ranking
#               500 random cells; the generator alone; the dataset-blind control; random best-of-30
#               (each run's summary.json: max / top-1 / top-10 mean table accuracy among the top 30);
#               and MetaD2A on CIFAR-10 features without AdaBN (metad2a-plain-features, a sensitivity arm),
#               then `metad2a summarize`: per arm mean +- 95% interval (arms.csv) and the cells' iso uniqueness,
#               operation shares and phase seconds (cells.csv), into notebooks-export/data/metad2a-study/
#   carry     - at a session's end (runs/ may not be kept): the generator run, finished (weights and CSVs)
#               or not (with its latest checkpoint), into experiments/carry/metad2a-study/; every stage first
#               restores it. The predictor's weights (14 MB) are too large to commit: its record (config,
#               epochs, timing, result, the weights' SHA-256) goes to notebooks-export/data/metad2a-study/predictor/,
#               and `train` retrains it when runs/ was lost (seeded, on the pin; `sha256sum -c` on the
#               recorded digest tells whether the bytes came back). The encoder and feature files are not carried: the
#               features stage recomputes them on the pinned build (seeded, same bytes), and a training
#               run's resume refuses feature files whose SHA-256 differs from its config's.
# Runs go to $OUT (default runs/metad2a-study). Computing commands run on one engine build, named in
# experiments/pins/metad2a-study.commit: its first start writes HEAD's there (commit that file).
# Env: NASBENCH_DATA, NASBENCH, NASBENCH_ENGINE_COMMIT, OUT, TABLE, DB.
source "$(dirname "$0")/lib.sh"
OUT=${OUT:-runs/metad2a-study}
TABLE=${TABLE:-data/cache/nb201.h5}
DB=${DB:-data/metad2a/metad2a-db.h5}
CIFAR=$DATA/cifar10/cifar-10-binary-subset.tar.gz
CARRY=experiments/carry/metad2a-study
stage=${1:-all}
mkdir -p "$OUT"

for name in generator; do
  if [ ! -e "$OUT/$name/config.json" ] && [ -f "$CARRY/$name/config.json" ]; then
    mkdir -p "$OUT/$name" && cp -p "$CARRY/$name"/* "$OUT/$name/"
    echo "metad2a-study: restored $OUT/$name from $CARRY/$name" >&2
  fi
done

if [ "$stage" = carry ]; then
  if [ -f "$OUT/predictor/result.json" ]; then
    record=notebooks-export/data/metad2a-study/predictor
    mkdir -p "$record"
    cp -p "$OUT"/predictor/{config.json,epochs.csv,timing.csv,result.json,predictor.json} "$record/"
    (cd "$OUT" && sha256sum predictor/predictor.h5) > "$record/predictor.sha256"
  fi
  for name in generator; do
    run=$OUT/$name
    [ -f "$run/config.json" ] || continue
    rm -rf "${CARRY:?}/$name" && mkdir -p "$CARRY/$name"
    if [ -f "$run/result.json" ]; then
      find "$run" -maxdepth 1 -type f ! -name .lock ! -name 'checkpoint-*' -exec cp -p {} "$CARRY/$name/" \;
    else
      find "$run" -maxdepth 1 -type f ! -name .lock -exec cp -p {} "$CARRY/$name/" \;
    fi
  done
  [ -d "$CARRY" ] && echo "metad2a-study: carried $(du -sh "$CARRY" | cut -f1); commit $CARRY" >&2
  exit 0
fi

use_pinned_engine experiments/pins/metad2a-study.commit

if [ "$stage" = features ] || [ "$stage" = all ]; then
  enc=$OUT/encoder
  [ -f "$enc/encoder.h5" ] || "$ENGINE" metad2a train-encoder --epochs 4 --seed 0 --out "$enc" $(resume_flag "$enc")
  for set in fashion-mnist digits; do
    [ -f "$OUT/$set.h5" ] || "$ENGINE" metad2a encode "$set" --encoder "$enc/encoder.h5" --out "$OUT/$set.h5" | tee -a "$OUT/encode.log"
  done
  [ -f "$OUT/cifar10.h5" ] || "$ENGINE" metad2a encode cifar10 --cifar "$CIFAR" --encoder "$enc/encoder.h5" \
    --adapt-batch-norm --out "$OUT/cifar10.h5" | tee -a "$OUT/encode.log"
  # The same without AdaBN (the encoder's batch-norm statistics from Fashion-MNIST + digits): the
  # sensitivity arm metad2a-plain-features (docs/RESULTS.md says why both).
  [ -f "$OUT/cifar10-plain.h5" ] || "$ENGINE" metad2a encode cifar10 --cifar "$CIFAR" --encoder "$enc/encoder.h5" \
    --out "$OUT/cifar10-plain.h5" | tee -a "$OUT/encode.log"
  # The encoder's record, and the files' SHA-256 as the first computation gave them: a recomputation
  # (runs/ lost between sessions) must give the same bytes, or the carried models no longer fit.
  mkdir -p notebooks-export/data/metad2a-study/encoder
  cp -p "$enc"/{config.json,epochs.csv,timing.csv} notebooks-export/data/metad2a-study/encoder/
  # Each encode's wall time as it printed it (the phases' cost beside the paper's GPU-seconds).
  [ -f "$OUT/encode.log" ] && cp -p "$OUT/encode.log" notebooks-export/data/metad2a-study/
  if [ -f "$CARRY/features.sha256" ]; then
    (cd "$OUT" && sha256sum -c --quiet "$OLDPWD/$CARRY/features.sha256") \
      || { echo "metad2a-study: recomputed features differ from $CARRY/features.sha256" >&2; exit 1; }
  else
    mkdir -p "$CARRY"
    (cd "$OUT" && sha256sum encoder/encoder.h5 fashion-mnist.h5 digits.h5 cifar10.h5 cifar10-plain.h5) > "$CARRY/features.sha256"
  fi
fi

if [ "$stage" = train ] || [ "$stage" = all ]; then
  [ -f "$DB" ] || { echo "metad2a-study: no database at $DB (experiments/metad2a-db.sh build)" >&2; exit 1; }
  [ -f "$OUT/predictor/result.json" ] || "$ENGINE" metad2a train-predictor --db "$DB" \
    --features "$OUT/fashion-mnist.h5" "$OUT/digits.h5" --seed 0 --out "$OUT/predictor" $(resume_flag "$OUT/predictor")
  [ -f "$OUT/generator/result.json" ] || "$ENGINE" metad2a train-generator --db "$DB" \
    --features "$OUT/fashion-mnist.h5" "$OUT/digits.h5" --predictor "$OUT/predictor" --seed 0 \
    --out "$OUT/generator" $(resume_flag "$OUT/generator")
fi

if [ "$stage" = test ] || [ "$stage" = all ]; then
  ensure_table nb201 "$TABLE"
  common=(--generator "$OUT/generator" --predictor "$OUT/predictor" --count 500 --top 30
          --set-draws 10 --table "$TABLE" --dataset cifar10)
  for seed in 0 1 2 3 4 5 6 7 8 9; do
    # run ARM FEATURES [flags]: one seeded run of an arm on CIFAR-10's features FEATURES.
    run() { local arm=$1 features=$2; shift 2; [ -f "$OUT/test/$arm-s$seed/summary.json" ] || \
      "$ENGINE" metad2a generate "${common[@]}" --features "$features" --seed "$seed" "$@" --out "$OUT/test/$arm-s$seed"; }
    c10=$OUT/cifar10.h5
    run metad2a "$c10"
    run predictor-random "$c10" --cells random
    run generator-alone "$c10" --ranking none
    run dataset-blind "$c10" --dataset-blind --db "$DB" --training-features "$OUT/fashion-mnist.h5" "$OUT/digits.h5"
    run random "$c10" --cells random --ranking none
    run metad2a-plain-features "$OUT/cifar10-plain.h5"
  done
  "$NASBENCH" metad2a summarize "$OUT/test"
  mkdir -p notebooks-export/data/metad2a-study
  cp "$OUT/test/arms.csv" "$OUT/test/cells.csv" notebooks-export/data/metad2a-study/
fi
