#!/usr/bin/env bash
# RWE settings sweep (issue 7), each setting on the same 100 cells drawn with --seed 1, ranked
# against cifar10.test.accuracy.e200. Stage 1: one knob at a time away from the old defaults
# (C 8, N 1, PyTorch-default init, BN on batch statistics, 1000 + 1000 images, 300 head
# steps); BN in inference mode with fresh statistics (bn-fresh) was the only knob that made
# the sign positive, so stage 2 varies the other knobs on top of it (fresh-*).
# The chosen setting is then confirmed on 200 *different* cells (--seed 0) by
# experiments/rwe-nb201.sh; results in docs/RESULTS.md (## Random-weight evaluation).
#
# The base setting is experiments/rwe-sweep-nb201.yaml; each setting below changes one or two knobs.
# Usage: experiments/rwe-sweep-nb201.sh [name ...]   (default: every setting below, in order)
# Env: NASBENCH_DATA, NASBENCH, TABLE, OUT, SAMPLE, SEED.
# Each setting's run lands in $OUT/<name> (resumable); sweep.csv gathers RWE's Kendall tau,
# Spearman and mean seconds per cell, and is copied to notebooks-export/data/rwe-sweep-nb201.
PRIVATE_BINARY=1 source "$(dirname "$0")/lib.sh"
TABLE=${TABLE:-data/cache/nb201.h5}
OUT=${OUT:-runs/rwe-sweep-nb201}
export OPENBLAS_NUM_THREADS=1

declare -A SETTINGS=(
  [base]=""
  [c16]="--channels 16"
  [n2]="--cells 2"
  [kaiming]="--init-scheme kaiming-normal"
  [xavier]="--init-scheme xavier-uniform"
  [bn-fresh]="--batch-norm fresh"
  [img500]="--images 500 --test-images 500"
  [img2000]="--images 2000"
  [steps100]="--head-steps 100"
  [steps1000]="--head-steps 1000"
  [fresh-kaiming]="--batch-norm fresh --init-scheme kaiming-normal"
  [fresh-xavier]="--batch-norm fresh --init-scheme xavier-uniform"
  [fresh-n2]="--batch-norm fresh --cells 2"
  [fresh-c16]="--batch-norm fresh --channels 16"
  [fresh-img500]="--batch-norm fresh --images 500 --test-images 500"
  [fresh-img2000]="--batch-norm fresh --images 2000"
  [fresh-steps100]="--head-steps 100 --batch-norm fresh"
  [fresh-steps1000]="--head-steps 1000 --batch-norm fresh"
)
# Run in this order (the order they were run for docs/RESULTS.md; c16 is the most expensive).
ORDER=(base bn-fresh kaiming fresh-kaiming fresh-xavier fresh-n2 fresh-img2000 fresh-steps1000 fresh-img500
       fresh-steps100 fresh-c16 xavier n2 img500 img2000 steps100 steps1000 c16)
[ $# -gt 0 ] && ORDER=("$@")

mkdir -p "$OUT"
ensure_table nb201 "$TABLE"
for name in "${ORDER[@]}"; do
  [ -n "${SETTINGS[$name]+x}" ] || { echo "unknown setting '$name' (expected one of: ${!SETTINGS[*]})" >&2; exit 2; }
  # shellcheck disable=SC2086
  run_child nice -n 10 "$NASBENCH" rwe --spec experiments/rwe-sweep-nb201.yaml --table "$TABLE" \
    --cifar "$DATA/cifar10/cifar-10-binary-subset.tar.gz" ${SAMPLE:+--sample "$SAMPLE"} ${SEED:+--seed "$SEED"} \
    --jobs 1 --out "$OUT/$name" $(resume_flag "$OUT/$name") ${SETTINGS[$name]}
done

# One line a finished setting: RWE accuracy's tau and Spearman, NASWOT's and params' for scale.
{
  echo "setting,options,cells,rwe_tau,rwe_spearman,neg_loss_tau,params_tau,naswot_tau,synflow_tau,rwe_seconds"
  for name in "${!SETTINGS[@]}"; do
    s="$OUT/$name/summary.csv"; [ -f "$s" ] || continue
    secs=$(awk -F, 'NR > 1 { t += $2; n++ } END { printf "%.3f", t / n }' "$OUT/$name/timings.csv")
    awk -F, -v name="$name" -v opts="${SETTINGS[$name]}" -v secs="$secs" '
      NR > 1 { tau[$1] = $2; rho[$1] = $3; cells = $4 }
      END { printf "%s,%s,%d,%s,%s,%s,%s,%s,%s,%s\n", name, opts, cells, tau["rwe_accuracy"], rho["rwe_accuracy"],
            tau["neg_rwe_loss"], tau["params"], tau["naswot"], tau["synflow_log"], secs }' "$s"
  done | sort
} > "$OUT/sweep.csv"
mkdir -p notebooks-export/data/rwe-sweep-nb201
cp "$OUT/sweep.csv" notebooks-export/data/rwe-sweep-nb201/sweep.csv
for name in "${!SETTINGS[@]}"; do
  [ -f "$OUT/$name/summary.csv" ] || continue
  mkdir -p "notebooks-export/data/rwe-sweep-nb201/$name"
  cp "$OUT/$name/"{config.json,summary.csv,results.csv,timings.csv} "notebooks-export/data/rwe-sweep-nb201/$name/"
done
column -s, -t "$OUT/sweep.csv"
