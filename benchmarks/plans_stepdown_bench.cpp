// Benchmark: CP plan classification (D3/D5/D7) and step-down timelines on
// synthetic data, with ratios against baselines measured in the same run.
//
// CP plans, for each size (number of plans):
//   baseline_sort  std::sort of an index by (child id, start): the floor for any
//                  exact method on unsorted input;
//   unsorted       classify_cp_plans on shuffled input; sorted: on input sorted
//                  by child and start (detected: no sort); measures: one year.
// Timelines, for each size (number of episodes over five levels):
//   baseline_sort  std::sort of an index of all episodes by (child id, start);
//   build          build_timelines over the five ranges (copies ids, sorts, sweeps);
//   track          track_transitions (re-escalation of every step-down and closure);
//   measures       measure_stepdowns for one year;
//   icl            the same sort, then per child a Boost.ICL
//                  interval_map<day, level, partial_absorber, less, inplace_max>
//                  (the style guide's candidate for "highest level covering the
//                  day"), counting its segments: no gaps, bridging or findings.
// Usage: csc-plans-stepdown-bench [--sizes 10000,100000,1000000] [--repeat 5] [--smoke]
#include "bench_support.hpp"

#include <csc/calendar/periods.hpp>
#include <csc/core/extract_date.hpp>
#include <csc/measure/measure.hpp>
#include <csc/measure/cp_plans.hpp>
#include <csc/measure/stepdown.hpp>

#include <boost/icl/interval_map.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <numeric>
#include <optional>
#include <random>
#include <string>
#include <tuple>
#include <vector>

namespace {
using csc_bench::median_seconds;
using csc_bench::sink;

// Day counts for the generators and the ICL baseline (days since 1970-01-01, as csc::day counts).
using serial = std::int32_t;
serial to_serial(const csc::civil_date& c) { return csc::day(c).since_epoch().count(); }
csc::civil_date from_serial(serial s) { return csc::day(csc::days(s)).civil(); }

struct record {  // a plan or an episode of one level
  std::string child;
  csc::civil_date start;
  std::optional<csc::civil_date> end;
  int previous;
};

std::string child_id(std::size_t c) { return "LA" + std::to_string(1000000 + c); }

// About 1.3 plans per child; a second plan follows the first after a gap.
std::vector<record> make_plans(std::size_t n, std::mt19937& rng) {
  std::vector<record> v;
  v.reserve(n);
  std::uniform_int_distribution<int> day(0, 8 * 365), length(1, 700), gap(1, 900), extra(0, 9);
  for (std::size_t c = 0; v.size() < n; ++c) {
    serial d = to_serial({2013, 4, 1}) + day(rng);
    int k = 0;
    for (int more = extra(rng); v.size() < n && (k == 0 || more-- >= 7); ++k) {
      const serial e = d + length(rng);
      v.push_back({child_id(c), from_serial(d),
                   e > to_serial({2021, 3, 31}) ? std::nullopt : std::optional(from_serial(e)), k});
      d = e + gap(rng);
    }
  }
  return v;
}

// Episodes of five levels for n / 4 children, each a referral with, inside it,
// maybe a CIN plan or a CP plan then a step-down to a CIN plan, then early help.
std::vector<std::vector<record>> make_episodes(std::size_t n, std::mt19937& rng) {
  std::vector<std::vector<record>> by_level(5);  // early_help, cin, cin_plan, cp_plan, looked_after
  std::uniform_int_distribution<int> day(0, 8 * 365), length(30, 400), coin(0, 9), gap(1, 400);
  std::size_t total = 0;
  for (std::size_t c = 0; total < n; ++c) {
    serial d = to_serial({2013, 4, 1}) + day(rng);
    for (int referral = 0; referral < 2 && total < n; ++referral) {
      const serial end = d + length(rng);
      by_level[1].push_back({child_id(c), from_serial(d), from_serial(end), 0});
      ++total;
      const int roll = coin(rng);
      if (roll < 3) {
        const serial cp_end = d + 20 + (end - d - 20) / 2;
        by_level[3].push_back({child_id(c), from_serial(d + 20), from_serial(cp_end), 0});
        by_level[2].push_back({child_id(c), from_serial(cp_end + 1), from_serial(end), 0});
        total += 2;
        if (roll == 0) {
          by_level[4].push_back({child_id(c), from_serial(cp_end - 5), from_serial(cp_end + 60), 0});
          ++total;
        }
      } else if (roll < 6) {
        by_level[2].push_back({child_id(c), from_serial(d + 15), from_serial(end), 0});
        ++total;
      }
      by_level[0].push_back({child_id(c), from_serial(end + 1), from_serial(end + 90), 0});
      ++total;
      d = end + 90 + gap(rng);
    }
  }
  for (auto& level : by_level) std::shuffle(level.begin(), level.end(), rng);
  return by_level;
}

template <class V>
std::vector<std::size_t> sort_index_baseline(const V& data) {
  std::vector<std::size_t> idx(data.size());
  std::iota(idx.begin(), idx.end(), std::size_t{0});
  std::sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) {
    return data[a].child != data[b].child ? data[a].child < data[b].child : data[a].start < data[b].start;
  });
  sink = sink + (idx.empty() ? 0 : idx[0]);
  return idx;
}

