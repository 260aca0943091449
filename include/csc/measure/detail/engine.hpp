/// @file
/// @brief Internal: the one measure engine behind csc::measure and
/// csc::measure_by: per-period accumulation in child order, distinct-children
/// marks, and keys that are single values, optionals or ranges.
#ifndef CSC_MEASURE_DETAIL_ENGINE_HPP
#define CSC_MEASURE_DETAIL_ENGINE_HPP

#include <csc/calendar/series.hpp>
#include <csc/core/detail/is_optional.hpp>
#include <csc/core/day.hpp>
#include <csc/measure/accumulator.hpp>
#include <csc/measure/breakdown.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <map>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace csc {

namespace detail {

template <class A, class = void>
struct child_sets_of : std::integral_constant<std::size_t, 0> {};
template <class A>
struct child_sets_of<A, std::void_t<decltype(A::child_sets)>> : std::integral_constant<std::size_t, A::child_sets> {};

template <class A, class = void>
struct has_start : std::false_type {};
template <class A>
struct has_start<A, std::void_t<decltype(std::declval<const A&>().start(std::declval<const period_context&>()))>>
    : std::true_type {};

// One series' values for one accumulator, plus its distinct-children marks.
template <class A, class D>
struct measure_state {
  using value_type = typename A::value_type;
  const A* acc;
  const period_series<D>* series;
  const std::vector<period_context>* contexts;
  day extract_date;
  std::vector<value_type> m;
  std::vector<distinct_children> marks;

  measure_state(const A& a, const period_series<D>& s, const std::vector<period_context>& c, day h)
      : acc(&a), series(&s), contexts(&c), extract_date(h), marks(s.size(), distinct_children(child_sets_of<A>::value)) {
    m.reserve(s.size());
    for (const period_context& p : c) {
      if constexpr (has_start<A>::value) {
        m.push_back(a.start(p));
      } else {
        m.push_back(value_type{});
      }
    }
  }
  template <class Item>
  void add(const Item& item) {
    const auto [first, last] = acc->periods(item, *series, extract_date);
    for (std::size_t p = first; p < last; ++p) acc->add(m[p], item, (*contexts)[p], marks[p]);
  }
};

template <class D>
std::vector<period_context> period_contexts(const period_series<D>& series, day extract_date) {
  std::vector<period_context> out;
  for (std::size_t p = 0; p < series.size(); ++p) {
    const auto& period = series[p].period;
    out.push_back(period_context{p, period.first_day(), period.last_day(), std::min(period.last_day(), extract_date)});
  }
  return out;
}


template <class T, class = void>
struct is_key_range : std::false_type {};
template <class T>
struct is_key_range<T, std::void_t<decltype(std::begin(std::declval<const T&>())),
                                   decltype(std::end(std::declval<const T&>()))>>
    : std::bool_constant<!std::is_convertible_v<const T&, std::string_view>> {};

// The key type of a key projection's result: itself, an optional's value, or a range's element.
template <class R, class = void>
struct key_of_result {
  using type = R;
};
template <class R>
struct key_of_result<R, std::enable_if_t<is_optional<R>::value>> {
  using type = typename R::value_type;
};
template <class R>
struct key_of_result<R, std::enable_if_t<!is_optional<R>::value && is_key_range<R>::value>> {
  using type = std::decay_t<decltype(*std::begin(std::declval<const R&>()))>;
};

// Calls sink(key) for each distinct key of @p result (one key, an optional, or a range).
template <class R, class Sink>
void for_each_distinct_key(const R& result, std::vector<typename key_of_result<R>::type>& scratch, Sink sink) {
  if constexpr (is_optional<R>::value) {
    if (result) sink(*result);
  } else if constexpr (is_key_range<R>::value) {
    scratch.assign(std::begin(result), std::end(result));
    std::sort(scratch.begin(), scratch.end());
    scratch.erase(std::unique(scratch.begin(), scratch.end()), scratch.end());
    for (const auto& k : scratch) sink(k);
  } else {
    sink(result);
  }
}

// One pass over @p items (in child order): each item is added to the total
// and to the state of each distinct key of key_of(item).
template <class Items, class A, class D, class KeyOf>
auto measure_by(const Items& items, const A& acc, const period_series<D>& series, day extract_date, KeyOf& key_of) {
  using item_type = typename Items::value_type;
  using result_type = std::decay_t<decltype(key_of(std::declval<const item_type&>()))>;
  using key_type = typename key_of_result<result_type>::type;
  const std::vector<period_context> contexts = period_contexts(series, extract_date);
  measure_state<A, D> total(acc, series, contexts, extract_date);
  std::map<key_type, measure_state<A, D>> by_key;
  std::vector<key_type> scratch;
  std::size_t without_key = 0;
  for (const auto& item : items) {
    total.add(item);
    bool any = false;
    for_each_distinct_key(key_of(item), scratch, [&](const key_type& k) {
      any = true;
      auto it = by_key.find(k);
      if (it == by_key.end()) it = by_key.emplace(k, measure_state<A, D>(acc, series, contexts, extract_date)).first;
      it->second.add(item);
    });
    without_key += !any;
  }
  breakdown<key_type, typename A::value_type> out;
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

#endif  // CSC_MEASURE_DETAIL_ENGINE_HPP
