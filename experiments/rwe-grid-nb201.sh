#!/usr/bin/env bash
# Issue 16, item 4: RWE's settings grid on the 100 cells of the issue-7 sweep (seed 1): batch-norm
# mode (batch, fresh, estimate) x network (C=8 N=1, the benchmark's C=16 N=5) x training images
# (1,000, 10,000), 10,000 test images, the head fitted to its optimum (experiments/rwe-grid-nb201.yaml).
# Stages (each resumable; rerun the same command after a kill):
#   time [names]  - 5 cells a setting (the first 5 of the 100), to price a setting before running it
#   run [names]   - the 100 cells of each named setting (default: every setting, cheapest first)
#   carry [names] - for the next session (runs/ is not kept): a consistent snapshot of each unfinished
#                   setting (config.json, results.csv, timings.csv: tens of KB) in experiments/carry/
#                   rwe-grid-nb201/; commit it. `run` carries every 5 minutes and after each setting
#                   (uncommitted snapshots can survive too) and restores a setting OUT lacks
#   table         - grid.csv: per setting the taus (RWE with its 95% bootstrap interval and that of
#                   tau(RWE) - tau(params), its loss, params, NASWOT, synflow), seconds a cell, the
#                   head's largest iteration count and final gradient; copied with each run's files
#                   to notebooks-export/data/rwe-grid-nb201/ (NASBENCH: a build with summarize --bootstrap)
# Computing commands run on one engine build (experiments/pins/rwe-grid-nb201.commit).
# Env: NASBENCH_DATA, NASBENCH, NASBENCH_ENGINE_COMMIT, TABLE, OUT, PRIVATE_BINARY.
source "$(dirname "$0")/lib.sh"
TABLE=${TABLE:-data/cache/nb201.h5}
OUT=${OUT:-runs/rwe-grid-nb201}
EXPORT=notebooks-export/data/rwe-grid-nb201
CARRY=experiments/carry/rwe-grid-nb201
export OPENBLAS_NUM_THREADS=1

declare -A SETTINGS
ORDER=()
for net in c8n1 c16n5; do
  case $net in c8n1) size="--channels 8 --cells 1" ;; c16n5) size="--channels 16 --cells 5" ;; esac
  for images in 1k 10k; do
    case $images in 1k) n=1000 ;; 10k) n=10000 ;; esac
    for bn in batch fresh estimate; do
      SETTINGS[$bn-$net-$images]="--batch-norm $bn $size --images $n"
      ORDER+=("$bn-$net-$images")
    done
  done
done

