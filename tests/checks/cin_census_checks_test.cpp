// Tests for include/csc/checks/cin_census_checks.hpp (docs/rules/cin-census-checks.md):
// each DfE rule passes at its boundary and fails one day past it; the plan
// rules give the same findings as csc::classify_cp_plans (docs/rules/cp-plan-checks.md).
#include <csc/checks/cin_census_checks.hpp>
#include <csc/measure/cp_plans.hpp>

#include "../support/test_dates.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

using csc::io::cin_census;
using csc::io::cin_table;
using csc::io::to_source;
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
  // How many findings of DfE rule @p number.
  std::size_t count(int number) const {
    std::size_t n = 0;
    for (const auto& f : csc::io::check_cin_census(c)) n += csc::dfe_rule_number(f.rule) == number;
    return n;
  }
  std::size_t total() const { return csc::io::check_cin_census(c).size(); }
};
}  // namespace

BOOST_AUTO_TEST_SUITE(cin_census_checks_test)

BOOST_AUTO_TEST_CASE(rule_8630_closure_not_before_referral) {
  census pass, fail;
  pass.episode("2019-05-01", od("2019-05-01"));
  fail.episode("2019-05-01", od("2019-04-30"));
  BOOST_TEST(pass.total() == 0u);
  BOOST_TEST(fail.count(8630) == 1u);
}

BOOST_AUTO_TEST_CASE(rule_8815_one_open_episode_that_is_not_nfa) {
  census pass, fail;
  pass.episode("2019-05-01", open, true);  // several open NFA episodes are allowed
  pass.episode("2019-06-01", open, true);
  pass.episode("2019-07-01", open, false);
  fail.episode("2019-05-01", open);
  fail.episode("2019-06-01", open);
  BOOST_TEST(pass.count(8815) == 0u);
  BOOST_TEST(fail.count(8815) == 1u);
}

BOOST_AUTO_TEST_CASE(rule_8816_open_episode_has_the_latest_referral) {
  census pass, fail;
  pass.episode("2019-05-01", od("2019-06-01"));
  pass.episode("2019-07-01", open);
  fail.episode("2019-07-01", open);
  fail.episode("2019-08-01", od("2019-08-02"), true);  // a later referral, closed
  BOOST_TEST(pass.total() == 0u);
  BOOST_TEST(fail.count(8816) == 1u);
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
  BOOST_TEST(fail.count(8820) == 1u);
  BOOST_TEST(open_fail.count(8820) == 1u);
  BOOST_TEST(open_nfa.count(8820) == 0u);
}

BOOST_AUTO_TEST_CASE(rule_8565_closure_on_or_after_every_date_in_the_episode) {
  census pass, fail;
  pass.cp(pass.episode("2019-05-01", od("2019-09-30")), "2019-05-01", od("2019-09-30"));
  fail.cp(fail.episode("2019-05-01", od("2019-09-30")), "2019-05-01", od("2019-10-01"));
  BOOST_TEST(pass.total() == 0u);
  BOOST_TEST(fail.count(8565) == 1u);
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
  BOOST_TEST(fail.count(1103) == 1u);
  BOOST_TEST(fail.count(1104) == 1u);
  BOOST_TEST(fail.count(1105) == 1u);
  BOOST_TEST(fail.count(2889) == 1u);
}

BOOST_AUTO_TEST_CASE(rules_8925_and_8840_plan_end_after_start) {
  census pass, same_day, before;
  pass.cp(pass.episode("2019-05-01", open), "2019-05-01", od("2019-05-02"));
  same_day.cp(same_day.episode("2019-05-01", open), "2019-05-02", od("2019-05-02"));
  before.cp(before.episode("2019-05-01", open), "2019-05-02", od("2019-05-01"));
  BOOST_TEST(pass.total() == 0u);
  BOOST_TEST(same_day.count(8840) == 1u);
  BOOST_TEST(same_day.count(8925) == 0u);
  BOOST_TEST(before.count(8925) == 1u);
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
  BOOST_TEST(fail.count(8935) == 1u);
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
  BOOST_TEST(fail.count(8940) == 1u);
  BOOST_TEST(across.count(8940) == 1u);
}

