-- The SQLite baseline: the C1 and D3 figures for one financial year from the
-- csc-synth CSV extracts, with window functions (LAG over the child ordered by
-- date), and the same rules as csc-metrics (see baseline_pandas.py). SQLite's
-- date(d, '-12 months') rolls 2020-02-29 over to 2019-03-01, so the look-back
-- is clamped to the month's last day by hand.
-- Run by run.sh: sqlite3 :memory: with .import of referrals.csv and cp_plans.csv
-- into tables referrals and cp_plans, and @fy_start/@fy_end bound below.

-- The financial year, bound by run.py with .parameter set.
CREATE TEMP TABLE params AS SELECT :fy_start AS fy_start, :fy_end AS fy_end;

CREATE TEMP TABLE ref_days AS
  SELECT DISTINCT LAchildID AS child, CINreferralDate AS day FROM referrals;
CREATE TEMP TABLE ref_prev AS
  SELECT child, day, LAG(day) OVER (PARTITION BY child ORDER BY day) AS previous FROM ref_days;

CREATE TEMP TABLE plan_prev AS
  SELECT LAchildID AS child, CPPstartDate AS start, NULLIF(CPPendDate, '') AS end,
         CAST(NULLIF(NumberOfPreviousCPP, '') AS INTEGER) AS declared,
         ROW_NUMBER() OVER w - 1 AS earlier,
         LAG(NULLIF(CPPendDate, '')) OVER w AS previous_end
  FROM cp_plans
  WINDOW w AS (PARTITION BY LAchildID ORDER BY CPPstartDate, CASE WHEN CPPendDate = '' THEN 1 ELSE 0 END, CPPendDate);

SELECT json_object(
  'referral_count', (SELECT COUNT(*) FROM referrals, params
                     WHERE CINreferralDate BETWEEN fy_start AND fy_end),
  'rereferral_count', (SELECT COUNT(*) FROM referrals r JOIN ref_prev p ON p.child = r.LAchildID AND p.day = r.CINreferralDate, params
                       WHERE r.CINreferralDate BETWEEN fy_start AND fy_end AND p.previous IS NOT NULL
                         AND p.previous >= CASE
                               WHEN strftime('%d', date(p.day, '-12 months')) = strftime('%d', p.day) THEN date(p.day, '-12 months')
                               ELSE date(p.day, 'start of month', '-12 months', '+1 month', '-1 day') END),
  'CPP_start', (SELECT COUNT(*) FROM plan_prev, params WHERE start BETWEEN fy_start AND fy_end),
  'CPP_subsequent', (SELECT COUNT(*) FROM plan_prev, params
                     WHERE start BETWEEN fy_start AND fy_end AND (earlier > 0 OR COALESCE(declared, 0) >= 1)),
  'CPP_subsequent_within_2y', (SELECT COUNT(*) FROM plan_prev, params
                               WHERE start BETWEEN fy_start AND fy_end AND earlier > 0
                                 AND (previous_end IS NULL OR previous_end >= CASE
                                   WHEN strftime('%d', date(start, '-24 months')) = strftime('%d', start) THEN date(start, '-24 months')
                                   ELSE date(start, 'start of month', '-24 months', '+1 month', '-1 day') END)),
  'CPP_open', (SELECT COUNT(*) FROM plan_prev, params WHERE start <= fy_end AND (end IS NULL OR end > fy_end)));
