// Tests for include/csc/io/cin_census.hpp (docs/cin-census.md).
#include <csc/io/cin_census.hpp>

#include <boost/test/unit_test.hpp>

#include <fstream>
#include <sstream>
#include <string>

using csc::io::cin_census;
using csc::io::cin_table;
using csc::io::parse_error;
using csc::io::to_source;

namespace {
// A return with the given children (XML of Child elements) and ReferenceDate.
std::string census_xml(const std::string& children, const std::string& reference = "2020-03-31") {
  return "<Message>\n<Header>\n<CollectionDetails>\n<Collection>CIN</Collection>\n<Year>2020</Year>\n"
         "<ReferenceDate>" + reference + "</ReferenceDate>\n</CollectionDetails>\n</Header>\n<Children>\n" +
         children + "</Children>\n</Message>\n";
}

std::string child_xml(const std::string& id, const std::string& details, const std::string& sex = "<Sex>F</Sex>") {
  return "<Child>\n<ChildIdentifiers>\n<LAchildID>" + id + "</LAchildID>\n<PersonBirthDate>2015-01-01</PersonBirthDate>\n" +
         sex + "\n</ChildIdentifiers>\n<ChildCharacteristics>\n<Ethnicity>WBRI</Ethnicity>\n</ChildCharacteristics>\n" +
         details + "</Child>\n";
}

std::string episode_xml(const std::string& referral, const std::string& rest = "", const std::string& nfa = "false") {
  return "<CINdetails>\n<CINreferralDate>" + referral + "</CINreferralDate>\n<ReferralSource>1A</ReferralSource>\n" +
         rest + "<ReferralNFA>" + nfa + "</ReferralNFA>\n</CINdetails>\n";
}

void read(cin_census& c, const std::string& xml, const std::string& name = "t.xml") {
  std::istringstream in(xml);
  csc::io::read_cin_census(in, name, c);
}

std::string error_of(const std::string& xml) {
  try {
    cin_census c;
    read(c, xml);
  } catch (const parse_error& e) {
    return e.what();
  }
  return "no error";
}
}  // namespace

BOOST_AUTO_TEST_SUITE(cin_census_test)

BOOST_AUTO_TEST_CASE(reads_every_module_with_its_line) {
  cin_census c;
  read(c, census_xml(child_xml(
              "C1", episode_xml("2019-05-01",
                                "<CINclosureDate>2020-01-31</CINclosureDate>\n<ReasonForClosure>RC7</ReasonForClosure>\n"
                                "<Assessments>\n<AssessmentActualStartDate>2019-05-02</AssessmentActualStartDate>\n"
                                "<FactorsIdentifiedAtAssessment>\n<AssessmentFactors>2A</AssessmentFactors>\n"
                                "<AssessmentFactors>18A</AssessmentFactors>\n</FactorsIdentifiedAtAssessment>\n"
                                "</Assessments>\n<CINPlanDates>\n<CINPlanStartDate>2019-09-01</CINPlanStartDate>\n"
                                "</CINPlanDates>\n<Section47>\n<S47ActualStartDate>2019-05-03</S47ActualStartDate>\n"
                                "<DateOfInitialCPC>2019-05-20</DateOfInitialCPC>\n<ICPCnotRequired>0</ICPCnotRequired>\n"
                                "</Section47>\n<ChildProtectionPlans>\n<CPPstartDate>2019-05-20</CPPstartDate>\n"
                                "<CPPendDate>2019-08-31</CPPendDate>\n<InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>\n"
                                "<LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse>\n<NumberOfPreviousCPP>0</NumberOfPreviousCPP>\n"
                                "<Reviews>\n<CPPreviewDate>2019-07-01</CPPreviewDate>\n</Reviews>\n</ChildProtectionPlans>\n"),
              "<GenderCurrent>2</GenderCurrent>")));
  BOOST_TEST(c.children.size() == 1u);
  BOOST_TEST(c.children[0].sex == "2");
  BOOST_TEST(c.children[0].source.line == 10u);  // <Child> after 9 lines of header
  BOOST_REQUIRE(c.episodes.size() == 1u);
  BOOST_TEST(!c.episodes[0].nfa);
  BOOST_TEST(c.episodes[0].reason_for_closure == "RC7");
  BOOST_TEST(c.assessments.at(0).factors == (std::vector<std::string>{"2A", "18A"}));  // legacy 18A accepted
  BOOST_TEST(c.cin_plans.size() == 1u);
  BOOST_TEST(!c.cin_plans[0].end.has_value());
  BOOST_TEST(*c.section47s.at(0).icpc_not_required == false);
  BOOST_TEST(*c.cp_plans.at(0).previous_plans == 0);
  BOOST_TEST(c.cp_plans[0].reviews.size() == 1u);
  BOOST_TEST(c.notes.empty());
  BOOST_TEST(c.files[0].reference_date == (csc::civil_date{2020, 3, 31}));
}

