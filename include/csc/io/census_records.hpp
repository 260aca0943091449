/// @file
/// @brief CIN census returns (csc::io::cin_census, merged) as the three record
/// tables the CSV route also gives: referrals, child protection plans and CIN
/// plans (docs/inputs.md). Same record types, same findings: a defect gives
/// the same rule on the same record whichever route the data came by.
/// Needs expat (CMake target csc::cin_census), as io/cin_census.hpp does.
#ifndef CSC_IO_CENSUS_RECORDS_HPP
#define CSC_IO_CENSUS_RECORDS_HPP

#include <csc/core/day.hpp>
#include <csc/core/finding.hpp>
#include <csc/io/cin_census.hpp>
#include <csc/io/records.hpp>

#include <algorithm>
#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace csc::io {

/// @brief The record tables of a set of CIN census returns.
struct census_records {
  referral_table referrals;  ///< One record per cin_census::episodes entry, same order.
  cp_plan_table cp_plans;    ///< One record per cin_census::cp_plans entry, same order.
  episode_table cin_plans;   ///< One record per cin_census::cin_plans entry, same order.
};

/// @brief The census items a referral record can keep (csc::io::referral_record::kept).
/// @return the item names: child, episode and assessment items.
inline const std::vector<std::string>& census_referral_items() {
  static const std::vector<std::string> items = {
      "LAchildID",        "PersonBirthDate",  "Sex",         "GenderCurrent",  "CINreferralDate",  "CINclosureDate",
      "ReferralSource",   "PrimaryNeedCode",  "ReasonForClosure", "ReferralNFA", "AssessmentFactors",
      "AssessmentActualStartDate", "S47ActualStartDate"};
  return items;
}

/// @brief The census items a CP plan record can keep: the referral items and the plan's own.
/// @return the item names: census_referral_items() then the plan's items.
inline const std::vector<std::string>& census_cp_plan_items() {
  static const std::vector<std::string> items = [] {
    std::vector<std::string> v = census_referral_items();
    v.insert(v.end(), {"CPPstartDate", "CPPendDate", "InitialCategoryOfAbuse", "LatestCategoryOfAbuse",
                       "NumberOfPreviousCPP"});
    return v;
  }();
  return items;
}

namespace detail {

inline std::optional<day> to_optional_day(const std::optional<civil_date>& c) {
  return c ? std::optional<day>(day(*c)) : std::nullopt;
}

// The value of census item @p name for episode @p e (and plan @p plan for the plan's own items):
// AssessmentFactors joins every factor of the episode's assessments with ';' (a multi-valued key);
// AssessmentActualStartDate and S47ActualStartDate are the episode's earliest (`first_of`, by item).
inline std::string census_item(const cin_census& c, std::string_view name, std::size_t e, const cin_cp_plan* plan,
                               const std::map<std::size_t, std::string>& factors_of,
                               const std::map<std::string, std::map<std::size_t, civil_date>>& first_of = {}) {
  const cin_episode& ep = c.episodes[e];
  const cin_child& ch = c.children[ep.child];
  if (name == "LAchildID") return ch.id;
  if (name == "PersonBirthDate") {
    const auto& d = ch.birth ? ch.birth : ch.expected_birth;  // the expected date for an unborn child
    return d ? to_iso_string(*d) : std::string();
  }
  if (name == "Sex" || name == "GenderCurrent") return ch.sex;
  if (name == "CINreferralDate") return to_iso_string(ep.referral);
  if (name == "CINclosureDate") return ep.closure ? to_iso_string(*ep.closure) : std::string();
  if (name == "ReferralSource") return ep.referral_source;
  if (name == "PrimaryNeedCode") return ep.primary_need;
  if (name == "ReasonForClosure") return ep.reason_for_closure;
  if (name == "ReferralNFA") return ep.nfa ? "true" : "false";
  if (name == "AssessmentFactors") {
    const auto it = factors_of.find(e);
    return it == factors_of.end() ? std::string() : it->second;
  }
  if (name == "AssessmentActualStartDate" || name == "S47ActualStartDate") {
    const auto item = first_of.find(std::string(name));
    if (item == first_of.end()) return std::string();
    const auto it = item->second.find(e);
    return it == item->second.end() ? std::string() : to_iso_string(it->second);
  }
  if (plan == nullptr) return std::string();
  if (name == "CPPstartDate") return to_iso_string(plan->start);
  if (name == "CPPendDate") return plan->end ? to_iso_string(*plan->end) : std::string();
  if (name == "InitialCategoryOfAbuse") return plan->initial_category;
  if (name == "LatestCategoryOfAbuse") return plan->latest_category;
  if (name == "NumberOfPreviousCPP") return plan->previous_plans ? std::to_string(*plan->previous_plans) : std::string();
  return std::string();
}

}  // namespace detail

