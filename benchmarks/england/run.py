"""England-scale benchmarks: csc-metrics against pandas, SQLite and DuckDB, same data, same run.

For each size it generates data with csc-synth (CIN census XML returns and the
CSV extracts of the same records), then measures:
  1. reading the XML returns (csc-bench-england; and `xmllint --stream`, which only parses);
  2-4. C1, D3/D5/D7 and step-down on data in memory (csc-bench-england);
  5. csc-report end to end for one financial year (from the XML and from the CSVs)
     and for a 60-month rolling series;
  baselines: pandas (baseline_pandas.py), SQLite (baseline_sqlite.sql) and DuckDB
  (baseline_duckdb.mjs, @duckdb/node-api from npm, run by Node at 1 and 2 threads) from the
  CSVs; the floor program (csc-floor-referrals: mmap, unordered_map interning, std::sort of
  64-bit keys, C1 from the referrals only).
Every figure (C1, D3, open plans) must agree across csc-bench-england, csc-report,
pandas, SQLite, DuckDB (both thread counts), the floor (C1) and the generator's own
counts, or the run fails. DuckDB needs `npm ci` in benchmarks/england (.ci/install-deps does it). Wall times are
medians of --repeat runs; peak memory is the maximum resident set (getrusage / time -f %M).

Usage: /usr/bin/python3 benchmarks/england/run.py --build BUILD [--sizes la,england,england5]
       [--repeat 3] [--work DIR] [--out benchmarks/RESULTS.md] [--smoke]
(--smoke: the smallest size once, no results file: what CI runs.)
"""
import argparse
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
# name: (csc-synth journeys, years, description). With csc-synth's five-year burn-in,
# one year of returns holds about one referral in the year per 3.25 journeys, five
# years about one a year per 6 journeys: England's 650,000 a year need 2.1 and 3.9 million.
SIZES = {
    "la": (10000, 1, "one LA-year"),
    "england": (2100000, 1, "one England-year"),
    "england5": (3900000, 5, "five England-years"),
}
LAST_FY = 2023  # every size ends with the returns for 2023-24 (ReferenceDate 2024-03-31)
FIGURES = ["referral_count", "rereferral_count", "CPP_start", "CPP_subsequent", "CPP_subsequent_within_2y", "CPP_open"]


