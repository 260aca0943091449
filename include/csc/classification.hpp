/// @file
/// @brief `csc::classification<Item>`: the result shape shared by the
/// per-record classification algorithms (classify_rereferrals,
/// classify_cp_plans): one item per input record, in child order, with
/// lookup by input index, findings and the horizon.
#ifndef CSC_CLASSIFICATION_HPP
#define CSC_CLASSIFICATION_HPP

#include <csc/calendar/civil_date.hpp>
#include <csc/finding.hpp>

#include <cstddef>
#include <vector>

namespace csc {

/// @brief One classified @p Item per input record, plus findings. Holds no
/// copy of the caller's records: items name them by input index.
template <class Item>
class classification {
 public:
  /// @brief The classification of the record at input index @p record.
  const Item& operator[](std::size_t record) const { return by_child_[position_[record]]; }
  /// @brief Number of records classified (= size of the input range).
  std::size_t size() const noexcept { return by_child_.size(); }
  /// @brief Number of distinct children.
  std::size_t child_count() const noexcept { return child_count_; }
  /// @brief All items by child, then date, then input order (each child's items contiguous).
  const std::vector<Item>& by_child() const noexcept { return by_child_; }
  /// @brief Data-quality findings, by child and date order.
  const std::vector<finding>& findings() const noexcept { return findings_; }
  /// @brief The data horizon H (the extract date) as a serial day.
  serial_day horizon() const noexcept { return horizon_; }
  /// @brief True iff the input was already sorted by child and date (no sort was needed).
  bool input_was_sorted() const noexcept { return input_was_sorted_; }

 protected:
  /// @brief Finishes a classification: @p children distinct children, and
  /// position_ (which held the sort order: position -> input index) inverted
  /// into input index -> position, using each item's `record`.
  void finish(std::size_t children) {
    child_count_ = children;
    for (std::size_t k = 0; k < by_child_.size(); ++k) position_[by_child_[k].record] = k;
  }
  /// @brief Items in child order.
  std::vector<Item> by_child_;
  /// @brief Input index -> position in by_child_.
  std::vector<std::size_t> position_;
  /// @brief Findings.
  std::vector<finding> findings_;
  /// @brief Number of distinct children.
  std::size_t child_count_ = 0;
  /// @brief The horizon H.
  serial_day horizon_ = 0;
  /// @brief Whether the input needed no sort.
  bool input_was_sorted_ = false;
};

}  // namespace csc

#endif  // CSC_CLASSIFICATION_HPP
