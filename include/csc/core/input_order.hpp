/// @file
/// @brief `csc::input_order`: what the caller knows about the order of the
/// records it passes to a classification algorithm.
#ifndef CSC_CORE_INPUT_ORDER_HPP
#define CSC_CORE_INPUT_ORDER_HPP

#include <cstdint>

namespace csc {

/// @brief What the caller knows about the order of the input range.
enum class input_order : std::uint8_t {
  /// Check in O(n); sort an index (O(n log n)) only if the input is not
  /// already sorted by child id, then date.
  detect,
  /// The caller declares the input sorted by child id, then date; it is still
  /// checked (O(n)) and a violation throws std::invalid_argument naming the record.
  sorted_by_child_and_date
};

}  // namespace csc

#endif  // CSC_CORE_INPUT_ORDER_HPP
