/// @file
/// @brief `csc::service_level`: the ordered levels of children's social care
/// service used by timelines and step-down tracking (docs/rules/stepdown.md).
#ifndef CSC_EPISODE_SERVICE_LEVEL_HPP
#define CSC_EPISODE_SERVICE_LEVEL_HPP

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace csc {

/// @brief A level of service, lowest to highest (csc-metrics definition,
/// docs/rules/stepdown.md). The enumerators compare in that order.
enum class service_level : std::uint8_t {
  none,         ///< no episode covers the day
  early_help,   ///< an early help episode
  cin,          ///< an open referral (CIN) episode without a plan
  cin_plan,     ///< a child in need plan
  cp_plan,      ///< a child protection plan
  looked_after  ///< looked after by the local authority
};

/// @brief Number of service_level values (for arrays indexed by level).
inline constexpr std::size_t service_level_count = 6;

/// @brief The level's name, e.g. "cin_plan" (docs/rules/stepdown.md).
/// @param l the service level.
/// @return its name; "invalid" for a value outside the enum.
constexpr std::string_view to_string(service_level l) noexcept {
  switch (l) {
    case service_level::none: return "none";
    case service_level::early_help: return "early_help";
    case service_level::cin: return "cin";
    case service_level::cin_plan: return "cin_plan";
    case service_level::cp_plan: return "cp_plan";
    case service_level::looked_after: return "looked_after";
  }
  return "invalid";
}

/// @brief The level's plain-language label for human formats (the JSON keeps
/// to_string()), e.g. "CP plan". Source: docs/rules/stepdown.md (levels).
/// @param l the level.
/// @return its label.
constexpr std::string_view label_of(service_level l) noexcept {
  switch (l) {
    case service_level::none: return "none";
    case service_level::early_help: return "early help";
    case service_level::cin: return "CIN (referral open)";
    case service_level::cin_plan: return "CIN plan";
    case service_level::cp_plan: return "CP plan";
    case service_level::looked_after: return "looked after";
  }
  return "invalid";
}

}  // namespace csc

#endif  // CSC_EPISODE_SERVICE_LEVEL_HPP
