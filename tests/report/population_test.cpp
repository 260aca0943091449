// Tests for include/csc/report/population.hpp (docs/rules/rates.md).
#include <csc/report/population.hpp>

#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {
const char* head =
    "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,"
    "new_la_code,la_name,age_group,population_estimate\n";
const char* la335 = "Reporting year,Local authority,E92000001,England,E12000005,West Midlands,335,E08000030,Walsall,"
                    "Children aged 0 to 17 years,";

csc::population_estimates read(const std::string& text) {
  std::istringstream in(text);
  return csc::population_estimates::read(in, "ons.csv");
}

struct mid_year_case {
  int start_year;                          // financial year start_year-(start_year+1)
  int mid_year;                            // the estimate that applies
  std::optional<std::size_t> population;   // of LA 335 in the table below
};
}  // namespace

BOOST_AUTO_TEST_SUITE(population_test)

BOOST_AUTO_TEST_CASE(the_year_ending_31_march_y_uses_the_mid_year_y_minus_1_estimate) {
  const auto p = read(std::string(head) + "2018," + la335 + "63000\n" + "2019," + la335 + "64000\n" +
                      "2019,Reporting year,National,E92000001,England,,,,,,Children aged 0 to 17 years,12000000\n" +
                      "2020," + la335 + "x\n");
  BOOST_TEST(p.size() == 2U);  // England and the symbol x are no LA estimates
  const std::vector<mid_year_case> cases = {
      {2017, 2017, std::nullopt},  // before the first estimate
      {2018, 2018, 63000},         // 2018-19 (year ending March 2019): mid-2018
      {2019, 2019, 64000},         // 2019-20 (year ending March 2020): mid-2019
      {2020, 2020, std::nullopt},  // published as x
      {2021, 2021, std::nullopt},  // after the last estimate
  };
  for (const mid_year_case& c : cases) {
    BOOST_TEST_CONTEXT("financial year starting " << c.start_year) {
      BOOST_TEST(csc::population_mid_year(c.start_year) == c.mid_year);
      const csc::applicable_population a = csc::population_for_financial_year(p, 335, c.start_year);
      BOOST_TEST(a.la == 335);
      BOOST_TEST(a.mid_year == c.mid_year);
      BOOST_TEST((a.population == c.population));
      if (c.population) {
        BOOST_TEST(csc::population_at(p, 335, c.start_year) == *c.population);
      } else {
        BOOST_CHECK_THROW(csc::population_at(p, 335, c.start_year), std::out_of_range);
      }
    }
  }
  BOOST_TEST(!csc::population_for_financial_year(p, 336, 2019).population.has_value());  // another LA
}

BOOST_AUTO_TEST_CASE(an_absent_estimate_gives_csc_reports_note_and_a_clear_error) {
  const csc::population_estimates none;
  const auto a = csc::population_for_financial_year(none, 335, 2025);
  BOOST_TEST(csc::missing_population_note(a, "2025-26 to 2025-06-30") ==
             "no ONS population for LA 335 in mid-2025: rates for 2025-26 to 2025-06-30 are undefined");
  try {
    csc::population_at(none, 335, 2025);
    BOOST_FAIL("expected std::out_of_range");
  } catch (const std::out_of_range& e) {
    BOOST_TEST(std::string(e.what()) == "no ONS population for LA 335 in mid-2025");
  }
}

BOOST_AUTO_TEST_CASE(estimates_round_half_away_from_zero_and_negative_ones_are_errors) {
  struct rounding_case {
    const char* text;
    std::size_t population;
  };
  const std::vector<rounding_case> cases = {{"0", 0}, {"63386", 63386}, {"63386.4", 63386}, {"63386.5", 63387}};
  for (const rounding_case& c : cases) {
    BOOST_TEST_CONTEXT(c.text) {
      BOOST_TEST(*read(std::string(head) + "2019," + la335 + c.text + "\n").find(335, 2019) == c.population);
    }
  }
  try {
    read(std::string(head) + "2019," + la335 + "-1\n");
    BOOST_FAIL("expected a parse_error");
  } catch (const csc::io::parse_error& e) {
    BOOST_TEST(e.line() == 2U);
    BOOST_TEST(e.field() == "population_estimate");
  }
}

BOOST_AUTO_TEST_CASE(a_table_without_the_estimate_column_is_an_error_naming_the_file) {
  try {
    read("time_period,geographic_level,region_code,region_name,old_la_code,la_name,other\n"
         "2019,Local authority,E12000005,West Midlands,335,Walsall,1\n");
    BOOST_FAIL("expected std::runtime_error");
  } catch (const csc::io::parse_error&) {
    BOOST_FAIL("expected the missing-column error, not a parse_error");
  } catch (const std::runtime_error& e) {
    BOOST_TEST(std::string(e.what()) == "ons.csv: no population_estimate column");
  }
}

#ifdef CSC_SOURCE_DIR
// The ONS excerpt csc-report's e2e tests read: Walsall mid-2018 and mid-2019 (docs/rules/rates.md).
BOOST_AUTO_TEST_CASE(reads_the_shared_ons_excerpt) {
  const std::string file = CSC_SOURCE_DIR "/tests/e2e/dfe/ons_mid-year_population_estimates_2012_to_2024.csv";
  std::ifstream in(file, std::ios::binary);
  BOOST_TEST_REQUIRE(static_cast<bool>(in));
  const auto p = csc::population_estimates::read(in, file);
  BOOST_TEST(*p.find(335, 2012) == 63386U);
  BOOST_TEST(p.find(335, 2024).has_value());
  BOOST_TEST(!p.find(335, 2025).has_value());
}
#endif

BOOST_AUTO_TEST_SUITE_END()
