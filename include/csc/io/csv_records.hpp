/// @file
/// @brief Reading the five CSV extracts (referrals, CP plans, CIN plans,
/// early help, looked after) into csc::io::record_table, with the CIN census
/// route's semantics (docs/inputs.md): a value that cannot be read is a
/// csc::io::parse_error naming file, line and column; a value that can be read
/// but breaks a DfE rule is kept as written and reported as a csc::finding
/// (an unknown code: rule::unknown_code; CINclosureDate before
/// CINreferralDate: rule::cin_closure_before_referral, DfE 8630).
#ifndef CSC_IO_CSV_RECORDS_HPP
#define CSC_IO_CSV_RECORDS_HPP

#include <csc/core/day.hpp>
#include <csc/core/finding.hpp>
#include <csc/io/cin_codes.hpp>
#include <csc/io/csv.hpp>
#include <csc/io/records.hpp>

#include <cstddef>
#include <istream>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace csc::io {

/// @brief The plain episode extracts and the columns each is read by.
enum class episode_extract {
  cin_plans,     ///< `LAchildID,CINPlanStartDate[,CINPlanEndDate]`.
  early_help,    ///< `LAchildID,StartDate[,EndDate]`.
  looked_after   ///< `LAchildID,StartDate[,EndDate]`.
};

namespace detail {

// The reading state shared by the three readers: the CSV, the columns asked
// for by name, and the table being filled.
template <class Record>
struct csv_table_reader {
  csv_reader csv;
  std::vector<std::optional<std::size_t>> kept_columns;
  record_table<Record> out;

  csv_table_reader(std::istream& in, const std::string& source, const std::vector<std::string>& keep)
      : csv(in, source) {
    out.name = source;
    out.files = {source};
    out.items = csv.header();
    for (const std::string& name : keep) kept_columns.push_back(name.empty() ? std::nullopt : csv.column(name));
  }

  std::string child(std::size_t column) const {
    const std::string_view id = csv.field(column);
    if (id.empty()) csv.fail(column, "empty child id");
    return std::string(id);
  }
  day date(std::size_t column) const { return day(csv.date_field(column)); }
  std::optional<day> optional_date(const std::optional<std::size_t>& column) const {
    if (!column) return std::nullopt;
    const auto c = csv.optional_date_field(*column);
    return c ? std::optional<day>(day(*c)) : std::nullopt;
  }
  record_source source() const { return record_source{0, csv.line()}; }
  std::vector<std::string> kept() const {
    std::vector<std::string> v;
    v.reserve(kept_columns.size());
    for (const auto& c : kept_columns) v.push_back(c ? std::string(csv.field(*c)) : std::string());
    return v;
  }
  // A code column: the value as written; outside its DfE list it is a finding
  // on record @p record, worded as the census reader words it ("8866 ReferralSource: '9Z'").
  std::string code(const std::optional<std::size_t>& column, bool (*known)(std::string_view) noexcept,
                   const char* dfe_rule, std::size_t record) {
    if (!column) return std::string();
    std::string text(csv.field(*column));
    if (!text.empty() && !known(text))
      finding_on(record, rule::unknown_code, std::string(dfe_rule) + " " + csv.header()[*column] + ": '" + text + "'");
    return text;
  }
  void finding_on(std::size_t record, csc::rule r, std::string detail) {
    finding f;
    f.rule = r;
    f.record = record;
    f.detail = std::move(detail);
    out.findings.push_back(std::move(f));
  }
  record_table<Record> finish() {
    out.blank_lines = csv.blank_lines();
    return std::move(out);
  }
};

}  // namespace detail

/// @brief Reads a referrals extract:
/// `LAchildID,CINreferralDate[,ReferralSource,ReferralNFA,CINclosureDate,ReasonForClosure]`,
/// columns in any order, other columns ignored unless named in @p keep.
/// @param in     the CSV (RFC 4180, header line first; see csv_reader).
/// @param source the file name used in errors and in the table.
/// @param keep   items (columns) whose raw values each record keeps in `kept`, in this order ("" keeps nothing).
/// @return the table; `findings` holds rule::unknown_code (ReferralSource, DfE 8866; ReasonForClosure, 8650) and
/// rule::cin_closure_before_referral (DfE 8630), each on a record that is kept as written.
/// @throws parse_error naming file, line and column for a missing LAchildID or CINreferralDate column, an empty
/// LAchildID, a date that is not `YYYY-MM-DD`, a ReferralNFA that is not true/false/1/0, or malformed CSV.
inline referral_table read_referrals_csv(std::istream& in, const std::string& source,
                                         const std::vector<std::string>& keep = {}) {
  detail::csv_table_reader<referral_record> r(in, source, keep);
  const csv_reader& csv = r.csv;
  const std::size_t child_col = csv.require_column("LAchildID");
  const std::size_t date_col = csv.require_column("CINreferralDate");
  const auto source_col = csv.column("ReferralSource");
  const auto nfa_col = csv.column("ReferralNFA");
  const auto closure_col = csv.column("CINclosureDate");
  const auto reason_col = csv.column("ReasonForClosure");
  while (r.csv.next()) {
    const std::size_t i = r.out.records.size();
    referral_record rec{r.child(child_col), r.date(date_col), r.optional_date(closure_col),
                        r.code(source_col, is_referral_source_code, "8866", i), std::nullopt,
                        r.code(reason_col, is_reason_for_closure_code, "8650", i), r.source(), r.kept()};
    if (nfa_col) {
      rec.nfa = parse_cin_boolean(csv.field(*nfa_col));
      if (!rec.nfa) csv.fail(*nfa_col, "'" + std::string(csv.field(*nfa_col)) + "' is not a boolean (true/false/1/0)");
    }
    if (rec.closure && *rec.closure < rec.referral)
      r.finding_on(i, rule::cin_closure_before_referral,
                   "CINclosureDate " + to_iso_string(*rec.closure) + " is before CINreferralDate " +
                       to_iso_string(rec.referral));
    r.out.records.push_back(std::move(rec));
  }
  return r.finish();
}

