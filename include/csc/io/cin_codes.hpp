/// @file
/// @brief CIN census code lists used on input: ReferralSource (N00152),
/// ReasonForClosure (N00103), category of abuse (N00113, N00114) and the
/// boolean literals of ReferralNFA (N00112).
/// Source: domain-reference.md section 6 (DfE code sets via LIIA-XSD, checked
/// against the D2I validator rules 8866 and 8568).
#ifndef CSC_IO_CIN_CODES_HPP
#define CSC_IO_CIN_CODES_HPP

#include <optional>
#include <string_view>

namespace csc::io {

/// @brief True iff @p code is a ReferralSource code (1A-1D, 2A, 2B, 3A-3F, 4,
/// 5A-5D, 6, 7, 8, 9, 10; 5D from the 2022-23 schema).
constexpr bool is_referral_source_code(std::string_view code) noexcept {
  constexpr std::string_view codes[] = {"1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D", "3E",
                                        "3F", "4",  "5A", "5B", "5C", "5D", "6",  "7",  "8",  "9",  "10"};
  for (std::string_view c : codes) {
    if (c == code) return true;
  }
  return false;
}

/// @brief True iff @p code is a ReasonForClosure code RC1-RC9 (RC9 from the 2022-23 schema).
constexpr bool is_reason_for_closure_code(std::string_view code) noexcept {
  return code.size() == 3 && code[0] == 'R' && code[1] == 'C' && code[2] >= '1' && code[2] <= '9';
}

/// @brief True iff @p code is a category of abuse code (InitialCategoryOfAbuse
/// N00113, LatestCategoryOfAbuse N00114): NEG, PHY, SAB, EMO or MUL.
constexpr bool is_category_of_abuse_code(std::string_view code) noexcept {
  return code == "NEG" || code == "PHY" || code == "SAB" || code == "EMO" || code == "MUL";
}

/// @brief A CIN census boolean: "true", "false", "TRUE", "FALSE", "1" or "0";
/// nullopt for anything else (including "").
constexpr std::optional<bool> parse_cin_boolean(std::string_view text) noexcept {
  if (text == "true" || text == "TRUE" || text == "1") return true;
  if (text == "false" || text == "FALSE" || text == "0") return false;
  return std::nullopt;
}

}  // namespace csc::io

#endif  // CSC_IO_CIN_CODES_HPP
