/// @file
/// @brief `csc::build_series_table`: every series measure
/// (csc/report/measure_catalogue.hpp) over a period series, for all records
/// and by group (`by`: an item, the DfE age band, or the previous referral's
/// NFA), with distinct families, rates per 10,000, DfE suppression and the
/// published comparisons of DfE tables C1 and D3 (docs/rules/series.md,
/// docs/rules/breakdowns.md). It takes data already read: records
/// (csc/io/records.hpp), ONS estimates and DfE published tables.
#ifndef CSC_REPORT_SERIES_TABLE_HPP
#define CSC_REPORT_SERIES_TABLE_HPP

#include <csc/calendar/age.hpp>
#include <csc/calendar/periods.hpp>
#include <csc/calendar/series.hpp>
#include <csc/core/civil_date.hpp>
#include <csc/core/count_text.hpp>
#include <csc/core/day.hpp>
#include <csc/core/interval.hpp>
#include <csc/io/dfe_statistics.hpp>
#include <csc/io/cin_codes.hpp>
#include <csc/io/error.hpp>
#include <csc/io/merge_extracts.hpp>
#include <csc/io/records.hpp>
#include <csc/measure/breakdown.hpp>
#include <csc/measure/cp_plans.hpp>
#include <csc/measure/distinct_count.hpp>
#include <csc/measure/measure.hpp>
#include <csc/measure/rereferrals.hpp>
#include <csc/measure/stepdown.hpp>
#include <csc/report/comparison.hpp>
#include <csc/report/completeness.hpp>
#include <csc/report/measure_catalogue.hpp>
#include <csc/report/population.hpp>
#include <csc/report/secondary_suppression.hpp>
#include <csc/report/suppression.hpp>

#include <algorithm>
#include <cstddef>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace csc {

/// @brief What a series table is counted from: records as read and their
/// classifications. Any input may be null; records need their classification.
/// Records are read keeping series_table_options::kept_items(), in that order.
/// Source: docs/rules/series.md (series table).
struct series_inputs {
  const io::referral_table* referrals = nullptr;                                ///< Referrals as read.
  const rereferral_classification<io::text_view>* classified_referrals = nullptr;  ///< classify_rereferrals of `referrals`.
  const io::cp_plan_table* cp_plans = nullptr;                                  ///< CP plans as read.
  const cp_plan_classification<io::text_view>* classified_cp_plans = nullptr;      ///< classify_cp_plans of `cp_plans`.
  const transition_classification<io::text_view>* transitions = nullptr;         ///< Step-down transitions (not grouped).
  /// First day the referral data covers (docs/rules/completeness.md); default: the earliest CINreferralDate.
  std::optional<day> referrals_from;
  /// First day the plan data covers; default: the earliest CPPstartDate.
  std::optional<day> cp_plans_from;
};

/// @brief How a series table is split and presented.
/// Source: docs/rules/breakdowns.md, docs/rules/families.md, docs/rules/rates.md.
struct series_table_options {
  /// The breakdown key: "" for none, a CIN census item (CSV column) whose
  /// value may list several keys separated by ';', by_age_band or by_previous_referral_nfa.
  std::string by;
  /// Further breakdown keys (csc-report: a second and third `--by`), each as
  /// `by`: the table is then a cross-tab of every combination of keys, with
  /// the margins of each key and of each combination (docs/rules/breakdowns.md).
  std::vector<std::string> by_also;
  std::string family;                     ///< The family item (column) for distinct-family counts; "" for none.
  std::optional<std::size_t> population;  ///< One population for every period (else published_data::population).
  /// DfE suppression: counts 1-5 (csc::figure), and with groups secondary
  /// suppression against the totals (docs/rules/suppression.md).
  bool suppress = false;
  /// Count children with 3 or more referrals dated in each period
  /// (`children_3_plus_referrals`; csc-report `--three-plus-referrals`; docs/rules/three-plus-referrals.md).
  bool children_3_plus_referrals = false;
  /// Referral outcomes within this many days of the referral date (0 to N
  /// days after it): an assessment started (AssessmentActualStartDate), a
  /// Section 47 enquiry started (S47ActualStartDate), and NFA (ReferralNFA)
  /// (csc-report `--outcome-days N`; docs/rules/referral-outcomes.md). None: no outcome columns.
  std::optional<int> outcome_days;

  /// The derived key "age_band": the DfE age band at the referral date or plan
  /// start, from item PersonBirthDate (docs/rules/age.md).
  static constexpr std::string_view by_age_band = "age_band";
  /// The derived key "previous_referral_nfa" (referrals only): "no previous
  /// referral", "previous referral NFA" or "previous referral not NFA".
  static constexpr std::string_view by_previous_referral_nfa = "previous_referral_nfa";

  /// @brief The items the readers must keep for this table, in this order:
  /// [0] the item `by` reads ("" for none), [1] `family` ("" for none),
  /// [2 + i] the item `by_also[i]` reads, then with `outcome_days`
  /// AssessmentActualStartDate and S47ActualStartDate.
  /// @return the item names (record `kept` values are read by position).
  std::vector<std::string> kept_items() const {
    const auto item = [](const std::string& key) {
      return key == by_age_band ? std::string("PersonBirthDate") : key == by_previous_referral_nfa ? std::string() : key;
    };
    std::vector<std::string> out{item(by), family};
    for (const std::string& k : by_also) out.push_back(item(k));
    if (outcome_days) out.insert(out.end(), {"AssessmentActualStartDate", "S47ActualStartDate"});
    return out;
  }

  /// @brief The breakdown keys in order: `by` then `by_also` (empty without `by`).
  /// @return the keys, e.g. {"ReferralSource", "age_band"}.
  std::vector<std::string> by_keys() const {
    std::vector<std::string> out;
    if (by.empty()) return out;
    out.push_back(by);
    out.insert(out.end(), by_also.begin(), by_also.end());
    return out;
  }
};

/// @brief DfE and ONS open data as read, for one local authority: population
/// estimates, statistical neighbours and published tables C1 and D3.
/// Source: docs/rules/rates.md, docs/rules/benchmarks.md.
struct published_data {
  int la = 0;  ///< Old LA number, e.g. 335.
  /// ONS estimates: each period's population by DfE's mid-year rule, unless
  /// series_table_options::population is given.
  const population_estimates* population = nullptr;
  /// Statistical neighbour groupings by LA number; null: no SN mean.
  const std::map<int, io::statistical_neighbours>* neighbours = nullptr;
  const io::published_table* c1 = nullptr;  ///< Table C1: compares rereferral_percent when referrals are given.
  const io::published_table* d3 = nullptr;  ///< Table D3: compares CPP_start (count, rate) and CPP_subsequent_percent.
  /// The ONS estimates as a DfE table (England, regional and LA rows): the
  /// published rates per 10,000 of C1 and D3 counts; null: no rate comparison.
  const io::published_table* ons = nullptr;
  const io::published_table* d5 = nullptr;  ///< Table D5: plans open at 31 March lasting 2 years or more (%).
};

