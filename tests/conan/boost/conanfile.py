# Test-only stand-in for Conan Center's boost package: Debian's installed Boost
# headers (libboost-date-time-dev, /usr/include) under Conan Center's names, so
# that the csc-metrics recipe resolves offline. Not for publication.
# Conan Center's boost: find_package(Boost), targets Boost::boost and
# Boost::headers (component "headers"), pkg-config name "boost" for that
# component. The version is read from /usr/include/boost/version.hpp.
# SPDX-License-Identifier: BSL-1.0
import os
import re

from conan import ConanFile
from conan.errors import ConanException
from conan.tools.files import copy, load

required_conan_version = ">=2.0"


class DebianBoostConan(ConanFile):
    name = "boost"
    description = "Debian's installed Boost headers under Conan Center's boost names (test only)"
    license = "BSL-1.0"
    package_type = "header-library"
    settings = "os", "arch", "compiler", "build_type"
    version_header = "/usr/include/boost/version.hpp"

    def set_version(self):
        found = re.search(r"#define BOOST_VERSION (\d+)", load(self, self.version_header))
        if not found:
            raise ConanException("%s: BOOST_VERSION not found" % self.version_header)
        number = int(found.group(1))
        self.version = "%d.%d.%d" % (number // 100000, number // 100 % 1000, number % 100)

    def package_id(self):
        self.info.clear()

    def package(self):
        # Debian's copyright file for its Boost headers (libboost1.NN-dev) as the licence.
        copy(self, "copyright", "/usr/share/doc/libboost%s-dev" % ".".join(str(self.version).split(".")[:2]),
             os.path.join(self.package_folder, "licenses"))

    def package_info(self):
        # The headers are in /usr/include, on every compiler's default path:
        # no include, lib or bin directory of the package's own.
        self.cpp_info.set_property("cmake_file_name", "Boost")
        self.cpp_info.set_property("cmake_target_name", "Boost::boost")
        self.cpp_info.includedirs = []
        self.cpp_info.libdirs = []
        self.cpp_info.bindirs = []
        headers = self.cpp_info.components["headers"]
        headers.set_property("cmake_target_name", "Boost::headers")
        headers.set_property("pkg_config_name", "boost")
        headers.includedirs = []
        headers.libdirs = []
        headers.bindirs = []
