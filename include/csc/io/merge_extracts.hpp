/// @file
/// @brief `csc::io::merge_extracts`: several extracts of one input (e.g. yearly
/// referral extracts that overlap on open cases) as one table, merged as CIN
/// census returns are: a record whose child and key date appear in a later
/// extract is replaced by the later copy (docs/inputs.md).
#ifndef CSC_IO_MERGE_EXTRACTS_HPP
#define CSC_IO_MERGE_EXTRACTS_HPP

#include <csc/core/day.hpp>
#include <csc/core/finding.hpp>
#include <csc/io/records.hpp>

#include <algorithm>
#include <cstddef>
#include <map>
#include <stdexcept>
#include <string_view>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace csc::io {

/// @brief The key date of a record: the date that, with the child, names it across extracts.
/// @param r a referral.
/// @return CINreferralDate.
inline day key_date(const referral_record& r) { return r.referral; }
/// @brief The key date of a record.
/// @param p a child protection plan.
/// @return CPPstartDate.
inline day key_date(const cp_plan_record& p) { return p.start; }
/// @brief The key date of a record.
/// @param e an episode.
/// @return its start.
inline day key_date(const episode_record& e) { return e.start; }

/// @brief The optional items a record of this type is read with (a column an extract may lack).
/// @return ReferralSource, ReferralNFA, CINclosureDate, ReasonForClosure.
inline std::vector<std::string_view> optional_items(const referral_record*) {
  return {"ReferralSource", "ReferralNFA", "CINclosureDate", "ReasonForClosure"};
}
/// @brief The optional items a record of this type is read with.
/// @return CPPendDate, InitialCategoryOfAbuse, LatestCategoryOfAbuse, NumberOfPreviousCPP.
inline std::vector<std::string_view> optional_items(const cp_plan_record*) {
  return {"CPPendDate", "InitialCategoryOfAbuse", "LatestCategoryOfAbuse", "NumberOfPreviousCPP"};
}
/// @brief The optional items a record of this type is read with.
/// @return CINPlanEndDate and EndDate (the end column of either extract).
inline std::vector<std::string_view> optional_items(const episode_record*) { return {"CINPlanEndDate", "EndDate"}; }

/// @brief The earliest key date of @p t: where its data starts, when the host knows no better
/// (docs/rules/completeness.md).
/// @tparam Record referral_record, cp_plan_record or episode_record.
/// @param t a table.
/// @return the earliest key_date() of its records; std::nullopt for no records.
template <class Record>
std::optional<day> first_key_date(const record_table<Record>& t) {
  std::optional<day> first;
  for (const Record& r : t.records)
    if (!first || key_date(r) < *first) first = key_date(r);
  return first;
}

/// @brief Merges @p extracts, given oldest first, into one table.
///
/// A record of extract i is superseded (left out, counted in `superseded`) when a later
/// extract j > i holds a record of the same child with the same key date (key_date());
/// every record of the latest extract holding that key is kept, even where it differs in
/// content (a closure added, say), as merge() does for CIN census returns. Within one
/// extract nothing is merged (the reader already read repeated rows once). The result's
/// `files` are every extract's files in order (record sources re-indexed), `name` the names
/// joined by ',', `items` the items every extract has (so has_item() holds for every record),
/// `texts` every extract's text stores (the records' views stay valid),
/// findings re-indexed (those on superseded records dropped), counts added up, `rejected`
/// and the column lists concatenated. Extracts must carry the same optional items
/// (optional_items()): a column one extract lacks would read as empty in its records
/// (an open end, no NFA) and change the figures, so it is an error.
/// @tparam Record referral_record, cp_plan_record or episode_record.
/// @param extracts the tables, oldest first (the order of the files on a command line).
/// @return the merged table; a single extract is returned as it is.
/// @throws std::invalid_argument naming both extracts and the items when their optional items differ.
template <class Record>
record_table<Record> merge_extracts(std::vector<record_table<Record>> extracts) {
  if (extracts.size() == 1) return std::move(extracts.front());
  for (std::size_t x = 1; x < extracts.size(); ++x) {
    std::string differ;
    for (std::string_view item : optional_items(static_cast<const Record*>(nullptr)))
      if (extracts[x].has_item(item) != extracts[0].has_item(item)) differ += (differ.empty() ? "" : ", ") + std::string(item);
    if (!differ.empty())
      throw std::invalid_argument(extracts[x].name + " and " + extracts[0].name + " are extracts of one input but differ in " +
                                  differ + " (present in one, missing in the other): give extracts with the same columns");
  }
  std::map<std::pair<std::string_view, day>, std::size_t> latest;  // (child, key date) -> the last extract holding it
  for (std::size_t x = 0; x < extracts.size(); ++x)
    for (const Record& r : extracts[x].records) latest[{r.child, key_date(r)}] = x;
  record_table<Record> out;
  for (std::size_t x = 0; x < extracts.size(); ++x) {
    record_table<Record>& t = extracts[x];
    out.name += (x == 0 ? "" : ",") + t.name;
    const std::size_t file_offset = out.files.size();
    out.files.insert(out.files.end(), t.files.begin(), t.files.end());
    out.texts.insert(out.texts.end(), t.texts.begin(), t.texts.end());  // the records' text, shared
    if (x == 0) {
      out.items = t.items;
    } else {
      out.items.erase(std::remove_if(out.items.begin(), out.items.end(),
                                     [&](const std::string& item) { return !t.has_item(item); }),
                      out.items.end());
    }
    std::vector<std::size_t> index(t.records.size(), static_cast<std::size_t>(-1));  // new index, or none
    for (std::size_t i = 0; i < t.records.size(); ++i) {
      Record& r = t.records[i];
      if (latest[{r.child, key_date(r)}] != x) {
        ++out.superseded;
        continue;
      }
      index[i] = out.records.size();
      r.source.file += file_offset;
      out.records.push_back(std::move(r));
    }
    for (finding f : t.findings) {
      if (index[f.record] == static_cast<std::size_t>(-1)) continue;
      f.record = index[f.record];
      if (f.related_record) {
        if (index[*f.related_record] == static_cast<std::size_t>(-1)) f.related_record.reset();
        else f.related_record = index[*f.related_record];
      }
      out.findings.push_back(std::move(f));
    }
    for (auto& e : t.rejected) out.rejected.push_back(std::move(e));
    out.blank_lines += t.blank_lines;
    out.empty_rows += t.empty_rows;
    out.trimmed_ids += t.trimmed_ids;
    out.superseded += t.superseded;
    for (auto& m : t.matched_columns) out.matched_columns.push_back(std::move(m));
    for (auto& u : t.unused_columns)
      if (std::find(out.unused_columns.begin(), out.unused_columns.end(), u) == out.unused_columns.end())
        out.unused_columns.push_back(std::move(u));
  }
  return out;
}

}  // namespace csc::io

#endif  // CSC_IO_MERGE_EXTRACTS_HPP