def timed(args, repeat, **kw):
    """Median wall seconds, max peak RSS (KB) and the last stdout of `repeat` runs."""
    walls, peaks, out = [], [], ""
    for _ in range(repeat):
        start = time.perf_counter()
        r = subprocess.run(["/usr/bin/time", "-f", "%M"] + args, capture_output=True, text=True, **kw)
        walls.append(time.perf_counter() - start)
        if r.returncode != 0:
            sys.exit("benchmark step failed: %s\n%s" % (" ".join(args), r.stderr[-3000:]))
        peaks.append(int(r.stderr.strip().splitlines()[-1]))
        out = r.stdout
    return statistics.median(walls), max(peaks), out


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--build", required=True)
    p.add_argument("--sizes", default="la,england")
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--work", default="/tmp/csc-bench-england")
    p.add_argument("--out", default=None)
    p.add_argument("--smoke", action="store_true")
    p.add_argument("--rows", default=None, help="also put the rows (JSON lines) of an earlier run in the table")
    a = p.parse_args()
    sizes = ["la"] if a.smoke else a.sizes.split(",")
    repeat = 1 if a.smoke else a.repeat
    synth = os.path.join(a.build, "examples", "csc-synth")
    report = os.path.join(a.build, "examples", "csc-report")
    bench = os.path.join(a.build, "benchmarks", "csc-bench-england")
    floor = os.path.join(a.build, "benchmarks", "csc-floor-referrals")
    node = shutil.which("node")
    duckdb_script = os.path.join(HERE, "baseline_duckdb.mjs")
    if not node or not os.path.isdir(os.path.join(HERE, "node_modules", "@duckdb", "node-api")):
        sys.exit("DuckDB baseline: needs Node and `npm ci` in %s (bash .ci/install-deps does both)" % HERE)
    fy = "%d-%02d" % (LAST_FY, (LAST_FY + 1) % 100)
    rows = []
    for size in sizes:
        journeys, years, description = SIZES[size]
        if a.smoke:
            journeys = 6000
        work = os.path.join(a.work, size)
        shutil.rmtree(work, ignore_errors=True)
        first_year = LAST_FY - years + 1
        start = time.perf_counter()
        subprocess.run([synth, "--children", str(journeys), "--first-year", str(first_year), "--years", str(years),
                        "--out", work, "--csv", "--seed", "2024"], check=True, capture_output=True)
        generate_s = time.perf_counter() - start
        xml = [os.path.join(work, "cin_census_%d.xml" % (first_year + y + 1)) for y in range(years)]
        xml_bytes = sum(os.path.getsize(f) for f in xml)
        csv_bytes = sum(os.path.getsize(os.path.join(work, f)) for f in ("referrals.csv", "cp_plans.csv"))
        truth = {y["period"]: y for y in json.load(open(os.path.join(work, "truth.json")))["years"]}[fy]

        # 1-4: the library, in one process (data read once, then in memory).
        _, bench_peak, out = timed([bench, "--period", fy, "--repeat", str(repeat)] + xml, 1)
        lib = json.loads(out)
        lint_s = 0.0
        for f in xml:
            lint_s += timed(["xmllint", "--stream", "--noout", f], repeat)[0]
        # 5: csc-report end to end.
        census_args = sum((["--cin-census", f] for f in xml), [])
        csv_args = ["--referrals", os.path.join(work, "referrals.csv"), "--cp-plans", os.path.join(work, "cp_plans.csv")]
        report_xml_s, report_xml_peak, out = timed([report] + census_args + ["--period", fy, "--format", "json"], repeat)
        from_xml = json.loads(out)
        report_csv_s, report_csv_peak, out = timed([report] + csv_args + ["--period", fy, "--format", "json"], repeat)
        from_csv = json.loads(out)
        report_csv2_s, report_csv2_peak, out = timed([report] + csv_args + ["--period", fy, "--format", "json",
                                                                             "--threads", "2"], repeat)
        from_csv2 = json.loads(out)
        floor_s, floor_peak, out = timed([floor, os.path.join(work, "referrals.csv"), fy], repeat)
        from_floor = json.loads(out)
        duckdb = {}
        for threads in (1, 2):
            duckdb[threads] = timed([node, duckdb_script, work, fy, str(threads)], repeat, cwd=HERE)
        series_from = "%d-04-01" % (LAST_FY - 4)
        report_series_s, _, _ = timed([report] + csv_args + ["--series", "rolling12", "--from", series_from, "--to",
                                                              "%d-03-31" % (LAST_FY + 1), "--format", "csv"], repeat)
        # Baselines, from the same CSV files.
        pandas_s, pandas_peak, out = timed(["/usr/bin/python3", os.path.join(HERE, "baseline_pandas.py"), work, fy], repeat)
        pandas = json.loads(out)
        sql = open(os.path.join(HERE, "baseline_sqlite.sql")).read()
        script = (".mode csv\n.import %s referrals\n.import %s cp_plans\n.parameter init\n"
                  ".parameter set :fy_start \"'%d-04-01'\"\n.parameter set :fy_end \"'%d-03-31'\"\n.mode list\n%s"
                  % (os.path.join(work, "referrals.csv"), os.path.join(work, "cp_plans.csv"), LAST_FY, LAST_FY + 1, sql))
        script_file = os.path.join(work, "baseline.sqlite.sql")
        open(script_file, "w").write(script)
        sqlite_s, sqlite_peak, out = timed(["sqlite3", ":memory:", ".read " + script_file], repeat)
        sqlite = json.loads(out)

        # Every route must give the same figures.
        sources = {"csc-bench-england": lib, "csc-report (XML)": from_xml, "csc-report (CSV)": from_csv,
                   "csc-report (CSV, 2 threads)": from_csv2, "pandas": pandas, "SQLite": sqlite,
                   "DuckDB 1 thread": json.loads(duckdb[1][2]), "DuckDB 2 threads": json.loads(duckdb[2][2]),
                   "floor (C1 only)": from_floor}
        failures = []
        for name, got in sources.items():
            for f in FIGURES if name != "floor (C1 only)" else FIGURES[:2]:
                if got[f] != lib[f]:
                    failures.append("%s %s = %s, csc-bench-england %s" % (name, f, got[f], lib[f]))
        for f in FIGURES[:-1]:
            if truth[f] != lib[f]:
                failures.append("generator %s = %s, csc-metrics %s" % (f, truth[f], lib[f]))
        if failures:
            sys.exit("FIGURES DIFFER (%s): %s" % (size, "; ".join(failures)))
        row = {
            "size": size, "description": description, "journeys": journeys, "years": years,
            "referrals_fy": lib["referral_count"], "cp_plans_fy": lib["CPP_start"], "records": lib["records"],
            "xml_mb": xml_bytes / 1e6, "csv_mb": csv_bytes / 1e6, "generate_s": generate_s,
            "read_s": lib["read_s"], "read_mb_s": lib["read_mb_per_s"], "read_records_s": lib["read_records_per_s"],
            "xmllint_s": lint_s, "c1_s": lib["c1_s"], "d3_s": lib["d3_s"], "stepdown_s": lib["stepdown_s"],
            "in_memory_s": lib["in_memory_total_s"], "bench_peak_mb": bench_peak / 1024,
            "report_xml_s": report_xml_s, "report_xml_peak_mb": report_xml_peak / 1024,
            "report_csv_s": report_csv_s, "report_csv_peak_mb": report_csv_peak / 1024,
            "report_series_s": report_series_s,
            "report_csv2_s": report_csv2_s, "report_csv2_peak_mb": report_csv2_peak / 1024,
            "floor_s": floor_s, "floor_peak_mb": floor_peak / 1024,
            "duckdb1_s": duckdb[1][0], "duckdb1_peak_mb": duckdb[1][1] / 1024,
            "duckdb2_s": duckdb[2][0], "duckdb2_peak_mb": duckdb[2][1] / 1024,
            "pandas_s": pandas_s, "pandas_peak_mb": pandas_peak / 1024, "sqlite_s": sqlite_s,
            "sqlite_peak_mb": sqlite_peak / 1024, "figures": {f: lib[f] for f in FIGURES}, "runs": repeat,
        }
        rows.append(row)
        print(json.dumps(row), flush=True)
    if a.smoke:
        print("smoke run: every route gives the same figures")
        return
    if a.out:
        earlier = [json.loads(line) for line in open(a.rows) if line.startswith("{")] if a.rows else []
        write_markdown(earlier + rows, a.out)


