// Tests for include/csc/io/csv_records.hpp (docs/inputs.md): the five CSV
// extracts read into record tables, unreadable values as errors naming file,
// line and column, readable values that break a DfE rule as findings.
#include <csc/io/csv_records.hpp>

#include <boost/test/unit_test.hpp>

#include <sstream>
#include <string>

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
  BOOST_TEST((t.records[1].kept == std::vector<std::string>{"South", "", ""}));
  BOOST_TEST(t.findings.empty());
  BOOST_TEST((t.unused_columns == std::vector<std::string>{}));  // Team is kept
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

BOOST_AUTO_TEST_SUITE_END()
