/// @file
/// @brief Re-referrals within 12 months of a previous referral (DfE table C1)
/// and DfE's referral type, over any range of host records
/// (docs/rules/rereferral.md, docs/rules/referral-type.md,
/// docs/rules/duplicate-referral-date.md).
/// @ingroup rereferrals
#ifndef CSC_MEASURE_REREFERRALS_HPP
#define CSC_MEASURE_REREFERRALS_HPP

#include <csc/calendar/series.hpp>
#include <csc/calendar/window.hpp>
#include <csc/core/classification.hpp>
#include <csc/core/date_traits.hpp>
#include <csc/core/detail/projected.hpp>
#include <csc/core/detail/records.hpp>
#include <csc/core/finding.hpp>
#include <csc/core/input_order.hpp>
#include <csc/core/percent.hpp>
#include <csc/measure/accumulator.hpp>
#include <csc/measure/detail/child_order.hpp>

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

/// @defgroup rereferrals Re-referrals (DfE C1)
/// @brief classify_rereferrals, its result and the C1 accumulator count_rereferrals.

namespace csc {

/// @addtogroup rereferrals
/// @{

/// @brief DfE referral type (re-referrals release), for one referral R.
///
/// "within" is the policy's look-back window (default within_months(.., 12));
/// follow-up is complete iff `look_back.first_day(E + 1 day) > R.date` for the
/// extract date E, which for the default is `add_months(E + 1 day, -12) > R.date`
/// (docs/rules/referral-type.md).
enum class referral_type : std::uint8_t {
  /// R has a previous referral P of the same child with within(P.date, R.date).
  rereferral,
  /// Not a re-referral, and the child's next later-dated referral N has within(R.date, N.date).
  initial_later_rereferred,
  /// Neither, and follow-up is complete by the extract date E.
  initial_not_rereferred,
  /// Neither, and the extract date E is too early to know: `look_back.first_day(E + 1 day) <= R.date`.
  initial_follow_up_incomplete
};

/// @brief Number of referral_type values (for arrays indexed by type).
inline constexpr std::size_t referral_type_count = 4;

/// @brief The DfE-style name of @p t.
/// @param t the referral type.
/// @return e.g. "initial_later_rereferred"; "unknown" outside the enum.
constexpr std::string_view to_string(referral_type t) noexcept {
  switch (t) {
    case referral_type::rereferral: return "rereferral";
    case referral_type::initial_later_rereferred: return "initial_later_rereferred";
    case referral_type::initial_not_rereferred: return "initial_not_rereferred";
    case referral_type::initial_follow_up_incomplete: return "initial_follow_up_incomplete";
  }
  return "unknown";
}

/// @brief The referral type's plain-language label for human formats (the
/// JSON keeps to_string()), e.g. "initial referral, re-referred later".
/// Source: docs/rules/referral-type.md.
/// @param t the referral type.
/// @return its label.
constexpr std::string_view label_of(referral_type t) noexcept {
  switch (t) {
    case referral_type::rereferral: return "re-referral";
    case referral_type::initial_later_rereferred: return "initial referral, re-referred later";
    case referral_type::initial_not_rereferred: return "initial referral, not re-referred";
    case referral_type::initial_follow_up_incomplete: return "initial referral, follow-up incomplete";
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

/// @brief The name of @p s (docs/rules/duplicate-referral-date.md).
/// @param s the same-day policy.
/// @return "none_previous" or "later_in_input_is_rereferral"; "invalid" outside the enum.
constexpr std::string_view to_string(same_day_referrals s) noexcept {
  switch (s) {
    case same_day_referrals::none_previous: return "none_previous";
    case same_day_referrals::later_in_input_is_rereferral: return "later_in_input_is_rereferral";
  }
  return "invalid";
}

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
  std::uint32_t record = 0;                 ///< Index of this referral in the caller's range (32 bits: see classify_rereferrals).
  std::optional<std::uint32_t> previous;    ///< Index of the child's most recent previous referral, if any.
  std::optional<std::uint32_t> next;        ///< Index of the child's next later-dated referral, if any.
  day date;                                 ///< The referral date (CINreferralDate).
  std::optional<days> gap;                  ///< Days since the previous referral; empty when there is none.
  std::uint32_t child = 0;                  ///< Ordinal of the child (classification::child_id maps it back).
  referral_type type = referral_type::initial_follow_up_incomplete;  ///< DfE referral type.
  bool duplicate_date = false;              ///< Another referral of the child has the same date.

  /// @brief Whether this referral is a re-referral.
  /// @return true iff type == referral_type::rereferral.
  constexpr bool is_rereferral() const noexcept { return type == referral_type::rereferral; }
};

/// @brief Result of classify_rereferrals(): one classified_referral per input
/// record, the host's child ids, findings (rule::duplicate_referral_date), the
/// extract date and the policy.
/// @tparam ChildId the host's child id type.
template <class ChildId>
using rereferral_classification = classification<classified_referral, ChildId, rereferral_policy>;

/// @brief Classifies every referral in @p records as re-referral or not, with
/// its previous and next referral, gap and DfE referral type.
///
/// Rules (docs/rules/rereferral.md, docs/rules/referral-type.md,
/// docs/rules/duplicate-referral-date.md, docs/rules/extract-date.md):
/// - a previous referral of R is a referral of the same child with a strictly
///   earlier date; the most recent one is reported (on ties, the last in input order);
/// - R is a re-referral iff its most recent previous referral P satisfies
///   `policy.look_back.includes(P.date, R.date)` (default within_months(.., 12));
/// - two referrals of one child on one date are not previous to each other
///   (policy: later_in_input_is_rereferral); each gets finding
///   rule::duplicate_referral_date and stays counted;
/// - referral type as in referral_type, with follow-up complete iff
///   `look_back.first_day(E + 1 day) > R.date` for the extract date E;
/// - a referral dated after E is an error.
///
/// @tparam Range     any input range of host records: containers, forward
///                   ranges and views (`std::views::filter`, `std::views::iota`).
/// @tparam ChildProj projection record -> child id (any type with `<` and `==`);
///                   invoked through std::invoke, O(n log n) times.
/// @tparam DateProj  projection record -> referral date (any type with csc::date_traits).
/// @tparam D         the extract date's type (any type with csc::date_traits).
/// @param records      the host's referral records (not copied; not kept; each child id is copied as
///                     projected: a view id still views the host's text, see csc::classification).
/// @param child_of     the child id projection.
/// @param date_of      the referral date projection.
/// @param extract_date the extract date E: the last day the data can show.
/// @param policy       window, same-day and input-order policies.
/// @return a rereferral_classification: one item per record. O(n) when the
///         input is sorted by child then date, O(n log n) otherwise.
/// @throws std::invalid_argument naming the record for a date that is not a
///         calendar date or is after @p extract_date, or for input declared
///         sorted that is not.
/// @throws std::length_error for more than 4294967294 records (items index records with 32 bits).
template <class Range, class ChildProj, class DateProj, class D, std::enable_if_t<is_date_v<D>, int> = 0>
auto classify_rereferrals(Range&& records, ChildProj child_of, DateProj date_of, const D& extract_date,
                          const rereferral_policy& policy = {}) {
  using access = detail::indexed_records<std::remove_reference_t<Range>>;
  using record_ref = decltype(std::declval<const access&>()[0]);
  static_assert(std::is_invocable_v<ChildProj&, record_ref>,
                "csc::classify_rereferrals: the child projection must be callable on a record");
  static_assert(std::is_invocable_v<DateProj&, record_ref>,
                "csc::classify_rereferrals: the date projection must be callable on a record");
  static_assert(is_date_v<std::decay_t<std::invoke_result_t<DateProj&, record_ref>>>,
                "csc::classify_rereferrals: the date projection must return a date type with csc::date_traits");
  using child_id = std::decay_t<std::invoke_result_t<ChildProj&, record_ref>>;

  const access r(records);
  const std::size_t n = r.size();
  detail::require_32_bit_record_count(n, "csc::classify_rereferrals");
  const auto child = [&](std::size_t i) -> decltype(auto) { return std::invoke(child_of, r[i]); };
  const day extract = to_day(extract_date);

  std::vector<day> date(n);
  // The record's name is built only for an error: no allocation per record.
  const auto where = [](std::size_t i) {
    return "csc::classify_rereferrals: record " + std::to_string(i) + ": CINreferralDate";
  };
  for (std::size_t i = 0; i < n; ++i) {
    try {
      date[i] = to_day(std::invoke(date_of, r[i]));
    } catch (const std::invalid_argument& e) {
      throw std::invalid_argument(where(i) + ": " + e.what());
    }
    detail::require_not_after_extract_date(date[i], extract, [&] { return where(i); });
  }

  std::vector<std::uint32_t> order;   // 32 bits: n was checked above
  std::vector<std::uint32_t> starts;  // where each child's records start in `order`, then n
  const bool sorted = detail::order_by_child(
      n, child, [&](std::size_t a, std::size_t b) { return date[a] < date[b]; }, order, starts,
      policy.order == input_order::sorted_by_child_and_date, "csc::classify_rereferrals");

  // Follow-up is complete iff the look-back window ending on E + 1 day starts after R.
  const day follow_up_boundary = policy.look_back.first_day(extract.next());
  const bool later_same_day_is_rereferral = policy.same_day == same_day_referrals::later_in_input_is_rereferral;
  std::vector<classified_referral> items;  // filled in order, position by position
  items.reserve(n);
  std::vector<child_id> ids;
  ids.reserve(starts.size() - 1);
  std::vector<finding> findings;
  for (std::size_t c = 0; c + 1 < starts.size(); ++c) {  // one child: positions [g, e)
    const std::size_t g = starts[c], e = starts[c + 1];
    const auto ordinal = static_cast<std::uint32_t>(ids.size());
    ids.emplace_back(child(order[g]));
    for (std::size_t k0 = g; k0 < e;) {  // one date: positions [k0, k1)
      const day d = date[order[k0]];
      std::size_t k1 = k0 + 1;
      while (k1 < e && date[order[k1]] == d) ++k1;
      const day window_start = policy.look_back.first_day(d);
      const std::optional<std::uint32_t> next =
          k1 < e ? std::optional<std::uint32_t>(static_cast<std::uint32_t>(order[k1])) : std::nullopt;
      const bool next_within = next && policy.look_back.first_day(date[*next]) <= d;
      for (std::size_t k = k0; k < k1; ++k) {
        classified_referral& c = items.emplace_back();
        c.record = static_cast<std::uint32_t>(order[k]);
        c.child = ordinal;
        c.date = d;
        c.next = next;
        if (later_same_day_is_rereferral && k > k0) {
          c.previous = static_cast<std::uint32_t>(order[k - 1]);
        } else if (k0 > g) {
          c.previous = static_cast<std::uint32_t>(order[k0 - 1]);
        }
        if (c.previous) c.gap = d - date[*c.previous];
        c.duplicate_date = k1 - k0 > 1;
        if (c.previous && date[*c.previous] >= window_start) {
          c.type = referral_type::rereferral;
        } else if (next_within) {
          c.type = referral_type::initial_later_rereferred;
        } else if (follow_up_boundary > d) {
          c.type = referral_type::initial_not_rereferred;
        } else {
          c.type = referral_type::initial_follow_up_incomplete;
        }
        if (c.duplicate_date) {
          finding f;
          f.rule = rule::duplicate_referral_date;
          f.record = c.record;
          f.related_record = order[k == k0 ? k0 + 1 : k0];
          findings.push_back(std::move(f));
        }
      }
      k0 = k1;
    }
  }
  return rereferral_classification<child_id>(std::move(items), std::move(ids), std::move(findings), extract, policy,
                                             sorted);
}

/// @brief Re-referral period measures, DfE table C1 names.
struct rereferral_measures {
  std::size_t referral_count = 0;          ///< Referrals dated in the period (every referral, NFA included).
  std::size_t rereferral_count = 0;        ///< Of those, re-referrals.
  std::size_t referral_child_count = 0;    ///< Children with >= 1 referral in the period.
  std::size_t rereferral_child_count = 0;  ///< Children with >= 1 re-referral in the period.
  /// Referrals in the period by referral_type (index = static_cast<size_t>(type)).
  std::array<std::size_t, referral_type_count> referral_type_counts{};
  /// Referrals in the period that carry finding rule::duplicate_referral_date (all counted).
  std::size_t duplicate_referral_date_count = 0;

  /// @brief The C1 re-referral rate.
  /// @return 100 * rereferral_count / referral_count (percent, unrounded); nullopt if no referrals.
  std::optional<double> rereferral_percent() const noexcept { return percent(rereferral_count, referral_count); }
  /// @brief The share of referred children who were re-referred.
  /// @return 100 * rereferral_child_count / referral_child_count (percent); nullopt if no children.
  std::optional<double> rereferral_child_percent() const noexcept {
    return percent(rereferral_child_count, referral_child_count);
  }
};

/// @brief Accumulator (measure/accumulator.hpp) of the C1 measures: each
/// referral counts in every period whose days include its date; referrals
/// outside a period serve only as look-back history (docs/rules/rereferral.md).
struct count_rereferrals {
  using value_type = rereferral_measures;    ///< One rereferral_measures per period.
  static constexpr std::size_t child_sets = 2;  ///< Referred children; re-referred children.

  /// @brief The periods containing the referral date.
  /// @param c a classified referral.
  /// @param series the periods.
  /// @return index range [first, last) into @p series.
  template <class Series>
  std::pair<std::size_t, std::size_t> periods(const classified_referral& c, const Series& series, day) const {
    return series.containing(c.date);
  }
  /// @brief Counts @p c in one period's measures @p m.
  /// @param m the period's measures.
  /// @param c the referral.
  /// @param children the period's distinct-children marks.
  void add(rereferral_measures& m, const classified_referral& c, const period_context&,
           distinct_children& children) const {
    ++m.referral_count;
    ++m.referral_type_counts[static_cast<std::size_t>(c.type)];
    if (c.duplicate_date) ++m.duplicate_referral_date_count;
    if (children.first(0, c.child)) ++m.referral_child_count;
    if (c.is_rereferral()) {
      ++m.rereferral_count;
      if (children.first(1, c.child)) ++m.rereferral_child_count;
    }
  }
};

/// @}

}  // namespace csc

#endif  // CSC_MEASURE_REREFERRALS_HPP
