"""Checks what Conan made of the csc-metrics recipe (tests/conan/run.sh).

Reads the JSON that a real Conan run wrote and checks what a user of the
package depends on:
- the graph (conan graph info -f json, one file per profile, build type and
  C++ standard): csc-metrics at the version of include/csc/version.hpp, a
  BSL-1.0 header-library, with one package id for all of them, already in the
  cache (so no rebuild for another configuration), refused below C++17; Boost
  and expat required with transitive_headers (they appear in public headers),
  expat's library linked;
- the package folder: licenses/LICENSE (this checkout's) and every header of
  include/, nothing else (no lib/, no bin/) besides Conan's two metadata files;
- cpp_info as a consumer's generate() sees it: find_package(csc-metrics),
  components metrics (csc::metrics, csc-metrics.pc, requires boost::headers)
  and cin_census (csc::cin_census, csc-metrics-cin-census.pc, requires metrics
  and expat::expat), no lib or bin directory at package or component level.

Usage: python3 check_package.py SOURCE_ROOT CPP_INFO_JSON GRAPH_JSON...
(a GRAPH_JSON whose name contains "cxx14" must show the configuration refused)
Prints one line per check group; exits 1 with every failure listed.
"""
import json
import os
import re
import sys

root, cpp_info_path, graphs = sys.argv[1], sys.argv[2], sys.argv[3:]
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
    return condition


def report(first_failure, line):
    """Prints one group's line: ok, or how many of its checks failed (listed at the end)."""
    failed = len(failures) - first_failure
    print("%s: %s" % (line, "ok" if failed == 0 else "%d FAILED" % failed))


with open(os.path.join(root, "include", "csc", "version.hpp"), encoding="utf-8") as f:
    header = f.read()
version = ".".join(re.search(r"#define CSC_METRICS_VERSION_%s (\d+)" % part, header).group(1)
                   for part in ("MAJOR", "MINOR", "PATCH"))

# The graph, for each configuration.
start = len(failures)
package_ids = {}
for path in graphs:
    name = os.path.basename(path)
    with open(path, encoding="utf-8") as f:
        nodes = json.load(f)["graph"]["nodes"]
    by_name = {n["name"]: n for n in nodes.values() if n.get("name")}
    node = by_name.get("csc-metrics")
    if not check(node is not None, "%s: no csc-metrics node" % name):
        continue
    check(node["version"] == version, "%s: csc-metrics/%s, include/csc/version.hpp says %s"
          % (name, node["version"], version))
    check(node["license"] == "BSL-1.0" and node["package_type"] == "header-library",
          "%s: license %s, package_type %s (expected BSL-1.0, header-library)"
          % (name, node["license"], node["package_type"]))
    if "cxx14" in name:
        check(node["binary"] == "Invalid" and "17" in (node.get("info_invalid") or ""),
              "%s: C++14 not refused (binary %s, %s)" % (name, node["binary"], node.get("info_invalid")))
        continue
    package_ids[name] = node["package_id"]
    check(node["binary"] == "Cache", "%s: binary %s, expected the package already in the cache"
          % (name, node["binary"]))
    deps = {d["ref"].split("/")[0]: d for d in node["dependencies"].values() if d.get("direct")}
    check(sorted(deps) == ["boost", "expat"], "%s: direct requirements %s, expected boost and expat"
          % (name, sorted(deps)))
    for dep in ("boost", "expat"):
        if dep in deps:
            check(deps[dep]["headers"] and deps[dep]["transitive_headers"],
                  "%s: %s must be required with its headers, transitive_headers=True: %s" % (name, dep, deps[dep]))
    if "expat" in deps:
        check(deps["expat"]["libs"], "%s: expat's library is not linked" % name)
check(len(set(package_ids.values())) == 1, "the package id depends on the configuration: %s" % package_ids)
report(start, "graph: csc-metrics/%s, package id %s for all %d configurations (%s), C++14 refused"
       % (version, " ".join(sorted(set(package_ids.values()))), len(package_ids),
          ", ".join(sorted(n[:-len(".json")] for n in package_ids))))

# The package folder.
start = len(failures)
with open(cpp_info_path, encoding="utf-8") as f:
    cpp_info = json.load(f)
package = cpp_info["package_folder"]
packaged = sorted(os.path.relpath(os.path.join(d, f), package) for d, _, fs in os.walk(package) for f in fs)
headers = sorted(os.path.join("include", os.path.relpath(os.path.join(d, f), os.path.join(root, "include")))
                 for d, _, fs in os.walk(os.path.join(root, "include")) for f in fs if f.endswith(".hpp"))
expected = sorted(headers + [os.path.join("licenses", "LICENSE"), "conaninfo.txt", "conanmanifest.txt"])
check(packaged == expected, "package files differ from LICENSE + include/*.hpp: missing %s, extra %s"
      % (sorted(set(expected) - set(packaged)), sorted(set(packaged) - set(expected))))
if os.path.isfile(os.path.join(package, "licenses", "LICENSE")):
    with open(os.path.join(package, "licenses", "LICENSE"), "rb") as a, open(os.path.join(root, "LICENSE"), "rb") as b:
        check(a.read() == b.read(), "licenses/LICENSE is not this checkout's LICENSE")
report(start, "package: licenses/LICENSE and %d headers, no lib/ or bin/" % len(headers))

# cpp_info, as a consumer sees it.
start = len(failures)
include = [os.path.join(package, "include")]
top = cpp_info["root"]
check(top["properties"]["cmake_file_name"] == "csc-metrics",
      "cmake_file_name %s: find_package(csc-metrics) would fail" % top["properties"]["cmake_file_name"])
expected_components = {
    "metrics": ("csc::metrics", "csc-metrics", ["boost::headers"]),
    "cin_census": ("csc::cin_census", "csc-metrics-cin-census", ["metrics", "expat::expat"]),
}
check(sorted(cpp_info["components"]) == sorted(expected_components),
      "components %s, expected %s" % (sorted(cpp_info["components"]), sorted(expected_components)))
for name, info in [("package", top)] + sorted(cpp_info["components"].items()):
    check(info["libdirs"] == [] and info["bindirs"] == [] and info["libs"] == [],
          "%s: a header-only package declares no lib or bin directory or library: libdirs %s, bindirs %s, libs %s"
          % (name, info["libdirs"], info["bindirs"], info["libs"]))
    check(info["includedirs"] == include, "%s: includedirs %s, expected %s" % (name, info["includedirs"], include))
for name, (target, pc, requires) in expected_components.items():
    info = cpp_info["components"].get(name)
    if info is None:
        continue
    got = (info["properties"]["cmake_target_name"], info["properties"]["pkg_config_name"], sorted(info["requires"]))
    check(got == (target, pc, sorted(requires)), "component %s: target %s, pkg-config %s, requires %s; expected %s, %s, %s"
          % ((name,) + got + (target, pc, sorted(requires))))
report(start, "cpp_info: find_package(csc-metrics), csc::metrics (boost::headers), "
       "csc::cin_census (metrics, expat::expat), no lib or bin directories")

if failures:
    print("check_package: %d failure(s):\n  %s" % (len(failures), "\n  ".join(failures)), file=sys.stderr)
    sys.exit(1)
