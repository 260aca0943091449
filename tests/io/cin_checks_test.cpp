// Tests for include/csc/io/cin_checks.hpp (docs/rules/cin-census-checks.md):
// each DfE rule passes at its boundary and fails one day past it.
#include <csc/io/cin_checks.hpp>

#include "../support/test_dates.hpp"

#include <boost/test/unit_test.hpp>

#include <optional>
#include <string>
#include <vector>

using csc::io::cin_census;
using csc_test::cd;

namespace {
std::optional<csc::civil_date> od(const char* iso) { return cd(iso); }
constexpr std::nullopt_t open = std::nullopt;

// One child (or more), ReferenceDate 2020-03-31; every record on its own line.
struct census {
  cin_census c;
  std::size_t line = 10;
  census() {
    c.files.push_back({"t.xml", 2020, cd("2020-03-31"), ""});
    child("C1");
  }
  std::size_t child(const char* id) {
    c.children.push_back(csc::io::cin_child{id, {}, {}, {}, "F", {0, line++}});
    return c.children.size() - 1;
  }
  std::size_t episode(const char* referral, std::optional<csc::civil_date> closure, bool nfa = false,
                      std::size_t child = 0) {
    csc::io::cin_episode e;
    e.child = child;
    e.referral = cd(referral);
    e.closure = closure;
    e.nfa = nfa;
    e.reference_date = cd("2020-03-31");
    e.source = {0, line++};
    c.episodes.push_back(e);
    return c.episodes.size() - 1;
  }
  void cp(std::size_t ep, const char* start, std::optional<csc::civil_date> end) {
    c.cp_plans.push_back(csc::io::cin_cp_plan{ep, cd(start), end, "NEG", "NEG", 0, {}, {0, line++}});
  }
  void cin(std::size_t ep, const char* start, std::optional<csc::civil_date> end) {
    c.cin_plans.push_back(csc::io::cin_plan{ep, cd(start), end, {0, line++}});
  }
  void assessment(std::size_t ep, const char* start) {
    c.assessments.push_back(csc::io::cin_assessment{ep, cd(start), {}, {}, {0, line++}});
  }
  void s47(std::size_t ep, const char* start, std::optional<csc::civil_date> icpc) {
    c.section47s.push_back(csc::io::cin_section47{ep, cd(start), {}, icpc, false, {0, line++}});
  }
  // How many findings of @p rule.
  std::size_t count(std::string_view rule) const {
    std::size_t n = 0;
    for (const auto& f : csc::io::check_cin_census(c)) n += f.rule == rule;
    return n;
  }
  std::size_t total() const { return csc::io::check_cin_census(c).size(); }
};
}  // namespace

BOOST_AUTO_TEST_SUITE(cin_checks_test)

BOOST_AUTO_TEST_CASE(rule_8630_closure_not_before_referral) {
  census pass, fail;
  pass.episode("2019-05-01", od("2019-05-01"));
  fail.episode("2019-05-01", od("2019-04-30"));
  BOOST_TEST(pass.total() == 0u);
  BOOST_TEST(fail.count("8630") == 1u);
}

BOOST_AUTO_TEST_CASE(rule_8815_one_open_episode_that_is_not_nfa) {
  census pass, fail;
  pass.episode("2019-05-01", open, true);  // several open NFA episodes are allowed
  pass.episode("2019-06-01", open, true);
  pass.episode("2019-07-01", open, false);
  fail.episode("2019-05-01", open);
  fail.episode("2019-06-01", open);
  BOOST_TEST(pass.count("8815") == 0u);
  BOOST_TEST(fail.count("8815") == 1u);
}

BOOST_AUTO_TEST_CASE(rule_8816_open_episode_has_the_latest_referral) {
  census pass, fail;
  pass.episode("2019-05-01", od("2019-06-01"));
  pass.episode("2019-07-01", open);
  fail.episode("2019-07-01", open);
  fail.episode("2019-08-01", od("2019-08-02"), true);  // a later referral, closed
  BOOST_TEST(pass.total() == 0u);
  BOOST_TEST(fail.count("8816") == 1u);
}

BOOST_AUTO_TEST_CASE(rule_8820_referral_within_another_episode) {
  census pass, fail, open_fail, open_nfa;
  pass.episode("2019-05-01", od("2019-06-01"));
  pass.episode("2019-06-01", od("2019-07-01"));  // on the previous closure day: allowed
  fail.episode("2019-05-01", od("2019-06-01"));
  fail.episode("2019-05-31", od("2019-07-01"));  // the day before the closure
  open_fail.episode("2019-05-01", open);        // open, not NFA: runs to the ReferenceDate
  open_fail.episode("2020-03-31", od("2020-03-31"));
  open_nfa.episode("2019-05-01", open, true);   // open NFA episodes do not block
  open_nfa.episode("2019-06-01", od("2019-07-01"));
  BOOST_TEST(pass.total() == 0u);
  BOOST_TEST(fail.count("8820") == 1u);
  BOOST_TEST(open_fail.count("8820") == 1u);
  BOOST_TEST(open_nfa.count("8820") == 0u);
}

BOOST_AUTO_TEST_CASE(rule_8565_closure_on_or_after_every_date_in_the_episode) {
  census pass, fail;
  pass.cp(pass.episode("2019-05-01", od("2019-09-30")), "2019-05-01", od("2019-09-30"));
  fail.cp(fail.episode("2019-05-01", od("2019-09-30")), "2019-05-01", od("2019-10-01"));
  BOOST_TEST(pass.total() == 0u);
  BOOST_TEST(fail.count("8565") == 1u);
}

