#!/usr/bin/env python3
"""Runs every recipe of docs/cookbook.md and checks its output against the page.

A recipe is a ```sh block whose first line starts with `csc-report`, followed
(after any prose) by a ```text block: the output the page shows. The command
runs in a working folder holding `synth/` (csc-synth's returns, made here with
the command the page gives) and `dfe/` (DfE's published tables); `csc-report`
is the binary under test. A recipe that writes `--output FILE` is checked on
that file instead of standard output.

Usage: run_cookbook.py PAGE CSC_REPORT CSC_SYNTH DFE_DIR WORK_DIR [--update]
With --update the page's output blocks are rewritten from the runs.
"""
import os
import re
import shlex
import shutil
import subprocess
import sys

FENCE = re.compile(r"```(sh|text)\n(.*?)```\n", re.S)


def recipes(page):
    """(command block match, output block match) pairs, in page order."""
    blocks = list(FENCE.finditer(page))
    pairs = []
    for i, b in enumerate(blocks):
        if b.group(1) == "sh" and b.group(2).lstrip().startswith("csc-report"):
            if i + 1 >= len(blocks) or blocks[i + 1].group(1) != "text":
                sys.exit(f"cookbook: the recipe at offset {b.start()} has no ```text output block after it")
            pairs.append((b, blocks[i + 1]))
    return pairs


def synth_command(page):
    m = re.search(r"```sh\n(csc-synth [^\n]*)\n```", page)
    if not m:
        sys.exit("cookbook: the page gives no csc-synth command")
    return m.group(1)


def run(argv, cwd):
    return subprocess.run(argv, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def main():
    args = [a for a in sys.argv[1:] if a != "--update"]
    update = "--update" in sys.argv[1:]
    page_path, report, synth, dfe_dir, work = args
    page = open(page_path, encoding="utf-8").read()
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    os.symlink(os.path.abspath(dfe_dir), os.path.join(work, "dfe"))
    made = run([synth] + shlex.split(synth_command(page))[1:], work)
    if made.returncode != 0:
        sys.exit(f"cookbook: csc-synth failed: {made.stderr}")

    failures = []
    replacements = []
    pairs = recipes(page)
    if len(pairs) < 5:
        failures.append(f"the page has {len(pairs)} recipes; it must have one per seed table")
    env = dict(os.environ, PATH=os.path.dirname(os.path.abspath(report)) + os.pathsep + os.environ["PATH"])
    for command, shown in pairs:
        text = command.group(2)
        argv = shlex.split(text.replace("\\\n", " "))
        result = subprocess.run(["bash", "-c", text], cwd=work, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        if result.returncode != 0:
            failures.append(f"{text.strip()}\n  exit {result.returncode}: {result.stderr.strip()}")
            continue
        out = result.stdout
        if "--output" in argv:
            target = argv[argv.index("--output") + 1]
            if not target.endswith((".xlsx", ".html")):
                out = open(os.path.join(work, target), encoding="utf-8").read()
            elif os.path.getsize(os.path.join(work, target)) > 0:
                out = f"(writes {target})\n"  # checked by its own tests (xlsx, HTML); here: written, not empty
        if out != shown.group(2):
            if update:
                replacements.append((shown.start(2), shown.end(2), out))
            else:
                failures.append(f"{text.strip()}\n  output differs from the page; run with --update and review the diff")
    if update and replacements:
        for start, end, out in reversed(replacements):
            page = page[:start] + out + page[end:]
        open(page_path, "w", encoding="utf-8").write(page)
        print(f"cookbook: rewrote {len(replacements)} output blocks")
    if failures:
        print("\n".join(failures), file=sys.stderr)
        sys.exit(1)
    print(f"cookbook: {len(pairs)} recipes ran and gave the page's output")


if __name__ == "__main__":
    main()
