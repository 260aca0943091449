// Tests for include/csc/io/value_formats.hpp and include/csc/io/text_encoding.hpp
// (docs/inputs.md): how extracts may spell dates, booleans and text.
#include <csc/io/text_encoding.hpp>
#include <csc/io/value_formats.hpp>

#include <boost/test/unit_test.hpp>

#include <string>

BOOST_AUTO_TEST_SUITE(value_formats_test)

struct boolean_case {
  const char* text;
  std::optional<bool> value;
};

BOOST_AUTO_TEST_CASE(boolean_spellings_in_any_case) {
  const boolean_case cases[] = {{"true", true},  {"TRUE", true},  {"True", true},   {"1", true},   {"yes", true},
                                {"YES", true},   {"y", true},     {"Y", true},      {"false", false}, {"0", false},
                                {"No", false},   {"n", false},    {"", std::nullopt}, {"t", std::nullopt},
                                {"yes ", std::nullopt}, {"2", std::nullopt}, {"nope", std::nullopt}};
  for (const boolean_case& c : cases) {
    BOOST_TEST_CONTEXT("'" << c.text << "'") { BOOST_TEST((csc::io::parse_boolean_value(c.text) == c.value)); }
  }
}

BOOST_AUTO_TEST_CASE(format_names_round_trip) {
  for (auto f : {csc::io::date_format::iso, csc::io::date_format::dmy})
    BOOST_TEST((csc::io::parse_date_format(csc::io::to_string(f)) == f));
  for (auto e : {csc::io::text_encoding::utf8, csc::io::text_encoding::windows_1252, csc::io::text_encoding::iso_8859_1})
    BOOST_TEST((csc::io::parse_text_encoding(csc::io::to_string(e)) == e));
  BOOST_CHECK_THROW(csc::io::parse_date_format("mm/dd/yyyy"), std::invalid_argument);
  // As error messages spell them: any case.
  BOOST_TEST((csc::io::parse_date_format("DD/MM/YYYY") == csc::io::date_format::dmy));
  BOOST_TEST((csc::io::parse_date_format("YYYY-MM-DD") == csc::io::date_format::iso));
  BOOST_CHECK_THROW(csc::io::parse_date_format("DD/MM/YY"), std::invalid_argument);
  BOOST_CHECK_THROW(csc::io::parse_text_encoding("latin1"), std::invalid_argument);
  BOOST_TEST((csc::io::parse_text_encoding("UTF-8") == csc::io::text_encoding::utf8));
  BOOST_TEST((csc::io::parse_text_encoding("Windows-1252") == csc::io::text_encoding::windows_1252));
}

struct utf8_case {
  const char* bytes;
  std::optional<std::size_t> invalid_at;
};

BOOST_AUTO_TEST_CASE(utf8_is_checked_to_rfc_3629) {
  const utf8_case cases[] = {
      {"plain", std::nullopt},          {"Caf\xC3\xA9", std::nullopt},      {"\xE2\x82\xAC", std::nullopt},
      {"\xF0\x9F\x98\x80", std::nullopt}, {"Caf\xE9", 3},                   {"\xC0\xAF", 0},  // overlong
      {"\xED\xA0\x80", 0},              /* surrogate */                   {"\xF4\x90\x80\x80", 0},  // > U+10FFFF
      {"ab\xE2\x82", 2},                /* truncated */                   {"\x80", 0},
  };
  for (const utf8_case& c : cases) {
    BOOST_TEST_CONTEXT(c.bytes) { BOOST_TEST((csc::io::invalid_utf8_at(c.bytes) == c.invalid_at)); }
  }
}

BOOST_AUTO_TEST_SUITE_END()
