# The shared preamble of the experiment scripts (source it first; each experiment itself is a
# spec file beside its script, run with `nasbench <command> --spec`).
#   - cd to the checkout's root; strict bash.
#   - DATA: the real data (NASBENCH_DATA, default ../shared/data; layout in its README).
#   - NASBENCH: the binary (given, or built in release once here). With PRIVATE_BINARY=1 a private
#     copy is run, so that rebuilding while a long run goes on cannot change it midway.
#   - ensure_table SPACE PATH: imports the benchmark table into PATH unless it is there
#     (nb201 and nb101-naslib from DATA; nbgraph from its PyPI package, `make nbgraph-table`).
#   - resume_flag OUT: prints --resume when OUT already holds a run (a stopped run continues).
#   - use_pinned_engine PIN: ENGINE, the binary of the engine build the experiment's first start used.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
DATA=${NASBENCH_DATA:-../shared/data}
if [ -z "${NASBENCH:-}" ]; then
  swift build -c release --product nasbench >&2
  NASBENCH=.build/release/nasbench
fi
_tmpfiles=()
trap 'rm -f "${_tmpfiles[@]}"' EXIT
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

resume_flag() {
  if [ -f "$1/config.json" ]; then echo --resume; fi
}
