/// @file
/// @brief `csc::count_distinct_per_period`: how many distinct keys (families,
/// households, workers...) have at least one record dated in each period of a
/// series, e.g. "8 cases involving 26 children" (docs/rules/families.md;
/// periods: docs/rules/series.md).
#ifndef CSC_MEASURE_DISTINCT_COUNT_HPP
#define CSC_MEASURE_DISTINCT_COUNT_HPP

#include <csc/calendar/series.hpp>
#include <csc/core/detail/is_optional.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

namespace csc {

/// @brief Result of count_distinct_per_period(), one entry per period.
struct distinct_counts {
  std::vector<std::size_t> distinct;     ///< distinct[p]: distinct keys among the records dated in period p.
  std::vector<std::size_t> without_key;  ///< without_key[p]: records dated in period p that have no key.
};

namespace detail {

// The value of a projection result that may be an optional: nullptr when empty.
template <class T>
const auto* value_or_null(const T& v) {
  if constexpr (is_optional<T>::value) {
    return v ? &*v : nullptr;
  } else {
    return &v;
  }
}
}  // namespace detail

/// @brief For each period of @p series, the number of distinct keys among
/// records `0..n-1` whose date is in the period.
///
/// `date_of(i)` gives record i's date, or an empty optional for a record
/// that is not counted at all (e.g. a plan the classification left out);
/// `key_of(i)` gives its key, or an empty optional when it has none. A key
/// counts once per period however many of its records fall in it; a record
/// with no key is not guessed into one: it is counted in `without_key`.
/// O(m log m), m the number of (record, period containing its date) pairs.
/// Rule source: docs/rules/families.md.
/// @tparam D      the series' date type, with csc::date_traits (boost::gregorian::date,
///                std::chrono::year_month_day, csc::civil_date, csc::day, or the host's).
/// @tparam DateOf callable `std::size_t -> date` or `-> std::optional<date>`, any
///                date type with csc::date_traits.
/// @tparam KeyOf  callable `std::size_t -> key` or `-> std::optional<key>`; keys
///                ordered by `<`.
/// @param series  the reporting periods.
/// @param n       the number of records (indices 0..n-1).
/// @param date_of record index -> its date (empty optional: record not counted).
/// @param key_of  record index -> its key (empty optional: no key).
/// @return per period of @p series (same size and order): `distinct` keys and
///         records `without_key`.
/// @throws std::invalid_argument (from csc::date_traits) for a date that is not a date.
template <class D, class DateOf, class KeyOf>
distinct_counts count_distinct_per_period(const period_series<D>& series, std::size_t n, DateOf date_of, KeyOf key_of) {
  distinct_counts out{std::vector<std::size_t>(series.size(), 0), std::vector<std::size_t>(series.size(), 0)};
  // Number the keys: sort the records that have one by key, equal keys share an ordinal.
  using key_result = std::decay_t<decltype(std::invoke(key_of, std::size_t{}))>;
  std::vector<key_result> keys;
  keys.reserve(n);
  for (std::size_t i = 0; i < n; ++i) keys.push_back(std::invoke(key_of, i));
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < n; ++i)
    if (detail::value_or_null(keys[i])) order.push_back(i);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return *detail::value_or_null(keys[a]) < *detail::value_or_null(keys[b]);
  });
  constexpr std::uint32_t none = static_cast<std::uint32_t>(-1);
  std::vector<std::uint32_t> ordinal(n, none);
  std::uint32_t next = 0;
  for (std::size_t k = 0; k < order.size(); ++k) {
    if (k > 0 && *detail::value_or_null(keys[order[k - 1]]) < *detail::value_or_null(keys[order[k]])) ++next;
    ordinal[order[k]] = next;
  }
  // (period, key ordinal) for every record in every period containing its date; count the distinct pairs.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
  for (std::size_t i = 0; i < n; ++i) {
    const auto day = std::invoke(date_of, i);
    const auto* d = detail::value_or_null(day);
    if (!d) continue;
    const auto [first, last] = series.containing(to_day(*d));
    for (std::size_t p = first; p < last; ++p) {
      if (ordinal[i] == none) {
        ++out.without_key[p];
      } else {
        pairs.emplace_back(static_cast<std::uint32_t>(p), ordinal[i]);
      }
    }
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  for (const auto& pk : pairs) ++out.distinct[pk.first];
  return out;
}

}  // namespace csc

#endif  // CSC_MEASURE_DISTINCT_COUNT_HPP
