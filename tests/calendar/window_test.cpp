// Tests for include/csc/calendar/window.hpp: within_months (anchored on the
// later date), within_days and csc::window (docs/rules/within-months.md).
#include <csc/calendar/window.hpp>

#include "../support/test_dates.hpp"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <vector>

namespace bdata = boost::unit_test::data;
using csc_test::bd;
using csc_test::cd;

static_assert(csc::within_months(csc::civil_date{2019, 3, 31}, csc::civil_date{2020, 3, 31}, 12));
static_assert(!csc::within_months(csc::civil_date{2019, 3, 30}, csc::civil_date{2020, 3, 31}, 12));

namespace {
struct within_case {
  const char* earlier;
  const char* later;
  int months;
  bool expected;
  const char* why;
};
std::ostream& operator<<(std::ostream& os, const within_case& c) {
  return os << c.earlier << " within " << c.months << " months of " << c.later << " (" << c.why << ")";
}
const std::vector<within_case> cases = {
    {"2019-03-31", "2020-03-31", 12, true, "exactly 12 months"},
    {"2019-03-30", "2020-03-31", 12, false, "12 months + 1 day"},
    {"2020-02-28", "2021-02-28", 12, true, "later 2021-02-28 looks back to 2020-02-28"},
    {"2020-02-29", "2021-02-28", 12, true, "later 2021-02-28 looks back to 2020-02-28"},
    {"2020-02-27", "2021-02-28", 12, false, "later 2021-02-28 looks back to 2020-02-28"},
    {"2019-02-28", "2020-02-29", 12, true, "later 2020-02-29 looks back to 2019-02-28"},
    {"2019-02-27", "2020-02-29", 12, false, "later 2020-02-29 looks back to 2019-02-28"},
    {"2019-03-01", "2020-02-29", 12, true, "later 2020-02-29 looks back to 2019-02-28"},
    {"2019-03-31", "2019-04-30", 1, true, "31st -> 30th"},
    {"2019-03-30", "2019-04-30", 1, true, "31st -> 30th"},
    {"2019-03-29", "2019-04-30", 1, false, "31st -> 30th"},
    {"2020-02-29", "2020-03-31", 1, true, "1 month back from 2020-03-31 = 2020-02-29"},
    {"2020-02-28", "2020-03-31", 1, false, "1 month back from 2020-03-31 = 2020-02-29"},
    {"2019-06-01", "2019-06-01", 12, true, "same day, n = 12"},
    {"2019-06-01", "2019-06-01", 0, true, "same day, n = 0"},
    {"2019-06-02", "2019-06-01", 12, false, "later before earlier"},
    {"2018-02-28", "2020-02-29", 24, true, "24 months back from 2020-02-29"},
    {"2018-02-27", "2020-02-29", 24, false, "24 months back from 2020-02-29"},
    {"2017-05-31", "2020-05-31", 36, true, "36 months back from 2020-05-31"},
    {"2017-05-30", "2020-05-31", 36, false, "36 months back from 2020-05-31"}};
}  // namespace

BOOST_AUTO_TEST_SUITE(window_test)

BOOST_DATA_TEST_CASE(within_months_boundaries, bdata::make(cases), row) {
  const char* const e = row.earlier;
  const char* const l = row.later;
  const int n = row.months;
  const bool want = row.expected;
  BOOST_TEST(csc::within_months(cd(e), cd(l), n) == want);
  BOOST_TEST(csc::within_months(bd(e), bd(l), n) == want);
  BOOST_TEST(csc::window::months(n).includes(cd(e), cd(l)) == want);
  // first_day() is the boundary: e is within iff first_day(l) <= e <= l.
  BOOST_TEST((csc::window::months(n).first_day(cd(l)) <= cd(e) && cd(e) <= cd(l)) == want);
}

BOOST_AUTO_TEST_CASE(within_days_counts_whole_days) {
  // 2019-03-31 to 2020-03-31 is 366 days (leap year): within 366 days, not within 365.
  BOOST_TEST(csc::within_days(cd("2019-03-31"), cd("2020-03-31"), 366));
  BOOST_TEST(!csc::within_days(cd("2019-03-31"), cd("2020-03-31"), 365));
  BOOST_TEST(csc::within_days(cd("2019-06-01"), cd("2019-06-01"), 0));
  BOOST_TEST(!csc::within_days(cd("2019-06-02"), cd("2019-06-01"), 365));
  BOOST_TEST(csc::window::days(365).includes(cd("2019-04-01"), cd("2020-03-31")));
  BOOST_TEST(csc::window::days(365).first_day(cd("2020-03-31")) == cd("2019-04-01"));
}

BOOST_AUTO_TEST_CASE(window_first_day_of_a_day_matches_date_form) {
  for (const within_case& row : cases) {
    BOOST_TEST_CONTEXT("later " << row.later) {
      const csc::day s(cd(row.later));
      BOOST_TEST(csc::window::months(12).first_day(s) == csc::day(csc::add_months(cd(row.later), -12)));
      BOOST_TEST(csc::window::days(365).first_day(s) == s - csc::days(365));
    }
  }
}

BOOST_AUTO_TEST_CASE(window_rejects_negative_length_and_describes_itself) {
  BOOST_CHECK_THROW(csc::window::months(-1), std::invalid_argument);
  BOOST_CHECK_THROW(csc::window::days(-5), std::invalid_argument);
  BOOST_TEST(csc::window::months(12).describe() == "12 months");
  BOOST_TEST(csc::window::days(365).describe() == "365 days");
  BOOST_TEST(csc::window::months(1).describe() == "1 month");  // csc::count_text: singular for one
  BOOST_TEST(csc::window::days(1).describe() == "1 day");
  BOOST_TEST(csc::window::days(0).describe() == "0 days");
  BOOST_TEST((csc::window::months(12) != csc::window::days(12)));
}

BOOST_AUTO_TEST_SUITE_END()
