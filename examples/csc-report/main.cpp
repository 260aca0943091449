// csc-report: the figures a scrutiny report quotes (re-referrals, DfE table C1;
// child protection plans, D3/D5/D7; step-down), computed with csc-metrics from
// CSV extracts or CIN census returns. Options: csc-report --help, docs/csc-report.md.
#include "concurrency.hpp"
#include "../common/cli.hpp"
#include "census_section.hpp"
#include "inputs.hpp"
#include "quality_section.hpp"
#include "json_writer.hpp"
#include "memory.hpp"
#include "html_report.hpp"
#include "output.hpp"
#include "series_section.hpp"
#include "series_writers.hpp"
#include "stepdown_section.hpp"
#include "table_set.hpp"
#include "xlsx_writer.hpp"

#include <csc/metrics.hpp>

#include <algorithm>
#include <csignal>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

using csc_report::date;

constexpr const char* description =
    "csc-report: re-referrals (DfE table C1), child protection plans (D3, D5, D7) and step-down and\n"
    "re-escalation (csc-metrics definitions) for one period, or a series with breakdowns, rates and\n"
    "DfE's published comparisons, from CSV extracts or CIN census returns. Give at least one input and\n"
    "--period or --from/--to (not needed for --child or --check). Details: docs/csc-report.md.\n";

constexpr const char* footer =
    "CSV inputs have a header of CIN census item names; other columns are ignored:\n"
    "  --referrals     LAchildID,CINreferralDate[,ReferralSource,ReferralNFA,CINclosureDate,ReasonForClosure]\n"
    "  --cp-plans      LAchildID,CPPstartDate[,CPPendDate,InitialCategoryOfAbuse,LatestCategoryOfAbuse,\n"
    "                  NumberOfPreviousCPP]\n"
    "  --cin-plans     LAchildID,CINPlanStartDate[,CINPlanEndDate]\n"
    "  --early-help, --looked-after   LAchildID,StartDate[,EndDate]\n"
    "Exit status: 0 done; 1 an input could not be read or the output not written; 2 a bad option.";

using csc_cli::usage_error;
using csc_cli::whole_number;

struct options {
  std::vector<std::string> referrals;  // repeatable: extracts, oldest first (merged)
  std::vector<std::string> cp_plans;
  std::optional<int> financial_year;
  std::optional<date> from, to, horizon;
  std::optional<date> data_from;  // --data-from: the first day the CSV extracts cover (default: earliest key date)
  std::string format = "table";
  std::string output;  // --output FILE; empty: standard output
  std::string output_dir;  // --output-dir DIR: csv, one file per table
  csc::rereferral_policy policy;
  csc::cp_plan_policy cp_policy;
  std::vector<std::string> cin_plans, early_help, looked_after;
  csc::io::extract_options extract;  // --date-format, --encoding, --skip-invalid-records
  std::vector<std::string> cin_census;  // --cin-census, repeatable: annual returns
  bool check = false;                   // --check: list the DfE check findings and stop
  bool stepdown = false;
  bool stepdown_skip_nfa = false;  // leave NFA referrals out of the timelines
  std::optional<std::string> child;
  csc::timeline_policy timeline_policy;
  csc::window re_escalation_window = csc::window::months(12);
  csc_report::series_options series;  // --series and the options that go with it
  std::string print;                  // --help or --version: this text instead of a report
  unsigned threads = 1;               // --threads N: each CSV extract read in N parts; independent steps on two threads
  bool wants_stepdown() const {
    return stepdown || child || !cin_plans.empty() || !early_help.empty() || !looked_after.empty() ||
           !cin_census.empty();
  }
  std::vector<std::string> inputs() const {
    std::vector<std::string> out = cin_census;
    for (const auto* f : {&referrals, &cp_plans, &cin_plans, &early_help, &looked_after})
      out.insert(out.end(), f->begin(), f->end());
    return out;
  }
};

