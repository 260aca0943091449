// csc-report --series: every measure over a series of periods (one pass per
// measure family), optionally by a column (--by), with rates per 10,000
// (--population, --population-file), targets (--target) and the published
// DfE figures for an LA beside England, its region and its statistical
// neighbours (--benchmarks DIR --la CODE). Rendered as table, csv, markdown or json.
#ifndef CSC_EXAMPLES_SERIES_SECTION_HPP
#define CSC_EXAMPLES_SERIES_SECTION_HPP

#include "cp_plans_input.hpp"
#include "json_writer.hpp"
#include "referrals_input.hpp"

#include <csc/calendar/series.hpp>
#include <csc/io/dfe_statistics.hpp>
#include <csc/measure/cp_plans.hpp>
#include <csc/measure/rereferrals.hpp>
#include <csc/measure/stepdown.hpp>
#include <csc/report/rate.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <map>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

namespace csc_report {

struct series_options {
  csc::series_kind kind = csc::series_kind::single;
  std::string by;                               // --by COLUMN ("" for none)
  std::optional<std::size_t> population;        // --population N
  std::string population_file;                  // --population-file F (ONS CSV, needs --la)
  std::string benchmarks;                       // --benchmarks DIR (needs --la)
  std::optional<int> la;                        // --la CODE (old LA number, e.g. 335)
  std::map<std::string, double> targets;        // --target measure=value
  bool suppress = false;                        // --suppress: counts 1-5 shown as c
};

// The measures a series table can show; all "lower is better" ones are marked.
struct measure_info {
  const char* name;
  bool percent;
  bool lower_is_better;
};
inline const std::vector<measure_info>& series_measures() {
  static const std::vector<measure_info> m = {
      {"referral_count", false, false},          {"rereferral_count", false, false},
      {"rereferral_percent", true, true},        {"referral_rate_per_10000", true, false},
      {"CPP_start", false, false},               {"CPP_subsequent", false, false},
      {"CPP_subsequent_percent", true, true},    {"CPP_subsequent_within_2y_percent", true, true},
      {"CPP_open", false, false},                {"CPP_start_rate_per_10000", true, false},
      {"step_downs", false, false},              {"step_downs_re_escalated_percent", true, true},
      {"bounces", false, false}};
  return m;
}
inline const measure_info* find_measure(const std::string& name) {
  for (const measure_info& m : series_measures())
    if (name == m.name) return &m;
  return nullptr;
}

// One cell: its exact value (null when undefined) and whether it is suppressed.
struct cell {
  std::optional<double> value;
  bool is_count = false;
  bool suppressed = false;
};

// One row of the series table: a group (breakdown key, "" for all) and a period.
struct series_row {
  std::string group;
  std::size_t period = 0;
  std::map<std::string, cell> cells;
};

struct series_table {
  csc::period_series<date> series;
  std::vector<std::string> columns;  // measure names present, in series_measures() order
  std::vector<series_row> rows;
  std::size_t records_without_key = 0;
  std::vector<std::string> notes;
};

// Population per period: --population N for all, or the ONS estimate for the LA
// from the mid-year before the end of the period's financial year (DfE's rule).
inline std::vector<std::optional<std::size_t>> period_populations(const series_options& o,
                                                                  const csc::period_series<date>& s,
                                                                  std::vector<std::string>& notes) {
  std::vector<std::optional<std::size_t>> out(s.size());
  if (o.population) {
    for (auto& p : out) p = *o.population;
    return out;
  }
  if (o.population_file.empty()) return out;
  std::ifstream in(o.population_file, std::ios::binary);
  if (!in) throw std::runtime_error(o.population_file + ": cannot open file");
  const auto table = csc::io::published_table::read(in, o.population_file);
  const auto col = table.column("population_estimate");
  if (!col) throw std::runtime_error(o.population_file + ": no population_estimate column");
  for (std::size_t p = 0; p < s.size(); ++p) {
    const int mid_year = csc::financial_year_of(*s[p].period.last());
    const auto* row = table.local_authority(mid_year, *o.la);
    if (row && row->values[*col].value) {
      out[p] = static_cast<std::size_t>(*row->values[*col].value);
    } else {
      notes.push_back("no ONS population for LA " + std::to_string(*o.la) + " in mid-" + std::to_string(mid_year) +
                      ": rates for " + s[p].label + " are null");
    }
  }
  return out;
}

inline cell count_cell(std::size_t n, bool suppress) { return cell{double(n), true, suppress && n >= 1 && n <= 5}; }
inline cell ratio_cell(std::optional<double> v, bool numerator_suppressed) { return cell{v, false, numerator_suppressed}; }

// Splits a --by value: several keys separated by ';' (a multi-valued field).
inline std::vector<std::string> split_keys(const std::string& v) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= v.size() && !v.empty()) {
    const std::size_t end = v.find(';', start);
    const std::string k = v.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!k.empty()) out.push_back(k);
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

