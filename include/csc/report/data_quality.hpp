/// @file
/// @brief `csc::input_quality`: what was read from one input and what was
/// found in it, in one summary that every output format shows (docs/inputs.md):
/// records read, superseded, excluded, repeated rows, trimmed ids, skipped
/// lines, columns matched loosely or not used, and findings by rule.
#ifndef CSC_REPORT_DATA_QUALITY_HPP
#define CSC_REPORT_DATA_QUALITY_HPP

#include <csc/core/finding.hpp>
#include <csc/io/records.hpp>

#include <array>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace csc {

/// @brief The findings of one rule: how many, and how many of those records are not counted.
struct rule_tally {
  csc::rule rule = csc::rule::duplicate_referral_date;  ///< The rule.
  std::size_t findings = 0;                             ///< Findings under it.
  std::size_t not_counted = 0;                          ///< Of them, on records left out of the counts.
};

/// @brief The data-quality summary of one input.
struct input_quality {
  std::string input;                ///< The input's role, e.g. "referrals".
  std::string name;                 ///< Its display name (the file, or the CIN census returns).
  std::size_t records = 0;          ///< Records read and counted (after merging and skipping).
  std::size_t superseded = 0;       ///< Records replaced by a later extract's copy.
  std::size_t excluded = 0;         ///< Records that could not be read, left out on request.
  std::size_t trimmed_ids = 0;      ///< LAchildID values trimmed of spaces.
  std::size_t empty_rows = 0;       ///< Rows with every field empty, skipped.
  std::size_t blank_lines = 0;      ///< Blank lines, skipped.
  std::vector<std::pair<std::string, std::string>> matched_columns;  ///< {as written, item}, matched loosely.
  std::vector<std::string> unused_columns;  ///< Columns present but not read.
  std::vector<rule_tally> findings;  ///< Findings by rule, in csc::rule order; rules with none left out.

  /// @brief All findings of every rule.
  /// @return the sum of rule_tally::findings.
  std::size_t finding_count() const noexcept {
    std::size_t n = 0;
    for (const rule_tally& r : findings) n += r.findings;
    return n;
  }
};

/// @brief The summary of @p table and of the findings of its classification.
/// Source: docs/inputs.md.
/// @tparam Record       referral_record, cp_plan_record or episode_record.
/// @tparam FindingLists ranges of csc::finding (e.g. a classification's findings()).
/// @param input  the input's role, e.g. "referrals".
/// @param table  the records as read.
/// @param lists  further findings about the same records (classifier findings); reader findings,
///               `table.findings`, are always included, and each excluded record counts as one
///               rule::invalid_record finding, not counted.
/// @return the summary.
template <class Record, class... FindingLists>
input_quality quality_of(std::string input, const io::record_table<Record>& table, const FindingLists&... lists) {
  input_quality q{std::move(input), table.name,      table.records.size(), table.superseded,  table.rejected.size(),
                  table.trimmed_ids, table.empty_rows, table.blank_lines,  table.matched_columns, table.unused_columns,
                  {}};
  std::array<rule_tally, csc::rule_count> by_rule{};
  for (std::size_t r = 0; r < csc::rule_count; ++r) by_rule[r].rule = static_cast<csc::rule>(r);
  const auto add = [&](const finding& f) {
    rule_tally& c = by_rule[static_cast<std::size_t>(f.rule)];
    ++c.findings;
    c.not_counted += !f.counted;
  };
  for (const finding& f : table.findings) add(f);
  (..., [&] {
    for (const finding& f : lists) add(f);
  }());
  by_rule[static_cast<std::size_t>(rule::invalid_record)].findings += table.rejected.size();
  by_rule[static_cast<std::size_t>(rule::invalid_record)].not_counted += table.rejected.size();
  for (const rule_tally& c : by_rule)
    if (c.findings) q.findings.push_back(c);
  return q;
}

}  // namespace csc

#endif  // CSC_REPORT_DATA_QUALITY_HPP
