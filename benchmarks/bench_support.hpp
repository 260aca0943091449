// Shared by the benchmark programs: timing, command line, a sink for results.
#ifndef CSC_BENCHMARKS_BENCH_SUPPORT_HPP
#define CSC_BENCHMARKS_BENCH_SUPPORT_HPP

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

namespace csc_bench {

// Median wall time, in seconds, of `repeat` runs of f.
template <class F>
double median_seconds(int repeat, F&& f) {
  std::vector<double> t;
  for (int i = 0; i < repeat; ++i) {
    const auto start = std::chrono::steady_clock::now();
    f();
    t.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(t.begin(), t.end());
  return t[t.size() / 2];
}

inline volatile std::size_t sink = 0;  // keeps results alive

struct options {
  std::vector<std::size_t> sizes;
  int repeat = 5;
};

// [--sizes N,N,...] [--repeat R] [--smoke]; exits with status 2 on anything else.
inline options parse_options(int argc, char** argv, std::vector<std::size_t> default_sizes) {
  options o{std::move(default_sizes), 5};
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--smoke") {
      o.sizes = {2000};
      o.repeat = 1;
    } else if (a == "--repeat" && i + 1 < argc) {
      o.repeat = std::max(1, std::atoi(argv[++i]));
    } else if (a == "--sizes" && i + 1 < argc) {
      o.sizes.clear();
      std::stringstream ss(argv[++i]);
      for (std::string part; std::getline(ss, part, ',');) o.sizes.push_back(std::stoul(part));
    } else {
      std::fprintf(stderr, "usage: %s [--sizes N,N,...] [--repeat R] [--smoke]\n", argv[0]);
      std::exit(2);
    }
  }
  return o;
}

}  // namespace csc_bench

#endif
