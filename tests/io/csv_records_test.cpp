// Tests for include/csc/io/csv_records.hpp (docs/inputs.md): the five CSV
// extracts read into record tables, unreadable values as errors naming file,
// line and column, readable values that break a DfE rule as findings.
#include <csc/io/csv_records.hpp>
#include <csc/io/mapped_file.hpp>

#include <boost/test/unit_test.hpp>

#include "concurrency.hpp"  // examples/csc-report: csc_report::task_runner

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <fstream>
#include <limits>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#if defined(__linux__)
#include <unistd.h>
#endif

using csc::io::parse_error;

namespace {
csc::io::referral_table referrals(const std::string& text, csc::io::extract_options options = {}) {
  std::istringstream in(text);
  return csc::io::read_referrals_csv(in, "r.csv", options);
}
csc::io::extract_options keeping(std::vector<std::string> keep) { return csc::io::extract_options{keep, {}, {}, false}; }
csc::io::cp_plan_table plans(const std::string& text) {
  std::istringstream in(text);
  return csc::io::read_cp_plans_csv(in, "p.csv");
}
template <class F>
std::string error_of(F read) {
  try {
    read();
  } catch (const std::runtime_error& e) {  // parse_error, or parse_errors for several records
    return e.what();
  }
  return "no error";
}
csc::day d(int y, unsigned m, unsigned dd) { return csc::day(csc::civil_date{y, m, dd}); }

// A file in the temporary directory holding @p bytes, removed at the end of the scope.
struct temp_file {
  std::string path;
  explicit temp_file(const std::string& bytes) {
    std::random_device seed;
    path = (std::filesystem::temp_directory_path() /
            ("csc-csv-records-test-" + std::to_string(seed()) + std::to_string(seed()) + ".csv"))
               .string();
    std::ofstream(path, std::ios::binary) << bytes;
  }
  temp_file(const temp_file&) = delete;
  temp_file& operator=(const temp_file&) = delete;
  ~temp_file() {
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
  }
};

std::string text_of(const std::optional<csc::day>& d) { return d ? csc::to_iso_string(*d) : "-"; }
std::string text_of(const csc::io::referral_record& r) {
  std::string s = std::string(r.child) + " " + csc::to_iso_string(r.referral) + " " + text_of(r.closure) + " " +
                  std::string(r.referral_source) + " " + (r.nfa ? (*r.nfa ? "nfa" : "not-nfa") : "-") + " " + std::string(r.reason_for_closure);
  for (const std::string_view k : r.kept) s += " [" + std::string(k) + "]";
  return s + " @" + std::to_string(r.source.file) + ":" + std::to_string(r.source.line);
}
std::string text_of(const csc::io::cp_plan_record& p) {
  std::string s = std::string(p.child) + " " + csc::to_iso_string(p.start) + " " + text_of(p.end) + " " + std::string(p.initial_category) +
                  " " + std::string(p.latest_category) + " " + (p.previous_plans ? std::to_string(*p.previous_plans) : "-");
  for (const std::string_view k : p.kept) s += " [" + std::string(k) + "]";
  return s + " @" + std::to_string(p.source.file) + ":" + std::to_string(p.source.line);
}
std::string text_of(const csc::io::episode_record& e) {
  return std::string(e.child) + " " + csc::to_iso_string(e.start) + " " + text_of(e.end) + " @" + std::to_string(e.source.file) +
         ":" + std::to_string(e.source.line);
}
// Everything a table holds, as text.
template <class Record>
std::string text_of(const csc::io::record_table<Record>& t) {
  std::string s = t.name + " blank " + std::to_string(t.blank_lines) + " empty " + std::to_string(t.empty_rows) +
                  " trimmed " + std::to_string(t.trimmed_ids) + " superseded " + std::to_string(t.superseded) + "\n";
  for (const std::string& f : t.files) s += "file " + f + "\n";
  for (const std::string& i : t.items) s += "item " + i + "\n";
  for (const auto& [written, item] : t.matched_columns) s += "matched " + written + " as " + item + "\n";
  for (const std::string& u : t.unused_columns) s += "unused " + u + "\n";
  for (const Record& r : t.records) s += "record " + text_of(r) + "\n";
  for (const csc::finding& f : t.findings)
    s += "finding " + std::string(csc::to_string(f.rule)) + " record " + std::to_string(f.record) + " source " +
         std::to_string(f.source) + " related " + (f.related_record ? std::to_string(*f.related_record) : "-") +
         " counted " + std::to_string(f.counted) + ": " + f.detail + "\n";
  for (const parse_error& e : t.rejected) s += std::string("rejected ") + e.what() + " (field '" + e.field() + "')\n";
  return s;
}
// The table @p read() gives, or its errors, as text.
template <class Read>
std::string outcome_of(Read read) {
  try {
    return text_of(read());
  } catch (const csc::io::parse_errors& e) {
    std::string s = "parse_errors\n";
    for (const parse_error& x : e.errors()) s += std::string(x.what()) + " (field '" + x.field() + "')\n";
    return s + e.what();
  } catch (const parse_error& e) {
    return std::string("parse_error ") + e.what();
  }
}
}  // namespace

BOOST_AUTO_TEST_SUITE(csv_records_test)

BOOST_AUTO_TEST_CASE(reads_referrals_with_items_lines_and_kept_columns) {
  const auto t = referrals(
      "Team,LAchildID,CINreferralDate,ReferralNFA,CINclosureDate\n"
      "North,C1,2019-05-01,false,2019-06-01\n"
      "\n"
      "South,C2,2019-07-01,1,\n",
      keeping({"Team", "", "Missing"}));
  BOOST_TEST(t.name == "r.csv");
  BOOST_TEST(t.records.size() == 2u);
  BOOST_TEST(t.blank_lines == 1u);
  BOOST_TEST(t.has_item("ReferralNFA"));
  BOOST_TEST(!t.has_item("ReferralSource"));
  BOOST_TEST(t.records[0].child == "C1");
  BOOST_TEST((t.records[0].referral == d(2019, 5, 1)));
  BOOST_TEST((*t.records[0].closure == d(2019, 6, 1)));
  BOOST_TEST(*t.records[0].nfa == false);
  BOOST_TEST(!t.records[1].closure.has_value());
  BOOST_TEST(*t.records[1].nfa == true);
  BOOST_TEST(t.records[1].source.line == 4u);
  BOOST_TEST(t.where(1) == "r.csv:4");
  BOOST_TEST((t.records[1].kept == std::vector<std::string_view>{"South", "", ""}));
  BOOST_TEST(t.findings.empty());
  BOOST_TEST((t.unused_columns == std::vector<std::string>{}));  // Team is kept
}

BOOST_AUTO_TEST_CASE(a_misplaced_quote_leaves_out_its_whole_line_and_makes_no_record_of_the_rest) {
  // Before, the reader went on after the bad quote and read "B9,2019-06-01,..." as a record of its own.
  const std::string text =
      "LAchildID,CINreferralDate,ReferralSource\nA1,2019-05-01,6\nA2\"B9,2019-06-01,6\n\"A3\"xC7,2019-07-01,6\n"
      "A4,2019-07-01,\"6\"x\r\nA5,2019-08-01,6\n";
  csc::io::extract_options o;
  o.skip_invalid_records = true;
  std::istringstream in(text);
  const auto t = csc::io::read_referrals_csv(in, "q.csv", o);
  BOOST_REQUIRE(t.records.size() == 2u);
  BOOST_TEST(t.records[0].child == "A1");
  BOOST_TEST(t.records[1].child == "A5");
  BOOST_TEST(t.records[1].source.line == 6u);
  BOOST_TEST(t.blank_lines == 0u);
  BOOST_REQUIRE(t.rejected.size() == 3u);
  BOOST_TEST(std::string(t.rejected[0].what()) ==
             "q.csv:3: field LAchildID: quote inside an unquoted field (quote the whole field and double inner quotes)");
  BOOST_TEST(std::string(t.rejected[1].what()) == "q.csv:4: field LAchildID: characters after a closing quote");
  BOOST_TEST(std::string(t.rejected[2].what()) == "q.csv:5: field ReferralSource: characters after a closing quote");
}

