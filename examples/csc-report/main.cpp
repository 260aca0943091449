// csc-report: the figures a scrutiny report quotes (re-referrals, DfE table C1;
// child protection plans, D3/D5/D7), computed with csc-metrics from CSV extracts.
//
//   csc-report [--referrals FILE.csv] [--cp-plans FILE.csv] (--period 2019-20 | --from D --to D)
//              [--horizon D] [--format table|json]
//              [--window-months N | --window-days N] [--same-day-rereferral]
//              [--cp-evidence either|history|declared] [--cp-window-months N | --cp-window-days N]
//              [--cin-plans F] [--early-help F] [--looked-after F] [--stepdown] [--child ID] [--stepdown-skip-nfa]
//              [--bridge-days N] [--re-escalation-months N | --re-escalation-days N]
#include "census_section.hpp"
#include "inputs.hpp"
#include "json_writer.hpp"
#include "html_report.hpp"
#include "series_section.hpp"
#include "series_writers.hpp"
#include "stepdown_section.hpp"

#include <csc/metrics.hpp>

#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

using csc_report::date;

constexpr const char* usage =
    "usage: csc-report [--referrals FILE.csv] [--cp-plans FILE.csv]\n"
    "                  (--period YYYY-YY | --from YYYY-MM-DD --to YYYY-MM-DD)\n"
    "                  [--horizon YYYY-MM-DD] [--format table|json]\n"
    "                  [--window-months N | --window-days N] [--same-day-rereferral]\n"
    "                  [--cp-evidence either|history|declared] [--cp-window-months N | --cp-window-days N]\n"
    "                  [--cin-plans FILE.csv] [--early-help FILE.csv] [--looked-after FILE.csv]\n"
    "                  [--stepdown] [--child ID] [--bridge-days N] [--stepdown-skip-nfa]\n"
    "                  [--re-escalation-months N | --re-escalation-days N]\n"
    "                  [--series monthly|quarterly|fy|ytd|rolling12] [--by COLUMN|age_band|previous_referral_nfa]\n"
    "                  [--family COLUMN] [--suppress] [--population N | --population-file ONS.csv --la CODE]\n"
    "                  [--benchmarks DIR --la CODE] [--target MEASURE=VALUE]... [--format csv|markdown|html]\n"
    "                  [--cin-census RETURN.xml]... [--check]\n"
    "\n"
    "Re-referral measures (DfE table C1) for referrals dated in the period, with\n"
    "referrals before it used as look-back history. The referrals CSV has the header\n"
    "LAchildID,CINreferralDate[,ReferralSource,ReferralNFA,CINclosureDate,ReasonForClosure].\n"
    "Child protection plan measures (DfE tables D3, D5, D7) from a CSV with the header\n"
    "LAchildID,CPPstartDate[,CPPendDate,InitialCategoryOfAbuse,LatestCategoryOfAbuse,NumberOfPreviousCPP].\n"
    "Step-down and re-escalation measures (csc-metrics definitions) from service-level\n"
    "timelines built from every input given: referral episodes (CIN), CP plans, CIN plans\n"
    "(LAchildID,CINPlanStartDate,CINPlanEndDate), early help and looked-after episodes\n"
    "(LAchildID,StartDate,EndDate). They are reported when --cin-plans, --early-help,\n"
    "--looked-after or --stepdown is given; --child ID prints one child's timeline instead\n"
    "of the report (no period needed). --stepdown-skip-nfa leaves referrals with\n"
    "ReferralNFA true out of the timelines.\n"
    "Give at least one input. The data horizon (extract date) defaults to the latest\n"
    "date in any input.\n";

struct usage_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct options {
  std::string referrals;
  std::string cp_plans;
  std::optional<int> financial_year;
  std::optional<date> from, to, horizon;
  std::string format = "table";
  csc::rereferral_policy policy;
  csc::cp_plan_policy cp_policy;
  std::string cin_plans, early_help, looked_after;
  std::vector<std::string> cin_census;  // --cin-census, repeatable: annual returns
  bool check = false;                   // --check: list the DfE check findings and stop
  bool stepdown = false;
  bool stepdown_skip_nfa = false;  // leave NFA referrals out of the timelines
  std::optional<std::string> child;
  csc::timeline_policy timeline_policy;
  csc::window re_escalation_window = csc::window::months(12);
  csc_report::series_options series;  // --series and the options that go with it
  bool wants_stepdown() const {
    return stepdown || child || !cin_plans.empty() || !early_help.empty() || !looked_after.empty() ||
           !cin_census.empty();
  }
};

