// Naive calendar reference for the differential tests, written from the text
// of counting-rules.md section 0 and independent of the library's calendar
// code: Boost dates, month stepping one at a time, then clamping.
#ifndef CSC_TESTS_NAIVE_CALENDAR_HPP
#define CSC_TESTS_NAIVE_CALENDAR_HPP

#include <boost/date_time/gregorian/gregorian.hpp>

#include <algorithm>
#include <random>

namespace csc_test {

using boost::gregorian::date;

// add_months: step the month, then clamp the day to the month's length (Boost's
// end_of_month_day), never Boost's snapping month arithmetic.
inline date naive_add_months(date d, int n) {
  int y = d.year();
  int m = d.month();
  while (n > 0) { if (++m == 13) { m = 1; ++y; } --n; }
  while (n < 0) { if (--m == 0) { m = 12; --y; } ++n; }
  const int last = boost::gregorian::gregorian_calendar::end_of_month_day(static_cast<unsigned short>(y),
                                                                          static_cast<unsigned short>(m));
  return date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
              static_cast<unsigned short>(std::min<int>(d.day(), last)));
}

struct naive_window {
  bool months;
  int n;
  // "within": earlier <= later && earlier >= add_months(later, -n) (or later - earlier <= n days).
  bool within(date earlier, date later) const {
    if (earlier > later) return false;
    return months ? earlier >= naive_add_months(later, -n) : (later - earlier).days() <= n;
  }
  date first_day(date later) const { return months ? naive_add_months(later, -n) : later - boost::gregorian::days(n); }
};

// Dates clustered where the rules have edges: month ends, 29 February, 31 March.
inline date random_edge_date(std::mt19937& rng) {
  static const date anchors[] = {date(2019, 2, 28), date(2020, 2, 29), date(2020, 2, 28), date(2019, 3, 31),
                                 date(2020, 3, 31), date(2019, 4, 1),  date(2018, 12, 31), date(2021, 2, 28),
                                 date(2019, 8, 31), date(2020, 4, 30)};
  std::uniform_int_distribution<int> pick(0, 9);
  const int kind = pick(rng);
  if (kind < 4) {  // near an anchor, shifted by whole years
    std::uniform_int_distribution<int> a(0, 9), shift(-2, 2), years(-1, 1);
    return naive_add_months(anchors[a(rng)], 12 * years(rng)) + boost::gregorian::days(shift(rng));
  }
  std::uniform_int_distribution<int> any(0, 4 * 365);
  return date(2017, 6, 1) + boost::gregorian::days(any(rng));
}

}  // namespace csc_test

#endif
