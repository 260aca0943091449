/// @file
/// @brief Completeness of a period's figures (docs/rules/completeness.md):
/// whether the history a measure needs before the period lies within the
/// data (else "history incomplete", with the earliest data date), and how
/// many of its records still wait for their follow-up (else "provisional",
/// with the share incomplete).
#ifndef CSC_REPORT_COMPLETENESS_HPP
#define CSC_REPORT_COMPLETENESS_HPP

#include <csc/calendar/window.hpp>
#include <csc/core/day.hpp>
#include <csc/core/percent.hpp>
#include <csc/report/measure_catalogue.hpp>

#include <cstddef>
#include <optional>

namespace csc {

/// @brief Whether the look-back of every record dated on or after @p period_first
/// stays within data that starts on @p data_from: the look-back of a record on
/// day d starts on `look_back.first_day(d)`, the earliest of which is that of
/// @p period_first. Source: docs/rules/completeness.md.
/// @param period_first the first day of the period.
/// @param data_from    the first day the data covers (std::nullopt: no data, so complete by default).
/// @param look_back    the window looked back over.
/// @return true when `look_back.first_day(period_first) >= *data_from`.
inline bool history_within_data(day period_first, const std::optional<day>& data_from, const window& look_back) {
  return !data_from || !(look_back.first_day(period_first) < *data_from);
}

/// @brief Whether data from @p data_from to @p extract_date reaches a period at all: false when the
/// period ends before the first data day or starts after the extract date (it has no data; its
/// figures would read as zeros). A period that overlaps the data only in part is not flagged by this
/// (the first data day is often estimated from the earliest record). Source: docs/rules/completeness.md.
/// @param period_first the first day of the period.
/// @param period_last  the last day of the period.
/// @param data_from    the first day of the data (std::nullopt: no data, so covered by default).
/// @param extract_date the extract date.
/// @return true when `period_last >= data_from` and `period_first <= extract_date`.
inline bool data_covers(day period_first, day period_last, const std::optional<day>& data_from, day extract_date) {
  return !data_from || (!(period_last < *data_from) && !(extract_date < period_first));
}

/// @brief What is known of one period's completeness, for every measure of the series.
struct period_completeness {
  bool look_back = true;           ///< The re-referral look-back lies within the referral data.
  bool repeat_window = true;       ///< The D3 repeat window lies within the plan data.
  bool any_history = true;         ///< Second or subsequent: declared NumberOfPreviousCPP stands in for history.
  bool referrals_cover = true;     ///< The referral data reaches the period (data_covers()).
  bool cp_plans_cover = true;      ///< The plan data reaches the period (data_covers()).
  std::size_t step_downs = 0;      ///< Step-downs in the period.
  std::size_t step_downs_follow_up_incomplete = 0;  ///< Of them, those whose follow-up window passes the extract date.

  /// @brief Whether measure @p m's figure lacks history it needs.
  /// @param m a measure of the catalogue.
  /// @return true when its history_need is not met in this period.
  bool history_incomplete(const measure_info& m) const noexcept {
    if ((m.source == measure_source::referrals && !referrals_cover) ||
        (m.source == measure_source::cp_plans && !cp_plans_cover))
      return true;  // every figure of an input whose data does not cover the period
    switch (m.history) {
      case history_need::none: return false;
      case history_need::look_back: return !look_back;
      case history_need::repeat_window: return !repeat_window;
      case history_need::any: return !any_history;
    }
    return false;
  }

  /// @brief The share of measure @p m's records whose follow-up is incomplete, when that makes it provisional.
  /// @param m a measure of the catalogue.
  /// @return the percentage (0-100] of step-downs with follow-up incomplete, for a measure that needs
  ///         follow-up; std::nullopt when the figure is final (none incomplete, or no follow-up needed).
  std::optional<double> provisional_percent(const measure_info& m) const noexcept {
    if (!m.needs_follow_up || step_downs_follow_up_incomplete == 0) return std::nullopt;
    return percent(step_downs_follow_up_incomplete, step_downs);
  }
};

}  // namespace csc

#endif  // CSC_REPORT_COMPLETENESS_HPP
