/// @file
/// @brief CIN census code lists used on input: ReferralSource (N00152),
/// PrimaryNeedCode (N00101), ReasonForClosure (N00103), category of abuse
/// (N00113, N00114), AssessmentFactors (N00181), GenderCurrent / Sex
/// (N00065) and the boolean literals of ReferralNFA (N00112).
/// Source: domain-reference.md section 6 (DfE code sets via LIIA-XSD, checked
/// against the D2I validator rules 8866 and 8568).
#ifndef CSC_IO_CIN_CODES_HPP
#define CSC_IO_CIN_CODES_HPP

#include <optional>
#include <string_view>

namespace csc::io {

/// @brief True iff @p code is a ReferralSource code (1A-1D, 2A, 2B, 3A-3F, 4,
/// 5A-5D, 6, 7, 8, 9, 10; 5D from the 2022-23 schema).
/// Source: DfE code set N00152; DfE rule 8866 reports other codes.
/// @param code the code as written in the return.
/// @return true iff @p code is in the list.
constexpr bool is_referral_source_code(std::string_view code) noexcept {
  constexpr std::string_view codes[] = {"1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D", "3E",
                                        "3F", "4",  "5A", "5B", "5C", "5D", "6",  "7",  "8",  "9",  "10"};
  for (std::string_view c : codes) {
    if (c == code) return true;
  }
  return false;
}

/// @brief True iff @p code is a ReasonForClosure code RC1-RC9 (RC9 from the 2022-23 schema).
/// Source: DfE code set N00103; DfE rule 8650 reports other codes.
/// @param code the code as written in the return.
/// @return true iff @p code is in the list.
constexpr bool is_reason_for_closure_code(std::string_view code) noexcept {
  return code.size() == 3 && code[0] == 'R' && code[1] == 'C' && code[2] >= '1' && code[2] <= '9';
}

/// @brief True iff @p code is a category of abuse code (InitialCategoryOfAbuse
/// N00113, LatestCategoryOfAbuse N00114): NEG, PHY, SAB, EMO or MUL.
/// Source: DfE code sets N00113/N00114; DfE rules 8905 and 8910 report other codes.
/// @param code the code as written in the return.
/// @return true iff @p code is in the list.
constexpr bool is_category_of_abuse_code(std::string_view code) noexcept {
  return code == "NEG" || code == "PHY" || code == "SAB" || code == "EMO" || code == "MUL";
}

/// @brief True iff @p code is a PrimaryNeedCode N0-N9.
/// Source: DfE code set N00101; DfE rule 8640 reports other codes.
/// @param code the code as written in the return.
/// @return true iff @p code is in the list.
constexpr bool is_primary_need_code(std::string_view code) noexcept {
  return code.size() == 2 && code[0] == 'N' && code[1] >= '0' && code[1] <= '9';
}

/// @brief True iff @p code is an AssessmentFactors code (domain-reference.md
/// 6.5), including the legacy 18A and 19A that returns before 2021 still use.
/// Source: DfE code set N00181; DfE rule 8897Q reports other codes.
/// @param code the code as written in the return.
/// @return true iff @p code is in the list.
constexpr bool is_assessment_factor_code(std::string_view code) noexcept {
  constexpr std::string_view codes[] = {"1A",  "1B",  "1C",  "2A",  "2B",  "2C",  "3A",  "3B",  "3C",  "4A",
                                        "4B",  "4C",  "5A",  "5B",  "5C",  "6A",  "6B",  "6C",  "7A",  "8B",
                                        "8C",  "8D",  "8E",  "8F",  "9A",  "10A", "11A", "12A", "13A", "14A",
                                        "15A", "16A", "17A", "18A", "18B", "18C", "19A", "19B", "19C", "20",
                                        "21",  "22A", "23A", "24A"};
  for (std::string_view c : codes) {
    if (c == code) return true;
  }
  return false;
}

/// @brief True iff @p code is a GenderCurrent code (0 not recorded or unborn,
/// 1 male, 2 female, 9 indeterminate; to 2023-24) or a Sex code (M, F, U;
/// from 2024-25). Older returns also wrote Sex with the numeric codes.
/// Source: DfE code set N00065; DfE rule 4180 reports other codes.
/// @param code the code as written in the return.
/// @return true iff @p code is in the list.
constexpr bool is_sex_code(std::string_view code) noexcept {
  return code == "0" || code == "1" || code == "2" || code == "9" || code == "M" || code == "F" || code == "U";
}

/// @brief A CIN census boolean: "true", "false", "TRUE", "FALSE", "1" or "0";
/// nullopt for anything else (including "").
/// Source: DfE code set N00112 (ReferralNFA, ICPCnotRequired).
/// @param text the item's text as written in the return.
/// @return the value; std::nullopt when @p text is not one of those literals.
constexpr std::optional<bool> parse_cin_boolean(std::string_view text) noexcept {
  if (text == "true" || text == "TRUE" || text == "1") return true;
  if (text == "false" || text == "FALSE" || text == "0") return false;
  return std::nullopt;
}

}  // namespace csc::io

#endif  // CSC_IO_CIN_CODES_HPP
