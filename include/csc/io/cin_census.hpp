/// @file
/// @brief Reading the DfE children in need census return (XML, one file per
/// year) into flat tables that the counting algorithms take directly, and
/// merging several annual returns (docs/cin-census.md). What the reader
/// notices is a csc::finding naming a csc::io::cin_table and a record in it.
/// Needs expat (CMake target csc::cin_census).
#ifndef CSC_IO_CIN_CENSUS_HPP
#define CSC_IO_CIN_CENSUS_HPP

#include <csc/core/civil_date.hpp>
#include <csc/core/day.hpp>
#include <csc/core/finding.hpp>
#include <csc/io/cin_codes.hpp>
#include <csc/io/error.hpp>
#include <csc/io/records.hpp>  // csc::io::record_source
#include <csc/io/xml_reader.hpp>

#include <algorithm>
#include <cstddef>
#include <istream>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace csc::io {


/// @brief One `Child` (ChildIdentifiers).
struct cin_child {
  std::string id;                               ///< LAchildID.
  std::optional<civil_date> birth;              ///< PersonBirthDate.
  std::optional<civil_date> expected_birth;     ///< ExpectedPersonBirthDate (unborn children).
  std::optional<civil_date> death;              ///< PersonDeathDate.
  std::string sex;                              ///< GenderCurrent, or Sex from 2024-25, as written.
  record_source source;                            ///< Where the Child element starts.
};

/// @brief One `CINdetails`: a CIN episode, from referral to closure.
struct cin_episode {
  std::size_t child = 0;                        ///< Index into cin_census::children.
  civil_date referral;                          ///< CINreferralDate.
  std::optional<civil_date> closure;            ///< CINclosureDate (empty while open).
  std::string referral_source;                  ///< ReferralSource.
  std::string primary_need;                     ///< PrimaryNeedCode.
  std::string reason_for_closure;               ///< ReasonForClosure.
  std::optional<civil_date> initial_cpc;        ///< DateOfInitialCPC at episode level.
  bool nfa = false;                             ///< ReferralNFA.
  civil_date reference_date;                    ///< ReferenceDate of the return it came from.
  record_source source;                            ///< Where the CINdetails element starts.
};

/// @brief One assessment (`Assessments`).
struct cin_assessment {
  std::size_t episode = 0;                      ///< Index into cin_census::episodes.
  civil_date start;                             ///< AssessmentActualStartDate.
  std::optional<civil_date> authorised;         ///< AssessmentAuthorisationDate.
  std::vector<std::string> factors;             ///< AssessmentFactors, in file order.
  record_source source;                            ///< Where the Assessments element starts.
};

/// @brief One CIN plan (`CINPlanDates`).
struct cin_plan {
  std::size_t episode = 0;                      ///< Index into cin_census::episodes.
  civil_date start;                             ///< CINPlanStartDate.
  std::optional<civil_date> end;                ///< CINPlanEndDate (empty while open).
  record_source source;                            ///< Where the CINPlanDates element starts.
};

/// @brief One section 47 enquiry (`Section47`).
struct cin_section47 {
  std::size_t episode = 0;                      ///< Index into cin_census::episodes.
  civil_date start;                             ///< S47ActualStartDate.
  std::optional<civil_date> icpc_target;        ///< InitialCPCtarget.
  std::optional<civil_date> icpc;               ///< DateOfInitialCPC.
  std::optional<bool> icpc_not_required;        ///< ICPCnotRequired.
  record_source source;                            ///< Where the Section47 element starts.
};

/// @brief One child protection plan (`ChildProtectionPlans`).
struct cin_cp_plan {
  std::size_t episode = 0;                      ///< Index into cin_census::episodes.
  civil_date start;                             ///< CPPstartDate.
  std::optional<civil_date> end;                ///< CPPendDate (empty while open).
  std::string initial_category;                 ///< InitialCategoryOfAbuse.
  std::string latest_category;                  ///< LatestCategoryOfAbuse.
  std::optional<int> previous_plans;            ///< NumberOfPreviousCPP.
  std::vector<civil_date> reviews;              ///< CPPreviewDate, in file order.
  record_source source;                            ///< Where the ChildProtectionPlans element starts.
};

/// @brief The tables of a csc::io::cin_census. A finding about the census
/// (a reader note or a DfE check, docs/cin-census.md) has
/// `source = to_source(table)` and `record` = the index in that table.
enum class cin_table : std::size_t {
  files,          ///< cin_census::files: a return as a whole (no line).
  children,       ///< cin_census::children.
  episodes,       ///< cin_census::episodes.
  assessments,    ///< cin_census::assessments.
  cin_plans,      ///< cin_census::cin_plans.
  section47s,     ///< cin_census::section47s.
  cp_plans,       ///< cin_census::cp_plans.
  noted_elements  ///< cin_census::noted_elements: the XML element a reader note is about.
};

/// @brief The csc::finding::source value naming table @p t.
/// @param t a table of csc::io::cin_census.
/// @return `static_cast<std::size_t>(t)`.
constexpr std::size_t to_source(cin_table t) noexcept { return static_cast<std::size_t>(t); }

/// @brief The table a csc::finding::source value names.
/// @param source a finding's `source` or `related_source`.
/// @return the table.
/// @throws std::out_of_range if @p source names no csc::io::cin_table.
inline cin_table to_cin_table(std::size_t source) {
  if (source > to_source(cin_table::noted_elements)) throw std::out_of_range("not a cin_table: " + std::to_string(source));
  return static_cast<cin_table>(source);
}

