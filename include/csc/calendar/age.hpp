/// @file
/// @brief `csc::age_in_completed_years`: age at a date, with 29 February
/// birthdays reached on 1 March in common years (docs/rules/age.md).
#ifndef CSC_CALENDAR_AGE_HPP
#define CSC_CALENDAR_AGE_HPP

#include <csc/calendar/add_months.hpp>

#include <optional>
#include <string_view>

namespace csc {

/// @brief Age in completed years on @p on: the largest k >= 0 with
/// `birth <= add_months(on, -12 * k)`; std::nullopt when @p birth is after
/// @p on (an unborn child, DfE age band "unborn").
///
/// Because it uses the one month rule, a child born on 2016-02-29 is 0 on
/// 2017-02-28 and 1 on 2017-03-01 (as in English law), and is 4 on
/// 2020-02-29. Docs: docs/rules/age.md. Tests: tests/calendar/age_test.cpp.
/// @tparam D a date type with csc::date_traits (boost::gregorian::date,
///         std::chrono::year_month_day, csc::civil_date, csc::day, or the host's).
/// @param birth the date of birth (or expected date of birth).
/// @param on    the date the age is taken on.
/// @return the age in completed years (>= 0); std::nullopt when @p birth is after @p on.
/// @throws std::invalid_argument (from csc::date_traits) if either is not a date.
template <class D>
constexpr std::optional<int> age_in_completed_years(const D& birth, const D& on) {
  const civil_date b = to_civil(birth);
  const civil_date d = to_civil(on);
  if (d < b) return std::nullopt;
  int k = d.year - b.year;  // the answer is k or k - 1
  if (b > add_months(d, -12 * k)) --k;
  return k;
}

/// @brief DfE's age bands for children in need tables (A-tables, C1
/// breakdowns), by age in completed years at the event date.
enum class age_band {
  unborn,       ///< Expected date of birth after the event date.
  under_1,      ///< 0 completed years.
  age_1_to_4,   ///< 1 to 4.
  age_5_to_9,   ///< 5 to 9.
  age_10_to_15, ///< 10 to 15.
  age_16_plus   ///< 16 and over.
};

/// @brief DfE's label of an age band: "Unborn", "Under 1", "1 to 4 years",
/// "5 to 9 years", "10 to 15 years", "16 years and over" (docs/rules/age.md).
/// @param b the age band.
/// @return DfE's label; "invalid" for a value outside the enum.
constexpr std::string_view to_string(age_band b) noexcept {
  switch (b) {
    case age_band::unborn: return "Unborn";
    case age_band::under_1: return "Under 1";
    case age_band::age_1_to_4: return "1 to 4 years";
    case age_band::age_5_to_9: return "5 to 9 years";
    case age_band::age_10_to_15: return "10 to 15 years";
    case age_band::age_16_plus: return "16 years and over";
  }
  return "invalid";
}

/// @brief The DfE age band on @p on of a child born (or expected) on
/// @p birth: `unborn` iff @p birth is after @p on, otherwise by
/// age_in_completed_years() (so a child is 1 on the first birthday itself).
/// Docs: docs/rules/age.md. Tests: tests/calendar/age_test.cpp.
/// @tparam D a date type with csc::date_traits (boost::gregorian::date,
///         std::chrono::year_month_day, csc::civil_date, csc::day, or the host's).
/// @param birth the date of birth (or expected date of birth).
/// @param on    the event date the band is taken on.
/// @return the DfE age band.
/// @throws std::invalid_argument (from csc::date_traits) if either is not a date.
template <class D>
constexpr age_band age_band_on(const D& birth, const D& on) {
  const std::optional<int> age = age_in_completed_years(birth, on);
  if (!age) return age_band::unborn;
  if (*age < 1) return age_band::under_1;
  if (*age < 5) return age_band::age_1_to_4;
  if (*age < 10) return age_band::age_5_to_9;
  if (*age < 16) return age_band::age_10_to_15;
  return age_band::age_16_plus;
}

}  // namespace csc

#endif  // CSC_CALENDAR_AGE_HPP