BOOST_AUTO_TEST_CASE(unknown_modules_stray_text_and_unknown_codes_are_notes) {
  cin_census c;
  read(c, census_xml(child_xml("C1", episode_xml("2019-05-01",
                                                 "<PreProceedingsandFGDM>\n<PPStartDate>2019-06-01</PPStartDate>\n"
                                                 "</PreProceedingsandFGDM>\n<PrimaryNeedCode>N99</PrimaryNeedCode>\n",
                                                 "1"))));
  BOOST_REQUIRE(c.notes.size() == 2u);
  BOOST_TEST((c.notes[0].rule == csc::rule::skipped_module));
  BOOST_TEST(c.notes[0].detail == "Message/Children/Child/CINdetails/PreProceedingsandFGDM");
  // A note's record is the element it is about; its related record the census record holding it.
  BOOST_TEST(c.notes[0].source == to_source(cin_table::noted_elements));
  BOOST_TEST(c.where(c.notes[0]) == "t.xml:22");
  BOOST_TEST(c.notes[0].related_source == to_source(cin_table::episodes));
  BOOST_TEST(*c.notes[0].related_record == 0u);
  BOOST_TEST(*c.where_related(c.notes[0]) == "t.xml:19");
  BOOST_TEST(c.notes[0].counted);
  BOOST_TEST((c.notes[1].rule == csc::rule::unknown_code));
  BOOST_TEST(c.notes[1].detail == "8640 Message/Children/Child/CINdetails/PrimaryNeedCode: 'N99'");
  BOOST_TEST(c.where(c.notes[1]) == "t.xml:25");
  BOOST_TEST(c.child_of(c.notes[1]).value() == 0u);
  BOOST_TEST(c.episodes[0].nfa);  // ReferralNFA "1"
  cin_census d;
  read(d, census_xml("<Child>\n<ChildIdentifiers>\n<LAchildID>C2</LAchildID>stray\n</ChildIdentifiers>\n" +
                     episode_xml("2019-05-01") + "</Child>\n"));
  BOOST_REQUIRE(d.notes.size() == 1u);
  BOOST_TEST((d.notes[0].rule == csc::rule::stray_text));
  BOOST_TEST(d.where(d.notes[0]) == "t.xml:13");  // the end of ChildIdentifiers
  BOOST_TEST(d.notes[0].related_source == to_source(cin_table::children));
}