/// @brief One annual return as read.
struct cin_return_header {
  std::string file;                 ///< The file name given to the reader.
  int year = 0;                     ///< CollectionDetails/Year (0 when absent).
  civil_date reference_date;        ///< CollectionDetails/ReferenceDate.
  std::string lea;                  ///< Source/LEA ("" when absent).
};

/// @brief One or more CIN census returns as flat tables. Nested records
/// name their parent by index; every record says where it was read.
///
/// Reader notes (docs/cin-census.md) are csc::finding values in `notes`, each
/// with rule skipped_module, stray_text, unknown_code, empty_optional_item or
/// superseded_referral. A note's `record` is the element it is about, in the
/// table cin_table::noted_elements (so where() gives that element's file and
/// line: the skipped element, the end of the element holding stray text, the
/// item with the unknown code, the empty item, the dropped CINdetails copy);
/// its related record is the census record holding that element (unknown_code
/// and empty_optional_item: the child, episode, assessment, S47, CIN plan or
/// CP plan, or the return in cin_table::files for an empty LEA; skipped_module
/// and stray_text: the innermost open record, or the return in
/// cin_table::files outside any record; superseded_referral: the kept copy of
/// the episode), or none when merge() dropped that record. `counted` is true:
/// nothing is dropped for a note.
struct cin_census {
  std::vector<cin_return_header> files;      ///< The returns, in reading order.
  std::vector<cin_child> children;           ///< Children (one per LAchildID after merge()).
  std::vector<cin_episode> episodes;         ///< CIN episodes (referrals).
  std::vector<cin_assessment> assessments;   ///< Assessments.
  std::vector<cin_plan> cin_plans;           ///< CIN plans.
  std::vector<cin_section47> section47s;     ///< Section 47 enquiries.
  std::vector<cin_cp_plan> cp_plans;         ///< Child protection plans.
  std::vector<record_source> noted_elements;    ///< Where each element a note is about was read.
  std::vector<csc::finding> notes;           ///< Everything noted, in reading (then merge) order.
  std::size_t superseded_referrals = 0;      ///< Episodes dropped by merge() for a later return's copy.
  std::vector<parse_error> rejected;         ///< Records left out because a value in them cannot be read
                                             ///< (cin_read_options::skip_invalid_records), in reading order.

  /// @brief The LAchildID of episode @p e.
  /// @param e index into `episodes`.
  /// @return the child's id.
  const std::string& child_id_of_episode(std::size_t e) const { return children[episodes[e].child].id; }

  /// @brief "file:line" of @p s, for messages.
  /// @param s a record's position.
  /// @return e.g. "return_2020_21.xml:40".
  std::string where(const record_source& s) const { return files.at(s.file).file + ":" + std::to_string(s.line); }

  /// @brief Where record @p record of table @p table was read.
  /// @param table  the table.
  /// @param record index into that table.
  /// @return its file and line; line 0 for cin_table::files.
  /// @throws std::out_of_range if @p record is not in the table.
  record_source source_of(cin_table table, std::size_t record) const {
    switch (table) {
      case cin_table::files:
        (void)files.at(record);
        return record_source{record, 0};
      case cin_table::children: return children.at(record).source;
      case cin_table::episodes: return episodes.at(record).source;
      case cin_table::assessments: return assessments.at(record).source;
      case cin_table::cin_plans: return cin_plans.at(record).source;
      case cin_table::section47s: return section47s.at(record).source;
      case cin_table::cp_plans: return cp_plans.at(record).source;
      case cin_table::noted_elements: return noted_elements.at(record);
    }
    throw std::out_of_range("not a cin_table");
  }

  /// @brief "file:line" of the record a census finding is about.
  /// @param f a reader note or a check_cin_census() finding on this census.
  /// @return e.g. "return_2020_21.xml:40" (just the file name for a cin_table::files record).
  /// @throws std::out_of_range if @p f does not name a record of this census.
  std::string where(const csc::finding& f) const { return where_in(to_cin_table(f.source), f.record); }

  /// @brief "file:line" of the other record of a census finding.
  /// @param f a reader note or a check_cin_census() finding on this census.
  /// @return as where(const csc::finding&) for `related_record`; std::nullopt when there is none.
  /// @throws std::out_of_range if the related record is not in this census.
  std::optional<std::string> where_related(const csc::finding& f) const {
    if (!f.related_record) return std::nullopt;
    return where_in(to_cin_table(f.related_source), *f.related_record);
  }

  /// @brief The child a record belongs to.
  /// @param table  the table.
  /// @param record index into that table.
  /// @return index into `children`; std::nullopt for cin_table::files and cin_table::noted_elements.
  /// @throws std::out_of_range if @p record is not in the table.
  std::optional<std::size_t> child_of(cin_table table, std::size_t record) const {
    switch (table) {
      case cin_table::children:
        (void)children.at(record);
        return record;
      case cin_table::episodes: return episodes.at(record).child;
      case cin_table::assessments: return episodes.at(assessments.at(record).episode).child;
      case cin_table::cin_plans: return episodes.at(cin_plans.at(record).episode).child;
      case cin_table::section47s: return episodes.at(section47s.at(record).episode).child;
      case cin_table::cp_plans: return episodes.at(cp_plans.at(record).episode).child;
      default: return std::nullopt;
    }
  }

  /// @brief The child a census finding is about: the child of its record,
  /// or, for a reader note, of the note's related record.
  /// @param f a reader note or a check_cin_census() finding on this census.
  /// @return index into `children` (always given for a check_cin_census()
  /// finding); std::nullopt when the finding names no child.
  /// @throws std::out_of_range if @p f does not name records of this census.
  std::optional<std::size_t> child_of(const csc::finding& f) const {
    if (auto c = child_of(to_cin_table(f.source), f.record)) return c;
    if (f.related_record) return child_of(to_cin_table(f.related_source), *f.related_record);
    return std::nullopt;
  }

