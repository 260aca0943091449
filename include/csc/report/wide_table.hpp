/// @file
/// @brief `csc::wide_tables`: a series table (csc/report/series_table.hpp) in
/// the wide layout, one table per measure with the groups as rows and the
/// periods as columns (csc-report `--layout wide`; a spreadsheet writer's
/// input as much as a text writer's). Source: docs/rules/breakdowns.md
/// ("Layouts").
#ifndef CSC_REPORT_WIDE_TABLE_HPP
#define CSC_REPORT_WIDE_TABLE_HPP

#include <csc/report/series_table.hpp>
#include <csc/report/suppression.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace csc {

/// @brief One line of a wide table: a group and its figure in each period.
/// Source: docs/rules/breakdowns.md ("Layouts").
struct wide_line {
  std::string group;               ///< series_row::group ("" for all records).
  std::vector<std::string> keys;   ///< series_row::keys: one per breakdown key, "" for all.
  std::vector<figure> cells;       ///< One per period, in period order (undefined when the group has none).
};

/// @brief One measure of a series table with periods as columns.
/// Source: docs/rules/breakdowns.md ("Layouts").
struct wide_table {
  std::string measure;                ///< The measure's name (csc::series_measures).
  std::vector<std::string> by;        ///< The breakdown keys (series_table::by); empty without a breakdown.
  std::vector<std::string> periods;   ///< The period labels, one per column.
  std::vector<std::size_t> period_index;  ///< The series index of each column (for completeness marks).
  std::vector<wide_line> lines;       ///< One per group, in the series table's group order.
};

/// @brief The wide layout of @p t: one table per column of @p t (measure
/// order), one line per group (all records first), one cell per period.
/// The figures are @p t's, suppression included. Source: docs/rules/breakdowns.md ("Layouts").
/// @tparam D the series' date type.
/// @param t a series table.
/// @return one wide table per measure of @p t.
template <class D>
std::vector<wide_table> wide_tables(const series_table<D>& t) {
  std::vector<wide_table> out;
  for (const std::string& m : t.columns) {
    wide_table w;
    w.measure = m;
    w.by = t.by;
    for (std::size_t p = 0; p < t.series.size(); ++p) {
      w.periods.push_back(t.series[p].label);
      w.period_index.push_back(p);
    }
    for (const series_row& r : t.rows) {
      if (w.lines.empty() || w.lines.back().group != r.group || w.lines.back().keys != r.keys)
        w.lines.push_back(wide_line{r.group, r.keys, std::vector<figure>(t.series.size())});
      w.lines.back().cells.at(r.period) = r.at(m);
    }
    out.push_back(std::move(w));
  }
  return out;
}

}  // namespace csc

#endif  // CSC_REPORT_WIDE_TABLE_HPP
