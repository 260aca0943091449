/// @file
/// @brief `csc::finding`: a data-quality finding about one input record, and
/// `csc::rule`, the rules findings are raised under, each with a stable name
/// and DfE's rule number where DfE has one (docs/rules/cp-plan-checks.md,
/// docs/rules/cin-census-checks.md, docs/rules/duplicate-referral-date.md,
/// docs/rules/stepdown.md). Findings never remove a record silently.
#ifndef CSC_CORE_FINDING_HPP
#define CSC_CORE_FINDING_HPP

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace csc {

/// @brief Every rule a csc-metrics finding can be raised under.
///
/// The classifiers and the CIN census reader and checks share this one list,
/// so one defect has one rule whatever route found it (a plan ending before
/// it starts is rule::cpp_end_before_start, DfE 8925, from
/// classify_cp_plans() and from check_cin_census() alike).
enum class rule : std::uint8_t {
  duplicate_referral_date,        ///< Two referrals of one child on one date (csc-metrics rule).
  cpp_end_before_start,           ///< DfE 8925: CPPendDate before CPPstartDate.
  cpp_overlap,                    ///< DfE 8940: a CP plan starts within another plan of the child.
  cpp_same_day_start_end,         ///< DfE 8840: a CP plan starts and ends on the same day.
  cpp_more_than_one_open,         ///< DfE 8935: more than one open CP plan.
  previous_cpp_declared_too_low,  ///< NumberOfPreviousCPP below the plans in the history (csc-metrics rule).
  previous_cpp_missing,           ///< DfE 8730: NumberOfPreviousCPP not given.
  episode_end_before_start,       ///< A service episode ends before it starts (csc-metrics rule).
  episode_same_level_overlap,     ///< Two episodes of one child at one level share a day (csc-metrics rule).
  cin_closure_before_referral,    ///< DfE 8630: CINclosureDate before CINreferralDate.
  more_than_one_open_episode,     ///< DfE 8815: more than one open, non-NFA CIN episode.
  open_episode_not_latest,        ///< DfE 8816: an open, non-NFA episode is not the latest referral.
  referral_within_other_episode,  ///< DfE 8820: a referral date falls within another episode.
  date_after_closure,             ///< DfE 8565: a date on DfE's 8565 list after CINclosureDate.
  assessment_before_referral,     ///< DfE 1103: AssessmentActualStartDate before CINreferralDate.
  icpc_before_referral,           ///< DfE 1104: DateOfInitialCPC before CINreferralDate.
  cpp_before_referral,            ///< DfE 1105: CPPstartDate before CINreferralDate.
  s47_before_referral,            ///< DfE 2889: S47ActualStartDate before CINreferralDate.
  cin_plan_overlap,               ///< DfE 4014: a CIN plan starts within another CIN plan.
  cin_and_cp_plan_concurrent,     ///< DfE 4001 (4016/4017): a CIN plan and a CP plan both open in one episode, or one starting within the other.
  unknown_code,                   ///< A code outside its DfE code list (noted, not an error).
  skipped_module,                 ///< An element the census schema does not have there (skipped, noted).
  stray_text,                     ///< Text inside a container element (ignored, noted).
  superseded_referral,            ///< A referral replaced by a later return's copy (csc-metrics merge rule).
  duplicate_record,               ///< A CSV row repeating another row of its file in every column (read once; docs/inputs.md).
  invalid_record,                 ///< A record that cannot be read, left out on request (not counted; docs/inputs.md).
  cpp_date_after_closure,         ///< CPPstartDate or CPPreviewDate after CINclosureDate (csc-metrics rule; not on DfE's 8565 list).
  empty_optional_item             ///< An optional census item given as an empty element, read as absent (noted).
};

/// @brief Number of csc::rule values (for arrays indexed by rule).
inline constexpr std::size_t rule_count = 28;

/// @brief The stable name of @p r, as csc-report's JSON writes it.
/// @param r the rule.
/// @return e.g. "cpp_overlap"; "invalid" for a value outside the enum.
constexpr std::string_view to_string(rule r) noexcept {
  switch (r) {
    case rule::duplicate_referral_date: return "duplicate_referral_date";
    case rule::cpp_end_before_start: return "cpp_end_before_start";
    case rule::cpp_overlap: return "cpp_overlap";
    case rule::cpp_same_day_start_end: return "cpp_same_day_start_end";
    case rule::cpp_more_than_one_open: return "cpp_more_than_one_open";
    case rule::previous_cpp_declared_too_low: return "previous_cpp_declared_too_low";
    case rule::previous_cpp_missing: return "previous_cpp_missing";
    case rule::episode_end_before_start: return "episode_end_before_start";
    case rule::episode_same_level_overlap: return "episode_same_level_overlap";
    case rule::cin_closure_before_referral: return "cin_closure_before_referral";
    case rule::more_than_one_open_episode: return "more_than_one_open_episode";
    case rule::open_episode_not_latest: return "open_episode_not_latest";
    case rule::referral_within_other_episode: return "referral_within_other_episode";
    case rule::date_after_closure: return "date_after_closure";
    case rule::assessment_before_referral: return "assessment_before_referral";
    case rule::icpc_before_referral: return "icpc_before_referral";
    case rule::cpp_before_referral: return "cpp_before_referral";
    case rule::s47_before_referral: return "s47_before_referral";
    case rule::cin_plan_overlap: return "cin_plan_overlap";
    case rule::cin_and_cp_plan_concurrent: return "cin_and_cp_plan_concurrent";
    case rule::unknown_code: return "unknown_code";
    case rule::skipped_module: return "skipped_module";
    case rule::stray_text: return "stray_text";
    case rule::superseded_referral: return "superseded_referral";
    case rule::duplicate_record: return "duplicate_record";
    case rule::invalid_record: return "invalid_record";
    case rule::cpp_date_after_closure: return "cpp_date_after_closure";
    case rule::empty_optional_item: return "empty_optional_item";
  }
  return "invalid";
}

/// @brief DfE's validation rule number of @p r (CIN census business rules,
/// docs/rules/cin-census-checks.md).
/// @param r the rule.
/// @return e.g. 8940 for rule::cpp_overlap; std::nullopt for a csc-metrics rule
/// DfE has no number for.
constexpr std::optional<int> dfe_rule_number(rule r) noexcept {
  switch (r) {
    case rule::cpp_end_before_start: return 8925;
    case rule::cpp_overlap: return 8940;
    case rule::cpp_same_day_start_end: return 8840;
    case rule::cpp_more_than_one_open: return 8935;
    case rule::previous_cpp_missing: return 8730;
    case rule::cin_closure_before_referral: return 8630;
    case rule::more_than_one_open_episode: return 8815;
    case rule::open_episode_not_latest: return 8816;
    case rule::referral_within_other_episode: return 8820;
    case rule::date_after_closure: return 8565;
    case rule::assessment_before_referral: return 1103;
    case rule::icpc_before_referral: return 1104;
    case rule::cpp_before_referral: return 1105;
    case rule::s47_before_referral: return 2889;
    case rule::cin_plan_overlap: return 4014;
    case rule::cin_and_cp_plan_concurrent: return 4001;
    default: return std::nullopt;
  }
}

/// @brief A data-quality finding about one record.
///
/// A record is named by its index in the input it came from: for an
/// algorithm over one host range, `source` is 0 and `record` the index in
/// that range; for csc::build_timelines, `source` is the position of the
/// episode source in its argument list; for csc::io::cin_census, `source` is
/// a csc::io::cin_table and `record` the index in that table (so the host maps
/// it back to its own id, line or XML element). `counted` says whether the
/// record still takes part in the counts; the docs page of each rule states which.
struct finding {
  csc::rule rule = csc::rule::duplicate_referral_date;  ///< The rule the record fails.
  std::size_t record = 0;                    ///< Index of the record the finding is about.
  std::size_t source = 0;                    ///< Which input holds `record`.
  std::optional<std::size_t> related_record; ///< Index of the other record involved, if any.
  std::size_t related_source = 0;            ///< Which input holds `related_record`.
  bool counted = true;                       ///< True iff the record is still included in the counts.
  std::string detail;                        ///< What failed, with the dates ("" when the rule says it all).
  /// Line, in the file of `record`, of the other row involved when it is not a record (a row
  /// repeating `record`'s, read once: rule::duplicate_record); 0 when none.
  std::size_t related_line = 0;
};

}  // namespace csc

#endif  // CSC_CORE_FINDING_HPP
