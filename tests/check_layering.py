#!/usr/bin/env python3
"""Fails when a public header includes a header of a room above its own.

The rooms of include/csc, lowest first (README "Layout"): a header may include
headers of its own room and of rooms below it, never above. csc/metrics.hpp
(the umbrella) and csc/version.hpp are outside the rooms.
Usage: check_layering.py INCLUDE_DIR
"""
import pathlib
import re
import sys

ROOMS = ["core", "calendar", "episode", "io", "checks", "measure", "report"]
INCLUDE = re.compile(r'^\s*#\s*include\s*<csc/([^>]+)>', re.M)


def room_of(path: str):
    head = path.split("/", 1)[0]
    return ROOMS.index(head) if head in ROOMS else None


def main() -> int:
    root = pathlib.Path(sys.argv[1]) / "csc"
    problems = []
    headers = sorted(root.rglob("*.hpp"))
    for header in headers:
        rel = header.relative_to(root).as_posix()
        own = room_of(rel)
        if own is None and rel not in ("metrics.hpp", "version.hpp"):
            problems.append(f"{rel}: not in a room ({', '.join(ROOMS)})")
            continue
        if own is None:
            continue
        for included in INCLUDE.findall(header.read_text(encoding="utf-8")):
            other = room_of(included)
            if other is None:
                if included != "version.hpp":
                    problems.append(f"{rel}: includes csc/{included}, which is not in a room")
            elif other > own:
                problems.append(f"{rel} ({ROOMS[own]}) includes csc/{included} ({ROOMS[other]}), a room above its own")
    for p in problems:
        print(p)
    print(f"{len(headers)} headers checked against the rooms {' < '.join(ROOMS)}: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
