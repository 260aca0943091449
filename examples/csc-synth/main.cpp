// csc-synth: writes synthetic CIN census returns (XML, one per year) and the
// CSV extracts of csc-report for a chosen number of children and years, each
// child's journey coherent in time (journey.hpp). The same seed and options
// give the same bytes on every platform (random.hpp; docs/csc-synth.md); it
// streams child by child, so it scales to England size. Writes the generator's
// own counts (ground truth) and, with --faults, the faults it injected, which
// DfE's checks must find exactly.
// Options: csc-synth --help, docs/csc-synth.md.
#include "../common/cli.hpp"
#include "journey.hpp"

#include <csc/core/day.hpp>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace {

using csc_synth::day;

std::string iso(day d) { return csc::to_iso_string(csc::day(csc::days(d))); }
day serial(int y, unsigned m, unsigned d) { return csc::day(csc::civil_date{y, m, d}).since_epoch().count(); }

// The generator's own month arithmetic (not the library's): the day n months
// before d, clamped to the month's last day; "within n months" looks back from
// the later date (counting-rules.md section 0).
day months_before(day d, int n) {
  const csc::civil_date c = csc::day(csc::days(d)).civil();
  int total = c.year * 12 + static_cast<int>(c.month) - 1 - n;
  const int y = total / 12;
  const unsigned m = static_cast<unsigned>(total % 12) + 1;
  const unsigned last = csc::last_day_of_month(y, m);
  return serial(y, m, c.day < last ? c.day : last);
}
bool within_months(day earlier, day later, int n) { return earlier <= later && earlier >= months_before(later, n); }

