#!/usr/bin/env bash
# Installs csc-metrics into a scratch prefix, then builds and runs the three
# consumer projects against it (find_package, add_subdirectory, pkg-config).
# Each must print the version from include/csc/version.hpp and a rate of 1 of 4.
# Usage: bash tests/consumers/run.sh [WORK_DIR]   (default build-test/consumers)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${1:-$root/build-test/consumers}
rm -rf "$work"
mkdir -p "$work"
work=$(cd "$work" && pwd)   # absolute: it is handed to CMake builds in other directories
version=$(sed -n 's/^#define CSC_METRICS_VERSION_\(MAJOR\|MINOR\|PATCH\) \([0-9]*\)$/\2/p' "$root/include/csc/version.hpp" | paste -sd.)
expected="csc-metrics $version: 2019-20 re-referrals 1 of 4 (25.0%)"

check() {  # name, program
  local got
  got=$("$2")
  if [ "$got" != "$expected" ]; then
    echo "consumer $1 printed '$got', expected '$expected'" >&2
    exit 1
  fi
  echo "consumer $1: ok ($got)"
}

cmake -S "$root" -B "$work/lib" -DCMAKE_INSTALL_PREFIX="$work/prefix" -DCSC_BUILD_TESTS=OFF \
  -DCSC_BUILD_EXAMPLES=OFF -DCSC_BUILD_BENCHMARKS=OFF -DCSC_BUILD_DOCS=OFF -DCSC_INSTALL=ON > /dev/null
cmake --install "$work/lib" > /dev/null

cmake -S "$root/tests/consumers/find_package" -B "$work/find_package" -DCMAKE_PREFIX_PATH="$work/prefix" > /dev/null
cmake --build "$work/find_package" > /dev/null
check find_package "$work/find_package/rereferral-rate"

# The installed version file must refuse a request for another major version.
mkdir -p "$work/version_check"
cat > "$work/version_check/CMakeLists.txt" <<'CMAKE'
cmake_minimum_required(VERSION 3.20)
project(version_check NONE)
find_package(csc-metrics 99 REQUIRED)
CMAKE
if cmake -S "$work/version_check" -B "$work/version_check/build" -DCMAKE_PREFIX_PATH="$work/prefix" \
    > "$work/version_check.log" 2>&1; then
  echo "find_package(csc-metrics 99) succeeded against version $version" >&2
  exit 1
fi
grep -q "version: $version" "$work/version_check.log"
echo "consumer find_package: version 99 refused"

cmake -S "$root/tests/consumers/add_subdirectory" -B "$work/add_subdirectory" > /dev/null
cmake --build "$work/add_subdirectory" > /dev/null
check add_subdirectory "$work/add_subdirectory/rereferral-rate"

PKG_CONFIG_PATH="$work/prefix/share/pkgconfig" bash "$root/tests/consumers/pkg_config/build.sh" "$work/pkg_config"
check pkg_config "$work/pkg_config/rereferral-rate"
[ "$(PKG_CONFIG_PATH="$work/prefix/share/pkgconfig" pkg-config --modversion csc-metrics)" = "$version" ]
echo "consumer pkg_config: pkg-config --modversion is $version"
libs=$(PKG_CONFIG_PATH="$work/prefix/share/pkgconfig" pkg-config --libs csc-metrics-cin-census)
case " $libs " in *" -lexpat "*) ;; *) echo "csc-metrics-cin-census.pc gives '$libs', without -lexpat" >&2; exit 1 ;; esac
echo "consumer pkg_config: csc-metrics-cin-census links $libs"
