"""Checks the Conan 2 recipe without Conan (not installable on the CI machines).

Byte-compiles conanfile.py and test_package/conanfile.py, then loads the
recipe against minimal stand-ins for the `conan` modules it imports and runs
set_version(), export_sources(), package() and package_info() on a scratch
folder, checking what a Conan user depends on: the version equals
include/csc/version.hpp, the package holds every public header and the
licence, cpp_info has no lib/bin dirs, and CMakeDeps would generate
csc-metricsConfig.cmake with targets csc::metrics and csc::cin_census. The stand-ins implement
only what the recipe calls; a call to anything else fails the check.

Usage: python3 tests/consumers/check_conanfile.py WORK_DIR
"""
import importlib.util
import os
import py_compile
import re
import shutil
import sys
import types

root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
work = os.path.abspath(sys.argv[1])


def fail(message):
    print("check_conanfile: " + message, file=sys.stderr)
    sys.exit(1)


for recipe in ("conanfile.py", os.path.join("test_package", "conanfile.py")):
    py_compile.compile(os.path.join(root, recipe), cfile=os.path.join(work, "pyc", recipe + "c"), doraise=True)


def copy(conanfile, pattern, src, dst):
    # As conan.tools.files.copy: the pattern is matched against the path
    # relative to src ("LICENSE" matches only src/LICENSE; "*.hpp" any depth).
    import fnmatch
    # Never walk into this check's own scratch folder (it may lie inside src).
    skip = work if not os.path.abspath(src).startswith(work) else os.path.abspath(dst)
    for folder, subfolders, files in os.walk(src):
        subfolders[:] = [d for d in subfolders if not os.path.abspath(os.path.join(folder, d)).startswith(skip)]
        for name in files:
            rel = os.path.relpath(os.path.join(folder, name), src)
            if fnmatch.fnmatch(rel, pattern):
                os.makedirs(os.path.dirname(os.path.join(dst, rel)), exist_ok=True)
                shutil.copy2(os.path.join(folder, name), os.path.join(dst, rel))


def load(conanfile, path):
    with open(path, encoding="utf-8") as f:
        return f.read()


class CppInfo:
    def __init__(self):
        self.bindirs, self.libdirs, self.includedirs = ["bin"], ["lib"], ["include"]
        self.requires, self.properties = [], {}
        self.components = Components()

    def set_property(self, name, value):
        self.properties[name] = value


class Components(dict):
    def __missing__(self, key):
        self[key] = CppInfo()
        return self[key]


class ConanFile:
    def __init__(self):
        self.cpp_info = CppInfo()
        self.requirements_seen = []

    def requires(self, reference, **traits):
        self.requirements_seen.append((reference, traits))


stubs = {
    "conan": types.ModuleType("conan"),
    "conan.tools": types.ModuleType("conan.tools"),
    "conan.tools.build": types.ModuleType("conan.tools.build"),
    "conan.tools.files": types.ModuleType("conan.tools.files"),
    "conan.tools.layout": types.ModuleType("conan.tools.layout"),
}
stubs["conan"].ConanFile = ConanFile
stubs["conan.tools.build"].check_min_cppstd = lambda conanfile, version: None
stubs["conan.tools.files"].copy = copy
stubs["conan.tools.files"].load = load
stubs["conan.tools.layout"].basic_layout = lambda conanfile, src_folder=".": None
sys.modules.update(stubs)

spec = importlib.util.spec_from_file_location("recipe", os.path.join(root, "conanfile.py"))
recipe_module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(recipe_module)
recipe = recipe_module.CscMetricsConan()

header = load(None, os.path.join(root, "include", "csc", "version.hpp"))
expected_version = ".".join(re.search(r"#define CSC_METRICS_VERSION_%s (\d+)" % p, header).group(1)
                            for p in ("MAJOR", "MINOR", "PATCH"))
recipe.recipe_folder = root
recipe.set_version()
if recipe.version != expected_version:
    fail("version %s, include/csc/version.hpp says %s" % (recipe.version, expected_version))
if recipe.package_type != "header-library" or not recipe.no_copy_source or recipe.license != "BSL-1.0":
    fail("package_type, no_copy_source or license is not that of a BSL-1.0 header-only library")

recipe.export_sources_folder = os.path.join(work, "export_source")
recipe.export_sources()
recipe.source_folder = recipe.export_sources_folder
recipe.package_folder = os.path.join(work, "package")
recipe.package()
recipe.requirements()
recipe.package_info()

headers = sorted(os.path.relpath(os.path.join(d, f), os.path.join(root, "include"))
                 for d, _, fs in os.walk(os.path.join(root, "include")) for f in fs if f.endswith(".hpp"))
packaged = sorted(os.path.relpath(os.path.join(d, f), os.path.join(recipe.package_folder, "include"))
                  for d, _, fs in os.walk(os.path.join(recipe.package_folder, "include")) for f in fs)
if headers != packaged:
    fail("packaged headers differ from include/: %s" % sorted(set(headers) ^ set(packaged)))
if not os.path.isfile(os.path.join(recipe.package_folder, "licenses", "LICENSE")):
    fail("the package has no licenses/LICENSE")
info = recipe.cpp_info
if info.properties.get("cmake_file_name") != "csc-metrics":
    fail("CMakeDeps would not give find_package(csc-metrics): %s" % info.properties)
expected = {"metrics": ("csc::metrics", "csc-metrics", {"boost::headers"}),
            "cin_census": ("csc::cin_census", "csc-metrics-cin-census", {"metrics", "expat::expat"})}
if set(info.components) != set(expected):
    fail("components %s, expected %s" % (sorted(info.components), sorted(expected)))
for name, (target, pc, requires) in expected.items():
    comp = info.components[name]
    if comp.bindirs or comp.libdirs:
        fail("component %s: a header-only package must have no bindirs or libdirs" % name)
    if comp.properties.get("cmake_target_name") != target or comp.properties.get("pkg_config_name") != pc:
        fail("component %s: expected target %s and pkg-config %s, got %s" % (name, target, pc, comp.properties))
    if set(comp.requires) != requires:
        fail("component %s requires %s, expected %s" % (name, comp.requires, sorted(requires)))
for dep in ("boost/", "expat/"):
    if not any(ref.startswith(dep) and traits.get("transitive_headers") for ref, traits in recipe.requirements_seen):
        fail("%s must be required with transitive_headers=True" % dep.rstrip("/"))
print("conanfile.py: csc-metrics/%s, %d headers, targets csc::metrics and csc::cin_census, licence BSL-1.0: ok"
      % (recipe.version, len(packaged)))
