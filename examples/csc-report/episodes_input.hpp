// Reading a plain episode CSV of csc-report: CIN plans, early help, looked after.
#ifndef CSC_EXAMPLES_EPISODES_INPUT_HPP
#define CSC_EXAMPLES_EPISODES_INPUT_HPP

#include "csv_file.hpp"

#include <optional>
#include <string>
#include <vector>

namespace csc_report {

/// One episode as read from the CSV. An end before the start is kept as read:
/// the timeline reports it (episode_end_before_start) rather than the reader.
struct episode_row {
  std::string child;        // LAchildID
  date start;               // start column
  std::optional<date> end;  // end column (empty = open)
  std::size_t line;         // line in the file
  std::size_t file = 0;     // index into episode_input::files
};

struct episode_input {
  std::string file;                 // display name: the file, or the CIN census returns
  std::vector<std::string> files;   // the files the rows come from (one for a CSV)
  std::vector<episode_row> rows;
  std::size_t blank_lines = 0;
};

/// Reads `LAchildID,<start_column>[,<end_column>]` (any order, extra columns
/// ignored). Malformed values throw csc::io::parse_error naming file, line and field.
inline episode_input read_episodes(const std::string& path, const char* start_column, const char* end_column) {
  csv_file file(path);
  csc::io::csv_reader& csv = file.csv();
  const std::size_t child_col = csv.require_column("LAchildID");
  const std::size_t start_col = csv.require_column(start_column);
  const auto end_col = csv.column(end_column);
  episode_input out;
  out.file = path;
  out.files = {path};
  while (csv.next()) {
    out.rows.push_back(episode_row{child_field(csv, child_col), to_date(csv.date_field(start_col)),
                                   end_col ? optional_date(csv, *end_col) : std::nullopt, csv.line(), 0});
  }
  out.blank_lines = csv.blank_lines();
  return out;
}

}  // namespace csc_report

#endif
