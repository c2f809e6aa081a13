#!/usr/bin/env bash
# NASPredictors' RandomForest (or MLPPredictor) against scikit-learn on real NAS-Bench-201 (docs/RESULTS.md).
# Usage: tools/reference/predictor_compare.sh DATA_DIR [SIZES] [SEEDS] [MODEL rf|mlp]   (DATA_DIR like ../shared/data)
set -euo pipefail
cd "$(dirname "$0")/../.."
data="${1:?usage: tools/reference/predictor_compare.sh DATA_DIR [SIZES] [SEEDS]}/nb201/nb201_full.csv"
sizes="${2:-10,20,50,100,200,500,1000}"
seeds="${3:-5}"
model="${4:-rf}"
python="${NASBENCH_PYTHON:-.venv/bin/python}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
swift build -c release --product nasbench-predictors-bench >&2
.build/release/nasbench-predictors-bench "$data" "$out" "$sizes" "$seeds" "$model"
"$python" tools/reference/predictor_reference.py --data "$data" --splits "$out/splits.csv" --config "$out/config.json" \
    --swift "$out/swift.csv"
