#!/usr/bin/env bash
# Consumer 3: no CMake at all; the compiler flags come from pkg-config.
# Usage: PKG_CONFIG_PATH=<prefix>/share/pkgconfig bash build.sh OUTPUT_DIR [CXX]
set -euo pipefail
out=$1
cxx=${2:-c++}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
# shellcheck disable=SC2046  # word splitting of the flags is intended
"$cxx" -std=c++17 -Wall -Wextra -Wpedantic -Werror $(pkg-config --cflags csc-metrics) \
  "$here/../common/rereferral_rate.cpp" -o "$out/rereferral-rate"
