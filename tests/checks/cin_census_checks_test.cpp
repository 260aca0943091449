// Tests for include/csc/checks/cin_census_checks.hpp (docs/rules/cin-census-checks.md):
// each DfE rule passes at its boundary and fails one day past it; the plan
// rules give the same findings as csc::classify_cp_plans (docs/rules/cp-plan-checks.md).
#include <csc/checks/cin_census_checks.hpp>
#include <csc/measure/cp_plans.hpp>

#include "../support/test_dates.hpp"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <optional>
#include <ostream>
#include <string>
#include <tuple>
#include <vector>

namespace bdata = boost::unit_test::data;

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
  void assessment(std::size_t ep, const char* start, std::optional<csc::civil_date> authorised = std::nullopt) {
    c.assessments.push_back(csc::io::cin_assessment{ep, cd(start), authorised, {}, {0, line++}});
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
  // How many findings of rule @p r (also a csc-metrics rule without a DfE number).
  std::size_t count(csc::rule r) const {
    std::size_t n = 0;
    for (const auto& f : csc::io::check_cin_census(c)) n += f.rule == r;
    return n;
  }
  std::size_t total() const { return csc::io::check_cin_census(c).size(); }
};

// 8565 and csc-metrics' cpp_date_after_closure: one dated item of an episode
// closed on 2019-09-30 (referred 2019-05-01), on the closure day or one day
// after; which rule, if any, it fails.
struct closure_case {
  const char* item;
  const char* date;
  std::size_t dfe_8565;        // findings of DfE 8565
  std::size_t after_closure;   // findings of rule::cpp_date_after_closure
};
std::ostream& operator<<(std::ostream& os, const closure_case& c) { return os << c.item << " on " << c.date; }
const std::vector<closure_case> closure_cases = {
    // DfE's 8565 list (D2I validator rule_8565): on the closure day passes, the day after fails.
    {"AssessmentActualStartDate", "2019-09-30", 0, 0},   {"AssessmentActualStartDate", "2019-10-01", 1, 0},
    {"AssessmentAuthorisationDate", "2019-09-30", 0, 0}, {"AssessmentAuthorisationDate", "2019-10-01", 1, 0},
    {"S47ActualStartDate", "2019-09-30", 0, 0},          {"S47ActualStartDate", "2019-10-01", 1, 0},
    {"S47/DateOfInitialCPC", "2019-09-30", 0, 0},        {"S47/DateOfInitialCPC", "2019-10-01", 1, 0},
    {"CINdetails/DateOfInitialCPC", "2019-09-30", 0, 0}, {"CINdetails/DateOfInitialCPC", "2019-10-01", 1, 0},
    {"CPPendDate", "2019-09-30", 0, 0},                  {"CPPendDate", "2019-10-01", 1, 0},
    {"CINPlanStartDate", "2019-09-30", 0, 0},            {"CINPlanStartDate", "2019-10-01", 1, 0},
    {"CINPlanEndDate", "2019-09-30", 0, 0},              {"CINPlanEndDate", "2019-10-01", 1, 0},
    // Not on DfE's list: csc-metrics' own rule, never 8565.
    {"CPPstartDate", "2019-09-30", 0, 0},                {"CPPstartDate", "2019-10-01", 0, 1},
    {"CPPreviewDate", "2019-09-30", 0, 0},               {"CPPreviewDate", "2019-10-01", 0, 1}};

// 8816 and ties: two episodes of one child (not NFA), the first open.
struct latest_case {
  const char* first;                           // referral of the open episode
  const char* second;                          // referral of the other episode
  std::optional<csc::civil_date> second_closure;
  std::size_t dfe_8816, dfe_8815, dfe_8820;
  const char* why;
};
std::ostream& operator<<(std::ostream& os, const latest_case& c) { return os << c.why; }
const std::vector<latest_case> latest_cases = {
    {"2019-07-01", "2019-07-01", open, 0, 1, 2, "two open episodes on one referral date: a tie is the latest"},
    {"2019-07-01", "2019-07-01", od("2019-08-01"), 0, 0, 2, "open and closed on one date: the open one is the latest"},
    {"2019-07-01", "2019-06-30", od("2019-07-01"), 0, 0, 0, "the other referral a day earlier, closed that day"},
    {"2019-07-01", "2019-07-02", od("2019-07-03"), 1, 0, 1, "the other referral a day later: not the latest"}};

