#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan, UBSan) and runs each for a bounded
# time from its seed corpus (tests/fuzz/corpus). Fails on any crash, leak or
# sanitizer report. Usage: bash tests/fuzz/run.sh [SECONDS_EACH] (default 60)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-60}
build=$root/build-test/fuzz
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ -DCSC_BUILD_FUZZERS=ON \
  -DCSC_BUILD_TESTS=OFF -DCSC_BUILD_EXAMPLES=OFF -DCSC_BUILD_BENCHMARKS=OFF -DCSC_BUILD_DOCS=OFF > /dev/null
cmake --build "$build" -j "$(nproc 2>/dev/null || echo 2)" --target fuzz_cin_census fuzz_csv > /dev/null
for target in fuzz_cin_census:xml fuzz_csv:csv; do
  name=${target%%:*}
  corpus=$build/corpus-${target##*:}
  rm -rf "$corpus" && mkdir -p "$corpus" && cp "$root/tests/fuzz/corpus/${target##*:}"/* "$corpus/"
  echo "fuzzing $name for ${seconds}s"
  # -max_len keeps inputs near the size of the seeds; crashes are written to $build.
  "$build/tests/fuzz/$name" "$corpus" -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$build/$name-" -print_final_stats=1 2> "$build/$name.log" || {
    tail -60 "$build/$name.log"
    echo "fuzz target $name failed; the input is in $build/$name-*" >&2
    exit 1
  }
  grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb" "$build/$name.log" | tr '\n' ' '
  echo
done
echo "fuzzing: no crash, leak or sanitizer report"
