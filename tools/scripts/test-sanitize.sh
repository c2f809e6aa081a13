#!/usr/bin/env bash
# The XCTest suite under AddressSanitizer (with LeakSanitizer) and then ThreadSanitizer, each in its
# own build folder (.build-asan, .build-tsan). A sanitizer report aborts the test process, which fails
# the run. Slow tests are left out (NASBENCH_SLOW_TESTS unset). Wall times go to
# .build-asan/sanitize-times.txt for docs/RELIABILITY.md.
# usage: tools/scripts/test-sanitize.sh [SWIFT]
set -euo pipefail
cd "$(dirname "$0")/../.."
SWIFT=${1:-swift}
export SWIFT_BACKTRACE=enable=no   # the sanitizers print the stack; Swift's backtracer would fight them
export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export LSAN_OPTIONS="suppressions=$PWD/Tests/fuzz/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export TSAN_OPTIONS="halt_on_error=1${TSAN_OPTIONS:+:$TSAN_OPTIONS}"
unset NASBENCH_SLOW_TESTS
times=()
for sanitizer in address thread; do
  dir=.build-${sanitizer:0:1}san
  start=$(date +%s)
  echo "== swift test --sanitize=$sanitizer (build folder $dir)"
  $SWIFT build --build-tests --build-path "$dir" --sanitize="$sanitizer" -Xswiftc -use-ld=lld
  built=$(date +%s)
  $SWIFT test --skip-build --build-path "$dir" --sanitize="$sanitizer"
  done_at=$(date +%s)
  times+=("$sanitizer: build $((built - start)) s, tests $((done_at - built)) s")
done
mkdir -p .build-asan
printf '%s\n' "${times[@]}" | tee .build-asan/sanitize-times.txt
