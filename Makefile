# nasbench: the two commands a fresh Debian machine needs are `make demo` and `make test`.
# Each installs what it needs (apt packages, a local Python venv) and is safe to re-run.

SHELL := /bin/bash
APT_PACKAGES := libhdf5-dev libarchive-dev libopenblas-dev libdnnl-dev zlib1g-dev pkg-config dataset-fashion-mnist slurm-wlm munge
VENV := .venv
PYTHON := $(VENV)/bin/python
SWIFT ?= swift
RELEASE_BIN := .build/release
# Real data (../shared/data layout) for the real-data tests; they skip when it is unset.
NASBENCH_DATA ?=
export NASBENCH_DATA
export NASBENCH_PYTHON := $(abspath $(PYTHON))

.PHONY: all deps venv build release test test-other-kernel swift-test python-test regress report demo bench bench-torch default-table fixtures nbgraph-table fuzz-build fuzz-smoke fuzz fuzz-corpus test-sanitize clean

all: build

## Install the C libraries (apt) when any is missing. Idempotent.
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

## The Python venv for reference checks and bridges; rebuilt when tools/requirements*.txt change.
venv: $(VENV)/.stamp
$(VENV)/.stamp: tools/requirements.txt tools/requirements-analog.txt tools/requirements-nb101.txt \
		tools/requirements-nbgraph.txt
	@test -x $(PYTHON) || python3 -m venv $(VENV)
	$(PYTHON) -m pip install -q --disable-pip-version-check -r tools/requirements.txt
	$(PYTHON) -m pip install -q --disable-pip-version-check --no-deps -r tools/requirements-analog.txt
	$(PYTHON) -m pip install -q --disable-pip-version-check --no-deps -r tools/requirements-nb101.txt
	$(PYTHON) -m pip install -q --disable-pip-version-check --no-deps -r tools/requirements-nbgraph.txt
	@touch $@

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product nasbench
	$(SWIFT) build -c release --product nasbench-bench
	$(SWIFT) build -c release --product tensor-bench

## Run every test: Swift (XCTest), the numeric suites again under the other OpenBLAS kernel,
## the regression suite, then the Python cross-checks (h5py, analog-nasbench mapping).
test: deps venv
	$(SWIFT) build --product nasbench
	NASBENCH_SLOW_TESTS=1 $(SWIFT) test
	@$(MAKE) --no-print-directory test-other-kernel
	@$(MAKE) --no-print-directory regress
	NASBENCH_BIN=$(abspath .build/debug/nasbench) $(PYTHON) -m pytest -q Tests/python
	@$(MAKE) --no-print-directory fuzz-smoke

## The parsers of outside input under libFuzzer (docs/RELIABILITY.md): a build of nasbench-fuzz with
## -sanitize=fuzzer,address in .build-fuzz (lld: gold fails on its debug info), then every target for
## FUZZ_SECONDS, two at a time. make test runs the short smoke; `make fuzz` the long run.
FUZZ_BIN := .build-fuzz/debug/nasbench-fuzz
FUZZ_SECONDS ?= 1800
fuzz-build: deps
	$(SWIFT) build --product nasbench-fuzz --build-path .build-fuzz \
	  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DNASBENCH_LIBFUZZER -Xswiftc -use-ld=lld
fuzz-smoke: fuzz-build
	tools/scripts/fuzz.sh $(FUZZ_BIN) 5 2
fuzz: fuzz-build
	FUZZ_RUNS=1000000 tools/scripts/fuzz.sh $(FUZZ_BIN) $(FUZZ_SECONDS) 2
## Remakes the committed seed corpora (Tests/fuzz/corpus/*/seed-*).
fuzz-corpus: build venv
	$(SWIFT) build --product nasbench-fuzz
	tools/scripts/make-fuzz-corpus.sh .build/debug/nasbench $(PYTHON)

## The whole XCTest suite under AddressSanitizer, then ThreadSanitizer (separate build folders;
## docs/RELIABILITY.md gives their cost). Any report fails the run.
test-sanitize: deps venv
	tools/scripts/test-sanitize.sh "$(SWIFT)"

