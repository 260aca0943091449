// Tests examples/csc-report/shortest_double.hpp, csc-report's fallback for std::to_chars(double) where
// the standard library lacks it (emscripten 3.1.6's libc++ 13: the WebAssembly build). The fallback is
// compiled here natively and compared byte for byte with libstdc++'s std::to_chars on doubles where a
// naive "%.{p}e until it reads back" loop goes wrong (around powers of two), and on random bit patterns,
// subnormals, integers and short decimals. Exit status 1 with the first differences listed.
#include "shortest_double.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <iostream>
#include <limits>
#include <random>
#include <string>

namespace {
int failures = 0;
long checked = 0;

void check(double x) {
  ++checked;
  char buf[64];
  const auto res = std::to_chars(buf, buf + sizeof buf, x);
  const std::string want(buf, res.ptr);
  const std::string got = csc_report::shortest_double(x);
  if (got != want && ++failures <= 20) std::cerr << "to_chars " << want << ", shortest_double " << got << '\n';
}

double from_bits(std::uint64_t b) {
  double x;
  std::memcpy(&x, &b, sizeof x);
  return x;
}

void check_around(double x, int ulps) {
  double lo = x, hi = x;
  check(x);
  check(-x);
  for (int i = 0; i < ulps; ++i) {
    lo = std::nextafter(lo, 0.0);
    hi = std::nextafter(hi, std::numeric_limits<double>::infinity());
    check(lo);
    check(hi);
  }
}
}  // namespace

int main() {
  check(0.0);
  check(-0.0);
  check(std::numeric_limits<double>::infinity());
  check(-std::numeric_limits<double>::infinity());
  check(std::numeric_limits<double>::max());
  check(std::numeric_limits<double>::min());
  check(std::numeric_limits<double>::denorm_min());
  // Every power of two, normal and subnormal, with its neighbours: the lopsided intervals.
  for (int e = -1074; e <= 1023; ++e) check_around(std::ldexp(1.0, e), 3);
  // Powers of ten and what csc-report writes: percentages, rates per 10,000, medians.
  for (int e = -320; e <= 308; ++e) check_around(std::pow(10.0, e), 2);
  for (int n = 0; n <= 5000; ++n) {
    check(n / 10.0);
    check(n / 100.0);
    check(n / 7.0);
    check(100.0 * n / 5001.0);
    check(static_cast<double>(n) * 1e15);
  }
  for (std::uint64_t i = 1; i < 3000; ++i) check(from_bits(i));  // smallest subnormals
  std::mt19937_64 rng(20);
  for (int i = 0; i < 60000; ++i) {
    const double x = from_bits(rng());
    if (std::isfinite(x)) check(x);
  }
  std::cout << checked << " doubles checked, " << failures << " differ from std::to_chars\n";
  return failures == 0 ? 0 : 1;
}
