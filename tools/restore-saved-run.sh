#!/usr/bin/env bash
# Seeds a run folder from the state `tools/report.py --collect` saved in notebooks-export
# (config.json, trials.csv, queries.csv.gz), so that a run stopped in an earlier session resumes
# with --resume. Does nothing when OUT already holds a run or nothing was saved.
# Usage: tools/restore-saved-run.sh SAVED_DIR OUT_DIR
set -euo pipefail
saved="$1"; out="$2"
if [ ! -f "$out/config.json" ] && [ -f "$saved/queries.csv.gz" ]; then
  mkdir -p "$out"
  cp "$saved/config.json" "$saved/trials.csv" "$out/"
  gunzip -c "$saved/queries.csv.gz" > "$out/queries.csv"
fi
