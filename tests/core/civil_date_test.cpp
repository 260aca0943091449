// Tests for include/csc/core/civil_date.hpp (and its day number, core/day.hpp).
#include <csc/core/civil_date.hpp>
#include <csc/core/day.hpp>

#include "../support/test_dates.hpp"

#include <boost/test/unit_test.hpp>

using csc::civil_date;

// Compile-time checks: the vocabulary is constexpr.
static_assert(csc::is_leap_year(2000) && !csc::is_leap_year(1900) && csc::is_leap_year(2020) && !csc::is_leap_year(2019));
static_assert(csc::last_day_of_month(2020, 2) == 29 && csc::last_day_of_month(2019, 2) == 28);
static_assert(csc::day(civil_date{1970, 1, 1}).since_epoch().count() == 0);
static_assert(csc::day(csc::days(18321)).civil() == civil_date{2020, 2, 29});
static_assert(csc::parse_iso_date("2020-02-29") == civil_date{2020, 2, 29});
static_assert(!csc::parse_iso_date("2019-02-29"));
static_assert(civil_date{2019, 12, 31} < civil_date{2020, 1, 1});

BOOST_AUTO_TEST_SUITE(civil_date_test)

BOOST_AUTO_TEST_CASE(day_round_trips_and_agrees_with_boost_for_every_day_1900_to_2100) {
  const boost::gregorian::date epoch(1970, 1, 1);
  for (boost::gregorian::date d(1900, 1, 1); d <= boost::gregorian::date(2100, 12, 31); d += boost::gregorian::days(1)) {
    const auto ymd = d.year_month_day();
    const civil_date c{static_cast<int>(ymd.year), static_cast<unsigned>(ymd.month), static_cast<unsigned>(ymd.day)};
    const csc::day s(c);
    if (s.since_epoch().count() != (d - epoch).days() || s.civil() != c) {
      BOOST_FAIL("day mismatch at " << c);
    }
  }
}

BOOST_AUTO_TEST_CASE(day_handles_dates_before_year_zero_era) {
  const civil_date far{-400, 3, 1};
  BOOST_TEST(csc::day(far).civil() == far);
  BOOST_TEST(csc::day(civil_date{1969, 12, 31}).since_epoch().count() == -1);
}

BOOST_AUTO_TEST_CASE(parse_iso_date_accepts_only_valid_yyyy_mm_dd) {
  BOOST_TEST(*csc::parse_iso_date("2019-04-01") == (civil_date{2019, 4, 1}));
  for (const char* bad : {"", "2019-4-01", "2019-04-1", "2019/04/01", "20190401", " 2019-04-01", "2019-04-01 ",
                          "2019-13-01", "2019-00-10", "2019-04-31", "2019-02-29", "1900-02-29", "2019-04-0a",
                          "+019-04-01", "01/04/2019"}) {
    BOOST_TEST(!csc::parse_iso_date(bad).has_value(), "accepted '" << bad << "'");
  }
  BOOST_TEST(csc::parse_iso_date("2000-02-29").has_value());
}

BOOST_AUTO_TEST_CASE(to_iso_string_pads) {
  BOOST_TEST(csc::to_iso_string(civil_date{2019, 4, 1}) == "2019-04-01");
  BOOST_TEST(csc::to_iso_string(civil_date{999, 12, 9}) == "0999-12-09");
}

BOOST_AUTO_TEST_CASE(ok_rejects_impossible_dates) {
  BOOST_TEST(!(civil_date{2019, 2, 29}.ok()));
  BOOST_TEST((civil_date{2020, 2, 29}.ok()));
  BOOST_TEST(!(civil_date{2020, 0, 1}.ok()));
  BOOST_TEST(!(civil_date{2020, 4, 31}.ok()));
}

BOOST_AUTO_TEST_SUITE_END()