/// @brief The record tables of merged census @p c.
///
/// Each table's `files` are the returns (cin_census::files), `name` is
/// "CIN census " and the files joined by ',', `items` the census items its
/// records carry (so `has_item("ReferralNFA")` and `has_item("NumberOfPreviousCPP")`
/// are true). The findings the CSV readers raise (io/csv_records.hpp) are
/// copied onto the same records: every rule::unknown_code reader note about an
/// episode or a CP plan, and every rule::cin_closure_before_referral (DfE 8630)
/// finding of @p checks, with its detail. The records read_cin_census() left
/// out (cin_census::rejected, with cin_read_options::skip_invalid_records) are
/// copied into the referral table's `rejected`, whatever their table, as the
/// CSV readers list the records they leave out.
/// @param c      a census read with read_cin_census() and merged with merge().
/// @param checks the findings of check_cin_census(c) (only DfE 8630 is used; may be empty).
/// @param keep   census items whose values each referral and CP plan record keeps in `kept`, in this order
///               (an item the record does not have, or "", keeps ""; see census_referral_items()); with
///               no item named (every name ""), `kept` stays empty.
/// @return the three tables; their records' text views one csc::io::text_store the three share
/// (each LAchildID kept once), so the tables do not depend on @p c living.
/// @throws std::out_of_range if a finding names a record outside @p c.
inline census_records census_records_of(const cin_census& c, const std::vector<finding>& checks,
                                        const std::vector<std::string>& keep = {}) {
  std::map<std::size_t, std::string> factors_of;
  for (const auto& a : c.assessments)
    for (const auto& f : a.factors) factors_of[a.episode] += (factors_of[a.episode].empty() ? "" : ";") + f;
  std::map<std::string, std::map<std::size_t, civil_date>> first_of;  // the earliest assessment and S47 per episode
  const auto earliest = [](std::map<std::size_t, civil_date>& m, std::size_t e, const civil_date& d) {
    const auto it = m.find(e);
    if (it == m.end() || d < it->second) m[e] = d;
  };
  for (const auto& a : c.assessments) earliest(first_of["AssessmentActualStartDate"], a.episode, a.start);
  for (const auto& s47 : c.section47s) earliest(first_of["S47ActualStartDate"], s47.episode, s47.start);
  const auto text = std::make_shared<text_store>();
  const bool keeps = std::any_of(keep.begin(), keep.end(), [](const std::string& n) { return !n.empty(); });
  const auto kept = [&](std::size_t e, const cin_cp_plan* plan) {
    std::vector<std::string_view> v;
    if (keeps)
      for (const std::string& name : keep)
        v.push_back(text->keep(detail::census_item(c, name, e, plan, factors_of, first_of)));
    return v;
  };
  std::vector<std::string_view> child_ids(c.children.size());  // each child's LAchildID, kept once
  for (std::size_t k = 0; k < c.children.size(); ++k) child_ids[k] = text->keep(c.children[k].id);
  const auto child_of_episode = [&](std::size_t e) { return child_ids.at(c.episodes.at(e).child); };
  census_records out;
  std::string name = "CIN census ";
  for (std::size_t f = 0; f < c.files.size(); ++f) name += (f == 0 ? "" : ",") + c.files[f].file;
  const auto start = [&](auto& table, const std::vector<std::string>& items) {
    table.name = name;
    for (const auto& h : c.files) table.files.push_back(h.file);
    table.items = items;
    table.texts.push_back(text);
  };
  start(out.referrals, census_referral_items());
  start(out.cp_plans, census_cp_plan_items());
  start(out.cin_plans, {"LAchildID", "CINPlanStartDate", "CINPlanEndDate"});
  out.referrals.rejected = c.rejected;
  for (std::size_t e = 0; e < c.episodes.size(); ++e) {
    const cin_episode& ep = c.episodes[e];
    out.referrals.records.push_back(referral_record{child_ids[ep.child], day(ep.referral),
                                                    detail::to_optional_day(ep.closure),
                                                    text->keep(ep.referral_source), ep.nfa,
                                                    text->keep(ep.reason_for_closure), ep.source, kept(e, nullptr)});
  }
  for (const cin_cp_plan& p : c.cp_plans)
    out.cp_plans.records.push_back(cp_plan_record{child_of_episode(p.episode), day(p.start),
                                                  detail::to_optional_day(p.end), text->keep(p.initial_category),
                                                  text->keep(p.latest_category), p.previous_plans, p.source,
                                                  kept(p.episode, &p)});
  for (const cin_plan& p : c.cin_plans)
    out.cin_plans.records.push_back(
        episode_record{child_of_episode(p.episode), day(p.start), detail::to_optional_day(p.end), p.source});

  const auto copy = [&](const finding& f, cin_table table, std::size_t record) {
    finding g{f.rule, record, 0, std::nullopt, 0, f.counted, f.detail};
    if (table == cin_table::episodes) {
      (void)out.referrals.records.at(record);
      out.referrals.findings.push_back(std::move(g));
    } else if (table == cin_table::cp_plans) {
      (void)out.cp_plans.records.at(record);
      out.cp_plans.findings.push_back(std::move(g));
    }
  };
  for (const finding& n : c.notes)
    if (n.rule == rule::unknown_code && n.related_record) copy(n, to_cin_table(n.related_source), *n.related_record);
  for (const finding& f : checks)
    if (f.rule == rule::cin_closure_before_referral) copy(f, to_cin_table(f.source), f.record);
  return out;
}

}  // namespace csc::io

#endif  // CSC_IO_CENSUS_RECORDS_HPP
