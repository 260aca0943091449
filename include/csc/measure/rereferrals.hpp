/// @file
/// @brief Re-referrals within 12 months of a previous referral (DfE table C1)
/// and DfE's referral type, over any range of host records
/// (counting-rules.md section 2).
#ifndef CSC_MEASURE_REREFERRALS_HPP
#define CSC_MEASURE_REREFERRALS_HPP

#include <csc/calendar/series.hpp>
#include <csc/calendar/window.hpp>
#include <csc/classification.hpp>
#include <csc/detail/child_order.hpp>
#include <csc/episode/interval.hpp>
#include <csc/finding.hpp>
#include <csc/input_order.hpp>
#include <csc/report/breakdown.hpp>
#include <csc/report/percent.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <iterator>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace csc {

/// @brief DfE referral type (re-referrals release), for one referral R.
///
/// "within" is the policy's look-back window (default within_months(.., 12));
/// follow-up is complete iff `look_back.first_day(H + 1 day) > R.date`, which
/// for the default is `add_months(H + 1 day, -12) > R.date`
/// (docs/rules/referral-type.md).
enum class referral_type : std::uint8_t {
  /// R has a previous referral P of the same child with within(P.date, R.date).
  rereferral,
  /// Not a re-referral, and the child's next later-dated referral N has within(R.date, N.date).
  initial_later_rereferred,
  /// Neither, and follow-up is complete by the horizon H.
  initial_not_rereferred,
  /// Neither, and the horizon H is too early to know: `look_back.first_day(H + 1 day) <= R.date`.
  initial_follow_up_incomplete
};

/// @brief Number of referral_type values (for arrays indexed by type).
inline constexpr std::size_t referral_type_count = 4;

/// @brief The DfE-style name of @p t, e.g. "initial_later_rereferred".
constexpr std::string_view to_string(referral_type t) noexcept {
  switch (t) {
    case referral_type::rereferral: return "rereferral";
    case referral_type::initial_later_rereferred: return "initial_later_rereferred";
    case referral_type::initial_not_rereferred: return "initial_not_rereferred";
    case referral_type::initial_follow_up_incomplete: return "initial_follow_up_incomplete";
  }
  return "unknown";
}

/// @brief How two or more referrals of one child on the same date are treated.
enum class same_day_referrals : std::uint8_t {
  /// Default rule: none is "previous" to another (their previous referral is
  /// the latest one on an earlier date); each gets finding `duplicate_referral_date`.
  none_previous,
  /// Policy: each same-day referral after the first in input order has the one
  /// before it as previous referral (gap 0 days), so it is a re-referral.
  /// The findings are still reported.
  later_in_input_is_rereferral
};

/// @brief Policy switches for classify_rereferrals(); the defaults are the rules.
struct rereferral_policy {
  /// Look-back window: 12 calendar months (default) or a day count.
  window look_back = window::months(12);
  /// Same-day handling (default: neither is previous to the other).
  same_day_referrals same_day = same_day_referrals::none_previous;
  /// Input order knowledge (default: detect).
  input_order order = input_order::detect;
};

/// @brief Classification of one referral.
struct classified_referral {
  std::size_t record = no_record;   ///< Index of this referral in the caller's range.
  std::size_t previous = no_record; ///< Index of the child's most recent previous referral, or no_record.
  std::size_t next = no_record;     ///< Index of the child's next later-dated referral, or no_record.
  serial_day day = 0;               ///< Referral date as a serial day.
  int gap_days = 0;                 ///< Days since the previous referral (0 when there is none).
  std::uint32_t child = 0;          ///< Ordinal of the child, 0-based, in child-id order.
  referral_type type = referral_type::initial_follow_up_incomplete;  ///< DfE referral type.
  bool duplicate_date = false;      ///< Another referral of the child has the same date.

