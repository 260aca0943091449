"""Round trip: csc-synth -> CIN census XML (and CSV) -> csc-report -> figures.

1. Clean data (no faults): the merged returns pass every DfE check with no
   finding, and for every financial year csc-report's C1 and D3 figures, read
   from the XML returns and from the CSV extracts, equal the generator's own
   counts (truth.json), which it keeps from the journeys themselves.
2. Faults (--faults RATE): --check finds exactly the injected faults: the same
   (rule, child) pairs, no more, no fewer.

Usage: python3 synth_round_trip.py CSC_SYNTH CSC_REPORT WORK_DIR [CHILDREN]
"""
import collections
import json
import os
import shutil
import subprocess
import sys

synth, report, work = sys.argv[1:4]
children = sys.argv[4] if len(sys.argv) > 4 else "10000"
first_year, years = 2019, 3
shutil.rmtree(work, ignore_errors=True)


def run(args):
    r = subprocess.run(args, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("%s failed (%d): %s" % (" ".join(args[:3]), r.returncode, r.stderr))
    return r.stdout


def returns(d):
    args = []
    for y in range(years):
        args += ["--cin-census", os.path.join(d, "cin_census_%d.xml" % (first_year + y + 1))]
    return args


failures = []
clean = os.path.join(work, "clean")
run([synth, "--children", children, "--first-year", str(first_year), "--years", str(years), "--out", clean, "--csv"])
truth = json.load(open(os.path.join(clean, "truth.json")))
check = json.loads(run([report] + returns(clean) + ["--check", "--format", "json"]))
if check["findings"]:
    failures.append("clean data has %d DfE check findings, e.g. %s" % (len(check["findings"]), check["findings"][0]))
csv_inputs = ["--referrals", os.path.join(clean, "referrals.csv"), "--cp-plans", os.path.join(clean, "cp_plans.csv")]
measures = ["referral_count", "rereferral_count", "no_further_action_count", "CPP_start", "CPP_subsequent",
            "CPP_subsequent_within_2y"]
for y in truth["years"]:
    for route, inputs in (("xml", returns(clean)), ("csv", csv_inputs)):
        got = json.loads(run([report] + inputs + ["--period", y["period"], "--format", "json"]))
        for m in measures:
            if got[m] != y[m]:
                failures.append("%s %s %s: csc-report %s, generator %s" % (route, y["period"], m, got[m], y[m]))
    print("%s: %d referrals, %.1f%% re-referrals, %.1f%% NFA, %d CP plans, %.1f%% second or subsequent: as generated"
          % (y["period"], y["referral_count"], 100.0 * y["rereferral_count"] / y["referral_count"],
             100.0 * y["no_further_action_count"] / y["referral_count"], y["CPP_start"],
             100.0 * y["CPP_subsequent"] / max(1, y["CPP_start"])))

faulty = os.path.join(work, "faults")
run([synth, "--children", children, "--first-year", str(first_year), "--years", str(years), "--out", faulty,
     "--faults", "0.02", "--seed", "7"])
injected = collections.Counter((f["rule"], f["child"]) for f in json.load(open(os.path.join(faulty, "truth.json")))["faults"])
found = collections.Counter((f["rule"], f["child"])
                            for f in json.loads(run([report] + returns(faulty) + ["--check", "--format", "json"]))["findings"])
if not injected:
    failures.append("no fault was injected")
if injected != found:
    failures.append("injected faults not found: %s; findings not injected: %s"
                    % (sorted((injected - found).items())[:5], sorted((found - injected).items())[:5]))
print("faults: %d injected (%s), %d found" % (sum(injected.values()),
                                               dict(collections.Counter(r for r, _ in injected.elements())),
                                               sum(found.values())))
if failures:
    sys.exit("synth_round_trip: " + "; ".join(failures[:10]))
