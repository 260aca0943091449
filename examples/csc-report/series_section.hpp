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
#include <csc/measure/distinct_count.hpp>
#include <csc/measure/measure.hpp>
#include <csc/measure/rereferrals.hpp>
#include <csc/measure/stepdown.hpp>
#include <csc/report/comparison.hpp>
#include <csc/report/period_label.hpp>
#include <csc/report/population.hpp>
#include <csc/report/suppression.hpp>

#include <algorithm>
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

// One row of the series table: a group (breakdown key, "" for all records) and a period.
struct series_row {
  std::string group;
  std::size_t period = 0;
  std::map<std::string, csc::figure> cells;  // none: the measure does not apply to the group (undefined)

  const csc::figure& at(const std::string& measure) const {
    static const csc::figure undefined{};
    const auto it = cells.find(measure);
    return it == cells.end() ? undefined : it->second;
  }
};

struct series_table {
  csc::period_series<date> series;
  std::vector<std::string> columns;   // measure names shown, in series_measures() order
  std::vector<series_row> rows;       // the (all) rows first, then each group's, each in period order
  std::size_t records_without_key = 0;
  std::vector<std::string> notes;
  std::vector<csc::published_comparison> published;
};

// What the series is computed from (any may be null).
struct series_inputs {
  const referral_input* referrals = nullptr;
  const csc::rereferral_classification<std::string>* referral_cls = nullptr;
  const cp_plan_input* cp_plans = nullptr;
  const csc::cp_plan_classification<std::string>* cp_cls = nullptr;
  const csc::transition_classification<std::string>* transitions = nullptr;
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
  const auto estimates = csc::population_estimates::read(in, o.population_file);
  for (std::size_t p = 0; p < s.size(); ++p) {
    const auto applicable =
        csc::population_for_financial_year(estimates, *o.la, csc::financial_year_of(*s[p].period.last()));
    out[p] = applicable.population;
    if (!out[p]) notes.push_back(csc::missing_population_note(applicable, s[p].label));
  }
  return out;
}

inline void add_rereferral_cells(series_row& row, const csc::rereferral_measures& m,
                                 const std::optional<std::size_t>& population, bool suppress) {
  row.cells["referral_count"] = csc::count_figure(m.referral_count, suppress);
  row.cells["rereferral_count"] = csc::count_figure(m.rereferral_count, suppress);
  row.cells["rereferral_percent"] = csc::percent_figure(m.rereferral_count, m.referral_count, suppress);
  // Undefined when the period has no population figure (the column is shown only with one).
  row.cells["referral_rate_per_10000"] =
      population ? csc::rate_figure(m.referral_count, *population, suppress) : csc::figure{};
}

inline void add_cp_cells(series_row& row, const csc::cp_plan_start_measures& m, const csc::cp_plan_open_measures& open,
                         const std::optional<std::size_t>& population, bool suppress) {
  row.cells["CPP_start"] = csc::count_figure(m.CPP_start, suppress);
  row.cells["CPP_subsequent"] = csc::count_figure(m.CPP_subsequent, suppress);
  row.cells["CPP_subsequent_percent"] = csc::percent_figure(m.CPP_subsequent, m.CPP_start, suppress);
  row.cells["CPP_subsequent_within_2y_percent"] = csc::percent_figure(m.CPP_subsequent_within_2y, m.CPP_start, suppress);
  row.cells["CPP_open"] = csc::count_figure(open.CPP_open, suppress);
  row.cells["CPP_start_rate_per_10000"] =
      population ? csc::rate_figure(m.CPP_start, *population, suppress) : csc::figure{};
}

