// Tests for include/csc/report/rate.hpp (docs/rules/rates.md).
#include <csc/report/percent.hpp>
#include <csc/report/rate.hpp>

#include <boost/test/unit_test.hpp>

BOOST_AUTO_TEST_SUITE(rate_test)

BOOST_AUTO_TEST_CASE(rate_per_10000_is_exact_and_rounds_half_away_from_zero_for_display) {
  BOOST_TEST(*csc::rate_per_10000(1234, 56789) == 10000.0 * 1234 / 56789);
  BOOST_TEST(!csc::rate_per_10000(5, 0).has_value());
  BOOST_TEST(csc::format_rate_per_10000(1234, 56789) == "217.3");
  BOOST_TEST(csc::format_rate_per_10000(1, 80000) == "0.1");   // 0.125 -> 0.1
  BOOST_TEST(csc::format_rate_per_10000(3, 80000) == "0.4");   // 0.375 -> 0.4
  BOOST_TEST(csc::format_rate_per_10000(1, 160000) == "0.1");  // exactly 0.0625 -> 0.1
  BOOST_TEST(csc::format_rate_per_10000(1, 200000) == "0.1");  // exactly 0.05 -> 0.1 (half away from zero)
  BOOST_TEST(csc::format_rate_per_10000(1, 200001) == "0.0");
  BOOST_TEST(csc::format_rate_per_10000(7, 0) == "");
  BOOST_TEST(csc::format_percent(1, 16) == "6.3");             // 6.25
}

BOOST_AUTO_TEST_CASE(suppression_hides_counts_1_to_5_only) {
  BOOST_TEST(csc::format_count(0, true) == "0");
  for (std::size_t n = 1; n <= 5; ++n) BOOST_TEST(csc::format_count(n, true) == "c");
  BOOST_TEST(csc::format_count(6, true) == "6");
  BOOST_TEST(csc::format_count(3, false) == "3");
}

BOOST_AUTO_TEST_SUITE_END()
