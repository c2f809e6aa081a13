# The shared preamble of the experiment scripts (source it first; each experiment itself is a
# spec file beside its script, run with `nasbench <command> --spec`).
#   - cd to the checkout's root; strict bash.
#   - DATA: the real data (NASBENCH_DATA, default ../shared/data; layout in its README).
#   - NASBENCH: the binary (given, or built in release once here). With PRIVATE_BINARY=1 a private
#     copy is run, so that rebuilding while a long run goes on cannot change it midway.
#   - ensure_table SPACE PATH: imports the benchmark table into PATH unless it is there
#     (nb201 and nb101-naslib from DATA; nbgraph from its PyPI package, `make nbgraph-table`).
#   - resume_flag OUT: prints --resume when OUT already holds a run (a stopped run continues; a
#     `moo` run marks itself with spec.json, the others with config.json).
#   - use_pinned_engine PIN: ENGINE, the binary of the engine build the experiment's first start used.
#   - snapshot_run RUN DEST / snapshot_journal RUN DEST / restore_run DEST RUN / keep_saving CMD...: an unfinished run survives a
#     new machine (runs/ is not kept between sessions): a consistent copy under experiments/carry/
#     is committed, and the next session's start continues from it.
#   - run_child CMD...: runs a long computing command so that stopping the script (SIGTERM, SIGINT,
#     SIGHUP) stops the command too and still removes the script's temporary files.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
DATA=${NASBENCH_DATA:-../shared/data}
if [ -z "${NASBENCH:-}" ]; then
  swift build -c release --product nasbench >&2
  NASBENCH=.build/release/nasbench
fi
_tmpfiles=()
_savers=()
_child=
trap '[ ${#_savers[@]} -eq 0 ] || kill "${_savers[@]}" 2> /dev/null; rm -f "${_tmpfiles[@]}"' EXIT
# A signal stops the running child (TERM: a background job of a non-interactive shell ignores INT),
# waits for it, then exits with the signal's status, which runs the EXIT trap above. Without this,
# bash dies at once and leaves the child computing and its private binary in /tmp.
_on_signal() {
  if [ -n "$_child" ]; then kill -TERM "$_child" 2> /dev/null || true; wait "$_child" 2> /dev/null || true; fi
  exit $((128 + $(kill -l "$1")))
}
trap '_on_signal TERM' TERM
trap '_on_signal INT' INT
trap '_on_signal HUP' HUP
if [ -n "${PRIVATE_BINARY:-}" ]; then
  _private=$(mktemp /tmp/nasbench-run.XXXXXX)
  _tmpfiles+=("$_private")
  cp "$NASBENCH" "$_private" && chmod +x "$_private"
  NASBENCH=$_private
fi

ensure_table() {
  local space=$1 path=$2
  [ -f "$path" ] && return 0
  mkdir -p "$(dirname "$path")"
  case "$space" in
    nb201) "$NASBENCH" import nb201 "$DATA/nb201" -o "$path" ;;
    nb101-naslib) "$NASBENCH" import nb101-naslib "$DATA/nb101/naslib_zc_nb101_500.csv" -o "$path" ;;
    nbgraph) make nbgraph-table ;;
    *) echo "ensure_table: unknown space '$space' (nb201, nb101-naslib, nbgraph)" >&2; return 2 ;;
  esac
}

# use_pinned_engine PIN: one build of the engine for a whole experiment, across sessions. Last-bit
# differences between engine builds move results (docs/METAD2A.md: labels by up to 1.2 points), so
# a run that a later session resumes must resume on the build it started on. PIN (a file under
# experiments/pins/, committed) names that commit; the first start writes HEAD's. Sets ENGINE, the
# binary for the experiment's computing commands (training, scoring); NASBENCH stays the current
# build, for analysis commands a pinned build may not have. ENGINE is NASBENCH when PIN names HEAD
# or NASBENCH_ENGINE_COMMIT says NASBENCH was built from PIN's commit; otherwise that commit is
# exported (git archive) and built in release once per machine under
# ${PIN_ROOT:-/tmp}/nasbench-pin-COMMIT (about 5 minutes on 2 cores), and ENGINE is a private copy.
use_pinned_engine() {
  local pin=$1 commit head
  head=$(git rev-parse HEAD)
  if [ -f "$pin" ]; then commit=$(tr -d '[:space:]' < "$pin"); else commit=$head; mkdir -p "$(dirname "$pin")"; echo "$commit" > "$pin"; fi
  git cat-file -e "$commit^{commit}" 2>/dev/null || { echo "use_pinned_engine: $pin names $commit, not a commit of this repository" >&2; return 2; }
  echo "engine: $commit ($pin)" >&2
  ENGINE=$NASBENCH
  [ "$commit" = "$head" ] || [ "${NASBENCH_ENGINE_COMMIT:-}" = "$commit" ] && return 0
  local dir=${PIN_ROOT:-/tmp}/nasbench-pin-$commit
  if [ ! -x "$dir/nasbench" ]; then
    rm -rf "$dir/src" && mkdir -p "$dir/src"
    git archive "$commit" | tar -x -C "$dir/src"
    (cd "$dir/src" && swift build -c release --product nasbench --build-path "$dir/build") >&2
    cp "$dir/build/release/nasbench" "$dir/nasbench"
  fi
  ENGINE=$(mktemp /tmp/nasbench-run.XXXXXX)
  _tmpfiles+=("$ENGINE")
  cp "$dir/nasbench" "$ENGINE" && chmod +x "$ENGINE"
}

