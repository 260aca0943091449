/// @file
/// @brief Child protection plans over any range of host records: second or
/// subsequent plans (DfE table D3), repeat plans within 2 years of the
/// previous plan ending, gaps, durations (D5, D7) and DfE's plan checks
/// (counting-rules.md section 3).
#ifndef CSC_MEASURE_CP_PLANS_HPP
#define CSC_MEASURE_CP_PLANS_HPP

#include <csc/calendar/series.hpp>
#include <csc/calendar/window.hpp>
#include <csc/classification.hpp>
#include <csc/detail/child_order.hpp>
#include <csc/detail/projected.hpp>
#include <csc/episode/interval.hpp>
#include <csc/finding.hpp>
#include <csc/input_order.hpp>
#include <csc/measure/cp_plan_bands.hpp>
#include <csc/report/breakdown.hpp>
#include <csc/report/percent.hpp>

#include <algorithm>
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

namespace csc {

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

/// @brief The name of @p b, e.g. "history_and_declared".
constexpr std::string_view to_string(subsequent_basis b) noexcept {
  switch (b) {
    case subsequent_basis::first: return "first";
    case subsequent_basis::history: return "history";
    case subsequent_basis::declared: return "declared";
    case subsequent_basis::history_and_declared: return "history_and_declared";
  }
  return "invalid";
}

/// @brief Projection for classify_cp_plans() when the host has no declared
/// `NumberOfPreviousCPP`: every plan's declared count is absent, and no
/// `previous_cpp_missing` finding is raised.
struct no_declared_previous {
  /// @brief Always std::nullopt.
  template <class Record>
  constexpr std::optional<int> operator()(const Record&) const noexcept {
    return std::nullopt;
  }
};

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

/// @brief Rule names of the findings of classify_cp_plans() (counting-rules.md
/// section 3; docs/rules/cp-plan-checks.md).
namespace cp_plan_rule {
/// DfE 8925: the plan ends before it starts. The plan is not counted anywhere (`counted = false`).
inline constexpr std::string_view end_before_start = "cpp_end_before_start";
/// DfE 8940: the plan starts on or before the end of an earlier-or-same-day-starting plan of the child, or while it is open.
inline constexpr std::string_view overlap = "cpp_overlap";
/// DfE 8840: the plan starts and ends on the same day.
inline constexpr std::string_view same_day_start_end = "cpp_same_day_start_end";
/// DfE 8935: the child has more than one open plan (on each open plan after the first).
inline constexpr std::string_view more_than_one_open = "cpp_more_than_one_open";
/// The declared NumberOfPreviousCPP is lower than the number of earlier plans in the history.
inline constexpr std::string_view declared_too_low = "previous_cpp_declared_too_low";
/// DfE 8730: a declared-count projection was supplied but gives no value for the plan.
inline constexpr std::string_view declared_missing = "previous_cpp_missing";
}  // namespace cp_plan_rule

/// @brief Classification of one child protection plan.
struct classified_cp_plan {
  std::size_t record = no_record;    ///< Index of this plan in the caller's range.
  std::size_t previous = no_record;  ///< The child's most recent earlier plan in the history, or no_record.
  serial_day start = 0;              ///< Start date as a serial day.
  std::optional<serial_day> end;     ///< End date as a serial day; empty while the plan is open.
  std::uint32_t child = 0;           ///< Ordinal of the child, 0-based, in child-id order.
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
  std::optional<int> gap_days;
  /// Second or subsequent, and the previous plan ended within the repeat window
  /// of this start (or overlaps it).
  bool repeat_within_window = false;
  /// Days from start to end, or to the horizon H for an open plan.
  int duration_days = 0;
  /// Duration band from start to end, or to the horizon H for an open plan.
  cp_plan_duration_band duration = cp_plan_duration_band::three_months_or_less;
  /// False only for a plan that ends before it starts (finding cpp_end_before_start):
  /// it is then in no count and in nobody's history.
  bool counted = true;

