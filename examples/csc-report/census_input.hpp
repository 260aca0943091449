// csc-report --cin-census: one or more annual CIN census returns (XML) read,
// merged (the latest return's copy of each referral), checked with DfE's date
// and overlap rules, and turned into the same inputs as the CSV extracts:
// referrals, CP plans (with NumberOfPreviousCPP) and CIN plans.
#ifndef CSC_EXAMPLES_CENSUS_INPUT_HPP
#define CSC_EXAMPLES_CENSUS_INPUT_HPP

#include "cp_plans_input.hpp"
#include "episodes_input.hpp"
#include "referrals_input.hpp"

#include <csc/io/cin_census.hpp>
#include <csc/checks/cin_census_checks.hpp>
#include <csc/core/finding.hpp>

#include <fstream>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace csc_report {

struct census_input {
  csc::io::cin_census census;
  std::vector<csc::finding> checks;  // csc::io::check_cin_census: source = a csc::io::cin_table
  referral_input referrals;
  cp_plan_input cp_plans;
  episode_input cin_plans;
};

// The value of census item @p name for a record of episode @p e (and plan @p plan,
// for the plan's own items), for --by and --family: child, episode and plan items
// by their CIN census names; AssessmentFactors joins every factor of the episode's
// assessments with ';' (a multi-valued key).
inline std::string census_item(const csc::io::cin_census& c, const std::string& name, std::size_t e,
                               const csc::io::cin_cp_plan* plan,
                               const std::map<std::size_t, std::string>& factors_of) {
  const csc::io::cin_episode& ep = c.episodes[e];
  const csc::io::cin_child& ch = c.children[ep.child];
  if (name == "LAchildID") return ch.id;
  if (name == "PersonBirthDate") {
    const auto& d = ch.birth ? ch.birth : ch.expected_birth;  // the expected date for an unborn child
    return d ? csc::to_iso_string(*d) : std::string();
  }
  if (name == "Sex" || name == "GenderCurrent") return ch.sex;
  if (name == "ReferralSource") return ep.referral_source;
  if (name == "PrimaryNeedCode") return ep.primary_need;
  if (name == "ReasonForClosure") return ep.reason_for_closure;
  if (name == "ReferralNFA") return ep.nfa ? "true" : "false";
  if (name == "AssessmentFactors") {
    const auto it = factors_of.find(e);
    return it == factors_of.end() ? std::string() : it->second;
  }
  if (plan && name == "InitialCategoryOfAbuse") return plan->initial_category;
  if (plan && name == "LatestCategoryOfAbuse") return plan->latest_category;
  return std::string();
}

inline bool is_census_item(const std::string& name, bool plans) {
  for (const char* n : {"LAchildID", "PersonBirthDate", "Sex", "GenderCurrent", "ReferralSource", "PrimaryNeedCode",
                        "ReasonForClosure", "ReferralNFA", "AssessmentFactors"})
    if (name == n) return true;
  return plans && (name == "InitialCategoryOfAbuse" || name == "LatestCategoryOfAbuse");
}

inline std::string join_files(const std::vector<std::string>& files) {
  std::string out;
  for (const auto& f : files) out += (out.empty() ? "" : ",") + f;
  return out;
}

// Reads and merges @p files, runs the checks, and builds the inputs; @p keep as for the CSV readers.
inline census_input read_census(const std::vector<std::string>& files, const std::vector<std::string>& keep) {
  census_input out;
  for (const std::string& f : files) {
    std::ifstream in(f, std::ios::binary);
    if (!in) throw std::runtime_error(f + ": cannot open file");
    csc::io::read_cin_census(in, f, out.census);
  }
  csc::io::merge(out.census);
  out.checks = csc::io::check_cin_census(out.census);
  const csc::io::cin_census& c = out.census;

  std::map<std::size_t, std::string> factors_of;
  for (const auto& a : c.assessments)
    for (const auto& f : a.factors) factors_of[a.episode] += (factors_of[a.episode].empty() ? "" : ";") + f;
  const auto kept = [&](std::size_t e, const csc::io::cin_cp_plan* plan) {
    std::vector<std::string> v;
    for (const std::string& name : keep) v.push_back(name.empty() ? std::string() : census_item(c, name, e, plan, factors_of));
    return v;
  };
  const auto has = [&](bool plans) {
    std::vector<bool> v;
    for (const std::string& name : keep) v.push_back(!name.empty() && is_census_item(name, plans));
    return v;
  };
  const std::string display = "CIN census " + join_files(files);
  for (auto* input_file : {&out.referrals.file, &out.cp_plans.file, &out.cin_plans.file}) *input_file = display;
  for (const auto& h : c.files) {
    out.referrals.files.push_back(h.file);
    out.cp_plans.files.push_back(h.file);
    out.cin_plans.files.push_back(h.file);
  }
  out.referrals.has_nfa_column = true;
  out.referrals.has_kept = has(false);
  for (std::size_t e = 0; e < c.episodes.size(); ++e) {
    const auto& ep = c.episodes[e];
    out.referrals.rows.push_back(referral_row{c.children[ep.child].id, to_date(ep.referral), to_date(ep.closure),
                                              ep.referral_source, ep.nfa, ep.reason_for_closure, ep.source.line,
                                              kept(e, nullptr), ep.source.file});
  }
  out.cp_plans.has_previous_cpp_column = true;
  out.cp_plans.has_kept = has(true);
  for (const auto& p : c.cp_plans)
    out.cp_plans.rows.push_back(cp_plan_row{c.child_id_of_episode(p.episode), to_date(p.start), to_date(p.end),
                                            p.initial_category, p.latest_category, p.previous_plans, p.source.line,
                                            kept(p.episode, &p), p.source.file});
  for (const auto& p : c.cin_plans)
    out.cin_plans.rows.push_back(episode_row{c.child_id_of_episode(p.episode), to_date(p.start), to_date(p.end),
                                             p.source.line, p.source.file});
  return out;
}

}  // namespace csc_report

#endif