  /// @brief True iff this referral is a re-referral (type == rereferral).
  constexpr bool is_rereferral() const noexcept { return type == referral_type::rereferral; }
  /// @brief True iff the child has an earlier referral (in or out of the window).
  constexpr bool has_previous() const noexcept { return previous != no_record; }
};

class rereferral_classification;

namespace detail {
template <class Range, class ChildProj, class DateProj>
rereferral_classification classify_rereferrals(const Range& records, ChildProj& child_of, DateProj& date_of,
                                               std::optional<serial_day> horizon, const rereferral_policy& policy);
}  // namespace detail

/// @brief Result of classify_rereferrals(): one classified_referral per input
/// record, plus findings (rule `duplicate_referral_date`). Holds no copy of
/// the caller's records.
class rereferral_classification : public classification<classified_referral> {
 public:
  /// @brief The look-back window used.
  const window& look_back() const noexcept { return look_back_; }

 private:
  template <class Range, class ChildProj, class DateProj>
  friend rereferral_classification detail::classify_rereferrals(const Range&, ChildProj&, DateProj&,
                                                                std::optional<serial_day>, const rereferral_policy&);
  window look_back_ = window::months(12);
};

/// @brief Re-referral period measures, DfE table C1 names.
struct rereferral_measures {
  std::size_t referral_count = 0;          ///< Referrals dated in the period (every referral, NFA included).
  std::size_t rereferral_count = 0;        ///< Of those, re-referrals.
  std::size_t referral_child_count = 0;    ///< Children with >= 1 referral in the period.
  std::size_t rereferral_child_count = 0;  ///< Children with >= 1 re-referral in the period.
  /// Referrals in the period by referral_type (index = static_cast<size_t>(type)).
  std::array<std::size_t, referral_type_count> referral_type_counts{};
  /// Referrals in the period that carry finding `duplicate_referral_date` (all counted).
  std::size_t duplicate_referral_date_count = 0;

  /// @brief 100 * rereferral_count / referral_count; nullopt if no referrals.
  std::optional<double> rereferral_percent() const noexcept { return percent(rereferral_count, referral_count); }
  /// @brief 100 * rereferral_child_count / referral_child_count; nullopt if no children.
  std::optional<double> rereferral_child_percent() const noexcept {
    return percent(rereferral_child_count, referral_child_count);
  }
};