 private:
  std::string where_in(cin_table table, std::size_t record) const {
    if (table == cin_table::files) return files.at(record).file;
    return where(source_of(table, record));
  }
};

/// @brief How read_cin_census() treats a record it cannot read (docs/cin-census.md).
struct cin_read_options {
  bool skip_invalid_records = false;  ///< Leave such records out (listed in cin_census::rejected) instead of
                                      ///< throwing parse_errors at the end of the return.
};

namespace detail {

// Builds a cin_census from one return, element by element. A value error inside
// a record (a Child, a CINdetails, a module) rejects the innermost of these
// records: the error is kept, the rest of the record is passed over, and when
// its element ends everything it added (records and notes, all at the tails of
// the tables) is removed. An error outside any record propagates: it stops the read.
class cin_census_builder final : public xml_handler {
 public:
  cin_census_builder(cin_census& out, std::size_t file) : out_(out), file_(file) {}

  void start(const std::string& path, std::string_view parent, std::string_view name, std::size_t line) override {
    ++depth_;
    if (rejecting_ != 0) return;  // inside a rejected record: passed over
    try {
      start_element(path, parent, name, line);
    } catch (const parse_error& e) {
      reject(e);
    }
  }

  void end(const std::string& path, std::string_view parent, std::string_view name, const std::string& text,
           std::size_t line) override {
    if (rejecting_ == 0) {
      try {
        end_element(path, parent, name, text, line);
      } catch (const parse_error& e) {
        reject(e);
      }
    }
    if (rejecting_ != 0 && rejecting_ == depth_) drop_rejected();
    --depth_;
  }

  /// The errors of the records rejected so far, in reading order.
  std::vector<parse_error>& errors() noexcept { return errors_; }

  /// The read stopped: a record rejected but not yet ended goes now.
  void stopped() {
    if (rejected_ != nullptr) drop_rejected();
  }

 private:
  // The size of every table when a record started: what rejecting it truncates them to.
  struct mark {
    std::size_t depth = 0;  // the depth of the record's element (1: the root)
    std::size_t children = 0, episodes = 0, assessments = 0, cin_plans = 0, section47s = 0, cp_plans = 0;
    std::size_t notes = 0, noted_elements = 0;
  };
  mark mark_here() const {
    return mark{depth_,
                out_.children.size(),
                out_.episodes.size(),
                out_.assessments.size(),
                out_.cin_plans.size(),
                out_.section47s.size(),
                out_.cp_plans.size(),
                out_.notes.size(),
                out_.noted_elements.size()};
  }

  // A value error: the innermost open record (module, else episode, else child) is rejected;
  // outside every record the error stops the read.
  void reject(const parse_error& e) {
    const mark* m = nullptr;
    if (!module_.empty()) m = &module_mark_;
    else if (episode_open_) m = &episode_mark_;
    else if (child_open_) m = &child_mark_;
    else throw e;
    errors_.push_back(e);
    rejected_ = m;
    rejecting_ = m->depth;
  }

  // The rejected record's element ends: everything it added goes.
  void drop_rejected() {
    const mark& m = *rejected_;
    out_.children.resize(m.children);
    out_.episodes.resize(m.episodes);
    out_.assessments.resize(m.assessments);
    out_.cin_plans.resize(m.cin_plans);
    out_.section47s.resize(m.section47s);
    out_.cp_plans.resize(m.cp_plans);
    out_.notes.resize(m.notes);
    out_.noted_elements.resize(m.noted_elements);
    module_.clear();
    if (rejected_ != &module_mark_) episode_open_ = false;
    if (rejected_ == &child_mark_) child_open_ = false;
    rejected_ = nullptr;
    rejecting_ = 0;
  }

  void start_element(const std::string& path, std::string_view parent, std::string_view name, std::size_t line) {
    if (skip_depth_ > 0) {
      ++skip_depth_;
      return;
    }
    if (name == "Children" && !reference_date_seen_)
      fail(path, line, "Header/CollectionDetails/ReferenceDate must come before Children (every record is dated against it)");
    if (name == "Child" && parent == "Children") {
      child_mark_ = mark_here();
      out_.children.push_back(cin_child{});
      out_.children.back().source = {file_, line};
      child_open_ = true;
    } else if (name == "CINdetails" && parent == "Child") {
      require_open(child_open_, path, line);
      episode_mark_ = mark_here();
      cin_episode e;
      e.child = out_.children.size() - 1;
      e.reference_date = out_.files[file_].reference_date;
      e.source = {file_, line};
      out_.episodes.push_back(e);
      episode_open_ = true;
      seen_.assign(field_count, false);
    } else if (parent == "CINdetails" && is_module(name)) {
      module_mark_ = mark_here();
      module_ = std::string(name);
      seen_module_.clear();
      if (name == "Assessments") out_.assessments.push_back(cin_assessment{episode(), {}, {}, {}, {file_, line}});
      if (name == "CINPlanDates") out_.cin_plans.push_back(cin_plan{episode(), {}, {}, {file_, line}});
      if (name == "Section47") out_.section47s.push_back(cin_section47{episode(), {}, {}, {}, {}, {file_, line}});
      if (name == "ChildProtectionPlans")
        out_.cp_plans.push_back(cin_cp_plan{episode(), {}, {}, {}, {}, {}, {}, {file_, line}});
    } else if (!is_known(parent, name)) {
      // An element the census schema does not have here (e.g. PreProceedingsandFGDM): skipped, noted.
      note(rule::skipped_module, path, line);
      skip_depth_ = 1;
    }
  }