BOOST_AUTO_TEST_CASE(rules_1103_1104_1105_2889_not_before_the_referral) {
  census pass, fail;
  const auto p = pass.episode("2019-05-01", open);
  pass.assessment(p, "2019-05-01");
  pass.s47(p, "2019-05-01", od("2019-05-01"));
  pass.cp(p, "2019-05-01", open);
  const auto f = fail.episode("2019-05-01", open);
  fail.assessment(f, "2019-04-30");
  fail.s47(f, "2019-04-30", od("2019-04-30"));
  fail.cp(f, "2019-04-30", open);
  BOOST_TEST(pass.total() == 0u);
  BOOST_TEST(fail.count("1103") == 1u);
  BOOST_TEST(fail.count("1104") == 1u);
  BOOST_TEST(fail.count("1105") == 1u);
  BOOST_TEST(fail.count("2889") == 1u);
}

BOOST_AUTO_TEST_CASE(rules_8925_and_8840_plan_end_after_start) {
  census pass, same_day, before;
  pass.cp(pass.episode("2019-05-01", open), "2019-05-01", od("2019-05-02"));
  same_day.cp(same_day.episode("2019-05-01", open), "2019-05-02", od("2019-05-02"));
  before.cp(before.episode("2019-05-01", open), "2019-05-02", od("2019-05-01"));
  BOOST_TEST(pass.total() == 0u);
  BOOST_TEST(same_day.count("8840") == 1u);
  BOOST_TEST(same_day.count("8925") == 0u);
  BOOST_TEST(before.count("8925") == 1u);
}

BOOST_AUTO_TEST_CASE(rule_8935_one_open_plan) {
  census pass, fail;
  const auto p = pass.episode("2019-05-01", open);
  pass.cp(p, "2019-05-01", od("2019-06-01"));
  pass.cp(p, "2019-06-02", open);
  const auto f = fail.episode("2019-05-01", open);
  fail.cp(f, "2019-05-01", open);
  fail.cp(f, "2019-06-02", open);
  BOOST_TEST(pass.total() == 0u);
  BOOST_TEST(fail.count("8935") == 1u);
}

BOOST_AUTO_TEST_CASE(rule_8940_plan_start_within_another_plan_inclusive_and_across_episodes) {
  census pass, fail, across;
  const auto p = pass.episode("2019-05-01", open);
  pass.cp(p, "2019-05-01", od("2019-06-01"));
  pass.cp(p, "2019-06-02", od("2019-07-01"));  // the day after the end
  const auto f = fail.episode("2019-05-01", open);
  fail.cp(f, "2019-05-01", od("2019-06-01"));
  fail.cp(f, "2019-06-01", od("2019-07-01"));  // on the end day: inclusive, fails
  const auto a1 = across.episode("2019-01-01", od("2019-12-31"));
  const auto a2 = across.episode("2019-12-31", open);
  across.cp(a1, "2019-01-01", od("2019-12-31"));
  across.cp(a2, "2019-12-31", open);
  BOOST_TEST(pass.total() == 0u);
  BOOST_TEST(fail.count("8940") == 1u);
  BOOST_TEST(across.count("8940") == 1u);
}

BOOST_AUTO_TEST_CASE(rule_4014_cin_plans_do_not_overlap) {
  census pass, fail;
  const auto p = pass.episode("2019-05-01", open);
  pass.cin(p, "2019-05-01", od("2019-06-01"));
  pass.cin(p, "2019-06-02", open);
  const auto f = fail.episode("2019-05-01", open);
  fail.cin(f, "2019-05-01", od("2019-06-01"));
  fail.cin(f, "2019-06-01", open);
  BOOST_TEST(pass.total() == 0u);
  BOOST_TEST(fail.count("4014") == 1u);
}

BOOST_AUTO_TEST_CASE(rule_4001_cin_and_cp_plans_not_concurrent) {
  census pass, cin_inside, cp_inside;
  const auto p = pass.episode("2019-05-01", open);
  pass.cp(p, "2019-05-01", od("2019-08-01"));
  pass.cin(p, "2019-08-01", open);  // step-down on the day the CP plan ends
  const auto c1 = cin_inside.episode("2019-05-01", open);
  cin_inside.cp(c1, "2019-05-01", od("2019-08-01"));
  cin_inside.cin(c1, "2019-07-31", open);
  const auto c2 = cp_inside.episode("2019-05-01", open);
  cp_inside.cin(c2, "2019-05-01", od("2019-08-01"));
  cp_inside.cp(c2, "2019-07-31", open);
  BOOST_TEST(pass.total() == 0u);
  BOOST_TEST(cin_inside.count("4001") == 1u);
  BOOST_TEST(cp_inside.count("4001") == 1u);
}

BOOST_AUTO_TEST_CASE(findings_name_the_child_and_both_records) {
  census c;
  c.child("C2");
  c.episode("2019-05-01", od("2019-06-01"), false, 1);
  c.episode("2019-05-31", od("2019-07-01"), false, 1);
  const auto f = csc::io::check_cin_census(c.c);
  BOOST_REQUIRE(f.size() == 1u);
  BOOST_TEST(c.c.children[f[0].child].id == "C2");
  BOOST_TEST(f[0].record.line == 13u);
  BOOST_TEST(f[0].related->line == 12u);
  BOOST_TEST(f[0].detail == "referral 2019-05-31 falls within the episode referred 2019-05-01 and closed 2019-06-01");
}

BOOST_AUTO_TEST_SUITE_END()
