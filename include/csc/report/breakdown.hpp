/// @file
/// @brief `csc::breakdown`: period-series measures split by a key of the
/// host's choosing (referral source, category of abuse, assessment factor,
/// age band...), single- or multi-valued (docs/rules/breakdowns.md).
#ifndef CSC_REPORT_BREAKDOWN_HPP
#define CSC_REPORT_BREAKDOWN_HPP

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <map>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace csc {

/// @brief Measures of a period series, by key.
///
/// Rules: each record counts once in the row of each **distinct** key its
/// key projection gives (a key listed twice for one record counts once), and
/// once in `total`. With a multi-valued key (an assessment with several
/// factors) the rows therefore add up to more than the total, as in DfE's
/// factor tables; a record with no key at all (an empty range) counts in
/// `total` only and in `records_without_key`. Distinct-children counts are
/// per row: a child counts once in each row where it has a record.
template <class Key, class Measures>
struct breakdown {
  std::vector<Key> keys;                    ///< The distinct keys, ascending.
  std::vector<std::vector<Measures>> rows;  ///< rows[k][p]: records with key keys[k], period p.
  std::vector<Measures> total;              ///< total[p]: every record once, period p.
  std::size_t records_without_key = 0;      ///< Records whose key projection gave no key (all periods).

  /// @brief The row of key @p key, or nullptr if no record has it.
  const std::vector<Measures>* row(const Key& key) const {
    const auto it = std::lower_bound(keys.begin(), keys.end(), key);
    return it != keys.end() && !(key < *it) ? &rows[static_cast<std::size_t>(it - keys.begin())] : nullptr;
  }
};

namespace detail {

template <class T, class = void>
struct is_key_range : std::false_type {};
template <class T>
struct is_key_range<T, std::void_t<decltype(std::begin(std::declval<const T&>())),
                                   decltype(std::end(std::declval<const T&>()))>>
    : std::bool_constant<!std::is_convertible_v<const T&, std::string_view>> {};

// The key type of a key projection's result: itself, or a range's element.
template <class R, bool = is_key_range<R>::value>
struct key_of_result {
  using type = R;
};
template <class R>
struct key_of_result<R, true> {
  using type = std::decay_t<decltype(*std::begin(std::declval<const R&>()))>;
};

// Calls sink(key) for each distinct key of @p result (one key, or a range).
template <class R, class Sink>
void for_each_distinct_key(const R& result, std::vector<typename key_of_result<R>::type>& scratch, Sink sink) {
  if constexpr (is_key_range<R>::value) {
    scratch.assign(std::begin(result), std::end(result));
    std::sort(scratch.begin(), scratch.end());
    scratch.erase(std::unique(scratch.begin(), scratch.end()), scratch.end());
    for (const auto& k : scratch) sink(k);
  } else {
    sink(result);
  }
}

/// @brief One pass over @p items (in child order): each item is added, by
/// `state.add(item)`, to the total state and to the state of each distinct
/// key of `key_of(item.record)`. A state, made by `make_state()`, holds one
/// series' measures in `m` plus what it needs to count distinct children.
template <class Items, class MakeState, class KeyOf>
auto accumulate_breakdown(const Items& items, MakeState make_state, KeyOf& key_of) {
  using State = decltype(make_state());
  using result_type = std::decay_t<decltype(key_of(std::size_t{}))>;
  using key_type = typename key_of_result<result_type>::type;
  using measures_type = typename decltype(make_state().m)::value_type;
  State total = make_state();
  std::map<key_type, State> by_key;
  std::vector<key_type> scratch;
  std::size_t without_key = 0;
  for (const auto& item : items) {
    total.add(item);
    bool any = false;
    for_each_distinct_key(key_of(item.record), scratch, [&](const key_type& k) {
      any = true;
      auto it = by_key.find(k);
      if (it == by_key.end()) it = by_key.emplace(k, make_state()).first;
      it->second.add(item);
    });
    without_key += !any;
  }
  breakdown<key_type, measures_type> out;
  out.total = std::move(total.m);
  out.records_without_key = without_key;
  for (auto& [k, s] : by_key) {
    out.keys.push_back(k);
    out.rows.push_back(std::move(s.m));
  }
  return out;
}

}  // namespace detail
}  // namespace csc

#endif  // CSC_REPORT_BREAKDOWN_HPP
