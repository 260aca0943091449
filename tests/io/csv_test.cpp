// Tests for include/csc/io/csv.hpp and include/csc/io/cin_codes.hpp.
#include <csc/io/cin_codes.hpp>
#include <csc/io/csv.hpp>

#include <boost/test/unit_test.hpp>

#include <sstream>
#include <string>

using csc::io::csv_reader;
using csc::io::parse_error;

namespace {
bool message_is(const parse_error& e, const std::string& want) {
  if (e.what() == want) return true;
  BOOST_TEST_MESSAGE("got: " << e.what());
  return false;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(csv_test)

BOOST_AUTO_TEST_CASE(reads_quoted_fields_crlf_and_bom) {
  std::istringstream in("\xEF\xBB\xBF" "a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n2,\"two\nlines\",\r\n3,,z");
  csv_reader csv(in, "t.csv");
  BOOST_TEST(*csv.column("a") == 0u);
  BOOST_REQUIRE(csv.next());
  BOOST_TEST(csv.line() == 2u);
  BOOST_TEST(csv.field(1) == "x, y");
  BOOST_TEST(csv.field(2) == "say \"hi\"");
  BOOST_REQUIRE(csv.next());
  BOOST_TEST(csv.field(1) == "two\nlines");
  BOOST_TEST(csv.field(2) == "");
  BOOST_REQUIRE(csv.next());
  BOOST_TEST(csv.line() == 5u);  // the record above spanned lines 3-4
  BOOST_TEST(csv.field(2) == "z");
  BOOST_TEST(!csv.next());
}

BOOST_AUTO_TEST_CASE(wrong_field_count_names_file_and_line) {
  std::istringstream in("a,b\n1,2\n1,2,3\n");
  csv_reader csv(in, "t.csv");
  BOOST_REQUIRE(csv.next());
  BOOST_CHECK_EXCEPTION(csv.next(), parse_error, [](const parse_error& e) {
    return message_is(e, "t.csv:3: expected 2 fields as in the header, found 3") && e.line() == 3u;
  });
}

BOOST_AUTO_TEST_CASE(blank_lines_are_counted_not_records) {
  std::istringstream in("a,b\n1,2\n\n3,4\n\n");
  csv_reader csv(in, "t.csv");
  int rows = 0;
  while (csv.next()) ++rows;
  BOOST_TEST(rows == 2);
  BOOST_TEST(csv.blank_lines() == 2u);
}

BOOST_AUTO_TEST_CASE(quote_errors) {
  {
    std::istringstream in("a,b\n1,\"open\n");
    csv_reader csv(in, "t.csv");
    BOOST_CHECK_EXCEPTION(csv.next(), parse_error,
                          [](const parse_error& e) { return message_is(e, "t.csv:2: field b: unterminated quoted field"); });
  }
  {
    std::istringstream in("a,b\n1,x\"y\n");
    csv_reader csv(in, "t.csv");
    BOOST_CHECK_THROW(csv.next(), parse_error);
  }
  {
    std::istringstream in("a,b\n1,\"x\"y\n");
    csv_reader csv(in, "t.csv");
    BOOST_CHECK_THROW(csv.next(), parse_error);
  }
}

BOOST_AUTO_TEST_CASE(header_errors) {
  std::istringstream empty("");
  BOOST_CHECK_THROW(csv_reader(empty, "t.csv"), parse_error);
  // A repeated name is an error only when the column is looked up: spreadsheet exports
  // often carry blank or repeated headings on columns nobody reads.
  std::istringstream dup("a,b,a,,\n");
  csv_reader dups(dup, "t.csv");
  BOOST_TEST(*dups.column("b") == 1u);
  BOOST_CHECK_EXCEPTION(dups.column("a"), parse_error, [](const parse_error& e) {
    return message_is(e, "t.csv:1: field a: column appears twice in the header");
  });
  std::istringstream folded(" Team,team \n");
  csv_reader loose(folded, "t.csv");
  BOOST_CHECK_EXCEPTION(loose.column("TEAM"), parse_error, [](const parse_error& e) {
    return message_is(e, "t.csv:1: field TEAM: columns ' Team' and 'team ' both match it");
  });
  std::istringstream ok("a,b\n");
  csv_reader csv(ok, "t.csv");
  BOOST_CHECK_EXCEPTION(csv.require_column("CINreferralDate"), parse_error, [](const parse_error& e) {
    return message_is(e, "t.csv:1: field CINreferralDate: required column is missing from the header");
  });
}

BOOST_AUTO_TEST_CASE(date_fields) {
  std::istringstream in("d,e\n2019-02-29,\n2020-02-29,2020-03-01\n");
  csv_reader csv(in, "t.csv");
  BOOST_REQUIRE(csv.next());
  BOOST_CHECK_EXCEPTION(csv.date_field(0), parse_error, [](const parse_error& e) {
    return message_is(e, "t.csv:2: field d: '2019-02-29' is not a valid date of the form YYYY-MM-DD") &&
           e.field() == "d";
  });
  BOOST_TEST(!csv.optional_date_field(1).has_value());
  BOOST_REQUIRE(csv.next());
  BOOST_TEST((csv.date_field(0) == csc::civil_date{2020, 2, 29}));
  BOOST_TEST((*csv.optional_date_field(1) == csc::civil_date{2020, 3, 1}));
}

BOOST_AUTO_TEST_CASE(cin_code_lists) {
  for (const char* code : {"1A", "1D", "2B", "3F", "4", "5D", "6", "7", "8", "9", "10"}) {
    BOOST_TEST(csc::io::is_referral_source_code(code), code);
  }
  for (const char* code : {"", "1", "1E", "3G", "11", "5", "1a"}) BOOST_TEST(!csc::io::is_referral_source_code(code), code);
  BOOST_TEST(csc::io::is_reason_for_closure_code("RC1"));
  BOOST_TEST(csc::io::is_reason_for_closure_code("RC9"));
  BOOST_TEST(!csc::io::is_reason_for_closure_code("RC0"));
  BOOST_TEST(!csc::io::is_reason_for_closure_code("RC10"));
  BOOST_TEST(*csc::io::parse_cin_boolean("TRUE"));
  BOOST_TEST(!*csc::io::parse_cin_boolean("0"));
  BOOST_TEST(!csc::io::parse_cin_boolean("yes").has_value());
  BOOST_TEST(!csc::io::parse_cin_boolean("").has_value());
}

BOOST_AUTO_TEST_CASE(whole_number_fields_are_digits_only_and_bounded) {
  std::istringstream in("n,m\n0,2016\n-1,x\n,10000\n007,99999999999\n");
  csv_reader csv(in, "numbers.csv");
  BOOST_REQUIRE(csv.next());
  BOOST_TEST(csv.whole_number_field(0) == 0);
  BOOST_TEST(csv.whole_number_field(1, 9999) == 2016);
  BOOST_REQUIRE(csv.next());
  try {
    (void)csv.whole_number_field(0, 10, "(DfE rule 8730)");
    BOOST_FAIL("expected a parse_error");
  } catch (const parse_error& e) {
    BOOST_TEST(std::string(e.what()) == "numbers.csv:3: field n: '-1' is not a whole number >= 0 (DfE rule 8730)");
  }
  BOOST_CHECK_THROW((void)csv.whole_number_field(1), parse_error);
  BOOST_REQUIRE(csv.next());
  BOOST_CHECK_THROW((void)csv.whole_number_field(0), parse_error);        // empty
  BOOST_CHECK_THROW((void)csv.whole_number_field(1, 9999), parse_error);  // one more than the bound
  BOOST_TEST(csv.whole_number_field(1, 10000) == 10000);                  // exactly the bound
  BOOST_REQUIRE(csv.next());
  BOOST_TEST(csv.whole_number_field(0) == 7);
  BOOST_CHECK_THROW((void)csv.whole_number_field(1), parse_error);        // beyond int
}

BOOST_AUTO_TEST_SUITE_END()