BOOST_AUTO_TEST_CASE(a_byte_order_mark_before_a_quoted_header_is_removed_first) {
  // PowerShell's Export-Csv -Encoding UTF8 writes a BOM, then quotes every name.
  std::istringstream in("\xEF\xBB\xBF\"LAchildID\",\"CINreferralDate\"\n\"A1\",\"2019-05-01\"\n");
  const auto t = csc::io::read_referrals_csv(in, "bom.csv");
  BOOST_REQUIRE(t.records.size() == 1u);
  BOOST_TEST(t.records[0].child == "A1");
  BOOST_TEST(t.has_item("LAchildID"));
}

BOOST_AUTO_TEST_CASE(control_characters_in_an_error_are_shown_escaped) {
  // A NUL would end what() early; an escape byte would reach the terminal.
  std::istringstream in(std::string("LAchildID,CINreferralDate\nA2,2019-05-0\0\nA3,\x1b[2J\n", 47));
  csc::io::extract_options o;
  o.skip_invalid_records = true;
  const auto t = csc::io::read_referrals_csv(in, "nul.csv", o);
  BOOST_REQUIRE(t.rejected.size() == 2u);
  BOOST_TEST(std::string(t.rejected[0].what()) ==
             "nul.csv:2: field CINreferralDate: '2019-05-0\\x00' is not a valid date of the form YYYY-MM-DD");
  BOOST_TEST(std::string(t.rejected[1].what()) ==
             "nul.csv:3: field CINreferralDate: '\\x1B[2J' is not a valid date of the form YYYY-MM-DD");
}

BOOST_AUTO_TEST_CASE(nfa_is_absent_when_the_column_is) {
  const auto t = referrals("LAchildID,CINreferralDate\nC1,2019-05-01\n");
  BOOST_TEST(!t.records[0].nfa.has_value());
  BOOST_TEST(!t.has_item("ReferralNFA"));
}

// A value that can be read but breaks a DfE rule: kept as written, one finding
// on that record, as the CIN census route reports it (census_records_test).
struct finding_case {
  const char* row;
  csc::rule rule;
  const char* detail;
};

BOOST_AUTO_TEST_CASE(readable_values_breaking_a_dfe_rule_are_findings_not_errors) {
  const finding_case cases[] = {
      {"C1,2019-05-01,9Z,2019-06-01,RC1", csc::rule::unknown_code, "8866 ReferralSource: '9Z'"},
      {"C1,2019-05-01,1A,2019-06-01,RC99", csc::rule::unknown_code, "8650 ReasonForClosure: 'RC99'"},
      {"C1,2019-05-01,1A,2019-04-30,RC1", csc::rule::cin_closure_before_referral,
       "CINclosureDate 2019-04-30 is before CINreferralDate 2019-05-01"},
  };
  for (const finding_case& c : cases) {
    BOOST_TEST_CONTEXT(c.row) {
      const auto t = referrals("LAchildID,CINreferralDate,ReferralSource,CINclosureDate,ReasonForClosure\n"
                               "C0,2018-01-01,1A,,\n" + std::string(c.row) + "\n");
      BOOST_TEST(t.records.size() == 2u);
      BOOST_REQUIRE(t.findings.size() == 1u);
      BOOST_TEST((t.findings[0].rule == c.rule));
      BOOST_TEST(t.findings[0].record == 1u);
      BOOST_TEST(t.findings[0].source == 0u);
      BOOST_TEST(t.findings[0].counted);
      BOOST_TEST(t.findings[0].detail == c.detail);
    }
  }
  const auto p = plans("LAchildID,CPPstartDate,InitialCategoryOfAbuse,LatestCategoryOfAbuse\nC1,2019-05-01,PHY,XXX\n");
  BOOST_REQUIRE(p.findings.size() == 1u);
  BOOST_TEST(p.findings[0].detail == "8910 LatestCategoryOfAbuse: 'XXX'");
  BOOST_TEST(p.records[0].latest_category == "XXX");
}

struct error_case {
  const char* text;
  const char* message;
};

BOOST_AUTO_TEST_CASE(unreadable_values_are_errors_naming_file_line_and_column) {
  const error_case cases[] = {
      {"LAchildID\nC1\n", "r.csv:1: field CINreferralDate: required column is missing from the header"},
      {"LAchildID,CINreferralDate\n,2019-05-01\n", "r.csv:2: field LAchildID: empty child id"},
      {"LAchildID,CINreferralDate\nC1,01/05/2019\n",
       "r.csv:2: field CINreferralDate: '01/05/2019' is not a valid date of the form YYYY-MM-DD"},
      {"LAchildID,CINreferralDate,ReferralNFA\nC1,2019-05-01,maybe\n",
       "r.csv:2: field ReferralNFA: 'maybe' is not a boolean (true/false, 1/0, yes/no, y/n)"},
      {"LAchildID,CINreferralDate,CINclosureDate\nC1,2019-05-01,2019-02-30\n",
       "r.csv:2: field CINclosureDate: '2019-02-30' is not a valid date of the form YYYY-MM-DD"},
  };
  for (const error_case& c : cases) {
    BOOST_TEST_CONTEXT(c.text) { BOOST_TEST(error_of([&] { referrals(c.text); }) == c.message); }
  }
  BOOST_TEST(error_of([] { plans("LAchildID,CPPstartDate,NumberOfPreviousCPP\nC1,2019-05-01,-1\n"); }) ==
             "p.csv:2: field NumberOfPreviousCPP: '-1' is not a whole number >= 0 (DfE rule 8730)");
}

BOOST_AUTO_TEST_CASE(reads_cp_plans_keeping_an_end_before_the_start) {
  const auto p = plans("LAchildID,CPPstartDate,CPPendDate,NumberOfPreviousCPP\nC1,2019-05-01,2019-04-01,\n"
                       "C1,2019-06-01,,2\n");
  BOOST_TEST((*p.records[0].end == d(2019, 4, 1)));  // DfE 8925 is classify_cp_plans' finding
  BOOST_TEST(!p.records[0].previous_plans.has_value());
  BOOST_TEST(*p.records[1].previous_plans == 2);
  BOOST_TEST(p.has_item("NumberOfPreviousCPP"));
  BOOST_TEST(p.findings.empty());
}

BOOST_AUTO_TEST_CASE(reads_each_episode_extract_by_its_own_columns) {
  std::istringstream cin_plans("LAchildID,CINPlanStartDate,CINPlanEndDate\nC1,2019-05-01,\n");
  const auto c = csc::io::read_episodes_csv(cin_plans, "c.csv", csc::io::episode_extract::cin_plans);
  BOOST_TEST((c.records.at(0).start == d(2019, 5, 1)));
  BOOST_TEST(!c.records[0].end.has_value());
  std::istringstream early_help("EndDate,StartDate,LAchildID\n2019-07-01,2019-05-01,C2\n");
  const auto e = csc::io::read_episodes_csv(early_help, "e.csv", csc::io::episode_extract::early_help);
  BOOST_TEST(e.records.at(0).child == "C2");
  BOOST_TEST((*e.records[0].end == d(2019, 7, 1)));
  std::istringstream wrong("LAchildID,StartDate\nC1,2019-05-01\n");
  BOOST_TEST(error_of([&] { csc::io::read_episodes_csv(wrong, "l.csv", csc::io::episode_extract::cin_plans); }) ==
             "l.csv:1: field CINPlanStartDate: required column is missing from the header");
}

