/// @file
/// @brief Readers for DfE's published open data: the statistics CSV files of
/// "Characteristics of children in need" (one row per year and geography,
/// e.g. c1_..., d3_..., ONS population) and the statistical neighbour
/// groupings (docs/rules/benchmarks.md).
#ifndef CSC_IO_DFE_STATISTICS_HPP
#define CSC_IO_DFE_STATISTICS_HPP

#include <csc/io/csv.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <istream>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace csc::io {

/// @brief One published figure: a number, or DfE's symbol for why there is none.
struct published_value {
  std::optional<double> value;  ///< The figure, when published.
  /// The field exactly as published: the number's own digits ("17.9", shown
  /// as DfE rounded it), or, when there is no value, the symbol: "c"
  /// (suppressed), "x" (not available), ":" (not available, DfE's older
  /// symbol, read like "x"), "z" (not applicable), "u" (low reliability),
  /// "low" (rounds to 0).
  std::string text;
};

/// @brief The geographic levels of DfE's open data (column `geographic_level`).
enum class geographic_level {
  national,        ///< England: "National".
  regional,        ///< A region: "Regional".
  local_authority  ///< A local authority: "Local authority".
};

/// @brief One row of a published table: a year and a geography, with the
/// figures of every value column.
struct published_row {
  int time_period = 0;              ///< Year ending 31 March (2025 = 2024-25).
  geographic_level level = geographic_level::national;  ///< National, Regional or Local authority.
  std::string region_code;          ///< e.g. "E12000005" (empty for England).
  std::string region_name;          ///< e.g. "West Midlands".
  int la_number = 0;                ///< Old LA code, e.g. 335 (0 unless a local authority).
  std::string la_name;              ///< e.g. "Walsall".
  std::string new_la_code;          ///< The ONS code, e.g. "E08000030" (empty unless a local authority, or without that column).
  std::vector<published_value> values;  ///< One per value column of the table.
  std::size_t line = 0;             ///< Line in the file, for messages.
};

