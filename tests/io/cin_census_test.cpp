// Tests for include/csc/io/cin_census.hpp (docs/cin-census.md).
#include <csc/io/census_records.hpp>
#include <csc/io/cin_census.hpp>

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <ostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace bdata = boost::unit_test::data;

using csc::io::cin_census;
using csc::io::cin_table;
using csc::io::parse_error;
using csc::io::parse_errors;
using csc::io::to_source;

namespace {
// A return with the given children (XML of Child elements) and ReferenceDate.
std::string census_xml(const std::string& children, const std::string& reference = "2020-03-31") {
  return "<Message>\n<Header>\n<CollectionDetails>\n<Collection>CIN</Collection>\n<Year>2020</Year>\n"
         "<ReferenceDate>" + reference + "</ReferenceDate>\n</CollectionDetails>\n</Header>\n<Children>\n" +
         children + "</Children>\n</Message>\n";
}

std::string child_xml(const std::string& id, const std::string& details, const std::string& sex = "<Sex>F</Sex>",
                      const std::string& birth = "2015-01-01") {
  return "<Child>\n<ChildIdentifiers>\n<LAchildID>" + id + "</LAchildID>\n<PersonBirthDate>" + birth +
         "</PersonBirthDate>\n" + sex +
         "\n</ChildIdentifiers>\n<ChildCharacteristics>\n<Ethnicity>WBRI</Ethnicity>\n</ChildCharacteristics>\n" +
         details + "</Child>\n";
}

std::string episode_xml(const std::string& referral, const std::string& rest = "", const std::string& nfa = "false") {
  return "<CINdetails>\n<CINreferralDate>" + referral + "</CINreferralDate>\n<ReferralSource>1A</ReferralSource>\n" +
         rest + "<ReferralNFA>" + nfa + "</ReferralNFA>\n</CINdetails>\n";
}

void read(cin_census& c, const std::string& xml, const std::string& name = "t.xml", bool skip = false) {
  std::istringstream in(xml);
  csc::io::read_cin_census(in, name, c, csc::io::cin_read_options{skip});
}

// The message of the error reading @p xml gives: a fault that stops the read
// (parse_error) or the rejected records (parse_errors; one reads as that error).
std::string error_of(const std::string& xml) {
  try {
    cin_census c;
    read(c, xml);
  } catch (const parse_error& e) {
    return e.what();
  } catch (const parse_errors& e) {
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

// Records that cannot be read (docs/cin-census.md): the record rejected is the
// innermost Child, CINdetails or module around the fault.
std::string assessment_xml(const std::string& start) {
  return "<Assessments>\n<AssessmentActualStartDate>" + start + "</AssessmentActualStartDate>\n</Assessments>\n";
}
std::string cin_plan_xml(const std::string& start) {
  return "<CINPlanDates>\n<CINPlanStartDate>" + start + "</CINPlanStartDate>\n</CINPlanDates>\n";
}
std::string s47_xml(const std::string& start, const std::string& rest = "") {
  return "<Section47>\n<S47ActualStartDate>" + start + "</S47ActualStartDate>\n" + rest + "</Section47>\n";
}
std::string cp_plan_xml(const std::string& start, const std::string& rest = "") {
  return "<ChildProtectionPlans>\n<CPPstartDate>" + start + "</CPPstartDate>\n" + rest + "</ChildProtectionPlans>\n";
}

// The 1-based line of character @p at of @p text.
std::size_t line_at(const std::string& text, std::size_t at) {
  std::size_t line = 1;
  for (std::size_t i = 0; i < at && i < text.size(); ++i) line += text[i] == '\n';
  return line;
}

// Around the child with the fault (C2): C1 before it, an episode with an
// assessment and a CP plan, and C3 after it, an episode with an unknown
// PrimaryNeedCode (one note), a CIN plan and a CP plan; so that a rejection
// shows in the indices of the records read after it.
const std::string valid_c1 =
    child_xml("C1", episode_xml("2019-05-01", assessment_xml("2019-05-02") + cp_plan_xml("2019-05-20")));
const std::string valid_c3 =
    child_xml("C3", episode_xml("2020-01-10", "<PrimaryNeedCode>N99</PrimaryNeedCode>\n" + cin_plan_xml("2020-02-01") +
                                                  cp_plan_xml("2020-01-20")));
const std::string c2_first = s47_xml("2019-07-02") + cp_plan_xml("2019-07-10");
const std::string c2_second = episode_xml("2019-10-01", assessment_xml("2019-10-02"));
// C2: a first episode holding @p first (valid: a S47 and a CP plan), and a second with an assessment.
std::string c2_xml(const std::string& first = c2_first, const std::string& referral = "2019-07-01",
                   const std::string& nfa = "false", const std::string& birth = "2015-01-01") {
  return child_xml("C2", episode_xml(referral, first, nfa) + c2_second, "<Sex>F</Sex>", birth);
}

// One fault in C2: the error it gives and the records read when it is skipped.
struct rejection_case {
  const char* name;                  // the fault, and the record it rejects
  std::string child;                 // C2 as written, with the fault
  const char* at;                    // text on the fault's line, looked for from the start of C2
  const char* field;                 // the error's element path after "Message/Children/Child"
  std::string what;                  // the error after the field
  std::array<std::size_t, 6> kept;   // children, episodes, assessments, CIN plans, S47s, CP plans read
};
std::ostream& operator<<(std::ostream& os, const rejection_case& c) { return os << c.name; }
std::string not_a_date(const std::string& text) { return "'" + text + "' is not a valid date of the form YYYY-MM-DD"; }
// All of C2 read: {3, 4, 2, 1, 1, 3}.
const std::vector<rejection_case> rejection_cases = {
    {"CPPstartDate not a date: the CP plan", c2_xml(s47_xml("2019-07-02") + cp_plan_xml("2019-13-01")),
     "2019-13-01", "/CINdetails/ChildProtectionPlans/CPPstartDate", not_a_date("2019-13-01"), {3, 4, 2, 1, 1, 2}},
    {"CPPstartDate and CPPendDate not dates: the CP plan, reported once",
     c2_xml(s47_xml("2019-07-02") + cp_plan_xml("2019-13-01", "<CPPendDate>2019-14-01</CPPendDate>\n")),
     "2019-13-01", "/CINdetails/ChildProtectionPlans/CPPstartDate", not_a_date("2019-13-01"), {3, 4, 2, 1, 1, 2}},
    {"CPPstartDate twice: the CP plan",
     c2_xml(s47_xml("2019-07-02") + cp_plan_xml("2019-07-10", "<CPPstartDate>2019-07-11</CPPstartDate>\n")),
     "2019-07-11", "/CINdetails/ChildProtectionPlans/CPPstartDate", "item given twice in one record",
     {3, 4, 2, 1, 1, 2}},
    {"CPPreviewDate not a date: the CP plan",
     c2_xml(s47_xml("2019-07-02") +
            cp_plan_xml("2019-07-10", "<Reviews>\n<CPPreviewDate>2019-08-32</CPPreviewDate>\n</Reviews>\n")),
     "2019-08-32", "/CINdetails/ChildProtectionPlans/Reviews/CPPreviewDate", not_a_date("2019-08-32"),
     {3, 4, 2, 1, 1, 2}},
    {"NumberOfPreviousCPP -1: the CP plan",
     c2_xml(s47_xml("2019-07-02") + cp_plan_xml("2019-07-10", "<NumberOfPreviousCPP>-1</NumberOfPreviousCPP>\n")),
     ">-1<", "/CINdetails/ChildProtectionPlans/NumberOfPreviousCPP", "'-1' is not a whole number >= 0",
     {3, 4, 2, 1, 1, 2}},
    {"Section47 without S47ActualStartDate, found at its end tag: the S47",
     c2_xml("<Section47>\n<InitialCPCtarget>2019-07-20</InitialCPCtarget>\n</Section47>\n" +
            cp_plan_xml("2019-07-10")),
     "</Section47>", "/CINdetails/Section47", "required item S47ActualStartDate is missing", {3, 4, 2, 1, 0, 3}},
    {"ICPCnotRequired not a boolean: the S47",
     c2_xml(s47_xml("2019-07-02", "<ICPCnotRequired>perhaps</ICPCnotRequired>\n") + cp_plan_xml("2019-07-10")),
     "perhaps", "/CINdetails/Section47/ICPCnotRequired", "'perhaps' is not a boolean (true/false/1/0)",
     {3, 4, 2, 1, 0, 3}},
    {"CINreferralDate not a date: the episode with its S47 and CP plan", c2_xml(c2_first, "2019-02-30"),
     "2019-02-30", "/CINdetails/CINreferralDate", not_a_date("2019-02-30"), {3, 3, 2, 1, 0, 2}},
    {"ReferralNFA not a boolean, after the modules were read: the episode with them",
     c2_xml(c2_first, "2019-07-01", "maybe"), "maybe", "/CINdetails/ReferralNFA",
     "'maybe' is not a boolean (true/false/1/0)", {3, 3, 2, 1, 0, 2}},
    {"CINdetails without ReferralNFA, found at its end tag: the episode with its modules",
     child_xml("C2", "<CINdetails>\n<CINreferralDate>2019-07-01</CINreferralDate>\n" + c2_first + "</CINdetails>\n" +
                         c2_second),
     "</CINdetails>", "/CINdetails", "required item ReferralNFA is missing", {3, 3, 2, 1, 0, 2}},
    {"CINclosureDate not a date after an unknown code: the episode and its note",
     c2_xml("<PrimaryNeedCode>N77</PrimaryNeedCode>\n<CINclosureDate>2019-06-31</CINclosureDate>\n" + c2_first),
     "2019-06-31", "/CINdetails/CINclosureDate", not_a_date("2019-06-31"), {3, 3, 2, 1, 0, 2}},
    {"PersonBirthDate not a date: the child with everything in it",
     c2_xml(c2_first, "2019-07-01", "false", "2015-02-29"), "2015-02-29", "/ChildIdentifiers/PersonBirthDate",
     not_a_date("2015-02-29"), {2, 2, 1, 1, 0, 2}},
    {"LAchildID empty: the child", child_xml("", episode_xml("2019-07-01", c2_first) + c2_second),
     "<LAchildID></LAchildID>", "/ChildIdentifiers/LAchildID", "empty LAchildID", {2, 2, 1, 1, 0, 2}},
    {"no LAchildID, found at the end tag after the episodes were read: the child with them",
     "<Child>\n<ChildIdentifiers>\n<PersonBirthDate>2015-01-01</PersonBirthDate>\n</ChildIdentifiers>\n" +
         episode_xml("2019-07-01", c2_first) + c2_second + "</Child>\n",
     "</Child>", "", "required item ChildIdentifiers/LAchildID is missing", {2, 2, 1, 1, 0, 2}},
    {"ChildIdentifiers after the CINdetails, PersonDeathDate not a date: the child with its episodes",
     "<Child>\n" + episode_xml("2019-07-01", c2_first) + c2_second +
         "<ChildIdentifiers>\n<LAchildID>C2</LAchildID>\n<PersonDeathDate>2019-11-31</PersonDeathDate>\n"
         "</ChildIdentifiers>\n</Child>\n",
     "2019-11-31", "/ChildIdentifiers/PersonDeathDate", not_a_date("2019-11-31"), {2, 2, 1, 1, 0, 2}}};

// Every record's parent is the nearest record of the parent's kind before it
// in the file: the indices still say what the file says (one file).
template <class Record, class Parent>
bool parents_are_nearest_before(const std::vector<Record>& records, const std::vector<Parent>& parents,
                                std::size_t Record::*parent) {
  for (const auto& r : records) {
    const std::size_t p = r.*parent;
    if (p >= parents.size() || parents[p].source.line >= r.source.line) return false;
    if (p + 1 < parents.size() && parents[p + 1].source.line < r.source.line) return false;
  }
  return true;
}
bool indices_consistent(const cin_census& c) {
  return parents_are_nearest_before(c.episodes, c.children, &csc::io::cin_episode::child) &&
         parents_are_nearest_before(c.assessments, c.episodes, &csc::io::cin_assessment::episode) &&
         parents_are_nearest_before(c.cin_plans, c.episodes, &csc::io::cin_plan::episode) &&
         parents_are_nearest_before(c.section47s, c.episodes, &csc::io::cin_section47::episode) &&
         parents_are_nearest_before(c.cp_plans, c.episodes, &csc::io::cin_cp_plan::episode);
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

// One return given twice (a copy under another name) would count every referral
// twice: merge() refuses two returns of one LA with one ReferenceDate.
BOOST_AUTO_TEST_CASE(two_returns_of_one_la_with_one_reference_date_are_refused_by_merge) {
  const auto with_lea = [](std::string xml, const std::string& lea) {
    const std::string at = "</CollectionDetails>\n";
    return xml.insert(xml.find(at) + at.size(), lea.empty() ? "" : "<Source>\n<LEA>" + lea + "</LEA>\n</Source>\n");
  };
  const std::string children = child_xml("C1", episode_xml("2020-01-10")) + child_xml("C2", episode_xml("2019-06-01"));
  struct pair_case {
    std::string lea_a, lea_b, reference_b;
    const char* error;  // nullptr: merged
  };
  const pair_case cases[] = {
      {"335", "335", "2020-03-31", "a.xml and b.xml are both returns of LA 335 with ReferenceDate 2020-03-31: one "
                                   "return given twice, or two versions of one return; give one (every referral in "
                                   "it would count twice)"},
      {"", "", "2020-03-31", "a.xml and b.xml are both returns of one LA (no Source/LEA given) with ReferenceDate 2020-03-31"},
      {"335", "", "2020-03-31", "a.xml and b.xml are both returns of LA 335 (b.xml gives no Source/LEA) with ReferenceDate"},
      {"", "335", "2020-03-31", "a.xml and b.xml are both returns of LA 335 (a.xml gives no Source/LEA) with ReferenceDate"},
      {"335", "336", "2020-03-31", nullptr},  // two LAs: both kept, as before
      {"335", "335", "2021-03-31", nullptr},  // two years: the later copy kept
  };
  for (const pair_case& row : cases) {
    cin_census c;
    read(c, with_lea(census_xml(children), row.lea_a), "a.xml");
    read(c, with_lea(census_xml(children, row.reference_b), row.lea_b), "b.xml");
    if (row.error) {
      try {
        csc::io::merge(c);
        BOOST_ERROR("merge() did not refuse " << row.lea_a << "/" << row.lea_b);
      } catch (const std::invalid_argument& e) {
        BOOST_TEST(std::string(e.what()).find(row.error) == 0u, e.what());
      }
      BOOST_TEST(c.episodes.size() == 4u);  // unchanged
      BOOST_TEST(c.children.size() == 4u);
    } else {
      BOOST_CHECK_NO_THROW(csc::io::merge(c));
      BOOST_TEST(c.episodes.size() == (row.reference_b == "2021-03-31" ? 2u : 4u));
    }
  }
}

// Nothing after the extract date (docs/rules/extract-date.md): each date the
// figures use, one day after its return's ReferenceDate, with its DfE rule; on
// the ReferenceDate itself, nothing.
BOOST_AUTO_TEST_CASE(dates_after_the_reference_date_are_listed_with_their_rule) {
  const std::string on = "2020-03-31", after = "2020-04-01";
  const auto episode = [](const std::string& referral, const std::string& closure, const std::string& cp_start,
                          const std::string& cp_end, const std::string& cin_start, const std::string& cin_end) {
    return episode_xml(referral, "<CINclosureDate>" + closure + "</CINclosureDate>\n<ReasonForClosure>RC7</ReasonForClosure>\n"
                                 "<ChildProtectionPlans>\n<CPPstartDate>" + cp_start + "</CPPstartDate>\n<CPPendDate>" +
                                 cp_end + "</CPPendDate>\n</ChildProtectionPlans>\n<CINPlanDates>\n<CINPlanStartDate>" +
                                 cin_start + "</CINPlanStartDate>\n<CINPlanEndDate>" + cin_end +
                                 "</CINPlanEndDate>\n</CINPlanDates>\n");
  };
  cin_census clean;
  read(clean, census_xml(child_xml("C1", episode(on, on, on, on, on, on))));
  BOOST_TEST(csc::io::dates_after_reference_date(clean).empty());
  cin_census late;
  const std::string xml = census_xml(child_xml("C1", episode(after, after, after, after, after, after)));
  read(late, xml);
  const std::vector<csc::io::parse_error> errors = csc::io::dates_after_reference_date(late);
  const std::size_t episode_line = line_at(xml, xml.find("<CINdetails>"));
  const std::size_t cp_line = line_at(xml, xml.find("<ChildProtectionPlans>"));
  const std::size_t cin_line = line_at(xml, xml.find("<CINPlanDates>"));
  const std::string tail = " is after the return's ReferenceDate 2020-03-31 (DfE rule ";
  const std::string want[] = {
      "t.xml:" + std::to_string(episode_line) + ": field Message/Children/Child/CINdetails/CINreferralDate: 2020-04-01" + tail + "8600)",
      "t.xml:" + std::to_string(episode_line) + ": field Message/Children/Child/CINdetails/CINclosureDate: 2020-04-01" + tail + "8620)",
      "t.xml:" + std::to_string(cp_line) + ": field Message/Children/Child/CINdetails/ChildProtectionPlans/CPPstartDate: 2020-04-01" + tail + "8720)",
      "t.xml:" + std::to_string(cp_line) + ": field Message/Children/Child/CINdetails/ChildProtectionPlans/CPPendDate: 2020-04-01" + tail + "8930)",
      "t.xml:" + std::to_string(cin_line) + ": field Message/Children/Child/CINdetails/CINPlanDates/CINPlanStartDate: 2020-04-01" + tail + "4010)",
      "t.xml:" + std::to_string(cin_line) + ": field Message/Children/Child/CINdetails/CINPlanDates/CINPlanEndDate: 2020-04-01" + tail + "4013)",
  };
  BOOST_TEST_REQUIRE(errors.size() == 6u);
  for (std::size_t i = 0; i < 6; ++i) BOOST_TEST(std::string(errors[i].what()).find(want[i]) == 0u, errors[i].what());
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
  // Its ReferenceDate is 2022-07-21, yet it holds dates up to 2031-02-28 (a closure): listed, never counted.
  const std::vector<csc::io::parse_error> late = csc::io::dates_after_reference_date(fake);
  BOOST_TEST(!late.empty());
  BOOST_TEST(std::any_of(late.begin(), late.end(), [](const csc::io::parse_error& e) {
    return std::string(e.what()).find("CINclosureDate: 2031-02-28 is after the return's ReferenceDate 2022-07-21 (DfE rule 8620)") !=
           std::string::npos;
  }));
}

BOOST_DATA_TEST_CASE(a_record_that_cannot_be_read_is_reported_or_left_out_alone, bdata::make(rejection_cases), row) {
  const std::string xml = census_xml(valid_c1 + row.child + valid_c3);
  const std::size_t line = line_at(xml, xml.find(row.at, xml.find(row.child)));
  const std::string message =
      "t.xml:" + std::to_string(line) + ": field Message/Children/Child" + row.field + ": " + row.what;
  // Without skip_invalid_records: the whole return is read, then parse_errors lists the fault.
  try {
    cin_census c;
    read(c, xml);
    BOOST_ERROR("no parse_errors");
  } catch (const parse_errors& e) {
    BOOST_REQUIRE(e.errors().size() == 1u);
    BOOST_TEST(e.what() == message);
    BOOST_TEST(e.errors()[0].source() == "t.xml");
    BOOST_TEST(e.errors()[0].line() == line);
    BOOST_TEST(e.errors()[0].field() == "Message/Children/Child" + std::string(row.field));
  }
  // With it: that record is left out and listed, everything else read.
  cin_census c;
  read(c, xml, "t.xml", true);
  BOOST_REQUIRE(c.rejected.size() == 1u);
  BOOST_TEST(c.rejected[0].what() == message);
  const std::array<std::size_t, 6> kept = {c.children.size(),   c.episodes.size(),   c.assessments.size(),
                                           c.cin_plans.size(),  c.section47s.size(), c.cp_plans.size()};
  BOOST_TEST(kept == row.kept, boost::test_tools::per_element());
  BOOST_TEST(indices_consistent(c));
  BOOST_TEST(c.children.front().id == "C1");
  BOOST_TEST(c.children.back().id == "C3");
  BOOST_TEST(c.child_id_of_episode(c.cp_plans.back().episode) == "C3");
  BOOST_TEST(c.cp_plans.back().start == (csc::civil_date{2020, 1, 20}));
  BOOST_TEST(c.child_id_of_episode(c.cin_plans.back().episode) == "C3");
  BOOST_TEST(c.child_id_of_episode(c.assessments.front().episode) == "C1");
  // The notes made inside the rejected record go with it; C3's note names C3's episode.
  BOOST_REQUIRE(c.notes.size() == 1u);
  BOOST_TEST(c.notes[0].detail == "8640 Message/Children/Child/CINdetails/PrimaryNeedCode: 'N99'");
  BOOST_TEST(c.noted_elements.size() == 1u);
  BOOST_TEST(*c.where_related(c.notes[0]) == "t.xml:" + std::to_string(line_at(xml, xml.rfind("<CINdetails>"))));
  BOOST_TEST(c.children.at(c.child_of(c.notes[0]).value()).id == "C3");
  csc::io::merge(c);  // merge() takes the census as read
  BOOST_TEST(c.episodes.size() == row.kept[1]);
  BOOST_TEST(c.rejected.size() == 1u);
}

BOOST_AUTO_TEST_CASE(every_record_that_cannot_be_read_is_reported_at_once_or_left_out_on_request) {
  // C1: three episodes, the second with a CINreferralDate that is not a date, the
  // third with two CP plans, the first of which has a CPPstartDate that is not a
  // date; C2: a PersonBirthDate that is not a date; C3 read as it is.
  const std::string c1 = child_xml(
      "C1", episode_xml("2019-05-01", cp_plan_xml("2019-05-20")) +
                episode_xml("2019-02-30", assessment_xml("2019-06-02") + cp_plan_xml("2019-06-10")) +
                episode_xml("2019-09-01", cp_plan_xml("2019-13-01") + cp_plan_xml("2019-09-20")));
  const std::string c2 = child_xml("C2", episode_xml("2019-07-01", cp_plan_xml("2019-07-10")), "<Sex>M</Sex>",
                                   "2016-02-30");
  const std::string xml = census_xml(c1 + c2 + valid_c3);
  const std::string line1 = std::to_string(line_of(xml, "2019-02-30"));
  const std::string line2 = std::to_string(line_of(xml, "2019-13-01"));
  const std::string line3 = std::to_string(line_of(xml, "2016-02-30"));
  const std::vector<std::string> messages = {
      "t.xml:" + line1 + ": field Message/Children/Child/CINdetails/CINreferralDate: " + not_a_date("2019-02-30"),
      "t.xml:" + line2 + ": field Message/Children/Child/CINdetails/ChildProtectionPlans/CPPstartDate: " +
          not_a_date("2019-13-01"),
      "t.xml:" + line3 + ": field Message/Children/Child/ChildIdentifiers/PersonBirthDate: " +
          not_a_date("2016-02-30")};
  try {
    cin_census c;
    read(c, xml);
    BOOST_ERROR("no parse_errors");
  } catch (const parse_errors& e) {
    BOOST_REQUIRE(e.errors().size() == 3u);
    for (std::size_t i = 0; i < 3; ++i) BOOST_TEST(e.errors()[i].what() == messages[i]);
    BOOST_TEST(e.what() == "t.xml: 3 records cannot be read\n  " + messages[0] + "\n  " + messages[1] + "\n  " +
                               messages[2]);
  }
  cin_census c;
  read(c, xml, "t.xml", true);
  BOOST_REQUIRE(c.rejected.size() == 3u);
  for (std::size_t i = 0; i < 3; ++i) BOOST_TEST(c.rejected[i].what() == messages[i]);
  // Read: C1 with its first and third episodes, the third with its second plan; C3.
  BOOST_REQUIRE(c.children.size() == 2u);
  BOOST_TEST(c.children[0].id == "C1");
  BOOST_TEST(c.children[1].id == "C3");
  BOOST_REQUIRE(c.episodes.size() == 3u);
  BOOST_TEST(c.episodes[0].referral == (csc::civil_date{2019, 5, 1}));
  BOOST_TEST(c.episodes[1].referral == (csc::civil_date{2019, 9, 1}));
  BOOST_TEST(c.episodes[2].referral == (csc::civil_date{2020, 1, 10}));
  BOOST_TEST(c.episodes[1].child == 0u);
  BOOST_TEST(c.episodes[2].child == 1u);
  BOOST_TEST(c.assessments.empty());  // the only one was in the rejected episode
  BOOST_REQUIRE(c.cp_plans.size() == 3u);
  BOOST_TEST(c.cp_plans[0].episode == 0u);
  BOOST_TEST(c.cp_plans[1].episode == 1u);  // the third episode's second plan
  BOOST_TEST(c.cp_plans[1].start == (csc::civil_date{2019, 9, 20}));
  BOOST_TEST(c.cp_plans[2].episode == 2u);
  BOOST_TEST(c.child_id_of_episode(c.cp_plans[1].episode) == "C1");
  BOOST_TEST(c.child_id_of_episode(c.cp_plans[2].episode) == "C3");
  BOOST_TEST(c.child_id_of_episode(c.cin_plans.at(0).episode) == "C3");
  BOOST_TEST(indices_consistent(c));
  // merge() and the record tables: the rejected are listed with the referrals, as from a CSV.
  csc::io::merge(c);
  const csc::io::census_records r = csc::io::census_records_of(c, {});
  BOOST_TEST(r.referrals.records.size() == 3u);
  BOOST_TEST(r.cp_plans.records.size() == 3u);
  BOOST_REQUIRE(r.referrals.rejected.size() == 3u);
  BOOST_TEST(r.referrals.rejected[2].what() == messages[2]);
  BOOST_TEST(r.cp_plans.rejected.empty());
  BOOST_TEST(r.cp_plans.records[2].child == "C3");
}

BOOST_AUTO_TEST_CASE(a_fault_outside_every_child_or_in_the_xml_stops_the_read) {
  // ReferenceDate or Year that does not parse: nothing can be dated; stops at once, skip or not.
  for (bool skip : {false, true}) {
    cin_census c;
    BOOST_CHECK_EXCEPTION(read(c, census_xml(valid_c1, "2020-02-30"), "t.xml", skip), parse_error,
                          [](const parse_error& e) {
                            return e.line() == 6u && e.field() == "Message/Header/CollectionDetails/ReferenceDate";
                          });
    BOOST_TEST(c.children.empty());
  }
  std::string year = census_xml(valid_c1);
  year.replace(year.find("<Year>2020"), 10, "<Year>20x0");
  BOOST_TEST(error_of(year).find("t.xml:5: field Message/Header/CollectionDetails/Year: '20x0'") == 0u);
  // XML that stops being well-formed after a rejected record: without skip both are listed, the stop last;
  // with skip the stop is thrown and the rejected record is in `rejected`.
  const std::string whole = census_xml(valid_c1 + child_xml("C2", episode_xml("2019-02-30")) + valid_c3);
  const std::string xml = whole.substr(0, whole.find("<Child>\n<ChildIdentifiers>\n<LAchildID>C3") + 3);  // "<Ch"
  try {
    cin_census c;
    read(c, xml);
    BOOST_ERROR("no parse_errors");
  } catch (const parse_errors& e) {
    BOOST_REQUIRE(e.errors().size() == 2u);
    BOOST_TEST(e.errors()[0].field() == "Message/Children/Child/CINdetails/CINreferralDate");
    BOOST_TEST(std::string(e.errors()[1].what()).find("not well-formed XML") != std::string::npos);
  }
  cin_census c;
  BOOST_CHECK_EXCEPTION(read(c, xml, "t.xml", true), parse_error, [](const parse_error& e) {
    return std::string(e.what()).find("not well-formed XML") != std::string::npos;
  });
  BOOST_REQUIRE(c.rejected.size() == 1u);
  BOOST_TEST(c.rejected[0].field() == "Message/Children/Child/CINdetails/CINreferralDate");
  BOOST_TEST(c.children.size() == 2u);  // C1 and C2 (without its episode), read before the stop
  BOOST_TEST(c.episodes.size() == 1u);
  // Not well-formed inside a rejected child, before its end tag: the child goes all the same.
  const std::string c2 =
      census_xml(valid_c1 + child_xml("C2", episode_xml("2019-07-01"), "<Sex>F</Sex>", "2015-02-30"));
  const std::string broken = c2.substr(0, c2.find("<CINdetails>", c2.find("<LAchildID>C2"))) + "<Oops></CINdetails>";
  cin_census e;
  BOOST_CHECK_THROW(read(e, broken, "t.xml", true), parse_error);
  BOOST_TEST(e.rejected.size() == 1u);
  BOOST_REQUIRE(e.children.size() == 1u);
  BOOST_TEST(e.children[0].id == "C1");
  BOOST_CHECK_EXCEPTION(read(e, broken), parse_errors, [](const parse_errors& x) { return x.errors().size() == 2u; });
  // Not well-formed alone: parse_error, as before.
  cin_census d;
  BOOST_CHECK_THROW(read(d, census_xml(valid_c1).substr(0, 200)), parse_error);
}

BOOST_AUTO_TEST_CASE(records_rejected_in_several_returns_are_listed_in_reading_order) {
  cin_census c;
  read(c, census_xml(valid_c1 + child_xml("C2", episode_xml("2019-02-30")), "2020-03-31"), "2020.xml", true);
  read(c, census_xml(child_xml("C2", episode_xml("2020-06-01", cp_plan_xml("2020-06-31"))) + valid_c3, "2021-03-31"),
       "2021.xml", true);
  BOOST_REQUIRE(c.rejected.size() == 2u);
  BOOST_TEST(c.rejected[0].source() == "2020.xml");
  BOOST_TEST(c.rejected[1].source() == "2021.xml");
  BOOST_TEST(c.rejected[1].field() == "Message/Children/Child/CINdetails/ChildProtectionPlans/CPPstartDate");
  BOOST_TEST(c.children.size() == 4u);  // C2 of 2019-20 kept: only its episode was rejected
  BOOST_TEST(c.episodes.size() == 3u);  // C1's, C2's of 2020-06-01 (its plan left out), C3's
  BOOST_TEST(c.cp_plans.size() == 2u);
  csc::io::merge(c);
  BOOST_TEST(c.children.size() == 3u);
  BOOST_TEST(c.child_id_of_episode(c.cp_plans.back().episode) == "C3");
  BOOST_TEST(c.child_id_of_episode(1) == "C2");
}

BOOST_AUTO_TEST_SUITE_END()