  void end_element(const std::string& path, std::string_view parent, std::string_view name, const std::string& text,
                   std::size_t line) {
    if (skip_depth_ > 0) {
      --skip_depth_;
      return;
    }
    if (is_container(name) && !text.empty())
      note(rule::stray_text, path + ": '" + text + "'", line);
    if (parent == "CollectionDetails" && name == "Year") out_.files[file_].year = whole_number(text, path, line);
    if (parent == "CollectionDetails" && name == "ReferenceDate") {
      out_.files[file_].reference_date = date(text, path, line);
      reference_date_seen_ = true;
    }
    if (parent == "Source" && name == "LEA" && !empty_item(text, path, line)) out_.files[file_].lea = text;
    if (parent == "ChildIdentifiers") child_item(path, name, text, line);
    if (parent == "CINdetails") episode_item(path, name, text, line);
    if (parent == "Assessments" || parent == "FactorsIdentifiedAtAssessment") assessment_item(path, name, text, line);
    if (parent == "CINPlanDates") cin_plan_item(path, name, text, line);
    if (parent == "Section47") s47_item(path, name, text, line);
    if (parent == "ChildProtectionPlans" || parent == "Reviews") cp_item(path, name, text, line);
    if (parent == "CINdetails" && is_module(name)) end_module(path, line);
    if (name == "CINdetails" && parent == "Child") {
      if (!seen_[referral_date]) missing("CINreferralDate", path, line);
      if (!seen_[referral_nfa]) missing("ReferralNFA", path, line);
      episode_open_ = false;
    }
    if (name == "Child" && parent == "Children") {
      if (out_.children.back().id.empty()) missing("ChildIdentifiers/LAchildID", path, line);
      child_open_ = false;
    }
  }

  enum field { referral_date, referral_nfa, field_count };

  static bool is_module(std::string_view n) {
    return n == "Assessments" || n == "CINPlanDates" || n == "Section47" || n == "ChildProtectionPlans";
  }
  static bool is_container(std::string_view n) {
    return n == "Message" || n == "Header" || n == "CollectionDetails" || n == "Source" || n == "Children" ||
           n == "Child" || n == "ChildIdentifiers" || n == "ChildCharacteristics" || n == "Disabilities" ||
           n == "CINdetails" || is_module(n) || n == "FactorsIdentifiedAtAssessment" || n == "Reviews";
  }
  // Every element of the schema (domain-reference.md 7.1), by its parent.
  static bool is_known(std::string_view parent, std::string_view n) {
    static const std::map<std::string_view, std::vector<std::string_view>> schema = {
        {"", {"Message"}},
        {"Message", {"Header", "Children"}},
        {"Header", {"CollectionDetails", "Source"}},
        {"CollectionDetails", {"Collection", "Year", "ReferenceDate"}},
        {"Source", {"SourceLevel", "LEA", "SoftwareCode", "Release", "SerialNo", "DateTime"}},
        {"Children", {"Child"}},
        {"Child", {"ChildIdentifiers", "ChildCharacteristics", "CINdetails"}},
        {"ChildIdentifiers",
         {"LAchildID", "UPN", "FormerUPN", "UPNunknown", "PersonBirthDate", "ExpectedPersonBirthDate",
          "GenderCurrent", "Sex", "PersonDeathDate"}},
        {"ChildCharacteristics", {"Ethnicity", "Disabilities"}},
        {"Disabilities", {"Disability"}},
        {"CINdetails",
         {"CINreferralDate", "ReferralSource", "PrimaryNeedCode", "CINclosureDate", "ReasonForClosure",
          "DateOfInitialCPC", "ReferralNFA"}},
        {"Assessments",
         {"AssessmentActualStartDate", "AssessmentInternalReviewDate", "AssessmentAuthorisationDate",
          "FactorsIdentifiedAtAssessment"}},
        {"FactorsIdentifiedAtAssessment", {"AssessmentFactors"}},
        {"CINPlanDates", {"CINPlanStartDate", "CINPlanEndDate"}},
        {"Section47", {"S47ActualStartDate", "InitialCPCtarget", "DateOfInitialCPC", "ICPCnotRequired"}},
        {"ChildProtectionPlans",
         {"CPPstartDate", "CPPendDate", "InitialCategoryOfAbuse", "LatestCategoryOfAbuse", "NumberOfPreviousCPP",
          "Reviews"}},
        {"Reviews", {"CPPreviewDate"}}};
    const auto it = schema.find(parent);
    return it != schema.end() && std::find(it->second.begin(), it->second.end(), n) != it->second.end();
  }

  [[noreturn]] void fail(const std::string& path, std::size_t line, const std::string& what) const {
    throw parse_error(out_.files[file_].file, line, path, what);
  }
  void missing(const std::string& item, const std::string& path, std::size_t line) const {
    fail(path, line, "required item " + item + " is missing");
  }
  void require_open(bool open, const std::string& path, std::size_t line) const {
    if (!open) fail(path, line, "element outside its parent");
  }
  std::size_t episode() const { return out_.episodes.size() - 1; }

