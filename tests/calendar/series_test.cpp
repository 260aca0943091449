// Tests for include/csc/calendar/series.hpp (docs/rules/series.md).
#include <csc/calendar/series.hpp>

#include "../support/test_dates.hpp"

#include <boost/test/unit_test.hpp>

#include <random>
#include <string>
#include <vector>

using csc::civil_date;
using csc::series_kind;
using csc_test::bd;
using csc_test::cd;
using series = csc::period_series<civil_date>;

namespace {
std::string describe(const series& s) {
  std::string out;
  for (const auto& p : s.periods())
    out += p.label + " [" + csc::to_iso_string(p.period.first()) + ".." + csc::to_iso_string(*p.period.last()) + "]" +
           (p.partial ? " partial" : "") + "\n";
  return out;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(series_test)

BOOST_AUTO_TEST_CASE(quarterly_series_starting_mid_quarter_clips_the_first_quarter) {
  const series s(series_kind::quarterly, cd("2019-05-15"), cd("2020-03-31"));
  BOOST_TEST(describe(s) ==
             "2019-20 Q1 from 2019-05-15 [2019-05-15..2019-06-30] partial\n"
             "2019-20 Q2 [2019-07-01..2019-09-30]\n"
             "2019-20 Q3 [2019-10-01..2019-12-31]\n"
             "2019-20 Q4 [2020-01-01..2020-03-31]\n");
}

BOOST_AUTO_TEST_CASE(monthly_and_fy_series_clip_both_ends_and_cover_every_day_once) {
  const series m(series_kind::monthly, cd("2020-01-20"), cd("2020-03-10"));
  BOOST_TEST(describe(m) ==
             "2020-01 from 2020-01-20 [2020-01-20..2020-01-31] partial\n"
             "2020-02 [2020-02-01..2020-02-29]\n"
             "2020-03 to 2020-03-10 [2020-03-01..2020-03-10] partial\n");
  const series fy(series_kind::financial_year, cd("2018-04-01"), cd("2020-06-30"));
  BOOST_TEST(describe(fy) ==
             "2018-19 [2018-04-01..2019-03-31]\n"
             "2019-20 [2019-04-01..2020-03-31]\n"
             "2020-21 to 2020-06-30 [2020-04-01..2020-06-30] partial\n");
  for (csc::day d = csc_test::dy("2018-04-01"); d <= csc_test::dy("2020-06-30"); d = d.next()) {
    const auto [a, b] = fy.containing(d);
    BOOST_TEST(b - a == 1u);
  }
  BOOST_TEST((fy.containing(csc_test::dy("2018-03-31")).first ==
              fy.containing(csc_test::dy("2018-03-31")).second));
  BOOST_TEST((fy.containing(csc_test::dy("2020-07-01")).first ==
              fy.containing(csc_test::dy("2020-07-01")).second));
}

BOOST_AUTO_TEST_CASE(rolling_windows_over_29_february) {
  const series s(series_kind::rolling_12, cd("2020-01-15"), cd("2021-03-31"));
  BOOST_TEST(s.size() == 15u);
  BOOST_TEST(s[0].label == "12 months to 2020-01-31");
  BOOST_TEST((s[0].period == csc::interval<civil_date>(cd("2019-02-01"), cd("2020-01-31"))));
  // Ending on the leap day: back to 2019-02-29 clamped to 2019-02-28, plus one day.
  BOOST_TEST((s[1].period == csc::interval<civil_date>(cd("2019-03-01"), cd("2020-02-29"))));
  // Ending 2021-02-28: 2020-02-28 + 1 day = 2020-02-29, so this window has 366 days.
  BOOST_TEST((s[13].period == csc::interval<civil_date>(cd("2020-02-29"), cd("2021-02-28"))));
  BOOST_TEST(*s[13].period.length_in_days() == 366);
  BOOST_TEST((s[14].period == csc::interval<civil_date>(cd("2020-04-01"), cd("2021-03-31"))));
  // 2020-02-29 lies in the windows ending 2020-02-29 .. 2021-02-28: 13 of them.
  const auto [a, b] = s.containing(csc_test::dy("2020-02-29"));
  BOOST_TEST(a == 1u);
  BOOST_TEST(b == 14u);
}

BOOST_AUTO_TEST_CASE(year_to_date_ends_at_each_month_end_and_at_a_mid_month_range_end) {
  const series s(series_kind::year_to_date, cd("2020-02-01"), cd("2020-05-17"));
  BOOST_TEST(describe(s) ==
             "YTD to 2020-02-29 [2019-04-01..2020-02-29]\n"
             "YTD to 2020-03-31 [2019-04-01..2020-03-31]\n"
             "YTD to 2020-04-30 [2020-04-01..2020-04-30]\n"
             "YTD to 2020-05-17 [2020-04-01..2020-05-17]\n");
}

BOOST_AUTO_TEST_CASE(single_period_and_bad_ranges) {
  const series s(series_kind::single, cd("2019-04-01"), cd("2019-04-01"));
  BOOST_TEST(s.size() == 1u);
  BOOST_TEST(s[0].label == "2019-04-01 to 2019-04-01");
  BOOST_CHECK_THROW(series(series_kind::monthly, cd("2019-04-02"), cd("2019-04-01")), std::invalid_argument);
  BOOST_CHECK_THROW(series(csc::interval<civil_date>(cd("2019-04-01"))), std::invalid_argument);  // open period
  BOOST_TEST((csc::parse_series_kind("rolling12") == series_kind::rolling_12));
  BOOST_TEST((csc::parse_series_kind("fy") == series_kind::financial_year));
  BOOST_CHECK_THROW(csc::parse_series_kind("weekly"), std::invalid_argument);
  const csc::period_series<boost::gregorian::date> b(series_kind::quarterly, bd("2019-04-01"), bd("2019-09-30"));
  BOOST_TEST(b.size() == 2u);
  BOOST_TEST(b[1].label == "2019-20 Q2");
}

BOOST_AUTO_TEST_CASE(containing_and_referencing_agree_with_a_scan_for_every_kind) {
  std::mt19937 rng(20261126);
  std::uniform_int_distribution<int> offset(0, 900);
  for (series_kind k : {series_kind::monthly, series_kind::quarterly, series_kind::financial_year,
                        series_kind::year_to_date, series_kind::rolling_12}) {
    for (int trial = 0; trial < 20; ++trial) {
      const csc::day a = csc_test::dy("2018-01-01") + csc::days(offset(rng));
      const csc::day b = a + csc::days(offset(rng));
      const series s(k, a.civil(), b.civil());
      const csc::day cap = a + csc::days(offset(rng));
      for (csc::day d = a - csc::days(400); d <= b + csc::days(5); d = d + csc::days(7)) {
        const auto [first, last] = s.containing(d);
        for (std::size_t p = 0; p < s.size(); ++p) {
          const bool in = s[p].period.contains(d);
          if (in != (p >= first && p < last)) BOOST_FAIL(std::string(csc::to_string(k)) << " day " << d << " period " << p);
        }
        const csc::day end = d + csc::days(offset(rng) / 3);
        const auto [r0, r1] = s.referencing(d, end, cap);
        for (std::size_t p = 0; p < s.size(); ++p) {
          const csc::day ref = std::min(s[p].period.last_day(), cap);
          if ((ref >= d && ref < end) != (p >= r0 && p < r1)) BOOST_FAIL("referencing " << d << " period " << p);
        }
      }
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
