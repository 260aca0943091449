// Reading the referrals CSV of csc-report (CIN census item names).
#ifndef CSC_EXAMPLES_REFERRALS_INPUT_HPP
#define CSC_EXAMPLES_REFERRALS_INPUT_HPP

#include "csv_file.hpp"

#include <csc/core/interval.hpp>
#include <csc/io/cin_codes.hpp>

#include <optional>
#include <string>
#include <vector>

namespace csc_report {

/// One referral (CIN episode) as read from the CSV or the CIN census.
struct referral_row {
  std::string child;                 // LAchildID
  date referral;                     // CINreferralDate
  std::optional<date> closure;       // CINclosureDate (empty while open; the CSV reader refuses one before the
                                     // referral, the census keeps it and reports DfE rule 8630)
  std::string source;                // ReferralSource ("" if the column is absent or empty)
  std::optional<bool> nfa;           // ReferralNFA (nullopt if the column is absent)
  std::string reason_for_closure;    // ReasonForClosure
  std::size_t line;                  // line in the file
  std::vector<std::string> kept;     // raw values of the columns asked for by name ("" if absent)
  std::size_t file = 0;              // index into referral_input::files

};

struct referral_input {
  std::string file;                  // display name: the file, or the CIN census returns
  std::vector<std::string> files;    // the files the rows come from (one for a CSV)
  std::vector<referral_row> rows;
  bool has_nfa_column = false;
  std::vector<bool> has_kept;        // which of the columns asked for the file has
  std::size_t blank_lines = 0;
};

/// Reads `LAchildID,CINreferralDate[,ReferralSource,ReferralNFA,CINclosureDate,ReasonForClosure]`
/// (any order, extra columns ignored). Every malformed value throws csc::io::parse_error
/// naming file, line and field. @p keep names columns kept raw (for --by, --family).
inline referral_input read_referrals(const std::string& path, const std::vector<std::string>& keep = {}) {
  csv_file file(path);
  csc::io::csv_reader& csv = file.csv();
  const std::size_t child_col = csv.require_column("LAchildID");
  const std::size_t date_col = csv.require_column("CINreferralDate");
  const auto source_col = csv.column("ReferralSource");
  const auto nfa_col = csv.column("ReferralNFA");
  const auto closure_col = csv.column("CINclosureDate");
  const auto reason_col = csv.column("ReasonForClosure");
  std::vector<std::optional<std::size_t>> kept_cols;
  for (const std::string& name : keep) kept_cols.push_back(csv.column(name));

  referral_input out;
  out.file = path;
  out.files = {path};
  out.has_nfa_column = nfa_col.has_value();
  for (const auto& c : kept_cols) out.has_kept.push_back(c.has_value());
  while (csv.next()) {
    std::string child = child_field(csv, child_col);
    const csc::civil_date referral = csv.date_field(date_col);
    const std::optional<csc::civil_date> closure = closure_col ? csv.optional_date_field(*closure_col) : std::nullopt;
    if (closure && *closure < referral) {
      csv.fail(*closure_col, csc::to_iso_string(*closure) + " is before CINreferralDate " +
                                 csc::to_iso_string(referral) + " (DfE rule 8630)");
    }
    std::string source;
    if (source_col && !csv.field(*source_col).empty()) {
      source = std::string(csv.field(*source_col));
      if (!csc::io::is_referral_source_code(source)) csv.fail(*source_col, "unknown ReferralSource code '" + source + "'");
    }
    std::optional<bool> nfa;
    if (nfa_col) {
      nfa = csc::io::parse_cin_boolean(csv.field(*nfa_col));
      if (!nfa) {
        csv.fail(*nfa_col, "'" + std::string(csv.field(*nfa_col)) + "' is not a boolean (true/false/1/0)");
      }
    }
    std::string reason;
    if (reason_col && !csv.field(*reason_col).empty()) {
      reason = std::string(csv.field(*reason_col));
      if (!csc::io::is_reason_for_closure_code(reason)) {
        csv.fail(*reason_col, "unknown ReasonForClosure code '" + reason + "'");
      }
    }
    out.rows.push_back(referral_row{std::move(child), to_date(referral), to_date(closure), std::move(source), nfa,
                                    std::move(reason), csv.line(), kept_fields(csv, kept_cols), 0});
  }
  out.blank_lines = csv.blank_lines();
  return out;
}

}  // namespace csc_report

#endif