inline void add_rereferral_cells(series_row& row, const csc::rereferral_measures& m,
                                 const std::optional<std::size_t>& population, bool suppress) {
  row.cells["referral_count"] = count_cell(m.referral_count, suppress);
  row.cells["rereferral_count"] = count_cell(m.rereferral_count, suppress);
  row.cells["rereferral_percent"] = ratio_cell(
      m.rereferral_percent(), row.cells["rereferral_count"].suppressed || row.cells["referral_count"].suppressed);
  if (population)
    row.cells["referral_rate_per_10000"] =
        ratio_cell(csc::rate_per_10000(m.referral_count, *population), row.cells["referral_count"].suppressed);
}

inline void add_cp_cells(series_row& row, const csc::cp_plan_measures& m, const std::optional<std::size_t>& population,
                         bool suppress) {
  row.cells["CPP_start"] = count_cell(m.CPP_start, suppress);
  row.cells["CPP_subsequent"] = count_cell(m.CPP_subsequent, suppress);
  const bool start_suppressed = row.cells["CPP_start"].suppressed;
  row.cells["CPP_subsequent_percent"] =
      ratio_cell(m.CPP_subsequent_percent(), row.cells["CPP_subsequent"].suppressed || start_suppressed);
  row.cells["CPP_subsequent_within_2y_percent"] =
      ratio_cell(m.CPP_subsequent_within_2y_percent(),
                 start_suppressed || (suppress && m.CPP_subsequent_within_2y >= 1 && m.CPP_subsequent_within_2y <= 5));
  row.cells["CPP_open"] = count_cell(m.CPP_open, suppress);
  if (population)
    row.cells["CPP_start_rate_per_10000"] =
        ratio_cell(csc::rate_per_10000(m.CPP_start, *population), row.cells["CPP_start"].suppressed);
}

inline void add_stepdown_cells(series_row& row, const csc::stepdown_measures& m, bool suppress) {
  row.cells["step_downs"] = count_cell(m.step_downs.count, suppress);
  row.cells["step_downs_re_escalated_percent"] =
      ratio_cell(m.step_downs.re_escalated_percent(),
                 row.cells["step_downs"].suppressed ||
                     (suppress && m.step_downs.re_escalated >= 1 && m.step_downs.re_escalated <= 5));
  row.cells["bounces"] = count_cell(m.step_downs.bounces, suppress);
}

// Text of a cell for table, csv, markdown: 1 decimal place (half away from zero)
// for percentages and rates, "c" when suppressed, "" (csv) or "-" when undefined.
inline std::string cell_text(const cell& c, const char* undefined) {
  if (c.suppressed) return "c";
  if (!c.value) return undefined;
  if (c.is_count) return std::to_string(static_cast<unsigned long long>(*c.value));
  std::ostringstream os;
  // Exact value rounded half away from zero: add a tiny bias for the binary representation of x.x5.
  const double v = *c.value;
  const long long tenths = static_cast<long long>(v * 10.0 + (v >= 0 ? 0.5 : -0.5) + (v >= 0 ? 1e-9 : -1e-9));
  os << tenths / 10 << '.' << (tenths < 0 ? -tenths : tenths) % 10;
  return os.str();
}

