#!/usr/bin/env bash
# The demo on the embedded default table: what is in it, its best cells, typed queries.
set -euo pipefail
bin="$1"; table="$2"
q=(--dataset cifar10 --split test --metric accuracy --epochs 200)
echo "== nasbench info $table"
"$bin" info "$table" | cut -c1-160 | grep -v '^provenance' | sed -n '1,30p'  # sed reads to the end: no SIGPIPE under pipefail
echo
echo "== the 5 best cells on CIFAR-10 test accuracy (200 epochs), one per isomorphism class"
"$bin" top "$table" "${q[@]}" -k 5 --unique benchmark
echo
echo "== typed queries: a ResNet-like cell and an all-conv3x3 cell (with regret to the optimum)"
"$bin" query "$table" "${q[@]}" \
  '|nor_conv_3x3~0|+|none~0|nor_conv_3x3~1|+|skip_connect~0|none~1|skip_connect~2|' \
  '|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|'
info=$("$bin" info "$table")
if [[ "$info" == *cifar10-valid.valid.accuracy.e200.seed0* ]]; then
  echo
  echo "== the same cell on cifar10-valid: the seed mean, then three noisy single-seed draws (as the papers query)"
  cell='|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|'
  v=(--dataset cifar10-valid --split valid --metric accuracy --epochs 200)
  "$bin" query "$table" "${v[@]}" "$cell"
  "$bin" query "$table" "${v[@]}" --seed sampled --rng-seed 1 "$cell" "$cell" "$cell"
fi

echo
echo "== sample efficiency: queries until the optimum is found, 100 seeded trials per strategy"
out=data/cache/demo-search
rm -rf "$out"
if [[ "$info" == *cifar10-valid.valid.accuracy.e200.seed0* ]]; then
  # NB201 as the papers search it: cifar10-valid valid accuracy, one random seed per query.
  search=(--search-column cifar10-valid.valid.accuracy.e200 --query-seed sampled --test-column cifar10.test.accuracy.e200)
else
  # The analog-nasbench table has one CIFAR-10 test column: search and report on it.
  search=(--search-column cifar10.test.accuracy.e200 --query-seed mean --test-column cifar10.test.accuracy.e200)
fi
"$bin" search --table "$table" --strategies random,evolution,local --trials 100 --seed 0 \
  --budget until-optimum "${search[@]}" --out "$out"
echo "(results: $out/queries.csv, trials.csv, summary.csv, curves.csv, config.json)"

echo
echo "== WeakNAS with its MLP (4 x 1000; the authors' label scale), 4 seeded trials of 300 queries each"
echo "   (found: the optimum was queried; with --wide, search_or_top1_found also counts the predictor's top-1, as the authors do)"
"$bin" search --table "$table" --strategies weaknas --weaknas-model mlp --weaknas-labels table --trials 4 --seed 0 \
  --budget 300 "${search[@]}" --out "$out-weaknas"
echo "(results: $out-weaknas/; the 100-trial NB201 comparison: experiments/weaknas-nb201-authors.sh, docs/RESULTS.md)"

echo
echo "== MetaD2A from the committed meta-training database (data/metad2a: 2,000 labels on 100 5-way tasks of"
echo "   Fashion-MNIST and digits): random-weight image features and 10 epochs each, so this shows the chain,"
echo "   not the study (experiments/metad2a-study.sh trains the encoder and runs 400 epochs; docs/METAD2A.md)"
out=data/cache/demo-metad2a
rm -rf "$out" && mkdir -p "$out"
for set in digits fashion-mnist; do
  "$bin" metad2a encode "$set" --random-weights --width 8 --out "$out/$set.h5"
done
features=(--features "$out/fashion-mnist.h5" "$out/digits.h5")
"$bin" metad2a train-predictor --db data/metad2a/metad2a-db.h5 "${features[@]}" --epochs 10 --seed 0 --out "$out/predictor"
"$bin" metad2a train-generator --db data/metad2a/metad2a-db.h5 "${features[@]}" --predictor "$out/predictor" --epochs 10 \
  --seed 0 --out "$out/generator"
echo "-- 100 cells generated for Fashion-MNIST, ranked by the meta-predictor; the top 5:"
"$bin" metad2a generate --generator "$out/generator" --predictor "$out/predictor" --features "$out/fashion-mnist.h5" \
  --count 100 --top 10 --set-draws 5 --seed 0 --out "$out/generate"
sed -n '1,6p' "$out/generate/ranked.csv"
echo "(results: $out/)"
