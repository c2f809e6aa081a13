#!/usr/bin/env bash
# Seeds a run folder from the state `tools/scripts/report.py --collect` saved in notebooks-export
# (config.json, trials.csv, queries.csv.gz), so that a run stopped in an earlier session resumes
# with --resume. Does nothing when OUT already holds a run or nothing was saved, or when the saved
# run drew from other random streams than this code (its config.json lacks the current
# "random_streams"): resuming it would mix two streams in one run, so the run starts afresh.
# Usage: tools/scripts/restore-saved-run.sh SAVED_DIR OUT_DIR
set -euo pipefail
saved="$1"; out="$2"
streams='"random_streams" : 2'   # TrialRunner.randomStreams
if [ -f "$saved/config.json" ] && ! grep -q "$streams" "$saved/config.json"; then
  echo "restore-saved-run: $saved was drawn with earlier random streams; starting $out afresh" >&2
elif [ ! -f "$out/config.json" ] && [ -f "$saved/queries.csv.gz" ]; then
  mkdir -p "$out"
  cp "$saved/config.json" "$saved/trials.csv" "$out/"
  gunzip -c "$saved/queries.csv.gz" > "$out/queries.csv"
fi
