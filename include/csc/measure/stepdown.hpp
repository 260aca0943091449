/// @file
/// @brief Step-down, closure and escalation transitions on service-level
/// timelines, re-escalation within 12 months, "bounce" back to a child
/// protection plan, and the step-down accumulator (docs/rules/stepdown.md).
/// @ingroup stepdown
#ifndef CSC_MEASURE_STEPDOWN_HPP
#define CSC_MEASURE_STEPDOWN_HPP

#include <csc/calendar/window.hpp>
#include <csc/core/classification.hpp>
#include <csc/core/percent.hpp>
#include <csc/episode/service_level.hpp>
#include <csc/episode/timeline.hpp>
#include <csc/measure/accumulator.hpp>
#include <csc/measure/detail/child_order.hpp>
#include <csc/measure/quartiles.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace csc {

/// @addtogroup stepdown
/// @{

/// @brief What a change of level is.
enum class transition_kind : std::uint8_t {
  escalation,  ///< the level becomes higher (including from `none` at a child's first episode)
  step_down,   ///< the level becomes lower but not `none`
  closure      ///< the level becomes `none`
};

/// @brief The name of @p k.
/// @param k the value to name.
/// @return e.g. "step_down"; "invalid" outside the enum.
constexpr std::string_view to_string(transition_kind k) noexcept {
  switch (k) {
    case transition_kind::escalation: return "escalation";
    case transition_kind::step_down: return "step_down";
    case transition_kind::closure: return "closure";
  }
  return "invalid";
}

/// @brief What followed a step-down or closure from level L on day d.
enum class follow_up_outcome : std::uint8_t {
  re_escalated,          ///< the level reached L or higher on a day e > d inside the window
  sustained,             ///< not re-escalated, and the extract date E shows the whole window
  follow_up_incomplete,  ///< not re-escalated so far, and the window runs past E
  not_applicable         ///< an escalation
};

/// @brief The name of @p o.
/// @param o the value to name.
/// @return e.g. "follow_up_incomplete"; "invalid" outside the enum.
constexpr std::string_view to_string(follow_up_outcome o) noexcept {
  switch (o) {
    case follow_up_outcome::re_escalated: return "re_escalated";
    case follow_up_outcome::sustained: return "sustained";
    case follow_up_outcome::follow_up_incomplete: return "follow_up_incomplete";
    case follow_up_outcome::not_applicable: return "not_applicable";
  }
  return "invalid";
}

/// @brief One change of a child's level, with what followed it.
struct service_transition {
  std::uint32_t record = 0;         ///< Index of the transition (classification::operator[]).
  std::uint32_t child = 0;          ///< Ordinal of the child (classification::child_id maps it back).
  day on;                           ///< The first day at the new level.
  service_level from = service_level::none;  ///< Level on the day before.
  service_level to = service_level::none;    ///< Level on `on`.
  transition_kind kind = transition_kind::escalation;  ///< Escalation, step-down or closure.
  follow_up_outcome outcome = follow_up_outcome::not_applicable;  ///< For step-downs and closures.
  /// First day at `from` or higher after `on`, when re-escalated.
  std::optional<day> re_escalated_on;
  /// The level reached on re_escalated_on.
  service_level re_escalation_level = service_level::none;
  /// A step-down from `cp_plan` that re-escalated (to `cp_plan` or higher).
  bool bounce = false;

  /// @brief Days from the transition to the re-escalation.
  /// @return whole days; std::nullopt if not re-escalated.
  std::optional<days> days_to_re_escalation() const noexcept {
    if (!re_escalated_on) return std::nullopt;
    return *re_escalated_on - on;
  }
};

/// @brief Policy switches for classify_transitions(); the defaults are the rules.
struct transition_policy {
  /// Re-escalation window after a step-down or closure (default 12 calendar months).
  window re_escalation_window = window::months(12);
};

/// @brief Result of classify_transitions(): every transition in child then
/// day order (operator[] by transition index), the host's child ids, the
/// timelines' findings, the extract date and the policy.
/// @tparam ChildId the host's child id type.
template <class ChildId>
using transition_classification = classification<service_transition, ChildId, transition_policy>;

