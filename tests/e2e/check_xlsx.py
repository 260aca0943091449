"""Runs csc-report --format xlsx, --format csv --output-dir and --format csv with
the same arguments (csc-report e2e test, issue 15 item 6) and checks that they
give the same figures:

- the one-file CSV is the per-table files joined (series.csv, or with
  --layout wide the wide_MEASURE files as one table, then each comparison
  after a blank line, then data_quality.csv after a blank line when an input
  has anything to say), byte for byte, and contents.csv lists every file with
  its caption;
- the workbook (unzipped, its sheet XML and shared strings read) has one sheet
  per file in contents.csv's order, named after it; each sheet has the caption
  in A1, the header in row 3 (a measure by its label or name), frozen below the
  header, then exactly the CSV's cells: numbers where the CSV has numbers (equal
  values; counts formatted "#,##0", percentages and rates "#,##0.0"), text
  where it has text, nothing where it is empty.

Usage: python3 check_xlsx.py PROGRAM WORK_DIR ARGS...
"""
import csv
import io
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile

program, work, args = sys.argv[1], sys.argv[2], sys.argv[3:]
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)


def run(*extra):
    r = subprocess.run([program] + args + list(extra), capture_output=True)
    if r.returncode != 0:
        sys.exit("csc-report %s failed (%d): %s" % (" ".join(extra), r.returncode, r.stderr.decode()))
    return r.stdout


one_file = run("--format", "csv").decode()
out_dir = os.path.join(work, "tables")
run("--format", "csv", "--output-dir", out_dir)
book = os.path.join(work, "report.xlsx")
run("--format", "xlsx", "--output", book)

failures = []
with open(os.path.join(out_dir, "contents.csv"), newline="") as f:
    contents = list(csv.DictReader(f))
files = {c["file"]: open(os.path.join(out_dir, c["file"]), newline="").read() for c in contents}
if sorted(list(files) + ["contents.csv"]) != sorted(os.listdir(out_dir)):
    failures.append("--output-dir wrote %s, contents.csv lists %s" % (sorted(os.listdir(out_dir)), sorted(files)))
wide = [text for name, text in files.items() if name.startswith("wide_")]
if wide:  # --layout wide: the one-file CSV is the wide tables as one (a header, then each measure's lines)
    first = wide[0]
    series = first + "".join(text.split("\n", 1)[1] for text in wide[1:])
else:
    series = files["series.csv"]
joined = "\n".join([series] + [text for name, text in files.items() if name.startswith("comparison_")])
# An input with anything to say adds the data-quality table after a blank line
# (the one-file CSV has no notes to say it in).
with_quality = joined + "\n" + files.get("data_quality.csv", "")
if joined != one_file and with_quality != one_file:
    failures.append("the per-table CSV files joined differ from the one-file CSV")

ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
rel = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
z = zipfile.ZipFile(book)
strings = ["".join(t.text or "" for t in si.iter("{%s}t" % ns["m"]))
           for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", ns)]
styles = ET.fromstring(z.read("xl/styles.xml"))
formats = {n.get("numFmtId"): n.get("formatCode") for n in styles.findall("m:numFmts/m:numFmt", ns)}
xfs = [formats.get(x.get("numFmtId"), "General") for x in styles.findall("m:cellXfs/m:xf", ns)]
workbook = ET.fromstring(z.read("xl/workbook.xml"))
targets = {r.get("Id"): r.get("Target") for r in ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))}
sheets = [(s.get("name"), "xl/" + targets[s.get(rel)]) for s in workbook.findall("m:sheets/m:sheet", ns)]
if [s[0] for s in sheets] != [c["file"][:-4][:31] for c in contents]:
    failures.append("sheets %s, expected %s" % ([s[0] for s in sheets], [c["file"] for c in contents]))


def column(ref):
    n = 0
    for ch in re.match("[A-Z]+", ref).group(0):
        n = n * 26 + ord(ch) - 64
    return n - 1


checked = 0
for (name, part), entry in zip(sheets, contents):
    rows = {}
    root = ET.fromstring(z.read(part))
    for row in root.findall("m:sheetData/m:row", ns):
        cells = {}
        for c in row.findall("m:c", ns):
            v = c.find("m:v", ns)
            if c.get("t") == "s":
                cells[column(c.get("r"))] = ("text", strings[int(v.text)])
            elif v is not None:
                cells[column(c.get("r"))] = ("number", float(v.text), xfs[int(c.get("s", "0"))])
        rows[int(row.get("r"))] = cells
    pane = root.find("m:sheetViews/m:sheetView/m:pane", ns)
    if pane is None or pane.get("state") != "frozen" or pane.get("ySplit") != "3":
        failures.append("%s: the header is not frozen" % name)
    if rows.get(1, {}).get(0, ("", ""))[1] != entry["caption"]:
        failures.append("%s: caption %r, expected %r" % (name, rows.get(1, {}).get(0), entry["caption"]))
    table = list(csv.reader(io.StringIO(files[entry["file"]])))
    head = rows.get(3, {})
    if len(head) != len(table[0]):
        failures.append("%s: %d header cells, the CSV has %d" % (name, len(head), len(table[0])))
    for r, line in enumerate(table[1:]):
        got = rows.get(4 + r, {})
        for c, text in enumerate(line):
            cell = got.get(c)
            where = "%s!%s%d (%s)" % (name, chr(65 + c), 4 + r, table[0][c])
            if text == "":
                if cell is not None:
                    failures.append("%s: %r where the CSV is empty" % (where, cell))
            elif re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", text) and c > 0 and table[0][c] != "year":
                if cell is None or cell[0] != "number" or cell[1] != float(text):
                    failures.append("%s: %r, the CSV has %s" % (where, cell, text))
                elif cell[2] != ("#,##0.0" if "." in text else "#,##0") and not (cell[2] == "#,##0.0" and "." not in text):
                    failures.append("%s: format %s for %s" % (where, cell[2], text))
                elif re.search(r"_percent$|_rate_per_10000$", table[0][c]) and cell[2] != "#,##0.0":
                    failures.append("%s: a percentage or rate formatted %s" % (where, cell[2]))
            elif cell is None or cell[0] != "text" or cell[1] != (
                    text[1:] if text[:1] == "'" and text[1:2] in ("=", "+", "-", "@", "\t", "\r") else text):
                # CSV neutralises a formula-like cell with an apostrophe; xlsx writes it as text
                failures.append("%s: %r, the CSV has %r" % (where, cell, text))
            checked += 1
if failures:
    sys.exit("check_xlsx: %d problems:\n  %s" % (len(failures), "\n  ".join(failures[:40])))
print("check_xlsx: %d sheets, %d cells equal to the CSV tables; the CSV files joined equal the one-file CSV"
      % (len(sheets), checked))