/// @brief One row of a series table: a group and a period, one cell per measure.
/// Source: docs/rules/breakdowns.md (series table).
struct series_row {
  /// The breakdown key; "" for all records. In a cross-tab, each key (or
  /// "(all)" for a margin) joined by " / ", and "" for all records.
  std::string group;
  std::size_t period = 0;                    ///< Index into the series.
  std::map<std::string, figure> cells;       ///< By measure name; absent: undefined for the group.
  std::vector<std::string> keys;             ///< One key per breakdown key (series_table_options::by_keys); "" for all.

  /// @brief The cell of measure @p measure.
  /// @param measure a measure name.
  /// @return its figure; an undefined figure when the row has none.
  const figure& at(const std::string& measure) const {
    static const figure undefined{};
    const auto it = cells.find(measure);
    return it == cells.end() ? undefined : it->second;
  }
};

/// @brief Every measure over a series, by group, with the published comparisons.
/// Source: docs/rules/series.md, docs/rules/breakdowns.md.
/// @tparam D the series' date type (csc::date_traits).
template <class D>
struct series_table {
  period_series<D> series;                  ///< The periods.
  std::vector<std::string> columns;         ///< Measures shown, in series_measures order.
  std::vector<series_row> rows;             ///< The rows of all records, then each group's; each in period order.
  std::size_t records_without_key = 0;      ///< Records of the grouped inputs with no key (in all records only).
  std::vector<std::string> notes;           ///< Missing populations, records without a family.
  std::vector<published_comparison> published;  ///< C1 then D3, when their tables and inputs are given.
  std::vector<period_completeness> completeness;  ///< One per period (docs/rules/completeness.md).
  std::optional<day> referrals_from;        ///< First day of the referral data, as used for completeness.
  std::optional<day> cp_plans_from;         ///< First day of the plan data, as used for completeness.
  std::vector<std::string> by;              ///< The breakdown keys (series_table_options::by_keys).
  std::vector<std::size_t> records_without_keys;  ///< Per breakdown key: records of its grouped inputs with no key.
  std::size_t secondary_suppressed = 0;     ///< Count cells hidden by secondary suppression (docs/rules/suppression.md).
};

/// @brief The order of breakdown keys: DfE's age bands in age order (Unborn,
/// Under 1, 1 to 4 years, ...) before any other key, then natural order (runs
/// of digits compared as numbers: "2A" < "10", "N2" < "N10"), then text order.
/// Source: docs/rules/breakdowns.md.
/// @param a a key.
/// @param b a key.
/// @return true when @p a comes before @p b.
inline bool breakdown_key_less(std::string_view a, std::string_view b) {
  const auto band = [](std::string_view s) {
    for (int i = 0; i <= static_cast<int>(age_band::age_16_plus); ++i)
      if (csc::to_string(static_cast<age_band>(i)) == s) return i;
    return -1;
  };
  const int ba = band(a), bb = band(b);
  if (ba >= 0 || bb >= 0) return ba >= 0 && bb >= 0 ? ba < bb : ba >= 0;
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (digit(a[i]) && digit(b[j])) {
      std::size_t ie = i, je = j;
      while (ie < a.size() && digit(a[ie])) ++ie;
      while (je < b.size() && digit(b[je])) ++je;
      std::string_view na = a.substr(i, ie - i), nb = b.substr(j, je - j);
      while (na.size() > 1 && na.front() == '0') na.remove_prefix(1);
      while (nb.size() > 1 && nb.front() == '0') nb.remove_prefix(1);
      if (na.size() != nb.size()) return na.size() < nb.size();
      if (na != nb) return na < nb;
      i = ie;
      j = je;
    } else {
      if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]);
      ++i;
      ++j;
    }
  }
  if ((a.size() - i) != (b.size() - j)) return a.size() - i < b.size() - j;
  return a < b;
}

/// @brief DfE's label for key @p key of breakdown @p by: the meaning of a code
/// of the CIN census code lists (csc::io::cin_code_label: ReferralSource,
/// PrimaryNeedCode, ReasonForClosure, InitialCategoryOfAbuse,
/// LatestCategoryOfAbuse, AssessmentFactors). Source: docs/rules/breakdowns.md.
/// @param by  the breakdown key's item, e.g. "ReferralSource".
/// @param key the code, e.g. "6".
/// @return its label, e.g. "POLICE"; std::nullopt when the item has no code list or the code is not in it.
inline std::optional<std::string_view> breakdown_label(std::string_view by, std::string_view key) {
  return io::cin_code_label(by, key);
}

/// @brief The keys of a multi-valued item value: its parts between ';',
/// empty parts dropped ("" has none). Source: docs/rules/breakdowns.md.
/// @param value the item value as read, e.g. "2B;3A".
/// @return the keys in order, e.g. {"2B", "3A"}.
inline std::vector<std::string> split_multi_valued(std::string_view value) {
  std::vector<std::string> out;
  for (;;) {
    const std::size_t end = value.find(';');
    if (end != 0 && !value.empty()) out.emplace_back(value.substr(0, end));
    if (end == std::string_view::npos) return out;
    value.remove_prefix(end + 1);
  }
}

/// @brief The population of each period of a series, and a note for each
/// period without one. Source: docs/rules/rates.md.
struct period_populations {
  std::vector<std::optional<std::size_t>> population;  ///< Per period; empty: rates undefined.
  std::vector<std::string> notes;                      ///< csc::missing_population_note per period without one.
};

/// @brief The population of each period of @p series: @p fixed for every
/// period; else the ONS estimate of `data.la` for the financial year of the
/// period's last day (DfE: the year ending 31 March Y uses the mid-year Y-1
/// estimate, csc::population_for_financial_year); else none.
/// Source: docs/rules/rates.md.
/// @tparam D the series' date type.
/// @param series the periods.
/// @param fixed  one population for every period, or none.
/// @param data   the ONS estimates (data.population) and the LA (data.la).
/// @return one population per period, and the notes.
template <class D>
period_populations series_populations(const period_series<D>& series, const std::optional<std::size_t>& fixed,
                                      const published_data& data) {
  period_populations out{std::vector<std::optional<std::size_t>>(series.size(), fixed), {}};
  if (fixed || !data.population) return out;
  for (std::size_t p = 0; p < series.size(); ++p) {
    const applicable_population a =
        population_for_financial_year(*data.population, data.la, financial_year_of(*series[p].period.last()));
    out.population[p] = a.population;
    if (!a.population) out.notes.push_back(missing_population_note(a, series[p].label));
  }
  return out;
}

