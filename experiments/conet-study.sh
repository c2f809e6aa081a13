#!/usr/bin/env bash
# CONetV2's reduced study on ResNet-20 and CIFAR-10 (issue 18; docs/RESULTS.md "CONetV2"), in stages
# that each resume where a kill left them (rerun the same command):
#   search  - the three searches (experiments/conet-search-{sa06,sa07,greedy}.yaml)
#   final   - from-scratch training of the searched widths (2 seeds each), uniform widths at the
#             searched config's parameters (2 seeds), 3 random configs at those parameters, the plain
#             ResNet-20 (experiments/conet-train.yaml)
#   report  - notebooks-export/data/conet/: the tables and the verdict (docs/RESULTS.md)
# Runs go to $OUT (default runs/conet). Env: NASBENCH_DATA, NASBENCH, OUT, PRIVATE_BINARY.
source "$(dirname "$0")/lib.sh"
OUT=${OUT:-runs/conet}
CIFAR=$DATA/cifar10/cifar-10-binary-subset.tar.gz
stage=${1:-all}

run_search() {
  local name=$1
  "$NASBENCH" conet search --spec "experiments/conet-search-$name.yaml" --cifar "$CIFAR" \
    --out "$OUT/search-$name" $(resume_flag "$OUT/search-$name")
}

if [ "$stage" = search ] || [ "$stage" = all ]; then
  for name in sa07 sa06 greedy; do run_search "$name"; done
fi