date parse_date_option(const std::string& option, const std::string& text) {
  if (auto d = csc::parse_iso_date(text)) return date(*d);
  throw usage_error(option + ": '" + text + "' is not a valid date of the form YYYY-MM-DD");
}

int parse_count_option(const std::string& option, const std::string& text) {
  std::size_t used = 0;
  int n = -1;
  try {
    n = std::stoi(text, &used);
  } catch (const std::exception&) {
  }
  if (used != text.size() || n < 0) throw usage_error(option + ": '" + text + "' is not a whole number >= 0");
  return n;
}

options parse_options(int argc, char** argv) {
  options o;
  std::vector<std::string> args(argv + 1, argv + argc);
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const auto value = [&]() -> const std::string& {
      if (i + 1 >= args.size()) throw usage_error(a + " needs a value");
      return args[++i];
    };
    if (a == "--referrals") {
      o.referrals = value();
    } else if (a == "--cp-plans") {
      o.cp_plans = value();
    } else if (a == "--cp-evidence") {
      try {
        o.cp_policy.evidence = csc::parse_previous_plan_evidence(value());
      } catch (const std::invalid_argument&) {
        throw usage_error("--cp-evidence must be either, history or declared");
      }
    } else if (a == "--cp-window-months") {
      o.cp_policy.repeat_window = csc::window::months(parse_count_option(a, value()));
    } else if (a == "--cp-window-days") {
      o.cp_policy.repeat_window = csc::window::days(parse_count_option(a, value()));
    } else if (a == "--cin-census") {
      o.cin_census.push_back(value());
    } else if (a == "--check") {
      o.check = true;
    } else if (a == "--cin-plans") {
      o.cin_plans = value();
    } else if (a == "--early-help") {
      o.early_help = value();
    } else if (a == "--looked-after") {
      o.looked_after = value();
    } else if (a == "--stepdown") {
      o.stepdown = true;
    } else if (a == "--stepdown-skip-nfa") {
      o.stepdown_skip_nfa = true;
    } else if (a == "--child") {
      o.child = value();
    } else if (a == "--bridge-days") {
      o.timeline_policy.bridge_gap_days = parse_count_option(a, value());
    } else if (a == "--re-escalation-months") {
      o.re_escalation_window = csc::window::months(parse_count_option(a, value()));
    } else if (a == "--re-escalation-days") {
      o.re_escalation_window = csc::window::days(parse_count_option(a, value()));
    } else if (a == "--period") {
      try {
        o.financial_year = csc::parse_financial_year(value());
      } catch (const std::invalid_argument& e) {
        throw usage_error(std::string("--period: ") + e.what());
      }
    } else if (a == "--from") {
      o.from = parse_date_option(a, value());
    } else if (a == "--to") {
      o.to = parse_date_option(a, value());
    } else if (a == "--horizon") {
      o.horizon = parse_date_option(a, value());
    } else if (a == "--format") {
      o.format = value();
      if (o.format != "table" && o.format != "json" && o.format != "csv" && o.format != "markdown" &&
          o.format != "html")
        throw usage_error("--format must be table, json, csv, markdown or html");
    } else if (a == "--series") {
      try {
        o.series.kind = csc::parse_series_kind(value());
      } catch (const std::invalid_argument& e) {
        throw usage_error(std::string("--series: ") + e.what());
      }
    } else if (a == "--by") {
      o.series.by = value();
    } else if (a == "--family") {
      o.series.family = value();
    } else if (a == "--suppress") {
      o.series.suppress = true;
    } else if (a == "--population") {
      const int n = parse_count_option(a, value());
      if (n == 0) throw usage_error("--population must be more than 0");
      o.series.population = static_cast<std::size_t>(n);
    } else if (a == "--population-file") {
      o.series.population_file = value();
    } else if (a == "--benchmarks") {
      o.series.benchmarks = value();
    } else if (a == "--la") {
      o.series.la = parse_count_option(a, value());
    } else if (a == "--target") {
      const std::string& v = value();
      const auto eq = v.find('=');
      const std::string name = v.substr(0, eq);
      if (eq == std::string::npos || !csc::find_measure(name))
        throw usage_error("--target: '" + v + "' is not MEASURE=VALUE with a measure of the series table");
      const std::string text = v.substr(eq + 1);
      std::size_t used = 0;
      double number = 0;
      try {
        number = std::stod(text, &used);
      } catch (const std::exception&) {
      }
      if (used == 0 || used != text.size()) throw usage_error("--target: '" + text + "' is not a number");
      o.series.targets[name] = csc_report::target{number, text};
    } else if (a == "--window-months") {
      o.policy.look_back = csc::window::months(parse_count_option(a, value()));
    } else if (a == "--window-days") {
      o.policy.look_back = csc::window::days(parse_count_option(a, value()));
    } else if (a == "--same-day-rereferral") {
      o.policy.same_day = csc::same_day_referrals::later_in_input_is_rereferral;
    } else if (a == "--help" || a == "-h") {
      std::cout << usage;
      std::exit(0);
    } else {
      throw usage_error("unknown option '" + a + "'");
    }
  }
  if (o.referrals.empty() && o.cp_plans.empty() && o.cin_plans.empty() && o.early_help.empty() &&
      o.looked_after.empty() && o.cin_census.empty()) {
    throw usage_error(
        "give at least one input: --cin-census, --referrals, --cp-plans, --cin-plans, --early-help or --looked-after");
  }
  if (!o.cin_census.empty() && (!o.referrals.empty() || !o.cp_plans.empty() || !o.cin_plans.empty()))
    throw usage_error("--cin-census already gives referrals, CP plans and CIN plans: do not add --referrals, "
                      "--cp-plans or --cin-plans");
  if (o.check && o.cin_census.empty()) throw usage_error("--check needs --cin-census");
  if (o.financial_year && (o.from || o.to)) throw usage_error("give either --period or --from/--to, not both");
  const csc_report::series_options& so = o.series;
  if (!so.kind) {
    if (!so.by.empty() || !so.family.empty() || so.population || !so.population_file.empty() ||
        !so.benchmarks.empty() || !so.targets.empty() || so.suppress || so.la)
      throw usage_error(
          "--by, --family, --population, --population-file, --benchmarks, --la, --target and --suppress need --series");
    if (o.format != "table" && o.format != "json") throw usage_error("--format " + o.format + " needs --series");
  } else {
    if (so.population && !so.population_file.empty())
      throw usage_error("give either --population or --population-file, not both");
    if ((!so.population_file.empty() || !so.benchmarks.empty()) && !so.la)
      throw usage_error("--population-file and --benchmarks need --la CODE (the LA number, e.g. 335)");
    if (o.child) throw usage_error("--child and --series cannot be combined");
  }
  if (!o.child && !o.check && !o.financial_year && !(o.from && o.to)) {
    throw usage_error("give --period YYYY-YY or both --from and --to");
  }
  return o;
}