## The numeric suites once more under the other OpenBLAS kernel choice: with OPENBLAS_CORETYPE and
## OPENBLAS_L2_SIZE unset (the CPU's native kernel) when the machine sets them, otherwise forced to
## Haswell (AVX2; the kernel the machines that set the variable choose). Float32 results must hold on
## both (Tests/TestSupport/Float32Tolerance.swift); BLASKernelTests prints the kernel each run used.
NUMERIC_SUITES := NASTensorTests|NASPredictorsTests|NASEvaluatorsTests|NASConetTests|NASMetaD2ATests
test-other-kernel:
	@if [ -n "$${OPENBLAS_CORETYPE:-}" ]; then \
	  echo "== numeric suites again with OPENBLAS_CORETYPE (was $$OPENBLAS_CORETYPE) and OPENBLAS_L2_SIZE unset"; \
	  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE NASBENCH_SLOW_TESTS=1 $(SWIFT) test --skip-build --filter '$(NUMERIC_SUITES)'; \
	elif [ "$$(uname -m)" = x86_64 ] && grep -qw avx2 /proc/cpuinfo; then \
	  echo "== numeric suites again with OPENBLAS_CORETYPE=Haswell (the machine leaves it unset)"; \
	  OPENBLAS_CORETYPE=Haswell NASBENCH_EXPECT_BLAS_KERNEL=Haswell NASBENCH_SLOW_TESTS=1 \
	    $(SWIFT) test --skip-build --filter '$(NUMERIC_SUITES)'; \
	else \
	  echo "test-other-kernel: no second OpenBLAS kernel to force on $$(uname -m) without AVX2; skipped"; \
	fi

## The ranking-correlation regression suite on the real NB201 table and CIFAR-10 (about a minute on 2 cores);
## skipped without NASBENCH_DATA. Table, JUnit XML and run folders in runs/regress (docs/REGRESSION.md).
regress:
	@if [ -z "$(NASBENCH_DATA)" ]; then \
	  echo "regress: NASBENCH_DATA is not set: regression suite skipped (set it to a folder like ../shared/data)"; \
	else \
	  test -x .build/debug/nasbench || $(SWIFT) build --product nasbench; \
	  mkdir -p data/cache runs/regress; \
	  test -f data/cache/nb201.h5 || .build/debug/nasbench import nb201 "$(NASBENCH_DATA)/nb201" -o data/cache/nb201.h5; \
	  .build/debug/nasbench regress --suite experiments/regress-nb201.json --table data/cache/nb201.h5 \
	    --cifar "$(NASBENCH_DATA)/cifar10/cifar-10-binary-subset.tar.gz" \
	    --out runs/regress --junit runs/regress/junit.xml --table-out runs/regress/table.txt; \
	fi

## notebooks-export/report.md and its PNGs, from the CSVs in notebooks-export/data alone.
report: venv
	$(PYTHON) tools/scripts/report.py

## The embedded default table: the shared NB201 data when NASBENCH_DATA or ../shared/data has it,
## otherwise the analog-nasbench package's 15,625 NB201-space cells, converted here.
default-table: release venv
	@NASBENCH_PYTHON=$(abspath $(PYTHON)) NASBENCH=$(RELEASE_BIN)/nasbench tools/bridges/default-table.sh

## NAS-Bench-Graph (PyPI nas-bench-graph 1.4.0) converted to data/cache/nbgraph.h5.
nbgraph-table: release venv
	@NASBENCH_PYTHON=$(abspath $(PYTHON)) NASBENCH=$(RELEASE_BIN)/nasbench tools/bridges/nbgraph-table.sh

## The committed fixture tables in data/ (data/README.md), remade from the embedded default.
fixtures: build venv
	@NASBENCH_PYTHON=$(abspath $(PYTHON)) NASBENCH=$(abspath .build/debug/nasbench) tools/scripts/make-fixtures.sh

demo: default-table
	@tools/scripts/demo.sh $(RELEASE_BIN)/nasbench "$$(cat data/cache/default-table.path)"

bench: release venv default-table
	@tools/scripts/bench.sh $(RELEASE_BIN) "$$(cat data/cache/default-table.path)" $(abspath $(PYTHON))
	@tools/scripts/tensor-bench.sh $(RELEASE_BIN) $(abspath $(PYTHON))
	@tools/scripts/weaknas-bench.sh $(RELEASE_BIN) "$$(cat data/cache/default-table.path)" $(abspath $(PYTHON))

## Optional: PyTorch CPU's training step of the same CNN next to ours, from a separate venv
## (.venv-torch; PyTorch is not a dependency of the product or of `make test`). TORCH_SPEC picks
## the wheel, e.g. TORCH_SPEC="torch==2.13.0+cpu" where a CPU-only wheel is on pip's find-links;
## PyPI's default torch wheel pulls in CUDA packages (gigabytes).
TORCH_VENV := .venv-torch
TORCH_SPEC ?= torch
bench-torch: release
	@test -x $(TORCH_VENV)/bin/python || python3 -m venv $(TORCH_VENV)
	$(TORCH_VENV)/bin/pip install -q numpy "$(TORCH_SPEC)"
	$(RELEASE_BIN)/tensor-bench --step-only
	$(TORCH_VENV)/bin/python tools/reference/tensor_bench_reference.py

clean:
	rm -rf .build .build-fuzz .build-asan .build-tsan data/cache
