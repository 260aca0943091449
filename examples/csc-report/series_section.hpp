// csc-report --series: every measure over a series of periods (one pass per
// measure family), optionally by a column or a derived key (--by), with
// distinct families (--family), rates per 10,000 (--population,
// --population-file), targets (--target), DfE suppression (--suppress) and the
// published DfE figures for an LA beside England, its region and its
// statistical neighbours (--benchmarks DIR --la CODE).
#ifndef CSC_EXAMPLES_SERIES_SECTION_HPP
#define CSC_EXAMPLES_SERIES_SECTION_HPP

#include "cp_plans_input.hpp"
#include "referrals_input.hpp"

#include <csc/calendar/age.hpp>
#include <csc/calendar/series.hpp>
#include <csc/io/dfe_statistics.hpp>
#include <csc/measure/cp_plans.hpp>
#include <csc/measure/rereferrals.hpp>
#include <csc/measure/stepdown.hpp>
#include <csc/report/distinct_count.hpp>
#include <csc/report/rate.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace csc_report {

/// A --target: the value as a number, and as the user wrote it (for display).
struct target {
  double value;
  std::string text;
};

struct series_options {
  std::optional<csc::series_kind> kind;     // --series (none: the single-period report)
  std::string by;                           // --by COLUMN, age_band or previous_referral_nfa ("" for none)
  std::string family;                       // --family COLUMN ("" for none)
  std::optional<std::size_t> population;    // --population N
  std::string population_file;              // --population-file F (ONS CSV, needs --la)
  std::string benchmarks;                   // --benchmarks DIR (needs --la)
  std::optional<int> la;                    // --la CODE (old LA number, e.g. 335)
  std::map<std::string, target> targets;    // --target measure=value
  bool suppress = false;                    // --suppress: counts 1-5 shown as c

  // The derived --by keys, which read another column (or none) instead of a column of that name.
  static constexpr const char* age_band = "age_band";
  static constexpr const char* previous_referral_nfa = "previous_referral_nfa";
  // Columns the readers keep raw: [0] the --by source column, [1] the --family column.
  std::vector<std::string> kept_columns() const {
    const std::string by_source = by == age_band ? "PersonBirthDate" : by == previous_referral_nfa ? "" : by;
    return {by_source, family};
  }
};

// Which input a measure comes from.
enum class measure_source { referrals, cp_plans, stepdown };

struct measure_info {
  const char* name;
  measure_source source;
  bool lower_is_better;  // the polarity used by --target and the published comparison
  bool needs_population;
  bool needs_family;
};

inline const std::vector<measure_info>& series_measures() {
  using s = measure_source;
  static const std::vector<measure_info> m = {
      {"referral_count", s::referrals, false, false, false},
      {"rereferral_count", s::referrals, true, false, false},
      {"rereferral_percent", s::referrals, true, false, false},
      {"referral_rate_per_10000", s::referrals, false, true, false},
      {"referral_family_count", s::referrals, false, false, true},
      {"CPP_start", s::cp_plans, false, false, false},
      {"CPP_subsequent", s::cp_plans, true, false, false},
      {"CPP_subsequent_percent", s::cp_plans, true, false, false},
      {"CPP_subsequent_within_2y_percent", s::cp_plans, true, false, false},
      {"CPP_open", s::cp_plans, false, false, false},
      {"CPP_start_rate_per_10000", s::cp_plans, false, true, false},
      {"CPP_family_start", s::cp_plans, false, false, true},
      {"step_downs", s::stepdown, false, false, false},
      {"step_downs_re_escalated_percent", s::stepdown, true, false, false},
      {"bounces", s::stepdown, true, false, false}};
  return m;
}

inline const measure_info* find_measure(const std::string& name) {
  for (const measure_info& m : series_measures())
    if (name == m.name) return &m;
  return nullptr;
}

// One cell: the exact value (JSON), its presentation (one decimal place, half
// away from zero, computed exactly from the counts) and whether it is suppressed.
struct cell {
  std::optional<double> value;  // empty when undefined (denominator 0)
  std::string text;             // "" when undefined
  bool suppressed = false;
};

inline cell count_cell(std::size_t n, bool suppress) {
  return cell{static_cast<double>(n), std::to_string(n), suppress && n >= 1 && n <= 5};
}

// scale * part / whole (100 for a percentage, 10,000 for a rate).
inline cell ratio_cell(std::size_t part, std::size_t whole, unsigned long long scale, bool suppressed) {
  if (whole == 0) return cell{std::nullopt, std::string(), suppressed};
  return cell{static_cast<double>(scale) * static_cast<double>(part) / static_cast<double>(whole),
              csc::format_one_decimal(scale * part, whole), suppressed};
}

