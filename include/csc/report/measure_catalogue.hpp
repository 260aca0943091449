/// @file
/// @brief The measures of a series table (csc/report/series_table.hpp): each
/// measure's name, the classification it is counted from, its direction
/// (lower or higher is better, for targets and published comparisons) and
/// what it needs (a population, a family item), and whether a figure meets a
/// target (docs/rules/series.md, docs/rules/benchmarks.md).
#ifndef CSC_REPORT_MEASURE_CATALOGUE_HPP
#define CSC_REPORT_MEASURE_CATALOGUE_HPP

#include <csc/calendar/series.hpp>
#include <csc/report/comparison.hpp>
#include <csc/report/suppression.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace csc {

/// @brief The classification a series measure is counted from.
/// Source: docs/rules/series.md (series table).
enum class measure_source {
  referrals,  ///< Referrals classified by classify_rereferrals (DfE C1).
  cp_plans,   ///< CP plans classified by classify_cp_plans (DfE D3, D5).
  stepdown    ///< Service transitions classified by classify_transitions.
};

/// @brief The history a measure's figure for a period needs before the period starts
/// (docs/rules/completeness.md).
enum class history_need : std::uint8_t {
  none,           ///< None: the period's own records.
  look_back,      ///< The re-referral look-back (rereferral_policy::look_back, 12 months by default).
  repeat_window,  ///< The repeat window of D3 (cp_plan_policy::repeat_window, 24 months by default).
  any             ///< All earlier plans (second or subsequent), unless declared counts stand in for them.
};

/// @brief One measure of a series table. Source: docs/rules/series.md (series table).
struct measure_info {
  std::string_view name;   ///< Column name, e.g. "rereferral_percent" (DfE's published column where there is one).
  measure_source source;   ///< The classification it is counted from.
  bool lower_is_better;    ///< Its direction, for targets and published comparisons (docs/rules/benchmarks.md).
  bool needs_population;   ///< A rate per 10,000: shown only with a population (docs/rules/rates.md).
  bool needs_family;       ///< A distinct-family count: shown only with a family item (docs/rules/families.md).
  csc::history_need history;  ///< What it needs before the period (docs/rules/completeness.md).
  bool needs_follow_up;    ///< Provisional while the follow-up of its records is incomplete (docs/rules/completeness.md).
  std::string_view label;  ///< Plain-language label for human formats, in DfE's wording where DfE has one
                           ///< (docs/rules/series.md, "Labels"); JSON keeps @ref name.
};

/// @brief Every series measure, in column order.
/// Source: docs/rules/series.md (series table); directions: docs/rules/benchmarks.md.
inline constexpr std::array<measure_info, 23> series_measures{{
    {"referral_count", measure_source::referrals, false, false, false, history_need::none, false, "Referrals"},
    {"rereferral_count", measure_source::referrals, true, false, false, history_need::look_back, false, "Re-referrals within 12 months"},
    {"rereferral_percent", measure_source::referrals, true, false, false, history_need::look_back, false, "Referrals within 12 months of a previous referral (%)"},
    {"rereferral_share_percent", measure_source::referrals, false, false, false, history_need::look_back, false, "Share of all re-referrals in the period (%)"},
    {"referral_rate_per_10000", measure_source::referrals, false, true, false, history_need::none, false, "Referrals per 10,000 children"},
    {"referral_family_count", measure_source::referrals, false, false, true, history_need::none, false, "Families referred"},
    {"children_3_plus_referrals", measure_source::referrals, true, false, false, history_need::none, false, "Children with 3 or more referrals in the period"},
    {"referral_assessment_count", measure_source::referrals, false, false, false, history_need::none, false, "Referrals with an assessment started within the outcome days"},
    {"referral_assessment_percent", measure_source::referrals, false, false, false, history_need::none, false, "Referrals with an assessment started within the outcome days (%)"},
    {"referral_s47_count", measure_source::referrals, false, false, false, history_need::none, false, "Referrals with a Section 47 enquiry started within the outcome days"},
    {"referral_s47_percent", measure_source::referrals, false, false, false, history_need::none, false, "Referrals with a Section 47 enquiry started within the outcome days (%)"},
    {"referral_nfa_count", measure_source::referrals, true, false, false, history_need::none, false, "Referrals with no further action"},
    {"referral_nfa_percent", measure_source::referrals, true, false, false, history_need::none, false, "Referrals with no further action (%)"},
    {"CPP_start", measure_source::cp_plans, false, false, false, history_need::none, false, "Child protection plans started"},
    {"CPP_subsequent", measure_source::cp_plans, true, false, false, history_need::any, false, "Second or subsequent plans started"},
    {"CPP_subsequent_percent", measure_source::cp_plans, true, false, false, history_need::any, false, "Plans that were a second or subsequent plan (%)"},
    {"CPP_subsequent_within_2y_percent", measure_source::cp_plans, true, false, false, history_need::repeat_window, false, "Second or subsequent plans within 2 years of the previous plan (%)"},
    {"CPP_open", measure_source::cp_plans, false, false, false, history_need::none, false, "Child protection plans open at the period end"},
    {"CPP_start_rate_per_10000", measure_source::cp_plans, false, true, false, history_need::none, false, "Child protection plans started per 10,000 children"},
    {"CPP_family_start", measure_source::cp_plans, false, false, true, history_need::none, false, "Families with a plan started"},
    {"step_downs", measure_source::stepdown, false, false, false, history_need::none, false, "Step-downs"},
    {"step_downs_re_escalated_percent", measure_source::stepdown, true, false, false, history_need::none, true, "Step-downs re-escalated within the window (%)"},
    {"bounces", measure_source::stepdown, true, false, false, history_need::none, true, "Bounces back after a step-down"},
}};

