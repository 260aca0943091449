// Tests for include/csc/calendar/add_months.hpp (counting-rules.md section 0,
// docs/rules/add-months.md).
#include <csc/calendar/add_months.hpp>

#include "../support/test_dates.hpp"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <vector>

namespace bdata = boost::unit_test::data;
using csc_test::bd;
using csc_test::cd;

static_assert(csc::add_months(csc::civil_date{2019, 1, 31}, 1) == csc::civil_date{2019, 2, 28});
static_assert(csc::add_months(csc::civil_date{2020, 3, 31}, -1) == csc::civil_date{2020, 2, 29});

namespace {
// Boundary table: one row per case.
struct add_months_case {
  const char* start;
  int months;
  const char* expected;
};
std::ostream& operator<<(std::ostream& os, const add_months_case& c) {
  return os << c.start << " + " << c.months << " months";
}
const std::vector<add_months_case> cases = {
    {"2019-01-31", 1, "2019-02-28"},   {"2020-01-31", 1, "2020-02-29"},    {"2020-02-29", 12, "2021-02-28"},
    {"2020-02-29", -12, "2019-02-28"}, {"2020-03-31", -1, "2020-02-29"},   {"2019-02-28", 12, "2020-02-28"},
    {"2019-04-30", 1, "2019-05-30"},   {"2019-03-31", 1, "2019-04-30"},    {"2019-12-15", 1, "2020-01-15"},
    {"2020-01-15", -1, "2019-12-15"},  {"2019-05-31", -24, "2017-05-31"},  {"2000-02-29", 1200, "2100-02-28"},
    {"2019-06-10", 0, "2019-06-10"},   {"2019-01-31", -13, "2017-12-31"},  {"2024-02-29", 48, "2028-02-29"},
    {"2021-02-28", -12, "2020-02-28"}, {"2019-08-31", 6, "2020-02-29"},    {"2020-05-31", -3, "2020-02-29"}};
}  // namespace

BOOST_AUTO_TEST_SUITE(add_months_test)

BOOST_DATA_TEST_CASE(add_months_clamps_to_the_end_of_the_target_month, bdata::make(cases), row) {
  BOOST_TEST(csc::add_months(cd(row.start), row.months) == cd(row.expected));
  BOOST_TEST(csc::add_months(bd(row.start), row.months) == bd(row.expected));  // same rule on Boost dates
}

BOOST_AUTO_TEST_CASE(never_snaps_month_ends_like_boost_months) {
  // Boost's gregorian::months snaps: 2019-02-28 + 12 months = 2020-02-29, 2019-04-30 + 1 = 2019-05-31.
  BOOST_TEST((bd("2019-02-28") + boost::gregorian::months(12) == bd("2020-02-29")));
  BOOST_TEST(csc::add_months(bd("2019-02-28"), 12) == bd("2020-02-28"));
  BOOST_TEST((bd("2019-04-30") + boost::gregorian::months(1) == bd("2019-05-31")));
  BOOST_TEST(csc::add_months(bd("2019-04-30"), 1) == bd("2019-05-30"));
}

BOOST_AUTO_TEST_CASE(add_days_and_days_between) {
  BOOST_TEST(csc::add_days(cd("2020-02-28"), 1) == cd("2020-02-29"));
  BOOST_TEST(csc::add_days(cd("2020-03-01"), -1) == cd("2020-02-29"));
  BOOST_TEST(csc::days_between(cd("2019-03-31"), cd("2020-03-31")).count() == 366);
  BOOST_TEST(csc::days_between(bd("2020-03-31"), bd("2019-03-31")).count() == -366);
  BOOST_TEST(csc::add_days(csc_test::dy("2020-02-28"), 1) == csc_test::dy("2020-02-29"));  // days are dates too
}

BOOST_AUTO_TEST_SUITE_END()