struct report {
  const options& opt;
  std::optional<csc::interval<date>> period;
  date horizon;
  std::optional<csc::io::referral_table> referrals;
  std::optional<csc::rereferral_classification<std::string>> classified;
  csc::rereferral_measures measures;
  std::optional<std::size_t> nfa_count;  // referrals in the period with ReferralNFA true
  std::optional<csc::io::cp_plan_table> cp_plans;
  std::optional<csc::cp_plan_classification<std::string>> cp_classified;
  csc::cp_plan_start_measures cp_starts;
  csc::cp_plan_end_measures cp_ends;
  csc::cp_plan_open_measures cp_open;
  std::optional<csc::io::episode_table> cin_plans, early_help, looked_after;
  std::optional<csc_report::census_input> census;  // --cin-census: the returns, merged and checked
  csc_report::stepdown_inputs stepdown_in;
  std::optional<csc_report::stepdown_report> stepdown;

  std::vector<const csc::io::episode_table*> episode_inputs() const {
    std::vector<const csc::io::episode_table*> out;
    for (const auto* e : {&cin_plans, &early_help, &looked_after}) {
      if (*e) out.push_back(&**e);
    }
    return out;
  }
};

// An object of counts keyed by the names of the enumerators 0..N-1 of Enum.
template <class Enum, std::size_t N>
void write_bands(csc_report::json_writer& j, std::string_view key, const std::array<std::size_t, N>& counts) {
  j.begin_object(key);
  for (std::size_t b = 0; b < N; ++b) j.value(csc::to_string(static_cast<Enum>(b)), counts[b]);
  j.end_object();
}

