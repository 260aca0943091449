/// @file
/// @brief Internal: reading the values returned by host projections (dates
/// that may be absent, counts that may be absent).
#ifndef CSC_DETAIL_PROJECTED_HPP
#define CSC_DETAIL_PROJECTED_HPP

#include <csc/calendar/date_traits.hpp>

#include <algorithm>
#include <cstddef>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>

namespace csc::detail {

// The serial day standing for "no end yet" while an episode is open.
inline constexpr serial_day open_end_serial = std::numeric_limits<serial_day>::max();

// A projected end date: a date (always ended), or an optional-like value (empty = open).
template <class T>
std::optional<serial_day> projected_end(const T& value) {
  if constexpr (is_date_v<T>) {
    return to_serial(value);
  } else {
    if (!value) return std::nullopt;
    static_assert(is_date_v<std::decay_t<decltype(*value)>>,
                  "csc: the end projection must return a date or an optional date (empty = open)");
    return to_serial(*value);
  }
}

// A projected count: an integer, or an optional-like integer (empty = not given).
template <class T>
std::optional<long long> projected_count(const T& value) {
  if constexpr (std::is_integral_v<T>) {
    return static_cast<long long>(value);
  } else {
    if (!value) return std::nullopt;
    static_assert(std::is_integral_v<std::decay_t<decltype(*value)>>,
                  "csc: the count projection must return an integer or an optional integer");
    return static_cast<long long>(*value);
  }
}

// The horizon H of n dated records (start(i), end(i), end open_end_serial while
// open): `given` if there is one, else the latest start or end. With a given
// horizon, a start or end after it throws std::invalid_argument
// "<where(i, is_start)> <date> is after the horizon <H> (the extract date)".
template <class Start, class End, class Where>
serial_day resolve_horizon(std::size_t n, const Start& start, const End& end, std::optional<serial_day> given,
                           const Where& where) {
  if (given) {
    for (std::size_t i = 0; i < n; ++i) {
      const bool late_start = start(i) > *given;
      if (late_start || (end(i) != open_end_serial && end(i) > *given)) {
        throw std::invalid_argument(where(i, late_start) + ' ' +
                                    to_iso_string(from_serial_day(late_start ? start(i) : end(i))) +
                                    " is after the horizon " + to_iso_string(from_serial_day(*given)) +
                                    " (the extract date)");
      }
    }
    return *given;
  }
  serial_day latest = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const serial_day last = end(i) == open_end_serial ? start(i) : std::max(start(i), end(i));
    if (i == 0 || last > latest) latest = last;
  }
  return latest;
}

}  // namespace csc::detail

#endif  // CSC_DETAIL_PROJECTED_HPP
