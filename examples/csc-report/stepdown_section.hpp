// The step-down section of csc-report: service-level timelines from every
// input, transitions, re-escalation and the period measures; one child's
// timeline for --child.
#ifndef CSC_EXAMPLES_STEPDOWN_SECTION_HPP
#define CSC_EXAMPLES_STEPDOWN_SECTION_HPP

#include "inputs.hpp"
#include "json_writer.hpp"

#include <csc/core/count_text.hpp>
#include <csc/episode/timeline.hpp>
#include <csc/measure/measure.hpp>
#include <csc/measure/stepdown.hpp>
#include <csc/report/percent.hpp>

#include <algorithm>
#include <iomanip>
#include <optional>
#include <sstream>
#include <ostream>
#include <string>
#include <tuple>
#include <vector>

namespace csc_report {

/// The inputs that feed the timelines (absent ones are empty), in source order.
struct stepdown_inputs {
  const csc::io::referral_table* referrals = nullptr;  // source 0: referral episodes, level cin
  const csc::io::cp_plan_table* cp_plans = nullptr;    // source 1: level cp_plan
  const csc::io::episode_table* cin_plans = nullptr;   // source 2: level cin_plan
  const csc::io::episode_table* early_help = nullptr;  // source 3: level early_help
  const csc::io::episode_table* looked_after = nullptr;  // source 4: level looked_after
  std::vector<std::size_t> referral_rows;       // the rows of `referrals` in the timelines (all, or all but NFA)

  static constexpr const char* names[] = {"referrals", "cp_plans", "cin_plans", "early_help", "looked_after"};

