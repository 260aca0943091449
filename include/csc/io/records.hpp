/// @file
/// @brief The five record inputs of csc-metrics as the readers give them:
/// referrals, child protection plans and plain episodes (CIN plans, early
/// help, looked after), each in a csc::io::record_table that knows its files,
/// the CIN census items it carries and its reader findings. The same record
/// types come from a CSV extract (io/csv_records.hpp) and from CIN census
/// returns (io/census_records.hpp), with the same semantics (docs/inputs.md).
/// Records hold no strings of their own: their text (LAchildID, codes, kept
/// items) views the table's csc::io::text_store s (csc::io::text_view, and
/// `std::string_view` for kept items).
#ifndef CSC_IO_RECORDS_HPP
#define CSC_IO_RECORDS_HPP

#include <csc/core/day.hpp>
#include <csc/core/finding.hpp>
#include <csc/io/error.hpp>
#include <csc/io/text_store.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace csc::io {

/// @brief Where a record was read: a file (index into record_table::files) and a line.
struct record_source {
  std::size_t file = 0;  ///< Index into record_table::files.
  std::size_t line = 0;  ///< 1-based line of the record (a CSV header is line 1; XML: the element's opening line).
};

/// @brief One referral: a CIN episode (`CINdetails`), CIN census item names in the comments.
/// Text members view the table's record_table::texts (valid while the table, or a copy of it, lives).
struct referral_record {
  text_view child;                       ///< LAchildID (never empty).
  day referral;                          ///< CINreferralDate.
  std::optional<day> closure;            ///< CINclosureDate; empty while open. May be before the referral (DfE 8630, a finding).
  text_view referral_source;             ///< ReferralSource as written ("" if absent); an unknown code is a finding.
  std::optional<bool> nfa;               ///< ReferralNFA; nullopt when the input has no such item.
  text_view reason_for_closure;          ///< ReasonForClosure as written ("" if absent); an unknown code is a finding.
  record_source source;                  ///< Where it was read.
  std::vector<std::string_view> kept;    ///< The values of the items asked for by name, in that order ("" if absent);
                                         ///< empty when no item was asked for.
};

/// @brief One child protection plan (`ChildProtectionPlans`).
/// Text members view the table's record_table::texts (valid while the table, or a copy of it, lives).
struct cp_plan_record {
  text_view child;                       ///< LAchildID (never empty).
  day start;                             ///< CPPstartDate.
  std::optional<day> end;                ///< CPPendDate; empty while open. May be before the start (DfE 8925, found by classify_cp_plans).
  text_view initial_category;            ///< InitialCategoryOfAbuse as written ("" if absent); an unknown code is a finding.
  text_view latest_category;             ///< LatestCategoryOfAbuse as written ("" if absent); an unknown code is a finding.
  std::optional<int> previous_plans;     ///< NumberOfPreviousCPP; nullopt when absent or blank.
  record_source source;                  ///< Where it was read.
  std::vector<std::string_view> kept;    ///< The values of the items asked for by name, in that order ("" if absent);
                                         ///< empty when no item was asked for.
};

/// @brief One episode of a plain service level: a CIN plan (`CINPlanDates`),
/// an early help episode or a looked-after episode.
/// `child` views the table's record_table::texts (valid while the table, or a copy of it, lives).
struct episode_record {
  text_view child;                  ///< LAchildID (never empty).
  day start;                        ///< CINPlanStartDate, or StartDate.
  std::optional<day> end;           ///< CINPlanEndDate, or EndDate; empty while open. May be before the start
                                    ///< (found by build_timelines as episode_end_before_start).
  record_source source;             ///< Where it was read.
};

