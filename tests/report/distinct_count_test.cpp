// Tests for include/csc/measure/distinct_count.hpp (docs/rules/families.md).
#include <csc/measure/distinct_count.hpp>

#include "../support/test_dates.hpp"

#include <boost/test/unit_test.hpp>

#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

using csc::civil_date;
using csc_test::cd;

BOOST_AUTO_TEST_SUITE(distinct_count_test)

BOOST_AUTO_TEST_CASE(families_count_once_per_period_and_missing_keys_are_counted_apart) {
  struct referral {
    civil_date day;
    std::optional<std::string> family;
    bool counted;
  };
  const std::vector<referral> r = {
      {cd("2019-04-01"), "H1", true}, {cd("2019-04-20"), "H1", true},   // one family, two children
      {cd("2019-05-31"), "H2", true}, {cd("2019-06-01"), "H2", true},   // May and June
      {cd("2019-06-30"), std::nullopt, true},                          // no family id
      {cd("2019-06-15"), "H3", false},                                 // not counted at all
      {cd("2019-03-31"), "H4", true}};                                 // before the series
  const csc::period_series<civil_date> months(csc::series_kind::monthly, cd("2019-04-01"), cd("2019-06-30"));
  const auto c = csc::count_distinct_per_period(
      months, r.size(), [&](std::size_t i) { return r[i].counted ? std::optional<civil_date>(r[i].day) : std::nullopt; },
      [&](std::size_t i) { return r[i].family; });
  BOOST_TEST(c.distinct == (std::vector<std::size_t>{1, 1, 1}));
  BOOST_TEST(c.without_key == (std::vector<std::size_t>{0, 0, 1}));
  const csc::period_series<civil_date> quarter(csc::series_kind::quarterly, cd("2019-04-01"), cd("2019-06-30"));
  const auto q = csc::count_distinct_per_period(
      quarter, r.size(), [&](std::size_t i) { return r[i].day; }, [&](std::size_t i) { return r[i].family; });
  BOOST_TEST(q.distinct == (std::vector<std::size_t>{3}));  // H1, H2, H3 (H4 is before the quarter)
  BOOST_TEST(q.without_key == (std::vector<std::size_t>{1}));
}

BOOST_AUTO_TEST_CASE(agrees_with_a_set_per_period_over_rolling_windows) {
  std::mt19937 rng(7);
  const csc::day base(cd("2019-01-01"));
  std::vector<std::pair<civil_date, int>> recs;
  for (int i = 0; i < 400; ++i)
    recs.emplace_back((base + csc::days(static_cast<int>(rng() % 900))).civil(), static_cast<int>(rng() % 60) - 5);
  const csc::period_series<civil_date> s(csc::series_kind::rolling_12, cd("2019-06-10"), cd("2021-05-20"));
  const auto got = csc::count_distinct_per_period(
      s, recs.size(), [&](std::size_t i) { return recs[i].first; },
      [&](std::size_t i) { return recs[i].second < 0 ? std::nullopt : std::optional<int>(recs[i].second); });
  for (std::size_t p = 0; p < s.size(); ++p) {
    std::set<int> keys;
    std::size_t missing = 0;
    for (const auto& [day, key] : recs) {
      if (!s[p].period.contains(day)) continue;
      if (key < 0) ++missing; else keys.insert(key);
    }
    BOOST_TEST(got.distinct[p] == keys.size());
    BOOST_TEST(got.without_key[p] == missing);
  }
}

BOOST_AUTO_TEST_SUITE_END()
