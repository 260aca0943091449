/// @file
/// @brief `csc::period_series`: a run of reporting periods (each month,
/// quarter, financial year, year to date or rolling 12 months over a range),
/// built so that every measure can be evaluated over all of them in one pass
/// over the data (docs/rules/series.md; periods: docs/rules/periods.md).
#ifndef CSC_CALENDAR_SERIES_HPP
#define CSC_CALENDAR_SERIES_HPP

#include <csc/calendar/periods.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace csc {

/// @brief The kinds of period series.
enum class series_kind {
  single,          ///< One period given by the caller.
  monthly,         ///< Each calendar month.
  quarterly,       ///< Each financial quarter (Q1 Apr-Jun ... Q4 Jan-Mar).
  financial_year,  ///< Each financial year (1 April to 31 March).
  year_to_date,    ///< Year to date at each month end (1 April to the month end).
  rolling_12       ///< Rolling 12 months ending at each month end.
};

/// @brief Name of a series kind as csc-report spells it: "single",
/// "monthly", "quarterly", "fy", "ytd", "rolling12" (docs/rules/series.md).
/// @param k the series kind.
/// @return its name; "invalid" for a value outside the enum.
constexpr std::string_view to_string(series_kind k) noexcept {
  switch (k) {
    case series_kind::single: return "single";
    case series_kind::monthly: return "monthly";
    case series_kind::quarterly: return "quarterly";
    case series_kind::financial_year: return "fy";
    case series_kind::year_to_date: return "ytd";
    case series_kind::rolling_12: return "rolling12";
  }
  return "invalid";
}

/// @brief Parses a series kind spelt as by to_string(series_kind) (docs/rules/series.md).
/// @param text the name, e.g. "monthly" or "rolling12" (exact, case-sensitive).
/// @return the series kind it names.
/// @throws std::invalid_argument naming the text and the accepted spellings.
inline series_kind parse_series_kind(std::string_view text) {
  for (series_kind k : {series_kind::single, series_kind::monthly, series_kind::quarterly,
                        series_kind::financial_year, series_kind::year_to_date, series_kind::rolling_12})
    if (to_string(k) == text) return k;
  throw std::invalid_argument("series '" + std::string(text) +
                              "' is not one of single, monthly, quarterly, fy, ytd, rolling12");
}

/// @brief One period of a series: its days, its label, and whether it was
/// cut short by the series range (docs/rules/series.md).
/// @tparam D a date type with csc::date_traits (boost::gregorian::date,
///         std::chrono::year_month_day, csc::civil_date, csc::day, or the host's).
template <class D>
struct labelled_period {
  interval<D> period;  ///< The days counted (both ends included).
  std::string label;   ///< "2019-20", "2019-20 Q3", "2019-11", "YTD to 2019-11-30", "12 months to 2019-11-30".
  bool partial;        ///< True iff a calendar period was clipped to the series range (first or last only).
};

/// @brief A series of closed periods whose first days and last days both
/// never decrease, so the periods that contain any one day are consecutive.
///
/// Rules (docs/rules/series.md), for a range [from, to]:
/// - `monthly`, `quarterly`, `financial_year`: every calendar period of that
///   kind that overlaps [from, to], **clipped** to [from, to]; a clipped
///   period is `partial` and its label says where it was cut ("2019-20 Q1
///   from 2019-05-15"). Periods do not overlap; every day of the range is in
///   exactly one.
/// - `year_to_date`, `rolling_12`: one period ending at each month end in
///   [from, to], and one ending at `to` when `to` is not a month end:
///   year_to_date(e) = 1 April of e's financial year to e;
///   rolling_12_months(e) = [add_months(e, -12) + 1 day, e]. These are never
///   clipped: they reach back before `from` by definition.
/// - `single`: the one period [from, to].
/// @tparam D a date type with csc::date_traits (boost::gregorian::date,
///         std::chrono::year_month_day, csc::civil_date, csc::day, or the host's).
template <class D>
class period_series {
 public:
  /// @brief The series of kind @p kind over [@p from, @p to].
  /// @param kind the kind of series.
  /// @param from the first day of the range (included).
  /// @param to   the last day of the range (included).
  /// @throws std::invalid_argument if @p to is before @p from.
  period_series(series_kind kind, const D& from, const D& to) : kind_(kind) {
    const day a = to_day(from);
    const day b = to_day(to);
    if (b < a)
      throw std::invalid_argument("csc::period_series: range end " + to_iso_string(to) + " precedes its start " +
                                  to_iso_string(from));
    switch (kind) {
      case series_kind::single: add(interval<D>(from, to), to_iso_string(from) + " to " + to_iso_string(to), false); break;
      case series_kind::monthly:
      case series_kind::quarterly:
      case series_kind::financial_year: build_calendar(a, b); break;
      case series_kind::year_to_date:
      case series_kind::rolling_12: build_ending(a, b); break;
    }
  }

  /// @brief The one-period series of @p period (labelled "from to to").
  /// @param period the reporting period; it must have a last day.
  /// @throws std::invalid_argument if @p period is open (has no last day).
  explicit period_series(const interval<D>& period)
      : period_series(series_kind::single, period.first(), period_last(period)) {}