/// @brief The records of one input, with where they came from and what the reader found.
///
/// The records' text is held by `texts`, shared by copies of the table: a record
/// copied out of the table views text that lives only as long as some copy of the
/// table (or of its `texts`). A host building a table keeps its records' text there:
/// `auto s = std::make_shared<text_store>(); r.child = s->keep(id); t.texts.push_back(s);`
/// (string literals need no store).
/// @tparam Record referral_record, cp_plan_record or episode_record.
template <class Record>
struct record_table {
  std::string name;                     ///< Display name: the file, or "CIN census " and the returns.
  std::vector<std::string> files;       ///< The files the records come from (one for a CSV).
  std::vector<std::string> items;       ///< The CIN census items (CSV columns) the input carries.
  std::vector<Record> records;          ///< The records, in input order.
  std::vector<std::shared_ptr<const text_store>> texts;  ///< What the records' text views point into.
  std::vector<csc::finding> findings;   ///< Reader findings: `source` 0, `record` an index into `records`.
  std::vector<parse_error> rejected;    ///< Records that could not be read, left out on request (not counted).
  std::size_t blank_lines = 0;          ///< Blank lines skipped (CSV), never silently.
  std::size_t empty_rows = 0;           ///< Rows with every field empty skipped (CSV), never silently.
  std::size_t trimmed_ids = 0;          ///< LAchildID values whose leading or trailing spaces were trimmed.
  std::size_t superseded = 0;           ///< Records replaced by a later file's copy (merge_extracts()).
  std::vector<std::pair<std::string, std::string>> matched_columns;  ///< Columns found after trimming and
                                                                      ///< case-folding: {as written, item}.
  std::vector<std::string> unused_columns;  ///< Columns present in the input but not read.

  /// @brief Whether the input carries item (column) @p name.
  /// @param name a CIN census item name, e.g. "ReferralNFA".
  /// @return true if the input has it, even where a record leaves it empty.
  bool has_item(std::string_view name) const {
    return std::find(items.begin(), items.end(), name) != items.end();
  }

  /// @brief "file:line" of record @p i, for messages.
  /// @param i index into `records`.
  /// @return e.g. "referrals.csv:12".
  /// @throws std::out_of_range if @p i is not a record.
  std::string where(std::size_t i) const {
    const record_source& s = records.at(i).source;
    return files.at(s.file) + ":" + std::to_string(s.line);
  }
};

/// @brief A date a record holds, named as messages name it.
struct dated_item {
  std::string_view what;     ///< "referral", "closure", "CP plan start", "CP plan end", "episode start" or "episode end".
  std::optional<day> date;   ///< The date; empty for an open end.
};

/// @brief The dates of referral @p r.
/// @param r a referral.
/// @return {"referral", CINreferralDate}, {"closure", CINclosureDate}.
inline std::array<dated_item, 2> dates_of(const referral_record& r) {
  return {{{"referral", r.referral}, {"closure", r.closure}}};
}
/// @brief The dates of plan @p p.
/// @param p a child protection plan.
/// @return {"CP plan start", CPPstartDate}, {"CP plan end", CPPendDate}.
inline std::array<dated_item, 2> dates_of(const cp_plan_record& p) {
  return {{{"CP plan start", p.start}, {"CP plan end", p.end}}};
}
/// @brief The dates of episode @p e.
/// @param e an episode.
/// @return {"episode start", start}, {"episode end", end}.
inline std::array<dated_item, 2> dates_of(const episode_record& e) {
  return {{{"episode start", e.start}, {"episode end", e.end}}};
}

/// @brief The latest date any record of @p t holds (for an extract date derived
/// from the data, docs/rules/extract-date.md; combine tables with csc::latest_of).
/// @tparam Record referral_record, cp_plan_record or episode_record.
/// @param t a table.
/// @return the latest start or end; std::nullopt for a table with no records.
template <class Record>
std::optional<day> latest_date(const record_table<Record>& t) {
  std::optional<day> latest;
  for (const Record& r : t.records)
    for (const dated_item& d : dates_of(r))
      if (d.date && (!latest || *latest < *d.date)) latest = d.date;
  return latest;
}

/// @brief The first record of @p t, in input order, holding a date after @p extract_date
/// (which the classifiers refuse, docs/rules/extract-date.md), for a message naming file and line.
/// @tparam Record referral_record, cp_plan_record or episode_record.
/// @param t            a table.
/// @param extract_date the extract date.
/// @return the record's index and its first date after @p extract_date; std::nullopt if there is none.
template <class Record>
std::optional<std::pair<std::size_t, dated_item>> first_after(const record_table<Record>& t, day extract_date) {
  for (std::size_t i = 0; i < t.records.size(); ++i)
    for (const dated_item& d : dates_of(t.records[i]))
      if (d.date && extract_date < *d.date) return std::pair<std::size_t, dated_item>{i, d};
  return std::nullopt;
}

/// @brief Referrals as read (CSV or CIN census).
using referral_table = record_table<referral_record>;
/// @brief Child protection plans as read (CSV or CIN census).
using cp_plan_table = record_table<cp_plan_record>;
/// @brief CIN plans, early help or looked-after episodes as read.
using episode_table = record_table<episode_record>;

}  // namespace csc::io

#endif  // CSC_IO_RECORDS_HPP
