"""Checks that code shown in the docs is code that is built and run.

A Markdown code block preceded by the line `<!-- snippet: PATH -->` must be,
line for line (ignoring a common indentation), a contiguous part of the file
PATH (relative to the repository root). Used for README.md and the docs pages
whose examples are programs under examples/.

Usage: python3 docs/check_snippets.py ROOT   (exit 1 on any difference)
"""
import os
import re
import sys

root = os.path.abspath(sys.argv[1])
marker = re.compile(r"^<!-- snippet: (\S+) -->$")


def dedent(lines):
    indents = [len(l) - len(l.lstrip()) for l in lines if l.strip()]
    cut = min(indents) if indents else 0
    return [l[cut:].rstrip() for l in lines]


def contains(haystack, needle):
    n = len(needle)
    for start in range(len(haystack) - n + 1):
        window = haystack[start:start + n]
        if dedent(window) == needle:
            return True
    return False


pages = [os.path.join(root, "README.md")]
for folder, _, files in os.walk(os.path.join(root, "docs")):
    pages += [os.path.join(folder, f) for f in files if f.endswith(".md")]

failures, checked = [], 0
for page in sorted(pages):
    lines = open(page, encoding="utf-8").read().split("\n")
    for i, line in enumerate(lines):
        m = marker.match(line)
        if not m:
            continue
        where = "%s:%d" % (os.path.relpath(page, root), i + 1)
        if i + 1 >= len(lines) or not lines[i + 1].startswith("```"):
            failures.append("%s: snippet marker not followed by a code block" % where)
            continue
        end = next((j for j in range(i + 2, len(lines)) if lines[j].startswith("```")), None)
        if end is None:
            failures.append("%s: unterminated code block" % where)
            continue
        source = os.path.join(root, m.group(1))
        if not os.path.isfile(source):
            failures.append("%s: %s does not exist" % (where, m.group(1)))
            continue
        block = dedent(lines[i + 2:end])
        if not contains(open(source, encoding="utf-8").read().split("\n"), block):
            failures.append("%s: code block is not a verbatim part of %s" % (where, m.group(1)))
        checked += 1

for f in failures:
    print("check_snippets: " + f, file=sys.stderr)
if failures:
    sys.exit(1)
if checked == 0:
    print("check_snippets: no snippet markers found", file=sys.stderr)
    sys.exit(1)
print("check_snippets: %d code blocks match their source files" % checked)
