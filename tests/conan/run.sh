#!/usr/bin/env bash
# Runs the Conan 2 recipe (conanfile.py, test_package/) under real Conan 2.8.1,
# offline: Conan from the source archive in ../shared/tools/conan on Debian's
# own Python (.ci/install-deps installs the modules it imports), with its home,
# cache and all output under WORK_DIR and the Conan Center remote disabled
# (remotes.json), so nothing is downloaded. It works on a copy of the recipe,
# the headers and test_package/, so the checkout is left as it was.
#  1. conan create: the stand-ins for Conan Center's boost and expat (boost/,
#     expat/: Debian's installed Boost and expat under Conan Center's names),
#     then csc-metrics with its test_package (both components, run);
#  2. `conan export --version` with another version than version.hpp fails;
#  3. conan graph info for gcc and clang, Release and Debug, C++17 and C++20:
#     one package id, already in the cache; C++14 refused;
#  4. consumer/: conan install (CMakeDeps, CMakeToolchain, PkgConfigDeps), then
#     CMake builds a csc::metrics program (linked without expat) and a
#     csc::cin_census one (linked with it), pkg-config builds both again, and
#     all four must run and print the expected line;
#  5. check_package.py: the graphs, the package folder and cpp_info.
# Usage: bash tests/conan/run.sh [WORK_DIR]   (default build-test/conan)
# CSC_CONAN_ARCHIVE=PATH uses another copy of conan-2.8.1-src.tar.gz.
# The commands a user would type are written out plainly: docs/packaging.md
# shows them, and docs/check_snippets.py keeps the two the same.
# shellcheck disable=SC2046  # word splitting of pkg-config's flags is intended
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${1:-$root/build-test/conan}
archive=${CSC_CONAN_ARCHIVE:-$root/../shared/tools/conan/conan-2.8.1-src.tar.gz}
if [ ! -f "$archive" ]; then
  echo "tests/conan/run.sh: no Conan source archive at $archive (set CSC_CONAN_ARCHIVE)" >&2
  exit 1
fi
rm -rf "$work"
mkdir -p "$work/logs" "$work/graph" "$work/user-home"
work=$(cd "$work" && pwd)
version=$(sed -n 's/^#define CSC_METRICS_VERSION_\(MAJOR\|MINOR\|PATCH\) \([0-9]*\)$/\2/p' "$root/include/csc/version.hpp" | paste -sd.)

tar -xzf "$archive" -C "$work"   # gives $work/conan
export CONAN_HOME="$work/home"
mkdir -p "$CONAN_HOME"
cp "$root/tests/conan/remotes.json" "$CONAN_HOME/remotes.json"
# HOME points into the work folder too: nothing of Conan's may land in ~.
conan_cmd=(env HOME="$work/user-home" PYTHONPATH="$work/conan" /usr/bin/python3 -m conans.conan)
step=0
conan() {  # Conan's messages go to logs/N-COMMAND.log, shown in full if it fails; -f json output to stdout
  step=$((step + 1))
  local log="$work/logs/$step-$1.log"
  "${conan_cmd[@]}" "$@" 2> "$log" && return 0
  local status=$?
  echo "FAILED (exit $status): conan $*" >&2
  cat "$log" >&2
  return "$status"
}

remotes=$(conan remote list)
if [ "$remotes" != "conancenter: https://center.conan.io [Verify SSL: True, Enabled: False]" ]; then
  echo "tests/conan/run.sh: expected only the Conan Center remote, disabled; got: $remotes" >&2
  exit 1
fi
echo "conan: $("${conan_cmd[@]}" --version) from $(basename "$archive"), home $CONAN_HOME, Conan Center remote disabled"

src="$work/src"
mkdir -p "$src/tests/consumers"
cp -R "$root/conanfile.py" "$root/LICENSE" "$root/include" "$root/test_package" "$src/"
cp -R "$root/tests/conan" "$src/tests/"
cp -R "$root/tests/consumers/common" "$src/tests/consumers/"
rm -rf "$src/test_package/build" "$src/test_package/CMakeUserPresets.json" "$src/tests/conan/consumer/CMakeUserPresets.json"
cd "$src"

conan create tests/conan/boost -pr:a tests/conan/profiles/gcc -nr
conan create tests/conan/expat -pr:a tests/conan/profiles/gcc -nr
conan create . -pr:a tests/conan/profiles/gcc -nr
create_log="$work/logs/$step-create.log"
expected_test="csc-metrics $version: 2020-02-29 within 12 months of 2021-02-28: yes; CIN census return: 1 child, 1 referral"
grep -qxF "$expected_test" "$create_log" || { echo "test_package did not print '$expected_test'" >&2; exit 1; }
if grep -q "^csc-metrics/$version: Copying sources to build folder" "$create_log"; then
  echo "csc-metrics copied its sources to a build folder: no_copy_source is lost" >&2
  exit 1
