/// @file
/// @brief `csc::population_estimates`: the ONS mid-year (30 June) estimates
/// of children aged 0-17 per local authority and year, and DfE's rule for
/// which estimate a rate per 10,000 uses: the year ending 31 March Y (the
/// financial year starting 1 April Y-1) uses the mid-year Y-1 estimate
/// (docs/rules/rates.md).
#ifndef CSC_REPORT_POPULATION_HPP
#define CSC_REPORT_POPULATION_HPP

#include <csc/io/dfe_statistics.hpp>

#include <cmath>
#include <cstddef>
#include <istream>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>

namespace csc {

/// @brief The ONS mid-year whose estimate applies to the financial year
/// starting 1 April @p start_year (DfE's year ending 31 March @p start_year
/// + 1): mid-@p start_year, the 30 June inside that financial year.
/// Source: docs/rules/rates.md ("the year ending 31 March Y uses the
/// mid-year Y-1 estimate"); DfE, Characteristics of children in need,
/// methodology (rates per 10,000 children).
/// @param start_year the calendar year in which the financial year starts.
/// @return the mid-year of the estimate, e.g. 2019 for 2019-20.
constexpr int population_mid_year(int start_year) noexcept { return start_year; }

/// @brief ONS mid-year population estimates of children aged 0-17, by local
/// authority (old LA number, e.g. 335) and mid-year (the year of 30 June).
/// Source: docs/rules/rates.md; ONS mid-year population estimates as
/// published in DfE's open data (column population_estimate).
class population_estimates {
 public:
  /// @brief Sets the estimate of LA @p la at 30 June @p mid_year to @p population
  /// (replacing any earlier one).
  /// @param la         the old LA number, e.g. 335.
  /// @param mid_year   the year of the 30 June estimate.
  /// @param population the children aged 0-17.
  void set(int la, int mid_year, std::size_t population) { estimates_[{la, mid_year}] = population; }

  /// @brief The estimate of LA @p la at 30 June @p mid_year.
  /// @param la       the old LA number.
  /// @param mid_year the year of the 30 June estimate.
  /// @return the estimate, or std::nullopt when there is none.
  std::optional<std::size_t> find(int la, int mid_year) const {
    const auto it = estimates_.find({la, mid_year});
    if (it == estimates_.end()) return std::nullopt;
    return it->second;
  }

  /// @brief The number of (LA, mid-year) estimates held.
  /// @return the count of estimates.
  std::size_t size() const noexcept { return estimates_.size(); }

  /// @brief The local-authority estimates of a DfE open-data table of ONS
  /// mid-year estimates: for every "Local authority" row, the
  /// population_estimate value of year time_period (the mid-year), rounded
  /// to the nearest whole child (half away from zero). Rows whose value is a
  /// DfE symbol (c, x, z, u, low) have no estimate; England and regional
  /// rows are ignored.
  /// Source: docs/rules/rates.md; DfE open data
  /// ons_mid-year_population_estimates_*.csv.
  /// @param table  the table as read by csc::io::published_table::read.
  /// @param source the file name, for messages.
  /// @return the estimates.
  /// @throws std::runtime_error "SOURCE: no population_estimate column" when
  /// @p table has no such column.
  /// @throws csc::io::parse_error naming the line and column for a negative estimate.
  static population_estimates from_table(const io::published_table& table, const std::string& source) {
    const auto col = table.column("population_estimate");
    if (!col) throw std::runtime_error(source + ": no population_estimate column");
    population_estimates out;
    for (const io::published_row& row : table.rows()) {
      if (row.level != io::geographic_level::local_authority) continue;
      const std::optional<double>& v = row.values[*col].value;
      if (!v) continue;
      const long long n = std::llround(*v);
      if (n < 0)
        throw io::parse_error(source, row.line, "population_estimate",
                              "population estimate '" + row.values[*col].text + "' is negative");
      out.set(row.la_number, row.time_period, static_cast<std::size_t>(n));
    }
    return out;
  }

  /// @brief Reads a DfE open-data CSV of ONS mid-year estimates
  /// (csc::io::published_table::read, then from_table()).
  /// Source: docs/rules/rates.md.
  /// @param in     the CSV text (open it in binary mode).
  /// @param source the file name, for messages.
  /// @return the estimates.
  /// @throws csc::io::parse_error as csc::io::published_table::read does, or for a negative estimate.
  /// @throws std::runtime_error "SOURCE: no population_estimate column".
  static population_estimates read(std::istream& in, const std::string& source) {
    return from_table(io::published_table::read(in, source), source);
  }

 private:
  std::map<std::pair<int, int>, std::size_t> estimates_;  // (LA, mid-year) -> children aged 0-17
};

/// @brief The population that applies to a period, by DfE's mid-year rule.
/// Source: docs/rules/rates.md.
struct applicable_population {
  int la = 0;                             ///< The old LA number.
  int mid_year = 0;                       ///< The year of the 30 June estimate that applies.
  std::optional<std::size_t> population;  ///< The estimate; empty when there is none (rates undefined).
};

/// @brief The estimate that applies to a period whose last day lies in the
/// financial year starting 1 April @p start_year: the mid-@p start_year
/// estimate of LA @p la (population_mid_year()). csc-report uses the
/// financial year of the period's last day (csc::financial_year_of).
/// Source: docs/rules/rates.md.
/// @param estimates  the ONS estimates.
/// @param la         the old LA number, e.g. 335.
/// @param start_year the start year of the period's financial year (2019 for 2019-20).
/// @return the LA, the mid-year, and the estimate or std::nullopt when absent.
inline applicable_population population_for_financial_year(const population_estimates& estimates, int la,
                                                           int start_year) {
  const int mid_year = population_mid_year(start_year);
  return applicable_population{la, mid_year, estimates.find(la, mid_year)};
}

/// @brief The note csc-report prints when no estimate applies to a period:
/// "no ONS population for LA 335 in mid-2025: rates for LABEL are undefined".
/// Source: docs/rules/rates.md.
/// @param missing      the lookup that found no estimate.
/// @param period_label the label of the period (e.g. "2025-26 to 2025-06-30").
/// @return the note, without a final full stop.
inline std::string missing_population_note(const applicable_population& missing, const std::string& period_label) {
  return "no ONS population for LA " + std::to_string(missing.la) + " in mid-" + std::to_string(missing.mid_year) +
         ": rates for " + period_label + " are undefined";
}

/// @brief The estimate that applies to the financial year starting 1 April
/// @p start_year, or an error when there is none (population_for_financial_year()).
/// Source: docs/rules/rates.md.
/// @param estimates  the ONS estimates.
/// @param la         the old LA number.
/// @param start_year the start year of the financial year.
/// @return the mid-@p start_year estimate of LA @p la.
/// @throws std::out_of_range "no ONS population for LA L in mid-Y" when absent.
inline std::size_t population_at(const population_estimates& estimates, int la, int start_year) {
  const applicable_population p = population_for_financial_year(estimates, la, start_year);
  if (!p.population)
    throw std::out_of_range("no ONS population for LA " + std::to_string(la) + " in mid-" +
                            std::to_string(p.mid_year));
  return *p.population;
}

}  // namespace csc

#endif  // CSC_REPORT_POPULATION_HPP
