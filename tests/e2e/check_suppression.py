#!/usr/bin/env python3
"""e2e: a suppressed cross-tab gives nothing away by subtraction (docs/rules/suppression.md).

Usage: check_suppression.py CSC_REPORT ARGS...   (ARGS: a series table with two or more --by)

Runs csc-report ARGS --format json twice, without and with --suppress, and then,
as a reader of the published table would, tries EVERY subtraction: for every
count measure, period and total (a group with one key at "all", against the
groups that fix that key to each of its values, the other keys equal), the
total minus the visible cells, and a hidden total as the sum of its visible
cells. Nothing may be recovered. It also tries each percentage and rate
against a visible count (numerator = percent x denominator / 100), checks
that every count 1-5 is hidden, that the unsuppressed figures of visible
cells are unchanged, and that primary suppression alone WOULD have given
cells away on this data (so the test tests something).
"""
import json
import subprocess
import sys

COUNTS = ["referral_count", "rereferral_count", "referral_family_count", "CPP_start", "CPP_subsequent", "CPP_open",
          "CPP_family_start", "children_3_plus_referrals"]
DERIVED = {"rereferral_percent": ("rereferral_count", "referral_count")}  # numerator, denominator


def run(args):
    r = subprocess.run(args + ["--format", "json"], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("csc-report failed: " + r.stderr)
    return json.loads(r.stdout)


def relations(rows_by_key, n):
    """(total key, [part keys]) for every key left at all, the others as given."""
    out = []
    for keys in rows_by_key:
        for d in range(n):
            if keys[d] != "":
                continue
            parts = [k for k in rows_by_key if k[d] != "" and all(k[e] == keys[e] for e in range(n) if e != d)]
            if parts:
                out.append((keys, parts))
    return out


def main():
    program, args = sys.argv[1], sys.argv[2:]
    plain = run([program] + args)
    supp = run([program] + args + ["--suppress"])
    n = len(supp["by_keys"])
    if n < 2:
        sys.exit("not a cross-tab: give two or more --by")
    periods = [p["label"] for p in supp["periods"]]
    cell = {(tuple(r["keys"]), r["period"]): r for r in supp["rows"]}
    truth = {(tuple(r["keys"]), r["period"]): r for r in plain["rows"]}
    keys = sorted({tuple(r["keys"]) for r in supp["rows"]})
    rels = relations(keys, n)
    tried = recovered = primary_leaks = hidden_cells = secondary = 0
    problems = []
    for m in COUNTS:
        for p in periods:
            if m not in cell[(keys[0], p)]:
                continue
            for total, parts in rels:
                members = [total] + parts
                values = [cell[(k, p)].get(m) for k in members]
                true = [truth[(k, p)].get(m) for k in members]
                if any(v is None for v in true):
                    continue
                hidden = [i for i, v in enumerate(values) if v == "c"]
                # every subtraction a reader can do with this relation
                tried += 1
                if len(hidden) == 1:
                    i = hidden[0]
                    visible = sum(v for j, v in enumerate(values[1:], 1) if j != i)
                    guess = values[0] - visible if i != 0 else sum(values[1:])
                    recovered += 1
                    problems.append(f"{m} {p}: {members[i]} = {guess} recovered from {members[0]}'s row or column")
                # with primary suppression only (counts 1-5), would this relation give a cell away?
                if sum(1 for v in true if 1 <= v <= 5) == 1:
                    primary_leaks += 1
            for k in keys:
                v, t = cell[(k, p)].get(m), truth[(k, p)].get(m)
                if t is None:
                    continue
                if 1 <= t <= 5 and v != "c":
                    problems.append(f"{m} {p} {k}: {t} shown")
                if v == "c":
                    hidden_cells += 1
                    secondary += not (1 <= t <= 5)
                elif v != t:
                    problems.append(f"{m} {p} {k}: shown {v}, unsuppressed {t}")
    # a visible percentage with a visible denominator gives its numerator back
    all_keys = tuple([""] * n)
    for (k, p), r in cell.items():
        share = r.get("rereferral_share_percent")
        if share not in (None, "c") and r.get("rereferral_count") == "c" and cell[(all_keys, p)]["rereferral_count"] != "c":
            problems.append(f"rereferral_share_percent {p} {k}: rereferral_count recovered from the share")
        for d, (num, den) in DERIVED.items():
            if d in r and r.get(num) == "c" and r[d] != "c" and r[d] is not None and r.get(den) != "c":
                problems.append(f"{d} {p} {k}: {num} recovered from {d} and {den}")
    print(f"{len(keys)} groups x {len(periods)} periods; {tried} subtractions tried, {recovered} recovered; "
          f"{hidden_cells} cells hidden ({secondary} by secondary suppression); "
          f"primary suppression alone would give away {primary_leaks}")
    if primary_leaks == 0 or secondary == 0:
        problems.append("the data does not exercise secondary suppression")
    if tried == 0:
        problems.append("no subtraction tried")
    for pr in problems:
        print("FAIL:", pr)
    sys.exit(1 if problems else 0)


main()
