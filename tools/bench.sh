#!/usr/bin/env bash
# `make bench`: nasbench against h5py, pandas and numpy on the same table, side by side.
# Usage: tools/bench.sh RELEASE_BIN_DIR TABLE.h5 PYTHON
set -euo pipefail
bin="$1"; table="$2"; python="$3"
out=$(mktemp)
{
  "$bin/nasbench-bench" "$table" 1000000
  "$python" tools/bench_reference.py "$table" 1000000
} > "$out"
echo "table: $table ($(nproc) cores, $(uname -m)); command: make bench"
"$python" - "$out" <<'PY'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
load = {r["tool"]: r["seconds"] for r in rows if r["task"] == "load whole table"}
print()
print("| task | tool | time | per second | vs nasbench |")
print("|---|---|---|---|---|")
for r in rows:
    rate = f'{r["per_second"]:,.0f}' if "per_second" in r else ""
    if r["task"] == "load whole table":
        ratio = f'{r["seconds"] / load["nasbench"]:.1f}x slower' if r["tool"] != "nasbench" else ""
        print(f'| load whole table ({r["rows"]} rows x {r["columns"]} columns) | {r["tool"]} | {r["seconds"] * 1000:.1f} ms | | {ratio} |')
    else:
        print(f'| {r["task"]} | {r["tool"]} | {r["seconds"] * 1000:.2f} ms for {r["queries"]:,} | {rate} | |')
PY
rm -f "$out"
