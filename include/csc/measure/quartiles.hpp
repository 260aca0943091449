/// @file
/// @brief `csc::quartiles`: lower quartile, median and upper quartile of a
/// list of numbers, by linear interpolation between closest ranks.
#ifndef CSC_MEASURE_QUARTILES_HPP
#define CSC_MEASURE_QUARTILES_HPP

#include <algorithm>
#include <cstddef>
#include <optional>
#include <vector>

namespace csc {

/// @brief Lower quartile, median and upper quartile.
struct quartile_values {
  double q1 = 0;      ///< Lower quartile (p = 0.25).
  double median = 0;  ///< Median (p = 0.5).
  double q3 = 0;      ///< Upper quartile (p = 0.75).
};

/// @brief Quartiles of @p values; std::nullopt when there are none.
///
/// Method: sort the n values as x[0..n-1]; the p-quantile is
/// `x[k] + (h - k) * (x[k+1] - x[k])` with `h = (n - 1) * p`, `k = floor(h)`
/// (linear interpolation between closest ranks: Excel's QUARTILE.INC, R's
/// default type 7). For 1, 2, 3, 4 the quartiles are 1.75, 2.5, 3.25.
/// Rule source: docs/rules/stepdown.md (quartiles of days to re-escalation).
/// @tparam T an arithmetic type convertible to double, with `<` (e.g. int days).
/// @param values the numbers (taken by value and sorted; units kept, e.g. days).
/// @return q1, median and q3 in the units of @p values; std::nullopt when
///         @p values is empty.
template <class T>
std::optional<quartile_values> quartiles(std::vector<T> values) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  const auto at = [&](double p) {
    const double h = static_cast<double>(values.size() - 1) * p;
    const auto k = static_cast<std::size_t>(h);
    const double lower = static_cast<double>(values[k]);
    if (k + 1 >= values.size()) return lower;
    return lower + (h - static_cast<double>(k)) * (static_cast<double>(values[k + 1]) - lower);
  };
  return quartile_values{at(0.25), at(0.5), at(0.75)};
}

}  // namespace csc

#endif  // CSC_MEASURE_QUARTILES_HPP
