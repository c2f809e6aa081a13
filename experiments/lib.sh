# The shared preamble of the experiment scripts (source it first; each experiment itself is a
# spec file beside its script, run with `nasbench <command> --spec`).
#   - cd to the checkout's root; strict bash.
#   - DATA: the real data (NASBENCH_DATA, default ../shared/data; layout in its README).
#   - NASBENCH: the binary (given, or built in release once here). With PRIVATE_BINARY=1 a private
#     copy is run, so that rebuilding while a long run goes on cannot change it midway.
#   - ensure_table SPACE PATH: imports the benchmark table into PATH unless it is there
#     (nb201 and nb101-naslib from DATA; nbgraph from its PyPI package, `make nbgraph-table`).
#   - resume_flag OUT: prints --resume when OUT already holds a run (a stopped run continues).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
DATA=${NASBENCH_DATA:-../shared/data}
if [ -z "${NASBENCH:-}" ]; then
  swift build -c release --product nasbench >&2
  NASBENCH=.build/release/nasbench
fi
if [ -n "${PRIVATE_BINARY:-}" ]; then
  _private=$(mktemp /tmp/nasbench-run.XXXXXX)
  cp "$NASBENCH" "$_private" && chmod +x "$_private"
  trap 'rm -f "$_private"' EXIT
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

resume_flag() {
  if [ -f "$1/config.json" ]; then echo --resume; fi
}
