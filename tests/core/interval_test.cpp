// Tests for include/csc/core/interval.hpp (docs/rules/intervals.md).
#include <csc/core/interval.hpp>

#include "../support/test_dates.hpp"

#include <boost/test/unit_test.hpp>

#include <sstream>
#include <string>

using csc::civil_date;
using csc_test::bd;
using csc_test::cd;
using interval = csc::interval<civil_date>;

BOOST_AUTO_TEST_SUITE(interval_test)

BOOST_AUTO_TEST_CASE(end_before_start_is_an_error_that_says_so) {
  try {
    interval(cd("2019-05-02"), cd("2019-05-01"));
    BOOST_FAIL("no exception");
  } catch (const csc::invalid_interval& e) {
    BOOST_TEST(std::string(e.what()) == "csc::interval: end 2019-05-01 precedes start 2019-05-02");
  }
  BOOST_CHECK_THROW(csc::interval<boost::gregorian::date>(bd("2020-03-01"), bd("2020-02-29")), csc::invalid_interval);
}

BOOST_AUTO_TEST_CASE(one_day_interval_contains_its_day_only) {
  const interval one(cd("2020-02-29"), cd("2020-02-29"));
  BOOST_TEST(one.contains(cd("2020-02-29")));
  BOOST_TEST(!one.contains(cd("2020-02-28")));
  BOOST_TEST(!one.contains(cd("2020-03-01")));
  BOOST_TEST(*one.length_in_days() == 1);
}

BOOST_AUTO_TEST_CASE(closed_ends_are_included) {
  const interval fy(cd("2019-04-01"), cd("2020-03-31"));
  BOOST_TEST(fy.contains(cd("2019-04-01")));
  BOOST_TEST(fy.contains(cd("2020-03-31")));
  BOOST_TEST(!fy.contains(cd("2019-03-31")));
  BOOST_TEST(!fy.contains(cd("2020-04-01")));
  BOOST_TEST(*fy.length_in_days() == 366);
}

BOOST_AUTO_TEST_CASE(open_interval_extends_to_every_later_day) {
  const interval open(cd("2019-04-01"));
  BOOST_TEST(open.is_open());
  BOOST_TEST(open.contains(cd("9999-12-31")));
  BOOST_TEST(!open.contains(cd("2019-03-31")));
  BOOST_TEST(!open.length_in_days().has_value());
  BOOST_TEST(open.overlaps(interval(cd("2030-01-01"), cd("2030-01-02"))));
}

BOOST_AUTO_TEST_CASE(overlap_is_inclusive_of_shared_end_days) {
  const interval a(cd("2019-01-01"), cd("2019-03-31"));
  BOOST_TEST(a.overlaps(interval(cd("2019-03-31"), cd("2019-05-01"))));   // shares 2019-03-31
  BOOST_TEST(!a.overlaps(interval(cd("2019-04-01"), cd("2019-05-01"))));  // adjacent, no shared day
  BOOST_TEST(interval(cd("2019-04-01"), cd("2019-05-01")).overlaps(a) == a.overlaps(interval(cd("2019-04-01"), cd("2019-05-01"))));
}

BOOST_AUTO_TEST_CASE(first_day_last_day_and_contains_take_days) {
  const interval fy(cd("2019-04-01"), cd("2020-03-31"));
  BOOST_TEST(fy.first_day() == csc_test::dy("2019-04-01"));
  BOOST_TEST(fy.last_day() == csc_test::dy("2020-03-31"));
  BOOST_TEST(fy.contains(csc_test::dy("2020-03-31")));
  BOOST_TEST(!fy.contains(csc_test::dy("2020-04-01")));
  BOOST_TEST(fy.contains(bd("2019-04-01")));  // any date type
  BOOST_TEST(interval(cd("2019-04-01")).last_day() == csc::day::max());
}

BOOST_AUTO_TEST_CASE(prints_readably) {
  std::ostringstream os;
  os << interval(cd("2019-04-01"), cd("2020-03-31")) << ' ' << interval(cd("2019-04-01"));
  BOOST_TEST(os.str() == "[2019-04-01, 2020-03-31] [2019-04-01, open)");
}

BOOST_AUTO_TEST_SUITE_END()
