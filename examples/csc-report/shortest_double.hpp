// The shortest text that reads back to the same double, as std::to_chars(first, last, double) writes
// it, for standard libraries without floating-point to_chars (libc++ before 14, which emscripten 3.1.6
// ships: the WebAssembly build of csc-report). Exact: tested against std::to_chars on millions of
// doubles (tests/report/shortest_double_test.cpp).
#ifndef CSC_REPORT_SHORTEST_DOUBLE_HPP
#define CSC_REPORT_SHORTEST_DOUBLE_HPP

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace csc_report {

/// Whether the standard library lacks floating-point std::to_chars (libc++ before 14).
#if defined(_LIBCPP_VERSION) && _LIBCPP_VERSION < 14000
inline constexpr bool no_float_to_chars = true;
#else
inline constexpr bool no_float_to_chars = false;
#endif

/// @p x as std::to_chars(first, last, x) writes it: the fewest significant digits that read back
/// (strtod, round to nearest) to exactly @p x, the nearest such digits when several have that
/// length; then fixed or scientific notation (as printf's %f and %e, exponent of at least two
/// digits), whichever is shorter (by the shortest digits), fixed on a tie, an integer in fixed
/// notation written exactly; "inf", "-inf", "nan", "-nan" otherwise.
/// Portable: needs only snprintf and strtod that are exact (glibc's and musl's are).
inline std::string shortest_double(double x) {
  if (std::isnan(x)) return std::signbit(x) ? "-nan" : "nan";
  if (std::isinf(x)) return x < 0 ? "-inf" : "inf";
  std::string sign = std::signbit(x) ? "-" : "";
  if (x == 0) return sign + "0";
  const double a = std::fabs(x);
  std::uint64_t digits = 0;  // the significand as an integer of n digits
  int n = 0;
  int exp10 = 0;  // a = digits * 10^(exp10 - n + 1)
  const auto reads_back = [a](std::uint64_t d, int nd, int e) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%llue%d", static_cast<unsigned long long>(d), e - nd + 1);
    return std::strtod(buf, nullptr) == a;
  };
  for (int p = 1; p <= 17 && n == 0; ++p) {
    // The nearest p-digit decimal (printf rounds the exact binary value).
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.*e", p - 1, a);
    std::uint64_t d = 0;
    const char* s = buf;
    for (; *s != 'e'; ++s)
      if (*s != '.') d = d * 10 + static_cast<std::uint64_t>(*s - '0');
    const int e = std::atoi(s + 1);
    if (reads_back(d, p, e)) {
      digits = d, n = p, exp10 = e;
      break;
    }
    // Not inside the interval that reads back: only its neighbour on the other side can be (the
    // interval is lopsided at a power of two). Both neighbours are tried; at most one reads back.
    std::uint64_t pow = 1;
    for (int i = 1; i < p; ++i) pow *= 10;
    const std::uint64_t up = d + 1;
    if (up == pow * 10 ? reads_back(pow, p, e + 1) : reads_back(up, p, e)) {
      if (up == pow * 10) digits = pow, exp10 = e + 1;
      else digits = up, exp10 = e;
      n = p;
    } else if (d - 1 >= pow ? reads_back(d - 1, p, e) : (p > 1 && reads_back(pow * 10 - 1, p, e - 1))) {
      if (d - 1 >= pow) digits = d - 1, exp10 = e;
      else digits = pow * 10 - 1, exp10 = e - 1;
      n = p;
    }
  }
  while (n > 1 && digits % 10 == 0) digits /= 10, --n;  // cannot happen for a shortest; kept safe
  const std::string ds = std::to_string(digits);
  // Scientific: d[.ddd]e+XX.
  std::string sci = ds.substr(0, 1);
  if (n > 1) {  // appended in two steps: g++ 12 warns falsely (-Wrestrict) on "." + std::string&& at C++20
    sci += '.';
    sci.append(ds, 1, std::string::npos);
  }
  char ebuf[16];
  std::snprintf(ebuf, sizeof ebuf, "e%c%02d", exp10 < 0 ? '-' : '+', std::abs(exp10));
  sci += ebuf;
  // Fixed.
  std::string fixed;
  if (exp10 >= n - 1) {
    // An integer: its exact value, as printf's %.0f (std::to_chars does the same), not the
    // shortest digits padded with zeros.
    char ibuf[400];
    std::snprintf(ibuf, sizeof ibuf, "%.0f", a);
    fixed = ibuf;
  } else if (exp10 >= 0) {
    fixed = ds.substr(0, static_cast<std::size_t>(exp10 + 1)) + "." + ds.substr(static_cast<std::size_t>(exp10 + 1));
  } else {
    fixed = "0." + std::string(static_cast<std::size_t>(-exp10 - 1), '0') + ds;
  }
  return sign + (fixed.size() <= sci.size() ? fixed : sci);
}

/// std::to_chars(first, last, x) where the standard library has it, shortest_double otherwise.
/// Returns what to_chars returns (errc::value_too_large when the text does not fit).
inline std::to_chars_result to_chars_shortest(char* first, char* last, double x) {
#if defined(_LIBCPP_VERSION) && _LIBCPP_VERSION < 14000
  const std::string s = shortest_double(x);
  if (static_cast<std::size_t>(last - first) < s.size()) return {last, std::errc::value_too_large};
  for (char c : s) *first++ = c;
  return {first, std::errc()};
#else
  return std::to_chars(first, last, x);
#endif
}

}  // namespace csc_report

#endif  // CSC_REPORT_SHORTEST_DOUBLE_HPP