BOOST_AUTO_TEST_CASE(rule_8940_two_plans_starting_the_same_day_are_one_finding_on_the_later) {
  census c;
  const auto e = c.episode("2019-05-01", open);
  c.cp(e, "2019-05-01", open);                // file order first, but open: later in (start, end open last)
  c.cp(e, "2019-05-01", od("2019-06-01"));
  const auto f = csc::io::check_cin_census(c.c);
  BOOST_REQUIRE(c.count(8940) == 1u);
  const auto overlap = std::find_if(f.begin(), f.end(), [](const csc::finding& x) { return x.rule == csc::rule::cpp_overlap; });
  BOOST_TEST(overlap->source == to_source(cin_table::cp_plans));
  BOOST_TEST(overlap->record == 0u);          // the open plan
  BOOST_TEST(*overlap->related_record == 1u);
  BOOST_TEST(overlap->detail == "CP plan starting 2019-05-01 falls within the one from 2019-05-01 to 2019-06-01");
}

BOOST_AUTO_TEST_CASE(rule_8940_a_plan_within_several_is_one_finding_related_to_the_latest_ending) {
  census c;
  const auto e = c.episode("2019-01-01", open);
  c.cp(e, "2019-01-01", od("2019-12-31"));
  c.cp(e, "2019-02-01", od("2019-03-31"));
  c.cp(e, "2019-03-01", od("2019-04-30"));    // within both earlier plans: one finding, related to the first
  const auto f = csc::io::check_cin_census(c.c);
  BOOST_REQUIRE(c.count(8940) == 2u);
  BOOST_TEST(f[1].record == 2u);
  BOOST_TEST(*f[1].related_record == 0u);
}

BOOST_AUTO_TEST_CASE(rule_8925_plan_takes_part_in_no_other_plan_check) {
  census c;
  const auto e = c.episode("2019-01-01", open);
  c.cp(e, "2019-05-01", od("2019-04-01"));    // 8925
  c.cp(e, "2019-04-15", od("2019-06-01"));    // would fall in [2019-04-01, 2019-05-01] if it were placed
  BOOST_TEST(c.count(8925) == 1u);
  BOOST_TEST(c.count(8940) == 0u);
  const auto f = csc::io::check_cin_census(c.c);
  BOOST_TEST(!f[0].counted);
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
  BOOST_TEST(fail.count(4014) == 1u);
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
  BOOST_TEST(cin_inside.count(4001) == 1u);
  BOOST_TEST(cp_inside.count(4001) == 1u);
}

BOOST_AUTO_TEST_CASE(findings_name_the_child_and_both_records) {
  census c;
  c.child("C2");
  c.episode("2019-05-01", od("2019-06-01"), false, 1);
  c.episode("2019-05-31", od("2019-07-01"), false, 1);
  const auto f = csc::io::check_cin_census(c.c);
  BOOST_REQUIRE(f.size() == 1u);
  BOOST_TEST((f[0].rule == csc::rule::referral_within_other_episode));
  BOOST_TEST(*csc::dfe_rule_number(f[0].rule) == 8820);
  BOOST_TEST(c.c.children[c.c.child_of(f[0]).value()].id == "C2");
  BOOST_TEST(f[0].source == to_source(cin_table::episodes));
  BOOST_TEST(f[0].record == 1u);
  BOOST_TEST(f[0].related_source == to_source(cin_table::episodes));
  BOOST_TEST(*f[0].related_record == 0u);
  BOOST_TEST(c.c.where(f[0]) == "t.xml:13");
  BOOST_TEST(*c.c.where_related(f[0]) == "t.xml:12");
  BOOST_TEST(f[0].counted);
  BOOST_TEST(f[0].detail == "referral 2019-05-31 falls within the episode referred 2019-05-01 and closed 2019-06-01");
}

