// Test helpers for timelines: a host episode record and short constructors.
#ifndef CSC_TESTS_EPISODE_FIXTURE_HPP
#define CSC_TESTS_EPISODE_FIXTURE_HPP

#include <csc/episode/timeline.hpp>

#include "test_dates.hpp"

#include <optional>
#include <string>
#include <vector>

namespace csc_test {

struct episode {
  std::string child;
  csc::civil_date start;
  std::optional<csc::civil_date> end;
};

inline std::optional<csc::civil_date> od(const char* iso) { return cd(iso); }
inline constexpr std::nullopt_t open = std::nullopt;
inline csc::day sd(const char* iso) { return csc::day(cd(iso)); }

inline auto source(const std::vector<episode>& v, csc::service_level level) {
  return csc::episodes(v, level, &episode::child, &episode::start, &episode::end);
}

}  // namespace csc_test

#endif