/// @brief Reads a child protection plans extract:
/// `LAchildID,CPPstartDate[,CPPendDate,InitialCategoryOfAbuse,LatestCategoryOfAbuse,NumberOfPreviousCPP]`,
/// columns in any order, other columns ignored unless named in @p keep.
/// @param in     the CSV.
/// @param source the file name used in errors and in the table.
/// @param keep   items (columns) whose raw values each record keeps in `kept`, in this order ("" keeps nothing).
/// @return the table; `findings` holds rule::unknown_code for a category of abuse outside DfE's list (8905, 8910).
/// A plan ending before it starts is kept: csc::classify_cp_plans reports it (DfE 8925, docs/rules/cp-plan-checks.md).
/// @throws parse_error naming file, line and column for a missing LAchildID or CPPstartDate column, an empty
/// LAchildID, a date that is not `YYYY-MM-DD`, a NumberOfPreviousCPP that is not a whole number >= 0 (DfE 8730),
/// or malformed CSV.
inline cp_plan_table read_cp_plans_csv(std::istream& in, const std::string& source,
                                       const std::vector<std::string>& keep = {}) {
  detail::csv_table_reader<cp_plan_record> r(in, source, keep);
  const csv_reader& csv = r.csv;
  const std::size_t child_col = csv.require_column("LAchildID");
  const std::size_t start_col = csv.require_column("CPPstartDate");
  const auto end_col = csv.column("CPPendDate");
  const auto initial_col = csv.column("InitialCategoryOfAbuse");
  const auto latest_col = csv.column("LatestCategoryOfAbuse");
  const auto previous_col = csv.column("NumberOfPreviousCPP");
  while (r.csv.next()) {
    const std::size_t i = r.out.records.size();
    cp_plan_record rec{r.child(child_col), r.date(start_col), r.optional_date(end_col),
                       r.code(initial_col, is_category_of_abuse_code, "8905", i),
                       r.code(latest_col, is_category_of_abuse_code, "8910", i), std::nullopt, r.source(), r.kept()};
    if (previous_col && !csv.field(*previous_col).empty())
      rec.previous_plans = csv.whole_number_field(*previous_col, std::numeric_limits<int>::max(), "(DfE rule 8730)");
    r.out.records.push_back(std::move(rec));
  }
  return r.finish();
}

/// @brief The start and end columns of extract @p e.
/// @param e the extract.
/// @return {"CINPlanStartDate", "CINPlanEndDate"} for CIN plans, {"StartDate", "EndDate"} otherwise.
constexpr std::pair<std::string_view, std::string_view> episode_columns(episode_extract e) noexcept {
  return e == episode_extract::cin_plans ? std::pair<std::string_view, std::string_view>{"CINPlanStartDate",
                                                                                          "CINPlanEndDate"}
                                         : std::pair<std::string_view, std::string_view>{"StartDate", "EndDate"};
}

/// @brief Reads a plain episode extract: `LAchildID,<start>[,<end>]` with the columns of @p e
/// (episode_columns()), in any order, other columns ignored.
/// @param in     the CSV.
/// @param source the file name used in errors and in the table.
/// @param e      which extract it is.
/// @return the table. An episode ending before it starts is kept: csc::build_timelines reports it
/// (rule::episode_end_before_start, docs/rules/stepdown.md).
/// @throws parse_error naming file, line and column for a missing LAchildID or start column, an empty LAchildID,
/// a date that is not `YYYY-MM-DD`, or malformed CSV.
inline episode_table read_episodes_csv(std::istream& in, const std::string& source, episode_extract e) {
  detail::csv_table_reader<episode_record> r(in, source, {});
  const auto [start_name, end_name] = episode_columns(e);
  const std::size_t child_col = r.csv.require_column("LAchildID");
  const std::size_t start_col = r.csv.require_column(start_name);
  const auto end_col = r.csv.column(end_name);
  while (r.csv.next())
    r.out.records.push_back(episode_record{r.child(child_col), r.date(start_col), r.optional_date(end_col), r.source()});
  return r.finish();
}

}  // namespace csc::io

#endif  // CSC_IO_CSV_RECORDS_HPP
