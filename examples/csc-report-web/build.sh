#!/usr/bin/env bash
# Builds csc-report for WebAssembly with Debian's emscripten, from the same sources as the native
# tool (examples/csc-report/main.cpp), and the browser page around it (page.html, worker.js). One command:
#
#   bash examples/csc-report-web/build.sh [BUILD_DIR]      (default: build-wasm)
#
# Writes BUILD_DIR/csc-report.html (the page: one self-contained file, works from file://) and
# BUILD_DIR/csc-report-node.js (csc-report under Node: node csc-report-node.js ARGS..., files read
# directly from the disk). expat is compiled from Debian's source package, fetched by .ci/install-deps
# (apt-get source --download-only expat) into BUILD_DIR/expat-src; it is never part of the repository.
# Facts about Debian 12's emscripten 3.1.6 that shaped this script: DEVELOPERS.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="$(mkdir -p "${1:-build-wasm}" && cd "${1:-build-wasm}" && pwd)"
jobs=$(nproc 2>/dev/null || echo 2)
# emscripten's optimizer needs Debian's acorn (otherwise "Cannot find module 'acorn'").
export NODE_PATH=/usr/share/nodejs:/usr/lib/nodejs${NODE_PATH:+:$NODE_PATH}

# 1. expat from Debian's source package (static, for wasm32).
src="$build/expat-src"
if [ ! -f "$build/expat/lib/libexpat.a" ]; then
  # Where .ci/install-deps put it, or already in BUILD_DIR; else downloaded now (needs the deb-src entry).
  dsc=$(ls "$src"/expat_*.dsc "$root"/build-test/wasm/expat-src/expat_*.dsc 2>/dev/null | head -n 1 || true)
  if [ -z "$dsc" ]; then
    mkdir -p "$src"
    (cd "$src" && apt-get source --download-only expat > /dev/null) ||
      { echo "build.sh: expat's Debian source package is missing: run bash .ci/install-deps" >&2; exit 1; }
    dsc=$(ls "$src"/expat_*.dsc | head -n 1)
  fi
  # --no-check: apt checked the files against the signed Release file when it downloaded them.
  mkdir -p "$src" && rm -rf "$src/tree" && dpkg-source --no-check -x "$dsc" "$src/tree" > /dev/null
  # The CMake project is in expat/ in Debian's tree (2.5.0); older/newer trees may have it at the top.
  esrc="$src/tree"; [ -f "$esrc/expat/CMakeLists.txt" ] && esrc="$esrc/expat"
  emcmake cmake -S "$esrc" -B "$build/expat-build" -DCMAKE_BUILD_TYPE=Release -DEXPAT_SHARED_LIBS=OFF \
    -DEXPAT_BUILD_TESTS=OFF -DEXPAT_BUILD_EXAMPLES=OFF -DEXPAT_BUILD_TOOLS=OFF -DEXPAT_BUILD_DOCS=OFF \
    -DEXPAT_BUILD_FUZZERS=OFF -DEXPAT_BUILD_PKGCONFIG=OFF -DCMAKE_INSTALL_PREFIX="$build/expat" > "$build/expat.log" 2>&1 ||
    { cat "$build/expat.log"; exit 1; }
  # Debian's CVE-2024-8176 patch tests "#if XML_DTD == 1" (autotools defines it as 1; CMake's header
  # defines it empty, and xmlparse.c then fails to compile).
  sed -i 's/^#define XML_DTD *$/#define XML_DTD 1/; s/^#define XML_GE *$/#define XML_GE 1/' \
    "$build/expat-build/expat_config.h"
  cmake --build "$build/expat-build" -j "$jobs" >> "$build/expat.log" 2>&1 || { cat "$build/expat.log"; exit 1; }
  cmake --install "$build/expat-build" > /dev/null
  dpkg-parsechangelog -l "$src/tree/debian/changelog" -S Version > "$build/expat/DEBIAN_VERSION"
fi

# 2. Header folder: boost and CLI11 from Debian's packages, never all of /usr/include (the host's libc).
mkdir -p "$build/sysinc"
ln -sfn /usr/include/boost "$build/sysinc/boost"
ln -sfn /usr/include/CLI "$build/sysinc/CLI"

# 3. csc-report, twice: under Node (files from the disk) and for the page (a module run in a Web Worker).
cxx=(em++ -std=c++17 -O2 -fwasm-exceptions -Wall -Wextra -Wpedantic -Werror
     -I"$root/include" -isystem "$build/sysinc" -isystem "$build/expat/include")
link=(-fwasm-exceptions -sALLOW_MEMORY_GROWTH=1 -sMAXIMUM_MEMORY=4GB -sSINGLE_FILE=1
      "$build/expat/lib/libexpat.a")
"${cxx[@]}" -c "$root/examples/csc-report/main.cpp" -o "$build/csc-report.o"
em++ "$build/csc-report.o" "${link[@]}" -sNODERAWFS=1 -sEXIT_RUNTIME=1 -o "$build/csc-report-node.js"
em++ "$build/csc-report.o" "${link[@]}" -lworkerfs.js -sMODULARIZE=1 -sEXPORT_NAME=cscReport \
  -sINVOKE_RUN=0 -sEXIT_RUNTIME=1 -sENVIRONMENT=worker,node \
  -sEXPORTED_RUNTIME_METHODS=FS,callMain,WORKERFS -o "$build/csc-report-module.js"

# 4. The page: one HTML file with the worker (the module and worker.js) inside.
# The DfE tables bundled (default: the excerpt the tests use, tests/e2e/dfe, with its provenance);
# CSC_WEB_DFE_DIR=DIR bundles another folder of DfE's published CSVs (e.g. the full tables).
python3 "$here/assemble.py" "$here/page.html" "$here/worker.js" "$build/csc-report-module.js" \
  "${CSC_WEB_DFE_DIR:-$root/tests/e2e/dfe}" "$root/include/csc/version.hpp" "$build/expat/DEBIAN_VERSION" \
  "$build/csc-report.html"
ls -l "$build/csc-report.html" "$build/csc-report-node.js" | awk '{print $5, $9}'
