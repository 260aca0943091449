// Tests for include/csc/report/local_authority.hpp (docs/rules/benchmarks.md, "The local authority").
#include <csc/report/local_authority.hpp>

#include <boost/test/unit_test.hpp>

#include <fstream>
#include <sstream>
#include <string>

namespace {
// Rows as DfE's c1 file has them (2024 and 2025), with a renamed LA and a comma in a name.
const char* table_text =
    "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,"
    "new_la_code,la_name,category,referral_count\n"
    "2025,Reporting year,National,E92000001,England,,,,,,Referrals,632830\n"
    "2025,Reporting year,Regional,E92000001,England,E12000009,South West,,,,Referrals,50000\n"
    "2024,Reporting year,Local authority,E92000001,England,E12000009,South West,879,E06000026,Plymouth,Referrals,2700\n"
    "2025,Reporting year,Local authority,E92000001,England,E12000009,South West,879,E06000026,Plymouth,Referrals,2806\n"
    "2025,Reporting year,Local authority,E92000001,England,E12000003,Yorkshire and The Humber,382,E08000034,Kirklees,"
    "Referrals,3277\n"
    "2025,Reporting year,Local authority,E92000001,England,E12000009,South West,801,E06000023,\"Bristol, City of\","
    "Referrals,4264\n"
    "2024,Reporting year,Local authority,E92000001,England,E12000008,South East,825,E10000002,Buckinghamshire,"
    "Referrals,4000\n"
    "2025,Reporting year,Local authority,E92000001,England,E12000008,South East,825,E06000060,Buckinghamshire,"
    "Referrals,4100\n";

csc::local_authority_directory directory() {
  std::istringstream in(table_text);
  csc::local_authority_directory d;
  d.add(csc::io::published_table::read(in, "c1.csv"));
  return d;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(local_authority_test)

BOOST_AUTO_TEST_CASE(an_la_is_found_by_old_code_ons_code_or_name_in_any_case) {
  const csc::local_authority_directory d = directory();
  BOOST_TEST(d.size() == 4u);
  for (const char* q : {"879", "E06000026", "e06000026", "Plymouth", "PLYMOUTH", " plymouth "}) {
    const csc::local_authority& la = d.resolve(q);
    BOOST_TEST(la.old_code == 879);
    BOOST_TEST(la.name == "Plymouth");
    BOOST_TEST(la.new_code == "E06000026");
    BOOST_TEST(la.region_name == "South West");
  }
  BOOST_TEST(d.resolve("382").name == "Kirklees");
  BOOST_TEST(csc::describe(d.resolve("kirklees")) == "Kirklees (382, E08000034)");
}

BOOST_AUTO_TEST_CASE(names_with_a_comma_and_earlier_ons_codes_still_find_the_la) {
  const csc::local_authority_directory d = directory();
  BOOST_TEST(d.resolve("Bristol, City of").old_code == 801);
  BOOST_TEST(d.resolve("bristol city of").old_code == 801);
  BOOST_TEST(d.resolve("Bristol").old_code == 801);  // the part before the comma, when only one name starts so
  // Buckinghamshire became a unitary in 2020: the county code still finds it; the latest code is kept.
  BOOST_TEST(d.resolve("E10000002").old_code == 825);
  BOOST_TEST(d.resolve("825").new_code == "E06000060");
}

BOOST_AUTO_TEST_CASE(an_unknown_la_is_an_error_listing_the_nearest_matches) {
  const csc::local_authority_directory d = directory();
  BOOST_TEST(d.find("999") == nullptr);
  BOOST_TEST(d.find("") == nullptr);
  BOOST_TEST(d.find("12345") == nullptr);
  try {
    d.resolve("Plymuoth", 2);
    BOOST_FAIL("no error");
  } catch (const csc::unknown_local_authority& e) {
    BOOST_TEST(e.nearest_count() == 2u);
    BOOST_TEST(std::string(e.what()) ==
               "'Plymuoth' is not the old LA number, ONS code or name of a local authority in the DfE files; "
               "nearest: Plymouth (879, E06000026); Kirklees (382, E08000034)");
  }
  BOOST_CHECK_THROW(d.resolve("999"), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(every_la_of_the_shared_dfe_files_resolves_when_present) {
  const std::string dir = std::string(CSC_SOURCE_DIR) + "/../shared/data/dfe/";
  std::ifstream c1(dir + "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv", std::ios::binary);
  if (!c1) {
    BOOST_TEST_MESSAGE("no shared DfE data next to the checkout; skipped");
    return;
  }
  csc::local_authority_directory d;
  d.add(csc::io::published_table::read(c1, "c1"));
  BOOST_TEST(d.resolve("879").name == "Plymouth");
  BOOST_TEST(d.resolve("E06000026").old_code == 879);
  BOOST_TEST(d.resolve("kirklees").old_code == 382);
  BOOST_TEST(d.resolve("Shropshire").new_code == "E06000051");
  BOOST_TEST(d.resolve("Trafford").old_code == 358);
  BOOST_TEST(d.resolve("Walsall").old_code == 335);
  BOOST_CHECK_THROW(d.resolve("999"), csc::unknown_local_authority);
}

BOOST_AUTO_TEST_SUITE_END()
