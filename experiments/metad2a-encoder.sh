#!/usr/bin/env bash
# MetaD2A's image encoder (issue 17 step 3, docs/METAD2A.md "The image encoder"): the ResNet-18
# layout (torchvision's, width 64) trained 4 epochs on Fashion-MNIST + scikit-learn's digits (every
# 5th image of a class held out; never CIFAR-10), then the prototype report: nearest-class-prototype
# accuracy of held-out images, trained vs random weights vs pixels, on both sets and on CIFAR-10
# (unseen classes). Outputs copied to notebooks-export/data/metad2a-encoder.
# Env: NASBENCH_DATA, NASBENCH, OUT (default runs/metad2a-encoder), EPOCHS (4).
source "$(dirname "$0")/lib.sh"
OUT=${OUT:-runs/metad2a-encoder}
EPOCHS=${EPOCHS:-4}
"$NASBENCH" metad2a train-encoder --epochs "$EPOCHS" --seed 0 --out "$OUT" $(resume_flag "$OUT")
rm -rf "$OUT-report"
"$NASBENCH" metad2a encoder-report --encoder "$OUT/encoder.h5" --weight-seed 0 --seed 0 \
  --cifar "$DATA/cifar10/cifar-10-binary-subset.tar.gz" --out "$OUT-report"
mkdir -p notebooks-export/data/metad2a-encoder
cp "$OUT"/{config.json,epochs.csv,timing.csv,result.json} notebooks-export/data/metad2a-encoder/
cp "$OUT-report"/prototypes.csv notebooks-export/data/metad2a-encoder/
cp "$OUT-report"/config.json notebooks-export/data/metad2a-encoder/report-config.json
cp "$OUT-report"/timing.csv notebooks-export/data/metad2a-encoder/report-timing.csv
