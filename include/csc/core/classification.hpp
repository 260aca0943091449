/// @file
/// @brief `csc::classification<Item, ChildId, Policy>`: the one result shape
/// of every classifier (classify_rereferrals, classify_cp_plans,
/// classify_transitions): one item per input record, in child order, with
/// lookup by input index, the host's child ids, findings, the extract date
/// and the policy used.
#ifndef CSC_CORE_CLASSIFICATION_HPP
#define CSC_CORE_CLASSIFICATION_HPP

#include <csc/core/day.hpp>
#include <csc/core/detail/child_lookup.hpp>
#include <csc/core/finding.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace csc {

/// @brief One classified @p Item per input record, plus the host's child ids,
/// findings, the extract date and the policy. Holds no reference to the
/// caller's records: items name them by input index (`Item::record`) and
/// their child by ordinal (`Item::child`, mapped back by child_id()). Each
/// child id is copied as the projection returns it (decayed), so an id that is
/// itself a view (`std::string_view`, or the csc::io::text_view that
/// `&csc::io::referral_record::child` gives) still views the host's text: child_id() and find_child() need that
/// text alive (for a csc::io record table: the table, a copy, or its `texts`;
/// docs/inputs.md). Project to `std::string` for ids the classification owns.
/// @tparam Item    the per-record result (classified_referral, classified_cp_plan, service_transition).
/// @tparam ChildId the host's child id type, as its child projection returns it (decayed).
/// @tparam Policy  the policy type of the classifier.
template <class Item, class ChildId, class Policy>
class classification {
 public:
  using item_type = Item;          ///< The per-record result type.
  using child_id_type = ChildId;   ///< The host's child id type.
  using policy_type = Policy;      ///< The classifier's policy type.

  /// @brief Assembles a classification (the classifiers call this).
  /// @param by_child  items in child order; each item's `record` is its input index.
  /// @param child_ids the id of each child ordinal, ascending (`child_ids[item.child]`).
  /// @param findings  data-quality findings.
  /// @param extract_date the extract date used.
  /// @param policy    the policy used.
  /// @param input_was_sorted whether the input needed no sort.
  classification(std::vector<Item> by_child, std::vector<ChildId> child_ids, std::vector<finding> findings,
                 day extract_date, Policy policy, bool input_was_sorted)
      : by_child_(std::move(by_child)), position_(by_child_.size()), ids_(std::move(child_ids)),
        findings_(std::move(findings)), extract_date_(extract_date), policy_(std::move(policy)),
        input_was_sorted_(input_was_sorted) {
    for (std::size_t k = 0; k < by_child_.size(); ++k) position_[by_child_[k].record] = static_cast<std::uint32_t>(k);
  }

  /// @brief The item of the record at input index @p record.
  /// @param record index in the range the classifier was given, `< size()`.
  /// @return the record's item (unchecked, like std::vector::operator[]).
  const Item& operator[](std::size_t record) const { return by_child_[position_[record]]; }
  /// @brief Number of items (= records in the input range).
  /// @return a count of records.
  std::size_t size() const noexcept { return by_child_.size(); }
  /// @brief Number of distinct children.
  /// @return a count of children.
  std::size_t child_count() const noexcept { return ids_.size(); }
  /// @brief The host's id of the child with ordinal @p child.
  /// @param child an ordinal `< child_count()`, e.g. `item.child`.
  /// @return the child id as the host's projection gave it.
  /// @throws std::out_of_range if @p child is not an ordinal.
  const ChildId& child_id(std::size_t child) const { return ids_.at(child); }
  /// @brief The ordinal of the child with id @p id. O(log child_count()).
  /// @param id a child id.
  /// @return its ordinal, or std::nullopt if no record has it.
  std::optional<std::size_t> find_child(const ChildId& id) const {
    return detail::find_child_ordinal(ids_, id);
  }
  /// @brief All items, by child, then date, then input order (each child's items contiguous).
  /// @return the items in child order.
  const std::vector<Item>& by_child() const noexcept { return by_child_; }
  /// @brief Data-quality findings, in child and date order.
  /// @return the findings; `finding::record` is an input index.
  const std::vector<finding>& findings() const noexcept { return findings_; }
  /// @brief The extract date: the last day the data can show (docs/rules/extract-date.md).
  /// @return the extract date as a csc::day (`extract_date().to<D>()` for a host date).
  day extract_date() const noexcept { return extract_date_; }
  /// @brief The policy used.
  /// @return the classifier's policy.
  const Policy& policy() const noexcept { return policy_; }
  /// @brief Whether the input was already sorted by child and date (no sort was needed).
  /// @return true iff no sort was done.
  bool input_was_sorted() const noexcept { return input_was_sorted_; }

 private:
  std::vector<Item> by_child_;
  std::vector<std::uint32_t> position_;  // input index -> position in by_child_ (items index records with 32 bits)
  std::vector<ChildId> ids_;
  std::vector<finding> findings_;
  day extract_date_;
  Policy policy_;
  bool input_was_sorted_;
};

}  // namespace csc

#endif  // CSC_CORE_CLASSIFICATION_HPP
