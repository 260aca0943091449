// Tests for include/csc/core/count_text.hpp: a count with its noun, singular for one.
#include <csc/core/count_text.hpp>

#include <boost/test/unit_test.hpp>

#include <string>

BOOST_AUTO_TEST_SUITE(count_text_test)

BOOST_AUTO_TEST_CASE(one_takes_the_singular_every_other_count_the_plural) {
  BOOST_TEST(csc::count_text(0, "child", "children") == "0 children");
  BOOST_TEST(csc::count_text(1, "child", "children") == "1 child");
  BOOST_TEST(csc::count_text(2, "child", "children") == "2 children");
  BOOST_TEST(csc::count_text(1, "LAchildID value trimmed", "LAchildID values trimmed") == "1 LAchildID value trimmed");
  BOOST_TEST(csc::count_text(11, "referral") == "11 referrals");
  BOOST_TEST(csc::count_text(1, "referral") == "1 referral");
  BOOST_TEST(csc::count_text(0, "earlier plan") == "0 earlier plans");
  static_assert(csc::inflect(1, "is", "are") == "is");
  static_assert(csc::inflect(21, "is", "are") == "are");
}

BOOST_AUTO_TEST_SUITE_END()