BOOST_AUTO_TEST_CASE(findings_come_in_the_order_of_cin_check_rules) {
  census c;
  const auto e = c.episode("2019-05-01", od("2019-04-30"));  // 8630
  c.cp(e, "2019-03-01", od("2019-03-01"));                    // 1105, 8840
  c.assessment(e, "2019-04-01");                              // 1103
  const auto f = csc::io::check_cin_census(c.c);
  BOOST_REQUIRE(f.size() == 4u);
  BOOST_TEST(*csc::dfe_rule_number(f[0].rule) == 8630);
  BOOST_TEST(*csc::dfe_rule_number(f[1].rule) == 1103);
  BOOST_TEST(*csc::dfe_rule_number(f[2].rule) == 1105);
  BOOST_TEST(*csc::dfe_rule_number(f[3].rule) == 8840);
  BOOST_TEST(f[1].source == to_source(cin_table::assessments));
  BOOST_TEST(f[1].related_source == to_source(cin_table::episodes));
}

// The census route and csc::classify_cp_plans check CP plans with one
// implementation (csc::plan_checker): same plans, same findings.
BOOST_AUTO_TEST_CASE(plan_rules_match_classify_cp_plans) {
  census c;
  const auto c2 = c.child("C2");
  const auto e1 = c.episode("2019-01-01", open);
  const auto e2 = c.episode("2019-01-01", open, false, c2);
  // C1: same-day starts, an inclusive overlap, same-day start and end, two open plans, an end before start.
  c.cp(e1, "2019-05-01", open);
  c.cp(e1, "2019-05-01", od("2019-06-01"));
  c.cp(e1, "2019-07-01", od("2019-07-01"));
  c.cp(e1, "2019-08-01", od("2019-07-15"));
  c.cp(e1, "2019-02-01", od("2019-03-01"));
  c.cp(e1, "2019-03-01", od("2019-04-01"));
  c.cp(e1, "2020-01-01", open);
  // C2: no finding, then a plan within an open one.
  c.cp(e2, "2019-01-01", od("2019-02-01"));
  c.cp(e2, "2019-02-02", open);
  c.cp(e2, "2020-03-31", od("2020-03-31"));

  struct plan {
    std::size_t child;
    csc::day start;
    std::optional<csc::day> end;
  };
  std::vector<plan> plans;
  for (const auto& p : c.c.cp_plans)
    plans.push_back({c.c.episodes[p.episode].child, csc::day(p.start),
                     p.end ? std::optional<csc::day>(csc::day(*p.end)) : std::nullopt});
  const auto classified = csc::classify_cp_plans(plans, &plan::child, &plan::start, &plan::end, csc::day(cd("2020-03-31")));

  using key = std::tuple<int, std::size_t, std::optional<std::size_t>, bool, std::string>;
  const auto keys = [](const std::vector<csc::finding>& findings, bool census_route) {
    std::vector<key> out;
    for (const auto& f : findings) {
      if (f.rule != csc::rule::cpp_end_before_start && f.rule != csc::rule::cpp_same_day_start_end &&
          f.rule != csc::rule::cpp_more_than_one_open && f.rule != csc::rule::cpp_overlap)
        continue;
      if (census_route) BOOST_TEST(f.source == to_source(cin_table::cp_plans));
      out.emplace_back(*csc::dfe_rule_number(f.rule), f.record, f.related_record, f.counted, f.detail);
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  const auto from_census = keys(csc::io::check_cin_census(c.c), true);
  const auto from_classifier = keys(classified.findings(), false);
  BOOST_TEST(from_census.size() == 9u);  // C1: 8940 x4, 8840, 8925, 8935; C2: 8940, 8840
  BOOST_TEST((from_census == from_classifier));
}

BOOST_AUTO_TEST_SUITE_END()