/// @brief The series measure named @p name. Source: docs/rules/series.md (series table).
/// @param name a measure name, e.g. "CPP_subsequent_percent" (exact, case-sensitive).
/// @return its entry in series_measures, or nullptr when there is none.
constexpr const measure_info* find_measure(std::string_view name) noexcept {
  for (const measure_info& m : series_measures)
    if (m.name == name) return &m;
  return nullptr;
}

/// @brief The plain-language label of a measure compared with DfE's published
/// tables (csc::published_comparison::label): a series measure's
/// measure_info::label, or DfE's wording for the published measures that are
/// not series measures. Source: docs/rules/benchmarks.md (measures compared);
/// DfE, Characteristics of children in need, tables C1 and D5.
/// @param name the measure, e.g. "rereferral_percent", "no_further_action_percent",
///             "2_years_or_more_percent" (D5).
/// @return the label; @p name itself when it has none.
constexpr std::string_view published_measure_label(std::string_view name) noexcept {
  if (const measure_info* m = find_measure(name)) return m->label;
  if (name == "no_further_action_percent") return "Referrals that resulted in no further action (%)";
  if (name == "2_years_or_more_percent")
    return "Child protection plans open at 31 March that had lasted 2 years or more (%)";
  return name;
}

/// @brief The label of measure @p m in a series of kind @p kind: its
/// measure_info::label, and for a rate per 10,000 in a series of periods
/// shorter than a year the period it counts, as rates are not annualised
/// ("Referrals per 10,000 children (in the quarter, not annualised)").
/// Source: docs/rules/rates.md (sub-annual rates).
/// @param m    the measure.
/// @param kind the series kind.
/// @return the label.
inline std::string series_measure_label(const measure_info& m, series_kind kind) {
  std::string label(m.label);
  if (!m.needs_population) return label;
  switch (kind) {
    case series_kind::monthly: return label + " (in the month, not annualised)";
    case series_kind::quarterly: return label + " (in the quarter, not annualised)";
    case series_kind::year_to_date: return label + " (year to date, not annualised)";
    case series_kind::single: return label + " (in the period, not annualised)";
    default: return label;
  }
}

/// @brief Whether figure @p f of measure @p m meets @p target, by the
/// measure's direction (csc::meets_target: the target itself is met).
/// Source: docs/rules/benchmarks.md (targets).
/// @param f      the figure (a cell of the series table).
/// @param m      its measure.
/// @param target the target value.
/// @return true or false; std::nullopt when @p f is undefined or suppressed.
inline std::optional<bool> target_met(const figure& f, const measure_info& m, double target) {
  if (!f.value || f.suppressed) return std::nullopt;
  return meets_target(*f.value, target, m.lower_is_better);
}

}  // namespace csc

#endif  // CSC_REPORT_MEASURE_CATALOGUE_HPP
