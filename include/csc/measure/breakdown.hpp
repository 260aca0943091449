/// @file
/// @brief `csc::breakdown`: period-series measures split by a key of the
/// host's choosing (referral source, category of abuse, assessment factor,
/// age band, step-down from-level...), single- or multi-valued; the result
/// of csc::measure_by (docs/rules/breakdowns.md).
#ifndef CSC_MEASURE_BREAKDOWN_HPP
#define CSC_MEASURE_BREAKDOWN_HPP

#include <algorithm>
#include <cstddef>
#include <vector>

namespace csc {

/// @brief Measures of a period series, by key.
///
/// Rules (docs/rules/breakdowns.md): each item counts once in the row of each
/// **distinct** key its key projection gives (a key listed twice for one
/// record counts once), and once in `total`. With a multi-valued key (an
/// assessment with several factors) the rows therefore add up to more than
/// the total, as in DfE's factor tables; an item with no key at all (an empty
/// range or an empty optional) counts in `total` only and in
/// `records_without_key`. Distinct-children counts are per row: a child
/// counts once in each row where it has an item.
/// @tparam Key      the key type (ordered by `<`).
/// @tparam Measures the accumulator's value_type (one per period).
template <class Key, class Measures>
struct breakdown {
  std::vector<Key> keys;                    ///< The distinct keys, ascending.
  std::vector<std::vector<Measures>> rows;  ///< rows[k][p]: items with key keys[k], period p.
  std::vector<Measures> total;              ///< total[p]: every item once, period p.
  std::size_t records_without_key = 0;      ///< Items whose key projection gave no key (all periods).

  /// @brief The row of key @p key.
  /// @param key a key.
  /// @return a pointer to the row (one Measures per period), or nullptr if no item has the key.
  const std::vector<Measures>* row(const Key& key) const {
    const auto it = std::lower_bound(keys.begin(), keys.end(), key);
    return it != keys.end() && !(key < *it) ? &rows[static_cast<std::size_t>(it - keys.begin())] : nullptr;
  }
};

}  // namespace csc

#endif  // CSC_MEASURE_BREAKDOWN_HPP