// Published figures of one measure for one LA beside England, its region and
// the mean of its statistical neighbours, and the local figure.
struct comparison_line {
  int year;                               // year ending 31 March
  std::optional<double> local;            // computed here for that financial year
  csc::io::published_value la, england, region;
  std::optional<double> sn_mean;          // mean of the neighbours' published values
  std::size_t sn_count = 0;               // neighbours with a published value
};

using comparisons = std::vector<std::pair<std::string, std::vector<comparison_line>>>;

inline void write_published(json_writer& j, std::string_view key, const csc::io::published_value& v) {
  if (v.value) j.value(key, std::optional<double>(v.value));
  else if (!v.symbol.empty()) j.value(key, v.symbol);
  else j.null(key);
}

inline void write_series_json(std::ostream& os, const series_table& t, const series_options& o,
                              const comparisons& published) {
  json_writer j(os);
  j.begin_object();
  j.value("series", std::string(csc::to_string(t.series.kind())));
  j.value("by", o.by.empty() ? std::string() : o.by);
  j.value("records_without_key", t.records_without_key);
  j.begin_array("periods");
  for (const auto& p : t.series.periods()) {
    j.begin_object()
        .value("label", p.label)
        .value("from", csc::to_iso_string(p.period.first()))
        .value("to", csc::to_iso_string(*p.period.last()))
        .value("partial", p.partial)
        .end_object();
  }
  j.end_array();
  j.begin_array("rows");
  for (const series_row& r : t.rows) {
    j.begin_object().value("group", r.group).value("period", t.series[r.period].label);
    for (const std::string& c : t.columns) {
      const auto it = r.cells.find(c);
      if (it == r.cells.end() || (!it->second.value && !it->second.suppressed)) {
        j.null(c);
      } else if (it->second.suppressed) {
        j.value(c, std::string("c"));
      } else {
        j.value(c, std::optional<double>(it->second.value));
      }
    }
    j.end_object();
  }
  j.end_array();
  j.begin_array("notes");
  for (const std::string& n : t.notes) j.value(std::string_view(), n);
  j.end_array();
  j.begin_object("targets");
  for (const auto& [name, value] : o.targets) j.value(name, std::optional<double>(value));
  j.end_object();
  j.begin_array("published");
  for (const auto& [measure, lines] : published) {
    j.begin_object().value("measure", measure).value("la", static_cast<std::size_t>(*o.la)).value("lower_is_better", true);
    j.begin_array("years");
    for (const comparison_line& l : lines) {
      j.begin_object().value("year", static_cast<std::size_t>(l.year));
      j.value("local", l.local);
      write_published(j, "la_published", l.la);
      write_published(j, "england", l.england);
      write_published(j, "region", l.region);
      j.value("sn_mean", l.sn_mean);
      j.value("sn_count", l.sn_count).end_object();
    }
    j.end_array().end_object();
  }
  j.end_array();
  j.end_object();
}

