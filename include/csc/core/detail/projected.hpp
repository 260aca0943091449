/// @file
/// @brief Internal: reading the values host projections return (dates that
/// may be absent, counts that may be absent) and the one extract-date rule.
#ifndef CSC_CORE_DETAIL_PROJECTED_HPP
#define CSC_CORE_DETAIL_PROJECTED_HPP

#include <csc/core/date_traits.hpp>

#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>

namespace csc::detail {

// A projected end date: a date (always ended), or an optional-like value (empty = open).
template <class T>
std::optional<day> projected_end(const T& value) {
  if constexpr (is_date_v<T>) {
    return to_day(value);
  } else {
    if (!value) return std::nullopt;
    static_assert(is_date_v<std::decay_t<decltype(*value)>>,
                  "csc: the end projection must return a date or an optional date (empty = open)");
    return to_day(*value);
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

// The one extract-date rule (docs/rules/extract-date.md): a record dated after
// the extract date is an error, whatever the family or input route.
// `where()` gives "csc::classify_cp_plans: record 3: CPPendDate", built only on failure.
template <class Where>
void require_not_after_extract_date(day d, day extract_date, const Where& where) {
  if (d > extract_date)
    throw std::invalid_argument(std::string(where()) + " " + to_iso_string(d) + " is after the extract date " +
                                to_iso_string(extract_date));
}

}  // namespace csc::detail

#endif  // CSC_CORE_DETAIL_PROJECTED_HPP