BOOST_AUTO_TEST_CASE(latest_date_and_the_first_record_after_an_extract_date) {
  const auto t = referrals("LAchildID,CINreferralDate,CINclosureDate\nC1,2019-05-01,2019-08-01\nC2,2019-09-01,\n");
  BOOST_TEST((*csc::io::latest_date(t) == d(2019, 9, 1)));
  BOOST_TEST(!csc::io::first_after(t, d(2019, 9, 1)).has_value());
  const auto after = csc::io::first_after(t, d(2019, 7, 31));  // the closure of line 2, before line 3's referral
  BOOST_REQUIRE(after.has_value());
  BOOST_TEST(after->first == 0u);
  BOOST_TEST(after->second.what == "closure");
  BOOST_TEST((*after->second.date == d(2019, 8, 1)));
  BOOST_TEST(!csc::io::latest_date(referrals("LAchildID,CINreferralDate\n")).has_value());
}

BOOST_AUTO_TEST_CASE(every_bad_record_is_reported_at_once_or_left_out_on_request) {
  const std::string text =
      "LAchildID,CINreferralDate\nC1,2019-05-01\n,2019-05-02\nC3,2019-02-30\nC4,2019-05-04\nC5,x\n";
  BOOST_TEST(error_of([&] { referrals(text); }) ==
             "r.csv: 3 records cannot be read\n"
             "  r.csv:3: field LAchildID: empty child id\n"
             "  r.csv:4: field CINreferralDate: '2019-02-30' is not a valid date of the form YYYY-MM-DD\n"
             "  r.csv:6: field CINreferralDate: 'x' is not a valid date of the form YYYY-MM-DD");
  try {
    referrals(text);
  } catch (const csc::io::parse_errors& e) {
    BOOST_TEST(e.errors().size() == 3u);
    BOOST_TEST(e.errors()[2].line() == 6u);
  }
  csc::io::extract_options skip;
  skip.skip_invalid_records = true;
  const auto t = referrals(text, skip);
  BOOST_TEST(t.records.size() == 2u);
  BOOST_TEST(t.records[1].child == "C4");
  BOOST_TEST(t.rejected.size() == 3u);
  BOOST_TEST(t.rejected[0].field() == "LAchildID");
}

BOOST_AUTO_TEST_CASE(more_than_fifty_bad_records_list_fifty_then_a_count) {
  std::string text = "LAchildID,CINreferralDate\n";
  for (int i = 0; i < 53; ++i) text += "C,bad\n";
  const std::string message = error_of([&] { referrals(text); });
  BOOST_TEST(message.rfind("r.csv: 53 records cannot be read\n", 0) == 0u);
  BOOST_TEST(message.find("r.csv:51:") != std::string::npos);
  BOOST_TEST(message.find("r.csv:52:") == std::string::npos);
  BOOST_TEST(message.substr(message.size() - 14) == "... and 3 more");
}

BOOST_AUTO_TEST_CASE(a_row_repeated_in_every_column_is_read_once_with_a_finding) {
  const auto t = referrals("LAchildID,CINreferralDate,Team\nC1,2019-05-01,N\nC1,2019-05-01,S\nC1,2019-05-01,N\n");
  BOOST_TEST(t.records.size() == 2u);  // the row with another Team stays a record
  BOOST_REQUIRE(t.findings.size() == 1u);
  BOOST_TEST((t.findings[0].rule == csc::rule::duplicate_record));
  BOOST_TEST(t.findings[0].record == 0u);
  BOOST_TEST(t.findings[0].detail == "line 4 repeats line 2 in every column (read once)");
  BOOST_TEST(t.findings[0].related_line == 4u);  // the repeat, not a record: JSON related_line
  BOOST_TEST((t.unused_columns == std::vector<std::string>{"Team"}));
}

BOOST_AUTO_TEST_CASE(ids_are_trimmed_and_counted_headers_matched_after_trimming_and_case_folding) {
  const auto t = referrals(" lachildid ,CINREFERRALDATE,referralnfa\nC1 ,2019-05-01,Yes\n\tC1,2019-06-01,n\nC2,2019-07-01,Y\n");
  BOOST_TEST(t.records[0].child == "C1");
  BOOST_TEST(t.records[1].child == "C1");
  BOOST_TEST(t.trimmed_ids == 2u);
  BOOST_TEST(t.has_item("LAchildID"));
  BOOST_TEST(t.has_item("ReferralNFA"));
  BOOST_TEST(t.matched_columns.size() == 3u);
  BOOST_TEST(t.matched_columns[0].first == " lachildid ");
  BOOST_TEST(t.matched_columns[0].second == "LAchildID");
  BOOST_TEST(*t.records[0].nfa == true);
  BOOST_TEST(*t.records[1].nfa == false);
}

// Spreadsheets pad cells with no-break spaces (U+00A0): trimmed and counted as
// spaces are. A control character in an id (NUL, a line feed in quotes) is a
// damaged export: an error naming the line and column, never a new child.
BOOST_AUTO_TEST_CASE(no_break_spaces_are_trimmed_and_control_characters_refused) {
  const auto t = referrals("LAchildID,CINreferralDate\n\xC2\xA0" "C1,2019-05-01\nC1\xC2\xA0 ,2019-06-01\nC\xC2\xA0" "1,2019-07-01\n");
  BOOST_TEST(t.records[0].child == "C1");
  BOOST_TEST(t.records[1].child == "C1");
  BOOST_TEST(t.records[2].child == "C\xC2\xA0" "1");  // inside the id: kept as written
  BOOST_TEST(t.trimmed_ids == 2u);
  const auto latin1 = referrals("LAchildID,CINreferralDate\n\xA0" "C1,2019-05-01\n", [] {
    csc::io::extract_options o;
    o.encoding = csc::io::text_encoding::windows_1252;
    return o;
  }());
  BOOST_TEST(latin1.records[0].child == "C1");
  for (const std::string& bad : {std::string("A\0,2019-05-01\n", 14), std::string("\"A\nB\",2019-05-01\n"),
                                std::string("A\x7F" "B,2019-05-01\n")}) {
    try {
      (void)referrals("LAchildID,CINreferralDate\n" + bad);
      BOOST_ERROR("a control character in an id was read");
    } catch (const csc::io::parse_errors& e) {
      const std::string what = e.what();
      BOOST_TEST(what.find("r.csv:2") != std::string::npos, what);
      BOOST_TEST(what.find("LAchildID") != std::string::npos, what);
      BOOST_TEST(what.find("control character") != std::string::npos, what);
    }
  }
}

// LAchildID kept by name (csc-report --by LAchildID, --family LAchildID) is the trimmed id the
// record's child is, not the padded text: "C1 " and "C1" are one group, one family.
BOOST_AUTO_TEST_CASE(a_kept_LAchildID_is_trimmed_as_the_child_is) {
  const auto t = referrals("LAchildID,CINreferralDate,Team\nC1 ,2019-05-01, North \n\tC1,2019-06-01,South\n",
                           keeping({"LAchildID", "Team"}));
  BOOST_TEST(t.trimmed_ids == 2u);
  BOOST_TEST((t.records[0].kept == std::vector<std::string_view>{"C1", " North "}));  // other items as written
  BOOST_TEST((t.records[1].kept == std::vector<std::string_view>{"C1", "South"}));
  BOOST_TEST(t.records[0].kept[0] == t.records[0].child);
}

