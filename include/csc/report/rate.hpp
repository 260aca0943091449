/// @file
/// @brief Rates per 10,000 children and DfE presentation of counts (rounding
/// to one decimal place, optional suppression of counts 1-5)
/// (docs/rules/rates.md).
#ifndef CSC_REPORT_RATE_HPP
#define CSC_REPORT_RATE_HPP

#include <cstddef>
#include <optional>
#include <string>

namespace csc {

/// @brief count / population * 10,000 as an unrounded number; std::nullopt
/// when @p population is 0. DfE's population is the ONS mid-year estimate of
/// children aged 0-17; the year ending 31 March Y uses the mid-year Y-1 estimate.
/// Rule source: docs/rules/rates.md.
/// @param count      the number of children (or events) counted.
/// @param population the number of children aged 0-17 in the area.
/// @return the rate per 10,000 children, unrounded; std::nullopt when
///         @p population is 0.
constexpr std::optional<double> rate_per_10000(std::size_t count, std::size_t population) noexcept {
  if (population == 0) return std::nullopt;
  return 10000.0 * static_cast<double>(count) / static_cast<double>(population);
}

/// @brief @p numerator / @p denominator rounded half away from zero to one
/// decimal place, in integer arithmetic (so exact halves always round up);
/// "" when @p denominator is 0. format_percent() is this with numerator
/// 100 * part. Rule source: docs/rules/rates.md.
/// @param numerator   the dividend (already scaled, e.g. 100 * part or 10000 * count).
/// @param denominator the divisor.
/// @return the quotient with one decimal place, e.g. "6.3"; "" when
///         @p denominator is 0.
inline std::string format_one_decimal(unsigned long long numerator, unsigned long long denominator) {
  if (denominator == 0) return std::string();
  const unsigned long long tenths = (20ULL * numerator + denominator) / (2ULL * denominator);
  return std::to_string(tenths / 10) + '.' + static_cast<char>('0' + tenths % 10);
}

/// @brief The rate per 10,000 rounded half away from zero to one decimal
/// place ("" when @p population is 0): 1,234 referrals in 56,789 children is "217.3".
/// Rule source: docs/rules/rates.md.
/// @param count      the number of children (or events) counted.
/// @param population the number of children aged 0-17 in the area.
/// @return the rate per 10,000 children to one decimal place; "" when
///         @p population is 0.
inline std::string format_rate_per_10000(std::size_t count, std::size_t population) {
  return format_one_decimal(10000ULL * count, population);
}

/// @brief A count for publication: its digits, or "c" when @p suppress is set
/// and the count is 1 to 5 (DfE's suppression of small numbers; 0 is shown).
/// Rule source: docs/rules/rates.md.
/// @param count    the count.
/// @param suppress whether to suppress counts 1 to 5.
/// @return the count's decimal digits, or "c" when suppressed.
inline std::string format_count(std::size_t count, bool suppress) {
  if (suppress && count >= 1 && count <= 5) return "c";
  return std::to_string(count);
}

}  // namespace csc

#endif  // CSC_REPORT_RATE_HPP
