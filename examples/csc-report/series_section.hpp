// csc-report --series: the options, and the files the series table reads (the
// ONS population CSV, DfE's published tables and statistical neighbours). The
// table itself is csc::build_series_table (csc/report/series_table.hpp).
#ifndef CSC_EXAMPLES_SERIES_SECTION_HPP
#define CSC_EXAMPLES_SERIES_SECTION_HPP

#include "inputs.hpp"

#include <csc/calendar/series.hpp>
#include <csc/io/dfe_statistics.hpp>
#include <csc/report/population.hpp>
#include <csc/report/series_table.hpp>

#include <filesystem>
#include <istream>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace csc_report {

using series_table = csc::series_table<date>;

/// A --target: the value as a number, and as the user wrote it (for display).
struct target {
  double value;
  std::string text;
};

// --by, --family, --population N and --suppress are the library's options.
struct series_options : csc::series_table_options {
  std::optional<csc::series_kind> kind;   // --series (none: the single-period report)
  std::string population_file;            // --population-file F (ONS CSV, needs --la)
  std::string benchmarks;                 // --benchmarks DIR (needs --la)
  std::optional<int> la;                  // --la CODE (old LA number, e.g. 335)
  std::map<std::string, target> targets;  // --target measure=value
  std::string layout = "long";            // --layout long|wide (wide: periods as columns, csc::wide_tables)

  // Columns the readers keep raw: [0] the --by source column, [1] the --family column.
  std::vector<std::string> kept_columns() const { return kept_items(); }
};

// The open data read for a series: what csc::published_data points at.
struct series_data {
  std::optional<csc::population_estimates> population;
  std::map<int, csc::io::statistical_neighbours> neighbours;
  std::optional<csc::io::published_table> c1, d3;

  csc::published_data view(const series_options& o) const {
    return {o.la.value_or(0), population ? &*population : nullptr, &neighbours, c1 ? &*c1 : nullptr,
            d3 ? &*d3 : nullptr};
  }
};

// Finds the one file DIR/PREFIX*.csv.
inline std::string find_file(const std::string& dir, const std::string& prefix) {
  namespace fs = std::filesystem;
  if (!fs::is_directory(dir)) throw std::runtime_error("--benchmarks " + dir + ": not a directory");
  std::vector<std::string> found;
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (name.rfind(prefix, 0) == 0 && name.size() > 4 && name.substr(name.size() - 4) == ".csv")
      found.push_back(e.path().string());
  }
  if (found.size() != 1)
    throw std::runtime_error("--benchmarks " + dir + ": expected exactly one file " + prefix + "*.csv, found " +
                             std::to_string(found.size()));
  return found.front();
}

// Reads --population-file, and from --benchmarks DIR the statistical neighbours,
// table C1 (with referrals) and table D3 (with CP plans).
inline series_data read_series_data(const series_options& o, bool referrals, bool cp_plans) {
  series_data d;
  if (!o.population_file.empty())
    d.population = read_input(o.population_file,
                              [&](std::istream& in) { return csc::population_estimates::read(in, o.population_file); });
  if (o.benchmarks.empty()) return d;
  const std::string sn_file = find_file(o.benchmarks, "New_Statistical_Neighbour");
  d.neighbours =
      read_input(sn_file, [&](std::istream& in) { return csc::io::read_statistical_neighbours(in, sn_file); });
  const auto table = [&](const char* prefix) {
    const std::string file = find_file(o.benchmarks, prefix);
    return read_input(file, [&](std::istream& in) { return csc::io::published_table::read(in, file); });
  };
  if (referrals) d.c1 = table("c1_");
  if (cp_plans) d.d3 = table("d3_");
  return d;
}

}  // namespace csc_report

#endif