  // The child, file, line and start date of record `record` of source `source`.
  struct row_ref {
    std::string_view child;
    const std::string& file;
    std::size_t line;
    date start;
  };
  row_ref row(std::size_t source, std::size_t record) const {
    switch (source) {
      case 0: {
        const auto& r = referrals->records[referral_rows[record]];
        return {r.child, referrals->files[r.source.file], r.source.line, r.referral};
      }
      case 1: {
        const auto& r = cp_plans->records[record];
        return {r.child, cp_plans->files[r.source.file], r.source.line, r.start};
      }
      default: {
        const csc::io::episode_table* in = source == 2 ? cin_plans : source == 3 ? early_help : looked_after;
        const auto& r = in->records[record];
        return {r.child, in->files[r.source.file], r.source.line, r.start};
      }
    }
  }
};

struct stepdown_report {
  csc::service_timelines<csc::io::text_view> timelines;
  csc::transition_classification<csc::io::text_view> transitions;
  csc::stepdown_measures measures;
  csc::window window;
};

inline stepdown_report compute_stepdown(const stepdown_inputs& in, date horizon, const csc::timeline_policy& policy,
                                        const csc::window& window, const std::optional<csc::interval<date>>& period) {
  using plan = csc::io::cp_plan_record;
  using episode = csc::io::episode_record;
  static const std::vector<plan> no_plans;
  static const std::vector<episode> no_episodes;
  const auto episodes_of = [&](const csc::io::episode_table* e, csc::service_level level) {
    return csc::episodes(e ? e->records : no_episodes, level, &episode::child, &episode::start, &episode::end);
  };
  auto timelines = csc::build_timelines(
      std::tuple(csc::episodes(in.referral_rows, csc::service_level::cin,
                    [&](std::size_t i) { return in.referrals->records[i].child; },
                    [&](std::size_t i) { return in.referrals->records[i].referral; },
                    [&](std::size_t i) { return in.referrals->records[i].closure; }),
      csc::episodes(in.cp_plans ? in.cp_plans->records : no_plans, csc::service_level::cp_plan, &plan::child,
                    &plan::start, &plan::end),
      episodes_of(in.cin_plans, csc::service_level::cin_plan), episodes_of(in.early_help, csc::service_level::early_help),
      episodes_of(in.looked_after, csc::service_level::looked_after)),
      horizon, policy);
  auto transitions = csc::classify_transitions(timelines, csc::transition_policy{window});
  csc::stepdown_measures measures;
  if (period) measures = csc::measure(transitions, *period, csc::count_stepdowns{});
  return stepdown_report{std::move(timelines), std::move(transitions), std::move(measures), window};
}

inline std::string iso(csc::day d) { return csc::to_iso_string(d); }

inline void write_counts(json_writer& j, std::string_view key, const csc::stepdown_counts& c) {
  j.begin_object(key)
      .value("count", c.count)
      .value("re_escalated", c.re_escalated)
      .value("re_escalated_percent", c.re_escalated_percent())
      .value("sustained", c.sustained)
      .value("follow_up_incomplete", c.follow_up_incomplete)
      .value("bounces", c.bounces);
  if (const auto q = c.days_quartiles()) {
    j.begin_object("days_to_re_escalation")
        .value("q1", std::optional<double>(q->q1))
        .value("median", std::optional<double>(q->median))
        .value("q3", std::optional<double>(q->q3))
        .end_object();
  } else {
    j.null("days_to_re_escalation");
  }
  j.end_object();
}

inline std::string pair_name(std::size_t from, std::size_t to) {
  return std::string(csc::to_string(static_cast<csc::service_level>(from))) + "->" +
         std::string(csc::to_string(static_cast<csc::service_level>(to)));
}

/// The "stepdown" object: every step-down and closure pair (from > to), in a fixed order.
inline void write_stepdown_json(json_writer& j, const stepdown_report& s, const csc::timeline_policy& policy,
                                bool nfa_referrals_excluded) {
  j.begin_object("stepdown");
  j.begin_object("policy")
      .value("bridge_gap_days", policy.bridge_gap_days)
      .value("nfa_referrals", nfa_referrals_excluded ? "excluded" : "included")
      .value("re_escalation_window", s.window.describe())
      .end_object();
  j.value("children", s.timelines.child_count()).value("escalations", s.measures.escalations);
  write_counts(j, "step_downs", s.measures.step_downs);
  write_counts(j, "closures", s.measures.closures);
  j.begin_object("transitions");
  for (std::size_t from = csc::service_level_count; from-- > 1;) {
    for (std::size_t to = from; to-- > 0;) write_counts(j, pair_name(from, to), s.measures.by_levels[from][to]);
  }
  j.end_object();
  j.end_object();
}

inline void write_stepdown_table(std::ostream& os, const stepdown_report& s, const csc::timeline_policy& policy,
                                 bool nfa_referrals_excluded, const csc::interval<date>& period) {
  os << "Step-down and re-escalation (csc-metrics definitions), " << csc::to_iso_string(period.first()) << " to "
     << csc::to_iso_string(*period.last()) << "\n"
     << "Timelines: " << csc::count_text(s.timelines.child_count(), "child", "children") << "; horizon "
     << iso(s.timelines.extract_date()) << "; gaps bridged up to "
     << csc::count_text(static_cast<std::size_t>(policy.bridge_gap_days), "day") << "; re-escalation window "
     << s.window.describe() << (nfa_referrals_excluded ? "; NFA referrals left out" : "") << "\n\n";
  // The table as text first, then each column as wide as its widest cell: the labels
  // left-aligned, every figure right-aligned under its header, whatever its width.
  std::vector<std::vector<std::string>> rows{
      {"from -> to", "count", "re-escalated", "%", "sustained", "incomplete", "bounces", "median"}};
  const auto line = [&](const std::string& label, const csc::stepdown_counts& c) {
    const std::string pct = csc::format_percent(c.re_escalated, c.count);
    const auto q = c.days_quartiles();
    std::ostringstream median;
    if (q) median << std::fixed << std::setprecision(1) << q->median;
    rows.push_back({label, std::to_string(c.count), std::to_string(c.re_escalated), pct.empty() ? "-" : pct,
                    std::to_string(c.sustained), std::to_string(c.follow_up_incomplete), std::to_string(c.bounces),
                    q ? median.str() : "-"});
  };
  for (std::size_t from = csc::service_level_count; from-- > 1;) {
    for (std::size_t to = from; to-- > 0;) {
      if (s.measures.by_levels[from][to].count != 0)
        line(std::string(csc::label_of(static_cast<csc::service_level>(from))) + " -> " +
                 std::string(csc::label_of(static_cast<csc::service_level>(to))),
             s.measures.by_levels[from][to]);
    }
  }
  line("all step-downs", s.measures.step_downs);
  line("all closures", s.measures.closures);
  std::vector<std::size_t> width(rows.front().size(), 0);
  for (const auto& r : rows)
    for (std::size_t c = 0; c < r.size(); ++c) width[c] = std::max(width[c], r[c].size());
  for (const auto& r : rows) {
    os << "  " << r[0] << std::string(width[0] - r[0].size(), ' ');
    for (std::size_t c = 1; c < r.size(); ++c) os << std::string(width[c] - r[c].size() + 2, ' ') << r[c];
    os << "\n";
  }
  os << "  escalations in the period: " << s.measures.escalations << "\n"
     << "  (median = median days to re-escalation; bounces = step-downs from a CP plan back to a CP plan or higher)\n";
  if (!s.timelines.findings().empty()) {
    std::size_t merged = 0;
    std::size_t dropped = 0;
    for (const auto& f : s.timelines.findings()) (f.counted ? merged : dropped) += 1;
    // Only the rules with findings (a finding is one or the other).
    os << "\n  Timeline findings: ";
    if (merged) os << merged << " episode_same_level_overlap (merged)" << (dropped ? ", " : "");
    if (dropped) os << dropped << " episode_end_before_start (left out)";
    os << '\n';
  }
}

/// One child's timeline and transitions, for checking a case by eye.
inline void write_child(std::ostream& os, const std::string& format, const stepdown_report& s, std::size_t child,
                        const stepdown_inputs& in) {
  const auto transitions_of = [&](auto f) {
    for (const auto& t : s.transitions.by_child()) {
      if (t.child == child) f(t);
    }
  };
  if (format == "json") {
    json_writer j(os);
    j.begin_object().value("child", s.timelines.child_id(child)).value("horizon", iso(s.timelines.extract_date()));
    j.begin_array("segments");
    for (const auto& seg : s.timelines.segments(child)) {
      j.begin_object()
          .value("level", csc::to_string(seg.level))
          .value("first", iso(seg.first))
          .value("last", iso(seg.last))
          .end_object();
    }
    j.end_array().begin_array("transitions");
    transitions_of([&](const csc::service_transition& t) {
      j.begin_object()
          .value("day", iso(t.on))
          .value("kind", csc::to_string(t.kind))
          .value("from", csc::to_string(t.from))
          .value("to", csc::to_string(t.to))
          .value("outcome", csc::to_string(t.outcome));
      if (t.re_escalated_on) {
        j.value("re_escalated_on", iso(*t.re_escalated_on))
            .value("days_to_re_escalation", t.days_to_re_escalation()->count());
      } else {
        j.null("re_escalated_on").null("days_to_re_escalation");
      }
      j.value("bounce", t.bounce).end_object();
    });
    j.end_array().begin_array("findings");
    for (const auto& f : s.timelines.findings()) {
      const auto r = in.row(f.source, f.record);
      if (r.child != s.timelines.child_id(child)) continue;
      j.begin_object()
          .value("input", stepdown_inputs::names[f.source])
          .value("rule", csc::to_string(f.rule))
          .value("file", r.file)
          .value("line", r.line)
          .value("counted", f.counted)
          .end_object();
    }
    j.end_array().end_object();
    return;
  }
  os << "Child " << s.timelines.child_id(child) << ": service levels to the horizon " << iso(s.timelines.extract_date())
     << "\n";
  for (const auto& seg : s.timelines.segments(child)) {
    os << "  " << iso(seg.first) << " .. " << iso(seg.last) << "  " << csc::to_string(seg.level) << "\n";
  }
  os << "Transitions (day = first day at the new level)\n";
  transitions_of([&](const csc::service_transition& t) {
    const std::string change = std::string(csc::to_string(t.from)) + " -> " + std::string(csc::to_string(t.to));
    os << "  " << iso(t.on) << "  " << std::left << std::setw(11) << csc::to_string(t.kind);
    if (t.kind == csc::transition_kind::escalation) {
      os << change;
    } else {
      os << std::setw(26) << change << csc::to_string(t.outcome);
      if (t.re_escalated_on) {
        os << " on " << iso(*t.re_escalated_on) << " ("
           << csc::count_text(static_cast<std::size_t>(t.days_to_re_escalation()->count()), "day") << ", to "
           << csc::to_string(t.re_escalation_level) << ")";
      }
      if (t.bounce) os << ", bounce";
    }
    os << std::right << "\n";
  });
  for (const auto& f : s.timelines.findings()) {
    const auto r = in.row(f.source, f.record);
    if (r.child != s.timelines.child_id(child)) continue;
    os << "Finding: " << csc::to_string(f.rule) << " (" << stepdown_inputs::names[f.source] << ", " << r.file << ':'
       << r.line << ", " << (f.counted ? "merged" : "left out") << ")\n";
  }
}

}  // namespace csc_report

#endif
