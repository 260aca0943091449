"""Runs csc-report --format html and checks the page (csc-report e2e test).

The page must parse as XML (so it is well-formed; it is also HTML5: it starts
with <!DOCTYPE html>), load nothing from outside (no script, no external
href or src), hold one SVG chart per measure column of its figures table,
each chart with a <title>, a title on each axis and at least one plotted point,
and its figures table (split into parts of at most 8 figure columns, each with
every row) must have one row per period (and group).

Usage: python3 check_html.py EXPECTED_CHARTS EXPECTED_ROWS PROGRAM ARGS...
"""
import subprocess
import sys
import xml.etree.ElementTree as ET

expected_charts, expected_rows = int(sys.argv[1]), int(sys.argv[2])
run = subprocess.run(sys.argv[3:], capture_output=True, text=True)
if run.returncode != 0:
    sys.exit("csc-report failed (%d): %s" % (run.returncode, run.stderr))
page = run.stdout
if not page.startswith("<!DOCTYPE html>\n<html"):
    sys.exit("the page does not start with <!DOCTYPE html>")
root = ET.fromstring(page[len("<!DOCTYPE html>\n"):])
svg = "{http://www.w3.org/2000/svg}"
charts = root.findall(".//" + svg + "svg")
failures = []
if len(charts) != expected_charts:
    failures.append("%d charts, expected %d" % (len(charts), expected_charts))
measures = [c.get("data-measure") for c in charts]
if len(set(measures)) != len(measures):
    failures.append("a measure has two charts: %s" % measures)
for c in charts:
    if c.find(svg + "title") is None:
        failures.append("chart %s has no title" % c.get("data-measure"))
    axis_titles = [t for t in c.iter(svg + "text") if "axis-title" in t.get("class", "") and (t.text or "").strip()]
    if len(axis_titles) != 2:
        failures.append("chart %s has %d axis titles, expected 2" % (c.get("data-measure"), len(axis_titles)))
    if not c.findall(".//" + svg + "circle"):
        failures.append("chart %s plots no point" % c.get("data-measure"))
if root.findall(".//script"):
    failures.append("the page has a script")
for e in root.iter():
    for attr in ("href", "src"):
        if e.get(attr, "").startswith(("http:", "https:", "//")):
            failures.append("the page loads %s" % e.get(attr))
tables = root.findall(".//table[@class='figures']") or root.findall(".//table")
if not tables:
    failures.append("no figures table")
else:
    # A wide figures table is split into several (each fits A4 landscape): their columns
    # together; a measure's header is its label, its name in data-measure.
    head = [th.get("data-measure") or "".join(th.itertext()) for t in tables for th in t.find("thead").iter("th")]
    rows = tables[0].find("tbody").findall("tr")
    for t in tables[1:]:
        if len(t.find("tbody").findall("tr")) != len(rows):
            failures.append("the parts of the figures table have different rows")
    if len(rows) != expected_rows:
        failures.append("figures table has %d rows, expected %d" % (len(rows), expected_rows))
    for m in measures:
        if m not in head:
            failures.append("chart %s has no column in the figures table" % m)
if failures:
    sys.exit("check_html: " + "; ".join(failures))
print("check_html: %d charts, %d rows, well-formed" % (len(charts), expected_rows))
