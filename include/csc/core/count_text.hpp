/// @file
/// @brief `csc::count_text` and `csc::inflect`: a count with its noun in the
/// singular or the plural ("1 child", "2 children"), for every human-readable
/// message of csc-metrics and csc-report (the JSON keys and CSV headers are
/// names, not sentences, and do not use it).
#ifndef CSC_CORE_COUNT_TEXT_HPP
#define CSC_CORE_COUNT_TEXT_HPP

#include <cstddef>
#include <string>
#include <string_view>

namespace csc {

/// @brief The word that agrees with a count: @p singular when @p n is 1,
/// else @p plural (0 takes the plural: "0 children").
/// @param n        the count.
/// @param singular the word for one, e.g. "is", "child", "its".
/// @param plural   the word for any other count, e.g. "are", "children", "their".
/// @return @p singular or @p plural.
constexpr std::string_view inflect(std::size_t n, std::string_view singular, std::string_view plural) noexcept {
  return n == 1 ? singular : plural;
}

/// @brief The count followed by its noun, singular or plural as the count needs:
/// `count_text(1, "child", "children")` is "1 child", `count_text(2, ...)` "2 children".
/// @param n        the count.
/// @param singular the noun (or noun phrase) for one, e.g. "LAchildID value trimmed".
/// @param plural   the noun (or noun phrase) for any other count, e.g. "LAchildID values trimmed".
/// @return the count in decimal digits, a space, and the noun.
inline std::string count_text(std::size_t n, std::string_view singular, std::string_view plural) {
  return std::to_string(n) + ' ' + std::string(inflect(n, singular, plural));
}

/// @brief count_text() for a noun whose plural adds "s": `count_text(1, "referral")`
/// is "1 referral", `count_text(3, "referral")` "3 referrals".
/// @param n    the count.
/// @param noun the noun for one.
/// @return the count, a space, and @p noun (with "s" unless @p n is 1).
inline std::string count_text(std::size_t n, std::string_view noun) {
  return std::to_string(n) + ' ' + std::string(noun) + (n == 1 ? "" : "s");
}

}  // namespace csc

#endif  // CSC_CORE_COUNT_TEXT_HPP
