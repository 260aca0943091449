/// @file
/// @brief Internal: the order "by child id, then a per-record key, then input
/// index" shared by the classification algorithms, with detection of input
/// that is already in that order.
#ifndef CSC_MEASURE_DETAIL_CHILD_ORDER_HPP
#define CSC_MEASURE_DETAIL_CHILD_ORDER_HPP

#include <csc/core/detail/child_ranks.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

namespace csc::detail {

// Classified items index records with 32 bits (classified_referral::record and
// the like, and classification's own index): more than 4294967294 records is an
// error naming `algorithm`.
inline void require_32_bit_record_count(std::size_t n, const char* algorithm) {
  if (n > std::numeric_limits<std::uint32_t>::max() - 1)
    throw std::length_error(std::string(algorithm) + ": more than 4294967294 records");
}

// Fills `order` with the record indices 0..n-1 sorted by child(i) (needs <),
// then key_less, then index, and `starts` with where each child's records
// start in `order`, then n (one entry per distinct child, plus one). Returns
// true iff the input was already in that order (no sort done). If `declared_sorted`, unsorted input throws
// std::invalid_argument naming `algorithm` and the first record out of order.
//
// Unsorted input with hashable ids (detail::is_internable_v) is ordered
// without comparing ids record against record: each record's child is
// numbered once (child_interner), the distinct ids are ranked by <, a
// counting sort groups the records by rank, and only each child's own
// records are sorted by key_less (usually a handful). Other id types fall
// back to one comparison sort of all records.
template <class ChildAt, class KeyLess, class Index>
bool order_by_child(std::size_t n, const ChildAt& child, const KeyLess& key_less, std::vector<Index>& order,
                    std::vector<Index>& starts, bool declared_sorted, const char* algorithm) {
  static_assert(!std::is_pointer_v<std::decay_t<decltype(child(std::size_t{0}))>>,
                "csc: the child id projection returns a pointer, which would be compared by address; "
                "return std::string, std::string_view or an integer id");
  bool sorted = true;
  for (std::size_t i = 1; i < n && sorted; ++i) {
    if (child(i) < child(i - 1) || (!(child(i - 1) < child(i)) && key_less(i, i - 1))) {
      sorted = false;
      if (declared_sorted) {
        throw std::invalid_argument(std::string(algorithm) + ": input declared sorted by child and date, but record " +
                                    std::to_string(i) + " sorts before record " + std::to_string(i - 1));
      }
    }
  }
  using child_id = std::decay_t<decltype(child(std::size_t{0}))>;
  if constexpr (is_internable_v<child_id>) {
    if (!sorted) {
      order_by_child_rank(n, child, key_less, order, starts);
      return sorted;
    }
  }
  order.resize(n);
  std::iota(order.begin(), order.end(), Index{0});
  if (!sorted) {
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      if (child(a) < child(b)) return true;
      if (child(b) < child(a)) return false;
      if (key_less(a, b)) return true;
      if (key_less(b, a)) return false;
      return a < b;
    });
  }
  starts.clear();
  for (std::size_t g = 0; g < n; ++g)
    if (g == 0 || !(child(order[g]) == child(order[g - 1]))) starts.push_back(static_cast<Index>(g));
  starts.push_back(static_cast<Index>(n));
  return sorted;
}

}  // namespace csc::detail

#endif  // CSC_MEASURE_DETAIL_CHILD_ORDER_HPP
