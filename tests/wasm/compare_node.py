#!/usr/bin/env python3
"""csc-report compiled to WebAssembly (the NODERAWFS build, run by Node) against the native csc-report
built from the same tree: every end-to-end case of tests/CMakeLists.txt (csc_report_test, listed by
CMake in CASES) and the shared sample returns (../shared/data/cin-census, when present) must give the
same standard output, byte for byte, the same standard error and the same exit status. A case with
--format xlsx must instead be refused by the web build (it has no spreadsheet writer), status 1.

Usage: compare_node.py CASES NATIVE_CSC_REPORT WASM_NODE_JS E2E_DIR [SAMPLES_DIR]
"""
import concurrent.futures
import os
import subprocess
import sys
import time


def run(cmd, cwd, stdout_file):
    out = open(stdout_file, "wb") if stdout_file else subprocess.PIPE
    try:
        p = subprocess.run(cmd, cwd=cwd, stdout=out, stderr=subprocess.PIPE, timeout=300)
    finally:
        if stdout_file:
            out.close()
    return p.returncode, p.stdout or b"", p.stderr


def main():
    cases_file, native, wasm, e2e = sys.argv[1:5]
    samples = sys.argv[5] if len(sys.argv) > 5 else ""
    cases = []
    for line in open(cases_file, encoding="utf-8"):
        line = line.rstrip("\n")
        if line:
            name, stdout_file, *args = line.split("|")
            cases.append((name, stdout_file, [a for a in args if a != ""]))
    if samples and os.path.isdir(samples):
        xml = sorted(os.path.join(samples, f) for f in os.listdir(samples) if f.endswith(".xml"))
        for f in xml:
            base = os.path.basename(f)
            cases.append((f"sample_{base}_check", "", ["--cin-census", f, "--check", "--format", "json"]))
            cases.append((f"sample_{base}_fy", "", ["--cin-census", f, "--series", "fy", "--format", "json"]))
        every = [a for f in xml for a in ("--cin-census", f)]
        for fmt in ("json", "html", "csv"):
            cases.append((f"samples_all_quarterly_{fmt}", "", every + ["--series", "quarterly", "--format", fmt]))
    else:
        print(f"note: no shared samples at {samples!r}; only the e2e cases are compared")

    def compare(case):
        name, stdout_file, args = case
        t0 = time.monotonic()
        a = run([native] + args, e2e, stdout_file)
        t1 = time.monotonic()
        b = run(["node", wasm] + args, e2e, stdout_file)
        t2 = time.monotonic()
        if a != b and "xlsx" in args and args[args.index("xlsx") - 1] == "--format":
            # The web build leaves the spreadsheet writer out (CSC_REPORT_XLSX=OFF): it must say so, status 1.
            ok = b[0] == 1 and b"built without libxlsxwriter" in b[2]
            return name, [] if ok else ["the xlsx refusal"], a, b, t1 - t0, t2 - t1
        diffs = [what for what, x, y in (("exit status", a[0], b[0]), ("stdout", a[1], b[1]), ("stderr", a[2], b[2]))
                 if x != y]
        return name, diffs, a, b, t1 - t0, t2 - t1

    failed = 0
    native_s = wasm_s = 0.0
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        for name, diffs, a, b, tn, tw in pool.map(compare, cases):
            native_s += tn
            wasm_s += tw
            if diffs:
                failed += 1
                print(f"FAIL {name}: {', '.join(diffs)} differ")
                print(f"  native: status {a[0]}, stderr {a[2][:400]!r}, stdout {a[1][:200]!r}")
                print(f"  wasm:   status {b[0]}, stderr {b[2][:400]!r}, stdout {b[1][:200]!r}")
    print(f"{len(cases) - failed} of {len(cases)} cases identical under Node "
          f"(native {native_s:.1f} s, wasm {wasm_s:.1f} s in all)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
