// libFuzzer target: the CSV reader and its typed fields, and the DfE
// open-data reader, on any bytes. Malformed input must end in
// csc::io::parse_error. The reader over the bytes in memory and a stream
// read 3 bytes at a time must see what a stream in 64 KiB blocks sees: the
// same fields, lines, counts and errors (else __builtin_trap).
// Run by tests/fuzz/run.sh.
#include <csc/io/csv.hpp>
#include <csc/io/dfe_statistics.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <sstream>
#include <string>

namespace {
// The header, each record (line, fields length-prefixed, counts) and each error,
// next() called again after an error as hosts do; fields_of(record_bytes()) checked.
std::string transcript(const std::string& text, csc::io::text_encoding encoding, std::optional<std::size_t> block) {
  csc::io::csv_reader::options o;
  o.encoding = encoding;
  std::string out;
  const auto add = [&out](std::string_view s) { (out += std::to_string(s.size()) + ':') += s; };
  try {
    std::istringstream in(text);
    if (block) o.block_bytes = *block;
    csc::io::csv_reader csv =
        block ? csc::io::csv_reader(in, "fuzz.csv", o) : csc::io::csv_reader::over(text, "fuzz.csv", o);
    for (const std::string& h : csv.header()) add(h);
    for (;;) {
      try {
        if (!csv.next()) break;
        out += "\nrecord " + std::to_string(csv.line()) + ' ';
        for (std::size_t c = 0; c < csv.header().size(); ++c) add(csv.field(c));
        const auto again = csv.fields_of(csv.record_bytes());
        if (again.size() != csv.header().size()) __builtin_trap();
        for (std::size_t c = 0; c < again.size(); ++c)
          if (again[c] != csv.field(c)) __builtin_trap();
      } catch (const csc::io::parse_error& e) {
        (out += "\nerror ") += e.what();
      }
      out += ' ' + std::to_string(csv.blank_lines()) + ' ' + std::to_string(csv.empty_rows());
    }
    out += "\nend " + std::to_string(csv.line()) + ' ' + std::to_string(csv.blank_lines()) + ' ' +
           std::to_string(csv.empty_rows());
  } catch (const csc::io::parse_error& e) {
    (out += "header error ") += e.what();
  }
  return out;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    std::istringstream in(text);
    csc::io::csv_reader csv(in, "fuzz.csv");
    while (csv.next()) {
      for (std::size_t c = 0; c < csv.header().size(); ++c) {
        try {
          (void)csv.optional_date_field(c);
        } catch (const csc::io::parse_error&) {
        }
        try {
          (void)csv.whole_number_field(c, 9999);
        } catch (const csc::io::parse_error&) {
        }
      }
    }
  } catch (const csc::io::parse_error&) {
  }
  // The encoding from the first byte, so that every encoding is fuzzed.
  const auto encoding = static_cast<csc::io::text_encoding>(size == 0 ? 0 : data[0] % 3);
  const std::string want = transcript(text, encoding, std::size_t{1} << 16);
  if (transcript(text, encoding, 3) != want || transcript(text, encoding, std::nullopt) != want) __builtin_trap();
  try {
    std::istringstream in(text);
    (void)csc::io::published_table::read(in, "fuzz.csv");
  } catch (const csc::io::parse_error&) {
  }
  return 0;
}
