/// @file
/// @brief Financial-year labels for presentation: "2019-20" for the financial
/// year 1 April 2019 to 31 March 2020, DfE's "year ending 31 March 2020"
/// (docs/rules/periods.md). The inverse, a label back to its start year, is
/// csc::parse_financial_year in csc/calendar/periods.hpp.
#ifndef CSC_REPORT_PERIOD_LABEL_HPP
#define CSC_REPORT_PERIOD_LABEL_HPP

#include <stdexcept>
#include <string>

namespace csc {

/// @brief The label of the financial year starting 1 April @p start_year: the
/// start year, '-', and the last two digits of the next year, zero-padded
/// ("2019-20", "2008-09", "1999-00").
///
/// Source: docs/rules/periods.md (financial year "Y-(Y+1)"); DfE writes the
/// same year as "2019-20" in its releases and as time_period 2020 (year
/// ending 31 March) in its open data. For start years 1000 to 9999 the
/// label is of the form "YYYY-YY" that csc::parse_financial_year
/// (csc/calendar/periods.hpp) reads back to @p start_year.
/// @param start_year the calendar year in which the financial year starts (>= 0).
/// @return the label, e.g. "2019-20" for 2019.
/// @throws std::out_of_range if @p start_year is negative.
inline std::string financial_year_label(int start_year) {
  if (start_year < 0)
    throw std::out_of_range("financial year label: start year " + std::to_string(start_year) + " is negative");
  const int yy = (start_year + 1) % 100;
  return std::to_string(start_year) + '-' + static_cast<char>('0' + yy / 10) + static_cast<char>('0' + yy % 10);
}

/// @brief The label of DfE's "year ending 31 March @p year_ending", the
/// financial year starting 1 April @p year_ending - 1: "2015-16" for 2016.
/// DfE's open data (published tables, csc::io::published_row::time_period)
/// number years this way.
///
/// Source: docs/rules/periods.md; docs/rules/benchmarks.md (published years).
/// @param year_ending the calendar year of the 31 March that ends the financial year (>= 1).
/// @return financial_year_label(@p year_ending - 1), e.g. "2015-16" for 2016.
/// @throws std::out_of_range if @p year_ending is less than 1.
inline std::string year_ending_label(int year_ending) {
  if (year_ending < 1)
    throw std::out_of_range("financial year label: year ending " + std::to_string(year_ending) + " is before 1");
  return financial_year_label(year_ending - 1);
}

}  // namespace csc

#endif  // CSC_REPORT_PERIOD_LABEL_HPP
