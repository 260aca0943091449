/// @file
/// @brief Child protection plans over any range of host records: second or
/// subsequent plans (DfE table D3), repeat plans within 2 years of the
/// previous plan ending, gaps, durations (D5, D7) and DfE's plan checks
/// (docs/rules/cp-plan-subsequent.md, cp-plan-within-2-years.md,
/// cp-plan-gaps.md, cp-plan-durations.md, cp-plan-checks.md).
/// @ingroup cp_plans
#ifndef CSC_MEASURE_CP_PLANS_HPP
#define CSC_MEASURE_CP_PLANS_HPP

#include <csc/calendar/window.hpp>
#include <csc/checks/plan_checks.hpp>
#include <csc/core/classification.hpp>
#include <csc/core/count_text.hpp>
#include <csc/core/date_traits.hpp>
#include <csc/core/detail/projected.hpp>
#include <csc/core/detail/records.hpp>
#include <csc/core/finding.hpp>
#include <csc/core/input_order.hpp>
#include <csc/core/percent.hpp>
#include <csc/measure/accumulator.hpp>
#include <csc/measure/cp_plan_bands.hpp>
#include <csc/measure/detail/child_order.hpp>

#include <array>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

/// @defgroup cp_plans Child protection plans (DfE D3, D5, D7)
/// @brief classify_cp_plans, its result and the accumulators count_cp_plan_starts (D3),
/// count_cp_plan_ends (D7) and count_cp_plans_open (D5).

namespace csc {

/// @addtogroup cp_plans
/// @{

/// @brief Which evidence makes a plan "second or subsequent".
enum class previous_plan_evidence : std::uint8_t {
  /// Default rule: an earlier-starting plan of the child in the supplied
  /// history, or a declared `NumberOfPreviousCPP` >= 1.
  history_or_declared,
  /// Policy: only plans in the supplied history count.
  history_only,
  /// Policy: only the declared `NumberOfPreviousCPP` >= 1 counts.
  declared_only
};

/// @brief How a plan was established as second or subsequent (under the policy in force).
enum class subsequent_basis : std::uint8_t {
  first,                ///< not second or subsequent
  history,              ///< an earlier-starting plan in the history (declared count absent, 0, or not considered)
  declared,             ///< the declared count only (no earlier plan in the history)
  history_and_declared  ///< both the history and the declared count
};

/// @brief The name of @p e, as csc-report's `--cp-evidence` spells it
/// (docs/rules/cp-plan-subsequent.md).
/// @param e the evidence policy.
/// @return "either", "history" or "declared"; "invalid" outside the enum.
constexpr std::string_view to_string(previous_plan_evidence e) noexcept {
  switch (e) {
    case previous_plan_evidence::history_or_declared: return "either";
    case previous_plan_evidence::history_only: return "history";
    case previous_plan_evidence::declared_only: return "declared";
  }
  return "invalid";
}

/// @brief Parses an evidence policy spelt as by to_string(previous_plan_evidence).
/// @param text "either", "history" or "declared" (exact).
/// @return the policy it names.
/// @throws std::invalid_argument naming the text and the accepted spellings.
inline previous_plan_evidence parse_previous_plan_evidence(std::string_view text) {
  for (previous_plan_evidence e : {previous_plan_evidence::history_or_declared, previous_plan_evidence::history_only,
                                   previous_plan_evidence::declared_only})
    if (to_string(e) == text) return e;
  throw std::invalid_argument("evidence '" + std::string(text) + "' is not one of either, history, declared");
}

/// @brief The name of @p b.
/// @param b the value to name.
/// @return e.g. "history_and_declared"; "invalid" outside the enum.
constexpr std::string_view to_string(subsequent_basis b) noexcept {
  switch (b) {
    case subsequent_basis::first: return "first";
    case subsequent_basis::history: return "history";
    case subsequent_basis::declared: return "declared";
    case subsequent_basis::history_and_declared: return "history_and_declared";
  }
  return "invalid";
}

/// @brief Policy switches for classify_cp_plans(); the defaults are the rules.
struct cp_plan_policy {
  /// Evidence for "second or subsequent" (default: history or declared count).
  previous_plan_evidence evidence = previous_plan_evidence::history_or_declared;
  /// "Repeat within 2 years": the window from the previous plan's end to the
  /// new plan's start (default 24 calendar months; any months or days).
  window repeat_window = window::months(24);
  /// Input order knowledge (default: detect).
  input_order order = input_order::detect;
};

/// @brief Classification of one child protection plan.
struct classified_cp_plan {
  std::uint32_t record = 0;             ///< Index of this plan in the caller's range (32 bits: see classify_cp_plans).
  std::optional<std::uint32_t> previous;  ///< The child's most recent earlier plan in the history, if any.
  day start;                            ///< CPPstartDate.
  std::optional<day> end;               ///< CPPendDate; empty while the plan is open.
  std::uint32_t child = 0;              ///< Ordinal of the child (classification::child_id maps it back).
  /// Plans of the child in the history with a strictly earlier start (counted plans only).
  std::uint32_t earlier_plans = 0;
  /// The declared NumberOfPreviousCPP, if supplied.
  std::optional<int> declared_previous;
  /// How the plan was established as second or subsequent; `first` if it is not.
  subsequent_basis basis = subsequent_basis::first;
  /// Gap band from the previous plan's end: set when there is a previous plan
  /// in the history (even for a plan the policy counts as first), `unknown`
  /// for a plan subsequent only by the declared count, empty otherwise.
  std::optional<cp_plan_gap_band> gap;
  /// Days from the previous plan's end to this start (0 when they overlap);
  /// empty when there is no previous plan in the history.
  std::optional<days> gap_days;
  /// Second or subsequent, and the previous plan ended within the repeat window
  /// of this start (or overlaps it).
  bool repeat_within_window = false;
  /// Days from start to end, or to the extract date for an open plan.
  days duration_days{0};
  /// Duration band from start to end, or to the extract date for an open plan.
  cp_plan_duration_band duration = cp_plan_duration_band::three_months_or_less;
  /// False only for a plan that ends before it starts (rule::cpp_end_before_start):
  /// it is then in no count and in nobody's history.
  bool counted = true;

