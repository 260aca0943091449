// Tests for include/csc/io/census_records.hpp (docs/inputs.md): CIN census
// returns as the record tables of the CSV route, with the same findings on
// the same records whichever route the data came by.
#include <csc/checks/cin_census_checks.hpp>
#include <csc/io/census_records.hpp>
#include <csc/io/csv_records.hpp>

#include <boost/test/unit_test.hpp>

#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {
csc::io::cin_census census_of(const std::string& details) {
  const std::string xml =
      "<Message>\n<Header>\n<CollectionDetails>\n<Collection>CIN</Collection>\n<Year>2020</Year>\n"
      "<ReferenceDate>2020-03-31</ReferenceDate>\n</CollectionDetails>\n</Header>\n<Children>\n"
      "<Child>\n<ChildIdentifiers>\n<LAchildID>C1</LAchildID>\n<PersonBirthDate>2015-01-01</PersonBirthDate>\n"
      "<Sex>F</Sex>\n</ChildIdentifiers>\n" + details + "</Child>\n</Children>\n</Message>\n";
  std::istringstream in(xml);
  csc::io::cin_census c;
  csc::io::read_cin_census(in, "r.xml", c);
  csc::io::merge(c);
  return c;
}
std::string episode(const std::string& referral, const std::string& source, const std::string& closure,
                    const std::string& reason, const std::string& plans = "") {
  return "<CINdetails>\n<CINreferralDate>" + referral + "</CINreferralDate>\n<ReferralSource>" + source +
         "</ReferralSource>\n<CINclosureDate>" + closure + "</CINclosureDate>\n<ReasonForClosure>" + reason +
         "</ReasonForClosure>\n<ReferralNFA>false</ReferralNFA>\n" + plans + "</CINdetails>\n";
}
}  // namespace

BOOST_AUTO_TEST_SUITE(census_records_test)

// The census tables view their own store (docs/inputs.md), not the cin_census they came from.
BOOST_AUTO_TEST_CASE(census_tables_outlive_the_census) {
  std::optional<csc::io::census_records> r;
  {
    auto c = std::make_unique<csc::io::cin_census>(census_of(episode(
        "2019-05-01", "1A", "", "", "<ChildProtectionPlans>\n<CPPstartDate>2019-06-01</CPPstartDate>\n"
        "<InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>\n</ChildProtectionPlans>\n")));
    r = csc::io::census_records_of(*c, {}, {"PersonBirthDate"});
  }
  BOOST_REQUIRE(r->referrals.records.size() == 1u);
  BOOST_TEST(r->referrals.records[0].child == "C1");
  BOOST_TEST(r->referrals.records[0].referral_source == "1A");
  BOOST_TEST((r->referrals.records[0].kept == std::vector<std::string_view>{"2015-01-01"}));
  BOOST_REQUIRE(r->cp_plans.records.size() == 1u);
  BOOST_TEST(r->cp_plans.records[0].child == "C1");
  BOOST_TEST(r->cp_plans.records[0].initial_category == "NEG");
  BOOST_TEST(r->referrals.texts.size() == 1u);
  BOOST_TEST((r->referrals.texts[0] == r->cp_plans.texts[0]));  // one store, shared
}

// With no item named, records keep nothing (as the CSV readers).
BOOST_AUTO_TEST_CASE(no_item_named_keeps_nothing) {
  const auto c = census_of(episode("2019-05-01", "1A", "", ""));
  BOOST_TEST(csc::io::census_records_of(c, {}, {"", ""}).referrals.records.at(0).kept.empty());
  BOOST_TEST(csc::io::census_records_of(c, {}, {"", "Sex"}).referrals.records.at(0).kept.size() == 2u);
}

BOOST_AUTO_TEST_CASE(projects_episodes_and_plans_with_items_and_kept_values) {
  const auto c = census_of(episode("2019-05-01", "1A", "2019-09-01", "RC1",
                                   "<ChildProtectionPlans>\n<CPPstartDate>2019-06-01</CPPstartDate>\n"
                                   "<CPPendDate>2019-08-01</CPPendDate>\n<InitialCategoryOfAbuse>PHY</InitialCategoryOfAbuse>\n"
                                   "<LatestCategoryOfAbuse>PHY</LatestCategoryOfAbuse>\n"
                                   "<NumberOfPreviousCPP>1</NumberOfPreviousCPP>\n</ChildProtectionPlans>\n"));
  const auto r = csc::io::census_records_of(c, csc::io::check_cin_census(c), {"PersonBirthDate", "Team", ""});
  BOOST_TEST(r.referrals.name == "CIN census r.xml");
  BOOST_TEST(r.referrals.has_item("ReferralNFA"));
  BOOST_TEST(r.cp_plans.has_item("NumberOfPreviousCPP"));
  BOOST_REQUIRE(r.referrals.records.size() == 1u);
  BOOST_TEST(r.referrals.records[0].child == "C1");
  BOOST_TEST(*r.referrals.records[0].nfa == false);
  BOOST_TEST((r.referrals.records[0].kept == std::vector<std::string_view>{"2015-01-01", "", ""}));
  BOOST_TEST(r.referrals.where(0) == "r.xml:" + std::to_string(c.episodes[0].source.line));
  BOOST_REQUIRE(r.cp_plans.records.size() == 1u);
  BOOST_TEST(*r.cp_plans.records[0].previous_plans == 1);
  BOOST_TEST(r.cp_plans.records[0].initial_category == "PHY");
  BOOST_TEST(r.cin_plans.records.empty());
}

// The same defective referral by both routes: the same rule on the same record.
BOOST_AUTO_TEST_CASE(a_defect_gives_the_same_finding_by_either_route) {
  const auto c = census_of(episode("2019-05-01", "9Z", "2019-04-30", "RC1"));
  const auto census = csc::io::census_records_of(c, csc::io::check_cin_census(c)).referrals;
  std::istringstream in("LAchildID,CINreferralDate,ReferralSource,CINclosureDate,ReasonForClosure\n"
                        "C1,2019-05-01,9Z,2019-04-30,RC1\n");
  const auto csv = csc::io::read_referrals_csv(in, "r.csv");
  BOOST_REQUIRE(census.findings.size() == 2u);
  BOOST_REQUIRE(csv.findings.size() == 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    BOOST_TEST((census.findings[i].rule == csv.findings[i].rule));
    BOOST_TEST(census.findings[i].record == csv.findings[i].record);
    BOOST_TEST(census.findings[i].counted == csv.findings[i].counted);
  }
  BOOST_TEST((csv.findings[0].rule == csc::rule::unknown_code));
  BOOST_TEST((csv.findings[1].rule == csc::rule::cin_closure_before_referral));
  BOOST_TEST(census.findings[1].detail == csv.findings[1].detail);
  BOOST_TEST(census.records[0].referral_source == csv.records[0].referral_source);
  BOOST_TEST((census.records[0].closure == csv.records[0].closure));
}

BOOST_AUTO_TEST_SUITE_END()
