// Tests for include/csc/calendar/age.hpp (docs/rules/age.md).
#include <csc/calendar/age.hpp>

#include "../support/test_dates.hpp"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <optional>
#include <ostream>
#include <vector>

namespace bdata = boost::unit_test::data;
using csc_test::bd;
using csc_test::cd;

static_assert(*csc::age_in_completed_years(csc::civil_date{2016, 2, 29}, csc::civil_date{2017, 3, 1}) == 1);

namespace {
struct age_case {
  const char* birth;
  const char* on;
  int age;  // completed years
};
std::ostream& operator<<(std::ostream& os, const age_case& c) { return os << "born " << c.birth << " on " << c.on; }
const std::vector<age_case> cases = {
    {"2016-02-29", "2017-02-28", 0},  {"2016-02-29", "2017-03-01", 1}, {"2016-02-29", "2020-02-28", 3},
    {"2016-02-29", "2020-02-29", 4},  {"2016-02-29", "2016-02-29", 0}, {"2010-06-15", "2020-06-14", 9},
    {"2010-06-15", "2020-06-15", 10}, {"2010-06-15", "2010-06-15", 0}, {"2002-03-31", "2020-03-30", 17},
    {"2002-03-31", "2020-03-31", 18}, {"2019-12-31", "2020-12-30", 0}};
}  // namespace

BOOST_AUTO_TEST_SUITE(age_test)

BOOST_DATA_TEST_CASE(age_in_completed_years_boundaries, bdata::make(cases), row) {
  BOOST_TEST(csc::age_in_completed_years(cd(row.birth), cd(row.on)) == std::optional<int>(row.age));
  BOOST_TEST(csc::age_in_completed_years(bd(row.birth), bd(row.on)) == std::optional<int>(row.age));
}

BOOST_AUTO_TEST_CASE(unborn_child_has_no_age) {
  BOOST_TEST(!csc::age_in_completed_years(cd("2021-01-01"), cd("2020-12-31")).has_value());
}

BOOST_AUTO_TEST_CASE(age_agrees_with_the_definition_for_every_day_of_a_leap_cycle) {
  // Largest k with birth <= add_months(on, -12k), by direct search.
  const csc::civil_date birth = cd("2012-02-29");
  for (csc::day s(birth); s < csc_test::dy("2021-03-02"); s = s.next()) {
    const csc::civil_date on = s.civil();
    int k = 0;
    while (birth <= csc::add_months(on, -12 * (k + 1))) ++k;
    if (csc::age_in_completed_years(birth, on) != std::optional<int>(k)) BOOST_FAIL("age mismatch on " << on);
  }
}

BOOST_AUTO_TEST_CASE(dfe_age_bands_at_each_edge) {
  using csc::age_band;
  const auto band = [](const char* birth, const char* on) { return csc::age_band_on(cd(birth), cd(on)); };
  BOOST_TEST((band("2020-01-02", "2020-01-01") == age_band::unborn));      // expected tomorrow
  BOOST_TEST((band("2020-01-01", "2020-01-01") == age_band::under_1));     // born today
  BOOST_TEST((band("2019-01-02", "2020-01-01") == age_band::under_1));     // first birthday tomorrow
  BOOST_TEST((band("2019-01-01", "2020-01-01") == age_band::age_1_to_4));  // first birthday today
  BOOST_TEST((band("2015-01-02", "2020-01-01") == age_band::age_1_to_4));
  BOOST_TEST((band("2015-01-01", "2020-01-01") == age_band::age_5_to_9));
  BOOST_TEST((band("2010-01-02", "2020-01-01") == age_band::age_5_to_9));
  BOOST_TEST((band("2010-01-01", "2020-01-01") == age_band::age_10_to_15));
  BOOST_TEST((band("2004-01-02", "2020-01-01") == age_band::age_10_to_15));
  BOOST_TEST((band("2004-01-01", "2020-01-01") == age_band::age_16_plus));
  // 29 February birthday: 16 on 1 March in a common year, not on 28 February.
  BOOST_TEST((band("2004-02-29", "2020-02-28") == age_band::age_10_to_15));
  BOOST_TEST((band("2004-02-29", "2020-02-29") == age_band::age_16_plus));
  BOOST_TEST((band("2000-02-29", "2016-02-28") == age_band::age_10_to_15));
  BOOST_TEST((band("2000-02-29", "2016-02-29") == age_band::age_16_plus));
  BOOST_TEST((band("2008-02-29", "2013-02-28") == age_band::age_1_to_4));  // 4 until 2013-03-01
  BOOST_TEST((band("2008-02-29", "2013-03-01") == age_band::age_5_to_9));
  BOOST_TEST((csc::age_band_on(bd("2019-01-01"), bd("2020-01-01")) == age_band::age_1_to_4));
  BOOST_TEST(csc::to_string(age_band::unborn) == "Unborn");
  BOOST_TEST(csc::to_string(age_band::age_16_plus) == "16 years and over");
}

BOOST_AUTO_TEST_SUITE_END()