// Table, csv or markdown: one line per (group, period), one column per measure.
inline void write_series_grid(std::ostream& os, const series_table& t, const std::string& format,
                              const series_options& o) {
  std::vector<std::string> head;
  if (!o.by.empty()) head.push_back(o.by);
  head.push_back("period");
  for (const auto& c : t.columns) head.push_back(c);
  std::vector<std::string> target_cols;
  for (const auto& [name, value] : o.targets) {
    if (std::find(t.columns.begin(), t.columns.end(), name) == t.columns.end()) continue;
    target_cols.push_back(name);
    head.push_back(name + " target " + cell_text(cell{value, false, false}, "-") + " met");
  }
  std::vector<std::vector<std::string>> lines;
  for (const series_row& r : t.rows) {
    std::vector<std::string> line;
    if (!o.by.empty()) line.push_back(r.group.empty() ? std::string("(all)") : r.group);
    line.push_back(t.series[r.period].label);
    for (const auto& c : t.columns) {
      const auto it = r.cells.find(c);
      line.push_back(it == r.cells.end() ? std::string() : cell_text(it->second, format == "csv" ? "" : "-"));
    }
    for (const auto& name : target_cols) {
      const cell& c = r.cells.at(name);
      const bool lower = find_measure(name)->lower_is_better;
      if (!c.value || c.suppressed) {
        line.push_back(format == "csv" ? "" : "-");
      } else {
        const double target = o.targets.at(name);
        line.push_back((lower ? *c.value <= target : *c.value >= target) ? "yes" : "no");
      }
    }
    lines.push_back(std::move(line));
  }
  if (format == "csv") {
    const auto quote = [](const std::string& s) {
      if (s.find_first_of(",\"\n") == std::string::npos) return s;
      std::string q = "\"";
      for (char ch : s) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
      return q + '"';
    };
    for (std::size_t i = 0; i < head.size(); ++i) os << (i ? "," : "") << quote(head[i]);
    os << '\n';
    for (const auto& line : lines) {
      for (std::size_t i = 0; i < line.size(); ++i) os << (i ? "," : "") << quote(line[i]);
      os << '\n';
    }
  } else if (format == "markdown") {
    const auto escape = [](const std::string& s) {
      std::string e;
      for (char ch : s) e += ch == '|' ? std::string("\\|") : std::string(1, ch);
      return e;
    };
    os << '|';
    for (const auto& h : head) os << ' ' << escape(h) << " |";
    os << "\n|";
    for (std::size_t i = 0; i < head.size(); ++i) os << (i < (o.by.empty() ? 1u : 2u) ? "---|" : "---:|");
    os << '\n';
    for (const auto& line : lines) {
      os << '|';
      for (const auto& v : line) os << ' ' << escape(v) << " |";
      os << '\n';
    }
  } else {
    std::vector<std::size_t> width(head.size());
    for (std::size_t i = 0; i < head.size(); ++i) width[i] = head[i].size();
    for (const auto& line : lines)
      for (std::size_t i = 0; i < line.size(); ++i) width[i] = std::max(width[i], line[i].size());
    const std::size_t text_cols = o.by.empty() ? 1 : 2;
    const auto print = [&](const std::vector<std::string>& line) {
      for (std::size_t i = 0; i < line.size(); ++i) {
        os << (i ? "  " : "");
        if (i < text_cols) os << std::left << std::setw(static_cast<int>(width[i])) << line[i];
        else os << std::right << std::setw(static_cast<int>(width[i])) << line[i];
      }
      os << '\n';
    };
    print(head);
    for (const auto& line : lines) print(line);
  }
  if (format != "csv") {
    if (!o.by.empty())
      os << "\nRecords with no " << o.by << " value (in (all) only): " << t.records_without_key
         << ". A record with several values (separated by ';') counts once in each, so groups can add up to more "
            "than (all).\n";
    for (const std::string& n : t.notes) os << "Note: " << n << '\n';
    if (o.suppress) os << "Counts 1-5 are suppressed (c), with the percentages and rates computed from them.\n";
  }
}

inline std::string find_file(const std::string& dir, const std::string& prefix) {
  namespace fs = std::filesystem;
  if (!fs::is_directory(dir)) throw std::runtime_error("--benchmarks " + dir + ": not a directory");
  std::vector<std::string> found;
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (name.rfind(prefix, 0) == 0 && name.size() > 4 && name.substr(name.size() - 4) == ".csv") found.push_back(e.path().string());
  }
  if (found.size() != 1)
    throw std::runtime_error("--benchmarks " + dir + ": expected exactly one file " + prefix + "*.csv, found " +
                             std::to_string(found.size()));
  return found.front();
}

