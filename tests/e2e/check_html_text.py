"""Runs csc-report --format html for a single period (no --series) and checks
the page (csc-report e2e test): it parses as XML and starts with <!DOCTYPE
html>, loads nothing from outside, and its <pre> holds exactly what --format
table prints for the same arguments, so the page gives the same figures.

Usage: python3 check_html_text.py PROGRAM ARGS...
"""
import subprocess
import sys
import xml.etree.ElementTree as ET


def run(fmt):
    r = subprocess.run(sys.argv[1:] + ["--format", fmt], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("csc-report --format %s failed (%d): %s" % (fmt, r.returncode, r.stderr))
    return r.stdout


page, table = run("html"), run("table")
if not page.startswith("<!DOCTYPE html>\n<html"):
    sys.exit("check_html_text: the page does not start with <!DOCTYPE html>")
root = ET.fromstring(page[len("<!DOCTYPE html>\n"):])
if root.findall(".//script") or any(e.get(a, "").startswith(("http:", "https:", "//"))
                                    for e in root.iter() for a in ("href", "src")):
    sys.exit("check_html_text: the page loads something from outside")
pre = root.findall(".//pre")
if len(pre) != 1 or pre[0].text != "\n" + table:
    sys.exit("check_html_text: the page's <pre> is not the --format table report")
print("check_html_text: well-formed, the same %d lines as --format table" % table.count("\n"))
