#!/usr/bin/env bash
# `make bench`: nasbench against h5py, pandas and numpy on the same table, side by side; then
# Kendall tau against scipy, the random forest and the MLP against scikit-learn on the same splits.
# Usage: tools/scripts/bench.sh RELEASE_BIN_DIR TABLE.h5 PYTHON
set -euo pipefail
bin="$1"; table="$2"; python="$3"
out=$(mktemp)
splits=$(mktemp --suffix .json)
{
  "$bin/nasbench-bench" "$table" 1000000 "$splits"
  "$python" tools/reference/bench_reference.py "$table" 1000000 "$splits"
} > "$out"
echo "table: $table ($(nproc) cores, $(uname -m)); command: make bench"
"$python" - "$out" <<'PY'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
load = {r["tool"]: r["seconds"] for r in rows if r["task"] == "load whole table"}
ours = {r["task"]: r["seconds"] for r in rows if r["tool"] == "nasbench"}
print()
print("| task | tool | time | per second | vs nasbench |")
print("|---|---|---|---|---|")
for r in rows:
    rate = f'{r["per_second"]:,.0f}' if "per_second" in r else ""
    if r["task"] == "load whole table":
        ratio = f'{r["seconds"] / load["nasbench"]:.1f}x slower' if r["tool"] != "nasbench" else ""
        print(f'| load whole table ({r["rows"]} rows x {r["columns"]} columns) | {r["tool"]} | {r["seconds"] * 1000:.1f} ms | | {ratio} |')
    elif "queries" in r:
        print(f'| {r["task"]} | {r["tool"]} | {r["seconds"] * 1000:.2f} ms for {r["queries"]:,} | {rate} | |')
    else:
        ratio = ""
        if r["tool"] != "nasbench" and r["task"] in ours:
            factor = r["seconds"] / ours[r["task"]]
            ratio = f"{factor:.1f}x slower" if factor >= 1 else f"{1 / factor:.1f}x faster"
        score = f' (tau {r["tau"]:.4f})' if "tau" in r else f' (tau {r["value"]:.6f})' if "value" in r else ""
        if "epochs" in r:
            score += f', {r["epochs"]:.1f} epochs'

        print(f'| {r["task"]} | {r["tool"]}{score} | {r["seconds"] * 1000:.2f} ms | | {ratio} |')
PY
rm -f "$out" "$splits"

echo
echo "NAS-Bench-101: enumerate every model and hash it with the official module hash (issue 6)"
"$bin/nasbench-bench" nb101-enumerate