inline std::vector<comparison_line> compare_published(const csc::io::published_table& t, const std::string& column,
                                                      const std::map<int, csc::io::statistical_neighbours>& sn, int la,
                                                      int first_year, int last_year) {
  const auto col = t.column(column);
  if (!col) throw std::runtime_error("published table has no column " + column);
  const auto sn_it = sn.find(la);
  std::vector<comparison_line> out;
  for (int y : t.years()) {
    if (y < first_year || y > last_year) continue;
    comparison_line l{y, std::nullopt, {}, {}, {}, std::nullopt, 0};
    const auto* row = t.local_authority(y, la);
    if (row) {
      l.la = row->values[*col];
      if (const auto* reg = t.region(y, row->region_code)) l.region = reg->values[*col];
    }
    if (const auto* e = t.england(y)) l.england = e->values[*col];
    if (sn_it != sn.end()) {
      double sum = 0;
      for (int n : sn_it->second.neighbours) {
        const auto* r = t.local_authority(y, n);
        if (r && r->values[*col].value) {
          sum += *r->values[*col].value;
          ++l.sn_count;
        }
      }
      if (l.sn_count) l.sn_mean = sum / static_cast<double>(l.sn_count);
    }
    out.push_back(l);
  }
  return out;
}

inline std::string published_text(const csc::io::published_value& v) {
  if (v.value) return cell_text(cell{v.value, false, false}, "-");
  return v.symbol.empty() ? std::string("-") : v.symbol;
}

// The published comparison of one measure, lower is better: each year's local
// figure, the LA's published figure, England, region, SN mean, target.
inline void write_comparison(std::ostream& os, const std::string& measure, const std::vector<comparison_line>& lines,
                             const series_options& o, const std::string& format) {
  const auto target = o.targets.find(measure);
  std::vector<std::string> head = {"year", "local", "LA " + std::to_string(*o.la), "England", "region", "SN mean",
                                   "SN n", "vs England"};
  if (target != o.targets.end()) head.push_back("target");
  std::vector<std::vector<std::string>> rows;
  for (const comparison_line& l : lines) {
    const std::string year = std::to_string(l.year - 1) + "-" + std::to_string(l.year % 100 / 10) + std::to_string(l.year % 10);
    const std::optional<double> la = l.la.value;
    std::string vs = "-";
    if (la && l.england.value) vs = *la < *l.england.value ? "better" : *la > *l.england.value ? "worse" : "same";
    std::vector<std::string> row = {year, cell_text(cell{l.local, false, false}, "-"), published_text(l.la),
                                    published_text(l.england), published_text(l.region),
                                    cell_text(cell{l.sn_mean, false, false}, "-"), std::to_string(l.sn_count), vs};
    if (target != o.targets.end()) row.push_back(cell_text(cell{target->second, false, false}, "-"));
    rows.push_back(std::move(row));
  }
  const char* sep = format == "csv" ? "," : format == "markdown" ? " | " : "  ";
  os << '\n' << (format == "markdown" ? "**" : "") << measure << ": LA " << *o.la
     << " against England, its region and the mean of its 10 statistical neighbours (DfE published; lower is better)"
     << (format == "markdown" ? "**\n" : "") << '\n';
  std::vector<std::size_t> width(head.size());
  for (std::size_t i = 0; i < head.size(); ++i) width[i] = head[i].size();
  for (const auto& row : rows)
    for (std::size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], row[i].size());
  const auto print = [&](const std::vector<std::string>& row) {
    if (format == "markdown") os << "| ";
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i) os << sep;
      if (format == "table") os << std::setw(static_cast<int>(width[i]));
      os << row[i];
    }
    os << (format == "markdown" ? " |\n" : "\n");
  };
  print(head);
  if (format == "markdown") {
    os << '|';
    for (std::size_t i = 0; i < head.size(); ++i) os << (i == 0 ? "---|" : "---:|");
    os << '\n';
  }
  for (const auto& row : rows) print(row);
}

}  // namespace csc_report

#endif