// Text of a cell for table, csv, markdown and html: "c" when suppressed, @p undefined when undefined.
inline std::string cell_text(const cell& c, const char* undefined) {
  if (c.suppressed) return "c";
  return c.text.empty() ? std::string(undefined) : c.text;
}

// One row of the series table: a group (breakdown key, "" for all records) and a period.
struct series_row {
  std::string group;
  std::size_t period = 0;
  std::map<std::string, cell> cells;  // no cell: the measure does not apply to the group (undefined)

  const cell& at(const std::string& measure) const {
    static const cell undefined{};
    const auto it = cells.find(measure);
    return it == cells.end() ? undefined : it->second;
  }
};

// Published figures of one measure for one LA beside England, its region and
// the mean of its statistical neighbours, and the local figure.
struct comparison_line {
  int year = 0;                          // year ending 31 March
  cell local;                            // computed here for that financial year
  csc::io::published_value la, england, region;
  cell sn_mean;                          // mean of the neighbours' published values
  std::size_t sn_count = 0;              // neighbours with a published value
};

struct comparison {
  std::string measure;
  std::vector<comparison_line> lines;
};

struct series_table {
  csc::period_series<date> series;
  std::vector<std::string> columns;   // measure names shown, in series_measures() order
  std::vector<series_row> rows;       // the (all) rows first, then each group's, each in period order
  std::size_t records_without_key = 0;
  std::vector<std::string> notes;
  std::vector<comparison> published;
};

// What the series is computed from (any may be null).
struct series_inputs {
  const referral_input* referrals = nullptr;
  const csc::rereferral_classification* referral_cls = nullptr;
  const cp_plan_input* cp_plans = nullptr;
  const csc::cp_plan_classification* cp_cls = nullptr;
  const std::vector<csc::service_transition>* transitions = nullptr;
};

// Splits a --by value: several keys separated by ';' (a multi-valued field); empty parts are no key.
inline std::vector<std::string> split_keys(const std::string& v) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = v.find(';', start);
    std::string k = v.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!k.empty()) out.push_back(std::move(k));
    if (end == std::string::npos) return out;
    start = end + 1;
  }
}

// The --by keys of record @p i of an input with rows of type Row, dated by @p day.
template <class Row>
std::vector<std::string> group_keys(const series_options& o, const std::string& file, const Row& row,
                                    const date& day) {
  if (o.by == series_options::age_band) {
    const std::string& text = row.kept[0];
    if (text.empty()) return {};
    const auto birth = csc::parse_iso_date(text);
    if (!birth)
      throw csc::io::parse_error(file, row.line, "PersonBirthDate",
                                 "'" + text + "' is not a valid date of the form YYYY-MM-DD");
    return {std::string(csc::to_string(csc::age_band_on(*birth, csc::to_civil(day))))};
  }
  return split_keys(row.kept[0]);
}

// Population per period: --population N for all, or the ONS estimate for the LA
// from the mid-year that starts the financial year of the period's end (DfE: the
// year ending 31 March Y uses the mid-year Y-1 estimate).
inline std::vector<std::optional<std::size_t>> period_populations(const series_options& o,
                                                                  const csc::period_series<date>& s,
                                                                  std::vector<std::string>& notes) {
  std::vector<std::optional<std::size_t>> out(s.size());
  if (o.population) {
    std::fill(out.begin(), out.end(), o.population);
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
      out[p] = static_cast<std::size_t>(std::llround(*row->values[*col].value));
    } else {
      notes.push_back("no ONS population for LA " + std::to_string(*o.la) + " in mid-" + std::to_string(mid_year) +
                      ": rates for " + s[p].label + " are undefined");
    }
  }
  return out;
}

inline void add_rereferral_cells(series_row& row, const csc::rereferral_measures& m,
                                 const std::optional<std::size_t>& population, bool suppress) {
  const cell referrals = count_cell(m.referral_count, suppress);
  const cell rereferrals = count_cell(m.rereferral_count, suppress);
  row.cells["referral_count"] = referrals;
  row.cells["rereferral_count"] = rereferrals;
  row.cells["rereferral_percent"] =
      ratio_cell(m.rereferral_count, m.referral_count, 100, referrals.suppressed || rereferrals.suppressed);
  // Undefined when the period has no population figure (the column is shown only with one).
  row.cells["referral_rate_per_10000"] =
      population ? ratio_cell(m.referral_count, *population, 10000, referrals.suppressed) : cell{};
}