  /// @brief Whether the plan is second or subsequent under the policy.
  /// @return true iff basis != subsequent_basis::first.
  constexpr bool is_subsequent() const noexcept { return basis != subsequent_basis::first; }
  /// @brief Whether the plan has no end date.
  /// @return true iff end is empty.
  constexpr bool is_open() const noexcept { return !end.has_value(); }
};

/// @brief Result of classify_cp_plans(): one classified_cp_plan per input
/// record (by_child() orders each child's plans by start, then end with open
/// last, then input order), the host's child ids, findings (DfE 8925, 8940,
/// 8840, 8935, 8730 and rule::previous_cpp_declared_too_low), the extract date
/// and the policy.
/// @tparam ChildId the host's child id type.
template <class ChildId>
using cp_plan_classification = classification<classified_cp_plan, ChildId, cp_plan_policy>;

namespace detail {
// No declared NumberOfPreviousCPP: the overload without that projection.
struct no_declared_previous {
  template <class Record>
  constexpr std::optional<int> operator()(const Record&) const noexcept {
    return std::nullopt;
  }
};

template <class Range, class ChildProj, class StartProj, class EndProj, class DeclaredProj>
auto classify_cp_plans(Range& records, ChildProj& child_of, StartProj& start_of, EndProj& end_of,
                       DeclaredProj& declared_of, day extract, const cp_plan_policy& policy) {
  using access = indexed_records<Range>;
  using record_ref = decltype(std::declval<const access&>()[0]);
  static_assert(std::is_invocable_v<ChildProj&, record_ref>,
                "csc::classify_cp_plans: the child projection must be callable on a record");
  static_assert(std::is_invocable_v<StartProj&, record_ref>,
                "csc::classify_cp_plans: the start projection must be callable on a record");
  static_assert(std::is_invocable_v<EndProj&, record_ref>,
                "csc::classify_cp_plans: the end projection must be callable on a record");
  static_assert(std::is_invocable_v<DeclaredProj&, record_ref>,
                "csc::classify_cp_plans: the NumberOfPreviousCPP projection must be callable on a record");
  static_assert(is_date_v<std::decay_t<std::invoke_result_t<StartProj&, record_ref>>>,
                "csc::classify_cp_plans: the start projection must return a date type with csc::date_traits");
  using child_id = std::decay_t<std::invoke_result_t<ChildProj&, record_ref>>;
  constexpr bool has_declared = !std::is_same_v<std::decay_t<DeclaredProj>, no_declared_previous>;
  if (policy.evidence == previous_plan_evidence::declared_only && !has_declared) {
    throw std::invalid_argument(
        "csc::classify_cp_plans: policy declared_only needs a NumberOfPreviousCPP projection");
  }

  const access r(records);
  const std::size_t n = r.size();
  require_32_bit_record_count(n, "csc::classify_cp_plans");
  const auto child = [&](std::size_t i) -> decltype(auto) { return std::invoke(child_of, r[i]); };
  const auto where = [](std::size_t i, const char* item) {
    return "csc::classify_cp_plans: record " + std::to_string(i) + ": " + item;
  };

  std::vector<day> start(n);
  std::vector<std::optional<day>> end(n);
  std::vector<std::optional<int>> declared(n);
  for (std::size_t i = 0; i < n; ++i) {
    try {
      start[i] = to_day(std::invoke(start_of, r[i]));
    } catch (const std::invalid_argument& e) {
      throw std::invalid_argument(where(i, "CPPstartDate") + ": " + e.what());
    }
    try {
      end[i] = projected_end(std::invoke(end_of, r[i]));
    } catch (const std::invalid_argument& e) {
      throw std::invalid_argument(where(i, "CPPendDate") + ": " + e.what());
    }
    require_not_after_extract_date(start[i], extract, [&] { return where(i, "CPPstartDate"); });
    if (end[i]) require_not_after_extract_date(*end[i], extract, [&] { return where(i, "CPPendDate"); });
    if (const auto d = projected_count(std::invoke(declared_of, r[i]))) {
      if (*d < 0 || *d > std::numeric_limits<int>::max()) {
        throw std::invalid_argument(where(i, "NumberOfPreviousCPP") + ": " + std::to_string(*d) +
                                    " is not a count >= 0 (DfE rule 8730)");
      }
      declared[i] = static_cast<int>(*d);
    }
  }
  const auto end_key = [&](std::size_t i) { return end[i] ? *end[i] : day::max(); };

  std::vector<std::uint32_t> order;   // 32 bits: n was checked above
  std::vector<std::uint32_t> starts;  // where each child's records start in `order`, then n
  const bool sorted = order_by_child(
      n, child,
      [&](std::size_t a, std::size_t b) { return start[a] != start[b] ? start[a] < start[b] : end_key(a) < end_key(b); },
      order, starts, policy.order == input_order::sorted_by_child_and_date, "csc::classify_cp_plans");

  const bool use_history = policy.evidence != previous_plan_evidence::declared_only;
  const bool use_declared = policy.evidence != previous_plan_evidence::history_only;
  std::vector<classified_cp_plan> items(n);
  std::vector<child_id> ids;
  ids.reserve(starts.size() - 1);
  std::vector<finding> findings;
  const auto add_finding = [&](finding&& f) { findings.push_back(std::move(f)); };
  plan_checker checks(plan_rules::cp_plans());
  for (std::size_t c = 0; c + 1 < starts.size(); ++c) {  // one child: positions [g, e)
    const std::size_t g = starts[c], e = starts[c + 1];
    const auto ordinal = static_cast<std::uint32_t>(ids.size());
    ids.emplace_back(child(order[g]));
    checks.next_child();
    std::uint32_t counted_before_run = 0;  // counted plans with a start before the current start
    std::optional<std::size_t> previous;   // the last counted plan with a start before the current start
    std::uint32_t counted_so_far = 0;
    std::optional<std::size_t> last_counted;
    day run_start;
    for (std::size_t k = g; k < e; ++k) {
      const std::size_t i = order[k];
      classified_cp_plan& c = items[k];
      c.record = static_cast<std::uint32_t>(i);
      c.child = ordinal;
      c.start = start[i];
      c.end = end[i];
      c.declared_previous = declared[i];
      // DfE 8925, 8940, 8840, 8935 (checks/plan_checks.hpp).
      if (!checks.check(plan_dates{start[i], end[i], extract, i, 0}, add_finding)) {
        c.counted = false;
        continue;
      }
      if (counted_so_far == 0 || start[i] != run_start) {  // a new start date: everything counted so far is earlier
        run_start = start[i];
        counted_before_run = counted_so_far;
        previous = last_counted;
      }
      c.earlier_plans = counted_before_run;
      c.previous = previous ? std::optional<std::uint32_t>(static_cast<std::uint32_t>(*previous)) : std::nullopt;
      if (has_declared && !declared[i]) {
        finding f;
        f.rule = rule::previous_cpp_missing;
        f.record = i;
        findings.push_back(std::move(f));
      }
      if (declared[i] && static_cast<std::uint32_t>(*declared[i]) < counted_before_run) {
        finding f;
        f.rule = rule::previous_cpp_declared_too_low;
        f.record = i;
        f.related_record = previous;
        f.detail = "NumberOfPreviousCPP " + std::to_string(*declared[i]) + " with " +
                   count_text(counted_before_run, "earlier plan") + " in the history";
        findings.push_back(std::move(f));
      }
      // Second or subsequent, and how.
      const bool by_history = use_history && counted_before_run > 0;
      const bool by_declared = use_declared && declared[i] && *declared[i] >= 1;
      c.basis = by_history ? (by_declared ? subsequent_basis::history_and_declared : subsequent_basis::history)
                           : (by_declared ? subsequent_basis::declared : subsequent_basis::first);
      // Gap from the previous plan's end; an overlap (previous open or ending on or after this start) is gap 0.
      if (previous) {
        const bool overlapping = end_key(*previous) >= start[i];
        c.gap_days = overlapping ? days(0) : start[i] - *end[*previous];
        c.gap = overlapping ? cp_plan_gap_band::up_to_3_months : repeat_plan_gap_band(*end[*previous], start[i]);
        c.repeat_within_window =
            c.is_subsequent() && (overlapping || policy.repeat_window.includes(*end[*previous], start[i]));
      } else if (c.is_subsequent()) {
        c.gap = cp_plan_gap_band::unknown;
      }
      // Duration: to the end, or to the extract date while open.
      const day until = end[i] ? *end[i] : extract;
      c.duration_days = until - start[i];
      c.duration = plan_duration_band(start[i], until);
      ++counted_so_far;
      last_counted = i;
    }
  }
  return cp_plan_classification<child_id>(std::move(items), std::move(ids), std::move(findings), extract, policy,
                                          sorted);
}
}  // namespace detail

/// @brief Classifies every child protection plan in @p records: first or
/// second or subsequent (and on what evidence), the previous plan, the gap
/// and its band, repeat within the window, duration and duration band, and
/// DfE's plan checks as findings.
///
/// Rules (docs/rules/cp-plan-subsequent.md, cp-plan-within-2-years.md,
/// cp-plan-gaps.md, cp-plan-durations.md, cp-plan-checks.md, extract-date.md):
/// - P is **second or subsequent** iff the child has a plan with a strictly
///   earlier start in @p records, or the declared previous count is >= 1
///   (policy: history only; declared only);
/// - the **previous plan** Q is the latest start before P.start (ties: the
///   latest end, an open plan latest);
/// - P is a **repeat within the window** iff it is second or subsequent, Q
///   exists and `policy.repeat_window.includes(Q.end, P.start)` (default
///   within_months(.., 24)); Q open on P.start or ending on or after it is a
///   gap of 0 days (band up_to_3_months, within); a plan subsequent only by
///   its declared count has gap band `unknown` and is not within;
/// - **duration** runs from start to end, or to the extract date E while open;
/// - a start or end after E is an error.
///
/// A plan ending before it starts (8925) is reported and excluded from every
/// count and every other plan's history; every other finding leaves the plan
/// counted. This overload has no declared NumberOfPreviousCPP (evidence is
/// the history; policy declared_only is refused).
///
/// @tparam Range     any input range of host plan records (containers, forward ranges, views).
/// @tparam ChildProj projection record -> child id (any type with `<` and `==`).
/// @tparam StartProj projection record -> start date (any type with csc::date_traits).
/// @tparam EndProj   projection record -> end date, or optional date (empty = open).
/// @tparam D         the extract date's type (any type with csc::date_traits).
/// @param records      the host's plan records (not copied; not kept; each child id is copied as
///                     projected: a view id still views the host's text, see csc::classification).
/// @param child_of     the child id projection.
/// @param start_of     the CPPstartDate projection.
/// @param end_of       the CPPendDate projection.
/// @param extract_date the extract date E.
/// @param policy       evidence, repeat window and input-order policies.
/// @return a cp_plan_classification: one item per record.
/// @throws std::invalid_argument naming the record and item for a value that
///         is not a date, a date after @p extract_date, policy declared_only,
///         or input declared sorted that is not.
/// @throws std::length_error for more than 4294967294 records (items index records with 32 bits).
template <class Range, class ChildProj, class StartProj, class EndProj, class D,
          std::enable_if_t<is_date_v<D>, int> = 0>
auto classify_cp_plans(Range&& records, ChildProj child_of, StartProj start_of, EndProj end_of, const D& extract_date,
                       const cp_plan_policy& policy = {}) {
  detail::no_declared_previous declared_of;
  return detail::classify_cp_plans(records, child_of, start_of, end_of, declared_of, to_day(extract_date), policy);
}

/// @brief classify_cp_plans() with the declared `NumberOfPreviousCPP` of each
/// plan as further evidence of a previous plan (DfE 8730: a plan without it
/// gets finding rule::previous_cpp_missing; a declared count below the
/// plans in the history gets rule::previous_cpp_declared_too_low).
/// @tparam DeclaredProj projection record -> NumberOfPreviousCPP: an integer or
///         an optional integer (empty = not given).
/// @param records      the host's plan records (not copied; not kept; each child id is copied as
///                     projected: a view id still views the host's text, see csc::classification).
/// @param child_of     the child id projection.
/// @param start_of     the CPPstartDate projection.
/// @param end_of       the CPPendDate projection.
/// @param declared_of  the NumberOfPreviousCPP projection.
/// @param extract_date the extract date E.
/// @param policy       evidence, repeat window and input-order policies.
/// @return a cp_plan_classification: one item per record.
/// @throws std::invalid_argument as the overload without @p declared_of, and
///         for a negative declared count.
/// @throws std::length_error as the overload without @p declared_of.
template <class Range, class ChildProj, class StartProj, class EndProj, class DeclaredProj, class D,
          std::enable_if_t<is_date_v<D> && !is_date_v<DeclaredProj>, int> = 0>
auto classify_cp_plans(Range&& records, ChildProj child_of, StartProj start_of, EndProj end_of,
                       DeclaredProj declared_of, const D& extract_date, const cp_plan_policy& policy = {}) {
  return detail::classify_cp_plans(records, child_of, start_of, end_of, declared_of, to_day(extract_date), policy);
}

/// @brief D3 measures of the plans starting in a period.
struct cp_plan_start_measures {
  std::size_t CPP_start = 0;                 ///< Plans starting in the period (D3/D1 denominator: plans).
  std::size_t CPP_subsequent = 0;            ///< Of those, second or subsequent plans.
  std::size_t CPP_subsequent_within_2y = 0;  ///< Of those, repeats within the repeat window (default 24 months).
  std::size_t CPP_child_start = 0;           ///< Children with >= 1 plan starting in the period.
  std::size_t CPP_child_subsequent = 0;      ///< Children with >= 1 second or subsequent plan starting in the period.
  /// Second or subsequent plans starting in the period, by gap band (index = band).
  std::array<std::size_t, cp_plan_gap_band_count> gap_bands{};

