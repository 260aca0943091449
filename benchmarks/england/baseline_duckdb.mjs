// The DuckDB baseline: the C1 and D3 figures for one financial year from the
// csc-synth CSV extracts, with read_csv and window functions (LAG over the child
// ordered by date), and the same rules as csc-metrics (see baseline_pandas.py).
// DuckDB's `date - INTERVAL n MONTH` clamps month ends (2020-02-29 - 12 months
// = 2019-02-28), as counting-rules.md does.
// Usage: node baseline_duckdb.mjs DIR 2023-24 THREADS   (prints one JSON object)
// DuckDB comes from the npm registry (@duckdb/node-api, pinned in package.json).
import { DuckDBInstance } from "@duckdb/node-api";

const started = process.hrtime.bigint();
const [directory, period, threads = "1"] = process.argv.slice(2);
if (!directory || !/^\d{4}-\d{2}$/.test(period || "")) {
  console.error("usage: node baseline_duckdb.mjs DIR 2023-24 [THREADS]");
  process.exit(2);
}
const first = Number(period.slice(0, 4));
const fyStart = `DATE '${first}-04-01'`;
const fyEnd = `DATE '${first + 1}-03-31'`;
const quote = (s) => "'" + s.replace(/'/g, "''") + "'";

const instance = await DuckDBInstance.create(":memory:", { threads: String(threads) });
const db = await instance.connect();
await db.run(`CREATE TABLE referrals AS SELECT LAchildID AS child, CAST(CINreferralDate AS DATE) AS day
  FROM read_csv(${quote(directory + "/referrals.csv")}, header = true, all_varchar = true)`);
await db.run(`CREATE TABLE cp_plans AS SELECT LAchildID AS child, CAST(CPPstartDate AS DATE) AS start,
  CAST(NULLIF(CPPendDate, '') AS DATE) AS "end", CAST(NULLIF(NumberOfPreviousCPP, '') AS INTEGER) AS declared
  FROM read_csv(${quote(directory + "/cp_plans.csv")}, header = true, all_varchar = true)`);
const sql = `
WITH ref_prev AS (
  SELECT child, day, LAG(day) OVER (PARTITION BY child ORDER BY day) AS previous
  FROM (SELECT DISTINCT child, day FROM referrals)),
plan_prev AS (
  SELECT start, "end", declared,
         ROW_NUMBER() OVER w - 1 AS earlier,
         LAG("end") OVER w AS previous_end
  FROM cp_plans
  WINDOW w AS (PARTITION BY child ORDER BY start, "end" NULLS LAST))
SELECT
  (SELECT COUNT(*) FROM referrals WHERE day BETWEEN ${fyStart} AND ${fyEnd}) AS referral_count,
  (SELECT COUNT(*) FROM referrals r JOIN ref_prev p ON p.child = r.child AND p.day = r.day
    WHERE r.day BETWEEN ${fyStart} AND ${fyEnd} AND p.previous IS NOT NULL
      AND p.previous >= p.day - INTERVAL 12 MONTH) AS rereferral_count,
  (SELECT COUNT(*) FROM plan_prev WHERE start BETWEEN ${fyStart} AND ${fyEnd}) AS CPP_start,
  (SELECT COUNT(*) FROM plan_prev WHERE start BETWEEN ${fyStart} AND ${fyEnd}
      AND (earlier > 0 OR COALESCE(declared, 0) >= 1)) AS CPP_subsequent,
  (SELECT COUNT(*) FROM plan_prev WHERE start BETWEEN ${fyStart} AND ${fyEnd} AND earlier > 0
      AND (previous_end IS NULL OR previous_end >= start - INTERVAL 24 MONTH)) AS CPP_subsequent_within_2y,
  (SELECT COUNT(*) FROM plan_prev WHERE start <= ${fyEnd} AND ("end" IS NULL OR "end" > ${fyEnd})) AS CPP_open`;
const reader = await db.runAndReadAll(sql);
const row = reader.getRowObjects()[0];
const out = {};
for (const [k, v] of Object.entries(row)) out[k] = Number(v);
out.threads = Number(threads);
out.seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(JSON.stringify(out));
