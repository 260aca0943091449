// csc-report's account of CIN census input: the returns read, the records
// merged away (superseded by a later return), the reader's notes and the DfE
// check findings; in full for --check, as counts beside the figures otherwise.
#ifndef CSC_EXAMPLES_CENSUS_SECTION_HPP
#define CSC_EXAMPLES_CENSUS_SECTION_HPP

#include "inputs.hpp"
#include "json_writer.hpp"

#include <csc/core/count_text.hpp>
#include <csc/core/finding.hpp>

#include <map>
#include <ostream>
#include <string>

namespace csc_report {

// How a finding's rule is printed: a DfE check by its rule number ("8820"),
// a reader note by the rule's stable name ("superseded_referral").
inline std::string rule_label(const csc::finding& f) {
  if (const auto number = csc::dfe_rule_number(f.rule)) return std::to_string(*number);
  return std::string(csc::to_string(f.rule));
}

inline std::map<std::string, std::size_t> count_by_rule(const census_input& ci, bool checks) {
  std::map<std::string, std::size_t> n;
  for (const auto& f : checks ? ci.checks : ci.census.notes) ++n[rule_label(f)];
  return n;
}

inline void write_census_json_summary(json_writer& j, const census_input& ci) {
  const auto& c = ci.census;
  j.begin_array("files");
  for (const auto& h : c.files)
    j.begin_object()
        .value("file", h.file)
        .value("year", h.year)
        .value("reference_date", csc::to_iso_string(h.reference_date))
        .value("lea", h.lea)
        .end_object();
  j.end_array();
  j.value("children", c.children.size())
      .value("referrals", c.episodes.size())
      .value("superseded_referrals", c.superseded_referrals)
      .value("assessments", c.assessments.size())
      .value("section47s", c.section47s.size())
      .value("cin_plans", c.cin_plans.size())
      .value("cp_plans", c.cp_plans.size());
  j.begin_object("notes");
  for (const auto& [rule, n] : count_by_rule(ci, false)) j.value(rule, n);
  j.end_object();
  j.begin_object("dfe_checks");
  for (const auto& [rule, n] : count_by_rule(ci, true)) j.value(rule, n);
  j.end_object();
}

// --check: every note and every DfE check finding, with file and line.
inline void write_census_check(std::ostream& os, const census_input& ci, const std::string& format) {
  const auto& c = ci.census;
  if (format == "json") {
    json_writer j(os);
    j.begin_object();
    write_census_json_summary(j, ci);
    j.begin_array("note_list");
    for (const auto& n : c.notes) {
      const csc::io::record_source at = c.source_of(csc::io::to_cin_table(n.source), n.record);
      j.begin_object()
          .value("rule", rule_label(n))
          .value("file", c.files[at.file].file)
          .value("line", at.line)
          .value("detail", n.detail)
          .end_object();
    }
    j.end_array();
    j.begin_array("findings");
    for (const auto& f : ci.checks) {
      const csc::io::record_source at = c.source_of(csc::io::to_cin_table(f.source), f.record);
      j.begin_object()
          .value("rule", rule_label(f))
          .value("child", c.children.at(c.child_of(f).value()).id)
          .value("file", c.files[at.file].file)
          .value("line", at.line);
      if (f.related_record) {
        const csc::io::record_source rel = c.source_of(csc::io::to_cin_table(f.related_source), *f.related_record);
        j.value("related_file", c.files[rel.file].file).value("related_line", rel.line);
      } else {
        j.null("related_file").null("related_line");
      }
      j.value("detail", f.detail).end_object();
    }
    j.end_array();
    // Dates after their return's ReferenceDate (DfE 8600, 8620, 8720, 8930, 4010, 4013):
    // listed here; a report stops for them (nothing after the extract date is counted).
    j.begin_array("dates_after_reference_date");
    for (const auto& e : ci.late)
      j.begin_object()
          .value("file", e.source())
          .value("line", e.line())
          .value("field", e.field())
          .value("detail", std::string(e.detail()))
          .end_object();
    j.end_array();
    j.end_object();
    return;
  }
  os << "CIN census: " << csc::count_text(c.files.size(), "return") << ", "
     << csc::count_text(c.children.size(), "child", "children") << ", " << csc::count_text(c.episodes.size(), "referral")
     << " (" << c.superseded_referrals << " superseded by a later return)\n";
  for (const auto& h : c.files)
    os << "  " << h.file << ": Year " << h.year << ", ReferenceDate " << csc::to_iso_string(h.reference_date)
       << (h.lea.empty() ? "" : ", LEA " + h.lea) << '\n';
  os << "\nNotes (" << c.notes.size() << "; nothing was dropped for them):\n";
  for (const auto& n : c.notes) os << "  " << rule_label(n) << "  " << c.where(n) << "  " << n.detail << '\n';
  os << "\nDfE checks (" << csc::count_text(ci.checks.size(), "finding")
     << "; every record is still counted as read):\n";
  for (const auto& f : ci.checks) {
    os << "  " << rule_label(f) << "  " << c.children.at(c.child_of(f).value()).id << "  " << c.where(f);
    if (const auto related = c.where_related(f)) os << " (with " << *related << ")";
    os << "  " << f.detail << '\n';
  }
  if (ci.late.empty()) return;
  os << "\nDates after the ReferenceDate (" << ci.late.size()
     << "; a report stops for them: nothing after the extract date is counted):\n";
  for (const auto& e : ci.late) os << "  " << e.what() << '\n';
}

// Beside the figures: what was read and counted, and the findings by rule.
inline void write_census_table(std::ostream& os, const census_input& ci) {
  const auto& c = ci.census;
  os << "CIN census input: " << csc::count_text(c.files.size(), "return") << ", "
     << csc::count_text(c.children.size(), "child", "children") << ", " << csc::count_text(c.episodes.size(), "referral")
     << ", " << csc::count_text(c.cp_plans.size(), "CP plan") << ", " << csc::count_text(c.cin_plans.size(), "CIN plan")
     << "\n";
  os << "  Referrals superseded by a later return (not counted twice): " << c.superseded_referrals << '\n';
  const auto notes = count_by_rule(ci, false);
  os << "  Reader notes:";
  if (notes.empty()) os << " none";
  for (const auto& [rule, n] : notes) os << ' ' << rule << ' ' << n;
  const auto checks = count_by_rule(ci, true);
  os << "\n  DfE check findings:";
  if (checks.empty()) os << " none";
  for (const auto& [rule, n] : checks) os << ' ' << rule << ' ' << n;
  os << "\n  Every record above is counted as read; the checks change nothing (list them with --check).\n";
}

}  // namespace csc_report

#endif