/// @brief A DfE open-data CSV table: rows by year and geography, value
/// columns by name (e.g. tables C1 and D3; docs/rules/benchmarks.md).
class published_table {
 public:
  /// @brief The value column names, in file order (every column after the geography ones).
  /// @return the names, e.g. "CPP_subsequent_percent"; name i labels published_row::values[i].
  const std::vector<std::string>& value_columns() const noexcept { return columns_; }
  /// @brief Every row, in file order.
  /// @return the rows.
  const std::vector<published_row>& rows() const noexcept { return rows_; }
  /// @brief Index of value column @p name, or nullopt.
  /// @param name a value column name, matched exactly, e.g. "CPP_subsequent_percent".
  /// @return its index into published_row::values, or std::nullopt if there is no such value column.
  std::optional<std::size_t> column(std::string_view name) const {
    const auto it = std::find(columns_.begin(), columns_.end(), name);
    if (it == columns_.end()) return std::nullopt;
    return static_cast<std::size_t>(it - columns_.begin());
  }
  /// @brief The England row of @p year, or nullptr.
  /// @param year the time_period: the year ending 31 March (2025 = 2024-25).
  /// @return the row, owned by this table; nullptr if there is none.
  const published_row* england(int year) const { return find(year, geographic_level::national, {}, 0); }
  /// @brief The row of region @p region_code in @p year, or nullptr.
  /// @param year        the time_period: the year ending 31 March.
  /// @param region_code the region's code, e.g. "E12000005" (West Midlands), matched exactly.
  /// @return the row, owned by this table; nullptr if there is none.
  const published_row* region(int year, std::string_view region_code) const {
    return find(year, geographic_level::regional, region_code, 0);
  }
  /// @brief The row of local authority number @p la in @p year, or nullptr.
  /// @param year the time_period: the year ending 31 March.
  /// @param la   the old LA code, e.g. 335 (Walsall).
  /// @return the row, owned by this table; nullptr if there is none.
  const published_row* local_authority(int year, int la) const {
    return find(year, geographic_level::local_authority, {}, la);
  }
  /// @brief The distinct years, ascending.
  /// @return each time_period (year ending 31 March) that has a row, once.
  std::vector<int> years() const {
    std::vector<int> out;
    for (const published_row& r : rows_) out.push_back(r.time_period);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  /// @brief Reads a DfE open-data CSV. Required columns: time_period,
  /// geographic_level, region_code, region_name, old_la_code, la_name
  /// (new_la_code, the ONS code, is read when present); every
  /// column after `category` (or `age_group`), or after la_name when neither
  /// is present, is a value column. Rules: docs/rules/benchmarks.md.
  /// @param in     the stream, read from its current position (the header line).
  /// @param source the input's name in error messages, e.g. the file path.
  /// @return the table: every row and value column, in file order.
  /// @throws parse_error naming the line and, where there is one, the column,
  /// for a missing required column, an unknown geographic level, a year (or,
  /// on a local authority row, an LA code) that is not a whole number up to
  /// 9999, a value that is neither a number nor a DfE symbol, a second row for
  /// the same year and geography, or any CSV error of csv_reader (field count,
  /// quoting).
  static published_table read(std::istream& in, const std::string& source) {
    csv_reader csv(in, source);
    const std::size_t c_year = csv.require_column("time_period");
    const std::size_t c_level = csv.require_column("geographic_level");
    const std::size_t c_region = csv.require_column("region_code");
    const std::size_t c_region_name = csv.require_column("region_name");
    const std::size_t c_la = csv.require_column("old_la_code");
    const std::size_t c_la_name = csv.require_column("la_name");
    const std::optional<std::size_t> c_new_la = csv.column("new_la_code");
    std::size_t first_value = c_la_name + 1;
    for (const char* last_key : {"category", "age_group"})
      if (const auto c = csv.column(last_key)) first_value = std::max(first_value, *c + 1);
    published_table t;
    for (std::size_t c = first_value; c < csv.header().size(); ++c) t.columns_.push_back(csv.header()[c]);
    while (csv.next()) {
      published_row r;
      r.line = csv.line();
      r.time_period = csv.whole_number_field(c_year, 9999);
      const std::string_view level = csv.field(c_level);
      if (level == "National") r.level = geographic_level::national;
      else if (level == "Regional") r.level = geographic_level::regional;
      else if (level == "Local authority") r.level = geographic_level::local_authority;
      else throw parse_error(source, csv.line(), "geographic_level", "unknown level " + quoted_value(level));
      r.region_code = std::string(csv.field(c_region));
      r.region_name = std::string(csv.field(c_region_name));
      if (r.level == geographic_level::local_authority) r.la_number = csv.whole_number_field(c_la, 9999);
      r.la_name = std::string(csv.field(c_la_name));
      if (c_new_la && r.level == geographic_level::local_authority) r.new_la_code = std::string(csv.field(*c_new_la));
      for (std::size_t c = first_value; c < csv.header().size(); ++c) r.values.push_back(value(csv, c));
      const key_type key(r.time_period, r.level,
                         r.level == geographic_level::regional ? r.region_code : std::string(), r.la_number);
      if (!t.index_.emplace(key, t.rows_.size()).second)
        throw parse_error(source, csv.line(), "time_period",
                          "a second row for " + std::to_string(r.time_period) + " and this geography");
      t.rows_.push_back(std::move(r));
    }
    return t;
  }

 private:
  using key_type = std::tuple<int, geographic_level, std::string, int>;

  // Regional rows are keyed by region code, LA rows by LA number, England by neither.
  const published_row* find(int year, geographic_level level, std::string_view region, int la) const {
    const auto it = index_.find(key_type(year, level, std::string(region), la));
    return it == index_.end() ? nullptr : &rows_[it->second];
  }

  static published_value value(const csv_reader& csv, std::size_t c) {
    const std::string_view f = csv.field(c);
    for (const char* symbol : {"c", "x", ":", "z", "u", "low"})
      if (f == symbol) return {std::nullopt, std::string(f)};
    // A plain decimal: digits with at most one '.', optionally negative.
    bool digit = false, point = false, ok = !f.empty();
    for (std::size_t i = 0; ok && i < f.size(); ++i) {
      if (f[i] >= '0' && f[i] <= '9') digit = true;
      else if (f[i] == '.' && !point) point = true;
      else if (!(f[i] == '-' && i == 0)) ok = false;
    }
    if (!ok || !digit)
      throw parse_error(csv.source(), csv.line(), csv.header()[c],
                        "expected a number or a DfE symbol (c, x, :, z, u, low), got " + quoted_value(f));
    return {std::stod(std::string(f)), std::string(f)};
  }

  std::vector<std::string> columns_;
  std::vector<published_row> rows_;
  std::map<key_type, std::size_t> index_;
};

/// @brief One local authority's statistical neighbours (DfE groupings).
struct statistical_neighbours {
  int la_number = 0;                 ///< e.g. 335.
  std::string la_name;               ///< e.g. "Walsall".
  std::string region_name;           ///< e.g. "West Midlands".
  std::vector<int> neighbours;       ///< The ten neighbours' LA numbers, closest first.
  bool superseded = false;           ///< Listed under "Old SNs:" (an LA before local government reorganisation).
};

/// @brief Reads DfE's statistical neighbour groupings CSV (columns by
/// position: LA number, LA name, LA number, region index, region name, then
/// SN1, closeness, ..., SN10, closeness). Keyed by LA number. A row of empty
/// fields is a separator; the row whose second field is "Old SNs:" starts
/// the superseded groupings (LAs before reorganisation), read with
/// `superseded` set. Rules: docs/rules/benchmarks.md.
/// @param in     the stream, read from its current position (the header line;
///               its names are not used, repeats allowed).
/// @param source the input's name in error messages, e.g. the file path.
/// @return each LA's grouping keyed by its LA number, current and superseded
///         groupings in the one map.
/// @throws parse_error naming the line and, where there is one, the column,
/// for a header of fewer than 25 columns, an LA number or neighbour that is
/// not a whole number up to 9999 (an empty neighbour field: fewer than ten
/// neighbours), an LA number listed twice (also once current and once
/// superseded), or any CSV error of csv_reader (field count, quoting).
inline std::map<int, statistical_neighbours> read_statistical_neighbours(std::istream& in, const std::string& source) {
  csv_reader csv(in, source, csv_reader::header_names::positional);
  if (csv.header().size() < 25)
    throw parse_error(source, 1, "", "expected at least 25 columns (LA, name, region, 10 x neighbour and closeness)");
  std::map<int, statistical_neighbours> out;
  bool superseded = false;
  while (csv.next()) {
    if (csv.field(0).empty()) {
      bool separator = true;
      for (std::size_t i = 0; i < csv.header().size(); ++i) separator = separator && csv.field(i).empty();
      if (separator) continue;
      if (csv.field(1) == "Old SNs:") {
        superseded = true;
        continue;
      }
    }
    statistical_neighbours sn;
    sn.superseded = superseded;
    sn.la_number = csv.whole_number_field(0, 9999);
    sn.la_name = std::string(csv.field(1));
    sn.region_name = std::string(csv.field(4));
    for (std::size_t k = 0; k < 10; ++k) sn.neighbours.push_back(csv.whole_number_field(5 + 2 * k, 9999));
    if (!out.emplace(sn.la_number, sn).second)
      throw parse_error(source, csv.line(), csv.header()[0], "LA " + std::to_string(sn.la_number) + " listed twice");
  }
  return out;
}

}  // namespace csc::io

#endif  // CSC_IO_DFE_STATISTICS_HPP