void write_input(csc_report::json_writer& j, std::string_view key, const std::string& file, std::size_t records,
                 std::size_t children, std::size_t blank_lines) {
  j.begin_object(key)
      .value("file", file)
      .value("records", records)
      .value("children", children)
      .value("blank_lines_skipped", blank_lines)
      .end_object();
}

void write_json(const report& r, std::ostream& os) {
  csc_report::json_writer j(os);
  j.begin_object();
  j.begin_object("input");
  if (r.referrals) {
    write_input(j, "referrals", r.referrals->name, r.referrals->records.size(), r.classified->child_count(),
                r.referrals->blank_lines);
  }
  if (r.cp_plans) {
    write_input(j, "cp_plans", r.cp_plans->name, r.cp_plans->records.size(), r.cp_classified->child_count(),
                r.cp_plans->blank_lines);
  }
  const auto write_episodes = [&](std::string_view key, const std::optional<csc::io::episode_table>& e) {
    if (!e) return;
    std::vector<std::string_view> ids;
    for (const auto& row : e->records) ids.push_back(row.child);
    std::sort(ids.begin(), ids.end());
    write_input(j, key, e->name, e->records.size(),
                static_cast<std::size_t>(std::unique(ids.begin(), ids.end()) - ids.begin()), e->blank_lines);
  };
  write_episodes("cin_plans", r.cin_plans);
  write_episodes("early_help", r.early_help);
  write_episodes("looked_after", r.looked_after);
  j.end_object();
  if (r.census) {
    j.begin_object("cin_census");
    csc_report::write_census_json_summary(j, *r.census);
    j.end_object();
  }
  j.begin_object("period")
      .value("from", csc::to_iso_string(r.period->first()))
      .value("to", csc::to_iso_string(*r.period->last()))
      .end_object();
  j.value("horizon", csc::to_iso_string(r.horizon));
  j.begin_object("policy");
  if (r.referrals) {
    j.value("window", r.opt.policy.look_back.describe()).value("same_day", csc::to_string(r.opt.policy.same_day));
  }
  if (r.cp_plans) {
    j.value("cp_evidence", csc::to_string(r.opt.cp_policy.evidence))
        .value("cp_repeat_window", r.opt.cp_policy.repeat_window.describe());
  }
  j.end_object();
  if (r.referrals) {
    const csc::rereferral_measures& m = r.measures;
    j.value("referral_count", m.referral_count)
        .value("rereferral_count", m.rereferral_count)
        .value("rereferral_percent", m.rereferral_percent())
        .value("referral_child_count", m.referral_child_count)
        .value("rereferral_child_count", m.rereferral_child_count)
        .value("rereferral_child_percent", m.rereferral_child_percent());
    if (r.nfa_count) {
      j.value("no_further_action_count", *r.nfa_count)
          .value("no_further_action_percent", csc::percent(*r.nfa_count, m.referral_count));
    } else {
      j.null("no_further_action_count").null("no_further_action_percent");
    }
    write_bands<csc::referral_type>(j, "referral_types", m.referral_type_counts);
  }
  if (r.cp_plans) {
    const csc::cp_plan_start_measures& m = r.cp_starts;
    j.value("CPP_start", m.CPP_start)
        .value("CPP_subsequent", m.CPP_subsequent)
        .value("CPP_subsequent_percent", m.CPP_subsequent_percent())
        .value("CPP_subsequent_within_2y", m.CPP_subsequent_within_2y)
        .value("CPP_subsequent_within_2y_percent", m.CPP_subsequent_within_2y_percent())
        .value("CPP_child_start", m.CPP_child_start)
        .value("CPP_child_subsequent", m.CPP_child_subsequent);
    write_bands<csc::cp_plan_gap_band>(j, "gap_bands", m.gap_bands);
    j.value("CPP_end", r.cp_ends.CPP_end);
    write_bands<csc::cp_plan_duration_band>(j, "duration_bands_ended", r.cp_ends.duration_bands_ended);
    j.value("CPP_open", r.cp_open.CPP_open).value("open_on", csc::to_iso_string(r.cp_open.open_on));
    write_bands<csc::cp_plan_duration_band>(j, "duration_bands_open", r.cp_open.duration_bands_open);
  }
  if (r.stepdown) csc_report::write_stepdown_json(j, *r.stepdown, r.opt.timeline_policy, r.opt.stepdown_skip_nfa);
  j.begin_array("findings");
  const auto write_finding = [&](std::string_view input, const csc::finding& f, const std::string& child,
                                 const std::string& file, std::size_t line, std::size_t related_line,
                                 const date& day) {  // related_line 0: none (lines are 1-based)
    j.begin_object().value("input", input).value("rule", csc::to_string(f.rule)).value("child", child).value("file", file).value("line", line);
    if (related_line != 0) {
      j.value("related_line", related_line);
    } else {
      j.null("related_line");
    }
    j.value("in_period", r.period->contains(day)).value("counted", f.counted).value("detail", f.detail).end_object();
  };
  // Every finding about a record of @p table: the reader's (CSV route; the census
  // lists its own in cin_census), then the classifier's.
  const auto write_findings = [&](std::string_view input, const auto& table, const auto& classified,
                                  const auto& day_of) {
    const auto write = [&](const csc::finding& f) {
      const auto& row = table.records[f.record];
      const std::size_t related = f.related_record ? table.records[*f.related_record].source.line : 0;
      write_finding(input, f, row.child, table.files[row.source.file], row.source.line, related, day_of(row));
    };
    if (!r.census)
      for (const csc::finding& f : table.findings) write(f);
    for (const csc::finding& f : classified.findings()) write(f);
  };
  if (r.referrals)
    write_findings("referrals", *r.referrals, *r.classified, [](const auto& row) { return row.referral; });
  if (r.cp_plans) write_findings("cp_plans", *r.cp_plans, *r.cp_classified, [](const auto& row) { return row.start; });
  if (r.stepdown) {
    for (const csc::finding& f : r.stepdown->timelines.findings()) {
      const auto row = r.stepdown_in.row(f.source, f.record);
      write_finding(csc_report::stepdown_inputs::names[f.source], f, row.child, row.file, row.line,
                    f.related_record ? r.stepdown_in.row(f.related_source, *f.related_record).line : 0,
                    row.start);
    }
  }
  j.end_array();
  j.end_object();
}

