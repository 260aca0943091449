/// @file
/// @brief Published comparisons: a local authority's figure of one measure
/// beside DfE's published figure for it, England, its region and the mean of
/// its statistical neighbours, with better / worse judged by the measure's
/// direction (lower or higher is better), and targets judged the same way
/// (docs/rules/benchmarks.md).
#ifndef CSC_REPORT_COMPARISON_HPP
#define CSC_REPORT_COMPARISON_HPP

#include <csc/io/dfe_statistics.hpp>
#include <csc/report/period_label.hpp>
#include <csc/report/suppression.hpp>

#include <cmath>
#include <cstddef>
#include <functional>
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
  not_comparable, ///< One of the two figures is absent (not published, a DfE symbol).
  higher,         ///< Above the reference, for a measure with no better direction (a count, a rate).
  lower           ///< Below the reference, for a measure with no better direction.
};

/// @brief The verdict as csc-report prints it: "better", "worse", "same",
/// "higher", "lower", or "-" when not comparable. Source: docs/rules/benchmarks.md.
/// @param v the verdict.
/// @return its text.
constexpr std::string_view to_string(comparison_verdict v) noexcept {
  switch (v) {
    case comparison_verdict::better: return "better";
    case comparison_verdict::worse: return "worse";
    case comparison_verdict::same: return "same";
    case comparison_verdict::not_comparable: return "-";
    case comparison_verdict::higher: return "higher";
    case comparison_verdict::lower: return "lower";
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

/// @brief Compares @p figure with @p reference for a measure with no better
/// direction (a count, a rate per 10,000): higher, lower or same.
/// Source: docs/rules/benchmarks.md (polarity).
/// @param figure    the figure judged (the local figure).
/// @param reference the figure it is set against.
/// @return higher, lower or same; not_comparable when either is absent.
constexpr comparison_verdict compare_levels(const std::optional<double>& figure,
                                            const std::optional<double>& reference) noexcept {
  if (!figure || !reference) return comparison_verdict::not_comparable;
  if (*figure == *reference) return comparison_verdict::same;
  return *figure < *reference ? comparison_verdict::lower : comparison_verdict::higher;
}

/// @brief The value of @p f as it is shown (its text: a count's digits, or one
/// decimal place rounded half away from zero), so that a verdict agrees with
/// the figures a reader sees: 21.46 shows as "21.5" and is the same as a
/// published 21.5. Source: docs/rules/benchmarks.md (the local figure).
/// @param f the figure.
/// @return the shown value; std::nullopt when undefined or suppressed.
inline std::optional<double> shown_value(const figure& f) {
  if (!f.value || f.suppressed || f.text.empty()) return std::nullopt;
  return std::stod(f.text);
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

/// @brief The figures of one measure for one LA and one financial year: the
/// local figure of the part of that year inside the range, and the published
/// figures of that year, or of the latest published year before it when that
/// year is not published (an in-year period). Source: docs/rules/benchmarks.md.
struct published_comparison_line {
  int year = 0;                   ///< Year ending 31 March of the published figures (2016 is 2015-16; csc::year_ending_label).
  figure local;                   ///< The figure computed from the inputs for local_label (the caller's).
  io::published_value la;         ///< The LA's published figure (DfE's, or computed from its published counts).
  io::published_value england;    ///< England's published figure.
  io::published_value region;     ///< The published figure of the LA's region that year.
  figure sn_mean;                 ///< Mean of the statistical neighbours' published figures (undefined if none).
  std::size_t sn_count = 0;       ///< How many neighbours have a published figure that year.
  std::string local_label;        ///< The local figure's period: "2015-16", or "2022-23 to 2022-08-31" for a part year.
  bool partial = false;           ///< The local period is part of its financial year (cut by the range).
  int local_year = 0;             ///< Year ending 31 March of the local period (differs from year for an in-year period).
  /// The local figure lacks history it needs, or the data does not reach the period
  /// (docs/rules/completeness.md): shown marked `*` and never judged.
  bool history_incomplete = false;
};

/// @brief The published comparison of one measure: its direction and one line per year.
/// Source: docs/rules/benchmarks.md.
struct published_comparison {
  std::string measure;                            ///< The measure (the published table's column name).
  bool lower_is_better = true;                    ///< The measure's direction (when judged).
  std::vector<published_comparison_line> lines;   ///< One per year, ascending.
  std::string label;                              ///< Plain-language label of the measure (human formats).
  /// Whether the measure has a better direction (percentages): else (counts,
  /// rates) the verdict is only higher / lower / same.
  bool judged = true;
  /// Whether the figure is a count or a rate, whose size follows the period's
  /// length: a part year's is not set against a whole year's (no verdict).
  bool per_period = false;
  /// Whether the published figures are computed from DfE's published counts
  /// and ONS populations (rates per 10,000) rather than read from a column.
  bool computed = false;

  /// @brief The verdict of the local figure of @p line against @p reference:
  /// by this measure's direction (compare_figures) when judged, else higher /
  /// lower / same (compare_levels); not comparable for a count or rate
  /// (per_period) of a part year, whose figure is not on the scale of a whole year, or for a
  /// local figure whose history is incomplete (an under-count). The local figure is taken as
  /// shown (shown_value()): a suppressed one is not judged either.
  /// @param line      one of lines.
  /// @param reference the reference figure (e.g. line.england.value).
  /// @return the verdict.
  comparison_verdict verdict(const published_comparison_line& line, const std::optional<double>& reference) const {
    if ((per_period && line.partial) || line.history_incomplete) return comparison_verdict::not_comparable;
    const std::optional<double> local = shown_value(line.local);
    return judged ? compare_figures(local, reference, lower_is_better) : compare_levels(local, reference);
  }
  /// @brief The local figure against England's for @p line ("vs England").
  /// Never the LA's published figure: that is shown beside, not judged.
  /// @param line one of lines.
  /// @return the verdict (verdict()).
  comparison_verdict versus_england(const published_comparison_line& line) const {
    return verdict(line, line.england.value);
  }
  /// @brief The local figure against the LA's region for @p line ("vs region").
  /// @param line one of lines.
  /// @return the verdict (verdict()).
  comparison_verdict versus_region(const published_comparison_line& line) const {
    return verdict(line, line.region.value);
  }
  /// @brief The local figure against the statistical-neighbour mean as shown ("vs SN mean").
  /// @param line one of lines.
  /// @return the verdict (verdict()).
  comparison_verdict versus_sn_mean(const published_comparison_line& line) const {
    return verdict(line, shown_value(line.sn_mean));
  }
};

/// @brief How a measure's figure is read from a row of a published table: a
/// value column as published, or a rate computed from published counts
/// (rate_from_counts()). Source: docs/rules/benchmarks.md.
using published_figure_of = std::function<io::published_value(const io::published_row&)>;

/// @brief Reads value column @p column of a row as published.
/// @param table  the table.
/// @param column the value column, e.g. "rereferral_percent".
/// @return the reader.
/// @throws std::runtime_error "published table has no column COLUMN".
inline published_figure_of published_column(const io::published_table& table, const std::string& column) {
  const auto col = table.column(column);
  if (!col) throw std::runtime_error("published table has no column " + column);
  return [c = *col](const io::published_row& r) { return r.values[c]; };
}

/// @brief A rate per 10,000 children computed from published count column
/// @p count_column and the ONS estimate of the same geography: a row of year
/// Y (ending 31 March Y) uses the mid-year Y-1 estimate (DfE's rule,
/// csc::population_mid_year), from the England, regional or LA row of
/// @p ons. The text is rounded to one decimal place, half away from zero,
/// from the counts. A count that is a DfE symbol, or no estimate, gives no value.
/// Source: docs/rules/rates.md, docs/rules/benchmarks.md.
/// @param table        the table with the count (e.g. c1).
/// @param count_column e.g. "referral_count".
/// @param ons          the ONS table (column population_estimate), kept by reference.
/// @return the reader.
/// @throws std::runtime_error for a missing count or population_estimate column.
inline published_figure_of rate_from_counts(const io::published_table& table, const std::string& count_column,
                                            const io::published_table& ons) {
  const published_figure_of count = published_column(table, count_column);
  const published_figure_of population = published_column(ons, "population_estimate");
  return [count, population, &ons](const io::published_row& r) -> io::published_value {
    const int mid_year = r.time_period - 1;
    const io::published_row* p = r.level == io::geographic_level::national   ? ons.england(mid_year)
                                 : r.level == io::geographic_level::regional ? ons.region(mid_year, r.region_code)
                                                                             : ons.local_authority(mid_year, r.la_number);
    const io::published_value n = count(r);
    if (!p || !n.value || *n.value < 0) return {};
    const std::optional<double> children = population(*p).value;
    if (!children || *children < 0.5) return {};
    const auto whole = static_cast<unsigned long long>(std::llround(*children));
    const auto part = static_cast<unsigned long long>(std::llround(*n.value));
    const figure f = ratio_figure(part, whole, 10000, false);
    return {f.value, f.text};
  };
}

/// @brief The statistical-neighbour mean of one year: the mean and how
/// many neighbours it is of. Source: docs/rules/benchmarks.md (SN mean, SN n).
struct neighbour_mean {
  figure mean;             ///< The mean; undefined when no neighbour has a figure.
  std::size_t count = 0;   ///< The neighbours with a published figure that year.
};

/// @brief The mean of the statistical neighbours' figures read by @p of in
/// year @p year: each figure is taken to four decimal places (published
/// figures have at most two, so they are summed exactly) and the mean's text
/// rounded half away from zero to one decimal place (16.25 shows as "16.3").
/// Neighbours without a figure that year (absent, or a DfE symbol) are left
/// out. Never suppressed. Source: docs/rules/benchmarks.md (SN mean);
/// docs/rules/rates.md (rounding).
/// @param table      the published table.
/// @param of         how a row's figure is read (published_column(), rate_from_counts()).
/// @param neighbours the LA's statistical neighbours.
/// @param year       the year ending 31 March.
/// @return the mean and the number of neighbours with a figure.
inline neighbour_mean statistical_neighbour_mean(const io::published_table& table, const published_figure_of& of,
                                                 const io::statistical_neighbours& neighbours, int year) {
  unsigned long long ten_thousandths = 0;
  std::size_t count = 0;
  for (int n : neighbours.neighbours) {
    const io::published_row* r = table.local_authority(year, n);
    if (!r) continue;
    const io::published_value v = of(*r);
    if (v.value && *v.value >= 0) {
      ten_thousandths += static_cast<unsigned long long>(std::llround(*v.value * 10000.0));
      ++count;
    }
  }
  return neighbour_mean{ratio_figure(ten_thousandths, 10000ULL * count, 1, false), count};
}

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
  return statistical_neighbour_mean(
      table, [column](const io::published_row& r) { return r.values[column]; }, neighbours, year);
}

/// @brief One local period of a published comparison: the financial year
/// (ending 31 March) it lies in, its label, and whether it is part of that year.
/// Source: docs/rules/benchmarks.md (part years).
struct published_year {
  int year = 0;          ///< Year ending 31 March, e.g. 2023 for 2022-23.
  std::string label;     ///< "2022-23", or "2022-23 to 2022-08-31" for a part year.
  bool partial = false;  ///< Part of the financial year only.
};

/// @brief The published comparison of the figure @p of reads, for LA @p la,
/// one line per local period of @p years: the LA's, England's and the LA's
/// region's published figures and the statistical-neighbour mean
/// (statistical_neighbour_mean()) of the period's year, or, when @p table
/// has no row for that year, of the latest year before it that it has (an
/// in-year period is set against the latest published full year; the line's
/// `year` says which). The local figures are left undefined for the caller.
/// Source: docs/rules/benchmarks.md.
/// @param table           the published table (e.g. DfE c1 or d3).
/// @param of              how a row's figure is read.
/// @param neighbours      the statistical neighbour groupings, by LA number.
/// @param la              the old LA number, e.g. 335.
/// @param years           the local periods, ascending.
/// @param lower_is_better the measure's direction.
/// @return the comparison (measure and label empty for the caller), one line per period.
inline published_comparison compare_published(const io::published_table& table, const published_figure_of& of,
                                              const std::map<int, io::statistical_neighbours>& neighbours, int la,
                                              const std::vector<published_year>& years, bool lower_is_better) {
  const auto sn = neighbours.find(la);
  const std::vector<int> published = table.years();
  published_comparison out;
  out.lower_is_better = lower_is_better;
  for (const published_year& py : years) {
    published_comparison_line l;
    l.local_year = py.year;
    l.local_label = py.label;
    l.partial = py.partial;
    const auto after = std::upper_bound(published.begin(), published.end(), py.year);
    l.year = after == published.begin() ? 0 : *(after - 1);
    if (l.year != 0) {
      if (const io::published_row* row = table.local_authority(l.year, la)) {
        l.la = of(*row);
        if (const io::published_row* reg = table.region(l.year, row->region_code)) l.region = of(*reg);
      }
      if (const io::published_row* e = table.england(l.year)) l.england = of(*e);
      if (sn != neighbours.end()) {
        neighbour_mean m = statistical_neighbour_mean(table, of, sn->second, l.year);
        l.sn_mean = std::move(m.mean);
        l.sn_count = m.count;
      }
    }
    out.lines.push_back(std::move(l));
  }
  return out;
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
  const published_figure_of of = published_column(table, column);
  std::vector<published_year> years;
  for (int y : table.years())
    if (y >= first_year && y <= last_year) years.push_back(published_year{y, year_ending_label(y), false});
  published_comparison out = compare_published(table, of, neighbours, la, years, lower_is_better);
  out.measure = column;
  return out;
}

}  // namespace csc

#endif  // CSC_REPORT_COMPARISON_HPP
