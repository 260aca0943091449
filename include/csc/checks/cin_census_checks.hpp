/// @file
/// @brief csc::io::check_cin_census: DfE's date and overlap validation rules
/// for the CIN census, as DfE words them, run on a csc::io::cin_census; each
/// failure is a csc::finding naming the rule, the record (a csc::io::cin_table
/// and an index in it) and the other record involved
/// (docs/rules/cin-census-checks.md). One check of csc-metrics' own, with no
/// DfE number (rule::cpp_date_after_closure), runs beside them.
/// The plan rules (8925, 8840, 8935, 8940, 4014) are csc::plan_checker's,
/// shared with csc::classify_cp_plans. The checks never change or drop a record.
/// @ingroup checks
#ifndef CSC_CHECKS_CIN_CENSUS_CHECKS_HPP
#define CSC_CHECKS_CIN_CENSUS_CHECKS_HPP

#include <csc/checks/plan_checks.hpp>
#include <csc/core/civil_date.hpp>
#include <csc/core/day.hpp>
#include <csc/core/finding.hpp>
#include <csc/io/cin_census.hpp>

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace csc::io {

/// @addtogroup checks
/// @{

/// @brief The rules check_cin_census() checks, in the order it reports them
/// (DfE rule numbers 8630, 8815, 8816, 8820, 8565, then csc-metrics'
/// rule::cpp_date_after_closure, then 1103, 1104, 1105, 2889, 8925, 8840,
/// 8935, 8940, 4014, 4001; docs/rules/cin-census-checks.md).
inline constexpr csc::rule cin_check_rules[] = {
    rule::cin_closure_before_referral, rule::more_than_one_open_episode, rule::open_episode_not_latest,
    rule::referral_within_other_episode, rule::date_after_closure,       rule::cpp_date_after_closure,
    rule::assessment_before_referral,  rule::icpc_before_referral,       rule::cpp_before_referral,
    rule::s47_before_referral,         rule::cpp_end_before_start,       rule::cpp_same_day_start_end,
    rule::cpp_more_than_one_open,      rule::cpp_overlap,                rule::cin_plan_overlap,
    rule::cin_and_cp_plan_concurrent};

namespace detail {

// A plan of one child as 4001 sees it: [first, last] with last = end, or the
// return's ReferenceDate while open, and the episode holding it.
struct dated_span {
  day first;
  day last;
  bool open;
  std::size_t episode;
  cin_table table;
  std::size_t record;
};

// Runs csc::plan_checker on each child's plans of one kind, in the order
// (start, end with open last, table order); open plans run to their return's
// ReferenceDate.
template <class Plans>
void check_plans(const cin_census& c, const Plans& plans, cin_table table, const plan_rules& rules,
                 std::vector<finding>& out) {
  std::vector<plan_dates> dated;
  dated.reserve(plans.size());
  std::vector<std::size_t> child;
  child.reserve(plans.size());
  for (std::size_t i = 0; i < plans.size(); ++i) {
    const auto& p = plans[i];
    const cin_episode& ep = c.episodes.at(p.episode);
    dated.push_back(plan_dates{day(p.start), p.end ? std::optional<day>(day(*p.end)) : std::nullopt,
                               day(ep.reference_date), i, to_source(table)});
    child.push_back(ep.child);
  }
  // By child, then start, then end with open last, then table order.
  std::vector<std::size_t> order(plans.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const plan_dates& pa = dated[a];
    const plan_dates& pb = dated[b];
    if (child[a] != child[b]) return child[a] < child[b];
    if (pa.start != pb.start) return pa.start < pb.start;
    if (pa.end.has_value() != pb.end.has_value()) return pa.end.has_value();  // open last
    return pa.end && *pa.end < *pb.end;
  });
  const auto sink = [&](finding&& f) { out.push_back(std::move(f)); };
  plan_checker checker(rules);
  for (std::size_t k = 0; k < order.size(); ++k) {
    if (k == 0 || child[order[k]] != child[order[k - 1]]) checker.next_child();
    checker.check(dated[order[k]], sink);
  }
}

}  // namespace detail

