/// @file
/// @brief Percentages: exact in the API, rounded half away from zero to one
/// decimal place for presentation (docs/rules/rates.md).
#ifndef CSC_REPORT_PERCENT_HPP
#define CSC_REPORT_PERCENT_HPP

#include <csc/core/percent.hpp>
#include <csc/report/rate.hpp>

#include <cstddef>
#include <optional>
#include <string>

namespace csc {

/// @brief 100 * @p part / @p whole rounded half away from zero to one decimal
/// place, computed in integer arithmetic so that exact halves (1/16 = 6.25%)
/// always round up ("6.3"); "" when @p whole is 0. Rule source: docs/rules/rates.md.
/// @param part  the count of the numerator.
/// @param whole the count of the denominator.
/// @return the percentage to one decimal place, without a "%" sign (e.g. "6.3");
///         "" when @p whole is 0.
inline std::string format_percent(std::size_t part, std::size_t whole) {
  return format_one_decimal(100ULL * part, whole);
}

}  // namespace csc

#endif  // CSC_REPORT_PERCENT_HPP
