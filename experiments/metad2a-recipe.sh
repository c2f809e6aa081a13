# The MetaD2A label recipe (docs/METAD2A.md), explicit so a pinned build's defaults cannot change it:
# C=8 N=1, 10 epochs, 100 training images a class, batch 32, lr 0.05 cosine; calibrated on CIFAR-10.
# Sourced by experiments/metad2a-db.sh, metad2a-fashion.sh and metad2a-protocol-b.sh.
METAD2A_RECIPE="--channels 8 --cells-per-stage 1 --epochs 10 --train-per-class 100 --batch-size 32 --learning-rate 0.05"
