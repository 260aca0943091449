// Benchmark: re-referral classification and C1 measures on synthetic data.
//
// Reports, for each size, the median wall time of several runs and ratios
// against baselines measured in the same run:
//   baseline_sort   std::sort of an index by (child id, date) alone: the
//                   unavoidable cost of any exact method on unsorted input;
//   unsorted        classify_rereferrals on shuffled input (sorts internally);
//   sorted          classify_rereferrals on input sorted by child and date
//                   (detected: the O(n) path);
//   measures        measure_rereferrals for one financial year.
// Usage: csc-rereferrals-bench [--sizes 10000,100000,650000] [--repeat 5] [--smoke]
#include "bench_support.hpp"

#include <csc/calendar/periods.hpp>
#include <csc/core/extract_date.hpp>
#include <csc/measure/measure.hpp>
#include <csc/measure/rereferrals.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <numeric>
#include <random>
#include <string>
#include <vector>

namespace {
struct referral {
  std::string child;
  csc::civil_date date;
};

std::vector<referral> make_data(std::size_t n, std::mt19937& rng) {
  // About 1.3 referrals per child, re-referrals clustered after the first.
  std::vector<referral> v;
  v.reserve(n);
  std::uniform_int_distribution<int> day(0, 5 * 365), gap(1, 500), extra(0, 9);
  std::size_t child = 0;
  while (v.size() < n) {
    const std::string id = "LA" + std::to_string(1000000 + child++);
    csc::day d = csc::day(csc::civil_date{2016, 4, 1}) + csc::days(day(rng));
    v.push_back({id, d.civil()});
    for (int k = extra(rng); k >= 7 && v.size() < n; --k) {
      d = d + csc::days(gap(rng));
      v.push_back({id, d.civil()});
    }
  }
  return v;
}

}  // namespace

int main(int argc, char** argv) {
  const csc_bench::options opt = csc_bench::parse_options(argc, argv, {10000, 100000, 650000});
  const int repeat = opt.repeat;
  using csc_bench::median_seconds;
  using csc_bench::sink;
  std::printf("| referrals | baseline_sort (s) | unsorted (s) | sorted (s) | measures FY (s) | unsorted/baseline | "
              "sorted/unsorted | ns per referral (unsorted) |\n");
  std::printf("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
  std::mt19937 rng(2024);
  for (const std::size_t n : opt.sizes) {
    std::vector<referral> data = make_data(n, rng);
    std::shuffle(data.begin(), data.end(), rng);
    std::vector<referral> sorted = data;
    std::sort(sorted.begin(), sorted.end(), [](const referral& a, const referral& b) {
      return a.child != b.child ? a.child < b.child : a.date < b.date;
    });
    const double t_base = median_seconds(repeat, [&] {
      std::vector<std::size_t> idx(data.size());
      std::iota(idx.begin(), idx.end(), std::size_t{0});
      std::sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) {
        return data[a].child != data[b].child ? data[a].child < data[b].child : data[a].date < data[b].date;
      });
      sink = sink + idx[0];
    });
    const csc::day extract = *csc::latest_date(data, &referral::date);
    const double t_unsorted = median_seconds(repeat, [&] {
      sink = sink + csc::classify_rereferrals(data, &referral::child, &referral::date, extract).size();
    });
    const double t_sorted = median_seconds(repeat, [&] {
      const auto c = csc::classify_rereferrals(sorted, &referral::child, &referral::date, extract);
      if (!c.input_was_sorted()) std::abort();
      sink = sink + c.size();
    });
    const auto classified = csc::classify_rereferrals(data, &referral::child, &referral::date, extract);
    const double t_measures = median_seconds(repeat, [&] {
      sink = sink + csc::measure(classified, csc::financial_year<csc::civil_date>(2019), csc::count_rereferrals{})
                        .referral_count;
    });
    std::printf("| %zu | %.4f | %.4f | %.4f | %.4f | %.2f | %.2f | %.0f |\n", n, t_base, t_unsorted, t_sorted,
                t_measures, t_unsorted / t_base, t_sorted / t_unsorted, 1e9 * t_unsorted / static_cast<double>(n));
  }
  return 0;
}