/// @brief Runs every rule of cin_check_rules on @p c (after merge(), so that
/// the records of one child from several returns are checked together).
///
/// Rules (DfE CIN census validation rules as the D2I validator words them,
/// domain-reference.md 7.3; docs/rules/cin-census-checks.md):
/// - 8630: CINclosureDate >= CINreferralDate.
/// - 8815: at most one episode per child that is open and not NFA.
/// - 8816: an open, non-NFA episode has the child's latest referral date. A
///   tie is no failure: an episode whose referral date equals the latest is
///   the latest (two open episodes on one date are reported by 8815 and 8820).
/// - 8820: an episode's referral date does not fall in [R, C) of another
///   episode of the child (C exclusive: a referral on the previous closure day
///   is allowed), nor in [R, ReferenceDate] of another open, non-NFA episode.
/// - 8565: the closure date is on or after every date of DfE's list present
///   in the episode: AssessmentActualStartDate, AssessmentAuthorisationDate,
///   S47ActualStartDate, DateOfInitialCPC (episode or S47), CPPendDate,
///   CINPlanStartDate, CINPlanEndDate.
/// - rule::cpp_date_after_closure (csc-metrics, no DfE number): the closure
///   date is on or after the episode's CPPstartDate and CPPreviewDate values,
///   which DfE's 8565 list does not contain.
/// - 1103 / 2889 / 1105: assessment / S47 / CP plan start >= the episode's referral date.
/// - 1104: every ICPC date (episode or S47) >= the referral date.
/// - 8925, 8840, 8935, 8940 on each child's CP plans and 4014 on its CIN
///   plans, across all its episodes: csc::plan_checker (docs/rules/cp-plan-checks.md),
///   the plans in the order (start, end with open last, table order), an open
///   plan running to the ReferenceDate of its return. 8940/4014 are inclusive
///   and reported once per overlapping plan (two plans starting the same day:
///   one finding, on the later in that order); a plan failing 8925 takes part
///   in no other plan check.
/// - 4001: an episode does not hold an open CP plan and an open CIN plan
///   (both without an end date, whatever their start dates, also when one
///   starts after the ReferenceDate); and (4016/4017) a CIN plan and a CP
///   plan of the child do not run concurrently: neither's start falls in
///   [start, end) of the other (or [start, ReferenceDate] when open), so a CIN
///   plan may start on the day a CP plan ends (a step-down). One finding per
///   pair of plans: on the plan that starts within the other, else (both open
///   in one episode) on the CIN plan.
///
/// Each finding's `source` is to_source(cin_table::X) and `record` the index
/// in that table: the episode for 8630, 8815, 8816, 8820, 8565 and
/// cpp_date_after_closure (related: the other episode, or the record holding
/// the late date); the assessment,
/// S47, CP plan or episode holding the early date for 1103, 2889, 1105, 1104
/// (related: the episode); the plan for the plan rules and 4001 (related: the
/// other plan). cin_census::where() and cin_census::child_of() map a finding
/// back to its file, line and child. `counted` is false only for 8925 (such a
/// plan takes part in no count, as in csc::classify_cp_plans).
/// @param c the census, merged.
/// @return the findings, ordered by rule as in cin_check_rules, then by child
/// and record as found.
/// @throws std::out_of_range if a record names a parent that is not in @p c.
inline std::vector<csc::finding> check_cin_census(const cin_census& c) {
  std::vector<finding> out;
  const auto add = [&](rule r, cin_table table, std::size_t record, std::optional<std::pair<cin_table, std::size_t>> related,
                       std::string detail) {
    finding f;
    f.rule = r;
    f.source = to_source(table);
    f.record = record;
    if (related) {
      f.related_source = to_source(related->first);
      f.related_record = related->second;
    }
    f.detail = std::move(detail);
    out.push_back(std::move(f));
  };
  const auto iso = [](const civil_date& d) { return to_iso_string(d); };
  using rec = std::pair<cin_table, std::size_t>;

  // Episode-level rules.
  std::vector<std::vector<std::size_t>> episodes_of(c.children.size());
  for (std::size_t e = 0; e < c.episodes.size(); ++e) episodes_of.at(c.episodes[e].child).push_back(e);
  for (std::size_t ch = 0; ch < c.children.size(); ++ch) {
    const auto& list = episodes_of[ch];
    std::optional<civil_date> latest;
    for (std::size_t e : list) latest = latest ? std::max(*latest, c.episodes[e].referral) : c.episodes[e].referral;
    std::optional<std::size_t> first_open;
    for (std::size_t e : list) {
      const cin_episode& ep = c.episodes[e];
      if (ep.closure && *ep.closure < ep.referral)
        add(rule::cin_closure_before_referral, cin_table::episodes, e, std::nullopt,
            "CINclosureDate " + iso(*ep.closure) + " is before CINreferralDate " + iso(ep.referral));
      if (!ep.closure && !ep.nfa) {
        if (first_open)
          add(rule::more_than_one_open_episode, cin_table::episodes, e, rec{cin_table::episodes, *first_open},
              "a second open episode that is not NFA (referral " + iso(ep.referral) + ")");
        else
          first_open = e;
        if (ep.referral < *latest)
          add(rule::open_episode_not_latest, cin_table::episodes, e, std::nullopt,
              "open, not NFA, but referral " + iso(ep.referral) + " is not the child's latest referral");
      }
      for (std::size_t o : list) {
        if (o == e) continue;
        const cin_episode& other = c.episodes[o];
        const civil_date& r = ep.referral;
        const bool in_closed_episode = other.closure && other.referral <= r && r < *other.closure;
        const bool in_open_episode = !other.closure && !other.nfa && other.referral <= r && r <= other.reference_date;
        if (in_closed_episode || in_open_episode)
          add(rule::referral_within_other_episode, cin_table::episodes, e, rec{cin_table::episodes, o},
              "referral " + iso(ep.referral) + " falls within the episode referred " + iso(other.referral) +
                  (other.closure ? " and closed " + iso(*other.closure) : " (open, not NFA)"));
      }
    }
  }

  // 8565 (DfE's list of items), csc-metrics' cpp_date_after_closure (the CP
  // plan items DfE's list leaves out) and the "on or after the referral date"
  // rules, per nested record.
  const auto closed_before = [&](rule r, std::size_t episode, const civil_date& d, const char* item, rec source) {
    const cin_episode& ep = c.episodes.at(episode);
    if (ep.closure && d > *ep.closure)
      add(r, cin_table::episodes, episode, source,
          std::string(item) + " " + iso(d) + " is after CINclosureDate " + iso(*ep.closure));
  };
  const auto after_closure = [&](std::size_t episode, const civil_date& d, const char* item, rec source) {
    closed_before(rule::date_after_closure, episode, d, item, source);
  };
  const auto before_referral = [&](rule r, std::size_t episode, const civil_date& d, const char* item, rec source) {
    const cin_episode& ep = c.episodes.at(episode);
    if (d < ep.referral)
      add(r, source.first, source.second, rec{cin_table::episodes, episode},
          std::string(item) + " " + iso(d) + " is before CINreferralDate " + iso(ep.referral));
  };
  for (std::size_t e = 0; e < c.episodes.size(); ++e)
    if (c.episodes[e].initial_cpc) {
      before_referral(rule::icpc_before_referral, e, *c.episodes[e].initial_cpc, "DateOfInitialCPC",
                      rec{cin_table::episodes, e});
      after_closure(e, *c.episodes[e].initial_cpc, "DateOfInitialCPC", rec{cin_table::episodes, e});
    }
  for (std::size_t i = 0; i < c.assessments.size(); ++i) {
    const cin_assessment& a = c.assessments[i];
    const rec self{cin_table::assessments, i};
    before_referral(rule::assessment_before_referral, a.episode, a.start, "AssessmentActualStartDate", self);
    after_closure(a.episode, a.start, "AssessmentActualStartDate", self);
    if (a.authorised) after_closure(a.episode, *a.authorised, "AssessmentAuthorisationDate", self);
  }
  for (std::size_t i = 0; i < c.section47s.size(); ++i) {
    const cin_section47& s = c.section47s[i];
    const rec self{cin_table::section47s, i};
    before_referral(rule::s47_before_referral, s.episode, s.start, "S47ActualStartDate", self);
    after_closure(s.episode, s.start, "S47ActualStartDate", self);
    if (s.icpc) {
      before_referral(rule::icpc_before_referral, s.episode, *s.icpc, "DateOfInitialCPC", self);
      after_closure(s.episode, *s.icpc, "DateOfInitialCPC", self);
    }
  }
  for (std::size_t i = 0; i < c.cin_plans.size(); ++i) {
    const cin_plan& p = c.cin_plans[i];
    const rec self{cin_table::cin_plans, i};
    after_closure(p.episode, p.start, "CINPlanStartDate", self);
    if (p.end) after_closure(p.episode, *p.end, "CINPlanEndDate", self);
  }
  for (std::size_t i = 0; i < c.cp_plans.size(); ++i) {
    const cin_cp_plan& p = c.cp_plans[i];
    const rec self{cin_table::cp_plans, i};
    before_referral(rule::cpp_before_referral, p.episode, p.start, "CPPstartDate", self);
    closed_before(rule::cpp_date_after_closure, p.episode, p.start, "CPPstartDate", self);
    if (p.end) after_closure(p.episode, *p.end, "CPPendDate", self);
    for (const civil_date& r : p.reviews) closed_before(rule::cpp_date_after_closure, p.episode, r, "CPPreviewDate", self);
  }

  // 8925, 8840, 8935, 8940 (CP plans) and 4014 (CIN plans): the shared plan checks.
  detail::check_plans(c, c.cp_plans, cin_table::cp_plans, plan_rules::cp_plans(), out);
  detail::check_plans(c, c.cin_plans, cin_table::cin_plans, plan_rules::cin_plans(), out);

  // 4001: both plans open in one episode; 4016/4017: a start inside the other
  // kind of plan, [start, end) when ended, [start, ReferenceDate] when open.
  using detail::dated_span;
  std::vector<std::vector<dated_span>> cp_of(c.children.size()), cin_of(c.children.size());
  const auto span_of = [&](const auto& p, cin_table table, std::size_t i) {
    return dated_span{day(p.start), day(p.end ? *p.end : c.episodes.at(p.episode).reference_date), !p.end, p.episode,
                      table, i};
  };
  for (std::size_t i = 0; i < c.cp_plans.size(); ++i)
    cp_of.at(c.episodes.at(c.cp_plans[i].episode).child).push_back(span_of(c.cp_plans[i], cin_table::cp_plans, i));
  for (std::size_t i = 0; i < c.cin_plans.size(); ++i)
    cin_of.at(c.episodes.at(c.cin_plans[i].episode).child).push_back(span_of(c.cin_plans[i], cin_table::cin_plans, i));
  const auto inside = [](day d, const dated_span& p) { return p.first <= d && (p.open ? d <= p.last : d < p.last); };
  for (std::size_t ch = 0; ch < c.children.size(); ++ch)
    for (const dated_span& cin : cin_of[ch])
      for (const dated_span& cp : cp_of[ch]) {
        if (inside(cin.first, cp))
          add(rule::cin_and_cp_plan_concurrent, cin.table, cin.record, rec{cp.table, cp.record},
              "CIN plan starting " + to_iso_string(cin.first) + " runs concurrently with the CP plan from " +
                  to_iso_string(cp.first));
        else if (inside(cp.first, cin))
          add(rule::cin_and_cp_plan_concurrent, cp.table, cp.record, rec{cin.table, cin.record},
              "CP plan starting " + to_iso_string(cp.first) + " runs concurrently with the CIN plan from " +
                  to_iso_string(cin.first));
        else if (cin.open && cp.open && cin.episode == cp.episode)
          add(rule::cin_and_cp_plan_concurrent, cin.table, cin.record, rec{cp.table, cp.record},
              "CIN plan starting " + to_iso_string(cin.first) + " and the CP plan from " + to_iso_string(cp.first) +
                  " are both open in one episode");
      }

  std::stable_sort(out.begin(), out.end(), [](const finding& a, const finding& b) {
    const auto rank = [](rule r) {
      return std::find(std::begin(cin_check_rules), std::end(cin_check_rules), r) - std::begin(cin_check_rules);
    };
    return rank(a.rule) < rank(b.rule);
  });
  return out;
}

/// @}

}  // namespace csc::io

#endif  // CSC_CHECKS_CIN_CENSUS_CHECKS_HPP
