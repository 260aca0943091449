// Tests for include/csc/measure/stepdown.hpp: step-down, closure and
// escalation, re-escalation within 12 months, bounces, the follow-up extract date
// and period measures (counting-rules.md section 4; docs/rules/stepdown.md).
#include <csc/measure/measure.hpp>
#include <csc/measure/stepdown.hpp>

#include "../support/episode_fixture.hpp"
#include "../support/test_dates.hpp"

#include <boost/test/unit_test.hpp>

#include <optional>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

using csc::follow_up_outcome;
using csc::service_level;
using csc::transition_kind;
using csc_test::cd;

namespace {
using csc_test::episode;
using csc_test::od;
using csc_test::open;
using csc_test::sd;
using csc_test::source;

// CP plan, then a CIN plan from the day after it ends, then (optionally) a new CP plan.
csc::transition_classification<std::string> cp_then_cin_then_cp(const char* cp2_start, const char* extract_date) {
  static std::vector<episode> cp, cin_plans;
  cp = {{"A", cd("2019-01-01"), od("2019-05-31")}};
  if (cp2_start) cp.push_back({"A", cd(cp2_start), open});
  cin_plans = {{"A", cd("2019-06-01"), od("2019-08-31")}};
  const auto t = csc::build_timelines(
      std::tuple(source(cp, service_level::cp_plan), source(cin_plans, service_level::cin_plan)), cd(extract_date));
  return csc::classify_transitions(t);
}
}  // namespace

BOOST_AUTO_TEST_SUITE(stepdown_test)

BOOST_AUTO_TEST_CASE(step_down_closure_and_escalation_are_named_by_their_first_day) {
  const auto tr = cp_then_cin_then_cp(nullptr, "2021-12-31");
  BOOST_REQUIRE(tr.size() == 3u);
  BOOST_TEST((tr[0].kind == transition_kind::escalation && tr[0].from == service_level::none));
  BOOST_TEST((tr[1].kind == transition_kind::step_down && tr[1].from == service_level::cp_plan &&
              tr[1].to == service_level::cin_plan));
  BOOST_TEST(tr[1].on == sd("2019-06-01"));
  BOOST_TEST((tr[2].kind == transition_kind::closure && tr[2].from == service_level::cin_plan));
  BOOST_TEST(tr[2].on == sd("2019-09-01"));
  BOOST_TEST((tr[1].outcome == follow_up_outcome::sustained));
  BOOST_TEST((tr[0].outcome == follow_up_outcome::not_applicable));
}

BOOST_AUTO_TEST_CASE(re_escalation_exactly_12_months_after_and_one_day_more) {
  // Step-down on 2019-06-01; a new CP plan 12 months later is a bounce, one day more is not.
  const auto at = cp_then_cin_then_cp("2020-06-01", "2021-12-31");
  BOOST_TEST((at[1].outcome == follow_up_outcome::re_escalated));
  BOOST_TEST(at[1].days_to_re_escalation()->count() == 366);
  BOOST_TEST((at[1].re_escalation_level == service_level::cp_plan));
  BOOST_TEST(at[1].bounce);
  // The closure from cin_plan on 2019-09-01 re-escalates too (cp_plan >= cin_plan), but is not a bounce.
  BOOST_TEST((at[2].outcome == follow_up_outcome::re_escalated));
  BOOST_TEST(!at[2].bounce);
  const auto after = cp_then_cin_then_cp("2020-06-02", "2021-12-31");
  BOOST_TEST((after[1].outcome == follow_up_outcome::sustained));
  BOOST_TEST(!after[1].re_escalated_on.has_value());
  BOOST_TEST(!after[1].bounce);
}

BOOST_AUTO_TEST_CASE(extract_date_edge_decides_sustained_or_follow_up_incomplete) {
  // Step-down on d = 2019-06-01: sustained iff add_months(E + 1 day, -12) > d, i.e. E >= 2020-06-01.
  BOOST_TEST((cp_then_cin_then_cp(nullptr, "2020-06-01")[1].outcome == follow_up_outcome::sustained));
  BOOST_TEST((cp_then_cin_then_cp(nullptr, "2020-05-31")[1].outcome == follow_up_outcome::follow_up_incomplete));
  // A re-escalation already seen is known whatever the extract date.
  BOOST_TEST((cp_then_cin_then_cp("2019-12-01", "2019-12-01")[1].outcome == follow_up_outcome::re_escalated));
}

BOOST_AUTO_TEST_CASE(twenty_ninth_of_february_window) {
  // Closure on 2020-02-29; back on 2021-02-28 is within 12 months (looks back to 2020-02-28).
  const std::vector<episode> cin_plans = {{"A", cd("2019-09-01"), od("2020-02-28")}, {"A", cd("2021-02-28"), open}};
  const auto tr =
      csc::classify_transitions(csc::build_timelines(source(cin_plans, service_level::cin_plan), cd("2021-03-31")));
  BOOST_REQUIRE(tr.size() == 3u);
  BOOST_TEST((tr[1].kind == transition_kind::closure));
  BOOST_TEST(tr[1].on == sd("2020-02-29"));
  BOOST_TEST((tr[1].outcome == follow_up_outcome::re_escalated));
  BOOST_TEST(tr[1].days_to_re_escalation()->count() == 365);
}

