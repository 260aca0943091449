// csc-report: the re-referral figures (DfE table C1) a scrutiny report quotes,
// computed with csc-metrics from a referrals CSV extract.
//
//   csc-report --referrals FILE.csv (--period 2019-20 | --from D --to D)
//              [--horizon D] [--format table|json]
//              [--window-months N | --window-days N] [--same-day-rereferral]
#include "json_writer.hpp"
#include "referrals_input.hpp"

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
    "usage: csc-report --referrals FILE.csv (--period YYYY-YY | --from YYYY-MM-DD --to YYYY-MM-DD)\n"
    "                  [--horizon YYYY-MM-DD] [--format table|json]\n"
    "                  [--window-months N | --window-days N] [--same-day-rereferral]\n"
    "\n"
    "Re-referral measures (DfE table C1) for referrals dated in the period, with\n"
    "referrals before it used as look-back history. The referrals CSV has the header\n"
    "LAchildID,CINreferralDate[,ReferralSource,ReferralNFA,CINclosureDate,ReasonForClosure].\n"
    "The data horizon (extract date) defaults to the latest date in the input.\n";

struct usage_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct options {
  std::string referrals;
  std::optional<int> financial_year;
  std::optional<date> from, to, horizon;
  std::string format = "table";
  csc::rereferral_policy policy;
};

date parse_date_option(const std::string& option, const std::string& text) {
  if (auto d = csc::parse_iso_date(text)) return csc::from_civil<date>(*d);
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
      if (o.format != "table" && o.format != "json") throw usage_error("--format must be table or json");
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
  if (o.referrals.empty()) throw usage_error("--referrals FILE.csv is required");
  if (o.financial_year && (o.from || o.to)) throw usage_error("give either --period or --from/--to, not both");
  if (!o.financial_year && !(o.from && o.to)) throw usage_error("give --period YYYY-YY or both --from and --to");
  return o;
}

// The latest date anywhere in the input (referral or closure): the default horizon.
date latest_date(const csc_report::referral_input& input) {
  date latest = input.rows.front().referral_date();
  for (const auto& r : input.rows) {
    const date& last = r.episode.last() ? *r.episode.last() : r.referral_date();
    if (last > latest) latest = last;
  }
  return latest;
}

struct report {
  const options& opt;
  const csc_report::referral_input& input;
  csc::interval<date> period;
  date horizon;
  csc::rereferral_classification classified;
  csc::rereferral_measures measures;
  std::optional<std::size_t> nfa_count;  // referrals in the period with ReferralNFA true
};

std::string same_day_name(csc::same_day_referrals s) {
  return s == csc::same_day_referrals::none_previous ? "none_previous" : "later_in_input_is_rereferral";
}

void write_json(const report& r, std::ostream& os) {
  csc_report::json_writer j(os);
  j.begin_object();
  j.begin_object("input")
      .value("referrals", r.input.file)
      .value("records", r.input.rows.size())
      .value("children", r.classified.child_count())
      .value("blank_lines_skipped", r.input.blank_lines)
      .end_object();
  j.begin_object("period")
      .value("from", csc::to_iso_string(r.period.first()))
      .value("to", csc::to_iso_string(*r.period.last()))
      .end_object();
  j.value("horizon", csc::to_iso_string(r.horizon));
  j.begin_object("policy")
      .value("window", r.opt.policy.look_back.describe())
      .value("same_day", same_day_name(r.opt.policy.same_day))
      .end_object();
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
  j.begin_object("referral_types");
  for (std::size_t t = 0; t < csc::referral_type_count; ++t) {
    j.value(csc::to_string(static_cast<csc::referral_type>(t)), m.referral_type_counts[t]);
  }
  j.end_object();
  j.begin_array("findings");
  for (const csc::finding& f : r.classified.findings()) {
    const auto& row = r.input.rows[f.record];
    j.begin_object()
        .value("rule", f.rule)
        .value("child", row.child)
        .value("line", row.line)
        .value("related_line", r.input.rows[f.related_record].line)
        .value("in_period", r.period.contains(row.referral_date()))
        .value("counted", f.counted)
        .end_object();
  }
  j.end_array();
  j.end_object();
}