struct table_writer {
  std::ostream& os;
  void row(const std::string& label, const std::string& value) const {
    os << "  " << std::left << std::setw(52) << label << std::right << std::setw(10) << value << '\n';
  }
  static std::string pct(std::size_t part, std::size_t whole) {
    const std::string s = csc::format_percent(part, whole);
    return s.empty() ? std::string("-") : s;
  }
};

// The CSV reader's findings by rule (records kept as read); the census lists its own.
template <class Table>
void write_reader_findings(const report& r, const Table& table, const table_writer& t) {
  if (r.census || table.findings.empty()) return;
  std::map<std::string_view, std::size_t> n;
  for (const csc::finding& f : table.findings) ++n[csc::to_string(f.rule)];
  t.os << "  Reader findings (records kept as read; listed in --format json): " << table.findings.size() << "\n";
  for (const auto& [rule, count] : n) t.row("  " + std::string(rule), std::to_string(count));
}

void write_referrals_table(const report& r, const table_writer& t) {
  const csc::rereferral_measures& m = r.measures;
  std::ostream& os = t.os;
  os << "Re-referrals (DfE table C1), " << csc::to_iso_string(r.period->first()) << " to "
     << csc::to_iso_string(*r.period->last()) << "\n"
     << "Input: " << r.referrals->name << " (" << r.referrals->records.size() << " referrals, "
     << r.classified->child_count() << " children); horizon " << csc::to_iso_string(r.horizon) << "; window "
     << r.opt.policy.look_back.describe() << "\n\n";
  t.row("Referrals in the period", std::to_string(m.referral_count));
  t.row("Re-referrals within " + r.opt.policy.look_back.describe() + " of a previous referral",
        std::to_string(m.rereferral_count));
  t.row("Re-referrals (% of referrals)", t.pct(m.rereferral_count, m.referral_count));
  t.row("Children with a referral in the period", std::to_string(m.referral_child_count));
  t.row("Children with a re-referral in the period", std::to_string(m.rereferral_child_count));
  t.row("Children re-referred (% of children referred)", t.pct(m.rereferral_child_count, m.referral_child_count));
  if (r.nfa_count) {
    t.row("Referrals with no further action", std::to_string(*r.nfa_count));
    t.row("No further action (% of referrals)", t.pct(*r.nfa_count, m.referral_count));
  }
  os << "\n  Referral type (DfE re-referrals release)\n";
  for (std::size_t k = 0; k < csc::referral_type_count; ++k) {
    t.row("  " + std::string(csc::to_string(static_cast<csc::referral_type>(k))), std::to_string(m.referral_type_counts[k]));
  }
  os << "\n  Data-quality findings: " << r.classified->findings().size() << " duplicate_referral_date ("
     << m.duplicate_referral_date_count << " in the period; all counted)\n";
  write_reader_findings(r, *r.referrals, t);
  if (r.referrals->blank_lines != 0) os << "  Blank lines skipped in the input: " << r.referrals->blank_lines << "\n";
}