namespace detail {

// The keys of each record of `table` for a breakdown by item kept[0]: its value
// split at ';', or with `age` the DfE age band on the record's `date` from kept[0]
// (PersonBirthDate; empty: no key; not a date: an error naming file, line and item).
template <class Record>
std::vector<std::vector<std::string>> breakdown_keys(const io::record_table<Record>& table, day Record::*date,
                                                     bool age, std::size_t kept_index = 0) {
  std::vector<std::vector<std::string>> out;
  out.reserve(table.records.size());
  for (const Record& r : table.records) {
    const std::string_view text = r.kept.at(kept_index);
    if (!age || text.empty()) {
      out.push_back(age ? std::vector<std::string>() : split_multi_valued(text));
      continue;
    }
    const std::optional<civil_date> birth = parse_iso_date(text);
    if (!birth)
      throw io::parse_error(r.source.file < table.files.size() ? table.files[r.source.file] : table.name,
                            r.source.line, "PersonBirthDate",
                            io::quoted_value(text) + " is not a valid date of the form YYYY-MM-DD");
    out.push_back({std::string(csc::to_string(age_band_on(*birth, (r.*date).civil())))});
  }
  return out;
}

// The key of each referral for by_previous_referral_nfa: from the ReferralNFA of
// its previous referral (no key when that referral has no ReferralNFA value).
inline std::vector<std::vector<std::string>> previous_referral_nfa_keys(
    const io::referral_table& referrals, const rereferral_classification<io::text_view>& classified) {
  std::vector<std::vector<std::string>> out(referrals.records.size());
  for (std::size_t i = 0; i < out.size(); ++i) {
    const std::optional<std::size_t>& previous = classified[i].previous;
    if (!previous) {
      out[i] = {"no previous referral"};
    } else if (const std::optional<bool>& nfa = referrals.records[*previous].nfa) {
      out[i] = {*nfa ? "previous referral NFA" : "previous referral not NFA"};
    }
  }
  return out;
}

// Per period of `s`: the children with at least `at_least` referrals dated in the
// period among the referrals of group `group` ("" all; else those whose `keys` hold it).
template <class D>
std::vector<std::size_t> children_with_referrals(const io::referral_table& referrals, const period_series<D>& s,
                                                 const std::vector<std::vector<std::string>>& keys,
                                                 const std::string& group, std::size_t at_least) {
  std::vector<std::map<std::string_view, std::size_t>> per(s.size());
  for (std::size_t i = 0; i < referrals.records.size(); ++i) {
    if (!group.empty() && std::find(keys[i].begin(), keys[i].end(), group) == keys[i].end()) continue;
    const day d = referrals.records[i].referral;
    for (std::size_t p = 0; p < s.size(); ++p)
      if (to_day(s[p].period.first()) <= d && d <= to_day(*s[p].period.last())) ++per[p][referrals.records[i].child];
  }
  std::vector<std::size_t> out(s.size(), 0);
  for (std::size_t p = 0; p < s.size(); ++p)
    for (const auto& [child, count] : per[p]) out[p] += count >= at_least ? 1 : 0;
  return out;
}

// Referral outcomes of one group and period (docs/rules/referral-outcomes.md).
struct referral_outcomes {
  std::size_t referrals = 0;    // referrals dated in the period
  std::size_t assessment = 0;   // with an assessment started 0 to N days after the referral
  std::size_t s47 = 0;          // with a Section 47 enquiry started 0 to N days after
  std::size_t nfa = 0;          // ReferralNFA true
  std::size_t window_open = 0;  // referral + N days after the extract date
};

// Per period of `s`, the outcomes of group `group`'s referrals ("" all), reading the
// assessment start at kept[first_date] and the Section 47 start at kept[first_date + 1]
// (empty: none; not a date: an error naming file, line and item).
template <class D>
std::vector<referral_outcomes> count_referral_outcomes(const io::referral_table& referrals, const period_series<D>& s,
                                                       const std::vector<std::vector<std::string>>& keys,
                                                       const std::string& group, int days_after,
                                                       std::size_t first_date, day extract) {
  std::vector<referral_outcomes> out(s.size());
  for (std::size_t i = 0; i < referrals.records.size(); ++i) {
    if (!group.empty() && std::find(keys[i].begin(), keys[i].end(), group) == keys[i].end()) continue;
    const io::referral_record& r = referrals.records[i];
    const auto within = [&](std::size_t k, const char* item) {
      const std::string_view text = r.kept.at(k);
      if (text.empty()) return false;
      const std::optional<civil_date> d = parse_iso_date(text);
      if (!d)
        throw io::parse_error(r.source.file < referrals.files.size() ? referrals.files[r.source.file] : referrals.name,
                              r.source.line, item, io::quoted_value(text) + " is not a valid date of the form YYYY-MM-DD");
      const int after = (day(*d) - r.referral).count();
      return after >= 0 && after <= days_after;
    };
    bool assessed = false, s47 = false, known = false;
    for (std::size_t p = 0; p < s.size(); ++p) {
      if (!(to_day(s[p].period.first()) <= r.referral && r.referral <= to_day(*s[p].period.last()))) continue;
      if (!known) {
        assessed = within(first_date, "AssessmentActualStartDate");
        s47 = within(first_date + 1, "S47ActualStartDate");
        known = true;
      }
      referral_outcomes& o = out[p];
      ++o.referrals;
      o.assessment += assessed ? 1 : 0;
      o.s47 += s47 ? 1 : 0;
      o.nfa += r.nfa.value_or(false) ? 1 : 0;
      o.window_open += (r.referral + days(days_after)) > extract ? 1 : 0;
    }
  }
  return out;
}

// csc::measure_by by `keys` (indexed by record), or csc::measure as the total of
// a breakdown without keys when `keys` is null.
template <class Classification, class D, class Accumulator>
breakdown<std::string, typename Accumulator::value_type> measure_groups(
    const Classification& classified, const period_series<D>& series, const Accumulator& accumulator,
    const std::vector<std::vector<std::string>>* keys) {
  if (!keys) return {{}, {}, csc::measure(classified, series, accumulator), 0};
  return csc::measure_by(classified, series, accumulator,
                         [keys](const auto& item) -> const std::vector<std::string>& { return (*keys)[item.record]; });
}

// The measures of group `group` in period `p` of `b`: the total for "", zeros for a key `b` lacks.
template <class Measures>
Measures group_measures(const breakdown<std::string, Measures>& b, const std::string& group, std::size_t p) {
  if (group.empty()) return b.total[p];
  const std::vector<Measures>* row = b.row(group);
  return row ? (*row)[p] : Measures{};
}

inline void add_cells(series_row& row, const rereferral_measures& m, const std::optional<std::size_t>& population,
                      bool suppress) {
  row.cells["referral_count"] = count_figure(m.referral_count, suppress);
  row.cells["rereferral_count"] = count_figure(m.rereferral_count, suppress);
  row.cells["rereferral_percent"] = percent_figure(m.rereferral_count, m.referral_count, suppress);
  row.cells["referral_rate_per_10000"] = population ? rate_figure(m.referral_count, *population, suppress) : figure{};
}

inline void add_cells(series_row& row, const cp_plan_start_measures& m, const cp_plan_open_measures& open,
                      const std::optional<std::size_t>& population, bool suppress) {
  row.cells["CPP_start"] = count_figure(m.CPP_start, suppress);
  row.cells["CPP_subsequent"] = count_figure(m.CPP_subsequent, suppress);
  row.cells["CPP_subsequent_percent"] = percent_figure(m.CPP_subsequent, m.CPP_start, suppress);
  row.cells["CPP_subsequent_within_2y_percent"] = percent_figure(m.CPP_subsequent_within_2y, m.CPP_start, suppress);
  row.cells["CPP_subsequent_within_2y"] = count_figure(m.CPP_subsequent_within_2y, suppress);  // removed after suppression
  row.cells["CPP_open"] = count_figure(open.CPP_open, suppress);
  row.cells["CPP_start_rate_per_10000"] = population ? rate_figure(m.CPP_start, *population, suppress) : figure{};
}

inline void add_cells(series_row& row, const stepdown_measures& m, bool suppress) {
  row.cells["step_downs"] = count_figure(m.step_downs.count, suppress);
  row.cells["step_downs_re_escalated_percent"] = percent_figure(m.step_downs.re_escalated, m.step_downs.count, suppress);
  row.cells["bounces"] = count_figure(m.step_downs.bounces, suppress);
}

// The published comparisons (docs/rules/benchmarks.md): one per measure DfE publishes
// for the inputs given, one line per financial year overlapping `range`, the local
// figure counted over the part of that year inside `range` only, suppressed as the series
// table's figures are when `suppress` is set, marked history_incomplete as they are.
template <class D>
std::vector<published_comparison> published_comparisons(const interval<D>& range, const series_inputs& in,
                                                        const published_data& data,
                                                        const std::optional<std::size_t>& fixed_population,
                                                        bool suppress) {
  std::vector<published_comparison> out;
  const std::map<int, io::statistical_neighbours> no_neighbours;
  const period_series<D> years_series(series_kind::financial_year, range.first(), *range.last());
  std::vector<published_year> years;
  for (const labelled_period<D>& p : years_series.periods())
    years.push_back(published_year{financial_year_of(p.period.first()) + 1, p.label, p.partial});
  // A local figure only where the input's data reaches the period (docs/rules/completeness.md): else undefined.
  const auto covers = [](const auto* table, const std::optional<day>& from, const auto* classified, const interval<D>& p) {
    return data_covers(to_day(p.first()), to_day(*p.last()), from ? from : io::first_key_date(*table),
                       classified->extract_date());
  };
  const auto compare = [&](const io::published_table& table, const published_figure_of& of, std::string_view measure,
                           std::string_view label, bool judged, bool lower_is_better, bool computed,
                           const auto& counted_local) {
    const bool referrals = &table == data.c1;  // C1 counts referrals; D3 and D5 plans
    const auto local = [&](const interval<D>& p) {
      const bool covered = referrals ? covers(in.referrals, in.referrals_from, in.classified_referrals, p)
                                     : covers(in.cp_plans, in.cp_plans_from, in.classified_cp_plans, p);
      return covered ? counted_local(p) : figure{};
    };
    published_comparison c = compare_published(table, of, data.neighbours ? *data.neighbours : no_neighbours, data.la,
                                               years, lower_is_better);
    c.measure = std::string(measure);
    c.label = std::string(label);
    c.judged = judged;
    c.computed = computed;
    c.per_period = !judged && measure.find("percent") == std::string_view::npos;  // counts and rates
    const measure_info* m = find_measure(measure);
    for (std::size_t k = 0; k < c.lines.size(); ++k) {
      const interval<D>& p = years_series[k].period;
      c.lines[k].local = local(p);
      // The series table's completeness rule for the local year: an under-count is marked and not judged.
      period_completeness pc;
      const day first = to_day(p.first()), last = to_day(*p.last());
      if (referrals) {
        const std::optional<day> from = in.referrals_from ? in.referrals_from : io::first_key_date(*in.referrals);
        pc.look_back = history_within_data(first, from, in.classified_referrals->policy().look_back);
        pc.referrals_cover = data_covers(first, last, from, in.classified_referrals->extract_date());
      } else {
        const std::optional<day> from = in.cp_plans_from ? in.cp_plans_from : io::first_key_date(*in.cp_plans);
        const cp_plan_policy& policy = in.classified_cp_plans->policy();
        pc.repeat_window = history_within_data(first, from, policy.repeat_window);
        pc.cp_plans_cover = data_covers(first, last, from, in.classified_cp_plans->extract_date());
        pc.any_history = policy.evidence != previous_plan_evidence::history_only && in.cp_plans->has_item("NumberOfPreviousCPP");
      }
      c.lines[k].history_incomplete = m && c.lines[k].local.value && pc.history_incomplete(*m);
    }
    out.push_back(std::move(c));
  };
  const auto label_of = [](std::string_view measure) { return published_measure_label(measure); };
  // The local rate's population: the fixed one, else the LA's ONS estimate (data.population, else data.ons).
  std::optional<population_estimates> from_ons;
  if (!fixed_population && !data.population && data.ons) from_ons = population_estimates::from_table(*data.ons, "ONS");
  const population_estimates* estimates = data.population ? data.population : from_ons ? &*from_ons : nullptr;
  const auto population = [&](const interval<D>& p) -> std::optional<std::size_t> {
    if (fixed_population) return fixed_population;
    if (!estimates) return std::nullopt;
    return population_for_financial_year(*estimates, data.la, financial_year_of(p.first())).population;
  };
  if (data.c1 && in.referrals) {
    const io::published_table& c1 = *data.c1;
    const auto counted = [&](const interval<D>& p) { return csc::measure(*in.classified_referrals, p, count_rereferrals{}); };
    if (c1.column("referral_count"))
      compare(c1, published_column(c1, "referral_count"), "referral_count", label_of("referral_count"), false, false,
            false, [&](const interval<D>& p) { return count_figure(counted(p).referral_count, suppress); });
    if (data.ons && c1.column("referral_count") && data.ons->column("population_estimate"))
      compare(c1, rate_from_counts(c1, "referral_count", *data.ons), "referral_rate_per_10000",
              label_of("referral_rate_per_10000"), false, false, true, [&](const interval<D>& p) {
                const std::optional<std::size_t> n = population(p);
                return n ? rate_figure(counted(p).referral_count, *n, suppress) : figure{};
              });
    compare(c1, published_column(c1, "rereferral_percent"), "rereferral_percent", label_of("rereferral_percent"), true,
            true, false, [&](const interval<D>& p) {
              const rereferral_measures m = counted(p);
              return percent_figure(m.rereferral_count, m.referral_count, suppress);
            });
    if (in.referrals->has_item("ReferralNFA") && c1.column("no_further_action_percent"))
      compare(c1, published_column(c1, "no_further_action_percent"), "no_further_action_percent",
              published_measure_label("no_further_action_percent"), false, false, false, [&](const interval<D>& p) {
                std::size_t nfa = 0, referrals = 0;
                for (const io::referral_record& r : in.referrals->records)
                  if (p.contains(r.referral)) {
                    ++referrals;
                    nfa += r.nfa.value_or(false);
                  }
                return percent_figure(nfa, referrals, suppress);
              });
  }
  if (data.d3 && in.cp_plans) {
    const io::published_table& d3 = *data.d3;
    const auto counted = [&](const interval<D>& p) { return csc::measure(*in.classified_cp_plans, p, count_cp_plan_starts{}); };
    if (d3.column("CPP_start"))
      compare(d3, published_column(d3, "CPP_start"), "CPP_start", label_of("CPP_start"), false, false, false,
            [&](const interval<D>& p) { return count_figure(counted(p).CPP_start, suppress); });
    if (data.ons && d3.column("CPP_start") && data.ons->column("population_estimate"))
      compare(d3, rate_from_counts(d3, "CPP_start", *data.ons), "CPP_start_rate_per_10000",
              label_of("CPP_start_rate_per_10000"), false, false, true, [&](const interval<D>& p) {
                const std::optional<std::size_t> n = population(p);
                return n ? rate_figure(counted(p).CPP_start, *n, suppress) : figure{};
              });
    compare(d3, published_column(d3, "CPP_subsequent_percent"), "CPP_subsequent_percent",
            label_of("CPP_subsequent_percent"), true, true, false, [&](const interval<D>& p) {
              const cp_plan_start_measures m = counted(p);
              return percent_figure(m.CPP_subsequent, m.CPP_start, suppress);
            });
  }
  if (data.d5 && in.cp_plans && data.d5->column("2_years_or_more_percent"))
    compare(*data.d5, published_column(*data.d5, "2_years_or_more_percent"), "2_years_or_more_percent",
            published_measure_label("2_years_or_more_percent"), true, true, false, [&](const interval<D>& p) {
              const cp_plan_open_measures m = csc::measure(*in.classified_cp_plans, p, count_cp_plans_open{});
              return percent_figure(m.duration_bands_open[static_cast<std::size_t>(cp_plan_duration_band::two_years_or_more)],
                                    m.CPP_open, suppress);
            });
  return out;
}

}  // namespace detail


