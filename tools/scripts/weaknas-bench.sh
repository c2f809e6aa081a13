#!/usr/bin/env bash
# `make bench`, issue 5: wall time of WeakNAS trials (MLP 4 x 1000, the paper's settings) truncated
# at BUDGET queries, nasbench against the same loop with scikit-learn's MLPRegressor
# (tools/reference/weaknas_reference.py), one trial at a time on the same table.
# Usage: tools/scripts/weaknas-bench.sh RELEASE_BIN_DIR TABLE.h5 PYTHON [BUDGET] [TRIALS]
set -euo pipefail
bin="$1"; table="$2"; python="$3"; budget="${4:-100}"; trials="${5:-2}"
column=cifar10-valid.valid.accuracy.e200
"$python" -c "import h5py, sys; sys.exit(0 if '$column' in h5py.File('$table', 'r')['metrics'] else 1)" 2>/dev/null \
  || column=cifar10.test.accuracy.e200   # the analog-nasbench default table has only this column
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
start=$(date +%s.%N)
"$bin/nasbench" search --table "$table" --strategies weaknas --weaknas-model mlp --weaknas-labels table --trials "$trials" --seed 0 \
  --budget "$budget" --search-column "$column" --test-column "$column" --query-seed mean --jobs 1 --out "$out/swift" >/dev/null
swift_s=$(echo "$(date +%s.%N) - $start" | bc)
reference_s=0
for seed in $(seq 0 $((trials - 1))); do
  s=$("$python" tools/reference/weaknas_reference.py "$table" "$column" "$budget" "$seed" | "$python" -c "import json,sys; print(json.load(sys.stdin)['seconds'])")
  reference_s=$(echo "$reference_s + $s" | bc)
done
echo
echo "WeakNAS/mlp, $trials trials of $budget queries on $column, one job ($(nproc) cores): command: make bench"
echo
echo "| tool | seconds per trial | vs nasbench |"
echo "|---|---|---|"
"$python" - "$swift_s" "$reference_s" "$trials" <<'PY'
import sys
swift, reference, trials = float(sys.argv[1]) / int(sys.argv[3]), float(sys.argv[2]) / int(sys.argv[3]), 1
print(f"| nasbench (incl. table load) | {swift:.1f} | |")
print(f"| scikit-learn MLPRegressor loop | {reference:.1f} | {reference / swift:.1f}x slower |")
PY