void write_table(const report& r, std::ostream& os) {
  const csc::rereferral_measures& m = r.measures;
  const auto row = [&](const std::string& label, const std::string& value) {
    os << "  " << std::left << std::setw(52) << label << std::right << std::setw(10) << value << '\n';
  };
  const auto pct = [](std::size_t part, std::size_t whole) {
    const std::string s = csc::format_percent(part, whole);
    return s.empty() ? std::string("-") : s;
  };
  os << "Re-referrals (DfE table C1), " << csc::to_iso_string(r.period.first()) << " to "
     << csc::to_iso_string(*r.period.last()) << "\n"
     << "Input: " << r.input.file << " (" << r.input.rows.size() << " referrals, " << r.classified.child_count()
     << " children); horizon " << csc::to_iso_string(r.horizon) << "; window "
     << r.opt.policy.look_back.describe() << "\n\n";
  row("Referrals in the period", std::to_string(m.referral_count));
  row("Re-referrals within " + r.opt.policy.look_back.describe() + " of a previous referral",
      std::to_string(m.rereferral_count));
  row("Re-referrals (% of referrals)", pct(m.rereferral_count, m.referral_count));
  row("Children with a referral in the period", std::to_string(m.referral_child_count));
  row("Children with a re-referral in the period", std::to_string(m.rereferral_child_count));
  row("Children re-referred (% of children referred)", pct(m.rereferral_child_count, m.referral_child_count));
  if (r.nfa_count) {
    row("Referrals with no further action", std::to_string(*r.nfa_count));
    row("No further action (% of referrals)", pct(*r.nfa_count, m.referral_count));
  }
  os << "\n  Referral type (DfE re-referrals release)\n";
  for (std::size_t t = 0; t < csc::referral_type_count; ++t) {
    row("  " + std::string(csc::to_string(static_cast<csc::referral_type>(t))), std::to_string(m.referral_type_counts[t]));
  }
  os << "\n  Data-quality findings: " << r.classified.findings().size() << " duplicate_referral_date ("
     << m.duplicate_referral_date_count << " in the period; all counted)\n";
  if (r.input.blank_lines != 0) os << "  Blank lines skipped in the input: " << r.input.blank_lines << "\n";
}

int run(const options& opt) {
  const csc_report::referral_input input = csc_report::read_referrals(opt.referrals);
  if (input.rows.empty()) throw std::runtime_error(opt.referrals + ": no referral records after the header");

  const date data_latest = latest_date(input);
  const date horizon = opt.horizon ? *opt.horizon : data_latest;
  if (opt.horizon) {
    for (const auto& row : input.rows) {
      if (row.referral_date() > horizon) {
        throw usage_error("--horizon " + csc::to_iso_string(horizon) + " is before the referral dated " +
                          csc::to_iso_string(row.referral_date()) + " on " + input.file + ":" +
                          std::to_string(row.line) + "; the horizon is the extract date");
      }
    }
  }
  const csc::interval<date> period = opt.financial_year ? csc::financial_year<date>(*opt.financial_year)
                                                        : csc::interval<date>(*opt.from, *opt.to);

  report r{opt, input, period, horizon,
           csc::classify_rereferrals(
               input.rows, &csc_report::referral_row::child,
               [](const csc_report::referral_row& row) -> const date& { return row.referral_date(); }, horizon,
               opt.policy),
           {}, std::nullopt};
  r.measures = csc::measure_rereferrals(r.classified, period);
  if (input.has_nfa_column) {
    std::size_t nfa = 0;
    for (const auto& row : input.rows) {
      if (*row.nfa && period.contains(row.referral_date())) ++nfa;
    }
    r.nfa_count = nfa;
  }
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