namespace detail {
// Fills t.completeness: per period, whether each history need is met and the step-downs' follow-up.
template <class D>
void add_completeness(series_table<D>& t, const series_inputs& in, const std::vector<stepdown_measures>& stepdowns) {
  if (in.referrals) t.referrals_from = in.referrals_from ? in.referrals_from : io::first_key_date(*in.referrals);
  if (in.cp_plans) t.cp_plans_from = in.cp_plans_from ? in.cp_plans_from : io::first_key_date(*in.cp_plans);
  for (std::size_t p = 0; p < t.series.size(); ++p) {
    period_completeness c;
    const day first = to_day(t.series[p].period.first());
    const day last = to_day(*t.series[p].period.last());
    if (in.referrals) {
      c.look_back = history_within_data(first, t.referrals_from, in.classified_referrals->policy().look_back);
      c.referrals_cover = data_covers(first, last, t.referrals_from, in.classified_referrals->extract_date());
    }
    if (in.cp_plans) {
      const cp_plan_policy& policy = in.classified_cp_plans->policy();
      c.repeat_window = history_within_data(first, t.cp_plans_from, policy.repeat_window);
      c.cp_plans_cover = data_covers(first, last, t.cp_plans_from, in.classified_cp_plans->extract_date());
      c.any_history = policy.evidence != previous_plan_evidence::history_only &&
                      in.cp_plans->has_item("NumberOfPreviousCPP");
    }
    if (p < stepdowns.size()) {
      c.step_downs = stepdowns[p].step_downs.count;
      c.step_downs_follow_up_incomplete = stepdowns[p].step_downs.follow_up_incomplete;
    }
    t.completeness.push_back(c);
  }
}

// The hidden count behind CPP_subsequent_within_2y_percent: kept in the cells while
// suppressing (a reader gets it from the percentage and CPP_start), then removed.
inline constexpr std::string_view within_2y_count = "CPP_subsequent_within_2y";

// The keys of each of `count` records for the combination `mask` of breakdown keys:
// every combination of its keys, joined by '\x1f' (a record without a key in one: none).
inline std::vector<std::vector<std::string>> combine_keys(
    const std::vector<std::vector<std::vector<std::string>>>& per_key, std::size_t mask, std::size_t count) {
  std::vector<std::vector<std::string>> out(count);
  for (std::size_t i = 0; i < count; ++i) {
    std::vector<std::string> acc;
    bool first = true;
    for (std::size_t d = 0; d < per_key.size(); ++d) {
      if (!(mask >> d & 1U)) continue;
      std::vector<std::string> next;
      if (first) {
        next = per_key[d][i];
      } else {
        for (const std::string& a : acc)
          for (const std::string& k : per_key[d][i]) next.push_back(a + '\x1f' + k);
      }
      acc = std::move(next);
      first = false;
    }
    out[i] = std::move(acc);
  }
  return out;
}

// One group of a series table: the combination of breakdown keys it fixes
// (`mask`), its joined key and its key per breakdown key ("" for all).
struct series_group {
  std::size_t mask = 0;
  std::string composite;
  std::vector<std::string> keys;