BOOST_AUTO_TEST_CASE(rows_with_every_field_empty_are_skipped_and_counted) {
  const auto t = referrals("LAchildID,CINreferralDate,ReferralSource\nC1,2019-05-01,1A\n,,\n,,,,\n");
  BOOST_TEST(t.records.size() == 1u);
  BOOST_TEST(t.empty_rows == 2u);
}

struct date_case {
  csc::io::date_format format;
  const char* text;
  bool ok;
};

BOOST_AUTO_TEST_CASE(dates_in_the_chosen_format_with_midnight_times) {
  using f = csc::io::date_format;
  const date_case cases[] = {
      {f::iso, "2023-02-10", true},          {f::iso, "2023-02-10 00:00:00", true}, {f::iso, "2023-02-10T00:00", true},
      {f::iso, "2023-02-10 00:00:00.000", true}, {f::iso, "2023-02-10 13:45:00", false},
      {f::iso, "10/02/2023", false},         {f::dmy, "10/02/2023", true},          {f::dmy, "10/02/2023 00:00", true},
      {f::dmy, "2023-02-10", false},         {f::dmy, "30/02/2023", false},         {f::dmy, "1/2/2023", false},
  };
  for (const date_case& c : cases) {
    BOOST_TEST_CONTEXT(c.text << " as " << csc::io::to_string(c.format)) {
      csc::io::extract_options o;
      o.dates = c.format;
      const std::string text = "LAchildID,CINreferralDate\nC1," + std::string(c.text) + "\n";
      if (c.ok) {
        BOOST_TEST((referrals(text, o).records.at(0).referral == d(2023, 2, 10)));
      } else {
        BOOST_TEST(error_of([&] { referrals(text, o); }).find("is not a valid date of the form") != std::string::npos);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(text_not_in_the_stated_encoding_is_an_error_and_other_encodings_are_decoded) {
  const std::string latin = "LAchildID,CINreferralDate,Team\nC1,2019-05-01,Caf\xE9 \x80\n";
  BOOST_TEST(error_of([&] { referrals(latin, keeping({"Team"})); }) ==
             "r.csv:2: field Team: byte 0xE9 at position 4 is not valid utf-8 (is the file in another encoding?)");
  csc::io::extract_options o = keeping({"Team"});
  o.encoding = csc::io::text_encoding::windows_1252;
  BOOST_TEST(referrals(latin, o).records.at(0).kept[0] == "Caf\xC3\xA9 \xE2\x82\xAC");  // "Café €"
  o.encoding = csc::io::text_encoding::iso_8859_1;
  BOOST_TEST(referrals(latin, o).records.at(0).kept[0] == "Caf\xC3\xA9 \xC2\x80");
  o.encoding = csc::io::text_encoding::windows_1252;
  BOOST_TEST(error_of([&] { referrals("LAchildID,CINreferralDate\nC\x81,2019-05-01\n", o); }) ==
             "r.csv:2: field LAchildID: byte 0x81 at position 2 is not valid windows-1252 (is the file in another "
             "encoding?)");
}

// The mapped_file overloads (fields as views of the whole file, duplicates found by views
// of earlier rows) against the stream overloads, on the same bytes.
BOOST_AUTO_TEST_CASE(mapped_files_read_as_streams) {
  using csc::io::extract_options;
  using csc::io::text_encoding;
  std::string many = "LAchildID,CINreferralDate\n";  // more rows than the first duplicate table holds
  for (int i = 0; i < 3000; ++i) many += "C" + std::to_string(i % 1700) + ",2020-01-" + (i % 2 ? "01\n" : "02\r\n");
  const std::vector<std::string> referral_texts = {
      "LAchildID,CINreferralDate\n\"S1\",2020-01-01\nS1,2020-01-01\n\"S\"\"1\",2020-01-01\n\"S\"\"1\",\"2020-01-01\"\n",
      " lachildid ,CINreferralDate,ReferralSource,Team,Other\nC1 ,2019-05-01,9Z,\"N, E\",x\r\n\r\n"
      "C1,2019-05-01,9Z,\"N, E\",x\r\n\"C1\",\"2019-05-01\",\"9Z\",N,x\n\"C1\",2019-05-01,\"9Z\",\"N, E\",x\n\tC1,2019-05-01,9Z,\"N, E\",x\n,,,,\n"
      "C2,2019-05-01,1A,\"two\nlines\",y\nC2,2019-05-01,1A,\"two\nlines\",y",
      "LAchildID,CINreferralDate,CINclosureDate,ReasonForClosure,ReferralNFA\n"
      "C1,2019-05-01,2019-04-01,RC99,yes\nC1,2019-05-01,2019-04-01,RC99,yes\n,2019-05-01,,,\nC2,bad,,,\n"
      "C2,bad,,,\nC3,2019-05-01,,,maybe\nC4,\"2019-05-01\"x,,,\nC5,2019-05-01\nC6,2019-05-01,,,\"1\"\n"
      "C6,2019-05-01,,,1\nC7,\"2019-05-01,,,\n",
      "LAchildID,CINreferralDate,Team\nC1,2019-05-01,Caf\xE9\nC1,2019-05-01,\"Caf\xE9\"\nC\x81,2019-05-01,x\n"
      "C2,2019-05-01,\x80\nC2,2019-05-01,\"\x80\"\n",
      "\xEF\xBB\xBF" "LAchildID,CINreferralDate\r\nC1,2019-05-01\r\nC1,2019-05-01",
      "LAchildID,CINreferralDate\n",
      "LAchildID\nC1\n",
      many,
  };
  const std::vector<std::string> plan_texts = {
      "LAchildID,CPPstartDate,CPPendDate,InitialCategoryOfAbuse,LatestCategoryOfAbuse,NumberOfPreviousCPP\n"
      "\"S1\",2020-01-01,,PHY,XXX,1\nS1,2020-01-01,,PHY,XXX,\"1\"\nS2,2020-01-01,2019-01-01,,,-1\n"
      "S2,2020-01-01,2019-01-01,,,\nS2,2020-01-01,2019-01-01,,,\n\nS3,2020-01-01,,,,x\"\n",
      "LAchildID,CPPendDate\nC1,2020-01-01\n",
  };
  const std::vector<std::string> episode_texts = {
      "LAchildID,CINPlanStartDate,CINPlanEndDate,StartDate\n\"S1\",2020-01-01,,x\nS1,2020-01-01,,x\n"
      "S1,2020-01-01,2020-02-01,x\n S1 ,2020-01-01,,x\nS2,2020-13-01,,\n,,,\n\n",
      "EndDate,StartDate,LAchildID\n2019-07-01,2019-05-01,C2\n,2019-05-01,\"C2\"\n2019-07-01,2019-05-01,C2,\n",
  };
  std::vector<extract_options> options(4);
  options[1].skip_invalid_records = true;
  options[2].skip_invalid_records = true;
  options[2].encoding = text_encoding::windows_1252;
  options[2].keep = {"Team", "", "Missing"};
  options[3].keep = {"Team"};
  options[3].encoding = text_encoding::iso_8859_1;
  std::size_t duplicates = 0, rejected = 0;  // the cases must reach both
  for (const extract_options& o : options) {
    for (const std::string& text : referral_texts) {
      const temp_file file(text);
      const std::string want = outcome_of([&] {
        std::istringstream in(text);
        return csc::io::read_referrals_csv(in, file.path, o);
      });
      BOOST_TEST(outcome_of([&] { return csc::io::read_referrals_csv(csc::io::mapped_file(file.path), o); }) == want,
                 text.substr(0, 80));
      for (std::size_t at = want.find("duplicate"); at != std::string::npos; at = want.find("duplicate", at + 1))
        ++duplicates;
      rejected += want.find("\nrejected ") != std::string::npos;
    }
    for (const std::string& text : plan_texts) {
      const temp_file file(text);
      const std::string want = outcome_of([&] {
        std::istringstream in(text);
        return csc::io::read_cp_plans_csv(in, file.path, o);
      });
      BOOST_TEST(outcome_of([&] { return csc::io::read_cp_plans_csv(csc::io::mapped_file(file.path), o); }) == want,
                 text.substr(0, 80));
    }
    for (const std::string& text : episode_texts) {
      for (const auto e : {csc::io::episode_extract::cin_plans, csc::io::episode_extract::early_help,
                           csc::io::episode_extract::looked_after}) {
        const temp_file file(text);
        const std::string want = outcome_of([&] {
          std::istringstream in(text);
          return csc::io::read_episodes_csv(in, file.path, e, o);
        });
        BOOST_TEST(outcome_of([&] { return csc::io::read_episodes_csv(csc::io::mapped_file(file.path), e, o); }) ==
                       want,
                   text.substr(0, 80));
      }
    }
  }
  BOOST_TEST(duplicates > 1300u);
  BOOST_TEST(rejected >= 2u);
}

BOOST_AUTO_TEST_CASE(a_duplicate_spelt_with_quotes_is_found_in_a_mapped_file) {
  const temp_file file("LAchildID,CINreferralDate\n\"S1\",2020-01-01\nS1,2020-01-01\nS1,\"2020-01-01\"\nS1,2020-01-02\n");
  const auto t = csc::io::read_referrals_csv(csc::io::mapped_file(file.path));
  BOOST_TEST(t.records.size() == 2u);
  BOOST_REQUIRE(t.findings.size() == 2u);
  BOOST_TEST(t.findings[0].detail == "line 3 repeats line 2 in every column (read once)");
  BOOST_TEST(t.findings[1].detail == "line 4 repeats line 2 in every column (read once)");
  BOOST_TEST(t.findings[1].record == 0u);
}

// Rows are hashed as their fields joined by commas: rows that join alike but
// split differently are not duplicates; the stream reader agrees.
BOOST_AUTO_TEST_CASE(rows_that_join_alike_but_differ_in_fields_are_not_duplicates) {
  const std::string text =
      "LAchildID,CINreferralDate,ReasonForClosure,ReferralSource\n"
      "S1,2020-01-01,\"RC1,4\",\n"     // fields S1 | 2020-01-01 | RC1,4 | (empty)
      "S1,2020-01-01,RC1,4\n"           // joins alike: S1,2020-01-01,RC1,4
      "S1,2020-01-01,\"RC1\",4\n";    // equal to line 3 field by field
  const temp_file file(text);
  for (int stream = 0; stream < 2; ++stream) {
    std::istringstream in(text);
    const auto t = stream ? csc::io::read_referrals_csv(in, "r.csv") : csc::io::read_referrals_csv(csc::io::mapped_file(file.path));
    BOOST_TEST(t.records.size() == 2u);
    std::size_t duplicates = 0;
    for (const auto& f : t.findings) {
      if (f.rule != csc::rule::duplicate_record) continue;
      ++duplicates;
      BOOST_TEST(f.detail == "line 4 repeats line 3 in every column (read once)");
    }
    BOOST_TEST(duplicates == 1u);
  }
}

BOOST_AUTO_TEST_CASE(mapped_file_maps_files_reads_others_whole_and_names_the_path_in_errors) {
  {
    const temp_file file("LAchildID,CINreferralDate\nC1,2019-05-01\n");
    const csc::io::mapped_file m(file.path);
    BOOST_TEST(m.bytes() == "LAchildID,CINreferralDate\nC1,2019-05-01\n");
    BOOST_TEST(m.path() == file.path);
#if defined(__unix__) && !defined(__EMSCRIPTEN__)
    BOOST_TEST(m.mapped());
#endif
    csc::io::mapped_file moved(csc::io::mapped_file(file.path));
    BOOST_TEST(moved.bytes().size() == 40u);
  }
  {
    const temp_file file("");
    const csc::io::mapped_file m(file.path);
    BOOST_TEST(m.bytes().empty());
    BOOST_TEST(!m.mapped());
    BOOST_TEST(error_of([&] { csc::io::read_referrals_csv(m); }) ==
               file.path + ":1: empty file: expected a header line");
  }
  const std::string missing = (std::filesystem::temp_directory_path() / "csc-no-such-dir" / "missing.csv").string();
  const std::string directory = std::filesystem::temp_directory_path().string();
  for (const std::string& path : {missing, directory}) {
    BOOST_TEST_CONTEXT(path) {
      try {
        const csc::io::mapped_file m(path);
        BOOST_ERROR("expected std::system_error");
      } catch (const std::system_error& e) {
        BOOST_TEST(std::string(e.what()).find(path) != std::string::npos, e.what());
      }
    }
  }
#if defined(__linux__)
  // A pipe, opened by path as /dev/stdin is: not mappable, read whole.
  int ends[2];
  BOOST_REQUIRE(::pipe(ends) == 0);
  const std::string text = "LAchildID,CINreferralDate\nC1,2019-05-01\n";
  BOOST_REQUIRE(::write(ends[1], text.data(), text.size()) == static_cast<ssize_t>(text.size()));
  ::close(ends[1]);
  {
    const csc::io::mapped_file m("/proc/self/fd/" + std::to_string(ends[0]));
    BOOST_TEST(!m.mapped());
    BOOST_TEST(m.bytes() == text);
    BOOST_TEST(csc::io::read_referrals_csv(m).records.at(0).child == "C1");
  }
  ::close(ends[0]);
#endif
}

// Reading a mapped extract in parts (read_*_csv(file, options, parts, run)): for every
// input, parts count and task runner, the same table or the same errors as one part and
// as the stream overload.
namespace {
// Task runners besides csc::io::one_after_another and csc_report::task_runner: the tasks
// last first (the join must not depend on the order tasks ran in), and every task at
// once on a thread of its own.
struct last_first {
  void operator()(std::vector<std::function<void()>>& tasks) const {
    for (auto t = tasks.rbegin(); t != tasks.rend(); ++t) (*t)();
  }
};
struct thread_per_task {
  void operator()(std::vector<std::function<void()>>& tasks) const {
    std::vector<std::thread> threads;
    threads.reserve(tasks.size());
    for (auto& task : tasks) threads.emplace_back([&task] { task(); });
    for (std::thread& t : threads) t.join();
  }
};
// A runner that counts the tasks it was given, then runs them on csc_report::task_runner{3}.
struct counting {
  std::size_t* most;
  void operator()(std::vector<std::function<void()>>& tasks) const {
    *most = std::max(*most, tasks.size());
    csc_report::task_runner{3}(tasks);
  }
};

// One of the five extracts: its header, and the rest of a row after `LAchildID,<start date>`
// (plain, and one that gives findings where the extract has any).
struct extract_kind {
  const char* name;
  std::string header;
  std::string tail;
  std::string finding_tail;
  std::string other_tail;
  int which;  // 0 referrals, 1 CP plans, 2 episodes of `episode`
  csc::io::episode_extract episode;
};
std::vector<extract_kind> extract_kinds() {
  using csc::io::episode_extract;
  return {
      {"referrals", "LAchildID,CINreferralDate,ReferralSource,ReferralNFA,CINclosureDate,ReasonForClosure,Team",
       ",1A,false,2019-09-01,RC1,North", ",9Z,false,2019-09-01,RC99,South", ",2B,no,2018-01-01,RC2,East", 0,
       episode_extract::cin_plans},
      {"cp plans", "LAchildID,CPPstartDate,CPPendDate,InitialCategoryOfAbuse,LatestCategoryOfAbuse,NumberOfPreviousCPP",
       ",2019-09-01,PHY,NEG,0", ",,XXX,PHY,2", ",2019-10-01,EMO,YYY,", 1, episode_extract::cin_plans},
      {"cin plans", "LAchildID,CINPlanStartDate,CINPlanEndDate,Team", ",2019-09-01,North", ",,South",
       ",2018-01-01,East", 2, episode_extract::cin_plans},
      {"early help", "Team,LAchildID,StartDate,EndDate", ",2019-09-01", ",", ",2018-01-01", 2,
       episode_extract::early_help},
      {"looked after", "LAchildID,StartDate,EndDate,Team", ",2019-09-01,North", ",,South", ",2018-01-01,East", 2,
       episode_extract::looked_after},
  };
}
// A row of @p k: id, start date and a tail (the early help header has Team first).
std::string row_of(const extract_kind& k, const std::string& id, const std::string& date, const std::string& tail) {
  if (k.episode == csc::io::episode_extract::early_help) return "T" + id.substr(0, 1) + "," + id + "," + date + tail;
  return id + "," + date + tail;
}
std::string date_of(std::size_t i) {
  return "2019-0" + std::to_string(1 + i % 8) + "-" + (i % 28 < 9 ? "0" : "") + std::to_string(1 + i % 28);
}
// The lines after the header of a file with a bit of everything: a row repeated once far
// on and one three times, bad rows of every kind, blank lines, `,,,` rows, padded ids and
// their repeat, rows with findings and their repeat.
std::vector<std::string> mixed_lines(const extract_kind& k) {
  const auto r = [&](const std::string& id, std::size_t i, const std::string& tail) {
    return row_of(k, id, date_of(i), tail);
  };
  return {
      r("C1", 1, k.tail),                              // 2
      r("C2", 2, k.tail),                              // 3: the first of three
      r("C3", 3, k.finding_tail),                      // 4
      row_of(k, "C4", "2019-02-30", k.tail),           // 5: bad date
      "",                                              // 6
      "",                                              // 7
      r("", 5, k.tail),                                // 8: empty id
      ",,,",                                           // 9
      "C5,2019-03-01",                                 // 10: too few fields
      r(" C6\t", 6, k.tail),                           // 11: padded
      r("C2", 2, k.tail),                              // 12: the second of three
      r("C7", 7, k.finding_tail),                      // 13
      r("C1", 1, k.tail),                              // 14: repeats line 2
      r("C\xE9", 8, k.tail),                           // 15: not UTF-8
      r("C8", 9, k.other_tail),                        // 16
      ",,,",                                           // 17
      "",                                              // 18
      row_of(k, "C9", "x", k.tail),                    // 19: bad date
      r("C10", 10, k.tail),                            // 20
      r(" C6\t", 6, k.tail),                           // 21: repeats padded line 11
      "C11,2019-01-01,a,b,c,d,e,f,g,h",                // 22: too many fields
      r("C7", 7, k.finding_tail),                      // 23: repeats line 13, findings and all
      r("  ", 11, k.tail),                             // 24: empty id once trimmed
      r("C2", 2, k.tail),                              // 25: the third of three
      r("C12", 12, k.tail),                            // 26
      ",,,",                                           // 27
      row_of(k, "C13", "2019-13-01", k.tail),          // 28: bad date
      r("C14", 14, k.other_tail),                      // 29
      row_of(k, "C4", "2019-02-30", k.tail),           // 30: bad again (errors are not duplicates)
      r("C15", 15, k.tail),                            // 31
  };
}
std::string joined(const std::string& header, const std::vector<std::string>& lines, const std::string& eol,
                   bool last_eol = true) {
  std::string s = header;
  for (const std::string& l : lines) s += eol + l;
  return last_eol ? s + eol : s;
}

// The inputs every extract is read from, named.
std::vector<std::pair<std::string, std::string>> part_inputs(const extract_kind& k) {
  const std::string& h = k.header;
  const std::vector<std::string> lines = mixed_lines(k);
  std::vector<std::string> quoted = lines;
  quoted[18] = "\"" + quoted[18].substr(0, quoted[18].find(',')) + "\"" + quoted[18].substr(quoted[18].find(','));
  quoted.push_back(lines[18]);  // the same row unquoted: a duplicate
  std::string lone_cr = joined(h, lines, "\n");
  lone_cr[lone_cr.find("\n", lone_cr.find(lines[11]))] = '\r';  // line 13 ends in a carriage return only
  std::vector<std::string> all_bad;
  for (std::size_t i = 0; i < 12; ++i)
    all_bad.push_back(row_of(k, "B" + std::to_string(i), "2019-02-3" + std::to_string(i % 2), k.tail));
  const std::string one = row_of(k, "C1", "2019-05-01", k.tail);
  return {
      {"mixed", joined(h, lines, "\n")},
      {"mixed CRLF", joined(h, lines, "\r\n")},
      {"mixed, BOM and CRLF", "\xEF\xBB\xBF" + joined(h, lines, "\r\n")},
      {"mixed, no line end at the end", joined(h, lines, "\n", false)},
      {"mixed CRLF, no line end at the end", joined(h, lines, "\r\n", false)},
      {"mixed, blank lines and ,,, first and last",
       h + "\n\n,,,\n" + joined("", lines, "\n").substr(1) + "\n,,,\n\n\n"},
      {"mixed with a quote", joined(h, quoted, "\n")},
      {"mixed with a lone CR", lone_cr},
      {"mixed, ending in a lone CR", joined(h, lines, "\n", false) + "\r"},
      {"every row bad", joined(h, all_bad, "\n")},
      {"header only", h + "\n"},
      {"header only, CRLF", h + "\r\n"},
      {"header only, no line end", h},
      {"header then blank lines", h + "\n\n\n\n\n"},
      {"header then CRLF blank lines", h + "\r\n\r\n\r\n\r\n"},
      {"header then ,,, and blank lines", h + "\n,,,\n\n,,,\n,,,,,,,\n\n"},
      {"one record", h + "\n" + one + "\n"},
      {"one record, no line end", h + "\n" + one},
      {"one record, CRLF", h + "\r\n" + one + "\r\n"},
      {"two equal records", h + "\n" + one + "\n" + one + "\n"},
      {"a required column missing", "LAchildID,Team\nC1,x\nC2,y\nC3,z\n,\n\n"},
      {"a column twice", h + ",LAchildID\n" + one + ",C1\n" + one + ",C1\n" + one + ",C2\n"},
      {"empty file", ""},
      {"only a line end", "\n\n"},
  };
}

// A big extract: @p rows rows, about 5% repeating an earlier row (near or far), about 1%
// bad, some blank lines, `,,,` rows, padded ids and rows with findings.
std::string big_input(const extract_kind& k, std::size_t rows) {
  std::mt19937 random(20240601u);
  std::vector<std::string> kept;
  kept.reserve(rows);
  std::string s = k.header + "\n";
  for (std::size_t i = 0; i < rows; ++i) {
    const std::uint32_t dice = random() % 1000;
    std::string line;
    if (dice < 50 && !kept.empty()) {
      const std::size_t back = random() % std::min<std::size_t>(kept.size(), 5);  // a near repeat
      line = kept[dice < 25 ? random() % kept.size() : kept.size() - 1 - back];
    } else if (dice < 54) {
      line = row_of(k, "B" + std::to_string(i), "2019-02-30", k.tail);
    } else if (dice < 57) {
      line = row_of(k, "", date_of(i), k.tail);
    } else if (dice < 60) {
      line = "B" + std::to_string(i) + "," + date_of(i);
    } else if (dice < 66) {
      line = dice < 63 ? "" : ",,,";
    } else {
      const std::string id = (dice < 80 ? " C" : "C") + std::to_string(random() % (rows / 2)) + (dice < 75 ? "\t" : "");
      line = row_of(k, id, date_of(random()), dice < 120 ? k.finding_tail : dice < 140 ? k.other_tail : k.tail);
      kept.push_back(line);
    }
    s += line + (dice % 7 == 0 ? "\r\n" : "\n");
  }
  return s;
}

// What reading @p file as extract @p k gives (the table or the errors, as text): the stream
// overload when @p run is absent, else the mapped file in @p parts parts run by @p run.
std::string stream_outcome(const extract_kind& k, const std::string& text, const std::string& path,
                           const csc::io::extract_options& o) {
  std::istringstream in(text);
  if (k.which == 0) return outcome_of([&] { return csc::io::read_referrals_csv(in, path, o); });
  if (k.which == 1) return outcome_of([&] { return csc::io::read_cp_plans_csv(in, path, o); });
  return outcome_of([&] { return csc::io::read_episodes_csv(in, path, k.episode, o); });
}
template <class Run>
std::string parts_outcome(const extract_kind& k, const csc::io::mapped_file& file, const csc::io::extract_options& o,
                          std::size_t parts, Run&& run) {
  if (k.which == 0) return outcome_of([&] { return csc::io::read_referrals_csv(file, o, parts, run); });
  if (k.which == 1) return outcome_of([&] { return csc::io::read_cp_plans_csv(file, o, parts, run); });
  return outcome_of([&] { return csc::io::read_episodes_csv(file, k.episode, o, parts, run); });
}
std::vector<csc::io::extract_options> part_options() {
  std::vector<csc::io::extract_options> options(4);
  options[1].skip_invalid_records = true;
  options[2].skip_invalid_records = true;
  options[2].keep = {"Team", "", "Missing"};
  options[3].encoding = csc::io::text_encoding::windows_1252;  // the id "C\xE9" read as "C\u00E9"
  options[3].keep = {"Team"};
  return options;
}
std::size_t count_of(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}
// Which part of @p cuts byte @p at is in.
std::size_t part_at(const std::vector<std::size_t>& cuts, std::size_t at) {
  return static_cast<std::size_t>(std::upper_bound(cuts.begin(), cuts.end(), at) - cuts.begin()) - 1;
}
// Checks part_cuts(@p bytes, @p parts): 0 first, bytes.size() last, increasing, at most
// max(parts, 1) parts, each cut after the header line and at the start of a line.
void check_cuts(const std::string& bytes, std::size_t parts) {
  const std::vector<std::size_t> cuts = csc::io::detail::part_cuts(bytes, parts);
  BOOST_REQUIRE(cuts.size() >= 2u);
  BOOST_TEST(cuts.front() == 0u);
  BOOST_TEST(cuts.back() == bytes.size());
  BOOST_TEST(cuts.size() - 1 <= std::max<std::size_t>(parts, 1));
  const std::size_t header_end = bytes.find('\n');
  for (std::size_t i = 1; i + 1 < cuts.size(); ++i) {
    BOOST_TEST(cuts[i] > cuts[i - 1]);
    BOOST_TEST(cuts[i] < bytes.size());
    BOOST_TEST(cuts[i] > header_end);
    BOOST_TEST(bytes[cuts[i] - 1] == '\n');
  }
}
}  // namespace

BOOST_AUTO_TEST_CASE(part_cuts_fall_at_line_starts_after_the_header_or_nowhere) {
  using csc::io::detail::part_cuts;
  BOOST_TEST((part_cuts("", 4) == std::vector<std::size_t>{0, 0}));
  const std::string h = "LAchildID,CINreferralDate\n";
  std::string even = h;  // 100 lines of 16 bytes
  for (int i = 0; i < 100; ++i) even += "C" + std::to_string(100 + i) + ",2019-05-01\n";
  for (const std::size_t parts : {0u, 1u})
    BOOST_TEST((part_cuts(even, parts) == std::vector<std::size_t>{0, even.size()}));
  BOOST_TEST(part_cuts(even, 2).size() == 3u);
  BOOST_TEST(part_cuts(even, 4).size() == 5u);
  BOOST_TEST(part_cuts(even, 7).size() == 8u);
  BOOST_TEST(part_cuts(even, 100).size() == 101u);  // the header's part holds a line, one part is all of a line
  std::string small = h;  // 50 lines, under 1024 bytes
  for (int i = 0; i < 50; ++i) small += "C" + std::to_string(100 + i) + ",2019-05-01\n";
  BOOST_TEST(part_cuts(small, small.size()).size() == 52u);    // a part for every line, the header's alone
  BOOST_TEST(part_cuts(even, even.size()) == part_cuts(even, 1024));  // more than 1024 parts: read as 1024
  BOOST_TEST(part_cuts(even, std::numeric_limits<std::size_t>::max()) == part_cuts(even, 1024));
  const std::vector<std::string> one_part = {
      h,                                                 // the header only
      "LAchildID,CINreferralDate",                       // no line end at all
      h + "C1,2019-05-01\nC2,\"2019-05-01\"\nC3,2019-05-01\n",  // a quote
      "\"LAchildID\",CINreferralDate\nC1,2019-05-01\nC2,2019-05-01\n",  // a quote in the header
      h + "C1,2019-05-01\rC2,2019-05-01\nC3,2019-05-01\n",      // a lone carriage return
      h + "C1,2019-05-01\r\nC2,2019-05-01\r\r\nC3,2019-05-01\n",  // a carriage return before another
      h + "C1,2019-05-01\nC2,2019-05-01\nC3,2019-05-01\r",      // the last byte a carriage return
      "LAchildID,CINreferralDate\rC1,2019-05-01\nC2,2019-05-01\nC3,2019-05-01\n",
  };
  for (const std::string& text : one_part) {
    BOOST_TEST_CONTEXT(text) {
      for (const std::size_t parts : {0u, 1u, 2u, 3u, 7u, 50u})
        BOOST_TEST((part_cuts(text, parts) == std::vector<std::size_t>{0, text.size()}));
    }
  }
  BOOST_TEST(part_cuts(h + "C1,2019-05-01\r\nC2,2019-05-01\r\nC3,2019-05-01\r\n", 3).size() == 4u);  // CRLF is cut
  std::vector<std::string> texts = {even, h + "\n\n\n\n", h + "C1,2019-05-01\nC2,2019-05-01", "H\nx\n", "H\n\n",
                                    "\n\n\n", std::string(5000, 'a') + "\nb\n"};
  for (const extract_kind& k : extract_kinds()) {
    for (const auto& [name, text] : part_inputs(k)) texts.push_back(text);
    texts.push_back(big_input(k, 300));
  }
  for (const std::string& text : texts) {
    BOOST_TEST_CONTEXT(text.substr(0, 60)) {
      for (std::size_t parts = 0; parts <= 64; ++parts) check_cuts(text, parts);
      check_cuts(text, 5000);
      const bool cuttable = text.find('"') == std::string::npos && text.find('\n') != std::string::npos;
      if (!cuttable) BOOST_TEST(part_cuts(text, 3).size() == 2u);
    }
  }
}

BOOST_AUTO_TEST_CASE(an_extract_read_in_parts_reads_as_in_one_part_and_as_a_stream) {
  const std::vector<csc::io::extract_options> options = part_options();
  const std::size_t part_counts[] = {0, 1, 2, 3, 4, 7, 50};
  std::size_t compared = 0, duplicates = 0, rejected = 0, thrown = 0, split = 0, most_tasks = 0;
  for (const extract_kind& k : extract_kinds()) {
    for (const auto& [name, text] : part_inputs(k)) {
      const temp_file file(text);
      const csc::io::mapped_file mapped(file.path);
      if (csc::io::detail::part_cuts(text, 2).size() > 2) ++split;
      for (std::size_t oi = 0; oi < options.size(); ++oi) {
        const csc::io::extract_options& o = options[oi];
        BOOST_TEST_CONTEXT(k.name << ": " << name << ", options " << oi) {
          const std::string want = stream_outcome(k, text, file.path, o);
          duplicates += count_of(want, "duplicate_record");
          rejected += count_of(want, "\nrejected ");
          thrown += want.rfind("parse_error", 0) == 0;
          for (const std::size_t parts : part_counts) {
            BOOST_TEST_CONTEXT("parts " << parts) {
              BOOST_TEST(parts_outcome(k, mapped, o, parts, csc::io::one_after_another{}) == want);
              BOOST_TEST(parts_outcome(k, mapped, o, parts, last_first{}) == want);
              BOOST_TEST(parts_outcome(k, mapped, o, parts, csc_report::task_runner{4}) == want);
              BOOST_TEST(parts_outcome(k, mapped, o, parts, thread_per_task{}) == want);
              BOOST_TEST(parts_outcome(k, mapped, o, parts, counting{&most_tasks}) == want);
              compared += 5;
            }
          }
        }
      }
    }
  }
  BOOST_TEST_MESSAGE(compared << " readings in parts compared");
  BOOST_TEST(split >= 5u * 15);       // most inputs are really cut
  BOOST_TEST(most_tasks >= 20u);      // 50 parts of the mixed files: a task for about every line
  BOOST_TEST(duplicates >= 5u * 3 * 8);  // the cases reach duplicates, rejected records and thrown errors
  BOOST_TEST(rejected >= 5u * 2 * 8);
  BOOST_TEST(thrown >= 5u * 3);
}

BOOST_AUTO_TEST_CASE(a_row_repeated_in_three_parts_is_read_once_with_two_findings) {
  const extract_kind k = extract_kinds().front();
  const std::string text = joined(k.header, mixed_lines(k), "\n");
  const temp_file file(text);
  const csc::io::mapped_file mapped(file.path);
  csc::io::extract_options skip;
  skip.skip_invalid_records = true;
  // The copies on lines 3, 12 and 25 fall in three parts of three, as do line 2 and its
  // repeat on line 14; with two parts, line 3 and its third copy, the padded id on line 11
  // and its repeat on 21, and the row with findings on line 13 and its repeat on line 23.
  const auto line_at = [&](std::size_t line) {
    std::size_t at = 0;
    for (std::size_t l = 1; l < line; ++l) at = text.find('\n', at) + 1;
    return at;
  };
  const std::vector<std::size_t> three = csc::io::detail::part_cuts(text, 3);
  BOOST_TEST(part_at(three, line_at(3)) == 0u);
  BOOST_TEST(part_at(three, line_at(12)) == 1u);
  BOOST_TEST(part_at(three, line_at(25)) == 2u);
  BOOST_TEST(part_at(three, line_at(2)) != part_at(three, line_at(14)));
  const std::vector<std::size_t> two = csc::io::detail::part_cuts(text, 2);
  BOOST_TEST(part_at(two, line_at(3)) != part_at(two, line_at(25)));
  BOOST_TEST(part_at(two, line_at(11)) != part_at(two, line_at(21)));
  BOOST_TEST(part_at(two, line_at(13)) != part_at(two, line_at(23)));
  const auto t = csc::io::read_referrals_csv(mapped, skip, 3, csc_report::task_runner{3});
  std::vector<std::string> details;
  for (const csc::finding& f : t.findings)
    if (f.rule == csc::rule::duplicate_record) details.push_back(std::to_string(f.record) + " " + f.detail);
  BOOST_TEST(details == (std::vector<std::string>{
                            "1 line 12 repeats line 3 in every column (read once)",
                            "0 line 14 repeats line 2 in every column (read once)",
                            "3 line 21 repeats line 11 in every column (read once)",
                            "4 line 23 repeats line 13 in every column (read once)",
                            "1 line 25 repeats line 3 in every column (read once)",
                        }),
             boost::test_tools::per_element());
  BOOST_TEST(t.trimmed_ids == 1u);  // line 11 (line 21 repeats it; line 24 is rejected)
  BOOST_TEST(t.blank_lines == 3u);
  BOOST_TEST(t.empty_rows == 3u);
  BOOST_TEST(t.rejected.size() == 9u);
  BOOST_TEST(t.rejected.at(8).line() == 30u);
  BOOST_TEST(text_of(t) == text_of(csc::io::read_referrals_csv(mapped, skip)));
  BOOST_TEST(text_of(csc::io::read_referrals_csv(mapped, skip, 2, csc::io::one_after_another{})) == text_of(t));
}

BOOST_AUTO_TEST_CASE(a_big_extract_read_in_parts_reads_as_in_one_part_and_as_a_stream) {
  const std::vector<csc::io::extract_options> options = part_options();
  for (const extract_kind& k : extract_kinds()) {
    const std::string text = big_input(k, 20000);
    const temp_file file(text);
    const csc::io::mapped_file mapped(file.path);
    for (std::size_t oi = 0; oi < 2; ++oi) {
      const csc::io::extract_options& o = options[oi];
      BOOST_TEST_CONTEXT(k.name << ", options " << oi) {
        const std::string want = stream_outcome(k, text, file.path, o);
        if (oi == 1) BOOST_TEST(count_of(want, "duplicate_record") > 800u);
        if (oi == 1) BOOST_TEST(count_of(want, "\nrejected ") > 150u);
        if (oi == 0) BOOST_TEST(want.rfind("parse_errors\n", 0) == 0u);
        BOOST_TEST(parts_outcome(k, mapped, o, 1, csc::io::one_after_another{}) == want);
        for (const std::size_t parts : {2u, 3u, 4u, 7u, 50u}) {
          BOOST_TEST_CONTEXT("parts " << parts) {
            BOOST_TEST(parts_outcome(k, mapped, o, parts, csc::io::one_after_another{}) == want);
            BOOST_TEST(parts_outcome(k, mapped, o, parts, csc_report::task_runner{4}) == want);
          }
        }
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(a_blank_column_name_not_used_is_named_by_its_place) {
  const auto t = referrals("LAchildID,CINreferralDate,, ,Team\nC1,2019-05-01,a,b,N\n");
  BOOST_TEST((t.unused_columns == std::vector<std::string>{"(blank column 3)", "(blank column 4)", "Team"}));
}

BOOST_AUTO_TEST_CASE(a_long_value_is_cut_in_messages_with_a_marker) {
  const std::string huge(5000, 'x');
  const auto t = referrals("LAchildID,CINreferralDate,ReferralSource\nC1,2019-05-01," + huge + "\n");
  BOOST_REQUIRE(t.findings.size() == 1u);
  BOOST_TEST(t.findings[0].detail.size() < 300u);
  BOOST_TEST(t.findings[0].detail.find("...' (cut; 5000 bytes in all)") != std::string::npos);
  BOOST_TEST(csc::io::quoted_value("abc") == "'abc'");
}

BOOST_AUTO_TEST_SUITE_END()
