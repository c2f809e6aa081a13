#!/usr/bin/env bash
# Issue 16, item 6: RWE inside NSGA-II (nasbench moo --accuracy rwe) with the confirmed RWE setting,
# 5 seeds: true hypervolume per generation of NSGA-II on RWE, NSGA-II on the oracle's accuracy and
# random search at the same evaluations (judged by RWE and by the oracle); then per method, objective
# and generation the mean and sample sd over the seeds (hypervolume.csv), copied with every run's files
# to notebooks-export/data/rwe-moo-nb201/. Base spec experiments/moo-nb201-rwe.yaml (population 20,
# 10 generations, against params); the setting's flags are this script's arguments, e.g.
#   experiments/rwe-moo-nb201.sh --batch-norm fresh --channels 8 --cells 1 --images 1000 --test-images 10000 \
#       --head-solver lbfgs --head-steps 1000 --head-tolerance 1e-6
# Resumable per seed (a finished seed's comparison.csv is kept); each finished seed is exported at
# once, an unfinished one's RWE journal to experiments/carry/rwe-moo-nb201/ every 5 minutes (commit
# both: runs/ is not kept between sessions; the next start continues from them). Pinned engine: experiments/pins/rwe-moo-nb201.commit.
# Env: NASBENCH_DATA, NASBENCH, NASBENCH_ENGINE_COMMIT, TABLE, OUT, SEEDS, PRIVATE_BINARY.
source "$(dirname "$0")/lib.sh"
TABLE=${TABLE:-data/cache/nb201.h5}
OUT=${OUT:-runs/rwe-moo-nb201}
SEEDS=${SEEDS:-0 1 2 3 4}
EXPORT=notebooks-export/data/rwe-moo-nb201
export OPENBLAS_NUM_THREADS=1
[ $# -gt 0 ] || { echo "usage: experiments/rwe-moo-nb201.sh RWE-SETTING-FLAGS (see the header)" >&2; exit 2; }
use_pinned_engine experiments/pins/rwe-moo-nb201.commit
ensure_table nb201 "$TABLE"
mkdir -p "$OUT"
for seed in $SEEDS; do
  run=$OUT/seed-$seed partial=experiments/carry/rwe-moo-nb201/seed-$seed
  # A finished seed exported by an earlier machine, or an unfinished one's snapshot, continues here.
  if [ ! -f "$run/comparison.csv" ] && [ -f "$EXPORT/seed-$seed/comparison.csv" ]; then
    mkdir -p "$run" && cp -p "$EXPORT/seed-$seed/"* "$run/"
  fi
  [ -f "$run/comparison.csv" ] && continue
  restore_run "$partial" "$run"
  keep_saving snapshot_journal "$run" "$partial"
  run_child nice -n 10 "$ENGINE" moo --spec experiments/moo-nb201-rwe.yaml --table "$TABLE" \
    --cifar "$DATA/cifar10/cifar-10-binary-subset.tar.gz" --seed "$seed" --out "$run" $(resume_flag "$run") "$@"
  stop_saving
  mkdir -p "$EXPORT/seed-$seed"
  cp -p "$run"/*.csv "$run"/config.json "$EXPORT/seed-$seed/"
  rm -rf "$partial"
done
# Mean and sd over seeds per method, objective and generation.
awk -F, 'FNR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
  { k = $c["method"] "," $c["objective"] "," $c["generation"]; if (!(k in n)) order[++m] = k
    n[k]++; e[k] += $c["evaluations"]; f[k] += $c["fraction_of_true_front"]; f2[k] += $c["fraction_of_true_front"] ^ 2 }
  END { print "method,objective,generation,seeds,evaluations_mean,fraction_of_true_front_mean,fraction_of_true_front_sd"
        for (j = 1; j <= m; j++) { k = order[j]; mean = f[k] / n[k]
          v = n[k] > 1 ? (f2[k] - n[k] * mean ^ 2) / (n[k] - 1) : 0; sd = v > 0 ? sqrt(v) : 0
          printf "%s,%d,%.1f,%.6f,%.6f\n", k, n[k], e[k] / n[k], mean, sd } }' "$OUT"/seed-*/generations.csv > "$OUT/hypervolume.csv"
mkdir -p "$EXPORT"
cp -p "$OUT/hypervolume.csv" "$EXPORT/"
for run in "$OUT"/seed-*/; do
  name=$(basename "$run"); mkdir -p "$EXPORT/$name"
  cp -p "$run"/*.csv "$run"/config.json "$EXPORT/$name/"
done
column -s, -t "$OUT/hypervolume.csv" | tail -12