# run_child CMD...: CMD in the background, waited for (bash runs a trap only between commands, and
# `wait` is one it interrupts), so that a signal to the script reaches CMD; CMD's status is returned.
run_child() {
  local rc=0
  "$@" &
  _child=$!
  wait "$_child" || rc=$?
  _child=
  return "$rc"
}

resume_flag() {
  if [ -f "$1/config.json" ] || [ -f "$1/spec.json" ]; then echo --resume; fi
}

# snapshot_run RUN DEST [DETAIL SUMMARY]: a consistent copy of the unfinished run folder RUN (a
# `nasbench` trial run: config.json, DETAIL rows, then SUMMARY's row as each trial's commit mark;
# default results.csv and timings.csv) in DEST: SUMMARY's complete lines (one being appended has
# no newline yet), then only those trials' DETAIL rows. Replaces DEST with renames; `--resume`
# continues from the copy.
snapshot_run() {
  local run=$1 dest=$2 detail=${3:-results.csv} summary=${4:-timings.csv} tmp
  [ -f "$run/config.json" ] && [ -f "$run/$summary" ] && [ -f "$run/$detail" ] || return 0
  tmp=$(_snapshot_copy "$dest" "$run/config.json" "$run/$summary")
  awk -F, 'NR == FNR { if (FNR > 1) done[$1] = 1; next } FNR == 1 || ($1 in done)' "$tmp/$summary" "$run/$detail" > "$tmp/$detail"
  if [ -d "$run/head-trace" ]; then cp -rp "$run/head-trace" "$tmp/"; fi
  _replace_snapshot "$tmp" "$dest"
  echo "saved $dest: $(($(wc -l < "$dest/$summary") - 1)) trials" >&2
}

# snapshot_journal RUN DEST: the same for an unfinished `moo --accuracy rwe` run: spec.json and the
# complete rows of its RWE journal (rwe-cells.csv), from which `--resume` replays the search.
snapshot_journal() {
  local run=$1 dest=$2 tmp
  [ -f "$run/spec.json" ] && [ -f "$run/rwe-cells.csv" ] && [ ! -f "$run/comparison.csv" ] || return 0
  tmp=$(_snapshot_copy "$dest" "$run/spec.json" "$run/rwe-cells.csv")
  _replace_snapshot "$tmp" "$dest"
  echo "saved $dest: $(($(wc -l < "$dest/rwe-cells.csv") - 1)) cells" >&2
}

_snapshot_copy() { # DEST MARK ROWS: prints a new folder beside DEST with MARK and ROWS' complete lines
  # (a line being appended has no newline yet).
  local tmp
  mkdir -p "$(dirname "$1")"
  tmp=$(mktemp -d "$(dirname "$1")/.$(basename "$1").XXXXXX")
  cp -p "$2" "$3" "$tmp/"
  [ -z "$(tail -c1 "$tmp/$(basename "$3")")" ] || sed -i '$d' "$tmp/$(basename "$3")"
  echo "$tmp"
}

_replace_snapshot() { # TMP DEST: DEST becomes TMP (renames; the old DEST goes last).
  rm -rf "$2.old"
  if [ -d "$2" ]; then mv "$2" "$2.old"; fi
  mv "$1" "$2"
  rm -rf "$2.old"
}

# restore_run DEST RUN: RUN continues a snapshot (a new machine) unless RUN already holds the run.
restore_run() {
  local dest=$1 run=$2
  if [ -f "$run/config.json" ] || [ -f "$run/spec.json" ]; then return 0; fi
  if [ ! -f "$dest/config.json" ] && [ ! -f "$dest/spec.json" ]; then return 0; fi
  mkdir -p "$run" && cp -rp "$dest/." "$run/"
  echo "restored $run from $dest" >&2
}

# keep_saving CMD...: runs CMD every SAVE_EVERY seconds (default 300) in the background until the
# script exits. Stopping the loop (TERM) ends its pending sleep too and lets a running CMD finish
# first, so no snapshot is cut in half and no `sleep` outlives the script.
keep_saving() {
  ( trap 'kill "${_sleep:-}" 2> /dev/null; exit 0' TERM
    while :; do
      sleep "${SAVE_EVERY:-300}" & _sleep=$!
      wait "$_sleep" || exit 0
      "$@" || true
    done ) &
  _savers+=($!)
}

# stop_saving: ends keep_saving's loops (before a finished run's snapshot is removed).
stop_saving() {
  [ ${#_savers[@]} -eq 0 ] || { kill "${_savers[@]}" 2> /dev/null || true; wait "${_savers[@]}" 2> /dev/null || true; }
  _savers=()
}
