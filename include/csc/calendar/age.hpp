/// @file
/// @brief `csc::age_in_completed_years`: age at a date, with 29 February
/// birthdays reached on 1 March in common years (counting-rules.md section 0).
#ifndef CSC_CALENDAR_AGE_HPP
#define CSC_CALENDAR_AGE_HPP

#include <csc/calendar/add_months.hpp>

#include <optional>

namespace csc {

/// @brief Age in completed years on @p on: the largest k >= 0 with
/// `birth <= add_months(on, -12 * k)`; std::nullopt when @p birth is after
/// @p on (an unborn child, DfE age band "unborn").
///
/// Because it uses the one month rule, a child born on 2016-02-29 is 0 on
/// 2017-02-28 and 1 on 2017-03-01 (as in English law), and is 4 on
/// 2020-02-29. Docs: docs/rules/age.md. Tests: tests/calendar/age_test.cpp.
template <class D>
constexpr std::optional<int> age_in_completed_years(const D& birth, const D& on) {
  const civil_date b = to_civil(birth);
  const civil_date d = to_civil(on);
  if (d < b) return std::nullopt;
  int k = d.year - b.year;  // the answer is k or k - 1
  if (b > add_months(d, -12 * k)) --k;
  return k;
}

}  // namespace csc

#endif  // CSC_CALENDAR_AGE_HPP