// The sort, then one Boost.ICL max-combining interval map per child; returns the segment count.
std::size_t icl_timelines(const std::vector<record>& all, const std::vector<int>& level, serial horizon) {
  namespace icl = boost::icl;
  using level_map = icl::interval_map<serial, int, icl::partial_absorber, std::less, icl::inplace_max>;
  const std::vector<std::size_t> idx = sort_index_baseline(all);
  std::size_t segments = 0;
  for (std::size_t g = 0; g < idx.size();) {
    std::size_t e = g;
    level_map m;
    for (; e < idx.size() && all[idx[e]].child == all[idx[g]].child; ++e) {
      const record& r = all[idx[e]];
      const serial last = r.end ? to_serial(*r.end) : horizon;
      m += std::make_pair(icl::discrete_interval<serial>::closed(to_serial(r.start), last),
                          level[idx[e]]);
    }
    segments += icl::interval_count(m);
    g = e;
  }
  return segments;
}
}  // namespace

int main(int argc, char** argv) {
  const csc_bench::options opt = csc_bench::parse_options(argc, argv, {10000, 100000, 1000000});
  const int repeat = opt.repeat;
  std::mt19937 rng(2025);
  const auto fy = csc::financial_year<csc::civil_date>(2019);

  std::printf("CP plans\n\n| plans | baseline_sort (s) | unsorted (s) | sorted (s) | measures FY (s) | "
              "unsorted/baseline | sorted/unsorted | ns per plan (unsorted) |\n|---:|---:|---:|---:|---:|---:|---:|---:|\n");
  for (const std::size_t n : opt.sizes) {
    std::vector<record> plans = make_plans(n, rng);
    std::vector<record> sorted = plans;
    std::shuffle(plans.begin(), plans.end(), rng);
    const csc::day extract = *csc::latest_date(plans, &record::start, &record::end);
    const auto classify = [extract](const std::vector<record>& v) {
      return csc::classify_cp_plans(v, &record::child, &record::start, &record::end, &record::previous, extract);
    };
    const double t_base = median_seconds(repeat, [&] { sort_index_baseline(plans); });
    const double t_unsorted = median_seconds(repeat, [&] { sink = sink + classify(plans).size(); });
    const double t_sorted = median_seconds(repeat, [&] {
      const auto c = classify(sorted);
      if (!c.input_was_sorted()) std::abort();
      sink = sink + c.size();
    });
    const auto classified = classify(plans);
    const double t_measures =
        median_seconds(repeat, [&] { sink = sink + csc::measure(classified, fy, csc::count_cp_plan_starts{}).CPP_start; });
    std::printf("| %zu | %.4f | %.4f | %.4f | %.4f | %.2f | %.2f | %.0f |\n", n, t_base, t_unsorted, t_sorted,
                t_measures, t_unsorted / t_base, t_sorted / t_unsorted, 1e9 * t_unsorted / static_cast<double>(n));
  }

  std::printf("\nStep-down timelines\n\n| episodes | children | baseline_sort (s) | icl (s) | build (s) | track (s) | "
              "measures FY (s) | icl/baseline | build/baseline | (build+track)/baseline | ns per episode (build+track) |\n"
              "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
  for (const std::size_t n : opt.sizes) {
    const auto levels = make_episodes(n, rng);
    std::vector<record> all;
    std::vector<int> level_of;
    for (std::size_t k = 0; k < levels.size(); ++k) {
      all.insert(all.end(), levels[k].begin(), levels[k].end());
      level_of.insert(level_of.end(), levels[k].size(), static_cast<int>(k) + 1);
    }
    const auto src = [&](std::size_t k, csc::service_level level) {
      return csc::episodes(levels[k], level, &record::child, &record::start, &record::end);
    };
    const csc::day extract = *csc::latest_date(all, &record::start, &record::end);
    const auto build = [&] {
      return csc::build_timelines(std::tuple(src(0, csc::service_level::early_help), src(1, csc::service_level::cin),
                                             src(2, csc::service_level::cin_plan), src(3, csc::service_level::cp_plan),
                                             src(4, csc::service_level::looked_after)),
                                  extract);
    };
    const double t_base = median_seconds(repeat, [&] { sort_index_baseline(all); });
    const double t_build = median_seconds(repeat, [&] { sink = sink + build().child_count(); });
    const auto timelines = build();
    const double t_icl =
        median_seconds(repeat, [&] { sink = sink + icl_timelines(all, level_of, timelines.extract_date().since_epoch().count()); });
    const double t_track = median_seconds(repeat, [&] { sink = sink + csc::classify_transitions(timelines).size(); });
    const auto transitions = csc::classify_transitions(timelines);
    const double t_measures = median_seconds(
        repeat, [&] { sink = sink + csc::measure(transitions, fy, csc::count_stepdowns{}).closures.count; });
    std::printf("| %zu | %zu | %.4f | %.4f | %.4f | %.4f | %.4f | %.2f | %.2f | %.2f | %.0f |\n", all.size(),
                timelines.child_count(), t_base, t_icl, t_build, t_track, t_measures, t_icl / t_base,
                t_build / t_base, (t_build + t_track) / t_base,
                1e9 * (t_build + t_track) / static_cast<double>(all.size()));
  }
  return 0;
}
