// Tests for include/csc/io/merge_extracts.hpp (docs/inputs.md): overlapping
// extracts of one input merged as census returns are.
#include <csc/io/csv_records.hpp>
#include <csc/io/merge_extracts.hpp>

#include <boost/test/unit_test.hpp>

#include <sstream>
#include <string>

namespace {
csc::io::referral_table extract(const std::string& name, const std::string& rows) {
  std::istringstream in("LAchildID,CINreferralDate,CINclosureDate,ReferralSource\n" + rows);
  return csc::io::read_referrals_csv(in, name);
}
}  // namespace

BOOST_AUTO_TEST_SUITE(merge_extracts_test)

// Three yearly extracts overlapping on open cases: each referral once, the latest copy kept.
BOOST_AUTO_TEST_CASE(overlapping_extracts_keep_the_latest_copy_of_each_record) {
  std::vector<csc::io::referral_table> x;
  x.push_back(extract("2020.csv", "A,2019-05-01,,1A\nB,2019-06-01,2019-07-01,1A\nC,2020-01-10,,9Z\n"));
  x.push_back(extract("2021.csv", "A,2019-05-01,2020-06-01,1A\nC,2020-01-10,,9Z\nD,2020-09-01,,1A\n"));
  x.push_back(extract("2022.csv", "D,2020-09-01,2021-05-01,1A\nA,2021-08-01,,1A\n"));
  const auto m = csc::io::merge_extracts(std::move(x));
  BOOST_TEST(m.name == "2020.csv,2021.csv,2022.csv");
  BOOST_TEST(m.records.size() == 5u);  // A x2, B, C, D
  BOOST_TEST(m.superseded == 3u);      // A 2019-05-01 and C from 2020.csv, D from 2021.csv
  BOOST_TEST(m.where(0) == "2020.csv:3");  // B: only in the first extract
  BOOST_TEST(m.records[1].child == "A");
  BOOST_TEST((m.records[1].closure.has_value()));  // the later copy, now closed
  BOOST_TEST(m.where(1) == "2021.csv:2");
  BOOST_REQUIRE(m.findings.size() == 1u);  // the unknown code of C, on its kept copy only
  BOOST_TEST(m.findings[0].record == 2u);
  BOOST_TEST(m.records[2].child == "C");
}

BOOST_AUTO_TEST_CASE(extracts_must_carry_the_same_optional_items_other_columns_are_intersected) {
  std::vector<csc::io::referral_table> one;
  one.push_back(extract("a.csv", "A,2019-05-01,,1A\n"));
  BOOST_TEST(csc::io::merge_extracts(std::move(one)).name == "a.csv");
  std::vector<csc::io::referral_table> differ;
  differ.push_back(extract("a.csv", "A,2019-05-01,,1A\n"));
  std::istringstream in("LAchildID,CINreferralDate\nB,2019-05-01\n");
  differ.push_back(csc::io::read_referrals_csv(in, "b.csv"));
  try {
    csc::io::merge_extracts(std::move(differ));
    BOOST_FAIL("extracts with different optional items were merged");
  } catch (const std::invalid_argument& e) {
    BOOST_TEST(std::string(e.what()) ==
               "b.csv and a.csv are extracts of one input but differ in ReferralSource, CINclosureDate (present in "
               "one, missing in the other): give extracts with the same columns");
  }
  std::vector<csc::io::referral_table> extra;
  extra.push_back(extract("a.csv", "A,2019-05-01,,1A\n"));
  std::istringstream with_team("LAchildID,CINreferralDate,CINclosureDate,ReferralSource,Team\nB,2019-05-01,,1A,N\n");
  extra.push_back(csc::io::read_referrals_csv(with_team, "b.csv"));
  const auto m = csc::io::merge_extracts(std::move(extra));
  BOOST_TEST(m.has_item("CINclosureDate"));
  BOOST_TEST(!m.has_item("Team"));
  BOOST_TEST(m.records.size() == 2u);
  BOOST_TEST(m.files.size() == 2u);
  BOOST_TEST(m.records[1].source.file == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
