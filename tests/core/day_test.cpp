// Tests for include/csc/core/day.hpp: csc::day, the strong day type, and
// csc::days (arithmetic, conversions to host dates, civil round trips).
#include <csc/core/date_traits.hpp>
#include <csc/core/day.hpp>

#include "../support/test_dates.hpp"

#include <boost/test/unit_test.hpp>

#include <sstream>
#include <string>
#include <type_traits>
#include <vector>

using csc::civil_date;
using csc::day;
using csc::days;
using csc_test::bd;
using csc_test::cd;
using csc_test::dy;

// Compile-time: the type is constexpr throughout, and strong (no integer conversions).
static_assert(day().since_epoch().count() == 0);
static_assert(day().civil() == civil_date{1970, 1, 1});
static_assert(day(civil_date{2020, 2, 29}).since_epoch().count() == 18321);
static_assert(day(civil_date{2020, 2, 28}).next() == day(civil_date{2020, 2, 29}));
static_assert(day(civil_date{2020, 3, 1}).previous() == day(civil_date{2020, 2, 29}));
static_assert(day(civil_date{2019, 3, 1}).previous().civil() == civil_date{2019, 2, 28});
static_assert(day(civil_date{2020, 3, 31}) - day(civil_date{2019, 3, 31}) == days(366));
static_assert(day(civil_date{2019, 12, 31}) + days(60) == day(civil_date{2020, 2, 29}));
static_assert(day(civil_date{2020, 2, 29}) - days(365) == day(civil_date{2019, 3, 1}));
static_assert(day(civil_date{2019, 12, 31}) < day(civil_date{2020, 1, 1}));
static_assert(day::max() > day(civil_date{9999, 12, 31}));
static_assert(day(civil_date{2020, 2, 29}).to<civil_date>() == civil_date{2020, 2, 29});
static_assert(csc::to_date<civil_date>(day(days(-1))) == civil_date{1969, 12, 31});
static_assert(csc::to_day(day(days(42))) == day(days(42)));
static_assert(std::is_same_v<decltype(day() - day()), days>);
static_assert(!std::is_convertible_v<day, int> && !std::is_convertible_v<int, day>);
static_assert(!std::is_convertible_v<days, day>);
static_assert(std::is_trivially_copyable_v<day> && sizeof(day) == 4);

BOOST_AUTO_TEST_SUITE(day_test)

BOOST_AUTO_TEST_CASE(arithmetic_is_in_whole_days) {
  const day d = dy("2020-02-28");
  BOOST_TEST(d + days(1) == dy("2020-02-29"));
  BOOST_TEST(d + days(2) == dy("2020-03-01"));
  BOOST_TEST(d - days(59) == dy("2019-12-31"));
  BOOST_TEST((dy("2021-02-28") - dy("2020-02-29")).count() == 365);
  BOOST_TEST((dy("2019-01-01") - dy("2020-01-01")).count() == -365);
  BOOST_TEST(d.next().previous() == d);
  BOOST_TEST(dy("2019-12-31").next() == dy("2020-01-01"));
  BOOST_TEST(dy("2020-01-01").previous() == dy("2019-12-31"));
  BOOST_TEST(dy("2020-03-31") > dy("2020-03-30"));
  BOOST_TEST(dy("2020-03-31") >= dy("2020-03-31"));
  BOOST_TEST(dy("2020-03-31") != dy("2020-03-30"));
}

BOOST_AUTO_TEST_CASE(converts_to_and_from_host_dates) {
  const day leap = dy("2020-02-29");
  BOOST_TEST(leap.to<boost::gregorian::date>() == bd("2020-02-29"));
  BOOST_TEST(csc::to_date<boost::gregorian::date>(leap) == bd("2020-02-29"));
  BOOST_TEST(csc::to_day(bd("2020-02-29")) == leap);
  BOOST_TEST(leap.to<civil_date>() == cd("2020-02-29"));
  BOOST_TEST(csc::to_day(cd("2020-02-29")) == leap);
  BOOST_TEST(csc::to_iso_string(leap) == "2020-02-29");
  std::ostringstream os;
  os << leap;
  BOOST_TEST(os.str() == "2020-02-29");
}

namespace {
struct round_trip_case {
  const char* name;  // what the boundary is
  const char* iso;   // the day
  int since_epoch;   // days since 1970-01-01
};
const std::vector<round_trip_case> round_trips = {
    {"epoch", "1970-01-01", 0},
    {"day before the epoch", "1969-12-31", -1},
    {"leap day 2020", "2020-02-29", 18321},
    {"day after leap day 2020", "2020-03-01", 18322},
    {"28 February of a common year", "2019-02-28", 17955},
    {"1 March of a common year", "2019-03-01", 17956},
    {"leap day of a 400-year leap 2000", "2000-02-29", 11016},
    {"1 March 1900 (no leap day)", "1900-03-01", -25508},
    {"end of 1999", "1999-12-31", 10956},
    {"end of financial year 2019-20", "2020-03-31", 18352},
    {"last day of 9999", "9999-12-31", 2932896},
    {"first day of 1400", "1400-01-01", -208188},
};
}  // namespace

BOOST_AUTO_TEST_CASE(civil_round_trip_at_boundaries) {
  for (const round_trip_case& row : round_trips) {
    BOOST_TEST_CONTEXT(row.name << " (" << row.iso << ")") {
      const day d(cd(row.iso));
      BOOST_TEST(d.since_epoch().count() == row.since_epoch);
      BOOST_TEST(day(days(row.since_epoch)).civil() == cd(row.iso));
      BOOST_TEST(d.to<boost::gregorian::date>() == bd(row.iso));
      BOOST_TEST(csc::to_day(bd(row.iso)) == d);
      BOOST_TEST(csc::to_iso_string(d) == row.iso);
    }
  }
}

BOOST_AUTO_TEST_CASE(every_day_round_trips_through_civil_and_boost_1900_to_2100) {
  for (day d = dy("1900-01-01"); d <= dy("2100-12-31"); d = d.next()) {
    if (day(d.civil()) != d || csc::to_day(d.to<boost::gregorian::date>()) != d || !d.civil().ok())
      BOOST_FAIL("round trip fails at " << d);
  }
}

BOOST_AUTO_TEST_SUITE_END()
