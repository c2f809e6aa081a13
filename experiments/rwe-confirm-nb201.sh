#!/usr/bin/env bash
# Issue 16, item 5: the grid's chosen RWE setting (docs/RESULTS.md says how it is chosen) confirmed on
# the 200 cells of experiments/rwe-nb201.yaml (seed 0; none is among the grid's 100), K = 3 weight
# initialisations, the grid's base spec and engine build otherwise; then 95% bootstrap intervals of
# every tau and of tau(RWE) - tau(params | synflow) (summarize --bootstrap 2000: intervals.csv) and
# the repeat agreement (noise.csv). Resumable; files copied to notebooks-export/data/rwe-confirm-nb201/,
# an unfinished run's snapshot to experiments/carry/rwe-confirm-nb201/SETTING every 5 minutes (commit
# it: runs/ is not kept between sessions; the next start continues from it).
# Usage: experiments/rwe-confirm-nb201.sh SETTING   (a name of experiments/rwe-grid-nb201.sh, e.g. fresh-c16n5-10k)
# Env: NASBENCH_DATA, NASBENCH (a build with summarize --bootstrap), NASBENCH_ENGINE_COMMIT, TABLE, OUT, PRIVATE_BINARY.
source "$(dirname "$0")/lib.sh"
TABLE=${TABLE:-data/cache/nb201.h5}
OUT=${OUT:-runs/rwe-confirm-nb201}
EXPORT=notebooks-export/data/rwe-confirm-nb201
export OPENBLAS_NUM_THREADS=1
setting=${1:-}
case $setting in
  batch-*|fresh-*|estimate-*) ;;
  *) echo "usage: experiments/rwe-confirm-nb201.sh SETTING (e.g. fresh-c16n5-10k; the grid's names)" >&2; exit 2 ;;
esac
IFS=- read -r bn net images <<< "$setting"
case $net in c8n1) size=(--channels 8 --cells 1) ;; c16n5) size=(--channels 16 --cells 5) ;; *) echo "unknown network '$net'" >&2; exit 2 ;; esac
case $images in 1k) n=1000 ;; 10k) n=10000 ;; *) echo "unknown image count '$images'" >&2; exit 2 ;; esac
use_pinned_engine experiments/pins/rwe-grid-nb201.commit
ensure_table nb201 "$TABLE"
run=$OUT/$setting
partial=experiments/carry/rwe-confirm-nb201/$setting
restore_run "$partial" "$run"
keep_saving snapshot_run "$run" "$partial"
run_child nice -n 10 "$ENGINE" rwe --spec experiments/rwe-grid-nb201.yaml --table "$TABLE" --cifar "$DATA/cifar10/cifar-10-binary-subset.tar.gz" \
  --seed 0 --sample 200 --weight-seeds 3 --batch-norm "$bn" "${size[@]}" --images "$n" --jobs 1 --out "$run" $(resume_flag "$run")
"$NASBENCH" summarize "$run" --bootstrap 2000
mkdir -p "$EXPORT/$setting"
cp -p "$run"/{config.json,results.csv,timings.csv,summary.csv,noise.csv,intervals.csv} "$EXPORT/$setting/"
[ -d "$run/head-trace" ] && cp -rp "$run/head-trace" "$EXPORT/$setting/"
stop_saving
rm -rf "$partial"
