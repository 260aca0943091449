#!/usr/bin/env python3
"""Writes examples/data/{cp_plans,cin_plans,early_help,looked_after}.csv for the
fictional local authority of referrals.csv (run make_sample_referrals.py first).
Made up by this script (seeded, so reproducible); no real child's data. Plans
lie inside their referral episode; some children step down CP plan -> CIN plan
-> early help -> closed and come back, so the step-down measures have cases.
A few deliberate data-quality problems show the findings: a CP plan starting
on the day the previous one ended (8940), a declared NumberOfPreviousCPP lower
than the history, a blank NumberOfPreviousCPP, and an early help episode
ending before it starts."""
import csv
import datetime as dt
import random

rng = random.Random(20192)
END = dt.date(2021, 3, 31)
D = dt.timedelta


def parse(s):
    return dt.date.fromisoformat(s) if s else None


with open("referrals.csv", newline="") as f:
    episodes = [(r["LAchildID"], parse(r["CINreferralDate"]), parse(r["CINclosureDate"]), r["ReferralNFA"] == "true")
                for r in csv.DictReader(f)]
episodes.sort(key=lambda e: (e[0], e[1]))

cp, cin, eh, la = [], [], [], []
previous_cp = {}
last_cp_end = {}
for child, start, closure, nfa in episodes:
    if nfa:
        continue
    last = closure or END
    day = start + D(days=rng.randint(10, 40))
    if day > last:
        continue
    roll = rng.random()
    if roll < (0.6 if child in previous_cp else 0.16):  # a CP plan, then often a step-down to a CIN plan
        length = int(rng.expovariate(1 / 220)) + 1
        cp_end = day + D(days=length)
        open_plan = cp_end > last
        n = previous_cp.get(child, 0)
        declared = str(n)
        if n and rng.random() < 0.05:
            declared = str(n - 1)  # declared lower than the history
        elif rng.random() < 0.01:
            declared = ""
        cat = rng.choice(["NEG", "NEG", "NEG", "EMO", "EMO", "PHY", "SAB", "MUL"])
        cp.append([child, day.isoformat(), "" if open_plan and closure is None else min(cp_end, last).isoformat(),
                   cat, rng.choice([cat, cat, "NEG", "EMO"]), declared])
        previous_cp[child] = n + 1
        if not (open_plan and closure is None):
            plan_end = min(cp_end, last)
            last_cp_end[child] = plan_end
            if rng.random() < 0.15 and closure is not None and plan_end < last:
                # looked after from the plan's end for a while
                la_end = plan_end + D(days=rng.randint(30, 400))
                la.append([child, plan_end.isoformat(), "" if la_end > END else la_end.isoformat()])
            elif plan_end < last and rng.random() < 0.7:
                cin.append([child, (plan_end + D(days=1)).isoformat(), "" if closure is None else last.isoformat()])
        else:
            last_cp_end[child] = None
    elif roll < 0.40:  # a CIN plan only
        cin.append([child, day.isoformat(), "" if closure is None else last.isoformat()])
    if closure is not None and rng.random() < 0.35:  # stepped down to early help after closure
        eh_start = closure + D(days=rng.choice([1, 1, 1, 2, 5, 14]))
        if eh_start <= END:
            eh_end = eh_start + D(days=int(rng.expovariate(1 / 100)) + 7)
            eh.append([child, eh_start.isoformat(), "" if eh_end > END else eh_end.isoformat()])

# Deliberate problems, so the sample shows findings.
first = cp[0]
cp.append([first[0], first[2] or first[1], "", "NEG", "NEG", "1"])  # starts the day the plan ended (8940)
bad = eh[3]
bad[2] = (dt.date.fromisoformat(bad[1]) - D(days=3)).isoformat()    # ends before it starts

for name, header, rows in [
        ("cp_plans.csv", ["LAchildID", "CPPstartDate", "CPPendDate", "InitialCategoryOfAbuse",
                          "LatestCategoryOfAbuse", "NumberOfPreviousCPP"], cp),
        ("cin_plans.csv", ["LAchildID", "CINPlanStartDate", "CINPlanEndDate"], cin),
        ("early_help.csv", ["LAchildID", "StartDate", "EndDate"], eh),
        ("looked_after.csv", ["LAchildID", "StartDate", "EndDate"], la)]:
    rows.sort(key=lambda r: (r[1], r[0]))
    with open(name, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
