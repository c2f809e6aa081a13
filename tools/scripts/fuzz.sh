#!/usr/bin/env bash
# Runs every fuzz target (or those named) under libFuzzer for SECONDS each, JOBS at a time, from the
# committed seed corpus (Tests/fuzz/corpus/TARGET) plus a working corpus kept in .build-fuzz/corpus.
# Findings are written to .build-fuzz/findings/TARGET/ and fail the run; a summary CSV (target,
# seconds, executions, findings) goes to .build-fuzz/fuzz-summary.csv.
# With FUZZ_RUNS=N in the environment a target also stops after N executions (the long run:
# `make fuzz` stops each at 10^6 executions or FUZZ_SECONDS, whichever comes first).
# usage: tools/scripts/fuzz.sh FUZZ_BIN SECONDS [JOBS] [TARGET...]
set -uo pipefail
cd "$(dirname "$0")/../.."
BIN=${1:?the nasbench-fuzz binary of the libFuzzer build (make fuzz-build)}
SECONDS_EACH=${2:?seconds per target}
JOBS=${3:-2}
shift 3 2>/dev/null || shift $#
TARGETS=${*:-$("$BIN" --list | cut -f1)}
WORK=.build-fuzz
mkdir -p "$WORK/logs"
export SWIFT_BACKTRACE=enable=no   # libFuzzer and ASan print the stack; Swift's backtracer would fight them
export LSAN_OPTIONS="suppressions=$PWD/Tests/fuzz/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

run_one() {
  local t=$1
  mkdir -p "$WORK/corpus/$t" "$WORK/findings/$t"
  "$BIN" --target="$t" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=1024 \
    -print_final_stats=1 ${FUZZ_RUNS:+-runs=$FUZZ_RUNS} -artifact_prefix="$WORK/findings/$t/" "$WORK/corpus/$t" "Tests/fuzz/corpus/$t" \
    > "$WORK/logs/$t.log" 2>&1
  local rc=$? runs
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$WORK/logs/$t.log" | grep -o '[0-9]*$' | tail -1)
  local found
  found=$(find "$WORK/findings/$t" -type f | wc -l)
  local took
  took=$(grep -o 'Done [0-9]* runs in [0-9]* second' "$WORK/logs/$t.log" | grep -o 'in [0-9]*' | grep -o '[0-9]*' | tail -1)
  echo "$t,${took:-$SECONDS_EACH},${runs:-0},$found" > "$WORK/logs/$t.row"
  if [ $rc -ne 0 ] || [ "$found" -ne 0 ]; then
    echo "fuzz: $t: FINDING (rc $rc); see $WORK/logs/$t.log and $WORK/findings/$t/" >&2
  else
    echo "fuzz: $t: ${runs:-0} executions in ${SECONDS_EACH}s, no findings" >&2
  fi
}
export -f run_one
export BIN WORK SECONDS_EACH FUZZ_RUNS
printf '%s\n' $TARGETS | xargs -P "$JOBS" -I{} bash -c 'run_one {}'
echo "target,seconds,executions,findings" > "$WORK/fuzz-summary.csv"
for t in $TARGETS; do cat "$WORK/logs/$t.row"; done >> "$WORK/fuzz-summary.csv"
if awk -F, 'NR > 1 && $4 != 0 { bad = 1 } END { exit bad ? 0 : 1 }' "$WORK/fuzz-summary.csv"; then
  echo "fuzz: findings; each input goes into Tests/fuzz/corpus/TARGET/crash-NAME once fixed" >&2
  exit 1
fi