  static series_group of(std::size_t mask, const std::string& composite, std::size_t n) {
    series_group g{mask, composite, std::vector<std::string>(n)};
    std::size_t from = 0;
    for (std::size_t d = 0; d < n; ++d) {
      if (!(mask >> d & 1U)) continue;
      const std::size_t end = composite.find('\x1f', from);
      g.keys[d] = composite.substr(from, end == std::string::npos ? std::string::npos : end - from);
      from = end == std::string::npos ? composite.size() : end + 1;
    }
    return g;
  }
  // series_row::group: the key; in a cross-tab the keys joined by " / " with "(all)" for a margin.
  std::string text() const {
    if (keys.size() <= 1 || mask == 0) return keys.empty() ? std::string() : keys.front();
    std::string out;
    for (std::size_t d = 0; d < keys.size(); ++d) out += (d ? " / " : "") + (keys[d].empty() ? "(all)" : keys[d]);
    return out;
  }
};

// Groups in order: per breakdown key, all ("") first, then csc::breakdown_key_less.
inline bool keys_less(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (std::size_t d = 0; d < a.size() && d < b.size(); ++d) {
    if (a[d] == b[d]) continue;
    if (a[d].empty() || b[d].empty()) return a[d].empty();
    return breakdown_key_less(a[d], b[d]);
  }
  return false;
}

// Secondary suppression of t's count cells (docs/rules/suppression.md): for each
// count measure and period, each group with a key left at "all" is the total of
// the groups that fix that key to each of its values (the rest equal); then a
// percentage or rate whose count is hidden is hidden too.
template <class D>
void suppress_against_totals(series_table<D>& t, const std::vector<series_group>& groups) {
  constexpr std::string_view counts_measures[] = {"referral_count", "rereferral_count", "referral_family_count",
                                                  "CPP_start",      "CPP_subsequent",   within_2y_count,
                                                  "CPP_open",       "CPP_family_start", "children_3_plus_referrals",
                                                  "referral_assessment_count", "referral_s47_count", "referral_nfa_count"};
  struct derived_measure {
    std::string_view name, numerator, denominator;
  };
  constexpr derived_measure derived[] = {{"rereferral_percent", "rereferral_count", "referral_count"},
                                         {"referral_rate_per_10000", "referral_count", ""},
                                         {"CPP_subsequent_percent", "CPP_subsequent", "CPP_start"},
                                         {"CPP_subsequent_within_2y_percent", within_2y_count, "CPP_start"},
                                         {"CPP_start_rate_per_10000", "CPP_start", ""},
                                         {"rereferral_share_percent", "rereferral_count", ""},
                                         {"referral_assessment_percent", "referral_assessment_count", "referral_count"},
                                         {"referral_s47_percent", "referral_s47_count", "referral_count"},
                                         {"referral_nfa_percent", "referral_nfa_count", "referral_count"}};
  const std::size_t periods = t.series.size();
  // parts[d][keys with key d at "all"]: the groups that fix key d, the others as given.
  const std::size_t n = t.by.size();
  std::vector<std::map<std::vector<std::string>, std::vector<std::size_t>>> parts(n);
  for (std::size_t g = 0; g < groups.size(); ++g)
    for (std::size_t d = 0; d < n; ++d) {
      if (groups[g].keys[d].empty()) continue;
      std::vector<std::string> k = groups[g].keys;
      k[d].clear();
      parts[d][k].push_back(g);
    }
  std::vector<std::size_t> counts;
  std::vector<bool> primary;
  std::vector<std::pair<std::size_t, std::string_view>> where;  // cell -> (row, measure)
  std::vector<additive_relation> relations;
  for (const std::string_view m : counts_measures) {
    const std::string name(m);
    std::vector<std::optional<std::size_t>> cell(t.rows.size());
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      const auto it = t.rows[r].cells.find(name);
      if (it == t.rows[r].cells.end() || !it->second.value) continue;
      cell[r] = counts.size();
      counts.push_back(static_cast<std::size_t>(*it->second.value));
      primary.push_back(it->second.suppressed);
      where.emplace_back(r, m);
    }
    for (std::size_t g = 0; g < groups.size(); ++g)
      for (std::size_t d = 0; d < n; ++d) {
        if (!groups[g].keys[d].empty()) continue;
        const auto it = parts[d].find(groups[g].keys);
        if (it == parts[d].end()) continue;
        for (std::size_t p = 0; p < periods; ++p) {
          const std::optional<std::size_t>& total = cell[g * periods + p];
          if (!total) continue;
          additive_relation rel{*total, {}};
          for (const std::size_t part : it->second)
            if (const std::optional<std::size_t>& c = cell[part * periods + p]) rel.parts.push_back(*c);
          if (!rel.parts.empty()) relations.push_back(std::move(rel));
        }
      }
  }
  const std::vector<bool> hidden = suppress_with_totals(counts, relations, primary);
  for (std::size_t i = 0; i < hidden.size(); ++i) {
    if (!hidden[i] || primary[i]) continue;
    series_row& row = t.rows[where[i].first];
    row.cells[std::string(where[i].second)].suppressed = true;
    if (std::find(t.columns.begin(), t.columns.end(), where[i].second) != t.columns.end()) ++t.secondary_suppressed;
  }
  for (series_row& row : t.rows)
    for (const derived_measure& m : derived) {
      const auto it = row.cells.find(std::string(m.name));
      if (it == row.cells.end()) continue;
      const auto hidden_count = [&row](std::string_view c) {
        const auto f = row.cells.find(std::string(c));
        return !c.empty() && f != row.cells.end() && f->second.suppressed;
      };
      if (hidden_count(m.numerator) || hidden_count(m.denominator)) it->second.suppressed = true;
    }
  // A share of all re-referrals gives back the all-records count when that is hidden.
  for (std::size_t p = 0; p < periods && !t.rows.empty(); ++p)
    if (t.rows[p].at("rereferral_count").suppressed)
      for (std::size_t r = p; r < t.rows.size(); r += periods) {
        const auto it = t.rows[r].cells.find("rereferral_share_percent");
        if (it != t.rows[r].cells.end()) it->second.suppressed = true;
      }
}
}  // namespace detail

