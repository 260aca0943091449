#!/usr/bin/env python3
"""Writes examples/data/referrals.csv: a fictional local authority's referrals,
2017-04-01 to 2021-03-31, made up by this script (seeded, so reproducible).
No real child's data; the shape follows the CIN census referral items."""
import csv
import datetime as dt
import random

rng = random.Random(20191)
SOURCES = ["1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D", "3E", "3F", "4",
           "5A", "5B", "5C", "6", "7", "8", "9", "10"]
WEIGHTS = [4, 1, 1, 1, 18, 2, 3, 3, 1, 2, 3, 3, 2, 2, 2, 1, 30, 3, 4, 1, 1]
START, END = dt.date(2017, 4, 1), dt.date(2021, 3, 31)
rows = []
for n in range(1, 1201):
    child = f"C{n:05d}"
    day = START + dt.timedelta(days=rng.randrange((END - START).days + 1))
    while day <= END:
        nfa = rng.random() < 0.07
        open_days = 0 if nfa else int(rng.expovariate(1 / 120))
        closure = day + dt.timedelta(days=open_days)
        if closure > END:
            closure_text, reason = "", ""
        else:
            closure_text = closure.isoformat()
            reason = "RC8" if nfa else rng.choice(["RC7", "RC7", "RC7", "RC8", "RC9", "RC5"])
        rows.append([child, day.isoformat(), rng.choices(SOURCES, WEIGHTS)[0],
                     "true" if nfa else "false", closure_text, reason])
        if not closure_text or rng.random() > 0.33:
            break
        # a re-referral after closure: often soon, sometimes much later
        gap = int(rng.expovariate(1 / 200)) + 1
        day = closure + dt.timedelta(days=gap)
# A same-day duplicate, so the sample shows a duplicate_referral_date finding.
rows.append(["C00007", rows[[r[0] for r in rows].index("C00007")][1], "6", "true", "", ""])
rows.sort(key=lambda r: r[1])
with open("referrals.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["LAchildID", "CINreferralDate", "ReferralSource", "ReferralNFA", "CINclosureDate",
                "ReasonForClosure"])
    w.writerows(rows)