  /// @brief The kind of series.
  /// @return the series kind given at construction.
  series_kind kind() const noexcept { return kind_; }
  /// @brief Number of periods.
  /// @return a count of periods.
  std::size_t size() const noexcept { return periods_.size(); }
  /// @brief Period @p i, in order of first day.
  /// @param i an index `< size()`.
  /// @return the labelled period.
  /// @throws std::out_of_range if @p i is not `< size()`.
  const labelled_period<D>& operator[](std::size_t i) const { return periods_.at(i); }
  /// @brief All periods, in order of first day.
  /// @return the labelled periods.
  const std::vector<labelled_period<D>>& periods() const noexcept { return periods_; }

  /// @brief The periods that contain @p d, as index range [first, last):
  /// empty (first == last) when none does. O(log size()).
  /// @param d the day.
  /// @return the index range of the periods containing @p d, as a pair
  ///         (first, last exclusive).
  std::pair<std::size_t, std::size_t> containing(day d) const noexcept {
    // Periods containing day: first_day <= day (a prefix) and last_day >= day (a suffix).
    const auto last = std::upper_bound(firsts_.begin(), firsts_.end(), d) - firsts_.begin();
    const auto first = std::lower_bound(lasts_.begin(), lasts_.end(), d) - lasts_.begin();
    return {static_cast<std::size_t>(first), static_cast<std::size_t>(std::max(first, last))};
  }

  /// @brief The periods whose reference day `min(last day, @p cap)` lies in
  /// [@p first, @p last_exclusive), as index range [first, last). Used for
  /// "open on the period's last day" counts (D5), where the reference day is
  /// capped at the extract date. O(log size()).
  /// @param first          the first reference day wanted.
  /// @param last_exclusive  the day after the last reference day wanted.
  /// @param cap            the cap on reference days (the extract date).
  /// @return the index range of the periods whose reference day is in [first, last_exclusive).
  std::pair<std::size_t, std::size_t> referencing(day first, day last_exclusive, day cap) const noexcept {
    const auto ref_less = [cap](day last_day, day d) { return std::min(last_day, cap) < d; };
    const auto lo = std::lower_bound(lasts_.begin(), lasts_.end(), first, ref_less) - lasts_.begin();
    const auto hi = std::lower_bound(lasts_.begin(), lasts_.end(), last_exclusive, ref_less) - lasts_.begin();
    return {static_cast<std::size_t>(lo), static_cast<std::size_t>(std::max(lo, hi))};
  }

 private:
  static D period_last(const interval<D>& p) {
    if (!p.last()) throw std::invalid_argument("csc::period_series: a reporting period must have an end");
    return *p.last();
  }

  void add(interval<D> p, std::string label, bool partial) {
    firsts_.push_back(p.first_day());
    lasts_.push_back(p.last_day());
    periods_.push_back(labelled_period<D>{std::move(p), std::move(label), partial});
  }

  static std::string two_digits(unsigned v) { return std::string(1, char('0' + v / 10)) + char('0' + v % 10); }

  static std::string fy_label(int start_year) {
    return std::to_string(start_year) + '-' + two_digits(static_cast<unsigned>((start_year + 1) % 100));
  }

  // The calendar period of kind_ containing day s, with its label.
  std::pair<interval<D>, std::string> calendar_period(day s) const {
    const civil_date c = s.civil();
    const int fy = c.month >= 4 ? c.year : c.year - 1;
    if (kind_ == series_kind::monthly)
      return {calendar_month<D>(c.year, c.month), std::to_string(c.year) + '-' + two_digits(c.month)};
    if (kind_ == series_kind::quarterly) {
      const int q = static_cast<int>((c.month + 8) % 12) / 3 + 1;  // Apr-Jun -> 1 ... Jan-Mar -> 4
      return {financial_quarter<D>(fy, q), fy_label(fy) + " Q" + std::to_string(q)};
    }
    return {financial_year<D>(fy), fy_label(fy)};
  }

  void build_calendar(day a, day b) {
    for (day s = a; s <= b;) {
      auto [whole, label] = calendar_period(s);
      const day first = std::max(whole.first_day(), a);
      const day last = std::min(whole.last_day(), b);
      const bool partial = first != whole.first_day() || last != whole.last_day();
      if (first != whole.first_day()) label += " from " + to_iso_string(first);
      if (last != whole.last_day()) label += " to " + to_iso_string(last);
      add(interval<D>(first.to<D>(), last.to<D>()), std::move(label), partial);
      s = last.next();
    }
  }

  void build_ending(day a, day b) {
    for (day s = a; s <= b;) {
      const civil_date c = s.civil();
      const day month_end(civil_date{c.year, c.month, last_day_of_month(c.year, c.month)});
      const day e = std::min(month_end, b);
      const D end = e.to<D>();
      if (kind_ == series_kind::year_to_date)
        add(year_to_date(end), "YTD to " + to_iso_string(end), false);
      else
        add(rolling_12_months(end), "12 months to " + to_iso_string(end), false);
      s = e.next();
    }
  }

  series_kind kind_;
  std::vector<labelled_period<D>> periods_;
  std::vector<day> firsts_;
  std::vector<day> lasts_;
};

}  // namespace csc

#endif  // CSC_CALENDAR_SERIES_HPP