void write_cp_plans_table(const report& r, const table_writer& t) {
  const csc::cp_plan_start_measures& m = r.cp_starts;
  const csc::cp_plan_end_measures& ends = r.cp_ends;
  const csc::cp_plan_open_measures& open = r.cp_open;
  std::ostream& os = t.os;
  os << "Child protection plans (DfE tables D3, D5, D7), " << csc::to_iso_string(r.period->first()) << " to "
     << csc::to_iso_string(*r.period->last()) << "\n"
     << "Input: " << r.cp_plans->name << " (" << r.cp_plans->records.size() << " plans, "
     << r.cp_classified->child_count() << " children); horizon " << csc::to_iso_string(r.horizon)
     << "; evidence " << csc::to_string(r.opt.cp_policy.evidence) << "; repeat window "
     << r.opt.cp_policy.repeat_window.describe() << "\n\n";
  t.row("Plans starting in the period", std::to_string(m.CPP_start));
  t.row("Second or subsequent plans", std::to_string(m.CPP_subsequent));
  t.row("Second or subsequent (% of plans starting)", t.pct(m.CPP_subsequent, m.CPP_start));
  t.row("Repeat within " + r.opt.cp_policy.repeat_window.describe() + " of the previous plan ending",
        std::to_string(m.CPP_subsequent_within_2y));
  t.row("Repeat within the window (% of plans starting)", t.pct(m.CPP_subsequent_within_2y, m.CPP_start));
  t.row("Children with a plan starting in the period", std::to_string(m.CPP_child_start));
  t.row("Children with a second or subsequent plan starting", std::to_string(m.CPP_child_subsequent));
  os << "\n  Second or subsequent plans by time since the previous plan ended\n";
  for (std::size_t b = 0; b < csc::cp_plan_gap_band_count; ++b) {
    t.row("  " + std::string(csc::to_string(static_cast<csc::cp_plan_gap_band>(b))), std::to_string(m.gap_bands[b]));
  }
  os << "\n  Plans ending in the period by duration (D7): " << ends.CPP_end << "\n";
  for (std::size_t b = 0; b < csc::cp_plan_duration_band_count; ++b) {
    t.row("  " + std::string(csc::to_string(static_cast<csc::cp_plan_duration_band>(b))),
          std::to_string(ends.duration_bands_ended[b]));
  }
  t.row("  lasting 2 years or more (% of plans ending)", t.pct(ends.duration_bands_ended[4], ends.CPP_end));
  os << "\n  Plans open on " << csc::to_iso_string(open.open_on) << " by duration (D5): " << open.CPP_open << "\n";
  for (std::size_t b = 0; b < csc::cp_plan_duration_band_count; ++b) {
    t.row("  " + std::string(csc::to_string(static_cast<csc::cp_plan_duration_band>(b))),
          std::to_string(open.duration_bands_open[b]));
  }
  std::map<std::string_view, std::pair<std::size_t, std::size_t>> rules;  // rule -> (findings, not counted)
  for (const csc::finding& f : r.cp_classified->findings()) {
    auto& n = rules[csc::to_string(f.rule)];
    ++n.first;
    n.second += !f.counted;
  }
  os << "\n  Data-quality findings: " << r.cp_classified->findings().size() << "\n";
  for (const auto& [rule, n] : rules) {
    t.row("  " + std::string(rule) + (n.second ? " (not counted)" : " (counted)"), std::to_string(n.first));
  }
  write_reader_findings(r, *r.cp_plans, t);
  if (r.cp_plans->blank_lines != 0) os << "  Blank lines skipped in the input: " << r.cp_plans->blank_lines << "\n";
}

