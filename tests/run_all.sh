#!/usr/bin/env bash
# Builds and runs every test with g++ and clang++, as C++17 and as C++20
# (-Wall -Wextra -Wpedantic -Werror; clang++ C++20 also under ASan and UBSan),
# smoke-runs the benchmarks, fuzzes the readers (60 s each under CI=true),
# compiles csc-report to WebAssembly and compares it with the native tool under Node and in Chromium
# (tests/wasm/run.sh), builds the consumer projects (tests/consumers), runs the Conan recipe under
# Conan 2.8.1 offline (tests/conan) and builds the Doxygen site.
# Installs missing Debian packages first. Usage: bash tests/run_all.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/install-deps
jobs=$(nproc 2>/dev/null || echo 2)
for compiler in g++ clang++; do
  for std in 17 20; do
    dir="build-test/${compiler}-cxx${std}"
    # Benchmarks are built and smoke-run once (g++ C++17); every header is compiled on
    # its own with each compiler at the C++17 baseline.
    flags=(-DCSC_BUILD_BENCHMARKS=$([ "$compiler" = g++ ] && [ "$std" = 17 ] && echo ON || echo OFF)
           -DCSC_BUILD_HEADER_CHECK=$([ "$std" = 17 ] && echo ON || echo OFF))
    label="${compiler} C++${std}"
    if [ "$compiler" = clang++ ] && [ "$std" = 20 ]; then
      # The whole suite once more under AddressSanitizer (with leak checks) and UBSan; any report fails.
      flags+=(-DCMAKE_CXX_FLAGS="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer")
      label="$label with AddressSanitizer and UndefinedBehaviorSanitizer"
    fi
    echo "=== ${label} ==="
    cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER="$compiler" -DCMAKE_CXX_STANDARD="$std" \
      -DCMAKE_CXX_STANDARD_REQUIRED=ON -DCMAKE_CXX_EXTENSIONS=OFF -DCSC_BUILD_TESTS=ON -DCSC_BUILD_EXAMPLES=ON \
      "${flags[@]}" > /dev/null
    cmake --build "$dir" -j "$jobs"
    ctest --test-dir "$dir" --output-on-failure -j "$jobs"
  done
done

echo "=== WebAssembly: csc-report under Node and in Chromium ==="
bash tests/wasm/run.sh build-test/g++-cxx17 build-test/wasm

echo "=== Fuzzing the XML and CSV readers (libFuzzer, ASan, UBSan) ==="
if [ "${CI:-}" = true ]; then bash tests/fuzz/run.sh 60; else bash tests/fuzz/run.sh 15; fi

echo "=== Consumers: find_package, add_subdirectory, pkg-config ==="
bash tests/consumers/run.sh build-test/consumers

echo "=== Conan 2.8.1 (offline): the recipe, its test_package, package id, CMakeDeps and PkgConfigDeps consumers ==="
bash tests/conan/run.sh build-test/conan

echo "=== Doxygen API reference and docs pages (warnings are errors) ==="
cmake -S . -B build-test/docs -DCSC_BUILD_TESTS=OFF -DCSC_BUILD_EXAMPLES=OFF -DCSC_BUILD_BENCHMARKS=OFF > /dev/null
cmake --build build-test/docs --target docs > build-test/docs/doxygen.log 2>&1 || { cat build-test/docs/doxygen.log; exit 1; }
bash docs/check_pages.sh build-test/docs/docs/html
echo "all tests passed (g++ and clang++, C++17 and C++20, sanitizers), WebAssembly as native, fuzzers clean, consumers built, Conan package checked, docs built"