BOOST_AUTO_TEST_CASE(lower_levels_in_between_do_not_re_escalate) {
  // cp -> cin_plan -> early_help -> cin_plan: the step-down from cp is not re-escalated by cin_plan,
  // the step-down from cin_plan to early_help is.
  const std::vector<episode> cp = {{"A", cd("2019-01-01"), od("2019-03-31")}};
  const std::vector<episode> cin_plans = {{"A", cd("2019-04-01"), od("2019-06-30")}, {"A", cd("2019-09-01"), open}};
  const std::vector<episode> eh = {{"A", cd("2019-07-01"), od("2019-08-31")}};
  const auto tr = csc::classify_transitions(
      csc::build_timelines(std::tuple(source(cp, service_level::cp_plan), source(cin_plans, service_level::cin_plan),
                                      source(eh, service_level::early_help)),
                           cd("2020-12-31")));
  BOOST_REQUIRE(tr.size() == 4u);
  BOOST_TEST((tr[1].outcome == follow_up_outcome::sustained));
  BOOST_TEST((tr[2].from == service_level::cin_plan && tr[2].to == service_level::early_help));
  BOOST_TEST((tr[2].outcome == follow_up_outcome::re_escalated));
  BOOST_TEST(tr[2].days_to_re_escalation()->count() == 62);
}

BOOST_AUTO_TEST_CASE(window_policy_in_days) {
  std::vector<episode> cp = {{"A", cd("2019-01-01"), od("2019-05-31")}, {"A", cd("2020-06-01"), open}};
  const auto timelines = csc::build_timelines(source(cp, service_level::cp_plan), cd("2021-12-31"));
  // Closure on 2019-06-01, back on 2020-06-01: 366 days.
  BOOST_TEST((csc::classify_transitions(timelines)[1].outcome == follow_up_outcome::re_escalated));
  BOOST_TEST((csc::classify_transitions(timelines, csc::transition_policy{csc::window::days(365)})[1].outcome ==
              follow_up_outcome::sustained));
}

BOOST_AUTO_TEST_CASE(period_measures_by_from_and_to) {
  const std::vector<episode> cp = {{"A", cd("2019-01-01"), od("2019-05-31")}, {"A", cd("2019-11-01"), open},
                                   {"B", cd("2019-02-01"), od("2019-06-30")}};
  const std::vector<episode> cin_plans = {{"A", cd("2019-06-01"), od("2019-08-31")},
                                          {"B", cd("2019-07-01"), od("2020-01-31")}};
  const auto tr = csc::classify_transitions(csc::build_timelines(
      std::tuple(source(cp, service_level::cp_plan), source(cin_plans, service_level::cin_plan)), cd("2020-03-31")));
  const auto m = csc::measure(tr, csc::interval<csc::civil_date>(cd("2019-04-01"), cd("2020-03-31")),
                              csc::count_stepdowns{});
  const auto& down = m.of(service_level::cp_plan, service_level::cin_plan);
  BOOST_TEST(down.count == 2u);          // A on 2019-06-01, B on 2019-07-01
  BOOST_TEST(down.re_escalated == 1u);   // A back on a CP plan 2019-11-01 (153 days)
  BOOST_TEST(down.bounces == 1u);
  BOOST_TEST(down.follow_up_incomplete == 1u);  // B: extract date 2020-03-31 is too early
  BOOST_TEST(*down.re_escalated_percent() == 50.0);
  BOOST_TEST(down.days_quartiles()->median == 153.0);
  const auto& closed = m.of(service_level::cin_plan, service_level::none);
  BOOST_TEST(closed.count == 2u);        // A on 2019-09-01 (re-escalated to CP), B on 2020-02-01
  BOOST_TEST(closed.re_escalated == 1u);
  BOOST_TEST(m.step_downs.count == 2u);
  BOOST_TEST(m.closures.count == 2u);
  BOOST_TEST(m.escalations == 1u);       // A's second CP plan (the first episodes are before the period)
  // A period that excludes the transitions' first days counts nothing.
  const auto none = csc::measure(tr, csc::interval<csc::civil_date>(cd("2019-06-02"), cd("2019-06-30")),
                                 csc::count_stepdowns{});
  BOOST_TEST(none.step_downs.count == 0u);
  BOOST_TEST(!none.step_downs.days_quartiles().has_value());
}

BOOST_AUTO_TEST_CASE(child_id_and_find_child_map_ordinals_to_host_ids) {
  const std::vector<episode> cp = {{"B", cd("2019-01-01"), od("2019-05-31")}, {"A", cd("2019-02-01"), open}};
  const auto tr = csc::classify_transitions(csc::build_timelines(source(cp, service_level::cp_plan), cd("2019-12-31")));
  BOOST_TEST(tr.child_count() == 2u);
  BOOST_TEST(tr.child_id(0) == "A");
  BOOST_TEST(tr.child_id(1) == "B");
  BOOST_TEST(tr.find_child("B") == std::optional<std::size_t>(1));
  BOOST_TEST(!tr.find_child("C").has_value());
  BOOST_CHECK_THROW(tr.child_id(2), std::out_of_range);
  BOOST_REQUIRE(tr.size() == 3u);  // A: escalation; B: escalation, closure
  BOOST_TEST(tr.child_id(tr[2].child) == "B");
  BOOST_TEST((tr[2].kind == transition_kind::closure));
  BOOST_TEST(tr.extract_date() == sd("2019-12-31"));
}

BOOST_AUTO_TEST_SUITE_END()