void write_table(const report& r, std::ostream& os) {
  const table_writer t{os};
  if (r.census) {
    csc_report::write_census_table(os, *r.census);
    os << '\n';
  }
  if (r.referrals) write_referrals_table(r, t);
  if (r.referrals && r.cp_plans) os << "\n";
  if (r.cp_plans) write_cp_plans_table(r, t);
  if (r.stepdown) {
    if (r.referrals || r.cp_plans) os << "\n";
    csc_report::write_stepdown_table(os, *r.stepdown, r.opt.timeline_policy, r.opt.stepdown_skip_nfa, *r.period);
  }
}

// --series: every measure over the series, by group, with the published comparison.
int run_series(const report& r) {
  const csc_report::series_options& so = r.opt.series;
  const csc_report::series_data data = csc_report::read_series_data(so, r.referrals.has_value(), r.cp_plans.has_value());
  const csc::series_inputs in{r.referrals ? &*r.referrals : nullptr, r.classified ? &*r.classified : nullptr,
                              r.cp_plans ? &*r.cp_plans : nullptr, r.cp_classified ? &*r.cp_classified : nullptr,
                              r.stepdown ? &r.stepdown->transitions : nullptr};
  const csc_report::series_table t = [&] {
    try {
      return csc::build_series_table(*so.kind, *r.period, in, so, data.view(so));
    } catch (const std::invalid_argument& e) {  // an option that does not fit the inputs
      throw usage_error(e.what());
    }
  }();
  if (r.opt.format == "json") {
    csc_report::write_series_json(std::cout, t, r.opt.series);
  } else if (r.opt.format == "html") {
    std::vector<std::string> inputs;
    for (const std::string* f : {&r.opt.referrals, &r.opt.cp_plans, &r.opt.cin_plans, &r.opt.early_help,
                                 &r.opt.looked_after})
      if (!f->empty()) inputs.push_back(*f);
    csc_report::write_series_html(std::cout, t, r.opt.series, inputs);
  } else {
    csc_report::write_series_text(std::cout, t, r.opt.series, r.opt.format);
  }
  return 0;
}