  /// @brief True iff the plan is second or subsequent under the policy.
  constexpr bool is_subsequent() const noexcept { return basis != subsequent_basis::first; }
  /// @brief True iff the plan has no end date.
  constexpr bool is_open() const noexcept { return !end.has_value(); }
};

class cp_plan_classification;

namespace detail {
template <class Range, class ChildProj, class StartProj, class EndProj, class DeclaredProj>
cp_plan_classification classify_cp_plans(const Range&, ChildProj&, StartProj&, EndProj&, DeclaredProj&,
                                         std::optional<serial_day>, const cp_plan_policy&);
}  // namespace detail

/// @brief Result of classify_cp_plans(): one classified_cp_plan per input
/// record (by_child() orders each child's plans by start, then end with open
/// last, then input order), plus findings (rules in csc::cp_plan_rule). The
/// horizon H is where open plans' durations end. Holds no copy of the
/// caller's records.
class cp_plan_classification : public classification<classified_cp_plan> {
 public:
  /// @brief The policy used.
  const cp_plan_policy& policy() const noexcept { return policy_; }

 private:
  template <class Range, class ChildProj, class StartProj, class EndProj, class DeclaredProj>
  friend cp_plan_classification detail::classify_cp_plans(const Range&, ChildProj&, StartProj&, EndProj&,
                                                           DeclaredProj&, std::optional<serial_day>,
                                                           const cp_plan_policy&);
  cp_plan_policy policy_;
};

/// @brief Child protection plan period measures (counting-rules.md section 3),
/// with DfE's names where DfE has them.
struct cp_plan_measures {
  std::size_t CPP_start = 0;                 ///< Plans starting in the period (D3/D1 denominator: plans).
  std::size_t CPP_subsequent = 0;            ///< Of those, second or subsequent plans.
  std::size_t CPP_subsequent_within_2y = 0;  ///< Of those, repeats within the repeat window (default 24 months).
  std::size_t CPP_child_start = 0;           ///< Children with >= 1 plan starting in the period.
  std::size_t CPP_child_subsequent = 0;      ///< Children with >= 1 second or subsequent plan starting in the period.
  /// Second or subsequent plans starting in the period, by gap band (index = band).
  std::array<std::size_t, cp_plan_gap_band_count> gap_bands{};
  std::size_t CPP_end = 0;  ///< Plans ending in the period (D7).
  /// Plans ending in the period by duration band, start to end (D7).
  std::array<std::size_t, cp_plan_duration_band_count> duration_bands_ended{};
  std::size_t CPP_open = 0;  ///< Plans open on open_on (D5 at 31 March).
  /// Plans open on open_on by duration band, start to open_on (D5).
  std::array<std::size_t, cp_plan_duration_band_count> duration_bands_open{};
  /// Reference date R of the open-plan counts: the period's last day, or the
  /// horizon H if that is earlier (what happens after H is not in the data).
  serial_day open_on = 0;

