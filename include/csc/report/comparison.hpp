/// @file
/// @brief Published comparisons: a local authority's figure of one measure
/// beside DfE's published figure for it, England, its region and the mean of
/// its statistical neighbours, with better / worse judged by the measure's
/// direction (lower or higher is better), and targets judged the same way
/// (docs/rules/benchmarks.md).
#ifndef CSC_REPORT_COMPARISON_HPP
#define CSC_REPORT_COMPARISON_HPP

#include <csc/io/dfe_statistics.hpp>
#include <csc/report/suppression.hpp>

#include <cmath>
#include <cstddef>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace csc {

/// @brief How a figure compares with a reference figure, for the measure's
/// direction. Source: docs/rules/benchmarks.md (polarity).
enum class comparison_verdict {
  better,         ///< On the good side of the reference.
  worse,          ///< On the bad side of the reference.
  same,           ///< Equal to the reference.
  not_comparable  ///< One of the two figures is absent (not published, a DfE symbol).
};

/// @brief The verdict as csc-report prints it: "better", "worse", "same", or
/// "-" when not comparable. Source: docs/rules/benchmarks.md.
/// @param v the verdict.
/// @return its text.
constexpr std::string_view to_string(comparison_verdict v) noexcept {
  switch (v) {
    case comparison_verdict::better: return "better";
    case comparison_verdict::worse: return "worse";
    case comparison_verdict::same: return "same";
    case comparison_verdict::not_comparable: return "-";
  }
  return "-";
}

/// @brief "lower is better" or "higher is better", for titles and notes.
/// Source: docs/rules/benchmarks.md (polarity).
/// @param lower_is_better the measure's direction.
/// @return the phrase.
constexpr std::string_view direction_text(bool lower_is_better) noexcept {
  return lower_is_better ? "lower is better" : "higher is better";
}

/// @brief Compares @p figure with @p reference for a measure whose direction
/// is @p lower_is_better. Source: docs/rules/benchmarks.md (polarity).
/// @param figure          the figure judged (e.g. the LA's published figure).
/// @param reference       the figure it is judged against (e.g. England's).
/// @param lower_is_better true when a lower figure is better (re-referrals,
///                        repeat plans), false when a higher one is.
/// @return better, worse or same; not_comparable when either is absent.
constexpr comparison_verdict compare_figures(const std::optional<double>& figure,
                                             const std::optional<double>& reference,
                                             bool lower_is_better) noexcept {
  if (!figure || !reference) return comparison_verdict::not_comparable;
  if (*figure == *reference) return comparison_verdict::same;
  return (*figure < *reference) == lower_is_better ? comparison_verdict::better : comparison_verdict::worse;
}

/// @brief Whether @p value meets @p target: at most the target when lower
/// is better, at least the target when higher is better (the target itself
/// is met). Source: docs/rules/benchmarks.md (targets).
/// @param value           the figure.
/// @param target          the target figure.
/// @param lower_is_better the measure's direction.
/// @return true when the target is met.
constexpr bool meets_target(double value, double target, bool lower_is_better) noexcept {
  return lower_is_better ? value <= target : value >= target;
}

/// @brief The figures of one measure for one LA and one year ending 31 March.
/// Source: docs/rules/benchmarks.md.
struct published_comparison_line {
  int year = 0;                   ///< Year ending 31 March (2016 is 2015-16; csc::year_ending_label).
  figure local;                   ///< The figure computed from the inputs for that financial year (the caller's).
  io::published_value la;         ///< The LA's published figure.
  io::published_value england;    ///< England's published figure.
  io::published_value region;     ///< The published figure of the LA's region that year.
  figure sn_mean;                 ///< Mean of the statistical neighbours' published figures (undefined if none).
  std::size_t sn_count = 0;       ///< How many neighbours have a published figure that year.
};

/// @brief The published comparison of one measure: its direction and one line per year.
/// Source: docs/rules/benchmarks.md.
struct published_comparison {
  std::string measure;                            ///< The measure (the published table's column name).
  bool lower_is_better = true;                    ///< The measure's direction.
  std::vector<published_comparison_line> lines;   ///< One per published year, ascending.