inline void add_cp_cells(series_row& row, const csc::cp_plan_measures& m, const std::optional<std::size_t>& population,
                         bool suppress) {
  const cell start = count_cell(m.CPP_start, suppress);
  const cell subsequent = count_cell(m.CPP_subsequent, suppress);
  row.cells["CPP_start"] = start;
  row.cells["CPP_subsequent"] = subsequent;
  row.cells["CPP_subsequent_percent"] =
      ratio_cell(m.CPP_subsequent, m.CPP_start, 100, start.suppressed || subsequent.suppressed);
  row.cells["CPP_subsequent_within_2y_percent"] =
      ratio_cell(m.CPP_subsequent_within_2y, m.CPP_start, 100,
                 start.suppressed || count_cell(m.CPP_subsequent_within_2y, suppress).suppressed);
  row.cells["CPP_open"] = count_cell(m.CPP_open, suppress);
  row.cells["CPP_start_rate_per_10000"] =
      population ? ratio_cell(m.CPP_start, *population, 10000, start.suppressed) : cell{};
}

inline void add_stepdown_cells(series_row& row, const csc::stepdown_measures& m, bool suppress) {
  const cell downs = count_cell(m.step_downs.count, suppress);
  row.cells["step_downs"] = downs;
  row.cells["step_downs_re_escalated_percent"] =
      ratio_cell(m.step_downs.re_escalated, m.step_downs.count, 100,
                 downs.suppressed || count_cell(m.step_downs.re_escalated, suppress).suppressed);
  row.cells["bounces"] = count_cell(m.step_downs.bounces, suppress);
}

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

// The published comparison of column @p column for LA @p la, years first..last
// (ending 31 March). The SN mean is exact: published figures have at most two
// decimal places (DfE publishes one), so they are summed in hundredths.
inline std::vector<comparison_line> compare_published(const csc::io::published_table& t, const std::string& column,
                                                      const std::map<int, csc::io::statistical_neighbours>& sn, int la,
                                                      int first_year, int last_year) {
  const auto col = t.column(column);
  if (!col) throw std::runtime_error("published table has no column " + column);
  const auto sn_it = sn.find(la);
  std::vector<comparison_line> out;
  for (int y : t.years()) {
    if (y < first_year || y > last_year) continue;
    comparison_line l;
    l.year = y;
    if (const auto* row = t.local_authority(y, la)) {
      l.la = row->values[*col];
      if (const auto* reg = t.region(y, row->region_code)) l.region = reg->values[*col];
    }
    if (const auto* e = t.england(y)) l.england = e->values[*col];
    if (sn_it != sn.end()) {
      unsigned long long hundredths = 0;
      for (int n : sn_it->second.neighbours) {
        const auto* r = t.local_authority(y, n);
        if (r && r->values[*col].value) {
          hundredths += static_cast<unsigned long long>(std::llround(*r->values[*col].value * 100.0));
          ++l.sn_count;
        }
      }
      l.sn_mean = ratio_cell(hundredths, 100 * l.sn_count, 1, false);
    }
    out.push_back(l);
  }
  return out;
}

