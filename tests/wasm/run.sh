#!/usr/bin/env bash
# csc-report compiled to WebAssembly against the native csc-report built from the same tree:
#  1. builds the page and the Node build (examples/csc-report-web/build.sh) into WORK;
#  2. under Node: every csc-report e2e case (tests/CMakeLists.txt) and the shared sample returns
#     (../shared/data/cin-census, when present): the same stdout, stderr and exit status (compare_node.py);
#  3. in Debian's chromium (playwright-core): the page from file://, two returns, a quarterly series,
#     a malformed return, Cancel, and an LA-sized input made by csc-synth (four years, about 3,500
#     referrals a year) in under 3 s (tests/browser/web_page.mjs); screenshots in WORK/screenshots.
# Usage: bash tests/wasm/run.sh NATIVE_BUILD_DIR WORK   (NATIVE_BUILD_DIR: a configured and built tree
# with CSC_BUILD_TESTS and CSC_BUILD_EXAMPLES: csc-report, csc-synth, tests/csc_report_e2e_cases.txt)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
native="$(cd "$1" && pwd)"
mkdir -p "$2" && work="$(cd "$2" && pwd)"
t0=$(date +%s)
bash "$root/examples/csc-report-web/build.sh" "$work"
t1=$(date +%s)
echo "built in $((t1 - t0)) s"
python3 "$root/tests/wasm/compare_node.py" "$native/tests/csc_report_e2e_cases.txt" "$native/examples/csc-report" \
  "$work/csc-report-node.js" "$root/tests/e2e" "$root/../shared/data/cin-census"
rm -rf "$work/la-sized"
"$native/examples/csc-synth" --children 17000 --first-year 2021 --years 4 --out "$work/la-sized" > /dev/null
node "$root/tests/browser/web_page.mjs" "$work/csc-report.html" "$native/examples/csc-report" "$root/tests/e2e/census" \
  "$work/screenshots" "$work/la-sized"
echo "WebAssembly checks in $(( $(date +%s) - t0 )) s"