def write_markdown(rows, path):
    cpu = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    out = ["## England scale: csc-metrics against pandas, SQLite and DuckDB", "",
           "Written by `benchmarks/england/run.py` (wall times are medians of the runs shown; one core per process; "
           "machine: %s, %d cores, %s %s)." % (cpu, os.cpu_count() or 0, platform.system(), platform.release()),
           "Data: csc-synth returns ending 2023-24; figures for 2023-24. Every route gave identical figures "
           "(csc-bench-england, csc-report from XML and CSV at 1 and 2 threads, pandas, SQLite, DuckDB at 1 and 2 "
           "threads; the floor program's C1; checked by the driver).", "",
           "| size | runs | referrals (FY) | CP plans (FY) | XML MB | XML read s | MB/s | xmllint --stream s | read / xmllint "
           "| C1 s | D3/D5/D7 s | step-down s | in memory total s | peak MB (library) | peak / XML |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        out.append("| %s | %d | %d | %d | %.0f | %.2f | %.0f | %.2f | %.2f | %.3f | %.3f | %.3f | %.3f | %.0f | %.2f |" % (
            r["description"], r.get("runs", 1), r["referrals_fy"], r["cp_plans_fy"], r["xml_mb"], r["read_s"], r["read_mb_s"],
            r["xmllint_s"], r["read_s"] / r["xmllint_s"], r["c1_s"], r["d3_s"], r["stepdown_s"], r["in_memory_s"],
            r["bench_peak_mb"], r["bench_peak_mb"] / r["xml_mb"]))
    out += ["", "End to end from the input files (one financial year, C1 + D3/D5/D7 figures):", "",
            "| size | CSV MB | csc-report (CSV) s | pandas s | SQLite s | pandas / csc-report | SQLite / csc-report "
            "| csc-report (XML) s | 60-month rolling series s | peak MB csc-report (CSV) / pandas / SQLite |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for r in rows:
        out.append("| %s | %.1f | %.2f | %.2f | %.2f | %.1fx | %.1fx | %.2f | %.2f | %.0f / %.0f / %.0f |" % (
            r["description"], r["csv_mb"], r["report_csv_s"], r["pandas_s"], r["sqlite_s"],
            r["pandas_s"] / r["report_csv_s"], r["sqlite_s"] / r["report_csv_s"], r["report_xml_s"],
            r["report_series_s"], r["report_csv_peak_mb"], r["pandas_peak_mb"], r["sqlite_peak_mb"]))
    out += ["", "Against DuckDB (`@duckdb/node-api`, read_csv + window functions) and the floor program "
            "(mmap, unordered_map interning, std::sort of 64-bit keys; referrals/C1 only), same run:", "",
            "| size | csc-report 1 thread s | csc-report 2 threads s | DuckDB 1 thread s | DuckDB 2 threads s "
            "| floor s | DuckDB 1 / csc-report 1 | DuckDB 2 / csc-report 2 | pandas / csc-report 1 "
            "| csc-report 1 / floor | peak MB csc-report 1 / 2 / DuckDB 1 / 2 / floor | csc-report peak / CSV |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|"]
    for r in rows:
        if "duckdb1_s" not in r:
            continue
        out.append("| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.1fx | %.1fx | %.1fx | %.1fx | %.0f / %.0f / %.0f / %.0f / %.0f "
                   "| %.2f |" % (
                       r["description"], r["report_csv_s"], r["report_csv2_s"], r["duckdb1_s"], r["duckdb2_s"],
                       r["floor_s"], r["duckdb1_s"] / r["report_csv_s"], r["duckdb2_s"] / r["report_csv2_s"],
                       r["pandas_s"] / r["report_csv_s"], r["report_csv_s"] / r["floor_s"], r["report_csv_peak_mb"],
                       r["report_csv2_peak_mb"], r["duckdb1_peak_mb"], r["duckdb2_peak_mb"], r["floor_peak_mb"],
                       r["report_csv_peak_mb"] / r["csv_mb"]))
    if len(rows) > 1:
        out += ["", "Growth with size, each size against the one before (time ratio / ratio of records read: 1.0 = "
                "linear; n log n allows log(n2) / log(n1), given):", ""]
        for base, r in zip(rows, rows[1:]):
            k = r["records"] / base["records"]
            out.append("- %s vs %s (x%.1f data): read %.2f, in memory %.2f, csc-report (CSV) %.2f; n log n allows %.2f" % (
                r["description"], base["description"], k, r["read_s"] / base["read_s"] / k,
                r["in_memory_s"] / base["in_memory_s"] / k, r["report_csv_s"] / base["report_csv_s"] / k,
                math.log(r["records"]) / math.log(base["records"])))
    # The section between the markers in RESULTS.md is replaced; the rest of the file is kept.
    section = "<!-- england:begin (written by benchmarks/england/run.py) -->\n" + "\n".join(out) + "\n<!-- england:end -->\n"
    text = open(path).read() if os.path.exists(path) else ""
    begin, end = text.find("<!-- england:begin"), text.find("<!-- england:end -->")
    if begin >= 0 and end > begin:
        text = text[:begin] + section + text[end + len("<!-- england:end -->\n"):]
    else:
        text = section + "\n" + text
    open(path, "w").write(text)
    print("wrote " + path)


if __name__ == "__main__":
    main()