// 4001: one CP plan and one CIN plan of a child; ReferenceDate 2020-03-31.
// The child has two open episodes (referred 2019-02-01, and 2019-01-01 with
// no further action): plans name which one holds them.
struct concurrent_case {
  const char* cp_start;
  std::optional<csc::civil_date> cp_end;
  std::size_t cp_episode;
  const char* cin_start;
  std::optional<csc::civil_date> cin_end;
  std::size_t cin_episode;
  std::size_t dfe_4001;
  cin_table on;  // the table of the finding's record, when there is one
  const char* why;
};
std::ostream& operator<<(std::ostream& os, const concurrent_case& c) { return os << c.why; }
const std::vector<concurrent_case> concurrent_cases = {
    {"2020-01-10", open, 0, "2020-04-05", open, 0, 1, cin_table::cin_plans,
     "both open in one episode, the CIN plan starting after the ReferenceDate"},
    {"2020-04-05", open, 0, "2020-01-10", open, 0, 1, cin_table::cin_plans,
     "both open in one episode, the CP plan starting after the ReferenceDate"},
    {"2020-04-05", open, 0, "2020-04-06", open, 0, 1, cin_table::cin_plans,
     "both open in one episode, both starting after the ReferenceDate"},
    {"2020-01-10", open, 0, "2020-02-01", open, 0, 1, cin_table::cin_plans,
     "both open, the CIN plan starting within the CP plan: one finding"},
    {"2020-01-10", open, 0, "2020-04-05", open, 1, 0, cin_table::cin_plans,
     "both open in different episodes, neither starting within the other"},
    {"2020-01-10", open, 0, "2019-05-01", od("2019-06-01"), 0, 0, cin_table::cin_plans,
     "the CIN plan ended before the open CP plan"},
    {"2019-05-01", od("2019-08-01"), 0, "2019-08-01", open, 0, 0, cin_table::cin_plans,
     "step-down: the CIN plan starts the day the CP plan ends"},
    {"2019-05-01", od("2019-08-01"), 0, "2019-07-31", open, 0, 1, cin_table::cin_plans,
     "the CIN plan starts the day before the CP plan ends (4016)"},
    {"2019-07-31", open, 0, "2019-05-01", od("2019-08-01"), 0, 1, cin_table::cp_plans,
     "the CP plan starts the day before the CIN plan ends (4017)"}};
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

