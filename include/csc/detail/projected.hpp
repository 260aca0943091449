/// @file
/// @brief Internal: reading the values returned by host projections (dates
/// that may be absent, counts that may be absent).
#ifndef CSC_DETAIL_PROJECTED_HPP
#define CSC_DETAIL_PROJECTED_HPP

#include <csc/calendar/date_traits.hpp>

#include <limits>
#include <optional>
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

}  // namespace csc::detail

#endif  // CSC_DETAIL_PROJECTED_HPP