/// @brief Every transition on every child's timeline, in child then day
/// order, with the follow-up outcome of each step-down and closure.
///
/// Rules (docs/rules/stepdown.md): a change of level on day d (the first day
/// at the new level) is a step-down if the new level is lower but not
/// `none`, a closure if it is `none`, an escalation if higher (a child's
/// first episode is an escalation from `none`). A step-down or closure from
/// L on d **re-escalates** iff the level is L or higher on some day e > d
/// with `re_escalation_window.includes(d, e)` (default within_months(d, e, 12));
/// otherwise it is `sustained` if `re_escalation_window.first_day(E + 1 day) > d`
/// for the extract date E, else `follow_up_incomplete`. A **bounce** is a
/// step-down from `cp_plan` that re-escalates.
/// @tparam ChildId the timelines' child id type.
/// @param timelines from csc::build_timelines (its extract date is used).
/// @param policy    the re-escalation window.
/// @return a transition_classification; its findings are the timelines'.
/// @throws std::length_error for more than 4294967294 transitions (items are indexed with 32 bits).
template <class ChildId>
transition_classification<ChildId> classify_transitions(const service_timelines<ChildId>& timelines,
                                                        const transition_policy& policy = {}) {
  std::vector<service_transition> out;
  const window& w = policy.re_escalation_window;
  const day follow_up_boundary = w.first_day(timelines.extract_date().next());
  std::vector<ChildId> ids;
  ids.reserve(timelines.child_count());
  std::size_t segment_count = 0;  // one transition per segment
  for (std::size_t c = 0; c < timelines.child_count(); ++c) segment_count += timelines.segments(c).size();
  detail::require_32_bit_record_count(segment_count, "csc::classify_transitions");
  out.reserve(segment_count);
  for (std::size_t c = 0; c < timelines.child_count(); ++c) {
    ids.push_back(timelines.child_id(c));
    const segment_range segs = timelines.segments(c);
    for (std::size_t k = 0; k < segs.size(); ++k) {
      service_transition t;
      t.record = static_cast<std::uint32_t>(out.size());
      t.child = static_cast<std::uint32_t>(c);
      t.on = segs[k].first;
      t.from = k == 0 ? service_level::none : segs[k - 1].level;
      t.to = segs[k].level;
      t.kind = t.to > t.from ? transition_kind::escalation
                             : (t.to == service_level::none ? transition_kind::closure : transition_kind::step_down);
      if (t.kind != transition_kind::escalation) {
        std::size_t j = k + 1;
        while (j < segs.size() && segs[j].level < t.from) ++j;
        if (j < segs.size() && w.first_day(segs[j].first) <= t.on) {
          t.outcome = follow_up_outcome::re_escalated;
          t.re_escalated_on = segs[j].first;
          t.re_escalation_level = segs[j].level;
          t.bounce = t.kind == transition_kind::step_down && t.from == service_level::cp_plan;
        } else {
          t.outcome = follow_up_boundary > t.on ? follow_up_outcome::sustained : follow_up_outcome::follow_up_incomplete;
        }
      }
      out.push_back(t);
    }
  }
  return transition_classification<ChildId>(std::move(out), std::move(ids), timelines.findings(),
                                            timelines.extract_date(), policy, true);
}

/// @brief Counts for one kind of step-down or closure (one from -> to pair, or all).
struct stepdown_counts {
  std::size_t count = 0;                 ///< Transitions in the period.
  std::size_t re_escalated = 0;          ///< Of those, re-escalated within the window.
  std::size_t sustained = 0;             ///< Of those, sustained for the whole window.
  std::size_t follow_up_incomplete = 0;  ///< Of those, window not yet over at the horizon.
  std::size_t bounces = 0;               ///< Of those, bounces back to a CP plan.
  std::vector<int> days_to_re_escalation;  ///< Days to re-escalation of each re-escalated one (whole days).

  /// @brief The re-escalation rate.
  /// @return 100 * re_escalated / count (percent, unrounded); nullopt if count is 0.
  std::optional<double> re_escalated_percent() const noexcept { return percent(re_escalated, count); }
  /// @brief Quartiles of days_to_re_escalation (csc::quartiles).
  /// @return q1, median, q3 in days; nullopt if none re-escalated.
  std::optional<quartile_values> days_quartiles() const { return quartiles(days_to_re_escalation); }
};

/// @brief Step-down period measures: transitions whose day is in the period.
struct stepdown_measures {
  /// Step-downs and closures by from-level and to-level (indexed by service_level; from > to).
  std::array<std::array<stepdown_counts, service_level_count>, service_level_count> by_levels;
  stepdown_counts step_downs;  ///< All step-downs in the period.
  stepdown_counts closures;    ///< All closures in the period.
  std::size_t escalations = 0; ///< Escalations in the period (including first episodes).

  /// @brief Counts for step-downs or closures from @p from to @p to.
  /// @param from the level stepped down from.
  /// @param to   the level stepped down to (`none` for closures).
  /// @return the counts of that pair.
  const stepdown_counts& of(service_level from, service_level to) const {
    return by_levels[static_cast<std::size_t>(from)][static_cast<std::size_t>(to)];
  }
};

/// @brief Accumulator (measure/accumulator.hpp) of step-downs: step-downs
/// and closures whose day is in a period (both ends included), by from -> to
/// and in total, with their outcomes and days to re-escalation; escalations
/// counted (docs/rules/stepdown.md).
struct count_stepdowns {
  using value_type = stepdown_measures;  ///< One stepdown_measures per period.

  /// @brief The periods containing the transition's day.
  /// @param t a transition.
  /// @param series the periods.
  /// @return index range [first, last) into @p series.
  template <class Series>
  std::pair<std::size_t, std::size_t> periods(const service_transition& t, const Series& series, day) const {
    return series.containing(t.on);
  }
  /// @brief Counts @p t in one period.
  /// @param m the period's measures.
  /// @param t the transition.
  void add(stepdown_measures& m, const service_transition& t, const period_context&, distinct_children&) const {
    if (t.kind == transition_kind::escalation) {
      ++m.escalations;
      return;
    }
    add_to(m.by_levels[static_cast<std::size_t>(t.from)][static_cast<std::size_t>(t.to)], t);
    add_to(t.kind == transition_kind::step_down ? m.step_downs : m.closures, t);
  }

 private:
  static void add_to(stepdown_counts& c, const service_transition& t) {
    ++c.count;
    switch (t.outcome) {
      case follow_up_outcome::re_escalated:
        ++c.re_escalated;
        c.days_to_re_escalation.push_back(t.days_to_re_escalation()->count());
        break;
      case follow_up_outcome::sustained: ++c.sustained; break;
      case follow_up_outcome::follow_up_incomplete: ++c.follow_up_incomplete; break;
      case follow_up_outcome::not_applicable: break;
    }
    c.bounces += t.bounce;
  }
};

/// @}

}  // namespace csc

#endif  // CSC_MEASURE_STEPDOWN_HPP
