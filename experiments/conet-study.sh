#!/usr/bin/env bash
# CONetV2's reduced study on ResNet-20 and CIFAR-10 (issue 18; docs/RESULTS.md "CONetV2"), in stages
# that each resume where a kill left them (rerun the same command):
#   search  - the three searches (experiments/conet-search-{sa06,sa07,greedy}.yaml)
#   final   - from-scratch training of the searched widths (2 seeds each), uniform widths at the
#             searched config's parameters (2 seeds), 3 random configs at those parameters, the plain
#             ResNet-20 (experiments/conet-train.yaml)
#   report  - notebooks-export/data/conet/: the tables and the verdict (docs/RESULTS.md)
#   carry   - for the next session (runs/ is not kept between sessions): every finished run's files
#             (no checkpoints) into notebooks-export/data/conet/RUN/, every unfinished run's whole
#             resumable folder (its latest checkpoint is 1-3 MB) into experiments/carry/conet/RUN/;
#             commit both. Every stage first restores them into $OUT, so a finished run is not rerun
#             and an unfinished one resumes from its last finished trial or epoch.
# Runs go to $OUT (default runs/conet). Env: NASBENCH_DATA, NASBENCH, NASBENCH_ENGINE_COMMIT, OUT, PRIVATE_BINARY.
source "$(dirname "$0")/lib.sh"
OUT=${OUT:-runs/conet}
CIFAR=$DATA/cifar10/cifar-10-binary-subset.tar.gz
EXPORT=notebooks-export/data/conet
CARRY=experiments/carry/conet
stage=${1:-all}

finished() { [ -f "$OUT/$1/result.json" ]; }

# Restores runs kept by `carry` that $OUT does not hold yet.
for kept in "$EXPORT"/*/ "$CARRY"/*/; do
  [ -f "$kept/config.json" ] || continue
  name=$(basename "$kept")
  if [ ! -e "$OUT/$name/config.json" ] && { [ -f "$kept/result.json" ] || [ -f "$kept/state.json" ]; }; then
    mkdir -p "$OUT/$name" && cp -p "$kept"/* "$OUT/$name/"
    echo "conet-study: restored $OUT/$name from $kept" >&2
  fi
done

if [ "$stage" = carry ]; then
  for run in "$OUT"/*/; do
    name=$(basename "$run")
    [ -f "$run/config.json" ] || continue
    if finished "$name"; then
      mkdir -p "$EXPORT/$name"
      for f in config.json result.json trials.csv groups.csv layers.csv epochs.csv timing.csv; do
        [ -f "$run/$f" ] && cp -p "$run/$f" "$EXPORT/$name/"
      done
      rm -rf "${CARRY:?}/$name"
    elif [ -f "$run/state.json" ]; then
      rm -rf "${CARRY:?}/$name" && mkdir -p "$CARRY/$name"
      find "$run" -maxdepth 1 -type f ! -name .lock -exec cp -p {} "$CARRY/$name/" \;
    fi
  done
  make --no-print-directory report >&2   # notebooks-export/report.md follows the copied CSVs
  echo "conet-study: carried; commit $EXPORT, $CARRY and notebooks-export/report.md" >&2
  exit 0
fi

# Searches and trainings from 2026-12-04 (the SA gamma 0.7 and 0.6 searches finished before) run on
# the engine build in experiments/pins/conet.commit, across sessions (lib.sh, use_pinned_engine).
ENGINE=$NASBENCH
[ "$stage" = report ] || use_pinned_engine experiments/pins/conet.commit

run_search() {
  local name=$1
  finished "search-$name" && return 0
  "$ENGINE" conet search --spec "experiments/conet-search-$name.yaml" --cifar "$CIFAR" \
    --out "$OUT/search-$name" $(resume_flag "$OUT/search-$name")
}

if [ "$stage" = search ] || [ "$stage" = all ]; then
  for name in sa07 sa06 greedy; do run_search "$name"; done
fi

train() {
  local out=$1; shift
  [ -f "$out/result.json" ] && return 0
  "$ENGINE" conet train --spec experiments/conet-train.yaml --cifar "$CIFAR" "$@" --out "$out" $(resume_flag "$out")
}

if [ "$stage" = final ] || [ "$stage" = all ]; then
  # The verdict's runs need only SA gamma 0.7's search; the other searches' finals run last, each
  # once its search has finished (rerun `final` after `search` for them).
  [ -f "$OUT/search-sa07/result.json" ] || { echo "conet-study: run the search stage first ($OUT/search-sa07)" >&2; exit 1; }
  # The verdict's searched config is SA gamma 0.7's (fixed before running); its parameter count is
  # the budget of the scaled and random baselines.
  budget=$OUT/search-sa07/result.json
  for seed in 0 1; do train "$OUT/final-sa07-s$seed" --widths-from "$budget" --seed "$seed"; done
  scaled=$("$NASBENCH" conet widths resnet20 --rule scaled --like "$budget" | cut -d' ' -f1)
  for seed in 0 1; do train "$OUT/final-scaled-s$seed" --widths "$scaled" --seed "$seed"; done
  for r in 0 1 2; do
    random=$("$NASBENCH" conet widths resnet20 --rule random --like "$budget" --min-width 8 --max-width 128 --seed "$r" | cut -d' ' -f1)
    train "$OUT/final-random$r-s0" --widths "$random" --seed 0
  done
  train "$OUT/final-plain-s0" --seed 0
  for name in sa06 greedy; do
    if [ -f "$OUT/search-$name/result.json" ]; then
      train "$OUT/final-$name-s0" --widths-from "$OUT/search-$name/result.json" --seed 0
    else
      echo "conet-study: search-$name not finished: final-$name-s0 skipped (run the search stage, then final)" >&2
    fi
  done
fi

if [ "$stage" = report ] || [ "$stage" = all ]; then
  "$NASBENCH" conet report "$OUT" --out notebooks-export/data/conet
fi