  /// @brief DfE D3's percentage.
  /// @return 100 * CPP_subsequent / CPP_start (percent, unrounded); nullopt if no plan started.
  std::optional<double> CPP_subsequent_percent() const noexcept { return percent(CPP_subsequent, CPP_start); }
  /// @brief The within-2-years percentage.
  /// @return 100 * CPP_subsequent_within_2y / CPP_start (percent); nullopt if no plan started.
  std::optional<double> CPP_subsequent_within_2y_percent() const noexcept {
    return percent(CPP_subsequent_within_2y, CPP_start);
  }
};

/// @brief D7 measures of the plans ending in a period.
struct cp_plan_end_measures {
  std::size_t CPP_end = 0;  ///< Plans ending in the period (D7).
  /// Plans ending in the period by duration band, start to end (D7).
  std::array<std::size_t, cp_plan_duration_band_count> duration_bands_ended{};
};

/// @brief D5 measures of the plans open on a period's reference day.
struct cp_plan_open_measures {
  /// Reference day R of the count: the period's last day, or the extract
  /// date if that is earlier (what happens after it is not in the data).
  day open_on;
  std::size_t CPP_open = 0;  ///< Plans open on open_on (D5 at 31 March).
  /// Plans open on open_on by duration band, start to open_on (D5).
  std::array<std::size_t, cp_plan_duration_band_count> duration_bands_open{};
};

/// @brief Accumulator (measure/accumulator.hpp) of D3: plans starting in a
/// period (counted plans only), the repeat measures and gap bands
/// (docs/rules/cp-plan-subsequent.md, docs/rules/cp-plan-gaps.md).
struct count_cp_plan_starts {
  using value_type = cp_plan_start_measures;     ///< One cp_plan_start_measures per period.
  static constexpr std::size_t child_sets = 2;  ///< Children starting a plan; children starting a subsequent plan.

