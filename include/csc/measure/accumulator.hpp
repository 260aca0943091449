/// @file
/// @brief The accumulator protocol of csc::measure: how a measure family (or
/// a host's own measure) adds one classified item to the periods it counts
/// in, with `csc::period_context` and `csc::distinct_children`
/// (docs/rules/series.md, docs/tutorial-embedding.md).
///
/// An accumulator `A` is a small copyable object with:
/// - `using value_type = M;` the measures of one period (default-constructible,
///   or made by an optional `M start(const period_context&) const`);
/// - `template <class Series> std::pair<std::size_t, std::size_t>
///   periods(const Item&, const Series& series, csc::day extract_date) const`:
///   the index range [first, last) of the periods the item counts in, usually
///   `series.containing(item.date)`;
/// - `void add(M&, const Item&, const period_context&, distinct_children&) const`:
///   counts the item in one period;
/// - optionally `static constexpr std::size_t child_sets = K;` the number of
///   distinct-children sets `add` uses (default 0).
///
/// The library's accumulators: csc::count_rereferrals (C1),
/// csc::count_cp_plan_starts (D3), csc::count_cp_plan_ends (D7),
/// csc::count_cp_plans_open (D5), csc::count_stepdowns.
#ifndef CSC_MEASURE_ACCUMULATOR_HPP
#define CSC_MEASURE_ACCUMULATOR_HPP

#include <csc/core/day.hpp>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace csc {

/// @brief What an accumulator knows of the period it adds an item to.
struct period_context {
  std::size_t index = 0;  ///< Position of the period in the series.
  day first;              ///< The period's first day.
  day last;               ///< The period's last day.
  /// The reference day of "open on" counts: the period's last day, or the
  /// extract date if that is earlier (what happens after it is not in the data).
  day reference;
};

/// @brief Distinct-children counting for one period: `first(set, child)` is
/// true the first time @p child is seen in set @p set. Items arrive in child
/// order, so one mark per set suffices.
class distinct_children {
 public:
  /// @brief Marks for @p sets independent sets of children.
  /// @param sets the number of sets (an accumulator's `child_sets`).
  explicit distinct_children(std::size_t sets = 0) : last_(sets, 0) {}
  /// @brief Whether @p child is new in set @p set (and marks it seen).
  /// @param set   which set, `< sets`.
  /// @param child the child's ordinal (items in child order).
  /// @return true the first time the child is seen in the set.
  bool first(std::size_t set, std::uint32_t child) {
    if (last_[set] == child + 1ULL) return false;
    last_[set] = child + 1ULL;
    return true;
  }

 private:
  std::vector<unsigned long long> last_;
};

}  // namespace csc

#endif  // CSC_MEASURE_ACCUMULATOR_HPP