  /// @brief The LA's published figure against England's for @p line, by this
  /// measure's direction ("vs England").
  /// @param line one of lines.
  /// @return the verdict; not_comparable without both figures.
  comparison_verdict versus_england(const published_comparison_line& line) const noexcept {
    return compare_figures(line.la.value, line.england.value, lower_is_better);
  }
};

/// @brief The statistical-neighbour mean of one year: the mean and how
/// many neighbours it is of. Source: docs/rules/benchmarks.md (SN mean, SN n).
struct neighbour_mean {
  figure mean;             ///< The mean; undefined when no neighbour has a figure.
  std::size_t count = 0;   ///< The neighbours with a published figure that year.
};

/// @brief The mean of the statistical neighbours' published figures of
/// column @p column in year @p year, computed exactly: published figures
/// have at most two decimal places, so they are summed in hundredths and the
/// text rounded half away from zero to one decimal place (16.25 shows as
/// "16.3"). Neighbours without a figure that year (absent, or a DfE symbol)
/// are left out. Never suppressed.
/// Source: docs/rules/benchmarks.md (SN mean); docs/rules/rates.md (rounding).
/// @param table      the published table.
/// @param column     the index of the value column (csc::io::published_table::column).
/// @param neighbours the LA's statistical neighbours.
/// @param year       the year ending 31 March.
/// @return the mean and the number of neighbours with a figure.
inline neighbour_mean statistical_neighbour_mean(const io::published_table& table, std::size_t column,
                                                 const io::statistical_neighbours& neighbours, int year) {
  unsigned long long hundredths = 0;
  std::size_t count = 0;
  for (int n : neighbours.neighbours) {
    const io::published_row* r = table.local_authority(year, n);
    if (r && r->values[column].value) {
      hundredths += static_cast<unsigned long long>(std::llround(*r->values[column].value * 100.0));
      ++count;
    }
  }
  return neighbour_mean{ratio_figure(hundredths, 100ULL * count, 1, false), count};
}

/// @brief The published comparison of column @p column for LA @p la, one
/// line per year of @p table from @p first_year to @p last_year (years
/// ending 31 March, both included): the LA's, England's and the LA's
/// region's published figures, and the statistical-neighbour mean
/// (statistical_neighbour_mean(); undefined with count 0 when @p la has no
/// entry in @p neighbours). The local figures are left undefined for the
/// caller to fill in. Source: docs/rules/benchmarks.md.
/// @param table           the published table (e.g. DfE c1 or d3).
/// @param column          the value column compared (e.g. "rereferral_percent").
/// @param neighbours      the statistical neighbour groupings, by LA number.
/// @param la              the old LA number, e.g. 335.
/// @param first_year      the first year ending 31 March compared.
/// @param last_year       the last year ending 31 March compared.
/// @param lower_is_better the measure's direction.
/// @return the comparison, its lines in ascending year.
/// @throws std::runtime_error "published table has no column COLUMN" when
/// @p table has no such column.
inline published_comparison compare_published(const io::published_table& table, const std::string& column,
                                              const std::map<int, io::statistical_neighbours>& neighbours, int la,
                                              int first_year, int last_year, bool lower_is_better) {
  const auto col = table.column(column);
  if (!col) throw std::runtime_error("published table has no column " + column);
  const auto sn = neighbours.find(la);
  published_comparison out{column, lower_is_better, {}};
  for (int y : table.years()) {
    if (y < first_year || y > last_year) continue;
    published_comparison_line l;
    l.year = y;
    if (const io::published_row* row = table.local_authority(y, la)) {
      l.la = row->values[*col];
      if (const io::published_row* reg = table.region(y, row->region_code)) l.region = reg->values[*col];
    }
    if (const io::published_row* e = table.england(y)) l.england = e->values[*col];
    if (sn != neighbours.end()) {
      neighbour_mean m = statistical_neighbour_mean(table, *col, sn->second, y);
      l.sn_mean = std::move(m.mean);
      l.sn_count = m.count;
    }
    out.lines.push_back(std::move(l));
  }
  return out;
}

}  // namespace csc

#endif  // CSC_REPORT_COMPARISON_HPP