  /// @brief 100 * CPP_subsequent / CPP_start; nullopt if no plan started.
  std::optional<double> CPP_subsequent_percent() const noexcept { return percent(CPP_subsequent, CPP_start); }
  /// @brief 100 * CPP_subsequent_within_2y / CPP_start; nullopt if no plan started.
  std::optional<double> CPP_subsequent_within_2y_percent() const noexcept {
    return percent(CPP_subsequent_within_2y, CPP_start);
  }
};

namespace detail {
template <class Range, class ChildProj, class StartProj, class EndProj, class DeclaredProj>
cp_plan_classification classify_cp_plans(const Range& records, ChildProj& child_of, StartProj& start_of,
                                         EndProj& end_of, DeclaredProj& declared_of,
                                         std::optional<serial_day> horizon, const cp_plan_policy& policy) {
  using iterator = decltype(std::begin(records));
  using record_type = typename std::iterator_traits<iterator>::value_type;
  static_assert(std::is_invocable_v<ChildProj&, const record_type&>,
                "csc::classify_cp_plans: the child projection must be callable on a record");
  static_assert(std::is_invocable_v<StartProj&, const record_type&>,
                "csc::classify_cp_plans: the start projection must be callable on a record");
  static_assert(std::is_invocable_v<EndProj&, const record_type&>,
                "csc::classify_cp_plans: the end projection must be callable on a record");
  static_assert(std::is_invocable_v<DeclaredProj&, const record_type&>,
                "csc::classify_cp_plans: the declared-count projection must be callable on a record "
                "(pass csc::no_declared_previous{} if there is none)");
  static_assert(is_date_v<std::decay_t<std::invoke_result_t<StartProj&, const record_type&>>>,
                "csc::classify_cp_plans: the start projection must return a date type with csc::date_traits");
  constexpr bool has_declared = !std::is_same_v<std::decay_t<DeclaredProj>, no_declared_previous>;
  if (policy.evidence == previous_plan_evidence::declared_only && !has_declared) {
    throw std::invalid_argument(
        "csc::classify_cp_plans: policy declared_only needs a declared NumberOfPreviousCPP projection");
  }

  const std::size_t n = random_access_size(records);
  const iterator first = std::begin(records);
  const auto child = [&](std::size_t i) -> decltype(auto) { return std::invoke(child_of, first[i]); };
  const auto fail = [](std::size_t i, const char* field, const std::string& what) {
    return std::invalid_argument("csc::classify_cp_plans: record " + std::to_string(i) + ": " + field + ": " + what);
  };

  cp_plan_classification out;
  out.policy_ = policy;
  std::vector<serial_day> start(n), end(n);  // end = open_end_serial while open
  std::vector<std::optional<int>> declared(n);
  for (std::size_t i = 0; i < n; ++i) {
    try {
      start[i] = to_serial(std::invoke(start_of, first[i]));
    } catch (const std::invalid_argument& e) {
      throw fail(i, "plan start", e.what());
    }
    std::optional<serial_day> e;
    try {
      e = projected_end(std::invoke(end_of, first[i]));
    } catch (const std::invalid_argument& x) {
      throw fail(i, "plan end", x.what());
    }
    end[i] = e ? *e : open_end_serial;
    if (const auto d = projected_count(std::invoke(declared_of, first[i]))) {
      if (*d < 0 || *d > std::numeric_limits<int>::max()) {
        throw fail(i, "NumberOfPreviousCPP", std::to_string(*d) + " is not a count >= 0 (DfE rule 8730)");
      }
      declared[i] = static_cast<int>(*d);
    }
  }
  out.horizon_ = resolve_horizon(
      n, [&](std::size_t i) { return start[i]; }, [&](std::size_t i) { return end[i]; }, horizon,
      [](std::size_t i, bool is_start) {
        return "csc::classify_cp_plans: record " + std::to_string(i) + (is_start ? ": plan start:" : ": plan end:");
      });

  std::vector<std::size_t>& order = out.position_;  // sort order first; inverted into positions below
  out.input_was_sorted_ = order_by_child(
      n, child,
      [&](std::size_t a, std::size_t b) { return start[a] != start[b] ? start[a] < start[b] : end[a] < end[b]; },
      order, policy.order == input_order::sorted_by_child_and_date, "csc::classify_cp_plans");

  const bool use_history = policy.evidence != previous_plan_evidence::declared_only;
  const bool use_declared = policy.evidence != previous_plan_evidence::history_only;
  out.by_child_.resize(n);
  std::uint32_t child_ordinal = 0;
  for (std::size_t g = 0; g < n;) {  // one child: positions [g, e)
    std::size_t e = g + 1;
    while (e < n && child(order[e]) == child(order[g])) ++e;
    std::uint32_t counted_before_run = 0;  // counted plans with a start before the current start
    std::size_t previous = no_record;      // the last counted plan with a start before the current start
    std::uint32_t counted_so_far = 0;
    std::size_t last_counted = no_record;
    serial_day run_start = 0;
    std::size_t latest_end_holder = no_record;  // counted plan with the latest end so far (open = latest)
    std::size_t first_open = no_record;
    for (std::size_t k = g; k < e; ++k) {
      const std::size_t i = order[k];
      classified_cp_plan& c = out.by_child_[k];
      c.record = i;
      c.child = child_ordinal;
      c.start = start[i];
      if (end[i] != open_end_serial) c.end = end[i];
      c.declared_previous = declared[i];
      if (end[i] < start[i]) {
        c.counted = false;
        out.findings_.push_back(finding{cp_plan_rule::end_before_start, i, no_record, false});
        continue;
      }
      if (counted_so_far == 0 || start[i] != run_start) {  // a new start date: everything counted so far is earlier
        run_start = start[i];
        counted_before_run = counted_so_far;
        previous = last_counted;
      }
      c.earlier_plans = counted_before_run;
      c.previous = previous;
      // Plan checks (DfE 8940, 8840, 8935, 8730).
      if (latest_end_holder != no_record && start[i] <= end[latest_end_holder]) {
        out.findings_.push_back(finding{cp_plan_rule::overlap, i, latest_end_holder, true});
      }
      if (end[i] == start[i]) out.findings_.push_back(finding{cp_plan_rule::same_day_start_end, i, no_record, true});
      if (end[i] == open_end_serial) {
        if (first_open != no_record) {
          out.findings_.push_back(finding{cp_plan_rule::more_than_one_open, i, first_open, true});
        } else {
          first_open = i;
        }
      }
      if (has_declared && !declared[i]) out.findings_.push_back(finding{cp_plan_rule::declared_missing, i, no_record, true});
      if (declared[i] && static_cast<std::uint32_t>(*declared[i]) < counted_before_run) {
        out.findings_.push_back(finding{cp_plan_rule::declared_too_low, i, previous, true});
      }
      // Second or subsequent, and how.
      const bool by_history = use_history && counted_before_run > 0;
      const bool by_declared = use_declared && declared[i] && *declared[i] >= 1;
      c.basis = by_history ? (by_declared ? subsequent_basis::history_and_declared : subsequent_basis::history)
                           : (by_declared ? subsequent_basis::declared : subsequent_basis::first);
      // Gap from the previous plan's end; an overlap (previous open or ending on or after this start) is gap 0.
      if (previous != no_record) {
        const bool overlapping = end[previous] >= start[i];
        c.gap_days = overlapping ? 0 : static_cast<int>(start[i] - end[previous]);
        c.gap = overlapping ? cp_plan_gap_band::up_to_3_months
                            : repeat_plan_gap_band(from_serial_day(end[previous]), from_serial_day(start[i]));
        c.repeat_within_window =
            c.is_subsequent() && (overlapping || policy.repeat_window.includes(from_serial_day(end[previous]),
                                                                              from_serial_day(start[i])));
      } else if (c.is_subsequent()) {
        c.gap = cp_plan_gap_band::unknown;
      }
      // Duration: to the end, or to the horizon while open.
      const serial_day until = end[i] == open_end_serial ? out.horizon_ : end[i];
      c.duration_days = static_cast<int>(until - start[i]);
      c.duration = plan_duration_band(from_serial_day(start[i]), from_serial_day(until));
      if (latest_end_holder == no_record || end[i] >= end[latest_end_holder]) latest_end_holder = i;
      ++counted_so_far;
      last_counted = i;
    }
    ++child_ordinal;
    g = e;
  }
  out.finish(child_ordinal);
  return out;
}
}  // namespace detail

/// @brief Classifies every child protection plan in @p records: first or
/// second or subsequent (and on what evidence), the previous plan, the gap
/// and its band, repeat within the window, duration and duration band, and
/// DfE's plan checks as findings.
///
/// Rules (counting-rules.md section 3; docs/rules/cp-plan-subsequent.md,
/// cp-plan-within-2-years.md, cp-plan-gaps.md, cp-plan-durations.md,
/// cp-plan-checks.md):
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
/// - **duration** runs from start to end, or to the horizon H while open.
///
/// A plan ending before it starts (8925) is reported and excluded from every
/// count and every other plan's history; every other finding leaves the plan counted.
///
/// @param records     random-access range of host plan records (not copied).
/// @param child_of    projection record -> child id (needs `<` and `==`).
/// @param start_of    projection record -> start date (any type with csc::date_traits).
/// @param end_of      projection record -> end date, or an optional date (empty = open).
/// @param declared_of projection record -> declared NumberOfPreviousCPP (integer or
///                    optional integer), or csc::no_declared_previous{}.
/// @param horizon     the data horizon H (extract date): open plans' durations run to it.
/// @param policy      evidence, repeat window and input-order policies.
/// @throws std::invalid_argument naming the record and field for a value that
///         is not a date, a negative declared count, a date after @p horizon,
///         or input declared sorted that is not.
template <class Range, class ChildProj, class StartProj, class EndProj, class DeclaredProj, class D,
          std::enable_if_t<is_date_v<D>, int> = 0>
cp_plan_classification classify_cp_plans(const Range& records, ChildProj child_of, StartProj start_of, EndProj end_of,
                                         DeclaredProj declared_of, const D& horizon, const cp_plan_policy& policy = {}) {
  return detail::classify_cp_plans(records, child_of, start_of, end_of, declared_of,
                                   std::optional<serial_day>(to_serial(horizon)), policy);
}

/// @brief classify_cp_plans() with the horizon H taken as the latest start or
/// end date in @p records.
template <class Range, class ChildProj, class StartProj, class EndProj, class DeclaredProj>
cp_plan_classification classify_cp_plans(const Range& records, ChildProj child_of, StartProj start_of, EndProj end_of,
                                         DeclaredProj declared_of, const cp_plan_policy& policy = {}) {
  return detail::classify_cp_plans(records, child_of, start_of, end_of, declared_of, std::nullopt, policy);
}

namespace detail {
// The D3/D5/D7 measures of one series, accumulated one plan at a time (in child order).
template <class D>
struct cp_plan_series_state {
  const period_series<D>* series;
  serial_day horizon;
  std::vector<cp_plan_measures> m;
  child_marks started;
  child_marks subsequent;
  cp_plan_series_state(const period_series<D>& s, serial_day h)
      : series(&s), horizon(h), m(s.size()), started(s.size()), subsequent(s.size()) {
    for (std::size_t p = 0; p < s.size(); ++p) m[p].open_on = std::min(s[p].period.last_serial(), h);
  }
  void add(const classified_cp_plan& c) {
    if (!c.counted) return;
    const auto [s0, s1] = series->containing(c.start);
    for (std::size_t p = s0; p < s1; ++p) {
      cp_plan_measures& x = m[p];
      ++x.CPP_start;
      if (started.first(p, c.child)) ++x.CPP_child_start;
      if (c.is_subsequent()) {
        ++x.CPP_subsequent;
        ++x.gap_bands[static_cast<std::size_t>(*c.gap)];
        if (c.repeat_within_window) ++x.CPP_subsequent_within_2y;
        if (subsequent.first(p, c.child)) ++x.CPP_child_subsequent;
      }
    }
    if (c.end) {
      const auto [e0, e1] = series->containing(*c.end);
      for (std::size_t p = e0; p < e1; ++p) {
        ++m[p].CPP_end;
        ++m[p].duration_bands_ended[static_cast<std::size_t>(c.duration)];
      }
    }
    // Open on the reference day R = min(period end, H): start <= R < end.
    const auto [o0, o1] = series->referencing(c.start, c.end ? *c.end : open_end_serial, horizon);
    for (std::size_t p = o0; p < o1; ++p) {
      ++m[p].CPP_open;
      ++m[p].duration_bands_open[static_cast<std::size_t>(
          plan_duration_band(from_serial_day(c.start), from_serial_day(m[p].open_on)))];
    }
  }
};
}  // namespace detail

/// @brief D3, D5 and D7 measures for every period of @p series, in one pass
/// over the classified plans (counted plans only): plans starting in a
/// period (CPP_start and the repeat measures, gap bands), plans ending in it
/// (duration bands, start to end) and plans open on its reference day R, the
/// period's last day or the horizon H if that is earlier (duration bands,
/// start to R). Both period ends are included.
///
/// Docs: docs/rules/cp-plan-subsequent.md, docs/rules/cp-plan-durations.md,
/// docs/rules/series.md.
template <class D>
std::vector<cp_plan_measures> measure_cp_plans(const cp_plan_classification& classified,
                                               const period_series<D>& series) {
  detail::cp_plan_series_state<D> state(series, classified.horizon());
  for (const classified_cp_plan& c : classified.by_child()) state.add(c);
  return std::move(state.m);
}

/// @brief measure_cp_plans() for the one period @p period.
template <class D>
cp_plan_measures measure_cp_plans(const cp_plan_classification& classified, const interval<D>& period) {
  return measure_cp_plans(classified, period_series<D>(period)).front();
}

/// @brief measure_cp_plans() for every period of @p series, split by
/// `key_of(record index)` (one key, or a range of keys: csc::breakdown), e.g.
/// by category of abuse.
///
/// Docs: docs/rules/breakdowns.md.
template <class D, class KeyOf>
auto measure_cp_plans_by(const cp_plan_classification& classified, const period_series<D>& series, KeyOf key_of) {
  const serial_day h = classified.horizon();
  return detail::accumulate_breakdown(
      classified.by_child(), [&series, h] { return detail::cp_plan_series_state<D>(series, h); }, key_of);
}

}  // namespace csc

#endif  // CSC_MEASURE_CP_PLANS_HPP