/// @brief Every series measure over the series of kind @p kind on @p range,
/// for all records and by group, with the published comparisons.
///
/// Rules (docs/rules/series.md, docs/rules/breakdowns.md):
/// - Columns: the measures (series_measures order) whose input is given; a
///   rate only with a population, a family count only when that input has the
///   family item; step-down measures only without `by`; rereferral_share_percent
///   only with groups; children_3_plus_referrals and the referral outcomes only
///   when asked for (docs/rules/rereferral-share.md, three-plus-referrals.md,
///   referral-outcomes.md).
/// - Groups: the union of the keys of every grouped input, in natural order
///   (csc::breakdown_key_less), after the rows of all records (group ""). With
///   `by_also`, a cross-tab: every combination of keys of every subset of the
///   keys, the others at "all" (series_row::keys). An input is grouped when it has
///   the `by` item (a derived key: every input given; previous_referral_nfa:
///   referrals only). A group gets zero counts from a grouped input without
///   that key, and no cells (undefined) from an input that is not grouped.
/// - A record counts once in each distinct key it has and once in all
///   records; one with no key only there, and in records_without_key.
/// - Families: distinct `family` values among the group's records dated in
///   each period (a referral's date, a counted plan's start); records without
///   one give a note with the most in any period.
/// - Published (docs/rules/benchmarks.md): every measure DfE publishes for
///   the inputs given (C1: referrals, their rate per 10,000 with `data.ons`,
///   re-referrals %, NFA % with a ReferralNFA item; D3: plans started, their
///   rate, second or subsequent %; D5: open 2 years or more %), one line per
///   financial year overlapping @p range, the local figure counted over the
///   part of that year inside @p range only (a part year is marked), set
///   against that year's published figures or the latest published year
///   before it.
/// @tparam D the date type of the series (csc::date_traits), e.g. csc::day.
/// @param kind    the kind of series.
/// @param range   the series range (closed, with an end).
/// @param in      the records and classifications.
/// @param options the breakdown, family, population, suppression (with groups: secondary,
///                docs/rules/suppression.md) and the optional measures.
/// @param data    ONS estimates, statistical neighbours and published tables (all optional).
/// @return the table.
/// @throws std::invalid_argument for an open or reversed @p range, records without their
/// classification, "--by BY: no input has a column of that name", "--by age_band needs a
/// PersonBirthDate column ... in NAME" (when no input given has that item), "--by previous_referral_nfa
/// needs a ReferralNFA column in NAME", or "--family FAMILY: no input has a column of that name"
/// (worded as csc-report's options), "--by KEY given twice", more than three keys, or
/// "--outcome-days needs the ITEM column in NAME".
/// @throws csc::io::parse_error naming file, line and PersonBirthDate (or the outcome date item)
/// for a value that is not a date.
/// @throws std::runtime_error from csc::compare_published for a table without the compared column.
template <class D>
series_table<D> build_series_table(series_kind kind, const interval<D>& range, const series_inputs& in,
                                   const series_table_options& options, const published_data& data = {}) {
  const series_table_options& o = options;
  if (!range.last()) throw std::invalid_argument("csc::build_series_table: the range has no end");
  if ((in.referrals && !in.classified_referrals) || (in.cp_plans && !in.classified_cp_plans))
    throw std::invalid_argument("csc::build_series_table: records without their classification");
  series_table<D> t{period_series<D>(kind, range.first(), *range.last()), {}, {}, 0, {}, {}, {}, {}, {}, {}, {}, 0};
  const period_series<D>& s = t.series;
  period_populations population = series_populations(s, o.population, data);
  t.notes = std::move(population.notes);

  const std::vector<std::string> kept = o.kept_items();
  const std::vector<std::string> dims = o.by_keys();
  const std::size_t n = dims.size();
  if (o.by.empty() && !o.by_also.empty())
    throw std::invalid_argument("csc::build_series_table: by_also without by");
  if (n > 3) throw std::invalid_argument("--by: give at most three keys (a cross-tab of " + std::to_string(n) +
                                         " keys has too many rows)");
  for (std::size_t d = 0; d < n; ++d)
    for (std::size_t e = 0; e < d; ++e)
      if (dims[d] == dims[e]) throw std::invalid_argument("--by " + dims[d] + " given twice: give each key once");
  const auto has = [](const auto* table, const std::string& item) {
    return table && !item.empty() && table->has_item(item);
  };
  // Per breakdown key: whether referrals and CP plans are grouped by it, and each record's keys.
  std::vector<bool> dim_referrals(n, false), dim_cp(n, false);
  std::vector<std::vector<std::vector<std::string>>> referral_dim_keys(n), cp_dim_keys(n);
  for (std::size_t d = 0; d < n; ++d) {
    const std::size_t kept_index = d == 0 ? 0 : d + 1;
    const bool age = dims[d] == o.by_age_band;
    const bool previous_nfa = dims[d] == o.by_previous_referral_nfa;
    // age_band groups the inputs with PersonBirthDate, as a column key groups the inputs with
    // that column: an input without it has no groups (empty cells), not every record "no key".
    dim_referrals[d] = previous_nfa ? in.referrals != nullptr : has(in.referrals, kept[kept_index]);
    dim_cp[d] = !previous_nfa && has(in.cp_plans, kept[kept_index]);
    if (age && (in.referrals || in.cp_plans) && !dim_referrals[d] && !dim_cp[d])
      throw std::invalid_argument(
          "--by age_band needs a PersonBirthDate column (the age band is worked out from it) in " +
          (in.referrals ? in.referrals->name : std::string()) + (in.referrals && in.cp_plans ? " or " : "") +
          (in.cp_plans ? in.cp_plans->name : std::string()));
    if (!dim_referrals[d] && !dim_cp[d])
      throw std::invalid_argument("--by " + dims[d] + ": no input has a column of that name");
    if (previous_nfa && !in.referrals->has_item("ReferralNFA"))
      throw std::invalid_argument("--by previous_referral_nfa needs a ReferralNFA column in " + in.referrals->name);
    if (dim_referrals[d])
      referral_dim_keys[d] =
          previous_nfa ? detail::previous_referral_nfa_keys(*in.referrals, *in.classified_referrals)
                       : detail::breakdown_keys(*in.referrals, &io::referral_record::referral, age, kept_index);
    if (dim_cp[d]) cp_dim_keys[d] = detail::breakdown_keys(*in.cp_plans, &io::cp_plan_record::start, age, kept_index);
  }
  if (o.outcome_days && in.referrals)
    for (const char* item : {"AssessmentActualStartDate", "S47ActualStartDate"})
      if (!in.referrals->has_item(item))
        throw std::invalid_argument("--outcome-days needs the " + std::string(item) + " column in " + in.referrals->name);
  if (o.outcome_days && *o.outcome_days < 0) throw std::invalid_argument("--outcome-days: give 0 or more days");
  const bool family_referrals = has(in.referrals, kept[1]);
  const bool family_cp = has(in.cp_plans, kept[1]);
  if (!o.family.empty() && !family_referrals && !family_cp)
    throw std::invalid_argument("--family " + o.family + ": no input has a column of that name");

  const bool with_rate = o.population || data.population;
  for (const measure_info& m : series_measures) {
    const bool input = m.source == measure_source::referrals ? in.referrals != nullptr
                       : m.source == measure_source::cp_plans ? in.cp_plans != nullptr
                                                              : in.transitions != nullptr && o.by.empty();
    const bool family = m.source == measure_source::referrals ? family_referrals : family_cp;
    // The share of all re-referrals needs groups; children with 3+ referrals is asked for.
    const bool outcome = m.name.substr(0, 9) == "referral_" &&
                         (m.name.find("_assessment_") != std::string_view::npos ||
                          m.name.find("_s47_") != std::string_view::npos || m.name.find("_nfa_") != std::string_view::npos);
    const bool asked = m.name == "rereferral_share_percent"    ? n > 0 && dim_referrals[0]
                       : m.name == "children_3_plus_referrals" ? o.children_3_plus_referrals
                       : outcome                               ? o.outcome_days.has_value()
                                                               : true;
    if (input && asked && (!m.needs_population || with_rate) && (!m.needs_family || family))
      t.columns.emplace_back(m.name);
  }

  // One breakdown per combination of keys (a bit mask over `dims`; 0: all records),
  // counted when every key of the combination groups the input.
  const std::size_t masks = std::size_t(1) << n;
  const auto grouped = [n](const std::vector<bool>& dim, std::size_t mask) {
    for (std::size_t d = 0; d < n; ++d)
      if ((mask >> d & 1U) && !dim[d]) return false;
    return true;
  };
  std::vector<std::vector<std::vector<std::string>>> referral_keys(masks), cp_keys(masks);
  std::vector<std::optional<breakdown<std::string, rereferral_measures>>> referral_b(masks);
  std::vector<std::optional<breakdown<std::string, cp_plan_start_measures>>> cp_b(masks);
  std::vector<std::optional<breakdown<std::string, cp_plan_open_measures>>> cp_open_b(masks);
  for (std::size_t mask = 0; mask < masks; ++mask) {
    if (in.referrals && grouped(dim_referrals, mask)) {
      if (mask) referral_keys[mask] = detail::combine_keys(referral_dim_keys, mask, in.referrals->records.size());
      referral_b[mask] = detail::measure_groups(*in.classified_referrals, s, count_rereferrals{},
                                                mask ? &referral_keys[mask] : nullptr);
    }
    if (in.cp_plans && grouped(dim_cp, mask)) {
      if (mask) cp_keys[mask] = detail::combine_keys(cp_dim_keys, mask, in.cp_plans->records.size());
      const std::vector<std::vector<std::string>>* keys = mask ? &cp_keys[mask] : nullptr;
      cp_b[mask] = detail::measure_groups(*in.classified_cp_plans, s, count_cp_plan_starts{}, keys);
      cp_open_b[mask] = detail::measure_groups(*in.classified_cp_plans, s, count_cp_plans_open{}, keys);
    }
  }
  // The groups: all records, then every combination's keys, in breakdown_key_less order per key.
  // A combination of several keys has every combination of their keys (zeros included), a full cross-tab.
  std::vector<detail::series_group> groups{{0, "", std::vector<std::string>(n)}};
  for (std::size_t mask = 1; mask < masks; ++mask) {
    if (!referral_b[mask] && !cp_b[mask]) continue;
    std::vector<std::string> composite;
    for (std::size_t d = 0; d < n; ++d) {
      if (!(mask >> d & 1U)) continue;
      const std::size_t single = std::size_t(1) << d;
      std::vector<std::string> keys;
      if (referral_b[single]) keys.insert(keys.end(), referral_b[single]->keys.begin(), referral_b[single]->keys.end());
      if (cp_b[single]) keys.insert(keys.end(), cp_b[single]->keys.begin(), cp_b[single]->keys.end());
      std::sort(keys.begin(), keys.end());
      keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
      if ((mask & (single - 1)) == 0) {  // the first key of the combination
        composite = std::move(keys);
        continue;
      }
      std::vector<std::string> next;
      for (const std::string& c : composite)
        for (const std::string& k : keys) next.push_back(c + '\x1f' + k);
      composite = std::move(next);
    }
    for (const std::string& c : composite) groups.push_back(detail::series_group::of(mask, c, n));
  }
  std::stable_sort(groups.begin() + 1, groups.end(), [](const detail::series_group& a, const detail::series_group& b) {
    return detail::keys_less(a.keys, b.keys);
  });
  t.by = dims;
  for (std::size_t d = 0; d < n; ++d) {
    const std::size_t mask = std::size_t(1) << d;
    t.records_without_keys.push_back((referral_b[mask] ? referral_b[mask]->records_without_key : 0) +
                                     (cp_b[mask] ? cp_b[mask]->records_without_key : 0));
  }
  if (n) t.records_without_key = t.records_without_keys.front();

  // Distinct families of group `group` per period, among records dated by `date_of`.
  const auto families = [&](const auto& records, const auto& date_of, const std::vector<std::vector<std::string>>& keys,
                            const std::string& group) {
    return count_distinct_per_period(
        s, records.size(),
        [&](std::size_t i) {
          return group.empty() || std::find(keys[i].begin(), keys[i].end(), group) != keys[i].end() ? date_of(i)
                                                                                                  : std::optional<day>();
        },
        [&records](std::size_t i) {
          const std::string_view f = records[i].kept[1];
          return f.empty() ? std::nullopt : std::optional<std::string_view>(f);
        });
  };
  const auto referral_date = [&](std::size_t i) { return std::optional<day>(in.referrals->records[i].referral); };
  const auto plan_start = [&](std::size_t i) {
    return (*in.classified_cp_plans)[i].counted ? std::optional<day>(in.cp_plans->records[i].start) : std::nullopt;
  };
  std::size_t referrals_without_family = 0, plans_without_family = 0;  // the most in any period
  std::vector<stepdown_measures> stepdowns;
  if (in.transitions && o.by.empty()) stepdowns = measure(*in.transitions, s, count_stepdowns{});

  for (const detail::series_group& g : groups) {
    std::vector<series_row> rows;
    for (std::size_t p = 0; p < s.size(); ++p) rows.push_back(series_row{g.text(), p, {}, g.keys});
    if (const auto& b = referral_b[g.mask]) {
      for (std::size_t p = 0; p < s.size(); ++p)
        detail::add_cells(rows[p], detail::group_measures(*b, g.composite, p), population.population[p], o.suppress);
      if (n > 0 && grouped(dim_referrals, 1)) {  // rereferral_share_percent: of the re-referrals of all records
        for (std::size_t p = 0; p < s.size(); ++p)
          rows[p].cells["rereferral_share_percent"] =
              percent_figure(detail::group_measures(*b, g.composite, p).rereferral_count,
                             referral_b[0]->total[p].rereferral_count, o.suppress);
      }
      if (o.children_3_plus_referrals) {
        const std::vector<std::size_t> three =
            detail::children_with_referrals(*in.referrals, s, referral_keys[g.mask], g.composite, 3);
        for (std::size_t p = 0; p < s.size(); ++p)
          rows[p].cells["children_3_plus_referrals"] = count_figure(three[p], o.suppress);
      }
      if (o.outcome_days) {
        const std::vector<detail::referral_outcomes> out = detail::count_referral_outcomes(
            *in.referrals, s, referral_keys[g.mask], g.composite, *o.outcome_days, kept.size() - 2,
            in.classified_referrals->extract_date());
        for (std::size_t p = 0; p < s.size(); ++p) {
          const std::size_t all = out[p].referrals;
          rows[p].cells["referral_assessment_count"] = count_figure(out[p].assessment, o.suppress);
          rows[p].cells["referral_assessment_percent"] = percent_figure(out[p].assessment, all, o.suppress);
          rows[p].cells["referral_s47_count"] = count_figure(out[p].s47, o.suppress);
          rows[p].cells["referral_s47_percent"] = percent_figure(out[p].s47, all, o.suppress);
          rows[p].cells["referral_nfa_count"] = count_figure(out[p].nfa, o.suppress);
          rows[p].cells["referral_nfa_percent"] = percent_figure(out[p].nfa, all, o.suppress);
          if (!g.mask && out[p].window_open)
            t.notes.push_back(count_text(out[p].window_open, "referral") + " in " + s[p].label + " " +
                              std::string(inflect(out[p].window_open, "is", "are")) + " less than " +
                              count_text(static_cast<std::size_t>(*o.outcome_days), "day") +
                              " before the extract date: " +
                              std::string(inflect(out[p].window_open, "its", "their")) +
                              " assessment and Section 47 may be to come");
        }
      }
      if (family_referrals) {
        const distinct_counts f = families(in.referrals->records, referral_date, referral_keys[g.mask], g.composite);
        for (std::size_t p = 0; p < s.size(); ++p) {
          rows[p].cells["referral_family_count"] = count_figure(f.distinct[p], o.suppress);
          if (!g.mask) referrals_without_family = std::max(referrals_without_family, f.without_key[p]);
        }
      }
    }
    if (const auto& b = cp_b[g.mask]) {
      for (std::size_t p = 0; p < s.size(); ++p)
        detail::add_cells(rows[p], detail::group_measures(*b, g.composite, p),
                          detail::group_measures(*cp_open_b[g.mask], g.composite, p), population.population[p],
                          o.suppress);
      if (family_cp) {
        const distinct_counts f = families(in.cp_plans->records, plan_start, cp_keys[g.mask], g.composite);
        for (std::size_t p = 0; p < s.size(); ++p) {
          rows[p].cells["CPP_family_start"] = count_figure(f.distinct[p], o.suppress);
          if (!g.mask) plans_without_family = std::max(plans_without_family, f.without_key[p]);
        }
      }
    }
    for (std::size_t p = 0; !g.mask && p < stepdowns.size(); ++p) detail::add_cells(rows[p], stepdowns[p], o.suppress);
    for (series_row& row : rows) t.rows.push_back(std::move(row));
  }
  if (o.suppress && n) detail::suppress_against_totals(t, groups);
  for (series_row& row : t.rows) row.cells.erase(std::string(detail::within_2y_count));
  const auto family_note = [&](const char* records, std::size_t most) {
    if (most)
      t.notes.push_back(std::string(records) + " with no " + o.family + " value (at most " + std::to_string(most) +
                        " in any period) are in no family count");
  };
  family_note("Referrals", referrals_without_family);
  family_note("Plans", plans_without_family);
  t.published = detail::published_comparisons(range, in, data, o.population, o.suppress);
  detail::add_completeness(t, in, stepdowns);
  return t;
}

}  // namespace csc

#endif  // CSC_REPORT_SERIES_TABLE_HPP
