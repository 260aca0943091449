// csc-report's data-quality summary (csc::input_quality, docs/inputs.md):
// in full in the JSON, as sentences in every other format.
#ifndef CSC_EXAMPLES_QUALITY_SECTION_HPP
#define CSC_EXAMPLES_QUALITY_SECTION_HPP

#include "json_writer.hpp"

#include <csc/core/count_text.hpp>
#include <csc/report/data_quality.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace csc_report {

inline void write_quality_json(json_writer& j, const std::vector<csc::input_quality>& inputs) {
  j.begin_array("data_quality");
  for (const csc::input_quality& q : inputs) {
    j.begin_object()
        .value("input", q.input)
        .value("file", q.name)
        .value("records", q.records)
        .value("superseded", q.superseded)
        .value("excluded", q.excluded)
        .value("trimmed_ids", q.trimmed_ids)
        .value("empty_rows_skipped", q.empty_rows)
        .value("blank_lines_skipped", q.blank_lines);
    j.begin_array("columns_matched");
    for (const auto& [written, item] : q.matched_columns)
      j.begin_object().value("written", written).value("item", item).end_object();
    j.end_array();
    j.begin_array("columns_unused");
    for (const std::string& c : q.unused_columns) j.value(std::string_view(), c);
    j.end_array();
    j.begin_object("findings");
    for (const csc::rule_tally& r : q.findings)
      j.begin_object(csc::to_string(r.rule)).value("findings", r.findings).value("not_counted", r.not_counted).end_object();
    j.end_object();
    j.end_object();
  }
  j.end_array();
}

// One sentence per input with something to say beyond its records (merging,
// exclusions, trimming, skipped rows, loosely matched or unused columns,
// findings of every rule: the reader's, the classifier's, the timelines');
// nothing for a clean input, unless @p every_input (--check: each input's
// summary, a clean one said to be clean only when it has no finding of any kind).
inline std::vector<std::string> quality_sentences(const std::vector<csc::input_quality>& inputs,
                                                  bool every_input = false) {
  std::vector<std::string> out;
  for (const csc::input_quality& q : inputs) {
    std::vector<std::string> parts;
    const auto count = [&](std::size_t n, std::string_view one, std::string_view more) {
      if (n) parts.push_back(csc::count_text(n, one, more));
    };
    count(q.superseded, "superseded by a later extract's copy (counted once)",
          "superseded by a later extract's copy (counted once)");
    count(q.excluded, "excluded: could not be read (not counted; --skip-invalid-records)",
          "excluded: could not be read (not counted; --skip-invalid-records)");
    count(q.trimmed_ids, "LAchildID value trimmed of spaces", "LAchildID values trimmed of spaces");
    count(q.empty_rows, "empty row skipped", "empty rows skipped");
    for (const auto& [written, item] : q.matched_columns) parts.push_back("column '" + written + "' read as " + item);
    if (!q.unused_columns.empty()) {
      std::string u(csc::inflect(q.unused_columns.size(), "column not used:", "columns not used:"));
      for (const std::string& c : q.unused_columns) u += " " + c;
      parts.push_back(u);
    }
    // Findings of every rule with any: the reader's, the classifier's and the
    // timelines' (invalid_record: said as "excluded" above).
    for (const csc::rule_tally& r : q.findings) {
      if (r.rule == csc::rule::invalid_record || r.findings == 0) continue;
      parts.push_back(std::to_string(r.findings) + " " + std::string(csc::to_string(r.rule)) +
                      (r.not_counted ? " (" + std::to_string(r.not_counted) + " not counted)" : ""));
    }
    if (parts.empty() && !every_input) continue;
    if (parts.empty())
      parts.emplace_back("clean, nothing superseded, excluded or trimmed and no findings of any kind "
                         "(reader, classifier or timeline)");
    std::string s = "Data quality, " + q.input + " (" + q.name + ", " + csc::count_text(q.records, "record") + "): ";
    for (std::size_t i = 0; i < parts.size(); ++i) s += (i ? "; " : "") + parts[i];
    out.push_back(s);
  }
  return out;
}

}  // namespace csc_report

#endif
