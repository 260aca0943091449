// csc-report --series: the options, and the files the series table reads (the
// ONS population CSV, DfE's published tables and statistical neighbours). The
// table itself is csc::build_series_table (csc/report/series_table.hpp).
#ifndef CSC_EXAMPLES_SERIES_SECTION_HPP
#define CSC_EXAMPLES_SERIES_SECTION_HPP

#include "inputs.hpp"

#include <csc/calendar/series.hpp>
#include <csc/io/dfe_statistics.hpp>
#include <csc/report/local_authority.hpp>
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
  std::string la_query;                   // --la as given: old LA number, ONS code or name
  std::optional<int> la;                  // the old LA number --la resolves to, e.g. 335
  std::optional<csc::local_authority> authority;  // the LA as DfE's files name it (when they were read)
  std::map<std::string, target> targets;  // --target measure=value
  std::string layout = "long";            // --layout long|wide (wide: periods as columns, csc::wide_tables)

  // Columns the readers keep raw: [0] the --by source column, [1] the --family column.
  std::vector<std::string> kept_columns() const { return kept_items(); }
};

// The open data read for a series: what csc::published_data points at.
struct series_data {
  std::optional<csc::population_estimates> population;
  std::map<int, csc::io::statistical_neighbours> neighbours;
  std::optional<csc::io::published_table> c1, d3, d5, ons;
  std::vector<std::string> files;  // every open-data file read, for the footer

  csc::published_data view(const series_options& o) const {
    csc::published_data v;  // members by name: the library may add more, with defaults
    v.la = o.la.value_or(0);
    v.population = population ? &*population : nullptr;
    v.neighbours = &neighbours;
    v.c1 = c1 ? &*c1 : nullptr;
    v.d3 = d3 ? &*d3 : nullptr;
    v.ons = ons ? &*ons : nullptr;
    v.d5 = d5 ? &*d5 : nullptr;
    return v;
  }
};

// The files DIR/PREFIX*.csv.
inline std::vector<std::string> find_files(const std::string& dir, const std::string& prefix) {
  namespace fs = std::filesystem;
  if (!fs::is_directory(dir)) throw std::runtime_error("--benchmarks " + dir + ": not a directory");
  std::vector<std::string> found;
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (name.rfind(prefix, 0) == 0 && name.size() > 4 && name.substr(name.size() - 4) == ".csv")
      found.push_back(e.path().string());
  }
  return found;
}

// Finds the one file DIR/PREFIX*.csv.
inline std::string find_file(const std::string& dir, const std::string& prefix) {
  const std::vector<std::string> found = find_files(dir, prefix);
  if (found.size() != 1)
    throw std::runtime_error("--benchmarks " + dir + ": expected exactly one file " + prefix + "*.csv, found " +
                             std::to_string(found.size()));
  return found.front();
}

// Thrown for an --la that names no local authority (a usage error, status 2).
struct unknown_la : std::invalid_argument {
  using std::invalid_argument::invalid_argument;
};

// Reads --population-file, and from --benchmarks DIR the statistical neighbours,
// table C1 (with referrals), D3 (with CP plans), and when present D5 (with CP
// plans) and the ONS estimates (rates per 10,000 of England, regions and
// neighbours). Resolves --la (old LA number, ONS code or name) against every
// table read: sets o.la and o.authority.
inline series_data read_series_data(series_options& o, bool referrals, bool cp_plans) {
  series_data d;
  csc::local_authority_directory directory;
  const auto table = [&](const std::string& file) {
    d.files.push_back(std::filesystem::path(file).filename().string());
    csc::io::published_table t =
        read_input(file, [&](std::istream& in) { return csc::io::published_table::read(in, file); });
    directory.add(t);
    return t;
  };
  if (!o.population_file.empty()) {
    d.ons = table(o.population_file);
    d.population = csc::population_estimates::from_table(*d.ons, o.population_file);
  }
  if (!o.benchmarks.empty()) {
    const std::string sn_file = find_file(o.benchmarks, "New_Statistical_Neighbour");
    d.neighbours =
        read_input(sn_file, [&](std::istream& in) { return csc::io::read_statistical_neighbours(in, sn_file); });
    d.files.push_back(std::filesystem::path(sn_file).filename().string());
    if (referrals) d.c1 = table(find_file(o.benchmarks, "c1_"));
    if (cp_plans) d.d3 = table(find_file(o.benchmarks, "d3_"));
    if (cp_plans && find_files(o.benchmarks, "d5_").size() == 1) d.d5 = table(find_file(o.benchmarks, "d5_"));
    if (find_files(o.benchmarks, "ons_mid-year").size() == 1) {
      const std::string file = find_file(o.benchmarks, "ons_mid-year");
      if (o.population_file.empty() || std::filesystem::path(file).filename() != std::filesystem::path(o.population_file).filename())
        d.ons = table(file);
    }
  }
  if (o.la_query.empty()) return d;
  if (directory.size() == 0) {  // no DfE file read: only an old LA number can be used
    const bool digits = o.la_query.find_first_not_of("0123456789") == std::string::npos && o.la_query.size() <= 4;
    if (!digits)
      throw unknown_la("--la " + o.la_query + ": a name or ONS code needs --benchmarks or --population-file to look "
                       "it up; give the old LA number, e.g. 335");
    o.la = std::stoi(o.la_query);
    return d;
  }
  try {
    o.authority = directory.resolve(o.la_query);
  } catch (const csc::unknown_local_authority& e) {
    throw unknown_la(std::string("--la: ") + e.what());
  }
  o.la = o.authority->old_code;
  return d;
}

}  // namespace csc_report

#endif
