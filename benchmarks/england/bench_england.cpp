// csc-bench-england: the library's share of an England-scale run, on returns
// written by csc-synth. Times (median of --repeat runs, one core):
//   1. reading and merging the CIN census XML returns (MB/s, records/s);
//   2. re-referral classification and the C1 measures for one financial year;
//   3. CP plan classification and the D3, D5 and D7 measures;
//   4. service-level timelines and step-down tracking;
// and prints the figures, so that benchmarks/england/run.sh can check them
// against pandas and SQLite. One JSON object on stdout.
//
//   csc-bench-england --period 2023-24 --repeat 3 [--ids string|index] RETURN.xml...
// --ids index identifies children by the reader's child index (an integer)
// instead of LAchildID (a string): the same figures, integer comparisons.
#include "../bench_support.hpp"

#include <csc/io/cin_census.hpp>
#include <csc/metrics.hpp>

#include <sys/resource.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace {

using csc::civil_date;

long peak_rss_kb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> files;
  int repeat = 3;
  std::optional<int> fy;
  bool index_ids = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--ids" && i + 1 < argc) {
      index_ids = std::string(argv[++i]) == "index";
    } else if (a == "--repeat" && i + 1 < argc) {
      repeat = std::atoi(argv[++i]);
    } else if (a == "--period" && i + 1 < argc) {
      fy = csc::parse_financial_year(argv[++i]);
    } else {
      files.push_back(a);
    }
  }
  if (files.empty() || !fy || repeat < 1) {
    std::cerr << "usage: csc-bench-england --period YYYY-YY [--repeat N] RETURN.xml...\n";
    return 2;
  }
  std::uintmax_t bytes = 0;
  for (const auto& f : files) bytes += std::filesystem::file_size(f);

  // 1. Read and merge (the data stays in memory for the steps after).
  csc::io::cin_census census;
  const double read_s = csc_bench::median_seconds(repeat, [&] {
    census = csc::io::cin_census{};
    for (const auto& f : files) {
      std::ifstream in(f, std::ios::binary);
      csc::io::read_cin_census(in, f, census);
    }
    csc::io::merge(census);
  });
  const long rss_after_read = peak_rss_kb();
  const std::size_t records = census.children.size() + census.episodes.size() + census.assessments.size() +
                              census.cin_plans.size() + census.section47s.size() + census.cp_plans.size();
  // The extract date: the latest ReferenceDate of the returns.
  const csc::day horizon = csc::latest_date(census.files, [](const auto& h) { return h.reference_date; }).value_or(csc::day());
  const auto period = csc::financial_year<civil_date>(*fy);
  const auto child_of_episode = [&](const csc::io::cin_episode& e) -> const std::string& {
    return census.children[e.child].id;
  };

  csc::rereferral_measures c1;
  csc::cp_plan_start_measures d3;
  csc::cp_plan_end_measures d7;
  csc::cp_plan_open_measures d5;
  csc::stepdown_measures sd;
  std::size_t transitions = 0;
  double c1_s = 0, d3_s = 0, sd_s = 0;
  // Steps 2-4 with children identified by @p episode_child (episode -> id) and @p plan_child (episode index -> id).
  const auto run_steps = [&](auto episode_child, auto child_of_episode_index) {
    // 2. C1, straight on the reader's tables through projections.
    c1_s = csc_bench::median_seconds(repeat, [&] {
      const auto cls = csc::classify_rereferrals(census.episodes, episode_child, &csc::io::cin_episode::referral, horizon);
      c1 = csc::measure(cls, period, csc::count_rereferrals{});
    });
    const auto plan_child = [&](const auto& p) -> decltype(auto) { return child_of_episode_index(p.episode); };
    // 3. D3, D5, D7.
    d3_s = csc_bench::median_seconds(repeat, [&] {
      const auto cls = csc::classify_cp_plans(census.cp_plans, plan_child, &csc::io::cin_cp_plan::start,
                                              &csc::io::cin_cp_plan::end, &csc::io::cin_cp_plan::previous_plans, horizon);
      d3 = csc::measure(cls, period, csc::count_cp_plan_starts{});
      d7 = csc::measure(cls, period, csc::count_cp_plan_ends{});
      d5 = csc::measure(cls, period, csc::count_cp_plans_open{});
    });
    // 4. Timelines (CIN episodes, CP plans, CIN plans) and step-down tracking.
    sd_s = csc_bench::median_seconds(repeat, [&] {
      const auto timelines = csc::build_timelines(
          std::tuple(csc::episodes(census.episodes, csc::service_level::cin, episode_child,
                                   &csc::io::cin_episode::referral, &csc::io::cin_episode::closure),
                     csc::episodes(census.cp_plans, csc::service_level::cp_plan, plan_child,
                                   &csc::io::cin_cp_plan::start, &csc::io::cin_cp_plan::end),
                     csc::episodes(census.cin_plans, csc::service_level::cin_plan, plan_child,
                                   &csc::io::cin_plan::start, &csc::io::cin_plan::end)),
          horizon);
      const auto tr = csc::classify_transitions(timelines);
      transitions = tr.size();
      sd = csc::measure(tr, period, csc::count_stepdowns{});
    });
  };
  if (index_ids) {
    run_steps([](const csc::io::cin_episode& e) { return e.child; },
              [&](std::size_t e) { return census.episodes[e].child; });
  } else {
    run_steps(child_of_episode, [&](std::size_t e) -> const std::string& { return census.child_id_of_episode(e); });
  }

  std::cout << "{\n  \"files\": " << files.size() << ", \"bytes\": " << bytes << ", \"records\": " << records
            << ", \"referrals\": " << census.episodes.size() << ", \"cp_plans\": " << census.cp_plans.size()
            << ", \"superseded_referrals\": " << census.superseded_referrals << ", \"ids\": \""
            << (index_ids ? "index" : "string") << "\",\n  \"read_s\": " << read_s
            << ", \"read_mb_per_s\": " << (static_cast<double>(bytes) / 1e6) / read_s
            << ", \"read_records_per_s\": " << static_cast<double>(records) / read_s << ", \"c1_s\": " << c1_s
            << ", \"d3_s\": " << d3_s << ", \"stepdown_s\": " << sd_s
            << ", \"in_memory_total_s\": " << c1_s + d3_s + sd_s << ",\n  \"peak_rss_kb_after_read\": " << rss_after_read
            << ", \"peak_rss_kb\": " << peak_rss_kb() << ", \"transitions\": " << transitions
            << ",\n  \"referral_count\": " << c1.referral_count << ", \"rereferral_count\": " << c1.rereferral_count
            << ", \"CPP_start\": " << d3.CPP_start << ", \"CPP_subsequent\": " << d3.CPP_subsequent
            << ", \"CPP_subsequent_within_2y\": " << d3.CPP_subsequent_within_2y << ", \"CPP_open\": " << d5.CPP_open
            << ", \"step_downs\": " << sd.step_downs.count << ", \"bounces\": " << sd.step_downs.bounces << "\n}\n";
  csc_bench::sink = c1.referral_count + d3.CPP_start + d7.CPP_end + transitions;
  return 0;
}
