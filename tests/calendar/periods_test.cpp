// Tests for include/csc/calendar/periods.hpp (docs/rules/periods.md).
#include <csc/calendar/periods.hpp>

#include "../support/test_dates.hpp"

#include <boost/test/unit_test.hpp>

using csc::civil_date;
using csc_test::bd;
using csc_test::cd;
using period = csc::interval<civil_date>;

BOOST_AUTO_TEST_SUITE(periods_test)

BOOST_AUTO_TEST_CASE(financial_year_is_april_to_march) {
  BOOST_TEST((csc::financial_year<civil_date>(2019) == period(cd("2019-04-01"), cd("2020-03-31"))));
  BOOST_TEST(csc::parse_financial_year("2019-20") == 2019);
  BOOST_TEST(csc::parse_financial_year("1999-00") == 1999);
  for (const char* bad : {"2019-21", "2019/20", "19-20", "2019-2020", "2019-2", "abcd-ef", "2019-20 "}) {
    BOOST_CHECK_THROW(csc::parse_financial_year(bad), std::invalid_argument);
  }
  BOOST_TEST(csc::financial_year_of(cd("2019-04-01")) == 2019);
  BOOST_TEST(csc::financial_year_of(cd("2019-03-31")) == 2018);
  BOOST_TEST(csc::financial_year_of(bd("2020-01-15")) == 2019);
}

BOOST_AUTO_TEST_CASE(financial_quarters) {
  BOOST_TEST((csc::financial_quarter<civil_date>(2019, 1) == period(cd("2019-04-01"), cd("2019-06-30"))));
  BOOST_TEST((csc::financial_quarter<civil_date>(2019, 2) == period(cd("2019-07-01"), cd("2019-09-30"))));
  BOOST_TEST((csc::financial_quarter<civil_date>(2019, 3) == period(cd("2019-10-01"), cd("2019-12-31"))));
  BOOST_TEST((csc::financial_quarter<civil_date>(2019, 4) == period(cd("2020-01-01"), cd("2020-03-31"))));
  BOOST_CHECK_THROW(csc::financial_quarter<civil_date>(2019, 0), std::invalid_argument);
  BOOST_CHECK_THROW(csc::financial_quarter<civil_date>(2019, 5), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(calendar_months) {
  BOOST_TEST((csc::calendar_month<civil_date>(2020, 2) == period(cd("2020-02-01"), cd("2020-02-29"))));
  BOOST_TEST((csc::calendar_month<civil_date>(2019, 2) == period(cd("2019-02-01"), cd("2019-02-28"))));
  BOOST_TEST((csc::calendar_month<civil_date>(2019, 12) == period(cd("2019-12-01"), cd("2019-12-31"))));
  BOOST_CHECK_THROW(csc::calendar_month<civil_date>(2019, 13), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(year_to_date) {
  BOOST_TEST((csc::year_to_date(cd("2020-02-15")) == period(cd("2019-04-01"), cd("2020-02-15"))));
  BOOST_TEST((csc::year_to_date(cd("2019-04-01")) == period(cd("2019-04-01"), cd("2019-04-01"))));
  BOOST_TEST((csc::year_to_date(cd("2019-03-31")) == period(cd("2018-04-01"), cd("2019-03-31"))));
}

BOOST_AUTO_TEST_CASE(rolling_12_months) {
  BOOST_TEST((csc::rolling_12_months(cd("2020-02-29")) == period(cd("2019-03-01"), cd("2020-02-29"))));
  // add_months(2021-02-28, -12) = 2020-02-28, so the window is 2020-02-29..2021-02-28 (366 days).
  BOOST_TEST((csc::rolling_12_months(cd("2021-02-28")) == period(cd("2020-02-29"), cd("2021-02-28"))));
  BOOST_TEST(*csc::rolling_12_months(cd("2021-02-28")).length_in_days() == 366);
  BOOST_TEST((csc::rolling_12_months(cd("2020-03-31")) == csc::financial_year<civil_date>(2019)));
  BOOST_TEST((csc::rolling_12_months(bd("2019-06-30")) ==
              csc::interval<boost::gregorian::date>(bd("2018-07-01"), bd("2019-06-30"))));
}

BOOST_AUTO_TEST_SUITE_END()