// --faults RATE: a decimal from 0 to 1 with at most six places ("0.02", "1",
// ".5"), read exactly as millionths (no floating point); nullopt otherwise.
std::optional<csc_synth::probability> parse_rate(const std::string& v) {
  const auto point = v.find('.');
  const std::string whole = v.substr(0, point), places = point == std::string::npos ? "" : v.substr(point + 1);
  const auto digits = [](const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if ((whole.empty() && places.empty()) || !digits(whole) || !digits(places) || places.size() > 6) return std::nullopt;
  std::uint64_t n = 0;
  for (const char c : whole) {
    n = n * 10 + static_cast<std::uint64_t>(c - '0');
    if (n > 1) return std::nullopt;
  }
  n *= 1000000;
  std::uint64_t scale = 100000;
  for (const char c : places) {
    n += static_cast<std::uint64_t>(c - '0') * scale;
    scale /= 10;
  }
  if (n > 1000000) return std::nullopt;
  return csc_synth::probability{static_cast<std::uint32_t>(n)};
}

struct options {
  std::uint64_t children = 1000;
  int first_year = 2019;  // first financial year: 2019 = 2019-20, return ReferenceDate 2020-03-31
  int years = 3;
  std::uint64_t seed = 1;
  csc_synth::probability faults{0};  // --faults, exactly: a decimal with at most 6 places
  bool csv = false;
  std::string out;
};

// One fault injected into an episode, and the DfE rule that must report it.
struct fault {
  const char* rule;
  std::string child;
  day referral;
};

// Applies one fault, of a kind the episode can carry, to episode e (all of
// whose dates up to `last_rd` are in the returns); returns its rule, or nullptr
// when the episode can carry none. Each kind makes exactly one DfE check fail.
const char* inject(csc_synth::episode& e, day last_rd, csc_synth::engine& rng) {
  std::vector<const char*> kinds;
  if (e.nfa && !e.early_help) kinds.push_back("8630");            // closure the day before the referral
  if (e.cp && !e.cin && e.cp->start <= last_rd) kinds.push_back("8840");  // plan starts and ends the same day
  if (e.assessed) kinds.push_back("1103");                        // assessment the day before the referral
  if (e.enquiry) kinds.push_back("2889");                         // S47 the day before the referral
  if (kinds.empty()) return nullptr;
  const char* rule = kinds[static_cast<std::size_t>(csc_synth::below(rng, kinds.size()))];
  const std::string r = rule;
  if (r == "8630") e.closure = e.referral - 1;
  if (r == "8840") e.cp->end = e.cp->start;
  if (r == "1103") e.assessed->start = e.referral - 1;
  if (r == "2889") e.enquiry->start = e.referral - 1;
  return rule;
}

// A return's view of one episode at ReferenceDate rd: what was known then.
void write_episode(std::ostream& x, const csc_synth::episode& e, day rd) {
  x << "      <CINdetails>\n        <CINreferralDate>" << iso(e.referral) << "</CINreferralDate>\n"
    << "        <ReferralSource>" << e.source << "</ReferralSource>\n        <PrimaryNeedCode>" << e.need
    << "</PrimaryNeedCode>\n";
  if (e.closure <= rd)
    x << "        <CINclosureDate>" << iso(e.closure) << "</CINclosureDate>\n        <ReasonForClosure>" << e.reason
      << "</ReasonForClosure>\n";
  if (e.assessed && e.assessed->start <= rd) {
    x << "        <Assessments>\n          <AssessmentActualStartDate>" << iso(e.assessed->start)
      << "</AssessmentActualStartDate>\n";
    if (e.assessed->authorised <= rd) {
      x << "          <AssessmentAuthorisationDate>" << iso(e.assessed->authorised)
        << "</AssessmentAuthorisationDate>\n          <FactorsIdentifiedAtAssessment>\n";
      for (const auto& f : e.assessed->factors) x << "            <AssessmentFactors>" << f << "</AssessmentFactors>\n";
      x << "          </FactorsIdentifiedAtAssessment>\n";
    }
    x << "        </Assessments>\n";
  }
  if (e.cin && e.cin->start <= rd) {
    x << "        <CINPlanDates>\n          <CINPlanStartDate>" << iso(e.cin->start) << "</CINPlanStartDate>\n";
    if (e.cin->end <= rd) x << "          <CINPlanEndDate>" << iso(e.cin->end) << "</CINPlanEndDate>\n";
    x << "        </CINPlanDates>\n";
  }
  if (e.enquiry && e.enquiry->start <= rd) {
    x << "        <Section47>\n          <S47ActualStartDate>" << iso(e.enquiry->start) << "</S47ActualStartDate>\n";
    if (e.enquiry->icpc <= rd) x << "          <DateOfInitialCPC>" << iso(e.enquiry->icpc) << "</DateOfInitialCPC>\n";
    x << "          <ICPCnotRequired>false</ICPCnotRequired>\n        </Section47>\n";
  }
  x << "        <ReferralNFA>" << (e.nfa ? "true" : "false") << "</ReferralNFA>\n";
  if (e.cp && e.cp->start <= rd) {
    x << "        <ChildProtectionPlans>\n          <CPPstartDate>" << iso(e.cp->start) << "</CPPstartDate>\n";
    if (e.cp->end <= rd) x << "          <CPPendDate>" << iso(e.cp->end) << "</CPPendDate>\n";
    x << "          <InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>\n"
         "          <LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse>\n          <NumberOfPreviousCPP>"
      << e.cp->declared_previous << "</NumberOfPreviousCPP>\n        </ChildProtectionPlans>\n";
  }
  x << "      </CINdetails>\n";
}

// The generator's own counts for one financial year.
struct truth {
  std::uint64_t referral_count = 0, rereferral_count = 0, nfa_count = 0;
  std::uint64_t CPP_start = 0, CPP_subsequent = 0, CPP_subsequent_within_2y = 0;
};

int run(const options& o) {
  namespace fs = std::filesystem;
  fs::create_directories(o.out);
  const day first = serial(o.first_year, 4, 1);
  // Journeys start up to five years before the first return (a burn-in), so
  // that the first years already have children with earlier referrals and plans;
  // what closed before the first year is in no return, as in real returns.
  const day burn_in = serial(o.first_year - 5, 4, 1);
  const day last_rd = serial(o.first_year + o.years, 3, 31);
  // Binary mode: '\n' is written as one byte on every platform (text mode writes CRLF on Windows).
  const std::ios::openmode bytes = std::ios::out | std::ios::binary;
  std::vector<std::unique_ptr<std::ofstream>> returns;
  std::vector<std::pair<fs::path, std::ofstream*>> written;  // every file, checked when closed
  std::vector<day> rds, year_starts;
  for (int y = 0; y < o.years; ++y) {
    const int end_year = o.first_year + y + 1;
    rds.push_back(serial(end_year, 3, 31));
    year_starts.push_back(serial(end_year - 1, 4, 1));
    const fs::path path = fs::path(o.out) / ("cin_census_" + std::to_string(end_year) + ".xml");
    auto f = std::make_unique<std::ofstream>(path, bytes);
    written.emplace_back(path, f.get());
    *f << "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Message>\n  <Header>\n    <CollectionDetails>\n"
          "      <Collection>CIN</Collection>\n      <Year>" << end_year << "</Year>\n      <ReferenceDate>"
       << iso(rds.back()) << "</ReferenceDate>\n    </CollectionDetails>\n    <Source>\n      <SourceLevel>L</SourceLevel>\n"
          "      <LEA>999</LEA>\n      <SoftwareCode>csc-synth</SoftwareCode>\n    </Source>\n  </Header>\n  <Children>\n";
    returns.push_back(std::move(f));
  }
  std::ofstream referrals_csv, cp_csv, cin_csv, eh_csv;
  if (o.csv) {
    for (const auto& [f, name] : {std::pair(&referrals_csv, "referrals.csv"), {&cp_csv, "cp_plans.csv"},
                                  {&cin_csv, "cin_plans.csv"}, {&eh_csv, "early_help.csv"}}) {
      f->open(fs::path(o.out) / name, bytes);
      written.emplace_back(fs::path(o.out) / name, f);
    }
    referrals_csv << "LAchildID,CINreferralDate,ReferralSource,ReferralNFA,CINclosureDate,ReasonForClosure,"
                     "PrimaryNeedCode,AssessmentFactors,PersonBirthDate\n";
    cp_csv << "LAchildID,CPPstartDate,CPPendDate,InitialCategoryOfAbuse,LatestCategoryOfAbuse,NumberOfPreviousCPP\n";
    cin_csv << "LAchildID,CINPlanStartDate,CINPlanEndDate\n";
    eh_csv << "LAchildID,StartDate,EndDate\n";
  }
  std::vector<truth> t(static_cast<std::size_t>(o.years));
  std::vector<fault> faults;
  csc_synth::engine fault_rng(o.seed ^ 0xFA017ULL);
  const csc_synth::model m;
  const auto fy_of = [&](day d) -> int {  // index of the financial year containing d, or -1
    for (int y = 0; y < o.years; ++y)
      if (year_starts[static_cast<std::size_t>(y)] <= d && d <= rds[static_cast<std::size_t>(y)]) return y;
    return -1;
  };
  std::uint64_t episodes = 0;
  for (std::uint64_t n = 0; n < o.children; ++n) {
    csc_synth::child c = csc_synth::make_child(o.seed, n, burn_in, last_rd, m);
    // Faults go only into episodes that are in some return (not closed before the first year).
    for (auto& e : c.episodes)
      if (o.faults.per_million > 0 && e.referral <= last_rd && e.closure >= first &&
          csc_synth::chance(fault_rng, o.faults))
        if (const char* rule = inject(e, last_rd, fault_rng)) faults.push_back(fault{rule, c.id, e.referral});
    episodes += c.episodes.size();
    // Ground truth, from the journey itself, counting as history only what is in
    // some return: an episode closed before the first year is in none.
    const auto visible = [&](const csc_synth::episode& e) {
      return (e.closure >= e.referral ? e.closure : e.referral) >= first;
    };
    std::optional<day> previous_referral;
    std::optional<day> previous_plan_end;
    for (const auto& e : c.episodes) {
      if (!visible(e)) continue;
      const int y = fy_of(e.referral);
      if (y >= 0) {
        auto& ty = t[static_cast<std::size_t>(y)];
        ++ty.referral_count;
        ty.nfa_count += e.nfa;
        if (previous_referral && within_months(*previous_referral, e.referral, 12)) ++ty.rereferral_count;
      }
      previous_referral = e.referral;
      if (e.cp) {
        const int py = fy_of(e.cp->start);
        if (py >= 0) {
          auto& ty = t[static_cast<std::size_t>(py)];
          ++ty.CPP_start;
          if (e.cp->declared_previous >= 1) ++ty.CPP_subsequent;
          if (previous_plan_end && within_months(*previous_plan_end, e.cp->start, 24)) ++ty.CPP_subsequent_within_2y;
        }
        previous_plan_end = e.cp->end;
      }
    }
    // Each return: the child's episodes open at some point in its year, as known at its ReferenceDate.
    for (std::size_t y = 0; y < returns.size(); ++y) {
      bool opened = false;
      for (const auto& e : c.episodes) {
        if (e.referral > rds[y] || (e.closure < year_starts[y] && e.closure >= e.referral)) continue;
        if (e.closure < e.referral && e.referral < year_starts[y]) continue;  // a faulty closure: dated by referral
        std::ostream& x = *returns[y];
        if (!opened) {
          x << "    <Child>\n      <ChildIdentifiers>\n        <LAchildID>" << c.id << "</LAchildID>\n"
            << "        <PersonBirthDate>" << iso(c.birth) << "</PersonBirthDate>\n        <Sex>" << c.sex
            << "</Sex>\n      </ChildIdentifiers>\n      <ChildCharacteristics>\n        <Ethnicity>WBRI</Ethnicity>\n"
               "      </ChildCharacteristics>\n";
          opened = true;
        }
        write_episode(x, e, rds[y]);
      }
      if (opened) *returns[y] << "    </Child>\n";
    }
    if (o.csv) {  // the extracts hold what the returns hold: the same records, as at the last ReferenceDate
      for (const auto& e : c.episodes) {
        if (e.referral > last_rd || !visible(e)) continue;
        std::string factors;
        if (e.assessed && e.assessed->authorised <= last_rd)
          for (const auto& f : e.assessed->factors) factors += (factors.empty() ? "" : ";") + f;
        referrals_csv << c.id << ',' << iso(e.referral) << ',' << e.source << ',' << (e.nfa ? "true" : "false") << ','
                      << (e.closure <= last_rd ? iso(e.closure) : "") << ','
                      << (e.closure <= last_rd ? e.reason : "") << ',' << e.need << ',' << factors << ','
                      << iso(c.birth) << '\n';
        if (e.cp && e.cp->start <= last_rd)
          cp_csv << c.id << ',' << iso(e.cp->start) << ',' << (e.cp->end <= last_rd ? iso(e.cp->end) : "")
                 << ",NEG,NEG," << e.cp->declared_previous << '\n';
        if (e.cin && e.cin->start <= last_rd)
          cin_csv << c.id << ',' << iso(e.cin->start) << ',' << (e.cin->end <= last_rd ? iso(e.cin->end) : "") << '\n';
        if (e.early_help && e.early_help->start <= last_rd)
          eh_csv << c.id << ',' << iso(e.early_help->start) << ','
                 << (e.early_help->end <= last_rd ? iso(e.early_help->end) : "") << '\n';
      }
    }
  }
  for (auto& f : returns) *f << "  </Children>\n</Message>\n";

  std::ofstream tj(fs::path(o.out) / "truth.json", bytes);
  written.emplace_back(fs::path(o.out) / "truth.json", &tj);
  tj << "{\n  \"children\": " << o.children << ",\n  \"episodes\": " << episodes << ",\n  \"seed\": " << o.seed
     << ",\n  \"years\": [\n";
  for (int y = 0; y < o.years; ++y) {
    const truth& ty = t[static_cast<std::size_t>(y)];
    tj << "    {\"period\": \"" << o.first_year + y << '-' << (o.first_year + y + 1) % 100 / 10
       << (o.first_year + y + 1) % 10 << "\", \"referral_count\": " << ty.referral_count
       << ", \"rereferral_count\": " << ty.rereferral_count << ", \"no_further_action_count\": " << ty.nfa_count
       << ", \"CPP_start\": " << ty.CPP_start << ", \"CPP_subsequent\": " << ty.CPP_subsequent
       << ", \"CPP_subsequent_within_2y\": " << ty.CPP_subsequent_within_2y << "}" << (y + 1 < o.years ? "," : "")
       << '\n';
  }
  tj << "  ],\n  \"faults\": [";
  for (std::size_t i = 0; i < faults.size(); ++i)
    tj << (i ? "," : "") << "\n    {\"rule\": \"" << faults[i].rule << "\", \"child\": \"" << faults[i].child
       << "\", \"referral\": \"" << iso(faults[i].referral) << "\"}";
  tj << (faults.empty() ? "" : "\n  ") << "]\n}\n";
  for (const auto& [path, f] : written) {  // a write that failed (disk full, no permission) is an error
    f->close();
    if (!*f) throw std::runtime_error(path.string() + ": cannot write: " + std::strerror(errno));
  }
  std::cerr << "csc-synth: " << o.children << " children, " << episodes << " referrals, " << o.years
            << " returns, " << faults.size() << " faults injected, in " << o.out << '\n';
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  options o;
  try {
    CLI::App app("csc-synth: synthetic CIN census returns (one per year) and CSV extracts, each child's journey "
                 "coherent in time; the same seed and options give the same bytes on every platform. Details: "
                 "docs/csc-synth.md.\n", "csc-synth");
    app.get_formatter()->column_width(30);
    const auto add = [&app](auto&&... a) { return csc_cli::add(app, a...); };
    add("--children", "N", "journeys to simulate", [&](auto& v) { o.children = csc_cli::whole_number<std::uint64_t>(v); })
        ->default_str(std::to_string(o.children));
    add("--first-year", "YYYY", "the first financial year (2019: 2019-20, ReferenceDate 2020-03-31)",
        [&](auto& v) { o.first_year = csc_cli::whole_number(v); })->default_str(std::to_string(o.first_year));
    add("--years", "N", "returns to write, one a year (1 to 50)", [&](auto& v) {
      o.years = csc_cli::whole_number(v);
      if (o.years < 1 || o.years > 50) throw std::invalid_argument("'" + v + "' is not from 1 to 50");
    })->default_str(std::to_string(o.years));
    app.add_option("--out", o.out, "the directory to write into (created if missing)")->type_name("DIR")->required();
    add("--seed", "S", "the seed", [&](auto& v) { o.seed = csc_cli::whole_number<std::uint64_t>(v); })
        ->default_str(std::to_string(o.seed));
    add("--faults", "RATE", "share of episodes given one fault each that a DfE check must find (0 to 1)",
        [&](auto& v) {
          const auto rate = parse_rate(v);
          if (!rate) throw std::invalid_argument("'" + v + "' is not a rate from 0 to 1 with at most 6 decimal places");
          o.faults = *rate;
        })->default_str("0");
    app.add_flag("--csv", o.csv, "also write the CSV extracts csc-report reads");
    if (const auto text = csc_cli::parse(app, "csc-synth", argc, argv)) {
      std::cout << *text << std::flush;
      return std::cout ? 0 : 1;
    }
  } catch (const csc_cli::usage_error& e) {
    std::cerr << "csc-synth: " << e.what() << "\nRun csc-synth --help for the options.\n";
    return 2;
  }
  try {
    return run(o);
  } catch (const std::exception& e) {
    std::cerr << "csc-synth: error: " << e.what() << '\n';
    return 1;
  }
}
