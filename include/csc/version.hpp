/// @file
/// @brief The csc-metrics version: the one place it is written. CMake
/// (`project(VERSION)`), the pkg-config file and the Conan recipe all read it
/// from here.
#ifndef CSC_VERSION_HPP
#define CSC_VERSION_HPP

/// @brief Major version: changes when a counting rule or an API changes incompatibly.
#define CSC_METRICS_VERSION_MAJOR 0
/// @brief Minor version: new measures or options, same results for existing calls.
#define CSC_METRICS_VERSION_MINOR 1
/// @brief Patch version: fixes that leave every documented rule as it was.
#define CSC_METRICS_VERSION_PATCH 0
/// @brief The version as one number, `major * 10000 + minor * 100 + patch`, for `#if`.
#define CSC_METRICS_VERSION \
  (CSC_METRICS_VERSION_MAJOR * 10000 + CSC_METRICS_VERSION_MINOR * 100 + CSC_METRICS_VERSION_PATCH)

#endif  // CSC_VERSION_HPP
