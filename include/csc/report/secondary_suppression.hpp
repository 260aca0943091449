/// @file
/// @brief `csc::suppress_with_totals`: DfE's secondary suppression. After the
/// primary suppression of counts 1 to 5 (csc/report/suppression.hpp), more
/// cells are hidden until no hidden count can be recovered by subtracting the
/// visible cells of a row or column from its total (docs/rules/suppression.md;
/// domain-reference.md section 5, "Values 1-5 are suppressed as c, with
/// secondary suppression applied", source EES-CIN-DG2020).
#ifndef CSC_REPORT_SECONDARY_SUPPRESSION_HPP
#define CSC_REPORT_SECONDARY_SUPPRESSION_HPP

#include <csc/report/suppression.hpp>

#include <cstddef>
#include <optional>
#include <set>
#include <stdexcept>
#include <vector>

namespace csc {

/// @brief The sentence under a table with secondary suppression, as
/// csc-report prints it. Source: docs/rules/suppression.md.
inline constexpr std::string_view secondary_suppression_footnote =
    "Further counts are shown as c so that no suppressed count can be worked out from its row or column totals";

/// @brief One additive relation of a table: cell `total` is the sum of the
/// cells `parts` (a row or column total, or the all-records row against the
/// groups), as a reader of the published table may assume it is.
/// Indices are into the caller's vector of counts.
/// Source: docs/rules/suppression.md.
struct additive_relation {
  std::size_t total = 0;           ///< Index of the total cell.
  std::vector<std::size_t> parts;  ///< Indices of the cells the total adds up.
};

/// @brief The cells that one subtraction recovers: for each relation with
/// exactly one hidden cell among its total and its parts, that cell (total
/// minus the visible parts, or the sum of the visible parts).
/// Source: docs/rules/suppression.md.
/// @param hidden    hidden[i]: cell i is suppressed.
/// @param relations the table's additive relations (indices below hidden.size()).
/// @return the indices of recoverable cells, in relation order (a cell may repeat); empty when none.
/// @throws std::out_of_range for a relation index not below hidden.size().
inline std::vector<std::size_t> recoverable_by_subtraction(const std::vector<bool>& hidden,
                                                           const std::vector<additive_relation>& relations) {
  std::vector<std::size_t> out;
  for (const additive_relation& r : relations) {
    std::size_t count = hidden.at(r.total) ? 1 : 0;
    std::optional<std::size_t> cell;
    if (count) cell = r.total;
    for (const std::size_t p : r.parts)
      if (hidden.at(p)) {
        ++count;
        cell = p;
      }
    if (count == 1) out.push_back(*cell);
  }
  return out;
}

/// @brief DfE suppression of a table of counts with totals: primary (counts 1
/// to 5, csc::is_suppressed_count) and secondary.
///
/// Rules (docs/rules/suppression.md):
/// - A relation with exactly one hidden cell gives it away by subtraction, so
///   one more of its cells is hidden: the smallest visible non-zero part
///   (first in `parts` order on a tie); else the smallest visible part (a
///   zero); else the total. A relation with no parts is never a disclosure.
/// - Repeated over every relation until none has exactly one hidden cell
///   (hiding a cell can open another relation: a cross-tab's row and column).
/// - Cells are never un-hidden, so the result is the primary cells plus the
///   fewest the greedy choice needs; it does not guard against combining
///   several relations at once (DfE's practice protects rows and columns).
/// @param counts    the counts, one per cell.
/// @param relations the table's additive relations (indices below counts.size()).
/// @param primary   cells already hidden for another reason (size counts.size()), or none:
///                  then counts 1 to 5.
/// @return hidden[i]: cell i is suppressed (primary or secondary).
/// @throws std::out_of_range for a relation index not below counts.size().
/// @throws std::invalid_argument when @p primary is given with another size than @p counts.
inline std::vector<bool> suppress_with_totals(const std::vector<std::size_t>& counts,
                                              const std::vector<additive_relation>& relations,
                                              const std::optional<std::vector<bool>>& primary = std::nullopt) {
  std::vector<bool> hidden(counts.size(), false);
  if (primary) {
    if (primary->size() != counts.size())
      throw std::invalid_argument("csc::suppress_with_totals: primary has another size than counts");
    hidden = *primary;
  } else {
    for (std::size_t i = 0; i < counts.size(); ++i) hidden[i] = is_suppressed_count(counts[i]);
  }
  // The sweep "every relation in order, again until none changes", done with a
  // work list: the relations with exactly one hidden cell, taken in sweep order.
  std::vector<std::vector<std::size_t>> relations_of(counts.size());
  std::vector<std::size_t> hidden_in(relations.size(), 0);
  std::set<std::size_t> pending;  // relations with exactly one hidden cell
  for (std::size_t r = 0; r < relations.size(); ++r) {
    if (relations[r].parts.empty()) continue;
    relations_of.at(relations[r].total).push_back(r);
    for (const std::size_t p : relations[r].parts) relations_of.at(p).push_back(r);
  }
  for (std::size_t c = 0; c < counts.size(); ++c)
    if (hidden[c])
      for (const std::size_t r : relations_of[c]) ++hidden_in[r];
  for (std::size_t r = 0; r < relations.size(); ++r)
    if (hidden_in[r] == 1) pending.insert(r);
  const auto hide = [&](std::size_t c) {
    hidden[c] = true;
    for (const std::size_t r : relations_of[c]) {
      if (++hidden_in[r] == 1) {
        pending.insert(r);
      } else if (hidden_in[r] == 2) {
        pending.erase(r);
      }
    }
  };
  for (std::size_t position = 0; !pending.empty();) {
    auto next = pending.lower_bound(position);
    if (next == pending.end()) next = pending.begin();  // the next sweep
    const additive_relation& r = relations[*next];
    position = *next + 1;
    std::optional<std::size_t> pick;  // the smallest visible non-zero part, else a visible zero
    for (const std::size_t p : r.parts) {
      if (hidden[p]) continue;
      const bool better = !pick || (counts[p] != 0 && (counts[*pick] == 0 || counts[p] < counts[*pick]));
      if (better) pick = p;
    }
    hide(pick ? *pick : r.total);
  }
  return hidden;
}

}  // namespace csc

#endif  // CSC_REPORT_SECONDARY_SUPPRESSION_HPP
