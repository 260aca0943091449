// Reading the child protection plans CSV of csc-report (CIN census item names).
#ifndef CSC_EXAMPLES_CP_PLANS_INPUT_HPP
#define CSC_EXAMPLES_CP_PLANS_INPUT_HPP

#include "csv_file.hpp"

#include <csc/io/cin_codes.hpp>

#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace csc_report {

/// One child protection plan as read from the CSV. An end before the start is
/// kept as read: the library reports it (DfE 8925) rather than the reader.
struct cp_plan_row {
  std::string child;                      // LAchildID
  date start;                             // CPPstartDate
  std::optional<date> end;                // CPPendDate (empty = open)
  std::string initial_category;           // InitialCategoryOfAbuse ("" if absent)
  std::string latest_category;            // LatestCategoryOfAbuse ("" if absent)
  std::optional<int> previous_cpp;        // NumberOfPreviousCPP (empty if absent or blank)
  std::size_t line;                       // line in the file
  std::vector<std::string> kept = {};     // raw values of the columns asked for by name ("" if absent)
  std::size_t file = 0;                   // index into cp_plan_input::files
};

struct cp_plan_input {
  std::string file;                 // display name: the file, or the CIN census returns
  std::vector<std::string> files;   // the files the rows come from (one for a CSV)
  std::vector<cp_plan_row> rows;
  bool has_previous_cpp_column = false;
  std::vector<bool> has_kept;  // which of the columns asked for the file has
  std::size_t blank_lines = 0;
};

/// Reads `LAchildID,CPPstartDate[,CPPendDate,InitialCategoryOfAbuse,LatestCategoryOfAbuse,NumberOfPreviousCPP]`
/// (any order, extra columns ignored). Malformed values throw csc::io::parse_error naming file, line and field.
/// @p keep names columns kept raw (for --by, --family).
inline cp_plan_input read_cp_plans(const std::string& path, const std::vector<std::string>& keep = {}) {
  csv_file file(path);
  csc::io::csv_reader& csv = file.csv();
  const std::size_t child_col = csv.require_column("LAchildID");
  const std::size_t start_col = csv.require_column("CPPstartDate");
  const auto end_col = csv.column("CPPendDate");
  const auto initial_col = csv.column("InitialCategoryOfAbuse");
  const auto latest_col = csv.column("LatestCategoryOfAbuse");
  const auto previous_col = csv.column("NumberOfPreviousCPP");
  std::vector<std::optional<std::size_t>> kept_cols;
  for (const std::string& name : keep) kept_cols.push_back(csv.column(name));

  cp_plan_input out;
  out.file = path;
  out.files = {path};
  out.has_previous_cpp_column = previous_col.has_value();
  for (const auto& c : kept_cols) out.has_kept.push_back(c.has_value());
  const auto category = [&](const std::optional<std::size_t>& col) {
    if (!col || csv.field(*col).empty()) return std::string();
    std::string code(csv.field(*col));
    if (!csc::io::is_category_of_abuse_code(code)) csv.fail(*col, "unknown category of abuse code '" + code + "'");
    return code;
  };
  while (csv.next()) {
    cp_plan_row row{child_field(csv, child_col), to_date(csv.date_field(start_col)),
                    end_col ? optional_date(csv, *end_col) : std::nullopt, category(initial_col),
                    category(latest_col), std::nullopt, csv.line(), {}, 0};
    if (previous_col && !csv.field(*previous_col).empty())
      row.previous_cpp = csv.whole_number_field(*previous_col, std::numeric_limits<int>::max(), "(DfE rule 8730)");
    row.kept = kept_fields(csv, kept_cols);
    out.rows.push_back(std::move(row));
  }
  out.blank_lines = csv.blank_lines();
  return out;
}

}  // namespace csc_report

#endif
