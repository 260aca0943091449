#!/usr/bin/env python3
"""Assembles csc-report.html: page.html with the worker (the emscripten module, then worker.js) and the
bundled DfE tables (with their README as provenance) inside, so that the page is one file that works
from file://. Usage: assemble.py PAGE WORKER MODULE DFE_DIR VERSION_HPP EXPAT_VERSION_FILE OUT"""
import json
import os
import re
import sys

page, worker, module, dfe_dir, version_hpp, expat_version, out = sys.argv[1:8]
source = open(module, encoding="utf-8").read() + "\n" + open(worker, encoding="utf-8").read()
# Inside <script type="text/plain"> the text ends at the first "</script"; "<!--" changes how it is parsed.
for bad in ("</script", "<!--"):
    if bad in source.lower():
        sys.exit(f"assemble.py: the worker source contains {bad!r}; it cannot be placed in the page")
bundle = []
for name in sorted(os.listdir(dfe_dir)):
    if name.endswith(".csv"):
        bundle.append({"name": name, "text": open(os.path.join(dfe_dir, name), encoding="utf-8").read()})
provenance = ""
readme = os.path.join(dfe_dir, "README.md")
if os.path.exists(readme):
    provenance = " ".join(l.strip() for l in open(readme, encoding="utf-8") if l.strip() and not l.startswith("#"))
version = ".".join(re.search(rf"CSC_METRICS_VERSION_{p} (\d+)", open(version_hpp).read()).group(1)
                   for p in ("MAJOR", "MINOR", "PATCH"))
html = open(page, encoding="utf-8").read()
esc = lambda s: s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
html = (html.replace("VERSION_PLACEHOLDER", version)
            .replace("EXPAT_PLACEHOLDER", esc(open(expat_version).read().strip()))
            .replace("DFE_PROVENANCE_PLACEHOLDER", esc(provenance or "none"))
            .replace("/*WORKER_SOURCE*/", source)
            .replace("/*DFE_BUNDLE*/", json.dumps(bundle).replace("<", "\\u003c")))
tmp = out + ".tmp"
with open(tmp, "w", encoding="utf-8") as f:
    f.write(html)
os.replace(tmp, out)