  civil_date date(const std::string& text, const std::string& path, std::size_t line) const {
    if (auto d = parse_iso_date(text)) return *d;
    fail(path, line, "'" + text + "' is not a valid date of the form YYYY-MM-DD");
  }
  // An optional item given as an empty element is read as absent, with an empty_optional_item note.
  bool empty_item(const std::string& text, const std::string& path, std::size_t line) {
    if (!text.empty()) return false;
    note(rule::empty_optional_item, path, line);
    return true;
  }
  std::optional<civil_date> optional_date(const std::string& text, const std::string& path, std::size_t line) {
    if (empty_item(text, path, line)) return std::nullopt;
    return date(text, path, line);
  }
  bool boolean(const std::string& text, const std::string& path, std::size_t line) const {
    if (auto b = parse_cin_boolean(text)) return *b;
    fail(path, line, "'" + text + "' is not a boolean (true/false/1/0)");
  }
  int whole_number(const std::string& text, const std::string& path, std::size_t line) const {
    long long n = 0;
    if (text.empty() || text.size() > 9) fail(path, line, "'" + text + "' is not a whole number >= 0");
    for (char ch : text) {
      if (ch < '0' || ch > '9') fail(path, line, "'" + text + "' is not a whole number >= 0");
      n = n * 10 + (ch - '0');
    }
    return static_cast<int>(n);
  }
  // A code outside its DfE list is noted (DfE's validator reports it under @p dfe_rule), not an error;
  // an empty one is absent (noted as empty_optional_item).
  void code(const std::string& text, bool known, const char* dfe_rule, const std::string& path, std::size_t line) {
    if (empty_item(text, path, line)) return;
    if (!known) note(rule::unknown_code, std::string(dfe_rule) + " " + path + ": '" + text + "'", line);
  }
  // A note about the element at @p line, related to the innermost open record.
  void note(rule r, std::string detail, std::size_t line) {
    finding f;
    f.rule = r;
    f.source = to_source(cin_table::noted_elements);
    f.record = out_.noted_elements.size();
    out_.noted_elements.push_back(record_source{file_, line});
    const auto [table, record] = innermost();
    f.related_source = to_source(table);
    f.related_record = record;
    f.detail = std::move(detail);
    out_.notes.push_back(std::move(f));
  }
  // The innermost record open while reading: a module, else the episode, else the child, else the return.
  std::pair<cin_table, std::size_t> innermost() const {
    if (module_ == "Assessments") return {cin_table::assessments, out_.assessments.size() - 1};
    if (module_ == "CINPlanDates") return {cin_table::cin_plans, out_.cin_plans.size() - 1};
    if (module_ == "Section47") return {cin_table::section47s, out_.section47s.size() - 1};
    if (module_ == "ChildProtectionPlans") return {cin_table::cp_plans, out_.cp_plans.size() - 1};
    if (episode_open_) return {cin_table::episodes, episode()};
    if (child_open_) return {cin_table::children, out_.children.size() - 1};
    return {cin_table::files, file_};
  }
  // An item given twice in one record is an error: which one counts would be a guess.
  void once(std::vector<std::string>& seen, std::string_view name, const std::string& path, std::size_t line) const {
    if (std::find(seen.begin(), seen.end(), name) != seen.end()) fail(path, line, "item given twice in one record");
    seen.emplace_back(name);
  }

  void child_item(const std::string& path, std::string_view n, const std::string& text, std::size_t line) {
    cin_child& c = out_.children.back();
    if (n == "LAchildID") {
      if (text.empty()) fail(path, line, "empty LAchildID");
      c.id = text;
    } else if (n == "PersonBirthDate") {
      c.birth = optional_date(text, path, line);
    } else if (n == "ExpectedPersonBirthDate") {
      c.expected_birth = optional_date(text, path, line);
    } else if (n == "PersonDeathDate") {
      c.death = optional_date(text, path, line);
    } else if (n == "GenderCurrent" || n == "Sex") {
      c.sex = text;
      code(text, is_sex_code(text), "4180", path, line);
    }
  }

  void episode_item(const std::string& path, std::string_view n, const std::string& text, std::size_t line) {
    if (!episode_open_ || out_.episodes.empty()) return;
    cin_episode& e = out_.episodes.back();
    if (n == "CINreferralDate") {
      e.referral = date(text, path, line);
      seen_[referral_date] = true;
    } else if (n == "CINclosureDate") {
      e.closure = optional_date(text, path, line);
    } else if (n == "ReferralSource") {
      e.referral_source = text;
      code(text, is_referral_source_code(text), "8866", path, line);
    } else if (n == "PrimaryNeedCode") {
      e.primary_need = text;
      code(text, is_primary_need_code(text), "8640", path, line);
    } else if (n == "ReasonForClosure") {
      e.reason_for_closure = text;
      code(text, is_reason_for_closure_code(text), "8650", path, line);
    } else if (n == "DateOfInitialCPC") {
      e.initial_cpc = optional_date(text, path, line);
    } else if (n == "ReferralNFA") {
      e.nfa = boolean(text, path, line);
      seen_[referral_nfa] = true;
    }
  }

  void assessment_item(const std::string& path, std::string_view n, const std::string& text, std::size_t line) {
    if (module_ != "Assessments") return;
    cin_assessment& a = out_.assessments.back();
    if (n == "AssessmentActualStartDate") {
      once(seen_module_, n, path, line);
      a.start = date(text, path, line);
    } else if (n == "AssessmentAuthorisationDate") {
      a.authorised = optional_date(text, path, line);
    } else if (n == "AssessmentFactors") {
      if (empty_item(text, path, line)) return;
      a.factors.push_back(text);
      code(text, is_assessment_factor_code(text), "8897Q", path, line);
    }
  }

