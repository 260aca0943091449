# A project that uses the csc-metrics package from the Conan cache, as a user
# would: `conan install` writes CMakeDeps, CMakeToolchain and PkgConfigDeps
# files, then CMake (CMakeLists.txt here) or pkg-config builds against them
# (tests/conan/run.sh). generate() also writes what the package declares
# (cpp_info of the package and its components) to csc-metrics-cpp_info.json
# for tests/conan/check_package.py.
# SPDX-License-Identifier: BSL-1.0
import json
import os
import re

from conan import ConanFile
from conan.tools.files import load, save


class CscMetricsConsumer(ConanFile):
    settings = "os", "arch", "compiler", "build_type"
    generators = "CMakeDeps", "CMakeToolchain", "PkgConfigDeps"

    def requirements(self):
        # The version the headers of this checkout declare, as the recipe reads it.
        header = load(self, os.path.join(self.recipe_folder, "..", "..", "..", "include", "csc", "version.hpp"))
        version = ".".join(re.search(r"#define CSC_METRICS_VERSION_%s (\d+)" % part, header).group(1)
                           for part in ("MAJOR", "MINOR", "PATCH"))
        self.requires("csc-metrics/%s" % version)

    def generate(self):
        def describe(info):
            return {"includedirs": info.includedirs, "libdirs": info.libdirs, "bindirs": info.bindirs,
                    "libs": info.libs, "system_libs": info.system_libs, "requires": info.requires,
                    "properties": {name: info.get_property(name)
                                   for name in ("cmake_file_name", "cmake_target_name", "pkg_config_name")}}
        dep = self.dependencies["csc-metrics"]
        save(self, os.path.join(self.generators_folder, "csc-metrics-cpp_info.json"), json.dumps({
            "package_folder": dep.package_folder,
            "root": describe(dep.cpp_info),
            "components": {name: describe(c) for name, c in dep.cpp_info.components.items()}}, indent=1))
