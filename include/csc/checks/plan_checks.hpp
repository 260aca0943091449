/// @file
/// @brief `csc::plan_checker`: DfE's plan rules 8925, 8840, 8935 and 8940
/// (and 4014 for CIN plans), implemented once and shared by
/// csc::classify_cp_plans and csc::io::check_cin_census
/// (docs/rules/cp-plan-checks.md, docs/rules/cin-census-checks.md).
/// @ingroup checks
#ifndef CSC_CHECKS_PLAN_CHECKS_HPP
#define CSC_CHECKS_PLAN_CHECKS_HPP

#include <csc/core/day.hpp>
#include <csc/core/finding.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <utility>

/// @defgroup checks Data-quality checks
/// @brief DfE's validation rules, each implemented once, reported as csc::finding.

namespace csc {

/// @addtogroup checks
/// @{

/// @brief One plan as the plan checks see it.
struct plan_dates {
  day start;               ///< First day of the plan.
  std::optional<day> end;  ///< Last day; empty while open.
  /// The day an open plan is known to run to: the extract date (classifiers)
  /// or the ReferenceDate of the return it came from (census checks).
  day open_until;
  std::size_t record = 0;  ///< The plan's index in its input (for findings).
  std::size_t source = 0;  ///< The input holding it (for findings).
};

/// @brief Which rule each check raises; an empty one is not checked.
struct plan_rules {
  std::optional<rule> end_before_start;    ///< 8925 for CP plans.
  std::optional<rule> same_day_start_end;  ///< 8840 for CP plans.
  std::optional<rule> more_than_one_open;  ///< 8935 for CP plans.
  std::optional<rule> overlap;             ///< 8940 for CP plans, 4014 for CIN plans.
  const char* plan = "CP plan";            ///< What a plan is called in finding details.
  const char* start_item = "CPPstartDate"; ///< The start item's name in finding details.
  const char* end_item = "CPPendDate";     ///< The end item's name in finding details.

  /// @brief DfE's CP plan rules (8925, 8840, 8935, 8940).
  /// @return the rules for child protection plans.
  static plan_rules cp_plans() {
    return {rule::cpp_end_before_start, rule::cpp_same_day_start_end, rule::cpp_more_than_one_open, rule::cpp_overlap,
            "CP plan", "CPPstartDate", "CPPendDate"};
  }
  /// @brief DfE's CIN plan overlap rule (4014).
  /// @return the rules for CIN plans.
  static plan_rules cin_plans() {
    return {std::nullopt, std::nullopt, std::nullopt, rule::cin_plan_overlap, "CIN plan", "CINPlanStartDate",
            "CINPlanEndDate"};
  }
};

/// @brief Checks one child's plans, given in the order (start, end with open
/// last, input order), against DfE's plan rules.
///
/// Rules (docs/rules/cp-plan-checks.md):
/// - end before start (8925): the plan is not counted (it takes no part in
///   any other check or count); every other finding leaves it counted;
/// - same-day start and end (8840);
/// - more than one open (8935): each open plan after the first, related to the first;
/// - overlap (8940, inclusive): the plan starts on or before the last day of
///   a plan earlier in that order (its end, or `open_until` while open);
///   related to the earlier plan with the latest last day. Two plans starting
///   on the same day are one overlap, reported on the later in that order.
class plan_checker {
 public:
  /// @brief A checker raising @p rules.
  /// @param rules the rule of each check.
  explicit plan_checker(plan_rules rules) : rules_(std::move(rules)) {}

  /// @brief Forgets the previous child's plans: call before each child.
  void next_child() noexcept {
    has_latest_ = false;
    has_first_open_ = false;
  }

  /// @brief Checks plan @p p, the next of the current child in order.
  /// @tparam Sink callable `void(csc::finding&&)`.
  /// @param p    the plan.
  /// @param sink receives each finding.
  /// @return false iff the plan ends before it starts (it is then not counted).
  template <class Sink>
  bool check(const plan_dates& p, Sink&& sink) {
    if (p.end && *p.end < p.start) {
      if (rules_.end_before_start)
        sink(make(*rules_.end_before_start, p, nullptr, false,
                  std::string(rules_.end_item) + ' ' + to_iso_string(*p.end) + " is before " + rules_.start_item + ' ' +
                      to_iso_string(p.start)));
      return false;
    }
    if (rules_.overlap && has_latest_ && p.start <= last_of(latest_))
      sink(make(*rules_.overlap, p, &latest_, true,
                std::string(rules_.plan) + " starting " + to_iso_string(p.start) + " falls within the one from " +
                    to_iso_string(latest_.start) +
                    (latest_.end ? " to " + to_iso_string(*latest_.end) : std::string(" (open)"))));
    if (rules_.same_day_start_end && p.end && *p.end == p.start)
      sink(make(*rules_.same_day_start_end, p, nullptr, true, "starts and ends on " + to_iso_string(p.start)));
    if (!p.end) {
      if (has_first_open_) {
        if (rules_.more_than_one_open)
          sink(make(*rules_.more_than_one_open, p, &first_open_, true,
                    "a second open " + std::string(rules_.plan) + " (start " + to_iso_string(p.start) + ")"));
      } else {
        first_open_ = p;
        has_first_open_ = true;
      }
    }
    if (!has_latest_ || ends_no_earlier(p, latest_)) {
      latest_ = p;
      has_latest_ = true;
    }
    return true;
  }

 private:
  static day last_of(const plan_dates& p) noexcept { return p.end ? *p.end : p.open_until; }
  // An open plan ends after every ended one, whatever open_until is.
  static bool ends_no_earlier(const plan_dates& a, const plan_dates& b) noexcept {
    return !a.end || (b.end && *a.end >= *b.end);
  }
  static finding make(rule r, const plan_dates& p, const plan_dates* related, bool counted, std::string detail) {
    finding f;
    f.rule = r;
    f.record = p.record;
    f.source = p.source;
    if (related) {
      f.related_record = related->record;
      f.related_source = related->source;
    }
    f.counted = counted;
    f.detail = std::move(detail);
    return f;
  }

  plan_rules rules_;
  // Plain members with flags, not std::optional<plan_dates>: GCC 12 at -O2 gives a
  // false -Wmaybe-uninitialized on the optional's payload (an error under -Werror).
  plan_dates latest_{};      // the plan with the latest last day so far (iff has_latest_)
  plan_dates first_open_{};  // the first open plan (iff has_first_open_)
  bool has_latest_ = false;
  bool has_first_open_ = false;
};

/// @}

}  // namespace csc

#endif  // CSC_CHECKS_PLAN_CHECKS_HPP