namespace detail {
template <class Range, class ChildProj, class DateProj>
rereferral_classification classify_rereferrals(const Range& records, ChildProj& child_of, DateProj& date_of,
                                               std::optional<serial_day> horizon, const rereferral_policy& policy) {
  using iterator = decltype(std::begin(records));
  using record_type = typename std::iterator_traits<iterator>::value_type;
  static_assert(std::is_invocable_v<ChildProj&, const record_type&>,
                "csc::classify_rereferrals: the child projection must be callable on a record");
  static_assert(std::is_invocable_v<DateProj&, const record_type&>,
                "csc::classify_rereferrals: the date projection must be callable on a record");
  using date_type = std::decay_t<std::invoke_result_t<DateProj&, const record_type&>>;
  static_assert(is_date_v<date_type>,
                "csc::classify_rereferrals: the date projection must return a date type with csc::date_traits");

  const std::size_t n = random_access_size(records);
  const iterator first = std::begin(records);
  const auto child = [&](std::size_t i) -> decltype(auto) { return std::invoke(child_of, first[i]); };
  const auto same_child = [&](std::size_t a, std::size_t b) { return child(a) == child(b); };

  rereferral_classification out;
  out.look_back_ = policy.look_back;
  std::vector<serial_day> day(n);
  serial_day latest = 0;
  for (std::size_t i = 0; i < n; ++i) {
    try {
      day[i] = to_serial(std::invoke(date_of, first[i]));
    } catch (const std::invalid_argument& e) {
      throw std::invalid_argument("csc::classify_rereferrals: record " + std::to_string(i) +
                                  ": referral date: " + e.what());
    }
    if (i == 0 || day[i] > latest) latest = day[i];
  }
  out.horizon_ = horizon ? *horizon : latest;

  std::vector<std::size_t>& order = out.position_;  // sort order first; inverted into positions below
  out.input_was_sorted_ = order_by_child(
      n, child, [&](std::size_t a, std::size_t b) { return day[a] < day[b]; }, order,
      policy.order == input_order::sorted_by_child_and_date, "csc::classify_rereferrals");

  // Follow-up is complete iff the look-back window ending on H + 1 day starts after R.
  const serial_day follow_up_boundary = policy.look_back.first_day_serial(out.horizon_ + 1);
  const bool later_same_day_is_rereferral = policy.same_day == same_day_referrals::later_in_input_is_rereferral;
  out.by_child_.resize(n);
  std::uint32_t child_ordinal = 0;
  for (std::size_t g = 0; g < n;) {  // one child: positions [g, e)
    std::size_t e = g + 1;
    while (e < n && same_child(order[e], order[g])) ++e;
    for (std::size_t r = g; r < e;) {  // one date: positions [r, re)
      const serial_day d = day[order[r]];
      std::size_t re = r + 1;
      while (re < e && day[order[re]] == d) ++re;
      const serial_day window_start = policy.look_back.first_day_serial(d);
      const std::size_t next = re < e ? order[re] : no_record;
      const bool next_within = next != no_record && policy.look_back.first_day_serial(day[next]) <= d;
      for (std::size_t k = r; k < re; ++k) {
        classified_referral& c = out.by_child_[k];
        c.record = order[k];
        c.child = child_ordinal;
        c.day = d;
        c.next = next;
        c.previous = (later_same_day_is_rereferral && k > r) ? order[k - 1] : (r > g ? order[r - 1] : no_record);
        c.gap_days = c.has_previous() ? static_cast<int>(d - day[c.previous]) : 0;
        c.duplicate_date = re - r > 1;
        if (c.has_previous() && day[c.previous] >= window_start) {
          c.type = referral_type::rereferral;
        } else if (next_within) {
          c.type = referral_type::initial_later_rereferred;
        } else if (follow_up_boundary > d) {
          c.type = referral_type::initial_not_rereferred;
        } else {
          c.type = referral_type::initial_follow_up_incomplete;
        }
        if (c.duplicate_date) {
          out.findings_.push_back(finding{"duplicate_referral_date", c.record, order[k == r ? r + 1 : r], true});
        }
      }
      r = re;
    }
    ++child_ordinal;
    g = e;
  }
  out.finish(child_ordinal);
  return out;
}
}  // namespace detail

/// @brief Classifies every referral in @p records as re-referral or not, with
/// its previous and next referral, gap and DfE referral type.
///
/// Rules (counting-rules.md section 2, docs/rules/rereferral.md,
/// docs/rules/referral-type.md):
/// - a previous referral of R is a referral of the same child with a strictly
///   earlier date; the most recent one is reported (on ties, the last in input order);
/// - R is a re-referral iff its most recent previous referral P satisfies
///   `policy.look_back.includes(P.date, R.date)` (default within_months(.., 12));
/// - two referrals of one child on one date are not previous to each other
///   (policy: later_in_input_is_rereferral); each gets finding
///   `duplicate_referral_date` and stays counted;
/// - referral type as in referral_type, with follow-up complete iff
///   `first_day(H + 1 day) > R.date` for the look-back window.
///
/// @param records   random-access range of host records (not copied).
/// @param child_of  projection record -> child id; ids need `<` and `==`.
///                  Return a reference or a cheap value (it is called O(n log n) times).
/// @param date_of   projection record -> referral date (any type with csc::date_traits).
/// @param horizon   data horizon H (the extract date).
/// @param policy    window, same-day and input-order policies.
/// @return One classified_referral per record; O(n) if the input is sorted by
///         child then date, O(n log n) otherwise; no allocation per record.
/// @throws std::invalid_argument naming the record for a date that is not a
///         calendar date, or for input declared sorted that is not.
template <class Range, class ChildProj, class DateProj, class D, std::enable_if_t<is_date_v<D>, int> = 0>
rereferral_classification classify_rereferrals(const Range& records, ChildProj child_of, DateProj date_of,
                                               const D& horizon, const rereferral_policy& policy = {}) {
  return detail::classify_rereferrals(records, child_of, date_of, std::optional<serial_day>(to_serial(horizon)), policy);
}

