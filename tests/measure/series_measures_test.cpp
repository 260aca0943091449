// Series and breakdowns (docs/rules/series.md, docs/rules/breakdowns.md):
// every measure evaluated over a whole series in one pass must equal, period
// by period, a naive count that filters the classified items by each period
// separately; breakdowns with single- and multi-valued keys.
#include <csc/measure/cp_plans.hpp>
#include <csc/measure/measure.hpp>
#include <csc/measure/rereferrals.hpp>
#include <csc/measure/stepdown.hpp>

#include "../support/episode_fixture.hpp"
#include "../support/test_dates.hpp"

#include <boost/test/unit_test.hpp>

#include <optional>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace {
using csc::civil_date;
using csc::series_kind;
using csc_test::cd;

struct referral {
  int child;
  civil_date day;
  std::vector<std::string> factors;
  std::string source;
};

struct plan {
  int child;
  civil_date start;
  std::optional<civil_date> end;
};

civil_date random_day(std::mt19937& rng) {
  static const csc::day base(cd("2018-01-01"));
  return (base + csc::days(std::uniform_int_distribution<int>(0, 1200)(rng))).civil();
}

const std::vector<series_kind> kinds = {series_kind::monthly, series_kind::quarterly, series_kind::financial_year,
                                        series_kind::year_to_date, series_kind::rolling_12};
}  // namespace

BOOST_AUTO_TEST_SUITE(series_measures_test)

