#!/usr/bin/env bash
# The tensor-engine part of `make bench`: sgemm against numpy's matmul, convolution on oneDNN and
# on the im2col + sgemm reference side by side with oneDNN's primitive called directly from C
# (tools/bench/dnnl_conv_bench.c, built here with cc), the RWE forward pass and a CNN training
# step per backend; run twice, with the machine's OPENBLAS_CORETYPE (as tests and CI run) and
# with it and OPENBLAS_L2_SIZE unset (the CPU's native kernel).
# Usage: tools/scripts/tensor-bench.sh RELEASE_BIN_DIR PYTHON
set -euo pipefail
bin="$1"; python="$2"
# Debian's libdnnl-dev ships no pkg-config file: use it when present, else -ldnnl.
dnnl_flags=$(pkg-config --cflags --libs dnnl 2>/dev/null || echo "-ldnnl")
cc -O2 -Wall tools/bench/dnnl_conv_bench.c $dnnl_flags -lgomp -lpthread -o "$bin/dnnl_conv_bench"
echo
echo "== tensor engine, OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-<unset>} (as set on this machine)"
"$bin/tensor-bench" --dnnl-c "$bin/dnnl_conv_bench"
"$python" tools/reference/tensor_bench_reference.py
echo
echo "== tensor engine, OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset (native kernel)"
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$bin/tensor-bench" --dnnl-c "$bin/dnnl_conv_bench"
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$python" tools/reference/tensor_bench_reference.py