int run(const options& opt) {
  report r{opt, std::nullopt, date(), {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}};
  if (opt.financial_year) {
    r.period = csc::financial_year<date>(*opt.financial_year);
  } else if (opt.from && opt.to) {
    r.period = csc::interval<date>(*opt.from, *opt.to);
  }
  if (!opt.referrals.empty()) {
    r.referrals = csc_report::read_referrals(opt.referrals, opt.series.kept_columns());
    if (r.referrals->records.empty()) throw std::runtime_error(opt.referrals + ": no referral records after the header");
  }
  if (!opt.cp_plans.empty()) {
    r.cp_plans = csc_report::read_cp_plans(opt.cp_plans, opt.series.kept_columns());
    if (r.cp_plans->records.empty()) throw std::runtime_error(opt.cp_plans + ": no plan records after the header");
    if (opt.cp_policy.evidence == csc::previous_plan_evidence::declared_only && !r.cp_plans->has_item("NumberOfPreviousCPP")) {
      throw usage_error("--cp-evidence declared needs a NumberOfPreviousCPP column in " + opt.cp_plans);
    }
  }

  if (!opt.cin_plans.empty()) r.cin_plans = csc_report::read_episodes(opt.cin_plans, csc::io::episode_extract::cin_plans);
  if (!opt.cin_census.empty()) {
    r.census = csc_report::read_census(opt.cin_census, opt.series.kept_columns());
    if (opt.check) {
      csc_report::write_census_check(std::cout, *r.census, opt.format);
      return 0;
    }
    csc::io::census_records& records = r.census->records;
    if (records.referrals.records.empty()) throw std::runtime_error(records.referrals.name + ": no CINdetails");
    r.referrals = std::move(records.referrals);
    if (!records.cp_plans.records.empty()) r.cp_plans = std::move(records.cp_plans);
    if (!records.cin_plans.records.empty()) r.cin_plans = std::move(records.cin_plans);
  }
  if (!opt.early_help.empty()) r.early_help = csc_report::read_episodes(opt.early_help, csc::io::episode_extract::early_help);
  if (!opt.looked_after.empty()) r.looked_after = csc_report::read_episodes(opt.looked_after, csc::io::episode_extract::looked_after);

  // The horizon: the extract date, by default the latest date in any input (for
  // census returns, no earlier than their latest ReferenceDate).
  std::optional<csc::day> latest;
  const auto each_table = [&](const auto& f) {  // episodes first: the order --horizon errors name them in
    for (const csc::io::episode_table* e : r.episode_inputs()) f(*e);
    if (r.referrals) f(*r.referrals);
    if (r.cp_plans) f(*r.cp_plans);
  };
  each_table([&](const auto& t) { latest = csc::latest_of(latest, csc::io::latest_date(t)); });
  if (r.census)
    latest = csc::latest_of(latest, csc::latest_date(r.census->census.files, [](const auto& h) { return h.reference_date; }));
  r.horizon = opt.horizon ? *opt.horizon : latest ? *latest : date();
  if (opt.horizon) {
    each_table([&](const auto& t) {
      if (const auto after = csc::io::first_after(t, *opt.horizon))
        throw usage_error("--horizon " + csc::to_iso_string(*opt.horizon) + " is before the " +
                          std::string(after->second.what) + " dated " + csc::to_iso_string(*after->second.date) +
                          " on " + t.where(after->first) + "; the horizon is the extract date");
    });
  }

  if (!latest) throw std::runtime_error("no records in any input");
  if (opt.wants_stepdown()) {
    r.stepdown_in = csc_report::stepdown_inputs{r.referrals ? &*r.referrals : nullptr, r.cp_plans ? &*r.cp_plans : nullptr,
                                                r.cin_plans ? &*r.cin_plans : nullptr,
                                                r.early_help ? &*r.early_help : nullptr,
                                                r.looked_after ? &*r.looked_after : nullptr, {}};
    if (r.referrals) {
      if (opt.stepdown_skip_nfa && !r.referrals->has_item("ReferralNFA")) {
        throw usage_error("--stepdown-skip-nfa needs a ReferralNFA column in " + r.referrals->name);
      }
      for (std::size_t i = 0; i < r.referrals->records.size(); ++i) {
        if (!opt.stepdown_skip_nfa || !*r.referrals->records[i].nfa) r.stepdown_in.referral_rows.push_back(i);
      }
    }
    r.stepdown = csc_report::compute_stepdown(r.stepdown_in, r.horizon, opt.timeline_policy, opt.re_escalation_window,
                                              r.period);
  }
  if (opt.child) {
    const auto child = r.stepdown->timelines.find_child(*opt.child);
    if (!child) throw std::runtime_error("child '" + *opt.child + "' has no episode in the inputs");
    csc_report::write_child(std::cout, opt.format, *r.stepdown, *child, r.stepdown_in);
    return 0;
  }
  if (r.referrals) {
    r.classified = csc::classify_rereferrals(r.referrals->records, &csc::io::referral_record::child,
                                             &csc::io::referral_record::referral, r.horizon, opt.policy);
    r.measures = csc::measure(*r.classified, *r.period, csc::count_rereferrals{});
    if (r.referrals->has_item("ReferralNFA")) {
      std::size_t nfa = 0;
      for (const auto& row : r.referrals->records) {
        if (*row.nfa && r.period->contains(row.referral)) ++nfa;
      }
      r.nfa_count = nfa;
    }
  }
  if (r.cp_plans) {
    using row = csc::io::cp_plan_record;
    r.cp_classified = r.cp_plans->has_item("NumberOfPreviousCPP")
                          ? csc::classify_cp_plans(r.cp_plans->records, &row::child, &row::start, &row::end,
                                                   &row::previous_plans, r.horizon, opt.cp_policy)
                          : csc::classify_cp_plans(r.cp_plans->records, &row::child, &row::start, &row::end, r.horizon,
                                                   opt.cp_policy);
    r.cp_starts = csc::measure(*r.cp_classified, *r.period, csc::count_cp_plan_starts{});
    r.cp_ends = csc::measure(*r.cp_classified, *r.period, csc::count_cp_plan_ends{});
    r.cp_open = csc::measure(*r.cp_classified, *r.period, csc::count_cp_plans_open{});
  }
  if (opt.series.kind) return run_series(r);
  if (opt.format == "json") {
    write_json(r, std::cout);
  } else {
    write_table(r, std::cout);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(parse_options(argc, argv));
  } catch (const usage_error& e) {
    std::cerr << "csc-report: " << e.what() << "\n\n" << usage;
    return 2;
  } catch (const csc::invalid_interval& e) {
    std::cerr << "csc-report: error: " << e.what() << '\n';
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "csc-report: error: " << e.what() << '\n';
    return 1;
  }
}