/// @brief classify_rereferrals() with the horizon H taken as the latest
/// referral date in @p records.
template <class Range, class ChildProj, class DateProj>
rereferral_classification classify_rereferrals(const Range& records, ChildProj child_of, DateProj date_of,
                                               const rereferral_policy& policy = {}) {
  return detail::classify_rereferrals(records, child_of, date_of, std::nullopt, policy);
}

namespace detail {
// The C1 measures of one series, accumulated one referral at a time (in child order).
template <class D>
struct rereferral_series_state {
  const period_series<D>* series;
  std::vector<rereferral_measures> m;
  child_marks referred;
  child_marks rereferred;
  explicit rereferral_series_state(const period_series<D>& s)
      : series(&s), m(s.size()), referred(s.size()), rereferred(s.size()) {}
  void add(const classified_referral& c) {
    const auto [first, last] = series->containing(c.day);
    for (std::size_t p = first; p < last; ++p) {
      rereferral_measures& x = m[p];
      ++x.referral_count;
      ++x.referral_type_counts[static_cast<std::size_t>(c.type)];
      if (c.duplicate_date) ++x.duplicate_referral_date_count;
      if (referred.first(p, c.child)) ++x.referral_child_count;
      if (c.is_rereferral()) {
        ++x.rereferral_count;
        if (rereferred.first(p, c.child)) ++x.rereferral_child_count;
      }
    }
  }
};
}  // namespace detail

/// @brief C1 measures for every period of @p series, in one pass over the
/// classification: each referral counts in every period whose days include
/// its date (for rolling or year-to-date series, in several). Referrals
/// outside a period serve only as look-back history.
///
/// Docs: docs/rules/rereferral.md, docs/rules/series.md. O(n (log P + k)),
/// k the number of periods containing a day (1 for calendar series, 12 or 13
/// for rolling 12 months).
template <class D>
std::vector<rereferral_measures> measure_rereferrals(const rereferral_classification& classified,
                                                     const period_series<D>& series) {
  detail::rereferral_series_state<D> state(series);
  for (const classified_referral& c : classified.by_child()) state.add(c);
  return std::move(state.m);
}

/// @brief Period measures over referrals dated in @p period (both ends
/// included); referrals before it serve only as look-back history.
///
/// Docs: docs/rules/rereferral.md. O(size of the classification).
template <class D>
rereferral_measures measure_rereferrals(const rereferral_classification& classified, const interval<D>& period) {
  return measure_rereferrals(classified, period_series<D>(period)).front();
}

/// @brief C1 measures for every period of @p series, split by
/// `key_of(record index)`: one key, or a range of keys for a multi-valued
/// field (csc::breakdown states how rows and totals add up). A key of the
/// previous referral is reached through the classification, e.g.
/// `[&](std::size_t i) { return cls[i].has_previous() ? nfa[cls[i].previous] : -1; }`.
///
/// Docs: docs/rules/breakdowns.md.
template <class D, class KeyOf>
auto measure_rereferrals_by(const rereferral_classification& classified, const period_series<D>& series,
                            KeyOf key_of) {
  return detail::accumulate_breakdown(
      classified.by_child(), [&series] { return detail::rereferral_series_state<D>(series); }, key_of);
}

}  // namespace csc

#endif  // CSC_MEASURE_REREFERRALS_HPP