inline void add_stepdown_cells(series_row& row, const csc::stepdown_measures& m, bool suppress) {
  row.cells["step_downs"] = csc::count_figure(m.step_downs.count, suppress);
  row.cells["step_downs_re_escalated_percent"] =
      csc::percent_figure(m.step_downs.re_escalated, m.step_downs.count, suppress);
  row.cells["bounces"] = csc::count_figure(m.step_downs.bounces, suppress);
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
        referral_keys.push_back(group_keys(o, in.referrals->file, rows[i], rows[i].referral));
        continue;
      }
      const auto& c = (*in.referral_cls)[i];
      referral_keys.push_back({!c.previous               ? "no previous referral"
                               : *rows[*c.previous].nfa ? "previous referral NFA"
                                                        : "previous referral not NFA"});
    }
  }
  if (by_cp)
    for (const auto& row : in.cp_plans->rows) cp_keys.push_back(group_keys(o, in.cp_plans->file, row, row.start));
  // One pass per measure family (the whole series, or split by the record's
  // keys); a group (key) gets zero counts from an input grouped by the same
  // column that has no record with that key, and no cells (shown as undefined)
  // from an input that is not grouped.
  const auto measure_by = [&](const auto& cls, bool grouped, const std::vector<std::vector<std::string>>& keys,
                              const auto& accumulator) {
    using measures = typename std::decay_t<decltype(accumulator)>::value_type;
    if (grouped)
      return csc::measure_by(cls, s, accumulator,
                             [&keys](const auto& item) -> const std::vector<std::string>& { return keys[item.record]; });
    return csc::breakdown<std::string, measures>{{}, {}, csc::measure(cls, s, accumulator), 0};
  };
  std::optional<csc::breakdown<std::string, csc::rereferral_measures>> referral_b;
  std::optional<csc::breakdown<std::string, csc::cp_plan_start_measures>> cp_b;
  std::optional<csc::breakdown<std::string, csc::cp_plan_open_measures>> cp_open_b;
  if (in.referrals) referral_b = measure_by(*in.referral_cls, by_referrals, referral_keys, csc::count_rereferrals{});
  if (in.cp_plans) {
    cp_b = measure_by(*in.cp_cls, by_cp, cp_keys, csc::count_cp_plan_starts{});
    cp_open_b = measure_by(*in.cp_cls, by_cp, cp_keys, csc::count_cp_plans_open{});
  }
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
  const auto referral_date = [&](std::size_t i) { return std::optional<date>(in.referrals->rows[i].referral); };
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
  if (in.transitions && o.by.empty()) stepdowns = csc::measure(*in.transitions, s, csc::count_stepdowns{});

  for (const std::string& g : groups) {
    std::vector<series_row> rows;
    for (std::size_t p = 0; p < s.size(); ++p) rows.push_back(series_row{g, p, {}});
    if (referral_b && (g.empty() || by_referrals)) {
      for (std::size_t p = 0; p < s.size(); ++p)
        add_rereferral_cells(rows[p], measures_of(*referral_b, g, p), population[p], o.suppress);
      if (family_referrals) {
        const auto f = families(in.referrals->rows.size(), referral_date, referral_keys, family_in(in.referrals->rows), g);
        for (std::size_t p = 0; p < s.size(); ++p) {
          rows[p].cells["referral_family_count"] = csc::count_figure(f.distinct[p], o.suppress);
          if (g.empty()) family_missing[0] = std::max(family_missing[0], f.without_key[p]);
        }
      }
    }
    if (cp_b && (g.empty() || by_cp)) {
      for (std::size_t p = 0; p < s.size(); ++p)
        add_cp_cells(rows[p], measures_of(*cp_b, g, p), measures_of(*cp_open_b, g, p), population[p], o.suppress);
      if (family_cp) {
        const auto f = families(in.cp_plans->rows.size(), plan_start, cp_keys, family_in(in.cp_plans->rows), g);
        for (std::size_t p = 0; p < s.size(); ++p) {
          rows[p].cells["CPP_family_start"] = csc::count_figure(f.distinct[p], o.suppress);
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
      auto c = csc::compare_published(csc::io::published_table::read(table_in, file), measure, sn, *o.la, first_year,
                                      last_year, find_measure(measure)->lower_is_better);
      for (auto& l : c.lines) l.local = local(csc::financial_year<date>(l.year - 1));
      t.published.push_back(std::move(c));
    };
    if (in.referrals)
      compare("rereferral_percent", "c1_", [&](const csc::interval<date>& fy) {
        const auto m = csc::measure(*in.referral_cls, fy, csc::count_rereferrals{});
        return csc::percent_figure(m.rereferral_count, m.referral_count, false);
      });
    if (in.cp_plans)
      compare("CPP_subsequent_percent", "d3_", [&](const csc::interval<date>& fy) {
        const auto m = csc::measure(*in.cp_cls, fy, csc::count_cp_plan_starts{});
        return csc::percent_figure(m.CPP_subsequent, m.CPP_start, false);
      });
  }
  return t;
}

// The display text of a published figure: as published, or its symbol, "-" when absent.
inline std::string published_text(const csc::io::published_value& v) { return v.text.empty() ? "-" : v.text; }

// Whether @p c meets target @p t for measure @p m: "yes", "no", or "" when undefined or suppressed.
inline std::string target_met(const csc::figure& c, const measure_info& m, const target& t) {
  if (!c.value || c.suppressed) return "";
  return csc::meets_target(*c.value, t.value, m.lower_is_better) ? "yes" : "no";
}

}  // namespace csc_report

#endif
