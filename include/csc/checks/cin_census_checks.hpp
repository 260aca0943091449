/// @file
/// @brief DfE's date and overlap validation rules for the CIN census, run on
/// a csc::io::cin_census: each failure is a finding with the rule number, the
/// child and the records involved (docs/rules/cin-census-checks.md). The
/// checks never change or drop a record.
#ifndef CSC_IO_CIN_CHECKS_HPP
#define CSC_IO_CIN_CHECKS_HPP

#include <csc/io/cin_census.hpp>

#include <algorithm>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace csc::io {

/// @brief One failed DfE check.
struct cin_check_finding {
  std::string_view rule;              ///< DfE rule number, e.g. "8820".
  std::size_t child = 0;              ///< Index into cin_census::children.
  cin_source record;                  ///< The record that fails.
  std::optional<cin_source> related;  ///< The other record involved, if any.
  std::string detail;                 ///< What failed, with the dates.
};

/// @brief The rules checked, in the order they are reported.
inline constexpr std::string_view cin_check_rules[] = {"8630", "8815", "8816", "8820", "8565", "1103", "1104",
                                                       "1105", "2889", "8925", "8840", "8935", "8940", "4014",
                                                       "4001"};

namespace detail {

inline bool in_closed(serial_day d, serial_day first, serial_day last) { return first <= d && d <= last; }

// A dated span of one child's record: [first, last] with last = end, or the
// return's ReferenceDate while open.
struct dated_span {
  serial_day first;
  serial_day last;
  bool open;
  cin_source source;
};

}  // namespace detail

