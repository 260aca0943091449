/// @file
/// @brief Reporting periods: financial year, quarter, month, year to date and
/// rolling 12 months, each a closed csc::interval (docs/rules/periods.md).
#ifndef CSC_CALENDAR_PERIODS_HPP
#define CSC_CALENDAR_PERIODS_HPP

#include <csc/calendar/add_months.hpp>
#include <csc/core/interval.hpp>

#include <stdexcept>
#include <string>
#include <string_view>

namespace csc {

/// @brief Financial year starting 1 April @p start_year: [start_year-04-01,
/// (start_year+1)-03-31], DfE's "year ending 31 March start_year+1".
/// Example: financial_year<D>(2019) is "2019-20" = 2019-04-01..2020-03-31.
/// Rule source: docs/rules/periods.md.
/// @tparam D a date type with csc::date_traits (boost::gregorian::date,
///         std::chrono::year_month_day, csc::civil_date, csc::day, or the host's).
/// @param start_year the calendar year in which the financial year starts (e.g. 2019 for "2019-20").
/// @return the closed interval 1 April @p start_year to 31 March @p start_year + 1.
template <class D>
interval<D> financial_year(int start_year) {
  return interval<D>(from_civil<D>({start_year, 4, 1}), from_civil<D>({start_year + 1, 3, 31}));
}

/// @brief Start year of the financial year containing @p day (1 April to 31 March;
/// docs/rules/periods.md).
/// @tparam D a date type with csc::date_traits (boost::gregorian::date,
///         std::chrono::year_month_day, csc::civil_date, csc::day, or the host's).
/// @param day the date.
/// @return the calendar year of the 1 April that starts its financial year.
/// @throws std::invalid_argument (from csc::date_traits) if @p day is not a date.
template <class D>
constexpr int financial_year_of(const D& day) {
  const civil_date c = to_civil(day);
  return c.month >= 4 ? c.year : c.year - 1;
}

/// @brief Parses a financial year label "YYYY-YY" (e.g. "2019-20") to its start year
/// (docs/rules/periods.md).
/// @param label the label, exactly seven characters "YYYY-YY".
/// @return the start year, e.g. 2019 for "2019-20".
/// @throws std::invalid_argument naming the label if it is not of that form or
/// the second year is not the year after the first ("2019-21").
inline int parse_financial_year(std::string_view label) {
  const auto fail = [&] {
    throw std::invalid_argument("financial year '" + std::string(label) +
                                "' is not of the form YYYY-YY with consecutive years (e.g. 2019-20)");
  };
  if (label.size() != 7 || label[4] != '-') fail();
  int first = 0;
  int second = 0;
  for (std::size_t i = 0; i < 7; ++i) {
    if (i == 4) continue;
    if (label[i] < '0' || label[i] > '9') fail();
    (i < 4 ? first : second) = (i < 4 ? first : second) * 10 + (label[i] - '0');
  }
  if ((first + 1) % 100 != second) fail();
  return first;
}

/// @brief Quarter @p q (1-4) of the financial year starting in @p start_year:
/// Q1 Apr-Jun, Q2 Jul-Sep, Q3 Oct-Dec, Q4 Jan-Mar (of start_year + 1).
/// Rule source: docs/rules/periods.md.
/// @tparam D a date type with csc::date_traits (boost::gregorian::date,
///         std::chrono::year_month_day, csc::civil_date, csc::day, or the host's).
/// @param start_year the calendar year in which the financial year starts.
/// @param q          the quarter, 1-4.
/// @return the closed interval of the quarter's three calendar months.
/// @throws std::invalid_argument if @p q is not 1-4.
template <class D>
interval<D> financial_quarter(int start_year, int q) {
  if (q < 1 || q > 4) throw std::invalid_argument("financial quarter must be 1-4, got " + std::to_string(q));
  const civil_date first = to_civil(add_months(civil_date{start_year, 4, 1}, 3 * (q - 1)));
  const civil_date last = to_civil(add_months(first, 2));
  return interval<D>(from_civil<D>(first),
                     from_civil<D>({last.year, last.month, last_day_of_month(last.year, last.month)}));
}

/// @brief Calendar month @p month (1-12) of @p year, first to last day
/// (docs/rules/periods.md).
/// @tparam D a date type with csc::date_traits (boost::gregorian::date,
///         std::chrono::year_month_day, csc::civil_date, csc::day, or the host's).
/// @param year  the calendar year.
/// @param month the month, 1 = January.
/// @return the closed interval from the 1st to the last day of the month.
/// @throws std::invalid_argument if @p month is not 1-12.
template <class D>
interval<D> calendar_month(int year, unsigned month) {
  if (month < 1 || month > 12) throw std::invalid_argument("month must be 1-12, got " + std::to_string(month));
  return interval<D>(from_civil<D>({year, month, 1}), from_civil<D>({year, month, last_day_of_month(year, month)}));
}

/// @brief Year to date: 1 April of the financial year containing @p day, to @p day
/// (docs/rules/periods.md).
/// @tparam D a date type with csc::date_traits (boost::gregorian::date,
///         std::chrono::year_month_day, csc::civil_date, csc::day, or the host's).
/// @param day the last day of the period.
/// @return the closed interval [1 April of @p day's financial year, @p day].
/// @throws std::invalid_argument (from csc::date_traits) if @p day is not a date.
template <class D>
interval<D> year_to_date(const D& day) {
  return interval<D>(from_civil<D>({financial_year_of(day), 4, 1}), day);
}

/// @brief Rolling 12 months ending on @p day: [add_months(day, -12) + 1 day, day].
/// Example: ending 2020-02-29 is 2019-03-01..2020-02-29; ending 2021-02-28 is
/// 2020-02-29..2021-02-28 (so 366 days), by the clamping rule.
/// Rule source: docs/rules/periods.md, docs/rules/add-months.md.
/// @tparam D a date type with csc::date_traits (boost::gregorian::date,
///         std::chrono::year_month_day, csc::civil_date, csc::day, or the host's).
/// @param day the last day of the period.
/// @return the closed interval [add_months(day, -12) + 1 day, @p day] (365 or 366 days).
/// @throws std::invalid_argument (from csc::date_traits) if @p day is not a date.
template <class D>
interval<D> rolling_12_months(const D& day) {
  return interval<D>(add_days(add_months(day, -12), 1), day);
}

}  // namespace csc

#endif  // CSC_CALENDAR_PERIODS_HPP