  void cin_plan_item(const std::string& path, std::string_view n, const std::string& text, std::size_t line) {
    cin_plan& p = out_.cin_plans.back();
    if (n == "CINPlanStartDate") {
      once(seen_module_, n, path, line);
      p.start = date(text, path, line);
    } else if (n == "CINPlanEndDate") {
      p.end = optional_date(text, path, line);
    }
  }

  void s47_item(const std::string& path, std::string_view n, const std::string& text, std::size_t line) {
    cin_section47& s = out_.section47s.back();
    if (n == "S47ActualStartDate") {
      once(seen_module_, n, path, line);
      s.start = date(text, path, line);
    } else if (n == "InitialCPCtarget") {
      s.icpc_target = optional_date(text, path, line);
    } else if (n == "DateOfInitialCPC") {
      s.icpc = optional_date(text, path, line);
    } else if (n == "ICPCnotRequired" && !empty_item(text, path, line)) {
      s.icpc_not_required = boolean(text, path, line);
    }
  }

  void cp_item(const std::string& path, std::string_view n, const std::string& text, std::size_t line) {
    cin_cp_plan& p = out_.cp_plans.back();
    if (n == "CPPstartDate") {
      once(seen_module_, n, path, line);
      p.start = date(text, path, line);
    } else if (n == "CPPendDate") {
      p.end = optional_date(text, path, line);
    } else if (n == "InitialCategoryOfAbuse") {
      p.initial_category = text;
      code(text, is_category_of_abuse_code(text), "8905", path, line);
    } else if (n == "LatestCategoryOfAbuse") {
      p.latest_category = text;
      code(text, is_category_of_abuse_code(text), "8910", path, line);
    } else if (n == "NumberOfPreviousCPP") {
      if (!empty_item(text, path, line)) p.previous_plans = whole_number(text, path, line);
    } else if (n == "CPPreviewDate") {
      p.reviews.push_back(date(text, path, line));
    }
  }

  void end_module(const std::string& path, std::size_t line) {
    const char* required = module_ == "Assessments"    ? "AssessmentActualStartDate"
                           : module_ == "CINPlanDates" ? "CINPlanStartDate"
                           : module_ == "Section47"    ? "S47ActualStartDate"
                                                       : "CPPstartDate";
    if (std::find(seen_module_.begin(), seen_module_.end(), required) == seen_module_.end())
      missing(required, path, line);
    module_.clear();
  }

  cin_census& out_;
  std::size_t file_;
  std::size_t depth_ = 0;       // of the element being read (1: the root)
  std::size_t rejecting_ = 0;   // the depth of the rejected record being passed over (0: none)
  mark child_mark_, episode_mark_, module_mark_;
  const mark* rejected_ = nullptr;  // which of the three is being rejected
  std::vector<parse_error> errors_;
  std::size_t skip_depth_ = 0;
  bool reference_date_seen_ = false;
  bool child_open_ = false;
  bool episode_open_ = false;
  std::vector<bool> seen_;
  std::string module_;
  std::vector<std::string> seen_module_;
};

}  // namespace detail

/// @brief Reads one CIN census return from @p in into @p into (appending).
///
/// Rules (docs/cin-census.md): every element of the census schema is read;
/// GenderCurrent and Sex are both accepted, booleans as true/false/1/0, and
/// the legacy factor codes 18A/19A. An element the schema does not have is
/// skipped with a csc::rule::skipped_module note; text beside child elements
/// gives a csc::rule::stray_text note; a code outside its DfE list gives a
/// csc::rule::unknown_code note whose detail starts with DfE's rule number;
/// an optional item given as an empty element (e.g.
/// `<CINclosureDate></CINclosureDate>` or `<CPPendDate/>`, or one holding only
/// white space) is read as absent with a csc::rule::empty_optional_item note
/// whose detail is the item's path (notes are described at
/// csc::io::cin_census). The optional items are every item read other than
/// the required ones: the optional dates (PersonBirthDate,
/// ExpectedPersonBirthDate, PersonDeathDate, CINclosureDate, DateOfInitialCPC,
/// AssessmentAuthorisationDate, CINPlanEndDate, InitialCPCtarget,
/// CPPendDate), the codes (GenderCurrent/Sex, ReferralSource,
/// PrimaryNeedCode, ReasonForClosure, AssessmentFactors,
/// InitialCategoryOfAbuse, LatestCategoryOfAbuse), ICPCnotRequired,
/// NumberOfPreviousCPP and Source/LEA. The document's declared encoding is
/// honoured (csc::io::xml_reader); text in the tables is UTF-8.
///
/// A record that cannot be read (a date that is not YYYY-MM-DD, a boolean or
/// count that does not parse, a required item missing or empty: LAchildID,
/// CINreferralDate, ReferralNFA, each module's start date; a module's start
/// date given twice) is rejected, and the rest of the return is still read.
/// The record rejected is the innermost of these elements around the fault
/// (the innermost in the error's element path): a module (Assessments,
/// CINPlanDates, Section47, ChildProtectionPlans) alone; a CINdetails (the
/// episode with all its modules) for a fault in it outside its modules; a
/// Child (with all its episodes and modules) for a fault in it outside its
/// CINdetails (ChildIdentifiers, ChildCharacteristics, a missing LAchildID).
/// A rejected record is left out with everything in it and the notes made
/// while reading it; the indices of every other record are as if it had never
/// been in the file. Only the first fault of a record is reported.
/// @param in      the XML of one return.
/// @param file    names the return in messages and in cin_census::files.
/// @param into    the census the return's records are appended to.
/// @param options with `skip_invalid_records`, rejected records are listed in
///                cin_census::rejected (parse_error values, in reading order)
///                instead of being thrown.
/// @throws parse_errors (unless `options.skip_invalid_records`) at the end of
/// the return, listing every rejected record's error in reading order (each
/// naming file, line and element path; what() lists the first 50).
/// @throws parse_error naming file, line and element path for a fault that
/// stops the read at once: XML that is not well-formed or in an encoding not
/// read, a read error, or a fault outside every Child (ReferenceDate missing
/// before Children, a Year or ReferenceDate that does not parse). Without
/// `skip_invalid_records`, when records were rejected before it, parse_errors
/// is thrown instead, listing their errors and then this one. @p into then
/// holds what was read before the fault, without the rejected records (with
/// `skip_invalid_records` they are listed in cin_census::rejected).
inline void read_cin_census(std::istream& in, const std::string& file, cin_census& into,
                            const cin_read_options& options = {}) {
  into.files.push_back(cin_return_header{file, 0, civil_date{}, {}});
  detail::cin_census_builder builder(into, into.files.size() - 1);
  std::vector<parse_error>& errors = builder.errors();
  const auto keep_rejected = [&] {
    for (parse_error& e : errors) into.rejected.push_back(std::move(e));
  };
  try {
    xml_reader::read(in, file, builder);
  } catch (const parse_error& stop) {
    builder.stopped();
    if (options.skip_invalid_records) {
      keep_rejected();
      throw;
    }
    if (errors.empty()) throw;
    errors.push_back(stop);
    throw parse_errors(std::move(errors));
  }
  if (options.skip_invalid_records) keep_rejected();
  else if (!errors.empty()) throw parse_errors(std::move(errors));
}