BOOST_AUTO_TEST_CASE(rereferral_series_equals_a_naive_count_per_period) {
  std::mt19937 rng(11);
  for (int trial = 0; trial < 30; ++trial) {
    std::vector<referral> refs;
    const int n = std::uniform_int_distribution<int>(0, 120)(rng);
    for (int i = 0; i < n; ++i) refs.push_back({std::uniform_int_distribution<int>(0, 25)(rng), random_day(rng), {}, ""});
    const auto cls = csc::classify_rereferrals(refs, &referral::child, &referral::day, cd("2021-09-30"));
    for (series_kind k : kinds) {
      const csc::period_series<civil_date> s(k, random_day(rng), cd("2021-06-15"));
      const auto got = csc::measure(cls, s, csc::count_rereferrals{});
      BOOST_REQUIRE(got.size() == s.size());
      for (std::size_t p = 0; p < s.size(); ++p) {
        std::size_t count = 0, re = 0;
        std::set<std::uint32_t> children, rechildren;
        for (const auto& c : cls.by_child()) {
          if (!s[p].period.contains(c.date)) continue;
          ++count;
          children.insert(c.child);
          if (c.is_rereferral()) ++re, rechildren.insert(c.child);
        }
        if (got[p].referral_count != count || got[p].rereferral_count != re ||
            got[p].referral_child_count != children.size() || got[p].rereferral_child_count != rechildren.size())
          BOOST_FAIL("trial " << trial << " " << csc::to_string(k) << " period " << s[p].label);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(cp_plan_series_equals_a_naive_count_per_period) {
  std::mt19937 rng(12);
  const civil_date extract_date = cd("2021-06-30");
  for (int trial = 0; trial < 30; ++trial) {
    std::vector<plan> plans;
    const int n = std::uniform_int_distribution<int>(0, 80)(rng);
    for (int i = 0; i < n; ++i) {
      const civil_date start = random_day(rng);
      std::optional<civil_date> end;
      if (rng() % 3 != 0) end = (csc::day(start) + csc::days(static_cast<int>(rng() % 500))).civil();
      if (end && *end > extract_date) end = std::nullopt;
      plans.push_back({std::uniform_int_distribution<int>(0, 20)(rng), start, end});
    }
    const auto cls = csc::classify_cp_plans(plans, &plan::child, &plan::start, &plan::end, extract_date);
    for (series_kind k : kinds) {
      // The range runs past the extract date, so the open-on reference day is capped at E.
      const csc::period_series<civil_date> s(k, random_day(rng), cd("2021-12-31"));
      const auto got_start = csc::measure(cls, s, csc::count_cp_plan_starts{});
      const auto got_end = csc::measure(cls, s, csc::count_cp_plan_ends{});
      const auto got_open = csc::measure(cls, s, csc::count_cp_plans_open{});
      BOOST_REQUIRE(got_start.size() == s.size());
      BOOST_REQUIRE(got_end.size() == s.size());
      BOOST_REQUIRE(got_open.size() == s.size());
      for (std::size_t p = 0; p < s.size(); ++p) {
        const csc::day ref = std::min(s[p].period.last_day(), csc::day(extract_date));
        std::size_t start = 0, sub = 0, ended = 0, open = 0;
        std::set<std::uint32_t> children;
        for (const auto& c : cls.by_child()) {
          if (!c.counted) continue;
          if (s[p].period.contains(c.start)) ++start, sub += c.is_subsequent(), children.insert(c.child);
          if (c.end && s[p].period.contains(*c.end)) ++ended;
          if (c.start <= ref && (!c.end || *c.end > ref)) ++open;
        }
        if (got_start[p].CPP_start != start || got_start[p].CPP_subsequent != sub || got_end[p].CPP_end != ended ||
            got_open[p].CPP_open != open || got_start[p].CPP_child_start != children.size() ||
            got_open[p].open_on != ref)
          BOOST_FAIL("trial " << trial << " " << csc::to_string(k) << " period " << s[p].label << ": start "
                              << got_start[p].CPP_start << "/" << start << " open " << got_open[p].CPP_open << "/"
                              << open);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(stepdown_series_equals_a_naive_count_per_period) {
  using csc_test::episode;
  std::mt19937 rng(13);
  std::vector<episode> cp, cin;
  for (int i = 0; i < 300; ++i) {
    const civil_date start = random_day(rng);
    const auto end = (csc::day(start) + csc::days(static_cast<int>(rng() % 200))).civil();
    (rng() % 2 ? cp : cin).push_back({std::to_string(rng() % 40), start, end});
  }
  const auto tr = csc::classify_transitions(csc::build_timelines(
      std::tuple(csc_test::source(cp, csc::service_level::cp_plan), csc_test::source(cin, csc::service_level::cin_plan)),
      cd("2022-01-31")));
  for (series_kind k : kinds) {
    const csc::period_series<civil_date> s(k, cd("2018-06-10"), cd("2021-06-15"));
    const auto got = csc::measure(tr, s, csc::count_stepdowns{});
    for (std::size_t p = 0; p < s.size(); ++p) {
      std::size_t downs = 0, closures = 0, bounces = 0, escalations = 0;
      for (const auto& t : tr.by_child()) {
        if (!s[p].period.contains(t.on)) continue;
        escalations += t.kind == csc::transition_kind::escalation;
        downs += t.kind == csc::transition_kind::step_down;
        closures += t.kind == csc::transition_kind::closure;
        bounces += t.bounce;
      }
      BOOST_TEST(got[p].step_downs.count == downs);
      BOOST_TEST(got[p].closures.count == closures);
      BOOST_TEST(got[p].step_downs.bounces == bounces);
      BOOST_TEST(got[p].escalations == escalations);
    }
  }
}

BOOST_AUTO_TEST_CASE(breakdown_by_multi_valued_factors_counts_each_factor_once_per_referral) {
  const std::vector<referral> refs = {
      {1, cd("2019-05-01"), {"2A", "3A"}, "police"},
      {1, cd("2019-08-01"), {"2A", "2A"}, "school"},  // a factor listed twice counts once
      {2, cd("2019-06-01"), {"3A"}, "police"},
      {3, cd("2019-07-01"), {}, "health"},            // no factor: in the total only
      {4, cd("2019-03-31"), {"2A"}, "police"},        // before the period: history only
  };
  const auto cls = csc::classify_rereferrals(refs, &referral::child, &referral::day, cd("2020-09-30"));
  const csc::period_series<civil_date> fy(series_kind::financial_year, cd("2019-04-01"), cd("2020-03-31"));
  const auto by_factor = csc::measure_by(cls, fy, csc::count_rereferrals{}, refs, &referral::factors);
  BOOST_TEST(by_factor.keys == (std::vector<std::string>{"2A", "3A"}));
  BOOST_TEST(by_factor.total[0].referral_count == 4u);
  BOOST_TEST(by_factor.row("2A")->at(0).referral_count == 2u);      // child 1's two referrals
  BOOST_TEST(by_factor.row("2A")->at(0).referral_child_count == 1u);
  BOOST_TEST(by_factor.row("2A")->at(0).rereferral_count == 1u);    // 2019-08-01 re-referral
  BOOST_TEST(by_factor.row("3A")->at(0).referral_count == 2u);
  BOOST_TEST(by_factor.row("3A")->at(0).referral_child_count == 2u);
  BOOST_TEST(by_factor.row("9Z") == nullptr);
  // Rows add up to more than the total (4 factor rows for 4 referrals, one with none).
  BOOST_TEST(by_factor.records_without_key == 1u);
  // The referral before the period has a key but no count in the period.
  BOOST_TEST(by_factor.row("2A")->at(0).referral_count + by_factor.row("3A")->at(0).referral_count == 4u);

  // Single-valued key, and a key of the previous referral through the classification.
  const auto by_source = csc::measure_by(cls, fy, csc::count_rereferrals{}, refs, &referral::source);
  BOOST_TEST(by_source.keys == (std::vector<std::string>{"health", "police", "school"}));
  BOOST_TEST(by_source.row("police")->at(0).referral_count == 2u);
  BOOST_TEST(by_source.records_without_key == 0u);
  const auto by_previous = csc::measure_by(cls, fy, csc::count_rereferrals{}, [&](const csc::classified_referral& c) {
    return c.previous ? refs[*c.previous].source : std::string("no previous referral");
  });
  BOOST_TEST(by_previous.row("police")->at(0).referral_count == 1u);
  BOOST_TEST(by_previous.row("police")->at(0).rereferral_count == 1u);
  BOOST_TEST(by_previous.row("no previous referral")->at(0).referral_count == 3u);
}

BOOST_AUTO_TEST_CASE(cp_plan_breakdown_over_quarters) {
  const std::vector<plan> plans = {{1, cd("2019-04-10"), cd("2019-05-01")}, {1, cd("2019-07-01"), std::nullopt},
                                   {2, cd("2019-12-31"), std::nullopt}};
  const std::vector<std::string> category = {"neglect", "neglect", "emotional"};
  const auto cls = csc::classify_cp_plans(plans, &plan::child, &plan::start, &plan::end, cd("2020-03-31"));
  const csc::period_series<civil_date> q(series_kind::quarterly, cd("2019-04-01"), cd("2020-03-31"));
  // The category is a host column parallel to the plans: the records passed to measure_by.
  const auto same = [](const std::string& c) { return c; };
  const auto starts = csc::measure_by(cls, q, csc::count_cp_plan_starts{}, category, same);
  const auto ends = csc::measure_by(cls, q, csc::count_cp_plan_ends{}, category, same);
  const auto open = csc::measure_by(cls, q, csc::count_cp_plans_open{}, category, same);
  BOOST_TEST(starts.row("neglect")->at(0).CPP_start == 1u);
  BOOST_TEST(ends.row("neglect")->at(0).CPP_end == 1u);
  BOOST_TEST(open.row("neglect")->at(0).CPP_open == 0u);  // ended 2019-05-01, before Q1's last day
  BOOST_TEST(starts.row("neglect")->at(1).CPP_start == 1u);
  BOOST_TEST(starts.row("neglect")->at(1).CPP_subsequent == 1u);
  BOOST_TEST(open.row("neglect")->at(3).CPP_open == 1u);
  BOOST_TEST(starts.row("emotional")->at(2).CPP_start == 1u);
  BOOST_TEST(open.total[3].CPP_open == 2u);
  BOOST_CHECK_THROW(csc::measure_by(cls, q, csc::count_cp_plan_starts{}, std::vector<std::string>{"neglect"}, same),
                    std::invalid_argument);  // records must match the classification
}

BOOST_AUTO_TEST_SUITE_END()
