// Opening a CSV input of csc-report, and the fields every input shares.
#ifndef CSC_EXAMPLES_CSV_FILE_HPP
#define CSC_EXAMPLES_CSV_FILE_HPP

#include <csc/core/date_traits.hpp>
#include <csc/io/csv.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <fstream>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace csc_report {

using date = boost::gregorian::date;

/// A CSV file opened for reading, header read.
class csv_file {
 public:
  explicit csv_file(const std::string& path) : in_(path, std::ios::binary) {
    if (!in_) throw std::runtime_error(path + ": cannot open file");
    csv_ = std::make_unique<csc::io::csv_reader>(in_, path);
  }
  csc::io::csv_reader& csv() { return *csv_; }

 private:
  std::ifstream in_;
  std::unique_ptr<csc::io::csv_reader> csv_;
};

/// The LAchildID field of the current record; an empty id is an error naming the line.
inline std::string child_field(const csc::io::csv_reader& csv, std::size_t column) {
  const std::string_view child = csv.field(column);
  if (child.empty()) csv.fail(column, "empty child id");
  return std::string(child);
}

inline date to_date(const csc::civil_date& c) { return csc::from_civil<date>(c); }

inline std::optional<date> to_date(const std::optional<csc::civil_date>& c) {
  return c ? std::optional<date>(to_date(*c)) : std::nullopt;
}

/// A date column that may be empty (an open episode).
inline std::optional<date> optional_date(const csc::io::csv_reader& csv, std::size_t column) {
  return to_date(csv.optional_date_field(column));
}

/// The raw values of the columns @p columns of the current record ("" for a column the file lacks).
inline std::vector<std::string> kept_fields(const csc::io::csv_reader& csv,
                                            const std::vector<std::optional<std::size_t>>& columns) {
  std::vector<std::string> out;
  for (const auto& c : columns) out.push_back(c ? std::string(csv.field(*c)) : std::string());
  return out;
}

}  // namespace csc_report

#endif
