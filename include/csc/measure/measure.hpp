/// @file
/// @brief `csc::measure` and `csc::measure_by`: the one measure engine. Any
/// classification (re-referrals, CP plans, step-down transitions) is
/// measured over every period of a series in one pass, by an accumulator
/// (measure/accumulator.hpp), whole or split by a key (docs/rules/series.md,
/// docs/rules/breakdowns.md).
#ifndef CSC_MEASURE_MEASURE_HPP
#define CSC_MEASURE_MEASURE_HPP

#include <csc/calendar/series.hpp>
#include <csc/core/detail/records.hpp>
#include <csc/measure/accumulator.hpp>
#include <csc/measure/breakdown.hpp>
#include <csc/measure/detail/engine.hpp>

#include <stdexcept>
#include <string>

#include <functional>
#include <type_traits>
#include <utility>
#include <vector>

namespace csc {

/// @brief Measures of every period of @p series, in one pass over the items
/// of @p classified (in child order), counted by @p accumulator.
///
/// Each item counts in the periods `accumulator.periods()` names (for
/// rolling or year-to-date series, in several). O(n (log P + k)), k the
/// number of periods an item counts in.
/// @tparam Classification a csc::classification (classify_rereferrals,
///         classify_cp_plans or classify_transitions).
/// @tparam D the series' date type.
/// @tparam Accumulator an accumulator of the classification's items (measure/accumulator.hpp).
/// @param classified  the classification.
/// @param series      the periods.
/// @param accumulator what to count, e.g. csc::count_rereferrals{}.
/// @return one `Accumulator::value_type` per period of @p series, in series order.
template <class Classification, class D, class Accumulator>
std::vector<typename Accumulator::value_type> measure(const Classification& classified, const period_series<D>& series,
                                                      const Accumulator& accumulator) {
  const std::vector<period_context> contexts = detail::period_contexts(series, classified.extract_date());
  detail::measure_state<Accumulator, D> state(accumulator, series, contexts, classified.extract_date());
  for (const auto& item : classified.by_child()) state.add(item);
  return std::move(state.m);
}

/// @brief csc::measure for the one period @p period.
/// @param classified  the classification.
/// @param period      the period (closed, with an end).
/// @param accumulator what to count.
/// @return the period's `Accumulator::value_type`.
/// @throws std::invalid_argument if @p period is open.
template <class Classification, class D, class Accumulator>
typename Accumulator::value_type measure(const Classification& classified, const interval<D>& period,
                                         const Accumulator& accumulator) {
  return measure(classified, period_series<D>(period), accumulator).front();
}

/// @brief csc::measure for every period of @p series, split by
/// `std::invoke(key, item)` for each classified item (docs/rules/breakdowns.md).
///
/// The key projection sees the classified item (e.g. `&service_transition::from`,
/// or a lambda using `item.record` or `item.previous`); it returns one key,
/// an optional key (empty = none) or a range of keys (multi-valued).
/// @tparam Key projection item -> key, optional key or range of keys; keys need `<`.
/// @param classified  the classification.
/// @param series      the periods.
/// @param accumulator what to count.
/// @param key         the key projection.
/// @return a csc::breakdown: rows by key and the total, one value per period.
template <class Classification, class D, class Accumulator, class Key>
auto measure_by(const Classification& classified, const period_series<D>& series, const Accumulator& accumulator,
                Key key) {
  auto key_of = [&key](const auto& item) -> decltype(auto) { return std::invoke(key, item); };
  return detail::measure_by(classified.by_child(), accumulator, series, classified.extract_date(), key_of);
}

/// @brief csc::measure_by with the key taken from the host's own record:
/// `std::invoke(key, records[item.record])`, e.g. `&referral::source`.
/// @tparam Records the range the classification was made from (the same records, same order).
/// @tparam Key projection record -> key, optional key or range of keys; keys need `<`.
/// @param classified  the classification.
/// @param series      the periods.
/// @param accumulator what to count.
/// @param records     the host's records the classification was made from.
/// @param key         the key projection on a record.
/// @return a csc::breakdown: rows by key and the total, one value per period.
/// @throws std::invalid_argument if @p records does not have one record per classified item.
template <class Classification, class D, class Accumulator, class Records, class Key>
auto measure_by(const Classification& classified, const period_series<D>& series, const Accumulator& accumulator,
                Records&& records, Key key) {
  const detail::indexed_records<std::remove_reference_t<Records>> r(records);
  if (r.size() != classified.size())
    throw std::invalid_argument("csc::measure_by: " + std::to_string(r.size()) + " records for a classification of " +
                                std::to_string(classified.size()));
  auto key_of = [&](const auto& item) -> decltype(auto) { return std::invoke(key, r[item.record]); };
  return detail::measure_by(classified.by_child(), accumulator, series, classified.extract_date(), key_of);
}

}  // namespace csc

#endif  // CSC_MEASURE_MEASURE_HPP
