// Tests for include/csc/io/cin_census.hpp (docs/cin-census.md).
#include <csc/io/cin_census.hpp>

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

namespace bdata = boost::unit_test::data;

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

// The 1-based line of the first occurrence of @p what in @p text.
std::size_t line_of(const std::string& text, const std::string& what) {
  const std::size_t at = text.find(what);
  if (at == std::string::npos) return 0;
  std::size_t line = 1;
  for (std::size_t i = 0; i < at; ++i) line += text[i] == '\n';
  return line;
}

// One optional item given empty: where it stands (the XML around it) and the
// census record the note is related to.
struct empty_item_case {
  const char* item;           // the element as written
  const char* path;           // its path: the note's detail
  std::string identifiers;    // extra ChildIdentifiers items (beside Sex)
  std::string details;        // CINdetails items and modules
  cin_table holder;           // the note's related table
  std::size_t notes;          // 1: noted; 0: a value, no note
};
std::ostream& operator<<(std::ostream& os, const empty_item_case& c) { return os << c.item; }
const std::string episode_path = "Message/Children/Child/CINdetails/";
const std::string cp_start = "<CPPstartDate>2019-05-20</CPPstartDate>\n";
const std::vector<empty_item_case> empty_item_cases = {
    {"<CINclosureDate></CINclosureDate>", "CINdetails/CINclosureDate", "",
     "<CINclosureDate></CINclosureDate>\n", cin_table::episodes, 1},
    {"<CINclosureDate/>", "CINdetails/CINclosureDate", "", "<CINclosureDate/>\n", cin_table::episodes, 1},
    {"<CINclosureDate> \t </CINclosureDate>", "CINdetails/CINclosureDate", "",
     "<CINclosureDate> \t </CINclosureDate>\n", cin_table::episodes, 1},
    {"<CINclosureDate>2020-01-31</CINclosureDate>", "CINdetails/CINclosureDate", "",
     "<CINclosureDate>2020-01-31</CINclosureDate>\n<ReasonForClosure>RC7</ReasonForClosure>\n", cin_table::episodes, 0},
    {"<ReasonForClosure></ReasonForClosure>", "CINdetails/ReasonForClosure", "",
     "<ReasonForClosure></ReasonForClosure>\n", cin_table::episodes, 1},
    {"<PrimaryNeedCode/>", "CINdetails/PrimaryNeedCode", "", "<PrimaryNeedCode/>\n", cin_table::episodes, 1},
    {"<DateOfInitialCPC/>", "CINdetails/DateOfInitialCPC", "", "<DateOfInitialCPC/>\n", cin_table::episodes, 1},
    {"<AssessmentAuthorisationDate/>", "CINdetails/Assessments/AssessmentAuthorisationDate", "",
     "<Assessments>\n<AssessmentActualStartDate>2019-05-02</AssessmentActualStartDate>\n"
     "<AssessmentAuthorisationDate/>\n</Assessments>\n",
     cin_table::assessments, 1},
    {"<AssessmentFactors></AssessmentFactors>",
     "CINdetails/Assessments/FactorsIdentifiedAtAssessment/AssessmentFactors", "",
     "<Assessments>\n<AssessmentActualStartDate>2019-05-02</AssessmentActualStartDate>\n"
     "<FactorsIdentifiedAtAssessment>\n<AssessmentFactors></AssessmentFactors>\n</FactorsIdentifiedAtAssessment>\n"
     "</Assessments>\n",
     cin_table::assessments, 1},
    {"<CINPlanEndDate/>", "CINdetails/CINPlanDates/CINPlanEndDate", "",
     "<CINPlanDates>\n<CINPlanStartDate>2019-09-01</CINPlanStartDate>\n<CINPlanEndDate/>\n</CINPlanDates>\n",
     cin_table::cin_plans, 1},
    {"<InitialCPCtarget/>", "CINdetails/Section47/InitialCPCtarget", "",
     "<Section47>\n<S47ActualStartDate>2019-05-03</S47ActualStartDate>\n<InitialCPCtarget/>\n</Section47>\n",
     cin_table::section47s, 1},
    {"<ICPCnotRequired></ICPCnotRequired>", "CINdetails/Section47/ICPCnotRequired", "",
     "<Section47>\n<S47ActualStartDate>2019-05-03</S47ActualStartDate>\n<ICPCnotRequired></ICPCnotRequired>\n"
     "</Section47>\n",
     cin_table::section47s, 1},
    {"<CPPendDate></CPPendDate>", "CINdetails/ChildProtectionPlans/CPPendDate", "",
     "<ChildProtectionPlans>\n" + cp_start + "<CPPendDate></CPPendDate>\n</ChildProtectionPlans>\n",
     cin_table::cp_plans, 1},
    {"<NumberOfPreviousCPP/>", "CINdetails/ChildProtectionPlans/NumberOfPreviousCPP", "",
     "<ChildProtectionPlans>\n" + cp_start + "<NumberOfPreviousCPP/>\n</ChildProtectionPlans>\n",
     cin_table::cp_plans, 1},
    {"<LatestCategoryOfAbuse/>", "CINdetails/ChildProtectionPlans/LatestCategoryOfAbuse", "",
     "<ChildProtectionPlans>\n" + cp_start + "<LatestCategoryOfAbuse/>\n</ChildProtectionPlans>\n",
     cin_table::cp_plans, 1},
    {"<PersonDeathDate></PersonDeathDate>", "ChildIdentifiers/PersonDeathDate", "<PersonDeathDate></PersonDeathDate>", "",
     cin_table::children, 1},
    {"<ExpectedPersonBirthDate/>", "ChildIdentifiers/ExpectedPersonBirthDate", "<ExpectedPersonBirthDate/>", "",
     cin_table::children, 1}};

