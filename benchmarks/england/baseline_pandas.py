"""The pandas baseline: the C1 and D3 figures for one financial year from the
csc-synth CSV extracts, written the way a council analyst would (sort,
groupby + shift, vectorised month offsets), with the same rules as
csc-metrics (counting-rules.md): a re-referral has a strictly earlier referral
of the child within 12 months, looking back from the later date with month
ends clamped; a plan is second or subsequent if the child has an earlier plan
or its NumberOfPreviousCPP is 1 or more; within 2 years if the previous plan
(latest earlier start) ended no more than 24 months before this start, or has
not ended.

Usage: python3 baseline_pandas.py DIR 2023-24   (prints one JSON object)
"""
import json
import sys
import time

import pandas as pd

start_time = time.perf_counter()
directory, period = sys.argv[1], sys.argv[2]
fy_start = pd.Timestamp(int(period[:4]), 4, 1)
fy_end = pd.Timestamp(int(period[:4]) + 1, 3, 31)

refs = pd.read_csv(directory + "/referrals.csv", usecols=["LAchildID", "CINreferralDate"],
                   parse_dates=["CINreferralDate"], dtype={"LAchildID": str})
# The latest strictly earlier referral date of the same child.
days = refs.drop_duplicates().sort_values(["LAchildID", "CINreferralDate"])
days["previous"] = days.groupby("LAchildID")["CINreferralDate"].shift()
refs = refs.merge(days, on=["LAchildID", "CINreferralDate"], how="left")
in_fy = refs[(refs.CINreferralDate >= fy_start) & (refs.CINreferralDate <= fy_end)]
look_back = in_fy.CINreferralDate - pd.DateOffset(months=12)  # clamps 29 February to 28 February
rereferral = in_fy.previous.notna() & (in_fy.previous >= look_back)

plans = pd.read_csv(directory + "/cp_plans.csv", usecols=["LAchildID", "CPPstartDate", "CPPendDate", "NumberOfPreviousCPP"],
                    parse_dates=["CPPstartDate", "CPPendDate"], dtype={"LAchildID": str})
plans = plans.sort_values(["LAchildID", "CPPstartDate", "CPPendDate"], na_position="last")
grouped = plans.groupby("LAchildID")
plans["earlier"] = grouped.cumcount()
plans["previous_end"] = grouped["CPPendDate"].shift()
plans["previous_open"] = grouped["CPPendDate"].shift().isna() & (plans.earlier > 0)
starting = plans[(plans.CPPstartDate >= fy_start) & (plans.CPPstartDate <= fy_end)]
subsequent = (starting.earlier > 0) | (starting.NumberOfPreviousCPP.fillna(0) >= 1)
window_start = starting.CPPstartDate - pd.DateOffset(months=24)
within = (starting.earlier > 0) & (starting.previous_open | (starting.previous_end >= window_start))
open_on_fy_end = (plans.CPPstartDate <= fy_end) & (plans.CPPendDate.isna() | (plans.CPPendDate > fy_end))

print(json.dumps({
    "referral_count": int(len(in_fy)),
    "rereferral_count": int(rereferral.sum()),
    "CPP_start": int(len(starting)),
    "CPP_subsequent": int(subsequent.sum()),
    "CPP_subsequent_within_2y": int(within.sum()),
    "CPP_open": int(open_on_fy_end.sum()),
    "seconds": time.perf_counter() - start_time,
}))
