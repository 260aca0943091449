// libFuzzer target: the CSV reader and its typed fields, and the DfE
// open-data reader, on any bytes. Malformed input must end in
// csc::io::parse_error. Run by tests/fuzz/run.sh.
#include <csc/io/csv.hpp>
#include <csc/io/dfe_statistics.hpp>

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

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
  try {
    std::istringstream in(text);
    (void)csc::io::published_table::read(in, "fuzz.csv");
  } catch (const csc::io::parse_error&) {
  }
  return 0;
}