  /// @brief The periods containing the plan's start (none for a plan not counted).
  /// @param c a classified plan.
  /// @param series the periods.
  /// @return index range [first, last) into @p series.
  template <class Series>
  std::pair<std::size_t, std::size_t> periods(const classified_cp_plan& c, const Series& series, day) const {
    return c.counted ? series.containing(c.start) : std::pair<std::size_t, std::size_t>{0, 0};
  }
  /// @brief Counts @p c in one period.
  /// @param m the period's measures.
  /// @param c the plan.
  /// @param children the period's distinct-children marks.
  void add(cp_plan_start_measures& m, const classified_cp_plan& c, const period_context&,
           distinct_children& children) const {
    ++m.CPP_start;
    if (children.first(0, c.child)) ++m.CPP_child_start;
    if (c.is_subsequent()) {
      ++m.CPP_subsequent;
      ++m.gap_bands[static_cast<std::size_t>(*c.gap)];
      if (c.repeat_within_window) ++m.CPP_subsequent_within_2y;
      if (children.first(1, c.child)) ++m.CPP_child_subsequent;
    }
  }
};

/// @brief Accumulator (measure/accumulator.hpp) of D7: plans ending in a
/// period, by duration band from start to end (docs/rules/cp-plan-durations.md).
struct count_cp_plan_ends {
  using value_type = cp_plan_end_measures;  ///< One cp_plan_end_measures per period.

