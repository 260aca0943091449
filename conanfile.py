# Conan 2 recipe for csc-metrics, a header-only library, in the shape Conan
# Center uses for header-only recipes. The version is read from
# include/csc/version.hpp, the one place it is written.
# SPDX-License-Identifier: BSL-1.0
import os
import re

from conan import ConanFile
from conan.errors import ConanException
from conan.tools.build import check_min_cppstd
from conan.tools.files import copy, load
from conan.tools.layout import basic_layout

required_conan_version = ">=2.0"


class CscMetricsConan(ConanFile):
    name = "csc-metrics"
    description = ("Exact counting rules for English children's social care performance "
                   "indicators: re-referrals, repeat child protection plans, step-down")
    license = "BSL-1.0"
    url = "https://github.com/csc-metrics/csc-metrics"
    homepage = "https://github.com/csc-metrics/csc-metrics"
    topics = ("children-social-care", "performance-indicators", "header-only", "dates", "intervals")
    package_type = "header-library"
    settings = "os", "arch", "compiler", "build_type"
    no_copy_source = True

    def set_version(self):
        header = load(self, os.path.join(self.recipe_folder, "include", "csc", "version.hpp"))
        parts = []
        for part in ("MAJOR", "MINOR", "PATCH"):
            found = re.search(r"#define CSC_METRICS_VERSION_%s (\d+)" % part, header)
            if not found:
                raise ConanException("include/csc/version.hpp: CSC_METRICS_VERSION_%s not found" % part)
            parts.append(found.group(1))
        version = ".".join(parts)
        # `--version` on the command line arrives here as self.version: the
        # headers say which version they are, so a different one is an error.
        if self.version is not None and str(self.version) != version:
            raise ConanException("--version %s, but include/csc/version.hpp says %s" % (self.version, version))
        self.version = version

    def export_sources(self):
        copy(self, "LICENSE", self.recipe_folder, self.export_sources_folder)
        copy(self, "*.hpp", os.path.join(self.recipe_folder, "include"),
             os.path.join(self.export_sources_folder, "include"))

    def layout(self):
        basic_layout(self, src_folder=".")

    def requirements(self):
        # Boost.Date_Time's gregorian calendar, used header-only, and expat for
        # the CIN census XML reader; both appear in public headers, hence
        # transitive_headers. The ranges are what the CMake build accepts
        # (Boost >= 1.74, expat 2 from 2.5), so the system's Boost and expat
        # (Debian 12: 1.74.0, 2.5.0) packaged locally satisfy them, as in
        # tests/conan (docs/packaging.md). Conan Center itself allows no range
        # for Boost (a recipe there pins one Boost release) and for expat only
        # [>=2.6.2 <3]; a submission there would use those.
        self.requires("boost/[>=1.74 <2]", transitive_headers=True)
        self.requires("expat/[>=2.5 <3]", transitive_headers=True)

    def package_id(self):
        self.info.clear()

    def validate(self):
        check_min_cppstd(self, 17)

    def build(self):
        pass

    def package(self):
        copy(self, "LICENSE", self.source_folder, os.path.join(self.package_folder, "licenses"))
        copy(self, "*.hpp", os.path.join(self.source_folder, "include"),
             os.path.join(self.package_folder, "include"))

    def package_info(self):
        self.cpp_info.set_property("cmake_file_name", "csc-metrics")
        # Headers only: no lib or bin directory, for the package as for each component.
        self.cpp_info.bindirs = []
        self.cpp_info.libdirs = []
        # csc::metrics: the counting rules (Boost headers only).
        metrics = self.cpp_info.components["metrics"]
        metrics.set_property("cmake_target_name", "csc::metrics")
        # The package's own name: PkgConfigDeps then writes this component's
        # csc-metrics.pc instead of a package-level one (components win).
        metrics.set_property("pkg_config_name", "csc-metrics")
        metrics.bindirs = []
        metrics.libdirs = []
        metrics.requires = ["boost::headers"]
        # csc::cin_census: plus the CIN census XML reader and DfE checks (expat).
        census = self.cpp_info.components["cin_census"]
        census.set_property("cmake_target_name", "csc::cin_census")
        census.set_property("pkg_config_name", "csc-metrics-cin-census")
        census.bindirs = []
        census.libdirs = []
        census.requires = ["metrics", "expat::expat"]
