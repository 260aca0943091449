// Tests for include/csc/report/data_quality.hpp (docs/inputs.md).
#include <csc/io/csv_records.hpp>
#include <csc/report/data_quality.hpp>

#include <boost/test/unit_test.hpp>

#include <sstream>
#include <vector>

BOOST_AUTO_TEST_SUITE(data_quality_test)

BOOST_AUTO_TEST_CASE(summarises_what_was_read_and_found_by_rule) {
  std::istringstream in(" LAchildID ,CINreferralDate,ReferralSource,Team\n"
                        "C1 ,2019-05-01,9Z,N\nC1 ,2019-05-01,9Z,N\nC2,bad,1A,N\n,,,\nC3,2019-06-01,1A,S\n");
  csc::io::extract_options o;
  o.skip_invalid_records = true;
  const auto t = csc::io::read_referrals_csv(in, "r.csv", o);
  std::vector<csc::finding> classifier(1);
  classifier[0].rule = csc::rule::duplicate_referral_date;
  classifier[0].counted = true;
  const csc::input_quality q = csc::quality_of("referrals", t, classifier);
  BOOST_TEST(q.input == "referrals");
  BOOST_TEST(q.name == "r.csv");
  BOOST_TEST(q.records == 2u);
  BOOST_TEST(q.excluded == 1u);
  BOOST_TEST(q.trimmed_ids == 1u);  // the repeated row is not read again
  BOOST_TEST(q.empty_rows == 1u);
  BOOST_TEST(q.matched_columns.size() == 1u);
  BOOST_TEST((q.unused_columns == std::vector<std::string>{"Team"}));
  BOOST_REQUIRE(q.findings.size() == 4u);  // csc::rule order
  BOOST_TEST((q.findings[0].rule == csc::rule::duplicate_referral_date));
  BOOST_TEST((q.findings[1].rule == csc::rule::unknown_code));
  BOOST_TEST(q.findings[1].findings == 1u);
  BOOST_TEST((q.findings[2].rule == csc::rule::duplicate_record));
  BOOST_TEST((q.findings[3].rule == csc::rule::invalid_record));
  BOOST_TEST(q.findings[3].not_counted == 1u);
  BOOST_TEST(q.finding_count() == 4u);
}

BOOST_AUTO_TEST_SUITE_END()
