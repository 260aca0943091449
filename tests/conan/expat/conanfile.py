# Test-only stand-in for Conan Center's expat package: Debian's installed expat
# (libexpat1-dev: /usr/include/expat.h, libexpat.so) under Conan Center's
# names, so that the csc-metrics recipe resolves offline. Not for publication.
# Conan Center's expat: find_package(expat) with target expat::expat (and the
# module FindEXPAT's EXPAT::EXPAT), pkg-config name "expat". The version is
# read from /usr/include/expat.h.
# SPDX-License-Identifier: BSL-1.0
import os
import re

from conan import ConanFile
from conan.errors import ConanException
from conan.tools.files import copy, load

required_conan_version = ">=2.0"


class DebianExpatConan(ConanFile):
    name = "expat"
    description = "Debian's installed expat under Conan Center's expat names (test only)"
    license = "MIT"
    package_type = "shared-library"
    settings = "os", "arch", "compiler", "build_type"
    version_header = "/usr/include/expat.h"

    def set_version(self):
        header = load(self, self.version_header)
        parts = []
        for part in ("MAJOR", "MINOR", "MICRO"):
            found = re.search(r"#define XML_%s_VERSION (\d+)" % part, header)
            if not found:
                raise ConanException("%s: XML_%s_VERSION not found" % (self.version_header, part))
            parts.append(found.group(1))
        self.version = ".".join(parts)

    def package_id(self):
        # A C library of the system: one binary per os and arch.
        del self.info.settings.compiler
        del self.info.settings.build_type

    def package(self):
        # Debian's copyright file for libexpat1 as the licence.
        copy(self, "copyright", "/usr/share/doc/libexpat1", os.path.join(self.package_folder, "licenses"))

    def package_info(self):
        self.cpp_info.set_property("cmake_find_mode", "both")
        self.cpp_info.set_property("cmake_module_file_name", "EXPAT")
        self.cpp_info.set_property("cmake_module_target_name", "EXPAT::EXPAT")
        self.cpp_info.set_property("cmake_file_name", "expat")
        self.cpp_info.set_property("cmake_target_name", "expat::expat")
        self.cpp_info.set_property("pkg_config_name", "expat")
        # expat.h is in /usr/include and libexpat.so in the linker's default
        # path: link by name, no directories of the package's own.
        self.cpp_info.includedirs = []
        self.cpp_info.libdirs = []
        self.cpp_info.bindirs = []
        self.cpp_info.system_libs = ["expat"]
