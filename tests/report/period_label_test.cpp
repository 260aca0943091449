// Tests for include/csc/report/period_label.hpp (docs/rules/periods.md).
#include <csc/calendar/periods.hpp>
#include <csc/report/period_label.hpp>

#include <boost/test/unit_test.hpp>

#include <stdexcept>
#include <string>
#include <vector>

namespace {
// csc-report's own formula before the library owned it (series_section.hpp year_label).
std::string tool_year_label(int year) {
  const int yy = year % 100;
  return std::to_string(year - 1) + "-" + (yy < 10 ? "0" : "") + std::to_string(yy);
}

struct label_case {
  int start_year;
  const char* label;
};
}  // namespace

BOOST_AUTO_TEST_SUITE(period_label_test)

BOOST_AUTO_TEST_CASE(financial_year_label_pads_the_second_year_to_two_digits) {
  const std::vector<label_case> cases = {
      {2019, "2019-20"}, {2008, "2008-09"}, {2009, "2009-10"}, {1999, "1999-00"}, {2000, "2000-01"},
      {2098, "2098-99"}, {2099, "2099-00"}, {1000, "1000-01"}, {9998, "9998-99"}, {9999, "9999-00"},
  };
  for (const label_case& c : cases) {
    BOOST_TEST_CONTEXT("start year " << c.start_year) {
      BOOST_TEST(csc::financial_year_label(c.start_year) == c.label);
      BOOST_TEST(csc::year_ending_label(c.start_year + 1) == c.label);
      BOOST_TEST(csc::parse_financial_year(c.label) == c.start_year);  // the inverse, in calendar/periods.hpp
    }
  }
}

BOOST_AUTO_TEST_CASE(labels_read_back_and_equal_the_tools_formula_for_every_four_digit_year) {
  for (int start = 1000; start <= 9998; ++start) {
    const std::string label = csc::financial_year_label(start);
    if (label != tool_year_label(start + 1) || csc::parse_financial_year(label) != start)
      BOOST_FAIL("start year " << start << ": " << label);
  }
}

BOOST_AUTO_TEST_CASE(years_below_zero_are_out_of_range) {
  struct bad_case {
    int start_year;
    bool throws;
  };
  const std::vector<bad_case> cases = {{-1, true}, {-2019, true}, {0, false}};
  for (const bad_case& c : cases) {
    BOOST_TEST_CONTEXT("start year " << c.start_year) {
      if (c.throws) {
        BOOST_CHECK_THROW(csc::financial_year_label(c.start_year), std::out_of_range);
        BOOST_CHECK_THROW(csc::year_ending_label(c.start_year + 1), std::out_of_range);
      } else {
        BOOST_TEST(csc::financial_year_label(c.start_year) == "0-01");
        BOOST_TEST(csc::year_ending_label(c.start_year + 1) == "0-01");
      }
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