BOOST_AUTO_TEST_CASE(errors_name_file_line_and_element_path) {
  BOOST_TEST(error_of(census_xml(child_xml("C1", episode_xml("2019-02-30")))) ==
             "t.xml:20: field Message/Children/Child/CINdetails/CINreferralDate: '2019-02-30' is not a valid date of the "
             "form YYYY-MM-DD");
  BOOST_TEST(error_of(census_xml(child_xml("C1", episode_xml("2019-05-01", "", "maybe")))).find(
                 "t.xml:22: field Message/Children/Child/CINdetails/ReferralNFA: 'maybe' is not a boolean") == 0u);
  BOOST_TEST(error_of(census_xml(child_xml("C1", "<CINdetails>\n<ReferralNFA>0</ReferralNFA>\n</CINdetails>\n")))
                 .find("required item CINreferralDate is missing") != std::string::npos);
  BOOST_TEST(error_of(census_xml(child_xml("C1", episode_xml("2019-05-01", "<ChildProtectionPlans>\n"
                                                                          "<CPPendDate>2019-06-01</CPPendDate>\n"
                                                                          "</ChildProtectionPlans>\n"))))
                 .find("required item CPPstartDate is missing") != std::string::npos);
  // Not well-formed: a tag left open, reported on the line expat stops at.
  const std::string broken = census_xml(child_xml("C1", episode_xml("2019-05-01"))).substr(0, 300) + "\n<Oops>";
  BOOST_TEST(error_of(broken).find("not well-formed XML") != std::string::npos);
  BOOST_TEST(error_of("<Message>\n<Children>\n</Children>\n</Message>\n").find("ReferenceDate must come before") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_corrupt_file_reports_the_right_line) {
  std::string xml = census_xml(child_xml("C1", episode_xml("2019-05-01")) + child_xml("C2", episode_xml("2019-06-01")));
  xml.replace(xml.find("<LAchildID>C2</LAchildID>"), 25, "<LAchildID>C2</LAchild>");
  const std::string e = error_of(xml);
  BOOST_TEST(e.find("t.xml:27:") == 0u, e);  // the line of the mismatched tag (second child starts on 25)
  BOOST_TEST(e.find("mismatched tag") != std::string::npos, e);
}

BOOST_AUTO_TEST_CASE(several_returns_keep_the_latest_copy_of_each_referral) {
  cin_census c;
  // 2019-20 return: C1's referral open at 31 March 2020, C2's closed.
  read(c, census_xml(child_xml("C1", episode_xml("2020-01-10")) +
                         child_xml("C2", episode_xml("2019-06-01", "<CINclosureDate>2019-12-01</CINclosureDate>\n"
                                                                   "<ReasonForClosure>RC7</ReasonForClosure>\n")),
                     "2020-03-31"),
       "2020.xml");
  // 2020-21 return: C1's referral again, now closed; a new referral for C1.
  read(c, census_xml(child_xml("C1", episode_xml("2020-01-10", "<CINclosureDate>2020-06-30</CINclosureDate>\n"
                                                               "<ReasonForClosure>RC7</ReasonForClosure>\n") +
                                         episode_xml("2020-09-01")),
                     "2021-03-31"),
       "2021.xml");
  BOOST_TEST(c.episodes.size() == 4u);
  csc::io::merge(c);
  BOOST_TEST(c.children.size() == 2u);
  BOOST_TEST(c.episodes.size() == 3u);
  BOOST_TEST(c.superseded_referrals == 1u);
  BOOST_TEST((c.notes.back().rule == csc::rule::superseded_referral));
  BOOST_TEST(c.where(c.notes.back()) == "2020.xml:19");  // C1's CINdetails in the 2019-20 return
  BOOST_TEST(c.notes.back().related_source == to_source(cin_table::episodes));  // the kept copy
  BOOST_TEST(c.where_related(c.notes.back()).value().find("2021.xml:") == 0u);
  BOOST_TEST(c.episodes.at(*c.notes.back().related_record).closure.has_value());
  // The kept copy is the later one, with its closure; records say where they came from.
  for (const auto& e : c.episodes)
    if (e.referral == csc::civil_date{2020, 1, 10}) {
      BOOST_TEST(e.closure.has_value());
      BOOST_TEST(c.files[e.source.file].file == "2021.xml");
    }
}

BOOST_AUTO_TEST_CASE(every_shared_sample_reads_without_error_when_present) {
  const std::string dir = std::string(CSC_SOURCE_DIR) + "/../shared/data/cin-census/";
  std::ifstream probe(dir + "fake_CIN_data.xml");
  if (!probe) {
    BOOST_TEST_MESSAGE("no shared CIN census samples next to the checkout; skipped");
    return;
  }
  for (const char* name : {"fake_CIN_data.xml", "CIN_Census_2021.xml", "CIN2rows.xml", "CIN_Census_2024.xml",
                           "CIN_Census_2026.xml"}) {
    cin_census c;
    std::ifstream in(dir + name, std::ios::binary);
    BOOST_CHECK_NO_THROW(csc::io::read_cin_census(in, name, c));
    BOOST_TEST(!c.episodes.empty());
  }
  cin_census fake;
  std::ifstream in(dir + "fake_CIN_data.xml", std::ios::binary);
  csc::io::read_cin_census(in, "fake", fake);
  BOOST_TEST(fake.children.size() == 332u);
  BOOST_TEST(fake.episodes.size() == 402u);
}

BOOST_AUTO_TEST_SUITE_END()
