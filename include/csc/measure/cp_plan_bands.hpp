/// @file
/// @brief Child protection plan bands: the gap from the previous plan's end
/// to a new plan's start, and DfE's plan duration bands (tables D5 and D7),
/// all on the one month rule (docs/rules/cp-plan-gaps.md,
/// docs/rules/cp-plan-durations.md, docs/rules/within-months.md).
#ifndef CSC_MEASURE_CP_PLAN_BANDS_HPP
#define CSC_MEASURE_CP_PLAN_BANDS_HPP

#include <csc/calendar/window.hpp>

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace csc {

/// @brief Gap from the previous plan's end Q.end to a new plan's start
/// P.start, each band closed at its upper end, so that "within 2 years" is
/// exactly the first four bands.
enum class cp_plan_gap_band : std::uint8_t {
  up_to_3_months,                ///< `within_months(Q.end, P.start, 3)`, or the plans overlap (gap 0)
  more_than_3_up_to_6_months,    ///< within 6 months, not within 3
  more_than_6_up_to_12_months,   ///< within 12 months, not within 6
  more_than_12_up_to_24_months,  ///< within 24 months, not within 12
  more_than_24_months,           ///< not within 24 months
  unknown                        ///< subsequent only by the declared count: no end date known
};

/// @brief Number of cp_plan_gap_band values (for arrays indexed by band).
inline constexpr std::size_t cp_plan_gap_band_count = 6;

/// @brief The band's name as in docs/rules/cp-plan-gaps.md, e.g. "more_than_3_up_to_6_months".
/// @param b the gap band.
/// @return its name; "invalid" for a value outside the enum.
constexpr std::string_view to_string(cp_plan_gap_band b) noexcept {
  switch (b) {
    case cp_plan_gap_band::up_to_3_months: return "up_to_3_months";
    case cp_plan_gap_band::more_than_3_up_to_6_months: return "more_than_3_up_to_6_months";
    case cp_plan_gap_band::more_than_6_up_to_12_months: return "more_than_6_up_to_12_months";
    case cp_plan_gap_band::more_than_12_up_to_24_months: return "more_than_12_up_to_24_months";
    case cp_plan_gap_band::more_than_24_months: return "more_than_24_months";
    case cp_plan_gap_band::unknown: return "unknown";
  }
  return "invalid";
}

/// @brief The band's plain-language label for human formats (the JSON keeps
/// to_string()), e.g. "more than 3 months up to 6 months".
/// Source: docs/rules/cp-plan-gaps.md.
/// @param b the band.
/// @return its label.
constexpr std::string_view label_of(cp_plan_gap_band b) noexcept {
  switch (b) {
    case cp_plan_gap_band::up_to_3_months: return "up to 3 months";
    case cp_plan_gap_band::more_than_3_up_to_6_months: return "more than 3 months up to 6 months";
    case cp_plan_gap_band::more_than_6_up_to_12_months: return "more than 6 months up to 12 months";
    case cp_plan_gap_band::more_than_12_up_to_24_months: return "more than 12 months up to 24 months";
    case cp_plan_gap_band::more_than_24_months: return "more than 24 months";
    case cp_plan_gap_band::unknown: return "unknown (previous plan's end not known)";
  }
  return "invalid";
}

/// @brief The gap band from @p previous_end (Q.end) to @p start (P.start).
///
/// Rule (docs/rules/cp-plan-gaps.md): the first n in 3, 6, 12, 24 with
/// `within_months(previous_end, start, n)` names the band; none gives
/// `more_than_24_months`. A previous plan ending on or after @p start (an
/// 8940 overlap) has gap 0: `up_to_3_months`. Exactly 24 months
/// (2018-05-31 to 2020-05-31) is `more_than_12_up_to_24_months`; one day more
/// is `more_than_24_months`.
/// @tparam D a date type with csc::date_traits (boost::gregorian::date,
///         std::chrono::year_month_day, csc::civil_date, csc::day, or the host's).
/// @param previous_end the end date of the child's previous plan (Q.end).
/// @param start        the start date of the new plan (P.start).
/// @return the gap band (never `unknown`: that band is for plans with no known end).
/// @throws std::invalid_argument (from csc::date_traits) if either is not a date.
template <class D>
constexpr cp_plan_gap_band repeat_plan_gap_band(const D& previous_end, const D& start) {
  if (!(to_civil(previous_end) < to_civil(start))) return cp_plan_gap_band::up_to_3_months;
  if (within_months(previous_end, start, 3)) return cp_plan_gap_band::up_to_3_months;
  if (within_months(previous_end, start, 6)) return cp_plan_gap_band::more_than_3_up_to_6_months;
  if (within_months(previous_end, start, 12)) return cp_plan_gap_band::more_than_6_up_to_12_months;
  if (within_months(previous_end, start, 24)) return cp_plan_gap_band::more_than_12_up_to_24_months;
  return cp_plan_gap_band::more_than_24_months;
}

/// @brief DfE's duration bands for child protection plans (tables D5, D7),
/// with DfE's variable names.
enum class cp_plan_duration_band : std::uint8_t {
  three_months_or_less,                ///< "3_months_or_less": start >= add_months(e, -3)
  more_than_3_months_6_months,         ///< add_months(e, -6) <= start < add_months(e, -3)
  more_than_6_months_less_than_1_year, ///< add_months(e, -12) < start < add_months(e, -6)
  one_year_less_than_2_years,          ///< add_months(e, -24) < start <= add_months(e, -12)
  two_years_or_more                    ///< start <= add_months(e, -24)
};

/// @brief Number of cp_plan_duration_band values (for arrays indexed by band).
inline constexpr std::size_t cp_plan_duration_band_count = 5;

/// @brief DfE's variable name of the band, e.g. "1_year_less_than_2_years"
/// (docs/rules/cp-plan-durations.md).
/// @param b the duration band.
/// @return DfE's variable name; "invalid" for a value outside the enum.
constexpr std::string_view to_string(cp_plan_duration_band b) noexcept {
  switch (b) {
    case cp_plan_duration_band::three_months_or_less: return "3_months_or_less";
    case cp_plan_duration_band::more_than_3_months_6_months: return "more_than_3_months_6_months";
    case cp_plan_duration_band::more_than_6_months_less_than_1_year: return "more_than_6_months_less_than_1_year";
    case cp_plan_duration_band::one_year_less_than_2_years: return "1_year_less_than_2_years";
    case cp_plan_duration_band::two_years_or_more: return "2_years_or_more";
  }
  return "invalid";
}

/// @brief The band's plain-language label for human formats, in DfE's D5/D7
/// wording (the JSON keeps to_string()), e.g. "3 months or less".
/// Source: docs/rules/cp-plan-durations.md; DfE tables D5, D7.
/// @param b the band.
/// @return its label.
constexpr std::string_view label_of(cp_plan_duration_band b) noexcept {
  switch (b) {
    case cp_plan_duration_band::three_months_or_less: return "3 months or less";
    case cp_plan_duration_band::more_than_3_months_6_months: return "more than 3 months, up to 6 months";
    case cp_plan_duration_band::more_than_6_months_less_than_1_year: return "more than 6 months, less than 1 year";
    case cp_plan_duration_band::one_year_less_than_2_years: return "1 year, less than 2 years";
    case cp_plan_duration_band::two_years_or_more: return "2 years or more";
  }
  return "invalid";
}

/// @brief Duration band of a plan from @p start to @p e, where @p e is the
/// plan's end (plans ending in a period, D7) or the reference date R of an
/// open plan (plans open on R, D5).
///
/// Rule (docs/rules/cp-plan-durations.md, on docs/rules/add-months.md), all
/// month arithmetic anchored on @p e:
/// `3_months_or_less` iff start >= add_months(e, -3);
/// `more_than_3_months_6_months` iff add_months(e, -6) <= start < add_months(e, -3);
/// `more_than_6_months_less_than_1_year` iff add_months(e, -12) < start < add_months(e, -6);
/// `1_year_less_than_2_years` iff add_months(e, -24) < start <= add_months(e, -12);
/// `2_years_or_more` iff start <= add_months(e, -24).
/// Exactly 3 months (2019-01-30 to 2019-04-30) is `3_months_or_less`;
/// exactly 2 years (2018-03-31 to 2020-03-31) is `2_years_or_more`.
/// @tparam D a date type with csc::date_traits (boost::gregorian::date,
///         std::chrono::year_month_day, csc::civil_date, csc::day, or the host's).
/// @param start the plan's start date.
/// @param e     the plan's end date, or the reference date R of an open plan.
/// @return the DfE duration band.
/// @throws std::invalid_argument if @p e is before @p start, or (from
///         csc::date_traits) if either is not a date.
template <class D>
cp_plan_duration_band plan_duration_band(const D& start, const D& e) {
  const civil_date s = to_civil(start);
  const civil_date end = to_civil(e);
  if (end < s) {
    throw std::invalid_argument("csc::plan_duration_band: end " + to_iso_string(end) + " precedes start " +
                                to_iso_string(s));
  }
  if (s >= add_months(end, -3)) return cp_plan_duration_band::three_months_or_less;
  if (s >= add_months(end, -6)) return cp_plan_duration_band::more_than_3_months_6_months;
  if (s > add_months(end, -12)) return cp_plan_duration_band::more_than_6_months_less_than_1_year;
  if (s > add_months(end, -24)) return cp_plan_duration_band::one_year_less_than_2_years;
  return cp_plan_duration_band::two_years_or_more;
}

}  // namespace csc

#endif  // CSC_MEASURE_CP_PLAN_BANDS_HPP