stage=${1:-}
[ $# -gt 0 ] && shift
names=("$@")
[ ${#names[@]} -gt 0 ] || names=("${ORDER[@]}")
for name in "${names[@]}"; do
  [ -n "${SETTINGS[$name]+x}" ] || { echo "unknown setting '$name' (expected one of: ${ORDER[*]})" >&2; exit 2; }
done

run_setting() { # folder name [extra flags]
  local out=$1 name=$2; shift 2
  # shellcheck disable=SC2086
  run_child nice -n 10 "$ENGINE" rwe --spec experiments/rwe-grid-nb201.yaml --table "$TABLE" \
    --cifar "$DATA/cifar10/cifar-10-binary-subset.tar.gz" --jobs 1 --out "$out" $(resume_flag "$out") \
    ${SETTINGS[$name]} "$@"
}

# carry: a snapshot of each unfinished setting this invocation names (lib.sh snapshot_run; two
# instances running different settings do not write the same snapshot).
carry() {
  local name
  for name in "${names[@]}"; do
    [ -f "$OUT/$name/summary.csv" ] || snapshot_run "$OUT/$name" "$CARRY/$name"
  done
}

# grid.csv from every finished setting under $1.
table() {
  local root=$1
  echo "setting,options,cells,rwe_tau,rwe_tau_low,rwe_tau_high,rwe_minus_params_low,rwe_minus_params_high,repeat_agreement,rwe_spearman,neg_loss_tau,params_tau,naswot_tau,synflow_tau,rwe_seconds,baseline_seconds,head_iterations_max,head_gradient_max"
  for name in "${ORDER[@]}"; do
    local d=$root/$name
    [ -f "$d/summary.csv" ] || continue
    local secs head ci agree
    # 95% bootstrap intervals (cells resampled, seed 0): RWE's tau, and tau(RWE) - tau(params).
    "$NASBENCH" summarize "$d" --bootstrap 2000 > /dev/null
    ci=$(awk -F, '$1 == "tau(rwe_accuracy)" { a = $3 "," $4 } $1 == "tau(rwe_accuracy)-tau(params)" { b = $3 "," $4 }
                  END { print a "," b }' "$d/intervals.csv")
    # Kendall tau between the two weight initialisations (noise.csv, written by summarize when K >= 2).
    agree=$( { [ -f "$d/noise.csv" ] && awk -F, '$1 == "rwe_accuracy" && $2 ~ / vs repeat / { s += $3; n++ } END { if (n) printf "%.4f", s / n }' "$d/noise.csv"; } || true)
    secs=$(awk -F, 'NR > 1 { r += $2; b += $3; n++ } END { printf "%.3f,%.3f", r / n, b / n }' "$d/timings.csv")
    head=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
                    { if ($c["head_iterations"] > it) it = $c["head_iterations"]; if ($c["head_gradient"] + 0 > g) g = $c["head_gradient"] + 0 }
                    END { printf "%d,%.3e", it, g }' "$d/results.csv")
    awk -F, -v name="$name" -v opts="${SETTINGS[$name]}" -v secs="$secs" -v head="$head" -v ci="$ci,$agree" '
      NR > 1 { tau[$1] = $2; rho[$1] = $3; cells = $4 }
      END { printf "%s,%s,%d,%s,%s,%s,%s,%s,%s,%s,%s,%s\n", name, opts, cells, tau["rwe_accuracy"], ci, rho["rwe_accuracy"],
            tau["neg_rwe_loss"], tau["params"], tau["naswot"], tau["synflow_log"], secs, head }' "$d/summary.csv"
  done
}

case $stage in
  time)
    use_pinned_engine experiments/pins/rwe-grid-nb201.commit
    ensure_table nb201 "$TABLE"
    for name in "${names[@]}"; do run_setting "$OUT/time/$name" "$name" --sample 5; done ;;
  run)
    use_pinned_engine experiments/pins/rwe-grid-nb201.commit
    ensure_table nb201 "$TABLE"
    keep_saving carry
    for name in "${names[@]}"; do restore_run "$CARRY/$name" "$OUT/$name"; run_setting "$OUT/$name" "$name"; carry; done ;;
  carry) carry ;;
  table)
    # Finished settings exported by earlier machines come back first, so the table has every one.
    for root in "$OUT" "$OUT/time"; do
      for name in "${ORDER[@]}"; do
        src=$EXPORT${root#"$OUT"}/$name
        if [ ! -f "$root/$name/summary.csv" ] && [ -f "$src/summary.csv" ]; then mkdir -p "$root/$name" && cp -rp "$src/." "$root/$name/"; fi
      done
    done
    mkdir -p "$EXPORT/time"
    table "$OUT/time" > "$EXPORT/time/grid.csv"
    table "$OUT" > "$EXPORT/grid.csv"
    for root in "$OUT" "$OUT/time"; do
      for name in "${ORDER[@]}"; do
        [ -f "$root/$name/summary.csv" ] || continue
        dest=$EXPORT${root#"$OUT"}/$name
        mkdir -p "$dest"
        cp -p "$root/$name/"{config.json,summary.csv,intervals.csv,results.csv,timings.csv} "$dest/"
        [ -f "$root/$name/noise.csv" ] && cp -p "$root/$name/noise.csv" "$dest/"
        [ -d "$root/$name/head-trace" ] && cp -rp "$root/$name/head-trace" "$dest/"
        [ "$root" = "$OUT" ] && rm -rf "${CARRY:?}/$name"
      done
    done
    column -s, -t "$EXPORT/time/grid.csv"; column -s, -t "$EXPORT/grid.csv" ;;
  *) echo "usage: experiments/rwe-grid-nb201.sh time|run|carry|table [setting ...]" >&2; exit 2 ;;
esac
