/// @file
/// @brief Internal: `find_child_ordinal`, the lookup from a host child id to
/// its ordinal shared by csc::classification and csc::service_timelines.
#ifndef CSC_CORE_DETAIL_CHILD_LOOKUP_HPP
#define CSC_CORE_DETAIL_CHILD_LOOKUP_HPP

#include <algorithm>
#include <cstddef>
#include <optional>
#include <vector>

namespace csc::detail {

// The ordinal of id in ids (ascending by operator<, no repeats: ordinal k is
// ids[k]), or nullopt if id is not there. O(log ids.size()): one lower_bound,
// then `id < *it` to tell a match from the next larger id.
template <class ChildId>
std::optional<std::size_t> find_child_ordinal(const std::vector<ChildId>& ids, const ChildId& id) {
  const auto it = std::lower_bound(ids.begin(), ids.end(), id);
  if (it == ids.end() || id < *it) return std::nullopt;
  return static_cast<std::size_t>(it - ids.begin());
}

}  // namespace csc::detail

#endif  // CSC_CORE_DETAIL_CHILD_LOOKUP_HPP
