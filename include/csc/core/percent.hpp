/// @file
/// @brief `csc::percent`: an exact percentage, unrounded (presentation
/// rounding is csc::format_percent in report/percent.hpp; docs/rules/rates.md).
#ifndef CSC_CORE_PERCENT_HPP
#define CSC_CORE_PERCENT_HPP

#include <cstddef>
#include <optional>

namespace csc {

/// @brief 100 * @p part / @p whole, unrounded.
/// @param part  the count of the numerator.
/// @param whole the count of the denominator.
/// @return the percentage (0-100 for part <= whole); std::nullopt when @p whole
///         is 0 (csc-report's JSON writes `null`).
constexpr std::optional<double> percent(std::size_t part, std::size_t whole) noexcept {
  if (whole == 0) return std::nullopt;
  return 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace csc

#endif  // CSC_CORE_PERCENT_HPP
