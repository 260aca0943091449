// Tests for include/csc/measure/quartiles.hpp (linear interpolation between closest ranks).
#include <csc/measure/quartiles.hpp>

#include <boost/test/unit_test.hpp>

#include <vector>

BOOST_AUTO_TEST_SUITE(quartiles_test)

BOOST_AUTO_TEST_CASE(interpolates_between_closest_ranks) {
  const auto q = csc::quartiles(std::vector<int>{4, 1, 3, 2});
  BOOST_REQUIRE(q.has_value());
  BOOST_TEST(q->q1 == 1.75);
  BOOST_TEST(q->median == 2.5);
  BOOST_TEST(q->q3 == 3.25);
  const auto odd = csc::quartiles(std::vector<int>{10, 30, 20, 50, 40});
  BOOST_TEST(odd->q1 == 20.0);
  BOOST_TEST(odd->median == 30.0);
  BOOST_TEST(odd->q3 == 40.0);
}

BOOST_AUTO_TEST_CASE(one_value_and_none) {
  const auto one = csc::quartiles(std::vector<int>{366});
  BOOST_TEST(one->q1 == 366.0);
  BOOST_TEST(one->q3 == 366.0);
  BOOST_TEST(!csc::quartiles(std::vector<int>{}).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