BOOST_DATA_TEST_CASE(rule_8565_exactly_dfes_items_and_cp_plan_dates_under_csc_metrics_rule, bdata::make(closure_cases),
                     row) {
  census c;
  const auto e = c.episode("2019-05-01", od("2019-09-30"));
  const std::string item = row.item;
  const csc::civil_date d = cd(row.date);
  // The record holding the item (the finding's related record): the episode itself for its own ICPC.
  cin_table holder = cin_table::episodes;
  if (item == "AssessmentActualStartDate" || item == "AssessmentAuthorisationDate") {
    holder = cin_table::assessments;
    if (item == "AssessmentActualStartDate") c.assessment(e, row.date);
    else c.assessment(e, "2019-05-01", d);
  } else if (item == "S47ActualStartDate" || item == "S47/DateOfInitialCPC") {
    holder = cin_table::section47s;
    if (item == "S47ActualStartDate") c.s47(e, row.date, open);
    else c.s47(e, "2019-05-01", d);
  } else if (item == "CINdetails/DateOfInitialCPC") {
    c.c.episodes[e].initial_cpc = d;
  } else if (item == "CINPlanStartDate" || item == "CINPlanEndDate") {
    holder = cin_table::cin_plans;
    if (item == "CINPlanStartDate") c.cin(e, row.date, open);
    else c.cin(e, "2019-05-01", d);
  } else {
    holder = cin_table::cp_plans;
    if (item == "CPPstartDate") c.cp(e, row.date, open);
    if (item == "CPPendDate") c.cp(e, "2019-05-01", d);
    if (item == "CPPreviewDate") {
      c.cp(e, "2019-05-01", od("2019-09-30"));
      c.c.cp_plans[0].reviews = {cd("2019-06-01"), d};
    }
  }
  BOOST_TEST(c.count(8565) == row.dfe_8565);
  BOOST_TEST(c.count(csc::rule::cpp_date_after_closure) == row.after_closure);
  const auto f = csc::io::check_cin_census(c.c);
  BOOST_REQUIRE(f.size() == row.dfe_8565 + row.after_closure);  // nothing else fails
  if (f.empty()) return;
  const std::string name = item.substr(item.find('/') + 1);
  BOOST_TEST(f[0].detail == name + " " + row.date + " is after CINclosureDate 2019-09-30");
  BOOST_TEST(f[0].source == to_source(cin_table::episodes));
  BOOST_TEST(f[0].record == e);
  BOOST_TEST(f[0].related_source == to_source(holder));
  BOOST_TEST(*f[0].related_record == 0u);  // the only record of its table (the episode is 0 too)
  BOOST_TEST(f[0].counted);
  if (row.after_closure) {
    BOOST_TEST(!csc::dfe_rule_number(f[0].rule).has_value());  // csc-metrics' rule: no DfE number
    BOOST_TEST(csc::to_string(f[0].rule) == "cpp_date_after_closure");
  }
}

BOOST_DATA_TEST_CASE(rule_8816_a_tie_on_the_latest_referral_date_is_no_failure, bdata::make(latest_cases), row) {
  census c;
  c.episode(row.first, open);
  c.episode(row.second, row.second_closure);
  BOOST_TEST(c.count(8816) == row.dfe_8816);
  BOOST_TEST(c.count(8815) == row.dfe_8815);
  BOOST_TEST(c.count(8820) == row.dfe_8820);
}

BOOST_DATA_TEST_CASE(rule_4001_both_plans_open_in_one_episode_or_one_starting_within_the_other,
                     bdata::make(concurrent_cases), row) {
  census c;
  const std::size_t episodes[] = {c.episode("2019-02-01", open), c.episode("2019-01-01", open, true)};
  c.cp(episodes[row.cp_episode], row.cp_start, row.cp_end);
  c.cin(episodes[row.cin_episode], row.cin_start, row.cin_end);
  BOOST_TEST(c.count(4001) == row.dfe_4001);
  if (row.dfe_4001 == 0) return;
  const auto f = csc::io::check_cin_census(c.c);
  const auto it = std::find_if(f.begin(), f.end(), [](const csc::finding& x) {
    return x.rule == csc::rule::cin_and_cp_plan_concurrent;
  });
  BOOST_REQUIRE(it != f.end());
  BOOST_TEST(it->source == to_source(row.on));
  BOOST_TEST(it->record == 0u);
  BOOST_TEST(it->related_source == to_source(row.on == cin_table::cin_plans ? cin_table::cp_plans : cin_table::cin_plans));
  BOOST_TEST(*it->related_record == 0u);
}

BOOST_AUTO_TEST_CASE(rule_4001_detail_of_two_open_plans_in_one_episode) {
  census c;
  const auto e = c.episode("2020-01-01", open);
  c.cp(e, "2020-01-10", open);
  c.cin(e, "2020-04-05", open);  // after the ReferenceDate 2020-03-31
  const auto f = csc::io::check_cin_census(c.c);
  BOOST_REQUIRE(f.size() == 1u);
  BOOST_TEST(*csc::dfe_rule_number(f[0].rule) == 4001);
  BOOST_TEST(f[0].detail == "CIN plan starting 2020-04-05 and the CP plan from 2020-01-10 are both open in one episode");
  BOOST_TEST(c.c.where(f[0]) == "t.xml:13");          // the CIN plan
  BOOST_TEST(*c.c.where_related(f[0]) == "t.xml:12");  // the CP plan
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
