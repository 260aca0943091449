/// @file
/// @brief `csc::add_months`: calendar-month arithmetic that clamps to the end
/// of the target month (docs/rules/add-months.md), and day arithmetic.
#ifndef CSC_CALENDAR_ADD_MONTHS_HPP
#define CSC_CALENDAR_ADD_MONTHS_HPP

#include <csc/core/date_traits.hpp>

namespace csc {

/// @brief The same day of the month @p n months later (earlier for n < 0),
/// clamped to the last day of the target month.
///
/// Rule (docs/rules/add-months.md): 2019-01-31 + 1 = 2019-02-28,
/// 2020-02-29 + 12 = 2021-02-28, 2020-03-31 - 1 = 2020-02-29,
/// 2019-02-28 + 12 = 2020-02-28. Unlike Boost's `gregorian::months`, a month
/// end is never "snapped" to the next month end (2019-04-30 + 1 = 2019-05-30).
/// Docs: docs/rules/add-months.md. Tests: tests/calendar/add_months_test.cpp.
/// @tparam D a date type with csc::date_traits (boost::gregorian::date,
///         std::chrono::year_month_day, csc::civil_date, csc::day, or the host's).
/// @param date the day counted from.
/// @param n    months to add (negative: subtract).
/// @return the clamped date, as a @p D.
/// @throws std::invalid_argument (from csc::date_traits) if @p date is not a date.
template <class D>
constexpr D add_months(const D& date, int n) {
  const civil_date c = to_civil(date);
  const long long total = static_cast<long long>(c.year) * 12 + (c.month - 1) + n;  // months since year 0
  const long long year = (total >= 0 ? total : total - 11) / 12;                     // floor division
  const unsigned month = static_cast<unsigned>(total - year * 12) + 1;
  const unsigned last = last_day_of_month(static_cast<int>(year), month);
  return from_civil<D>(civil_date{static_cast<int>(year), month, c.day < last ? c.day : last});
}

/// @brief The date @p n days after @p date (before it for n < 0).
/// Rule source: docs/rules/intervals.md (whole days).
/// @tparam D a date type with csc::date_traits (boost::gregorian::date,
///         std::chrono::year_month_day, csc::civil_date, csc::day, or the host's).
/// @param date the day counted from.
/// @param n    days to add (negative: subtract).
/// @return the date @p n days later, as a @p D.
/// @throws std::invalid_argument (from csc::date_traits) if @p date is not a date.
template <class D>
constexpr D add_days(const D& date, int n) {
  return to_date<D>(to_day(date) + days(n));
}

/// @brief Exact number of days from @p from to @p to (negative if @p to is earlier).
/// Rule source: docs/rules/within-months.md (the day-count policy).
/// @tparam D a date type with csc::date_traits (boost::gregorian::date,
///         std::chrono::year_month_day, csc::civil_date, csc::day, or the host's).
/// @param from the earlier day.
/// @param to   the later day.
/// @return `to - from` in whole days, as csc::days.
/// @throws std::invalid_argument (from csc::date_traits) if either is not a date.
template <class D>
constexpr days days_between(const D& from, const D& to) {
  return to_day(to) - to_day(from);
}

}  // namespace csc

#endif  // CSC_CALENDAR_ADD_MONTHS_HPP
