// Tests for include/csc/io/dfe_statistics.hpp (docs/rules/benchmarks.md).
#include <csc/io/dfe_statistics.hpp>

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

namespace bdata = boost::unit_test::data;

namespace {
const char* table_text =
    "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,"
    "new_la_code,la_name,category,CPP_start,CPP_subsequent,CPP_subsequent_percent\n"
    "2016,Reporting year,National,E92000001,England,,,,,,Plans,63590,11370,17.9\n"
    "2016,Reporting year,Regional,E92000001,England,E12000005,West Midlands,,,,Plans,7500,1390,18.5\n"
    "2016,Reporting year,Local authority,E92000001,England,E12000005,West Midlands,335,E08000030,Walsall,Plans,"
    "420,72,17.2\n"
    "2016,Reporting year,Local authority,E92000001,England,E12000005,West Midlands,336,E08000031,"
    "\"Wolverhampton, City of\",Plans,c,c,z\n";

csc::io::published_table read(const std::string& text) {
  std::istringstream in(text);
  return csc::io::published_table::read(in, "t.csv");
}

// One published field: read as a value, as a symbol (no value), or refused.
struct field_case {
  const char* field;
  std::optional<double> value;  // the number, when there is one
  bool refused;                 // a parse_error naming the line and column
};
std::ostream& operator<<(std::ostream& os, const field_case& c) { return os << "field '" << c.field << "'"; }
const std::vector<field_case> field_cases = {
    {"17.9", 17.9, false},
    {"x", std::nullopt, false},    // not available
    {":", std::nullopt, false},    // not available, DfE's older symbol: read like x
    {"c", std::nullopt, false},    // suppressed
    {"z", std::nullopt, false},    // not applicable
    {"u", std::nullopt, false},    // low reliability
    {"low", std::nullopt, false},  // rounds to 0
    {"::", std::nullopt, true},
    {":x", std::nullopt, true},
    {"17.9:", std::nullopt, true},
    {"n/a", std::nullopt, true}};
}  // namespace

BOOST_AUTO_TEST_SUITE(dfe_statistics_test)

BOOST_AUTO_TEST_CASE(reads_rows_by_geography_with_dfe_symbols) {
  const auto t = read(table_text);
  BOOST_TEST(t.value_columns() == (std::vector<std::string>{"CPP_start", "CPP_subsequent", "CPP_subsequent_percent"}));
  const std::size_t pct = *t.column("CPP_subsequent_percent");
  BOOST_TEST(*t.england(2016)->values[pct].value == 17.9);
  BOOST_TEST(*t.region(2016, "E12000005")->values[pct].value == 18.5);
  BOOST_TEST(*t.local_authority(2016, 335)->values[pct].value == 17.2);
  BOOST_TEST(t.local_authority(2016, 335)->values[pct].text == "17.2");
  const auto* wolves = t.local_authority(2016, 336);
  BOOST_TEST(wolves->la_name == "Wolverhampton, City of");
  BOOST_TEST(!wolves->values[0].value.has_value());
  BOOST_TEST(wolves->values[0].text == "c");
  BOOST_TEST(wolves->values[pct].text == "z");
  BOOST_TEST(t.local_authority(2015, 335) == nullptr);
  BOOST_TEST(t.years() == (std::vector<int>{2016}));
}

BOOST_AUTO_TEST_CASE(bad_values_name_the_line_and_column) {
  const std::string head = std::string(table_text).substr(0, std::string(table_text).find('\n') + 1);
  try {
    read(head + "2016,Reporting year,National,E92000001,England,,,,,,Plans,63590,11370,n/a\n");
    BOOST_FAIL("expected a parse_error");
  } catch (const csc::io::parse_error& e) {
    BOOST_TEST(e.line() == 2u);
    BOOST_TEST(std::string(e.what()).find("CPP_subsequent_percent") != std::string::npos);
  }
  BOOST_CHECK_THROW(read(head + "2016,Reporting year,Ward,E92000001,England,,,,,,Plans,1,1,1\n"), csc::io::parse_error);
  BOOST_CHECK_THROW(read(head + "2016,Reporting year,National,E92000001,England,,,,,,Plans,1,1,1\n"
                                "2016,Reporting year,National,E92000001,England,,,,,,Plans,1,1,1\n"),
                    csc::io::parse_error);  // the same year and geography twice
}

