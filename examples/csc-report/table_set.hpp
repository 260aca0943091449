// csc-report's series report as a set of named tables (the series table, one
// comparison per measure, the data-quality summary), each with its caption and
// notes: what --format xlsx writes as sheets and --output-dir DIR as one CSV file
// per table. The cells are the CSV cells (plain numbers, "" when undefined, "c"
// when suppressed), so every format gives the same figures.
#ifndef CSC_EXAMPLES_TABLE_SET_HPP
#define CSC_EXAMPLES_TABLE_SET_HPP

#include "output.hpp"
#include "series_writers.hpp"

#include <csc/report/data_quality.hpp>

#include <filesystem>
#include <memory>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace csc_report {

/// One table of the report: a short name (the CSV file's and the sheet's), its grid
/// (title = caption), its notes, and the decimals of each figure column (-1: text).
struct named_table {
  std::string name;
  grid g;
  std::vector<std::string> notes;
  std::vector<int> decimals;
};

/// Decimals of a plain number's text ("21.5" 1, "19" 0), -1 when it is not one.
inline int number_decimals(const std::string& text) {
  if (text.empty()) return -1;
  std::size_t i = text[0] == '-' ? 1 : 0;
  if (i == text.size()) return -1;
  int decimals = -1;
  for (; i < text.size(); ++i) {
    if (text[i] == '.' && decimals < 0) decimals = 0;
    else if (text[i] >= '0' && text[i] <= '9') decimals += decimals >= 0;
    else return -1;
  }
  return decimals < 0 ? 0 : decimals;
}

/// Whether measure @p name is a percentage or a rate (shown to one decimal).
inline bool one_decimal_measure(const std::string& name) {
  const csc::measure_info* m = csc::find_measure(name);
  return m && (m->needs_population || (name.size() > 8 && name.compare(name.size() - 8, 8, "_percent") == 0));
}

/// Sets @p t.decimals: a percentage or rate column 1, else the most decimals of its figures (counts 0).
inline void set_decimals(named_table& t, const std::vector<bool>& one_decimal) {
  t.decimals.assign(t.g.head.size(), -1);
  for (std::size_t c = t.g.text_columns; c < t.g.head.size(); ++c) {
    int most = -1;
    for (const auto& line : t.g.lines)
      if (c < line.size()) most = std::max(most, number_decimals(line[c]));
    if (most >= 0 && c < one_decimal.size() && one_decimal[c]) most = 1;
    t.decimals[c] = most;
  }
}

/// The data-quality summary of every input as a grid (one line per input).
inline grid quality_grid(const std::vector<csc::input_quality>& inputs) {
  grid g;
  g.title = "Data quality of the inputs";
  g.text_columns = 2;
  g.head = {"input", "file", "records", "superseded", "excluded", "trimmed_ids", "empty_rows_skipped",
            "blank_lines_skipped", "findings", "columns_unused"};
  for (const csc::input_quality& q : inputs) {
    std::string findings, unused;
    for (const csc::rule_tally& r : q.findings)
      findings += (findings.empty() ? "" : "; ") + std::string(csc::to_string(r.rule)) + " " + std::to_string(r.findings) +
                  (r.not_counted ? " (" + std::to_string(r.not_counted) + " not counted)" : "");
    for (const std::string& c : q.unused_columns) unused += (unused.empty() ? "" : " ") + c;
    g.lines.push_back({q.input, q.name, std::to_string(q.records), std::to_string(q.superseded),
                       std::to_string(q.excluded), std::to_string(q.trimmed_ids), std::to_string(q.empty_rows),
                       std::to_string(q.blank_lines), findings, unused});
  }
  return g;
}

/// The series report as named tables: "series" (with its footnotes; captioned
/// @p title, the report's title), with --layout wide then "wide_MEASURE" for each
/// measure (periods as columns), "comparison_MEASURE" for each published
/// comparison, "data_quality".
inline std::vector<named_table> series_tables(const series_table& t, const series_options& o,
                                              const std::vector<csc::input_quality>& quality,
                                              const std::string& title) {
  std::vector<named_table> out;
  named_table s{"series", series_grid(t, o, ""), series_footnotes(t, o), {}};
  s.g.title = title;
  std::vector<bool> one(s.g.head.size());
  for (std::size_t c = 0; c < s.g.head.size(); ++c) one[c] = one_decimal_measure(s.g.head[c]);
  set_decimals(s, one);
  if (o.layout == "wide") {  // --layout wide: a table per measure, periods as columns, after the long table
    const std::vector<grid> wide = wide_grids(t, "");
    out.push_back(std::move(s));
    for (const grid& w : wide) {
      named_table m{"wide_" + w.title, w, {}, {}};
      m.g.title = csc::series_measure_label(*csc::find_measure(w.title), t.series.kind()) + " by period";
      std::vector<bool> one_w(m.g.head.size(), one_decimal_measure(w.title));
      for (std::size_t c = 0; c < m.g.text_columns && c < one_w.size(); ++c) one_w[c] = false;
      set_decimals(m, one_w);
      out.push_back(std::move(m));
    }
  } else {
    out.push_back(std::move(s));
  }
  for (const auto& c : t.published) {
    named_table cmp{"comparison_" + c.measure, comparison_grid(c, o, ""), {}, {}};
    std::vector<bool> one_c(cmp.g.head.size());
    for (std::size_t i = 1; i <= 5 && i < one_c.size(); ++i) one_c[i] = one_decimal_measure(c.measure);  // local .. SN mean
    set_decimals(cmp, one_c);
    out.push_back(std::move(cmp));
  }
  named_table q{"data_quality", quality_grid(quality), quality_sentences(quality), {}};
  set_decimals(q, {});
  out.push_back(std::move(q));
  return out;
}

/// --output-dir DIR: each table as DIR/NAME.csv (exactly its CSV grid), and
/// DIR/contents.csv listing each file with its caption and notes. DIR is created
/// when missing; each file is written as --output writes (a temporary file renamed
/// into place when complete), and a failure names the file.
inline void write_csv_tables(const std::string& dir, const std::vector<named_table>& tables) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec))  // the same words on every platform
    throw std::runtime_error(dir + ": cannot write: not a directory");
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir))
    throw std::runtime_error(dir + ": cannot write: " + (ec ? ec.message() : std::string("not a directory")));
  std::vector<std::unique_ptr<output>> files;
  const auto file = [&](const std::string& name) -> std::ostream& {
    files.push_back(std::make_unique<output>((fs::path(dir) / name).string()));
    return files.back()->stream();
  };
  std::ostream& contents = file("contents.csv");
  contents << "file,caption,notes\n";
  for (const named_table& t : tables) {
    std::string notes;
    for (const std::string& n : t.notes) notes += (notes.empty() ? "" : " ") + n;
    contents << csv_quote(t.name + ".csv") << ',' << csv_quote(t.g.title) << ',' << csv_quote(notes) << '\n';
    write_grid(file(t.name + ".csv"), t.g, "csv");
  }
  for (auto& f : files) f->commit();
}

}  // namespace csc_report

#endif