/// @brief Merges the returns read into @p census, as councils send them: one
/// file per year, where a referral still open at one ReferenceDate appears
/// again in the next return.
///
/// Rules (docs/cin-census.md): a child is one LAchildID across all returns
/// (its identifiers taken from the return with the latest ReferenceDate); a
/// referral is one (LAchildID, CINreferralDate); when it appears in several
/// returns the copy from the return with the latest ReferenceDate is kept,
/// with all its nested records, and the others are dropped with a
/// csc::rule::superseded_referral note each (counted in superseded_referrals;
/// the note's record is the dropped copy's CINdetails element in
/// cin_table::noted_elements, related to the kept episode). Two copies from
/// returns with the same ReferenceDate are not merged: both stay, and the
/// checks report them (8820). Records keep their file and line; the related
/// records of earlier notes are renumbered, and cleared when merge() drops them.
///
/// Two returns of one LA with the same ReferenceDate are refused: one return
/// given twice (a copy under another name, say) or two versions of one return,
/// whose every referral would otherwise count twice. Two returns are of one LA
/// when their Source/LEA is the same, or when either gives none (they cannot be
/// told apart). Nothing is merged then.
/// @param census the returns as read by read_cin_census(); merged in place.
/// @throws std::invalid_argument naming both files, the LA and the ReferenceDate
/// when two returns of one LA have the same ReferenceDate; @p census is unchanged.
inline void merge(cin_census& census) {
  constexpr std::size_t dropped = static_cast<std::size_t>(-1);
  for (std::size_t b = 0; b < census.files.size(); ++b)
    for (std::size_t a = 0; a < b; ++a) {
      const cin_return_header& x = census.files[a];
      const cin_return_header& y = census.files[b];
      if (!(x.reference_date == y.reference_date)) continue;
      if (!x.lea.empty() && !y.lea.empty() && x.lea != y.lea) continue;
      const std::string la = x.lea.empty() ? (y.lea.empty() ? std::string("one LA (no Source/LEA given)")
                                                             : "LA " + y.lea + " (" + x.file + " gives no Source/LEA)")
                                           : "LA " + x.lea + (y.lea.empty() ? " (" + y.file + " gives no Source/LEA)" : "");
      throw std::invalid_argument(x.file + " and " + y.file + " are both returns of " + la + " with ReferenceDate " +
                                  to_iso_string(y.reference_date) +
                                  ": one return given twice, or two versions of one return; give one (every "
                                  "referral in it would count twice)");
    }
  // Child ids: one child per LAchildID, the latest return's identifiers.
  std::map<std::string, std::size_t> child_index;
  std::vector<cin_child> children;
  std::vector<std::size_t> child_map(census.children.size());
  for (std::size_t c = 0; c < census.children.size(); ++c) {
    const cin_child& ch = census.children[c];
    const auto [it, added] = child_index.emplace(ch.id, children.size());
    if (added) {
      children.push_back(ch);
    } else if (census.files[ch.source.file].reference_date > census.files[children[it->second].source.file].reference_date) {
      children[it->second] = ch;
    }
    child_map[c] = it->second;
  }
  // Referrals: keep the copy of (child, referral date) from the latest ReferenceDate.
  std::map<std::pair<std::size_t, day>, std::vector<std::size_t>> copies;
  for (std::size_t e = 0; e < census.episodes.size(); ++e) {
    census.episodes[e].child = child_map[census.episodes[e].child];
    copies[{census.episodes[e].child, day(census.episodes[e].referral)}].push_back(e);
  }
  std::vector<bool> keep(census.episodes.size(), true);
  for (const auto& [key, list] : copies) {
    if (list.size() < 2) continue;
    civil_date latest{};
    for (std::size_t e : list) latest = std::max(latest, census.episodes[e].reference_date);
    std::size_t kept = list.front();
    for (std::size_t e : list)
      if (census.episodes[e].reference_date == latest) {
        kept = e;
        break;
      }
    for (std::size_t e : list) {
      if (census.episodes[e].reference_date == latest) continue;
      keep[e] = false;
      ++census.superseded_referrals;
      finding f;
      f.rule = rule::superseded_referral;
      f.source = to_source(cin_table::noted_elements);
      f.record = census.noted_elements.size();
      census.noted_elements.push_back(census.episodes[e].source);
      f.related_source = to_source(cin_table::episodes);
      f.related_record = kept;  // renumbered below with every other note
      f.detail = children[key.first].id + " referral " + to_iso_string(census.episodes[e].referral) +
                 ": a later return (ReferenceDate " + to_iso_string(latest) + ") has it";
      census.notes.push_back(std::move(f));
    }
  }
  std::vector<std::size_t> episode_map(census.episodes.size(), dropped);
  std::vector<cin_episode> episodes;
  for (std::size_t e = 0; e < census.episodes.size(); ++e) {
    if (!keep[e]) continue;
    episode_map[e] = episodes.size();
    episodes.push_back(census.episodes[e]);
  }
  // Keeps the records of kept episodes; returns each old index's new one (or `dropped`).
  const auto remap = [&](auto& records) {
    using record = typename std::decay_t<decltype(records)>::value_type;
    std::vector<record> kept;
    std::vector<std::size_t> map(records.size(), dropped);
    for (std::size_t i = 0; i < records.size(); ++i) {
      record& r = records[i];
      if (!keep[r.episode]) continue;
      r.episode = episode_map[r.episode];
      map[i] = kept.size();
      kept.push_back(std::move(r));
    }
    records = std::move(kept);
    return map;
  };
  const std::vector<std::size_t> assessment_map = remap(census.assessments);
  const std::vector<std::size_t> cin_plan_map = remap(census.cin_plans);
  const std::vector<std::size_t> section47_map = remap(census.section47s);
  const std::vector<std::size_t> cp_plan_map = remap(census.cp_plans);
  census.children = std::move(children);
  census.episodes = std::move(episodes);
  // Notes: their related records, renumbered.
  for (finding& f : census.notes) {
    if (!f.related_record) continue;
    const std::vector<std::size_t>* map = nullptr;
    switch (to_cin_table(f.related_source)) {
      case cin_table::children: map = &child_map; break;
      case cin_table::episodes: map = &episode_map; break;
      case cin_table::assessments: map = &assessment_map; break;
      case cin_table::cin_plans: map = &cin_plan_map; break;
      case cin_table::section47s: map = &section47_map; break;
      case cin_table::cp_plans: map = &cp_plan_map; break;
      default: break;
    }
    if (!map) continue;
    const std::size_t now = map->at(*f.related_record);
    if (now == dropped) f.related_record.reset();
    else f.related_record = now;
  }
}

