#!/usr/bin/env bash
# The tensor-engine part of `make bench`: sgemm against numpy's matmul, convolution as a fraction
# of the sgemm peak, a CNN training step; run twice, with the machine's OPENBLAS_CORETYPE (as
# tests and CI run) and with it and OPENBLAS_L2_SIZE unset (the CPU's native kernel).
# Usage: tools/tensor-bench.sh RELEASE_BIN_DIR PYTHON
set -euo pipefail
bin="$1"; python="$2"
echo
echo "== tensor engine, OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-<unset>} (as set on this machine)"
"$bin/tensor-bench"
"$python" tools/tensor_bench_reference.py
echo
echo "== tensor engine, OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset (native kernel)"
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$bin/tensor-bench"
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$python" tools/tensor_bench_reference.py