fi
resolved=$(sed -n 's/^    \(boost\|expat\)\/\[.*\]: //p' "$create_log" | paste -sd' ')
echo "conan create: csc-metrics/$version on $resolved (Debian's, by the stand-in recipes); test_package: $expected_test"

if "${conan_cmd[@]}" export . --version 9.9.9 -nr 2> "$work/logs/export-9.9.9.log"; then
  echo "conan export . --version 9.9.9 succeeded; include/csc/version.hpp says $version" >&2
  exit 1
fi
grep -qF -- "--version 9.9.9, but include/csc/version.hpp says $version" "$work/logs/export-9.9.9.log" || {
  cat "$work/logs/export-9.9.9.log" >&2; exit 1; }
echo "conan export . --version 9.9.9: refused (include/csc/version.hpp says $version)"

for profile in gcc clang; do
  for build_type in Release Debug; do
    for std in 17 20; do
      conan graph info --requires="csc-metrics/$version" -pr:a "tests/conan/profiles/$profile" \
        -s build_type="$build_type" -s compiler.cppstd="$std" -nr -f json > "$work/graph/$profile-$build_type-cxx$std.json"
    done
  done
done
conan graph info --requires="csc-metrics/$version" -pr:a tests/conan/profiles/gcc -s compiler.cppstd=14 -nr -f json \
  > "$work/graph/gcc-Release-cxx14.json"

# A consumer, as a user builds one: conan install, then CMake or pkg-config.
out="$work/consumer"
mkdir -p "$out/pkg_config"
conan install tests/conan/consumer -pr:a tests/conan/profiles/gcc -nr -of "$out"
cmake -S tests/conan/consumer -B "$out/build" -DCMAKE_TOOLCHAIN_FILE="$out/conan_toolchain.cmake" -DCMAKE_BUILD_TYPE=Release
cmake --build "$out/build"
export PKG_CONFIG_PATH="$out"
c++ -std=c++17 -Wall -Wextra -Wpedantic -Werror $(pkg-config --cflags csc-metrics) \
  tests/consumers/common/rereferral_rate.cpp -o "$out/pkg_config/rereferral-rate" $(pkg-config --libs csc-metrics)
c++ -std=c++17 -Wall -Wextra -Wpedantic -Werror $(pkg-config --cflags csc-metrics-cin-census) \
  test_package/test_package.cpp -o "$out/pkg_config/cin-census" $(pkg-config --libs csc-metrics-cin-census)

expected_rate="csc-metrics $version: 2019-20 re-referrals 1 of 4 (25.0%)"
for route in build pkg_config; do
  for program in rereferral-rate:"$expected_rate" cin-census:"$expected_test"; do
    got=$("$out/$route/${program%%:*}")
    if [ "$got" != "${program#*:}" ]; then
      echo "consumer $route/${program%%:*} printed '$got', expected '${program#*:}'" >&2
      exit 1
    fi
  done
done
# Each component links what it needs: expat for csc::cin_census only.
grep -q -- "-lexpat" "$out/build/CMakeFiles/cin-census.dir/link.txt" || {
  echo "CMakeDeps: csc::cin_census does not link expat" >&2; exit 1; }
if grep -q expat "$out/build/CMakeFiles/rereferral-rate.dir/link.txt"; then
  echo "CMakeDeps: csc::metrics links expat" >&2; exit 1
fi
[ "$(pkg-config --modversion csc-metrics)" = "$version" ] || { echo "csc-metrics.pc: wrong version" >&2; exit 1; }
case " $(pkg-config --libs csc-metrics) " in *expat*) echo "csc-metrics.pc links expat" >&2; exit 1 ;; esac
case " $(pkg-config --libs csc-metrics-cin-census) " in *" -lexpat "*) ;;
  *) echo "csc-metrics-cin-census.pc does not link expat" >&2; exit 1 ;; esac
echo "consumer: CMakeDeps (find_package(csc-metrics), csc::metrics without expat, csc::cin_census with it) and" \
  "PkgConfigDeps (csc-metrics.pc, csc-metrics-cin-census.pc) programs built and run: ok"

/usr/bin/python3 "$root/tests/conan/check_package.py" "$src" "$out/csc-metrics-cpp_info.json" "$work"/graph/*.json

if [ -n "$(ls -A "$work/user-home")" ]; then
  echo "Conan wrote to its HOME: $(ls -A "$work/user-home")" >&2
  exit 1
fi
echo "conan: recipe, package, package id and consumers checked under Conan $("${conan_cmd[@]}" --version | sed 's/.* //'): ok"
