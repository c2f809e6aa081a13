#!/usr/bin/env bash
# Writes the fuzz targets' seed corpora (Tests/fuzz/corpus/TARGET/seed-*): small valid inputs of
# every format, from which libFuzzer mutates. Inputs that once crashed a parser are added beside
# them by hand as crash-*, and stay (NASFuzzTests replays them all).
# usage: tools/scripts/make-fuzz-corpus.sh NASBENCH_BIN PYTHON (nasbench-fuzz must be beside NASBENCH_BIN)
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${1:?nasbench binary}
PY=${2:?python (the venv)}
C=Tests/fuzz/corpus
for t in $("$(dirname "$BIN")/nasbench-fuzz" --list | cut -f1); do mkdir -p "$C/$t"; rm -f "$C/$t"/seed-*; done

printf '%s' '|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|' > $C/nb201-cell/seed-best
printf '%s' '|none~0|+|skip_connect~0|avg_pool_3x3~1|+|nor_conv_1x1~0|none~1|skip_connect~2|' > $C/nb201-cell/seed-mixed
printf '%s' '0110,0001,0001,0000|conv1x1-bn-relu,conv3x3-bn-relu' > $C/nb101-cell/seed-diamond
printf '%s' '0100000,0010000,0001000,0000100,0000010,0000001,0000000|conv3x3-bn-relu,maxpool3x3,conv1x1-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu' > $C/nb101-cell/seed-chain7
printf '%s' '010,001,000|conv1x1-bn-relu' > $C/nb101-cell/seed-small
printf '%s' '0,1,1,2|gcn,cheb,gin,fc' > $C/nbgraph-cell/seed-a
printf '%s' ' 0, 1,2,1 | gcn,gin ,fc,cheb' > $C/nbgraph-cell/seed-spaces
# flags: the first byte picks the parser (byte % 6: 0 column key, 1 budget, 2 shard, 3 encoding, 4 space, 5 mapping)
printf '0cifar10-valid.valid.accuracy.e200.seed777' > $C/flags/seed-key       # '0' = 48, 48 % 6 = 0
printf '1150-or-top1' > $C/flags/seed-budget                                   # 49 % 6 = 1
printf '23/8' > $C/flags/seed-shard                                            # 50 % 6 = 2
printf '3path' > $C/flags/seed-encoding                                        # 51 % 6 = 3
printf '4nb101' > $C/flags/seed-space                                          # 52 % 6 = 4
printf '5acc=cifar100.test.accuracy.e200' > $C/flags/seed-mapping              # 53 % 6 = 5

cat > $C/csv-import/seed-three <<'CSV'
index,arch,acc,time
0,|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|,85.12,4011.5
7,|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|,94.37,
12,"|none~0|+|none~0|none~1|+|none~0|none~1|none~2|",10.0,nan
CSV
cat > $C/nb101-csv/seed-five <<'CSV'
arch,flops,params,val_accuracy
"(0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 4, 4, 4, 4, 1)",10.5,0.5,80.0
"(0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 4, 4, 4, 4, 1)",20.0,0.75,85.5
CSV
# hdf5-table reads its input as choices for a generated table (Sources/NASFuzz/HDF5TableGenerator.swift):
# zeros write a valid 3-row table; the other seeds pick other branches.
head -c 64 /dev/zero > $C/hdf5-table/seed-valid
{ head -c 11 /dev/zero; printf '\004\004'; head -c 40 /dev/zero; } > $C/hdf5-table/seed-huge-shape   # choices 12, 13: arch and encoding of 2^40 rows, never written
printf '\003\001\005\003\002\001\003\001\004\002\003\001\001\001\003\377\177\000\000\002\001\001\000\001' > $C/hdf5-table/seed-mixed
cp Tests/NASOracleTests/Fixtures/nb101/only108.tfrecord $C/tfrecord/seed-only108
cp Tests/NASOracleTests/Fixtures/nb101/bad-protobuf.tfrecord $C/tfrecord/seed-bad-protobuf
cp Tests/NASOracleTests/Fixtures/nb101/truncated.tfrecord $C/tfrecord/seed-truncated
# CIFAR-10: two records of the official layout in a tar.gz, and the same tar uncompressed.
"$PY" - "$C/cifar-archive" <<'PYEOF'
import io, sys, tarfile
d = sys.argv[1]
records = bytes([3]) + bytes(range(256)) * 12 + bytes([7]) + bytes(3072)
meta = "\n".join(["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"]).encode() + b"\n"
for name, mode in (("seed-test.tar.gz", "w:gz"), ("seed-test.tar", "w")):
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode=mode, format=tarfile.USTAR_FORMAT) as tar:
        for member, data in (("cifar-10-batches-bin/batches.meta.txt", meta), ("cifar-10-batches-bin/test_batch.bin", records)):
            info = tarfile.TarInfo(member); info.size = len(data); info.mtime = 0
            tar.addfile(info, io.BytesIO(data))
    raw = buffer.getvalue()
    if mode == "w:gz":  # gzip header mtime 0, so the seed's bytes do not depend on the day
        raw = raw[:4] + bytes(4) + raw[8:]
    open(f"{d}/{name}", "wb").write(raw)
PYEOF
"$PY" - "$C/idx" <<'PYEOF'
import gzip, struct, sys
d = sys.argv[1]
images = struct.pack(">BBBBIII", 0, 0, 8, 3, 2, 2, 3) + bytes(range(12))
labels = struct.pack(">BBBBI", 0, 0, 8, 1, 4) + bytes([9, 0, 3, 1])
open(f"{d}/seed-images", "wb").write(images)
open(f"{d}/seed-labels.gz", "wb").write(gzip.compress(labels, mtime=0))
PYEOF
for f in experiments/weaknas-nb201-authors.yaml experiments/rwe-nb201.yaml experiments/moo-nb201-rwe.yaml experiments/predictors-nb201.yaml; do
  cp "$f" "$C/spec-yaml/seed-$(basename "$f" .yaml)"
done
cat > $C/spec-yaml/seed-config <<'YAML'
mlp:
  epochs: 200
  learningRate: 1e-3
  hiddenLayers: [32, 32]
YAML
"$BIN" search --spec experiments/weaknas-nb201-authors.yaml --print-spec > $C/spec-json/seed-search
"$BIN" predictors --spec experiments/predictors-nb201.yaml --print-spec > $C/spec-json/seed-predictors
printf '{"mlp": {"epochs": 20, "hiddenLayers": [8]}, "ridge": {}}' > $C/spec-json/seed-config
ls $C/* | head -80