  /// @brief The periods containing the plan's end (none while open or not counted).
  /// @param c a classified plan.
  /// @param series the periods.
  /// @return index range [first, last) into @p series.
  template <class Series>
  std::pair<std::size_t, std::size_t> periods(const classified_cp_plan& c, const Series& series, day) const {
    return c.counted && c.end ? series.containing(*c.end) : std::pair<std::size_t, std::size_t>{0, 0};
  }
  /// @brief Counts @p c in one period.
  /// @param m the period's measures.
  /// @param c the plan.
  void add(cp_plan_end_measures& m, const classified_cp_plan& c, const period_context&, distinct_children&) const {
    ++m.CPP_end;
    ++m.duration_bands_ended[static_cast<std::size_t>(c.duration)];
  }
};

/// @brief Accumulator (measure/accumulator.hpp) of D5: plans open on each
/// period's reference day R (the period's last day, or the extract date if
/// earlier): start <= R and not ended before R, by duration band from start
/// to R (docs/rules/cp-plan-durations.md).
struct count_cp_plans_open {
  using value_type = cp_plan_open_measures;  ///< One cp_plan_open_measures per period.

  /// @brief A period's empty measures, with its reference day.
  /// @param p the period.
  /// @return measures with open_on = p.reference.
  cp_plan_open_measures start(const period_context& p) const {
    cp_plan_open_measures m;
    m.open_on = p.reference;
    return m;
  }
  /// @brief The periods whose reference day R has start <= R < end.
  /// @param c a classified plan.
  /// @param series the periods.
  /// @param extract_date the extract date (caps reference days).
  /// @return index range [first, last) into @p series.
  template <class Series>
  std::pair<std::size_t, std::size_t> periods(const classified_cp_plan& c, const Series& series,
                                              day extract_date) const {
    if (!c.counted) return {0, 0};
    return series.referencing(c.start, c.end ? *c.end : day::max(), extract_date);
  }
  /// @brief Counts @p c in one period.
  /// @param m the period's measures.
  /// @param c the plan.
  /// @param p the period.
  void add(cp_plan_open_measures& m, const classified_cp_plan& c, const period_context& p,
           distinct_children&) const {
    ++m.CPP_open;
    ++m.duration_bands_open[static_cast<std::size_t>(plan_duration_band(c.start, p.reference))];
  }
};

/// @}

}  // namespace csc

#endif  // CSC_MEASURE_CP_PLANS_HPP
