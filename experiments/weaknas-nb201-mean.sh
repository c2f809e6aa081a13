#!/usr/bin/env bash
# The same comparison as weaknas-nb201.sh, but every query answers the seed MEAN (a noise-free
# oracle). Shows how much the sampled-seed noise costs the guided strategies; random search is
# unaffected (it ignores the answers).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-runs/weaknas-nb201-mean} exec experiments/weaknas-nb201.sh --query-seed mean "$@"