BOOST_DATA_TEST_CASE(dfe_symbols_colon_read_like_x, bdata::make(field_cases), row) {
  const std::string head = std::string(table_text).substr(0, std::string(table_text).find('\n') + 1);
  const std::string text = head + "2016,Reporting year,National,E92000001,England,,,,,,Plans,63590,11370," + row.field + "\n";
  if (row.refused) {
    try {
      read(text);
      BOOST_FAIL("expected a parse_error");
    } catch (const csc::io::parse_error& e) {
      BOOST_TEST(e.line() == 2u);
      BOOST_TEST(std::string(e.what()).find("CPP_subsequent_percent") != std::string::npos);
      BOOST_TEST(std::string(e.what()).find("(c, x, :, z, u, low)") != std::string::npos);
    }
    return;
  }
  const auto t = read(text);
  const auto& v = t.england(2016)->values.at(*t.column("CPP_subsequent_percent"));
  BOOST_TEST(v.value.has_value() == row.value.has_value());
  if (row.value) BOOST_TEST(*v.value == *row.value);
  BOOST_TEST(v.text == row.field);  // as published
}

BOOST_AUTO_TEST_CASE(statistical_neighbours_with_separator_and_old_groupings) {
  std::string header = "LA num,LA Name,LA number,GOInd,GOReg";
  for (int k = 1; k <= 10; ++k) header += ",SN" + std::to_string(k) + ",SNP";
  header += ",\n";
  std::string walsall = "335,Walsall,335,8,West Midlands";
  for (int n : {331, 332, 333, 334, 336, 337, 338, 339, 340, 341}) walsall += "," + std::to_string(n) + ",Close";
  walsall += ",\n";
  std::string old = "928,Northamptonshire,928,1,East Midlands";
  for (int n = 0; n < 10; ++n) old += "," + std::to_string(800 + n) + ",Close";
  old += ",\n";
  const std::string blank(25, ',');
  std::istringstream in(header + walsall + blank + "\n" + ",Old SNs:" + std::string(24, ',') + "\n" + old);
  const auto sn = csc::io::read_statistical_neighbours(in, "sn.csv");
  BOOST_TEST(sn.size() == 2u);
  BOOST_TEST(sn.at(335).neighbours.front() == 331);
  BOOST_TEST(sn.at(335).neighbours.size() == 10u);
  BOOST_TEST(!sn.at(335).superseded);
  BOOST_TEST(sn.at(928).superseded);
}

BOOST_AUTO_TEST_CASE(every_shared_dfe_file_reads_when_present) {
  // The shared data (../shared/data/dfe, relative to the project root) is read
  // whole when this checkout has it; the e2e tests use a committed excerpt.
  const std::string dir = std::string(CSC_SOURCE_DIR) + "/../shared/data/dfe/";
  std::ifstream d3(dir + "d3_cpps_subsequent_plan_2013_to_2025.csv", std::ios::binary);
  if (!d3) {
    BOOST_TEST_MESSAGE("no shared DfE data next to the checkout; skipped");
    return;
  }
  const auto t = csc::io::published_table::read(d3, "d3");
  const std::size_t pct = *t.column("CPP_subsequent_percent");
  const double walsall[] = {10.4, 13.8, 13.3, 17.2};
  const double england[] = {14.9, 15.8, 16.6, 17.9};
  for (int k = 0; k < 4; ++k) {
    BOOST_TEST(*t.local_authority(2013 + k, 335)->values[pct].value == walsall[k]);
    BOOST_TEST(*t.england(2013 + k)->values[pct].value == england[k]);
  }
  std::ifstream sn_in(dir + "New_Statistical_Neighbour_Groupings_April_2021.csv", std::ios::binary);
  const auto sn = csc::io::read_statistical_neighbours(sn_in, "sn");
  BOOST_TEST(sn.at(335).neighbours.size() == 10u);
  for (const char* name : {"c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv",
                           "ons_mid-year_population_estimates_2012_to_2024.csv",
                           "d5_cpps_at31march_by_duration_2013_to_2025.csv", "b1_children_in_need_2013_to_2025.csv",
                           "c3_factors_identified_at_end_of_assessment_2018_to_2025.csv"}) {
    std::ifstream in(dir + name, std::ios::binary);
    BOOST_TEST(!csc::io::published_table::read(in, name).rows().empty());
  }
}

BOOST_AUTO_TEST_SUITE_END()