// Every measure over the series, by group, then the published comparison.
inline series_table compute_series(const series_inputs& in, const series_options& o, const csc::interval<date>& range) {
  series_table t{csc::period_series<date>(*o.kind, range.first(), *range.last()), {}, {}, 0, {}, {}};
  const csc::period_series<date>& s = t.series;
  const auto population = period_populations(o, s, t.notes);
  const auto has_kept = [](const auto* input, std::size_t k) { return input && input->has_kept[k]; };
  const bool derived_by = o.by == series_options::age_band || o.by == series_options::previous_referral_nfa;
  const bool by_referrals = !o.by.empty() && (derived_by ? in.referrals != nullptr : has_kept(in.referrals, 0));
  const bool by_cp = !o.by.empty() && o.by != series_options::previous_referral_nfa &&
                     (derived_by ? in.cp_plans != nullptr : has_kept(in.cp_plans, 0));
  if (!o.by.empty() && !by_referrals && !by_cp)
    throw std::invalid_argument("--by " + o.by + ": no input has a column of that name");
  if (o.by == series_options::previous_referral_nfa && !in.referrals->has_nfa_column)
    throw std::invalid_argument("--by previous_referral_nfa needs a ReferralNFA column in " + in.referrals->file);
  const bool family_referrals = !o.family.empty() && has_kept(in.referrals, 1);
  const bool family_cp = !o.family.empty() && has_kept(in.cp_plans, 1);
  if (!o.family.empty() && !family_referrals && !family_cp)
    throw std::invalid_argument("--family " + o.family + ": no input has a column of that name");

  const bool with_rate = o.population || !o.population_file.empty();
  for (const measure_info& m : series_measures()) {
    const bool input = m.source == measure_source::referrals  ? in.referrals != nullptr
                       : m.source == measure_source::cp_plans ? in.cp_plans != nullptr
                                                              : in.transitions != nullptr && o.by.empty();
    const bool family = m.source == measure_source::referrals ? family_referrals : family_cp;
    if (input && (!m.needs_population || with_rate) && (!m.needs_family || family)) t.columns.push_back(m.name);
  }

  // The --by keys of every record, computed once.
  std::vector<std::vector<std::string>> referral_keys, cp_keys;
  if (by_referrals) {
    const auto& rows = in.referrals->rows;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (o.by != series_options::previous_referral_nfa) {
        referral_keys.push_back(group_keys(o, in.referrals->file, rows[i], rows[i].referral_date()));
        continue;
      }
      const auto& c = (*in.referral_cls)[i];
      referral_keys.push_back({!c.has_previous()               ? "no previous referral"
                               : *rows[c.previous].nfa ? "previous referral NFA"
                                                       : "previous referral not NFA"});
    }
  }
  if (by_cp)
    for (const auto& row : in.cp_plans->rows) cp_keys.push_back(group_keys(o, in.cp_plans->file, row, row.start));
  const auto keys_in = [](const std::vector<std::vector<std::string>>& keys) {
    return [&keys](std::size_t i) -> const std::vector<std::string>& { return keys[i]; };
  };
  const auto no_keys = [](std::size_t) { return std::vector<std::string>(); };

  // One pass per measure family; a group (key) gets zero counts from an input
  // grouped by the same column that has no record with that key, and no cells
  // (shown as undefined) from an input that is not grouped.
  std::optional<csc::breakdown<std::string, csc::rereferral_measures>> referral_b;
  std::optional<csc::breakdown<std::string, csc::cp_plan_measures>> cp_b;
  if (in.referrals)
    referral_b = by_referrals ? csc::measure_rereferrals_by(*in.referral_cls, s, keys_in(referral_keys))
                              : csc::measure_rereferrals_by(*in.referral_cls, s, no_keys);
  if (in.cp_plans)
    cp_b = by_cp ? csc::measure_cp_plans_by(*in.cp_cls, s, keys_in(cp_keys))
                 : csc::measure_cp_plans_by(*in.cp_cls, s, no_keys);
  std::vector<std::string> groups{""};
  if (by_referrals) groups.insert(groups.end(), referral_b->keys.begin(), referral_b->keys.end());
  if (by_cp) groups.insert(groups.end(), cp_b->keys.begin(), cp_b->keys.end());
  std::sort(groups.begin() + 1, groups.end());
  groups.erase(std::unique(groups.begin() + 1, groups.end()), groups.end());
  if (by_referrals) t.records_without_key += referral_b->records_without_key;
  if (by_cp) t.records_without_key += cp_b->records_without_key;
  // The measures of group @p g in period @p p of breakdown @p b: the total for "", zeros for an absent key.
  const auto measures_of = [](const auto& b, const std::string& g, std::size_t p) {
    using measures = std::decay_t<decltype(b.total[p])>;
    if (g.empty()) return b.total[p];
    const auto* row = b.row(g);
    return row ? (*row)[p] : measures{};
  };
  const auto families = [&](std::size_t n, const auto& date_of, const std::vector<std::vector<std::string>>& keys,
                            const auto& family_of, const std::string& group) {
    return csc::count_distinct_per_period(
        s, n,
        [&](std::size_t i) {
          return group.empty() || std::find(keys[i].begin(), keys[i].end(), group) != keys[i].end()
                     ? date_of(i)
                     : std::optional<date>();
        },
        family_of);
  };
  const auto referral_date = [&](std::size_t i) { return std::optional<date>(in.referrals->rows[i].referral_date()); };
  const auto plan_start = [&](std::size_t i) {
    return (*in.cp_cls)[i].counted ? std::optional<date>(in.cp_plans->rows[i].start) : std::nullopt;
  };
  const auto family_in = [](const auto& rows) {
    return [&rows](std::size_t i) {
      return rows[i].kept[1].empty() ? std::nullopt : std::optional<std::string>(rows[i].kept[1]);
    };
  };
  std::vector<std::size_t> family_missing(2, 0);  // referrals, plans: most records without a family in a period
  std::vector<csc::stepdown_measures> stepdowns;
  if (in.transitions && o.by.empty()) stepdowns = csc::measure_stepdowns(*in.transitions, s);

  for (const std::string& g : groups) {
    std::vector<series_row> rows;
    for (std::size_t p = 0; p < s.size(); ++p) rows.push_back(series_row{g, p, {}});
    if (referral_b && (g.empty() || by_referrals)) {
      for (std::size_t p = 0; p < s.size(); ++p)
        add_rereferral_cells(rows[p], measures_of(*referral_b, g, p), population[p], o.suppress);
      if (family_referrals) {
        const auto f = families(in.referrals->rows.size(), referral_date, referral_keys, family_in(in.referrals->rows), g);
        for (std::size_t p = 0; p < s.size(); ++p) {
          rows[p].cells["referral_family_count"] = count_cell(f.distinct[p], o.suppress);
          if (g.empty()) family_missing[0] = std::max(family_missing[0], f.without_key[p]);
        }
      }
    }
    if (cp_b && (g.empty() || by_cp)) {
      for (std::size_t p = 0; p < s.size(); ++p) add_cp_cells(rows[p], measures_of(*cp_b, g, p), population[p], o.suppress);
      if (family_cp) {
        const auto f = families(in.cp_plans->rows.size(), plan_start, cp_keys, family_in(in.cp_plans->rows), g);
        for (std::size_t p = 0; p < s.size(); ++p) {
          rows[p].cells["CPP_family_start"] = count_cell(f.distinct[p], o.suppress);
          if (g.empty()) family_missing[1] = std::max(family_missing[1], f.without_key[p]);
        }
      }
    }
    for (std::size_t p = 0; g.empty() && p < stepdowns.size(); ++p) add_stepdown_cells(rows[p], stepdowns[p], o.suppress);
    for (auto& row : rows) t.rows.push_back(std::move(row));
  }
  for (std::size_t k = 0; k < 2; ++k)
    if (family_missing[k])
      t.notes.push_back(std::string(k == 0 ? "Referrals" : "Plans") + " with no " + o.family + " value (at most " +
                        std::to_string(family_missing[k]) + " in any period) are in no family count");


  // Published comparison: the years ending 31 March whose financial year overlaps the range.
  if (!o.benchmarks.empty()) {
    const std::string sn_file = find_file(o.benchmarks, "New_Statistical_Neighbour");
    std::ifstream sn_in(sn_file, std::ios::binary);
    const auto sn = csc::io::read_statistical_neighbours(sn_in, sn_file);
    const int first_year = csc::financial_year_of(range.first()) + 1;
    const int last_year = csc::financial_year_of(*range.last()) + 1;
    const auto compare = [&](const char* measure, const char* prefix, const auto& local) {
      const std::string file = find_file(o.benchmarks, prefix);
      std::ifstream table_in(file, std::ios::binary);
      comparison c{measure, compare_published(csc::io::published_table::read(table_in, file), measure, sn, *o.la,
                                              first_year, last_year)};
      for (comparison_line& l : c.lines) l.local = local(csc::financial_year<date>(l.year - 1));
      t.published.push_back(std::move(c));
    };
    if (in.referrals)
      compare("rereferral_percent", "c1_", [&](const csc::interval<date>& fy) {
        const auto m = csc::measure_rereferrals(*in.referral_cls, fy);
        return ratio_cell(m.rereferral_count, m.referral_count, 100, false);
      });
    if (in.cp_plans)
      compare("CPP_subsequent_percent", "d3_", [&](const csc::interval<date>& fy) {
        const auto m = csc::measure_cp_plans(*in.cp_cls, fy);
        return ratio_cell(m.CPP_subsequent, m.CPP_start, 100, false);
      });
  }
  return t;
}

// The display text of a published figure: as published, or its symbol, "-" when absent.
inline std::string published_text(const csc::io::published_value& v) { return v.text.empty() ? "-" : v.text; }

// "better"/"worse"/"same" than England for a lower-is-better measure, "-" without both figures.
inline std::string versus_england(const comparison_line& l) {
  if (!l.la.value || !l.england.value) return "-";
  return *l.la.value < *l.england.value ? "better" : *l.la.value > *l.england.value ? "worse" : "same";
}

// The year label "2015-16" of the year ending 31 March @p year.
inline std::string year_label(int year) {
  const int yy = year % 100;
  return std::to_string(year - 1) + "-" + (yy < 10 ? "0" : "") + std::to_string(yy);
}

// Whether @p c meets target @p t for measure @p m: "yes", "no", or "" when undefined or suppressed.
inline std::string target_met(const cell& c, const measure_info& m, const target& t) {
  if (!c.value || c.suppressed) return "";
  return (m.lower_is_better ? *c.value <= t.value : *c.value >= t.value) ? "yes" : "no";
}

}  // namespace csc_report

#endif
