/// @file
/// @brief `csc::finding`: a data-quality finding about one input record
/// (counting-rules.md section 6). Findings never remove a record silently.
#ifndef CSC_FINDING_HPP
#define CSC_FINDING_HPP

#include <cstddef>
#include <string_view>

namespace csc {

/// @brief "No record": the value of a record index that does not refer to one.
inline constexpr std::size_t no_record = static_cast<std::size_t>(-1);

/// @brief A data-quality finding about one record of the caller's input range.
///
/// Records are named by their index in the range the caller passed (so the
/// host maps it back to its own id, line or XML element); algorithms that take
/// several ranges (csc::build_timelines) also name the range, by its position
/// in the argument list (`source`, `related_source`). `counted` says
/// whether the record still takes part in the counts; the docs page of each
/// rule states which.
struct finding {
  std::string_view rule;                  ///< Rule name, e.g. "duplicate_referral_date" (a string literal).
  std::size_t record = no_record;         ///< Index of the record the finding is about.
  std::size_t related_record = no_record; ///< Index of the other record involved, if any.
  bool counted = true;                    ///< True iff the record is still included in the counts.
  std::size_t source = 0;                 ///< Which input range holds `record` (0 for one-range algorithms).
  std::size_t related_source = 0;         ///< Which input range holds `related_record`.
};

}  // namespace csc

#endif  // CSC_FINDING_HPP