/// @brief Every date in @p census, among those the figures are made of, that
/// is after the ReferenceDate of the return it came from (docs/cin-census.md,
/// docs/rules/extract-date.md: nothing after the extract date is counted).
///
/// Rules (DfE validation rules, domain-reference.md section 7.3): CINreferralDate
/// (8600) and CINclosureDate (8620) of each episode, CPPstartDate (8720) and
/// CPPendDate (8930) of each CP plan, CINPlanStartDate (4010) and CINPlanEndDate
/// (4013) of each CIN plan, each compared with its episode's ReferenceDate. Only
/// the "after the ReferenceDate" half of 8620, 8930 and 4013 ("within the census
/// year") is checked: a closure before the census year is a carried-over case's.
/// Other items (assessments, S47s, reviews) do not make the figures and are not
/// checked here.
/// @param census the returns as read by read_cin_census() (merged or not).
/// @return one parse_error per late date, in table order (episodes, CP plans, CIN
/// plans, each in reading order): the file and line of the record's element
/// (CINdetails, ChildProtectionPlans, CINPlanDates), the item's element path, the
/// date, the ReferenceDate and the DfE rule; empty when there is none.
inline std::vector<parse_error> dates_after_reference_date(const cin_census& census) {
  std::vector<parse_error> out;
  const auto check = [&](const record_source& where, const civil_date& reference_date, const char* path,
                         const std::optional<civil_date>& date, int dfe_rule) {
    if (!date || !(reference_date < *date)) return;
    out.emplace_back(census.files.at(where.file).file, where.line, path,
                     to_iso_string(*date) + " is after the return's ReferenceDate " + to_iso_string(reference_date) +
                         " (DfE rule " + std::to_string(dfe_rule) +
                         "); nothing after the extract date is counted");
  };
  for (const cin_episode& e : census.episodes) {
    check(e.source, e.reference_date, "Message/Children/Child/CINdetails/CINreferralDate", e.referral, 8600);
    check(e.source, e.reference_date, "Message/Children/Child/CINdetails/CINclosureDate", e.closure, 8620);
  }
  for (const cin_cp_plan& p : census.cp_plans) {
    const civil_date& rd = census.episodes.at(p.episode).reference_date;
    check(p.source, rd, "Message/Children/Child/CINdetails/ChildProtectionPlans/CPPstartDate", p.start, 8720);
    check(p.source, rd, "Message/Children/Child/CINdetails/ChildProtectionPlans/CPPendDate", p.end, 8930);
  }
  for (const cin_plan& p : census.cin_plans) {
    const civil_date& rd = census.episodes.at(p.episode).reference_date;
    check(p.source, rd, "Message/Children/Child/CINdetails/CINPlanDates/CINPlanStartDate", p.start, 4010);
    check(p.source, rd, "Message/Children/Child/CINdetails/CINPlanDates/CINPlanEndDate", p.end, 4013);
  }
  return out;
}

}  // namespace csc::io

#endif  // CSC_IO_CIN_CENSUS_HPP