/// @brief Runs every rule of cin_check_rules on @p c (after merge(), so that
/// records of one child from several returns are checked together).
///
/// Rules (domain-reference.md 7.3; docs/rules/cin-census-checks.md):
/// - 8630: CINclosureDate >= CINreferralDate.
/// - 8815: at most one episode per child that is open and not NFA.
/// - 8816: an open, non-NFA episode has the child's latest referral date.
/// - 8820: an episode's referral date does not fall in [R, C) of another
///   episode of the child (C exclusive: a referral on the previous closure day
///   is allowed), nor in [R, ReferenceDate] of another open, non-NFA episode.
/// - 8565: the closure date is on or after every date in the episode
///   (assessment start and authorisation, S47 start, ICPC, CIN plan start and
///   end, CP plan start and end, CP reviews).
/// - 1103 / 2889 / 1105: assessment / S47 / CP plan start >= the episode's referral date.
/// - 1104: every ICPC date (episode or S47) >= the referral date.
/// - 8925: CPPendDate >= CPPstartDate. 8840: a plan does not start and end on the same day.
/// - 8935: at most one open CP plan per child.
/// - 8940: a plan's start does not fall within another plan of the child,
///   [start, end] **inclusive** (or [start, ReferenceDate] when open), across
///   all the child's episodes.
/// - 4014: the same for CIN plans.
/// - 4001 (4016/4017): a CIN plan and a CP plan of the child do not run
///   concurrently: neither's start falls in [start, end) of the other (or
///   [start, ReferenceDate] when open), so a CIN plan may start on the day a
///   CP plan ends (a step-down).
inline std::vector<cin_check_finding> check_cin_census(const cin_census& c) {
  using detail::dated_span;
  using detail::in_closed;
  std::vector<cin_check_finding> out;
  const auto sd = [](const civil_date& d) { return to_serial_day(d); };
  const auto add = [&](std::string_view rule, std::size_t child, const cin_source& record,
                       std::optional<cin_source> related, std::string detail) {
    out.push_back(cin_check_finding{rule, child, record, related, std::move(detail)});
  };
  const auto iso = [](const civil_date& d) { return to_iso_string(d); };

  // Records by child.
  std::vector<std::vector<std::size_t>> episodes_of(c.children.size());
  for (std::size_t e = 0; e < c.episodes.size(); ++e) episodes_of[c.episodes[e].child].push_back(e);
  const auto child_of = [&](std::size_t episode) { return c.episodes[episode].child; };
  const auto span_of = [&](const civil_date& start, const std::optional<civil_date>& end, std::size_t episode,
                           const cin_source& source) {
    return dated_span{sd(start), end ? sd(*end) : sd(c.episodes[episode].reference_date), !end, source};
  };

  // Episode-level rules.
  for (std::size_t ch = 0; ch < c.children.size(); ++ch) {
    const auto& list = episodes_of[ch];
    serial_day latest = 0;
    for (std::size_t e : list) latest = std::max(latest, sd(c.episodes[e].referral));
    std::optional<std::size_t> first_open;
    for (std::size_t e : list) {
      const cin_episode& ep = c.episodes[e];
      if (ep.closure && *ep.closure < ep.referral)
        add("8630", ch, ep.source, std::nullopt,
            "CINclosureDate " + iso(*ep.closure) + " is before CINreferralDate " + iso(ep.referral));
      if (!ep.closure && !ep.nfa) {
        if (first_open)
          add("8815", ch, ep.source, c.episodes[*first_open].source,
              "a second open episode that is not NFA (referral " + iso(ep.referral) + ")");
        else
          first_open = e;
        if (sd(ep.referral) < latest)
          add("8816", ch, ep.source, std::nullopt,
              "open, not NFA, but referral " + iso(ep.referral) + " is not the child's latest referral");
      }
      for (std::size_t o : list) {
        if (o == e) continue;
        const cin_episode& other = c.episodes[o];
        const serial_day r = sd(ep.referral);
        const bool in_closed_episode = other.closure && sd(other.referral) <= r && r < sd(*other.closure);
        const bool in_open_episode =
            !other.closure && !other.nfa && sd(other.referral) <= r && r <= sd(other.reference_date);
        if (in_closed_episode || in_open_episode)
          add("8820", ch, ep.source, other.source,
              "referral " + iso(ep.referral) + " falls within the episode referred " + iso(other.referral) +
                  (other.closure ? " and closed " + iso(*other.closure) : " (open, not NFA)"));
      }
    }
  }

  // 8565 and the "on or after the referral date" rules, per nested record.
  const auto after_closure = [&](std::size_t episode, const civil_date& d, const char* item, const cin_source& source) {
    const cin_episode& ep = c.episodes[episode];
    if (ep.closure && d > *ep.closure)
      add("8565", ep.child, ep.source, source,
          std::string(item) + " " + iso(d) + " is after CINclosureDate " + iso(*ep.closure));
  };
  const auto before_referral = [&](std::string_view rule, std::size_t episode, const civil_date& d, const char* item,
                                   const cin_source& source) {
    const cin_episode& ep = c.episodes[episode];
    if (d < ep.referral)
      add(rule, ep.child, source, ep.source,
          std::string(item) + " " + iso(d) + " is before CINreferralDate " + iso(ep.referral));
  };
  for (std::size_t e = 0; e < c.episodes.size(); ++e)
    if (c.episodes[e].initial_cpc) {
      before_referral("1104", e, *c.episodes[e].initial_cpc, "DateOfInitialCPC", c.episodes[e].source);
      after_closure(e, *c.episodes[e].initial_cpc, "DateOfInitialCPC", c.episodes[e].source);
    }
  for (const cin_assessment& a : c.assessments) {
    before_referral("1103", a.episode, a.start, "AssessmentActualStartDate", a.source);
    after_closure(a.episode, a.start, "AssessmentActualStartDate", a.source);
    if (a.authorised) after_closure(a.episode, *a.authorised, "AssessmentAuthorisationDate", a.source);
  }
  for (const cin_section47& s : c.section47s) {
    before_referral("2889", s.episode, s.start, "S47ActualStartDate", s.source);
    after_closure(s.episode, s.start, "S47ActualStartDate", s.source);
    if (s.icpc) {
      before_referral("1104", s.episode, *s.icpc, "DateOfInitialCPC", s.source);
      after_closure(s.episode, *s.icpc, "DateOfInitialCPC", s.source);
    }
  }
  for (const cin_plan& p : c.cin_plans) {
    after_closure(p.episode, p.start, "CINPlanStartDate", p.source);
    if (p.end) after_closure(p.episode, *p.end, "CINPlanEndDate", p.source);
  }
  for (const cin_cp_plan& p : c.cp_plans) {
    before_referral("1105", p.episode, p.start, "CPPstartDate", p.source);
    after_closure(p.episode, p.start, "CPPstartDate", p.source);
    if (p.end) after_closure(p.episode, *p.end, "CPPendDate", p.source);
    for (const civil_date& r : p.reviews) after_closure(p.episode, r, "CPPreviewDate", p.source);
    if (p.end && *p.end < p.start)
      add("8925", child_of(p.episode), p.source, std::nullopt,
          "CPPendDate " + iso(*p.end) + " is before CPPstartDate " + iso(p.start));
    if (p.end && *p.end == p.start)
      add("8840", child_of(p.episode), p.source, std::nullopt, "starts and ends on " + iso(p.start));
  }

  // Plan overlaps, per child across all its episodes.
  std::vector<std::vector<dated_span>> cp_of(c.children.size()), cin_of(c.children.size());
  for (const cin_cp_plan& p : c.cp_plans) cp_of[child_of(p.episode)].push_back(span_of(p.start, p.end, p.episode, p.source));
  for (const cin_plan& p : c.cin_plans) cin_of[child_of(p.episode)].push_back(span_of(p.start, p.end, p.episode, p.source));
  const auto day = [](serial_day s) { return to_iso_string(from_serial_day(s)); };
  for (std::size_t ch = 0; ch < c.children.size(); ++ch) {
    std::optional<cin_source> first_open;
    for (const dated_span& p : cp_of[ch]) {
      if (!p.open) continue;
      if (first_open) add("8935", ch, p.source, *first_open, "a second open CP plan (start " + day(p.first) + ")");
      else first_open = p.source;
    }
    const auto overlaps = [&](std::string_view rule, const std::vector<dated_span>& plans, const char* what) {
      for (std::size_t i = 0; i < plans.size(); ++i)
        for (std::size_t j = 0; j < plans.size(); ++j)
          if (i != j && plans[j].first <= plans[j].last && in_closed(plans[i].first, plans[j].first, plans[j].last))
            add(rule, ch, plans[i].source, plans[j].source,
                std::string(what) + " starting " + day(plans[i].first) + " falls within the one from " +
                    day(plans[j].first) + (plans[j].open ? " (open)" : " to " + day(plans[j].last)));
    };
    overlaps("8940", cp_of[ch], "CP plan");
    overlaps("4014", cin_of[ch], "CIN plan");
    // A start inside the other kind of plan: [start, end) when ended, [start, ReferenceDate] when open.
    const auto inside = [](serial_day d, const dated_span& p) { return p.first <= d && (p.open ? d <= p.last : d < p.last); };
    for (const dated_span& cin : cin_of[ch])
      for (const dated_span& cp : cp_of[ch]) {
        if (inside(cin.first, cp))
          add("4001", ch, cin.source, cp.source,
              "CIN plan starting " + day(cin.first) + " runs concurrently with the CP plan from " + day(cp.first));
        else if (inside(cp.first, cin))
          add("4001", ch, cp.source, cin.source,
              "CP plan starting " + day(cp.first) + " runs concurrently with the CIN plan from " + day(cin.first));
      }
  }
  std::stable_sort(out.begin(), out.end(), [](const cin_check_finding& a, const cin_check_finding& b) {
    const auto rank = [](std::string_view r) {
      return std::find(std::begin(cin_check_rules), std::end(cin_check_rules), r) - std::begin(cin_check_rules);
    };
    return rank(a.rule) < rank(b.rule);
  });
  return out;
}

}  // namespace csc::io

#endif  // CSC_IO_CIN_CHECKS_HPP