options parse_options(int argc, char** argv) {
  options o;
  csc_report::series_options& so = o.series;
  CLI::App app(description, "csc-report");
  app.footer(footer);
  app.get_formatter()->column_width(40);
  const auto add = [&app](auto&&... a) { return csc_cli::add(app, a...); };
  const auto day = [](const std::string& v) {
    if (const auto d = csc::parse_iso_date(v)) return std::optional<date>(*d);
    throw std::invalid_argument("'" + v + "' is not a valid date of the form YYYY-MM-DD");
  };
  const auto windows = [&](const std::string& prefix, csc::window& w, const std::string& what, int months) {
    add(prefix + "-months", "N", what + " in calendar months",
        [&w](auto& v) { w = csc::window::months(whole_number(v)); })
        ->default_str(std::to_string(months))
        ->excludes(add(prefix + "-days", "N", what + " in days",
                       [&w](auto& v) { w = csc::window::days(whole_number(v)); }));
  };

  app.option_defaults()->group("Inputs");
  for (const auto& [name, file, help] : {std::tuple("--referrals", &o.referrals, "referrals (re-referrals, C1)"),
                                         {"--cp-plans", &o.cp_plans, "child protection plans (D3, D5, D7)"},
                                         {"--cin-plans", &o.cin_plans, "CIN plans (step-down)"},
                                         {"--early-help", &o.early_help, "early help episodes (step-down)"},
                                         {"--looked-after", &o.looked_after, "looked-after episodes (step-down)"}})
    app.add_option(name, *file, std::string(help) + "; repeatable: extracts oldest first, merged")
        ->type_name("FILE.csv")
        ->allow_extra_args(false);
  add("--date-format", "FORMAT", "how the CSV extracts spell dates: yyyy-mm-dd or dd/mm/yyyy (a midnight time "
      "allowed)", [&](auto& v) { o.extract.dates = csc::io::parse_date_format(v); })->default_str("yyyy-mm-dd");
  add("--encoding", "NAME", "the CSV extracts' encoding: utf-8, windows-1252 or iso-8859-1",
      [&](auto& v) { o.extract.encoding = csc::io::parse_text_encoding(v); })->default_str("utf-8");
  app.add_flag("--skip-invalid-records", o.extract.skip_invalid_records,
               "leave out records that cannot be read (each reported, not counted) instead of stopping");
  app.add_option("--cin-census", o.cin_census, "a CIN census return (repeatable), instead "
                                       "of the first three")->type_name("RETURN.xml")->allow_extra_args(false);

  app.option_defaults()->group("Period");
  CLI::Option* period = add("--period", "YYYY-YY", "a financial year, e.g. 2019-20",
                            [&](auto& v) { o.financial_year = csc::parse_financial_year(v); });
  CLI::Option* from = add("--from", "YYYY-MM-DD", "the first day of the period", [&](auto& v) { o.from = day(v); });
  CLI::Option* to = add("--to", "YYYY-MM-DD", "the last day of the period", [&](auto& v) { o.to = day(v); });
  period->excludes(from)->excludes(to);
  from->needs(to);
  to->needs(from);
  add("--horizon", "YYYY-MM-DD", "the extract date; default: the latest date in any input",
      [&](auto& v) { o.horizon = day(v); });
  add("--data-from", "YYYY-MM-DD",
      "the first day the CSV extracts cover, for history-incomplete marks; default: each extract's earliest "
      "CINreferralDate or CPPstartDate",
      [&](auto& v) { o.data_from = day(v); });

  app.option_defaults()->group("Re-referrals (C1)");
  windows("--window", o.policy.look_back, "look-back window for a re-referral", 12);
  app.add_flag_callback("--same-day-rereferral",
                        [&] { o.policy.same_day = csc::same_day_referrals::later_in_input_is_rereferral; },
                        "the later of two same-day referrals is a re-referral (default: neither)");

  app.option_defaults()->group("Child protection plans (D3, D5, D7)");
  add("--cp-evidence", "EVIDENCE", "what makes a plan a repeat: either, history or declared",
      [&](auto& v) { o.cp_policy.evidence = csc::parse_previous_plan_evidence(v); })->default_str("either");
  windows("--cp-window", o.cp_policy.repeat_window, "repeat window after the previous plan ended", 24);

  app.option_defaults()->group("Step-down and re-escalation");
  app.add_flag("--stepdown", o.stepdown, "report step-down (implied by --cin-plans, --early-help, --looked-after)");
  CLI::Option* child = add("--child", "ID", "print one child's timeline and transitions instead of the report",
                           [&](auto& v) {  // spaces and tabs around it trimmed, as the readers trim LAchildID
                             const auto first = v.find_first_not_of(" \t");
                             o.child = first == std::string::npos ? std::string() : v.substr(first, v.find_last_not_of(" \t") - first + 1);
                           });
  add("--bridge-days", "N", "bridge gaps of up to N days at the lower level",
      [&](auto& v) { o.timeline_policy.bridge_gap_days = whole_number(v); })->default_str("0");
  app.add_flag("--stepdown-skip-nfa", o.stepdown_skip_nfa, "leave NFA referrals out of the timelines");
  windows("--re-escalation", o.re_escalation_window, "re-escalation window", 12);

  app.option_defaults()->group("Series, breakdowns, rates and published comparisons");
  CLI::Option* series = add("--series", "KIND", "one row per period: monthly, quarterly, fy, ytd, rolling12 or single",
                            [&](auto& v) { so.kind = csc::parse_series_kind(v); })->excludes(child);
  CLI::Option* by = app.add_option_function<std::vector<std::string>>(
         "--by",
         [&](const std::vector<std::string>& v) {
           so.by = v.front();
           so.by_also.assign(v.begin() + 1, v.end());
         },
         "rows per value of COLUMN, or age_band, previous_referral_nfa; repeat for a cross-tab (at most 3)")
      ->type_name("COLUMN")->allow_extra_args(false);
  app.add_option("--family", so.family, "count distinct families by this column beside children")->type_name("COLUMN");
  app.add_flag("--suppress", so.suppress, "show counts 1-5 and what is built from them as c; with --by also enough others that none can be worked out from the totals");
  add("--outcome-days", "N", "add referral outcomes within N days: assessment started, Section 47 started, NFA "
      "(needs AssessmentActualStartDate, S47ActualStartDate)", [&](auto& v) { so.outcome_days = whole_number(v); });
  app.add_flag("--three-plus-referrals", so.children_3_plus_referrals,
               "add children_3_plus_referrals: children with 3 or more referrals in the period");
  CLI::Option* la = add("--la", "CODE", "the local authority: old LA number (335), ONS code (E08000030) or name "
                        "(Walsall, any case)", [&](auto& v) { so.la_query = v; });
  add("--population", "N", "rates per 10,000 of this population", [&](auto& v) {
    const int n = whole_number(v);
    if (n == 0) throw std::invalid_argument("must be more than 0");
    so.population = static_cast<std::size_t>(n);
  })->excludes(app.add_option("--population-file", so.population_file, "rates from ONS mid-year estimates")
                   ->type_name("ONS.csv")->needs(la));
  app.add_option("--benchmarks", so.benchmarks, "DfE's c1_, d3_ and New_Statistical_Neighbour CSVs: published figures")
      ->type_name("DIR")->needs(la);
  const auto target = [&](const std::string& v) {
    const auto eq = v.find('=');
    const std::string name = v.substr(0, eq), text = eq == std::string::npos ? "" : v.substr(eq + 1);
    if (eq == std::string::npos || !csc::find_measure(name))
      throw usage_error("--target: '" + v + "' is not MEASURE=VALUE with a measure of the series table");
    std::size_t used = 0;
    double number = 0;
    try {
      number = std::stod(text, &used);
    } catch (const std::exception&) {
    }
    if (used == 0 || used != text.size()) throw usage_error("--target: '" + text + "' is not a number");
    if (!so.targets.emplace(name, csc_report::target{number, text}).second)
      throw usage_error("--target: " + name + " given twice: give each measure once");
  };
  app.add_option_function<std::vector<std::string>>(
         "--target", [&](const std::vector<std::string>& v) { std::for_each(v.begin(), v.end(), target); },
         "a target for a measure of the series table (repeatable)")
      ->type_name("MEASURE=VALUE")->allow_extra_args(false);

  // The series options need --series, or --by alone (one row per group for the period: --series single).
  const std::vector<CLI::Option*> series_group =
      app.get_options([&](CLI::Option* p) { return p->get_group() == series->get_group() && p != series && p != by; });

  app.option_defaults()->group("Output");
  app.add_option("--format", o.format, "how the report is written")->type_name("FORMAT")
      ->capture_default_str()->check(CLI::IsMember({"table", "json", "csv", "markdown", "html", "xlsx"}));
  app.add_option("--layout", so.layout, "series tables: long (a row per group and period) or wide (a table per "
                 "measure, periods as columns; csv: one table, the measure first)")
      ->type_name("LAYOUT")->capture_default_str()->check(CLI::IsMember({"long", "wide"}));
  CLI::Option* output = app.add_option("--output", o.output, "write here; FILE is replaced only when complete "
                                       "(default: stdout; xlsx needs it)")->type_name("FILE");
  app.add_option("--output-dir", o.output_dir, "csv: each table as its own file DIR/NAME.csv, listed with its "
                 "caption and notes in DIR/contents.csv")->type_name("DIR")->excludes(output);
  app.add_flag("--check", o.check, "list every data-quality finding of the inputs with file and line instead (for "
               "returns: the reader's notes and DfE's checks)");
  add("--threads", "N",
      std::string("read each CSV extract in N parts on N threads, and read and classify independent inputs "
                  "concurrently, when N >= 2 (same output)") + (csc_report::threads_available() ? "" : "; this build has no threads"),
      [&](const std::string& v) {
        unsigned n = 0;
        try {
          n = whole_number<unsigned>(v);
        } catch (const std::invalid_argument&) {  // worded below, with the range
        }
        if (n < 1 || n > 1024) throw std::invalid_argument("'" + v + "' is not a number of threads from 1 to 1024");
        o.threads = n;
      })->default_str("1");
  if (const auto text = csc_cli::parse(app, "csc-report", argc, argv)) {
    o.print = *text;
    return o;
  }
  for (CLI::Option* opt : series_group)
    if (opt->count() && !series->count() && !by->count())
      throw usage_error(opt->get_name() + " requires --series (or --by, for one row per group over the period)");

  if (o.referrals.empty() && o.cp_plans.empty() && o.cin_plans.empty() && o.early_help.empty() &&
      o.looked_after.empty() && o.cin_census.empty()) {
    throw usage_error(
        "give at least one input: --cin-census, --referrals, --cp-plans, --cin-plans, --early-help or --looked-after");
  }
  const bool csv_input = !o.referrals.empty() || !o.cp_plans.empty() || !o.cin_plans.empty() ||
                         !o.early_help.empty() || !o.looked_after.empty();
  if (o.data_from && !o.cin_census.empty())
    throw usage_error("--data-from applies to CSV extracts; CIN census returns cover their collection years "
                      "(the year up to each ReferenceDate)");
  if (!csv_input && (app.count("--date-format") || app.count("--encoding")))
    throw usage_error("--date-format and --encoding apply to CSV extracts; CIN census returns declare their own "
                      "encoding and use ISO dates");
  if (!o.cin_census.empty() && (!o.referrals.empty() || !o.cp_plans.empty() || !o.cin_plans.empty()))
    throw usage_error("--cin-census already gives referrals, CP plans and CIN plans: do not add --referrals, "
                      "--cp-plans or --cin-plans");
  if ((o.check || o.child) && o.format != "table" && o.format != "json")
    throw usage_error("--format " + o.format + ": --check and --child print table or json");
  if (o.format == "xlsx" && o.output.empty() && !o.check && !o.child)
    throw usage_error("--format xlsx writes a workbook: give --output FILE.xlsx");
  if (!o.output_dir.empty() && o.format != "csv")
    throw usage_error("--output-dir writes one CSV file per table: it needs --format csv");
  if (!so.kind && !so.by.empty())  // --by without --series: the period's groups (a --period labelled as the year)
    so.kind = o.financial_year ? csc::series_kind::financial_year : csc::series_kind::single;
  if (!so.kind && (o.format == "csv" || o.format == "markdown" || o.format == "xlsx"))
    so.kind = csc::series_kind::single;  // one row
  if (!so.by.empty() && (o.check || o.child)) throw usage_error("--by: not with --check or --child");
  if (so.layout == "wide" && (o.format == "json" || o.format == "html" || !so.kind))
    throw usage_error("--layout wide: a series table (--series or --by) as table, csv, markdown or xlsx; json keeps "
                      "one row per group and period");
  if (o.from && o.to && *o.to < *o.from)
    throw usage_error("--to " + csc::to_iso_string(*o.to) + " is before --from " + csc::to_iso_string(*o.from));
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
  std::optional<csc::rereferral_classification<csc::io::text_view>> classified;
  csc::rereferral_measures measures;
  std::optional<std::size_t> nfa_count;  // referrals in the period with ReferralNFA true
  std::optional<csc::io::cp_plan_table> cp_plans;
  std::optional<csc::cp_plan_classification<csc::io::text_view>> cp_classified;
  csc::cp_plan_start_measures cp_starts;
  csc::cp_plan_end_measures cp_ends;
  csc::cp_plan_open_measures cp_open;
  std::optional<csc::io::episode_table> cin_plans, early_help, looked_after;
  std::optional<csc_report::census_input> census;  // --cin-census: the returns, merged and checked
  csc_report::stepdown_inputs stepdown_in;
  std::optional<csc_report::stepdown_report> stepdown;
  std::optional<csc::day> referrals_from, cp_plans_from;  // CSV: the earliest key dates, worked out once
  std::optional<csc::day> latest;  // the latest date in any input (the default horizon)

  // A period that starts after every date in the inputs (a --period past the data, or
  // inputs older than meant): said on standard error and in the notes of every format.
  std::optional<std::string> after_data_warning() const {
    if (!period || !latest || !(*latest < period->first())) return std::nullopt;
    return "Period after the data: the period starts on " + csc::to_iso_string(period->first()) +
           ", after the latest date in any input (" + csc::to_iso_string(*latest) +
           "), so no record is dated in it; check --period or --from, and the inputs";
  }
  // The matching warning for a period that ends before the earliest key date (referral date,
  // plan or episode start) of every input: its figures are unknown, not zeros.
  std::optional<std::string> before_data_warning() const {
    if (!period || !period->last()) return std::nullopt;
    std::optional<csc::day> earliest;
    const auto take = [&](std::optional<csc::day> d) {
      if (d && (!earliest || *d < *earliest)) earliest = d;
    };
    if (referrals) take(data_from(*referrals));
    if (cp_plans) take(data_from(*cp_plans));
    for (const csc::io::episode_table* e : episode_inputs()) take(csc::io::first_key_date(*e));
    if (!earliest || !(*period->last() < *earliest)) return std::nullopt;
    return "Period before the data: the period ends on " + csc::to_iso_string(*period->last()) +
           ", before the earliest date in any input (" + csc::to_iso_string(*earliest) +
           "), so no record is dated in it and its figures are unknown, not zeros; check --period or --from, and the inputs";
  }

  // The first day of the data behind @p table (docs/rules/completeness.md): the
  // census collection year, or for CSV extracts the earliest key date.
  std::optional<csc::day> data_from(const csc::io::referral_table&) const {
    return census ? census->data_from() : referrals_from;
  }
  std::optional<csc::day> data_from(const csc::io::cp_plan_table&) const {
    return census ? census->data_from() : cp_plans_from;
  }

  std::vector<const csc::io::episode_table*> episode_inputs() const {
    std::vector<const csc::io::episode_table*> out;
    for (const auto* e : {&cin_plans, &early_help, &looked_after}) {
      if (*e) out.push_back(&**e);
    }
    return out;
  }

  // Completeness of the period's figures (docs/rules/completeness.md): the
  // measures whose history reaches before the data, and the data's first days.
  std::vector<std::string> history_incomplete() const {
    // docs/rules/completeness.md: by each measure's need, and every figure of an input
    // whose data does not reach the period (as the series table marks them).
    std::vector<std::string> out;
    const csc::day first = period->first();
    const auto from = [&](const auto& table) { return data_from(table); };
    if (referrals) {
      const bool all = !covers(*referrals);
      if (all) out.emplace_back("referral_count");
      if (all || !csc::history_within_data(first, from(*referrals), opt.policy.look_back))
        out.insert(out.end(), {"rereferral_count", "rereferral_percent"});
    }
    if (cp_plans) {
      const bool all = !covers(*cp_plans);
      if (all) out.emplace_back("CPP_start");
      if (all || opt.cp_policy.evidence == csc::previous_plan_evidence::history_only ||
          !cp_plans->has_item("NumberOfPreviousCPP"))
        out.insert(out.end(), {"CPP_subsequent", "CPP_subsequent_percent"});
      if (all || !csc::history_within_data(first, from(*cp_plans), opt.cp_policy.repeat_window))
        out.emplace_back("CPP_subsequent_within_2y_percent");
      if (all) out.emplace_back("CPP_open");
    }
    return out;
  }
  // Whether the data of @p table reaches the period (csc::data_covers).
  template <class Table>
  bool covers(const Table& table) const {
    return csc::data_covers(period->first(), *period->last(), data_from(table), horizon);
  }
  // labels: the measures' plain-language labels (table, html); else their names (json).
  std::vector<std::string> completeness_sentences(bool labels = true) const {
    std::vector<std::string> out;
    if (const auto w = after_data_warning()) out.push_back(*w);
    if (const auto w = before_data_warning()) out.push_back(*w);
    const auto incomplete = history_incomplete();
    if (!incomplete.empty()) {
      const bool outside = (referrals && !covers(*referrals)) || (cp_plans && !covers(*cp_plans));
      std::string s = outside ? "History incomplete (the data does not reach the period, or the look-back reaches "
                                "before the earliest data, so these may under-count):"
                              : "History incomplete (the look-back reaches before the earliest data, so these may under-count):";
      for (std::size_t i = 0; i < incomplete.size(); ++i)
        s += labels ? (i ? "; " : " ") + std::string(csc::find_measure(incomplete[i])->label) : " " + incomplete[i];
      const auto from = [&](const auto& table) { return data_from(table); };
      if (referrals) s += "; referrals from " + csc::to_iso_string(*from(*referrals));
      if (cp_plans) s += "; CP plans from " + csc::to_iso_string(*from(*cp_plans));
      out.push_back(s);
    }
    const auto uncovered = [&](const char* what, const auto& table) {
      const auto f = data_from(table);
      if (!csc::data_covers(period->first(), *period->last(), f, horizon))
        out.push_back(std::string("Outside the data: the period ") +
                      (*period->last() < *f
                           ? (census ? "ends before the census year of the earliest return (from " + csc::to_iso_string(*f) + ")"
                                     : "ends before the earliest " + std::string(what) + " (" + csc::to_iso_string(*f) + ")")
                                            : "starts after the extract date (" + csc::to_iso_string(horizon) + ")") +
                      ", so its " + what + " figures are not zeros but unknown");
    };
    if (referrals) uncovered("referral", *referrals);
    if (cp_plans) uncovered("CP plan", *cp_plans);
    const std::size_t open = measures.referral_type_counts[static_cast<std::size_t>(csc::referral_type::initial_follow_up_incomplete)];
    if (referrals && open)
      out.push_back("Provisional: referral types, " + std::to_string(open) + " of " +
                    csc::count_text(measures.referral_count, "referral") + " (" +
                    csc::format_percent(open, measures.referral_count) + "%) " +
                    std::string(csc::inflect(open, "has", "have")) + " follow-up incomplete at the extract date");
    if (stepdown && stepdown->measures.step_downs.follow_up_incomplete)
      out.push_back("Provisional: step-down outcomes, " + std::to_string(stepdown->measures.step_downs.follow_up_incomplete) +
                    " of " + csc::count_text(stepdown->measures.step_downs.count, "step-down") + " " +
                    std::string(csc::inflect(stepdown->measures.step_downs.follow_up_incomplete, "has", "have")) +
                    " follow-up incomplete at the extract date");
    return out;
  }

  // The data-quality summary of every input (docs/inputs.md): the reader's
  // findings, the classifier's and the timelines' (by the input of their record).
  std::vector<csc::input_quality> quality() const {
    static const std::vector<csc::finding> none;
    std::array<std::vector<csc::finding>, 5> timeline;  // by stepdown_inputs source
    if (stepdown)
      for (const csc::finding& f : stepdown->timelines.findings())
        if (f.source < timeline.size()) timeline[f.source].push_back(f);
    std::vector<csc::input_quality> out;
    if (referrals)
      out.push_back(csc::quality_of("referrals", *referrals, classified ? classified->findings() : none, timeline[0]));
    if (cp_plans)
      out.push_back(csc::quality_of("cp_plans", *cp_plans, cp_classified ? cp_classified->findings() : none, timeline[1]));
    const char* names[] = {"cin_plans", "early_help", "looked_after"};
    std::size_t k = 0;
    for (const auto* e : {&cin_plans, &early_help, &looked_after}) {
      if (*e) out.push_back(csc::quality_of(names[k], **e, timeline[k + 2]));
      ++k;
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
  const auto write_finding = [&](std::string_view input, const csc::finding& f, std::string_view child,
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
      const std::size_t related = f.related_record ? table.records[*f.related_record].source.line : f.related_line;
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
  // Records that could not be read, left out (--skip-invalid-records): not counted.
  const auto write_rejected = [&](std::string_view input, const auto& table) {
    for (const csc::io::parse_error& e : table.rejected)
      j.begin_object().value("input", input).value("rule", "invalid_record").value("child", "").value("file", e.source())
          .value("line", e.line()).null("related_line").value("in_period", false).value("counted", false)
          .value("detail", std::string(e.what())).end_object();
  };
  if (r.referrals) write_rejected("referrals", *r.referrals);
  if (r.cp_plans) write_rejected("cp_plans", *r.cp_plans);
  for (const auto* e : r.episode_inputs()) write_rejected("episodes", *e);
  j.end_array();
  csc_report::write_quality_json(j, r.quality());
  j.begin_object("completeness");
  j.begin_array("history_incomplete");
  for (const std::string& m : r.history_incomplete()) j.value(std::string_view(), m);
  j.end_array();
  j.begin_array("notes");
  for (const std::string& n : r.completeness_sentences(false)) j.value(std::string_view(), n);
  j.end_array();
  j.end_object();
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
     << "Input: " << r.referrals->name << " (" << csc::count_text(r.referrals->records.size(), "referral") << ", "
     << csc::count_text(r.classified->child_count(), "child", "children") << "); horizon "
     << csc::to_iso_string(r.horizon) << "; window "
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
    t.row("  " + std::string(csc::label_of(static_cast<csc::referral_type>(k))), std::to_string(m.referral_type_counts[k]));
  }
  if (r.classified->findings().empty()) {  // no line of zeros
    os << "\n  Data-quality findings: none\n";
  } else {
    os << "\n  Data-quality findings: " << r.classified->findings().size() << " duplicate_referral_date ("
       << m.duplicate_referral_date_count << " in the period; all counted)\n";
  }
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
     << "Input: " << r.cp_plans->name << " (" << csc::count_text(r.cp_plans->records.size(), "plan") << ", "
     << csc::count_text(r.cp_classified->child_count(), "child", "children") << "); horizon "
     << csc::to_iso_string(r.horizon)
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
    t.row("  " + std::string(csc::label_of(static_cast<csc::cp_plan_gap_band>(b))), std::to_string(m.gap_bands[b]));
  }
  os << "\n  Plans ending in the period by duration (D7): " << ends.CPP_end << "\n";
  for (std::size_t b = 0; b < csc::cp_plan_duration_band_count; ++b) {
    t.row("  " + std::string(csc::label_of(static_cast<csc::cp_plan_duration_band>(b))),
          std::to_string(ends.duration_bands_ended[b]));
  }
  t.row("  lasting 2 years or more (% of plans ending)", t.pct(ends.duration_bands_ended[4], ends.CPP_end));
  os << "\n  Plans open on " << csc::to_iso_string(open.open_on) << " by duration (D5): " << open.CPP_open << "\n";
  for (std::size_t b = 0; b < csc::cp_plan_duration_band_count; ++b) {
    t.row("  " + std::string(csc::label_of(static_cast<csc::cp_plan_duration_band>(b))),
          std::to_string(open.duration_bands_open[b]));
  }
  std::map<std::string_view, std::pair<std::size_t, std::size_t>> rules;  // rule -> (findings, not counted)
  for (const csc::finding& f : r.cp_classified->findings()) {
    auto& n = rules[csc::to_string(f.rule)];
    ++n.first;
    n.second += !f.counted;
  }
  if (r.cp_classified->findings().empty()) {
    os << "\n  Data-quality findings: none\n";
  } else {
    os << "\n  Data-quality findings: " << r.cp_classified->findings().size() << "\n";
  }
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
  std::vector<std::string> notes = r.completeness_sentences();
  for (std::string& n : csc_report::quality_sentences(r.quality())) notes.push_back(std::move(n));
  if (!notes.empty()) os << '\n';
  for (const std::string& n : notes) os << n << ".\n";
}

// --check for CSV extracts: each input's data-quality summary, then every
// finding (reader's, classifier's, timelines') and every record left out, with file and line.
void write_check(const report& r, std::ostream& os) {
  struct listed {
    std::string input, rule, child, where, related, detail;
    bool counted;
    std::string shown_detail;  // the table's: detail without the location `where` already shows
  };
  std::vector<listed> all;
  const auto add = [&](const char* input, const auto& table, const std::vector<csc::finding>& findings) {
    for (const csc::finding& f : findings) {
      const auto& row = table.records.at(f.record);
      all.push_back({input, std::string(csc::to_string(f.rule)), std::string(row.child), table.where(f.record),
                     f.related_record ? table.where(*f.related_record)
                     : f.related_line ? table.files[row.source.file] + ":" + std::to_string(f.related_line)
                                      : std::string(),
                     f.detail, f.counted,
                     f.detail});
    }
  };
  const auto add_table = [&](const char* input, const auto& table, const auto* classified) {
    add(input, table, table.findings);
    if (classified) add(input, table, classified->findings());
    for (const csc::io::parse_error& e : table.rejected)
      all.push_back({input, "invalid_record", "", e.source() + ":" + std::to_string(e.line()), "", e.what(), false,
                     std::string(e.detail())});
  };
  if (r.referrals) add_table("referrals", *r.referrals, r.classified ? &*r.classified : nullptr);
  if (r.cp_plans) add_table("cp_plans", *r.cp_plans, r.cp_classified ? &*r.cp_classified : nullptr);
  const char* names[] = {"cin_plans", "early_help", "looked_after"};
  std::size_t k = 0;
  for (const auto* e : {&r.cin_plans, &r.early_help, &r.looked_after}) {
    if (*e) add_table(names[k], **e, static_cast<const csc::rereferral_classification<csc::io::text_view>*>(nullptr));
    ++k;
  }
  if (r.stepdown) {  // the timelines': overlaps merged at one level, episodes ending before they start
    for (const csc::finding& f : r.stepdown->timelines.findings()) {
      const auto row = r.stepdown_in.row(f.source, f.record);
      std::string related;
      if (f.related_record) {
        const auto rel = r.stepdown_in.row(f.related_source, *f.related_record);
        related = rel.file + ":" + std::to_string(rel.line);
      }
      all.push_back({csc_report::stepdown_inputs::names[f.source], std::string(csc::to_string(f.rule)),
                     std::string(row.child), row.file + ":" + std::to_string(row.line), related, f.detail, f.counted,
                     f.detail});
    }
  }
  if (r.opt.format == "json") {
    csc_report::json_writer j(os);
    j.begin_object();
    csc_report::write_quality_json(j, r.quality());
    j.begin_array("findings");
    for (const listed& l : all)
      j.begin_object().value("input", l.input).value("rule", l.rule).value("child", l.child).value("at", l.where)
          .value("related", l.related).value("counted", l.counted).value("detail", l.detail).end_object();
    j.end_array();
    j.end_object();
    return;
  }
  for (const std::string& s : csc_report::quality_sentences(r.quality(), true)) os << s << ".\n";
  os << "Findings (" << all.size() << "):\n";
  for (const listed& l : all)
    os << "  " << l.input << "  " << l.rule << (l.counted ? "" : " (not counted)") << "  " << l.child << "  " << l.where
       << (l.related.empty() ? "" : " (with " + l.related + ")") << (l.shown_detail.empty() ? "" : "  " + l.shown_detail)
       << '\n';
}

// --series: every measure over the series, by group, with the published comparison.
void run_series(const report& r, std::ostream& os) {
  csc_report::series_options so = r.opt.series;  // with --la resolved
  const csc_report::series_data data = [&] {
    try {
      return csc_report::read_series_data(so, r.referrals.has_value(), r.cp_plans.has_value());
    } catch (const csc_report::unknown_la& e) {
      throw usage_error(e.what());
    }
  }();
  csc::series_inputs in;  // members by name: the library may add more, with defaults
  in.referrals = r.referrals ? &*r.referrals : nullptr;
  in.classified_referrals = r.classified ? &*r.classified : nullptr;
  in.cp_plans = r.cp_plans ? &*r.cp_plans : nullptr;
  in.classified_cp_plans = r.cp_classified ? &*r.cp_classified : nullptr;
  in.transitions = r.stepdown ? &r.stepdown->transitions : nullptr;
  if (r.census) {
    in.referrals_from = in.cp_plans_from = r.census->data_from();  // the returns' first collection year
  } else {
    in.referrals_from = r.referrals_from;
    in.cp_plans_from = r.cp_plans_from;
  }
  csc_report::series_table t = [&] {
    try {
      return csc::build_series_table(*so.kind, *r.period, in, so, data.view(so));
    } catch (const std::invalid_argument& e) {  // an option that does not fit the inputs
      throw usage_error(e.what());
    }
  }();
  if (const auto w = r.before_data_warning()) t.notes.insert(t.notes.begin(), *w);
  if (const auto w = r.after_data_warning()) t.notes.insert(t.notes.begin(), *w);
  for (std::string& n : csc_report::quality_sentences(r.quality())) t.notes.push_back(std::move(n));
  const csc_report::provenance about = csc_report::series_provenance(t, so, r.horizon, r.opt.inputs(), data.files);
  if (r.opt.format == "json") {
    csc_report::write_series_json(os, t, so, about);
  } else if (r.opt.format == "html") {
    csc_report::write_series_html(os, t, so, about);
  } else if (r.opt.format == "xlsx") {
    csc_report::write_xlsx(os, csc_report::series_tables(t, so, r.quality(), about.title), r.opt.output);
  } else if (!r.opt.output_dir.empty()) {
    csc_report::write_csv_tables(r.opt.output_dir, csc_report::series_tables(t, so, r.quality(), about.title));
  } else {
    csc_report::write_series_text(os, t, so, r.opt.format, about);
    // csv has no notes: an input with anything to say (as the other formats' data-quality
    // sentences) adds the data-quality table after a blank line, as --output-dir's data_quality.csv.
    const std::vector<csc::input_quality> quality = r.quality();
    if (r.opt.format == "csv" && !csc_report::quality_sentences(quality).empty()) {
      os << '\n';
      csc_report::write_grid(os, csc_report::quality_grid(quality), "csv");
    }
  }
}

void run(const options& opt, std::ostream& os) {
  report r{opt, std::nullopt, date(), {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}};
  if (opt.financial_year) {
    r.period = csc::financial_year<date>(*opt.financial_year);
  } else if (opt.from && opt.to) {
    r.period = csc::interval<date>(*opt.from, *opt.to);
  }
  csc::io::extract_options extract = opt.extract;
  extract.keep = opt.series.kept_columns();
  // The referrals beside the CP and CIN plans (--threads); errors in the order of the inputs.
  csc_report::run_both(
      opt.threads,
      [&] {
        if (opt.referrals.empty()) return;
        r.referrals = csc_report::read_referrals(opt.referrals, extract, opt.threads);
        if (r.referrals->records.empty())
          throw std::runtime_error(r.referrals->name + ": no referral records after the header" +
                                   csc_report::left_out(r.referrals->rejected.size()));
      },
      [&] {
        if (!opt.cp_plans.empty()) {
          r.cp_plans = csc_report::read_cp_plans(opt.cp_plans, extract, opt.threads);
          if (r.cp_plans->records.empty())
            throw std::runtime_error(r.cp_plans->name + ": no plan records after the header" +
                                     csc_report::left_out(r.cp_plans->rejected.size()));
          if (opt.cp_policy.evidence == csc::previous_plan_evidence::declared_only && !r.cp_plans->has_item("NumberOfPreviousCPP")) {
            throw usage_error("--cp-evidence declared needs a NumberOfPreviousCPP column in " + r.cp_plans->name);
          }
        }
        if (!opt.cin_plans.empty()) r.cin_plans = csc_report::read_episodes(opt.cin_plans, csc::io::episode_extract::cin_plans, extract, opt.threads);
      });
  if (!opt.cin_census.empty()) {
    r.census = csc_report::read_census(opt.cin_census, opt.series.kept_columns(), opt.extract.skip_invalid_records);
    if (opt.check) {
      csc_report::write_census_check(os, *r.census, opt.format);
      return;
    }
    // Nothing after the extract date (docs/rules/extract-date.md): a date after its
    // return's ReferenceDate (DfE 8600, 8620, 8720, 8930, 4010, 4013) is an error, all listed.
    const std::vector<csc::io::parse_error>& late = r.census->late;
    if (late.size() == 1) throw late.front();
    if (!late.empty()) {
      std::string m = csc::count_text(late.size(), "date is", "dates are") +
                      " after the ReferenceDate of their return (nothing after the extract date is counted; "
                      "--check lists them):";
      for (std::size_t i = 0; i < late.size() && i < 50; ++i) m += std::string("\n  ") + late[i].what();
      if (late.size() > 50) m += "\n  ... and " + std::to_string(late.size() - 50) + " more";
      throw std::runtime_error(m);
    }
    csc::io::census_records& records = r.census->records;
    if (records.referrals.records.empty()) throw std::runtime_error(records.referrals.name + ": no CINdetails");
    r.referrals = std::move(records.referrals);
    if (!records.cp_plans.records.empty()) r.cp_plans = std::move(records.cp_plans);
    if (!records.cin_plans.records.empty()) r.cin_plans = std::move(records.cin_plans);
  }
  if (!opt.early_help.empty()) r.early_help = csc_report::read_episodes(opt.early_help, csc::io::episode_extract::early_help, extract, opt.threads);
  if (!opt.looked_after.empty()) r.looked_after = csc_report::read_episodes(opt.looked_after, csc::io::episode_extract::looked_after, extract, opt.threads);

  if (r.referrals) r.referrals_from = opt.data_from ? csc::to_day(*opt.data_from) : csc::io::first_key_date(*r.referrals);
  if (r.cp_plans) r.cp_plans_from = opt.data_from ? csc::to_day(*opt.data_from) : csc::io::first_key_date(*r.cp_plans);

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
  r.latest = latest;
  if (!opt.check && !opt.child)
    for (const auto& w : {r.after_data_warning(), r.before_data_warning()})
      if (w) std::cerr << "csc-report: warning: " << *w << '\n';
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
    csc_report::write_child(os, opt.format, *r.stepdown, *child, r.stepdown_in);
    return;
  }
  // Re-referrals beside CP plans (--threads): each writes only its own results.
  csc_report::run_both(
      opt.threads,
      [&] {
        if (r.referrals) {
          r.classified = csc::classify_rereferrals(r.referrals->records, &csc::io::referral_record::child,
                                                   &csc::io::referral_record::referral, r.horizon, opt.policy);
          if (r.period) r.measures = csc::measure(*r.classified, *r.period, csc::count_rereferrals{});
          if (r.period && r.referrals->has_item("ReferralNFA")) {
            std::size_t nfa = 0;
            for (const auto& row : r.referrals->records) {
              if (*row.nfa && r.period->contains(row.referral)) ++nfa;
            }
            r.nfa_count = nfa;
          }
        }
      },
      [&] {
        if (r.cp_plans) {
          using row = csc::io::cp_plan_record;
          r.cp_classified = r.cp_plans->has_item("NumberOfPreviousCPP")
                                ? csc::classify_cp_plans(r.cp_plans->records, &row::child, &row::start, &row::end,
                                                         &row::previous_plans, r.horizon, opt.cp_policy)
                                : csc::classify_cp_plans(r.cp_plans->records, &row::child, &row::start, &row::end, r.horizon,
                                                         opt.cp_policy);
          if (r.period) {
            r.cp_starts = csc::measure(*r.cp_classified, *r.period, csc::count_cp_plan_starts{});
            r.cp_ends = csc::measure(*r.cp_classified, *r.period, csc::count_cp_plan_ends{});
            r.cp_open = csc::measure(*r.cp_classified, *r.period, csc::count_cp_plans_open{});
          }
        }
      });
  if (opt.check) {
    write_check(r, os);
  } else if (opt.series.kind) {
    run_series(r, os);
  } else if (opt.format == "json") {
    write_json(r, os);
  } else if (opt.format == "html") {  // the single-period report: the table's figures, as a page
    std::ostringstream text;
    write_table(r, text);
    csc_report::provenance about;
    about.data_as_at = csc::to_iso_string(r.horizon);
    about.title = "Children's social care measures, " + csc::to_iso_string(r.period->first()) + " to " +
                  csc::to_iso_string(*r.period->last()) + ", data as at " + about.data_as_at;
    for (const std::string& i : opt.inputs()) about.inputs.push_back(csc_report::file_name(i));
    csc_report::write_text_html(os, about, text.str());
  } else {
    write_table(r, os);
  }
}

}  // namespace

int main(int argc, char** argv) {
  csc_report::keep_freed_memory_for_reuse();
  std::signal(SIGPIPE, SIG_IGN);  // a reader that quits early is EPIPE, seen by output::commit
  try {
    const options opt = parse_options(argc, argv);
    csc_report::output out(opt.output);
    if (opt.print.empty()) {
      run(opt, out.stream());
    } else {
      out.stream() << opt.print;
    }
    out.commit();
    return 0;
  } catch (const csc_report::reader_quit&) {
    return 0;
  } catch (const usage_error& e) {
    std::cerr << "csc-report: " << e.what() << "\nRun csc-report --help for the options.\n";
    return 2;
  } catch (const csc::invalid_interval& e) {
    std::cerr << "csc-report: error: " << e.what() << '\n';
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "csc-report: error: " << e.what() << '\n';
    return 1;
  }
}