// One return in a declared encoding: the bytes of its LAchildID, and what is
// read (the id in UTF-8) or the error.
struct encoding_case {
  const char* declaration;    // the XML declaration ("" for none)
  std::string id_bytes;       // LAchildID as the file holds it
  std::string id_utf8;        // as read; "" when the file is refused
  const char* error;          // the error's message after "t.xml:LINE: field PATH: " ("" when read)
};
std::ostream& operator<<(std::ostream& os, const encoding_case& c) {
  os << (*c.declaration ? c.declaration : "(no declaration)") << " id";
  for (unsigned char b : c.id_bytes) os << ' ' << std::hex << static_cast<int>(b) << std::dec;
  return os;
}
const char* const not_well_formed = "not well-formed XML: not well-formed (invalid token)";
const std::vector<encoding_case> encoding_cases = {
    {"", "Caf\xC3\xA9", "Caf\xC3\xA9", ""},
    {"<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "Caf\xC3\xA9", "Caf\xC3\xA9", ""},
    {"<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "Caf\xE9", "", not_well_formed},  // Latin-1 bytes, UTF-8 declared
    {"", "Caf\xE9", "", not_well_formed},                                            // and none declared: UTF-8
    {"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>", "Caf\xE9\xA3", "Caf\xC3\xA9\xC2\xA3", ""},
    {"<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>", "\x80\xFF", "\xC2\x80\xC3\xBF", ""},  // 0x80 is U+0080 here
    {"<?xml version=\"1.0\" encoding=\"US-ASCII\"?>", "Cafe", "Cafe", ""},
    {"<?xml version=\"1.0\" encoding=\"US-ASCII\"?>", "Caf\xE9", "", not_well_formed},
    {"<?xml version=\"1.0\" encoding=\"windows-1252\"?>", "Caf\xE9\xA3", "Caf\xC3\xA9\xC2\xA3", ""},
    {"<?xml version=\"1.0\" encoding=\"Windows-1252\"?>", "\x80", "\xE2\x82\xAC", ""},  // euro sign U+20AC
    {"<?xml version=\"1.0\" encoding=\"cp1252\"?>", "O\x92Neill", "O\xE2\x80\x99Neill", ""},  // U+2019
    {"<?xml version=\"1.0\" encoding=\"windows-1252\"?>", "\x9F", "\xC5\xB8", ""},  // U+0178, the last of 0x80-0x9F
    {"<?xml version=\"1.0\" encoding=\"windows-1252\"?>", "\x7E\xA0", "~\xC2\xA0", ""},  // either side of 0x80-0x9F
    {"<?xml version=\"1.0\" encoding=\"windows-1252\"?>", "A\x81", "", not_well_formed},  // the five undefined bytes
    {"<?xml version=\"1.0\" encoding=\"windows-1252\"?>", "A\x8D", "", not_well_formed},
    {"<?xml version=\"1.0\" encoding=\"windows-1252\"?>", "A\x8F", "", not_well_formed},
    {"<?xml version=\"1.0\" encoding=\"windows-1252\"?>", "A\x90", "", not_well_formed},
    {"<?xml version=\"1.0\" encoding=\"windows-1252\"?>", "A\x9D", "", not_well_formed},
    {"<?xml version=\"1.0\" encoding=\"EBCDIC-XY\"?>", "C1", "",
     "encoding 'EBCDIC-XY' is not supported (UTF-8, UTF-16, ISO-8859-1, US-ASCII, windows-1252)"}};

// @p utf8 (code points below U+10000) as UTF-16LE with a byte-order mark.
std::string utf16le(const std::string& utf8) {
  std::string out = "\xFF\xFE";
  for (std::size_t i = 0; i < utf8.size();) {
    const auto b = static_cast<unsigned char>(utf8[i]);
    std::uint32_t cp = b;
    std::size_t n = 1;
    if (b >= 0xE0) cp = b & 0x0F, n = 3;
    else if (b >= 0xC0) cp = b & 0x1F, n = 2;
    for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    out += static_cast<char>(cp & 0xFF);
    out += static_cast<char>(cp >> 8);
    i += n;
  }
  return out;
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

BOOST_DATA_TEST_CASE(an_empty_optional_item_is_read_as_absent_and_noted, bdata::make(empty_item_cases), row) {
  cin_census c;
  const std::string xml = census_xml(child_xml("C1", episode_xml("2019-05-01", row.details),
                                               "<Sex>F</Sex>" + (row.identifiers.empty() ? "" : "\n" + row.identifiers)));
  read(c, xml);
  BOOST_REQUIRE(c.notes.size() == row.notes);
  if (row.notes == 0) return;
  const csc::finding& n = c.notes[0];
  BOOST_TEST((n.rule == csc::rule::empty_optional_item));
  BOOST_TEST(csc::to_string(n.rule) == "empty_optional_item");
  BOOST_TEST(!csc::dfe_rule_number(n.rule).has_value());
  BOOST_TEST(n.detail == "Message/Children/Child/" + std::string(row.path));
  BOOST_TEST(n.source == to_source(cin_table::noted_elements));
  BOOST_TEST(c.where(n) == "t.xml:" + std::to_string(line_of(xml, row.item)));
  BOOST_TEST(n.related_source == to_source(row.holder));
  BOOST_TEST(*n.related_record == 0u);
  BOOST_TEST(c.child_of(n).value() == 0u);
  BOOST_TEST(n.counted);
  // Read as absent, as when the element is left out.
  BOOST_TEST(!c.episodes[0].closure.has_value());
  BOOST_TEST(!c.episodes[0].initial_cpc.has_value());
  BOOST_TEST(c.episodes[0].reason_for_closure.empty());
  BOOST_TEST(c.episodes[0].primary_need.empty());
  BOOST_TEST(!c.children[0].death.has_value());
  for (const auto& a : c.assessments) BOOST_TEST((!a.authorised && a.factors.empty()));
  for (const auto& p : c.cin_plans) BOOST_TEST(!p.end.has_value());
  for (const auto& s : c.section47s) BOOST_TEST((!s.icpc_target && !s.icpc_not_required));
  for (const auto& p : c.cp_plans) BOOST_TEST((!p.end && !p.previous_plans && p.latest_category.empty()));
}

BOOST_AUTO_TEST_CASE(an_empty_closure_date_is_an_open_episode_with_one_note_per_empty_item) {
  cin_census c;
  read(c, census_xml(child_xml("C1", episode_xml("2019-05-01", "<CINclosureDate/>\n<ReasonForClosure/>\n"
                                                               "<ChildProtectionPlans>\n" + cp_start +
                                                               "<CPPendDate/>\n</ChildProtectionPlans>\n"))));
  BOOST_TEST(c.notes.size() == 3u);
  for (const auto& n : c.notes) BOOST_TEST((n.rule == csc::rule::empty_optional_item));
  BOOST_TEST(!c.episodes.at(0).closure.has_value());  // open, as if the element were left out
  BOOST_TEST(!c.cp_plans.at(0).end.has_value());
  csc::io::merge(c);  // the notes keep their related records through merge()
  BOOST_TEST(*c.notes[2].related_record == 0u);
  BOOST_TEST(c.notes[2].related_source == to_source(cin_table::cp_plans));
}

BOOST_AUTO_TEST_CASE(an_empty_lea_is_noted_against_the_return) {
  std::string xml = census_xml(child_xml("C1", episode_xml("2019-05-01")));
  xml.replace(xml.find("</Header>"), 9, "<Source>\n<LEA></LEA>\n</Source>\n</Header>");
  cin_census c;
  read(c, xml);
  BOOST_REQUIRE(c.notes.size() == 1u);
  BOOST_TEST((c.notes[0].rule == csc::rule::empty_optional_item));
  BOOST_TEST(c.notes[0].detail == "Message/Header/Source/LEA");
  BOOST_TEST(c.notes[0].related_source == to_source(cin_table::files));
  BOOST_TEST(c.where(c.notes[0]) == "t.xml:" + std::to_string(line_of(xml, "<LEA>")));
  BOOST_TEST(c.files[0].lea.empty());
  BOOST_TEST(!c.child_of(c.notes[0]).has_value());  // about the return, not a child
}

BOOST_DATA_TEST_CASE(the_declared_encoding_is_honoured_and_text_is_utf8, bdata::make(encoding_cases), row) {
  const std::string body = census_xml(child_xml(row.id_bytes, episode_xml("2019-05-01")));
  const std::string xml = *row.declaration ? std::string(row.declaration) + "\n" + body : body;
  if (*row.error) {
    const std::string e = error_of(xml);
    const std::size_t line = line_of(xml, "<LAchildID>");
    BOOST_TEST(e.find("t.xml:") == 0u, e);
    BOOST_TEST(e.find(row.error) != std::string::npos, e);
    if (std::string(row.error) == not_well_formed) BOOST_TEST(e.find("t.xml:" + std::to_string(line) + ":") == 0u, e);
    return;
  }
  cin_census c;
  read(c, xml);
  BOOST_REQUIRE(c.children.size() == 1u);
  BOOST_TEST(c.children[0].id == row.id_utf8);
  BOOST_TEST(c.episodes.at(0).referral == (csc::civil_date{2019, 5, 1}));  // the rest of the return as in UTF-8
  BOOST_TEST(c.notes.empty());
}

BOOST_AUTO_TEST_CASE(a_utf16_return_with_its_byte_order_mark_is_read) {
  for (const char* declaration : {"", "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n"}) {
    cin_census c;
    read(c, utf16le(declaration + census_xml(child_xml("Caf\xC3\xA9\xE2\x82\xAC", episode_xml("2019-05-01")))));
    BOOST_REQUIRE(c.children.size() == 1u);
    BOOST_TEST(c.children[0].id == "Caf\xC3\xA9\xE2\x82\xAC");
    BOOST_TEST(c.episodes.at(0).referral == (csc::civil_date{2019, 5, 1}));
  }
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
