// csc-report --format xlsx: the report's tables (table_set.hpp) as one sheet each,
// written with libxlsxwriter (Debian libxlsxwriter-dev). Each sheet: a caption
// row, the header row (measures by their plain-language labels; frozen), the
// figures as numbers (counts as integers, percentages and rates to one decimal;
// "c" and published symbols as text), then the notes. Compiled only when
// CSC_REPORT_XLSX is defined (the CMake option of the same name), so that builds
// without libxlsxwriter (WebAssembly) leave it out.
#ifndef CSC_EXAMPLES_XLSX_WRITER_HPP
#define CSC_EXAMPLES_XLSX_WRITER_HPP

#include "table_set.hpp"

#ifdef CSC_REPORT_XLSX
#include <xlsxwriter.h>

#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#endif

#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace csc_report {

/// Whether this csc-report can write --format xlsx (built with libxlsxwriter).
inline constexpr bool xlsx_available =
#ifdef CSC_REPORT_XLSX
    true;
#else
    false;
#endif

#ifdef CSC_REPORT_XLSX
/// A sheet name from @p name: at most 31 characters, none of []:*?/\, unique in @p used.
inline std::string sheet_name(const std::string& name, std::vector<std::string>& used) {
  std::string base;
  for (const char ch : name) base += std::string("[]:*?/\\").find(ch) == std::string::npos ? ch : '_';
  base = base.substr(0, 31);
  std::string s = base;
  for (int k = 2; std::find(used.begin(), used.end(), s) != used.end(); ++k) {
    const std::string suffix = " " + std::to_string(k);
    s = base.substr(0, 31 - suffix.size()) + suffix;
  }
  used.push_back(s);
  return s;
}

/// Writes @p tables as an xlsx workbook to @p os (bytes); @p what names the output in errors.
inline void write_xlsx(std::ostream& os, const std::vector<named_table>& tables, const std::string& what) {
  namespace fs = std::filesystem;
  // libxlsxwriter writes a named file: a private temporary file, read back into @p os,
  // so that --output keeps its guarantee (replaced only when complete).
  std::string scratch = (fs::temp_directory_path() / "csc-report-XXXXXX.xlsx").string();
  const int fd = ::mkstemps(scratch.data(), 5);
  if (fd < 0) throw std::runtime_error(what + ": cannot create a temporary file for the workbook");
  ::close(fd);
  struct remove_scratch {
    std::string path;
    ~remove_scratch() { ::unlink(path.c_str()); }
  } cleanup{scratch};

  lxw_workbook* wb = workbook_new(scratch.c_str());
  if (!wb) throw std::runtime_error(what + ": cannot create the workbook");
  lxw_format* caption = workbook_add_format(wb);
  format_set_bold(caption);
  format_set_font_size(caption, 13);
  lxw_format* head = workbook_add_format(wb);
  format_set_bold(head);
  format_set_text_wrap(head);
  format_set_align(head, LXW_ALIGN_VERTICAL_BOTTOM);
  format_set_bg_color(head, 0xEEEEEE);
  format_set_bottom(head, LXW_BORDER_THIN);
  lxw_format* note = workbook_add_format(wb);
  format_set_italic(note);
  lxw_format* count = workbook_add_format(wb);
  format_set_num_format(count, "#,##0");
  lxw_format* one_decimal = workbook_add_format(wb);
  format_set_num_format(one_decimal, "#,##0.0");
  lxw_format* text_right = workbook_add_format(wb);
  format_set_align(text_right, LXW_ALIGN_RIGHT);

  std::vector<std::string> used;
  for (const named_table& t : tables) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, sheet_name(t.name, used).c_str());
    const grid& g = t.g;
    worksheet_write_string(ws, 0, 0, g.title.c_str(), caption);
    const lxw_row_t head_row = 2;
    std::vector<double> width(g.head.size(), 8);
    std::size_t head_lines = 1;
    for (std::size_t c = 0; c < g.head.size(); ++c) {
      const csc::measure_info* m = csc::find_measure(g.head[c]);
      const std::string text = m && !m->label.empty() ? std::string(m->label) : g.head[c];
      worksheet_write_string(ws, head_row, static_cast<lxw_col_t>(c), text.c_str(), head);
      if (c < g.text_columns) {
        width[c] = std::max(width[c], double(text.size()) + 2);
      } else {  // figures: a narrow column, its header wrapped
        width[c] = std::max(width[c], std::min(double(text.size()) + 2, 16.0));
        head_lines = std::max(head_lines, (text.size() + 13) / 14);
      }
    }
    for (std::size_t r = 0; r < g.lines.size(); ++r) {
      const auto row = static_cast<lxw_row_t>(head_row + 1 + r);
      for (std::size_t c = 0; c < g.lines[r].size(); ++c) {
        const std::string& cell = g.lines[r][c];
        const auto col = static_cast<lxw_col_t>(c);
        const int d = c < t.decimals.size() ? t.decimals[c] : -1;
        if (cell.empty()) continue;
        if (c >= g.text_columns && d >= 0 && number_decimals(cell) >= 0) {
          worksheet_write_number(ws, row, col, std::stod(cell), d == 0 ? count : one_decimal);
        } else {
          worksheet_write_string(ws, row, col, cell.c_str(), c >= g.text_columns && cell.size() <= 8 ? text_right : nullptr);
        }
        width[c] = std::max(width[c], std::min(double(cell.size()) + 2, 60.0));
      }
    }
    for (std::size_t c = 0; c < g.head.size(); ++c)
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width[c], nullptr);
    worksheet_set_row(ws, head_row, 15.0 * double(std::min<std::size_t>(head_lines, 6)), nullptr);
    worksheet_freeze_panes(ws, head_row + 1, static_cast<lxw_col_t>(g.text_columns));
    lxw_row_t row = static_cast<lxw_row_t>(head_row + 2 + g.lines.size());
    for (const std::string& n : t.notes) worksheet_write_string(ws, row++, 0, n.c_str(), note);
  }
  const lxw_error e = workbook_close(wb);
  if (e != LXW_NO_ERROR) throw std::runtime_error(what + ": cannot write the workbook: " + lxw_strerror(e));
  std::ifstream in(scratch, std::ios::binary);
  if (!in) throw std::runtime_error(what + ": cannot read back the workbook written to " + scratch);
  os << in.rdbuf();
}
#else
/// Without libxlsxwriter: --format xlsx is an error saying so.
inline void write_xlsx(std::ostream&, const std::vector<named_table>&, const std::string&) {
  throw std::runtime_error("--format xlsx: this csc-report was built without libxlsxwriter (CMake option "
                           "CSC_REPORT_XLSX); use --format csv, or build with libxlsxwriter-dev installed");
}
#endif

}  // namespace csc_report

#endif
