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
  // 1A-1D, 2A-2B, 3A-3F, 4, 5A-5D, 6, 7, 8, 9, 10: checked by shape, not by a list
  // search (every referral row is checked).
  if (code.size() == 1) return code[0] == '4' || (code[0] >= '6' && code[0] <= '9');
  if (code.size() != 2) return false;
  if (code[0] == '1' && code[1] == '0') return true;
  const char last = code[0] == '1' || code[0] == '5' ? 'D' : code[0] == '2' ? 'B' : code[0] == '3' ? 'F' : '\0';
  return last != '\0' && code[1] >= 'A' && code[1] <= last;
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

/// @brief One code of a DfE code list and its meaning.
/// Source: domain-reference.md section 6.
struct cin_code {
  std::string_view code;     ///< The code as written in the return, e.g. "3A".
  std::string_view meaning;  ///< DfE's wording, e.g. "HEALTH SERVICES – general practitioner (GP)".
};

/// @brief DfE's meaning of a ReferralSource code (N00152).
/// Source: domain-reference.md 6.1.
/// @param code the code, e.g. "6".
/// @return its meaning, e.g. "POLICE"; std::nullopt for a code not in the list.
constexpr std::optional<std::string_view> referral_source_label(std::string_view code) noexcept {
  constexpr cin_code codes[] = {
      {"1A", "INDIVIDUAL – family member, relative or carer"},
      {"1B", "INDIVIDUAL – acquaintance (including neighbours and child minders)"},
      {"1C", "INDIVIDUAL – self"},
      {"1D", "INDIVIDUAL – other (including strangers)"},
      {"2A", "SCHOOLS"},
      {"2B", "EDUCATION SERVICES"},
      {"3A", "HEALTH SERVICES – general practitioner (GP)"},
      {"3B", "HEALTH SERVICES – health visitor"},
      {"3C", "HEALTH SERVICES – school nurse"},
      {"3D", "HEALTH SERVICES – other primary health services"},
      {"3E", "HEALTH SERVICES – A&E"},
      {"3F", "HEALTH SERVICES – other (e.g. hospice)"},
      {"4", "HOUSING – LA housing or housing association"},
      {"5A", "LA SERVICES – social care (e.g. adult social care)"},
      {"5B", "LA SERVICES – other internal (e.g. youth offending, excluding housing)"},
      {"5C", "LA SERVICES – external (e.g. another LA's adult social care)"},
      {"5D", "LA SERVICES – early help"},
      {"6", "POLICE"},
      {"7", "OTHER LEGAL AGENCY (courts, probation, immigration, Cafcass, prison)"},
      {"8", "OTHER (children's centres, independent providers, voluntary organisations)"},
      {"9", "ANONYMOUS"},
      {"10", "UNKNOWN"}};
  for (const cin_code& c : codes)
    if (c.code == code) return c.meaning;
  return std::nullopt;
}

/// @brief DfE's meaning of a PrimaryNeedCode (N00101). Source: domain-reference.md 6.2.
/// @param code the code, e.g. "N1".
/// @return its meaning, e.g. "Abuse or neglect"; std::nullopt for a code not in the list.
constexpr std::optional<std::string_view> primary_need_label(std::string_view code) noexcept {
  constexpr cin_code codes[] = {{"N0", "Not stated"},
                                {"N1", "Abuse or neglect"},
                                {"N2", "Child's disability"},
                                {"N3", "Parental disability or illness"},
                                {"N4", "Family in acute stress"},
                                {"N5", "Family dysfunction"},
                                {"N6", "Socially unacceptable behaviour"},
                                {"N7", "Low income"},
                                {"N8", "Absent parenting"},
                                {"N9", "Cases other than children in need"}};
  for (const cin_code& c : codes)
    if (c.code == code) return c.meaning;
  return std::nullopt;
}

/// @brief DfE's meaning of a ReasonForClosure code (N00103). Source: domain-reference.md 6.3.
/// @param code the code, e.g. "RC8".
/// @return its meaning, e.g. "Case closed after assessment, no further action"; std::nullopt for a code not in the list.
constexpr std::optional<std::string_view> reason_for_closure_label(std::string_view code) noexcept {
  constexpr cin_code codes[] = {
      {"RC1", "Adopted"},
      {"RC2", "Died"},
      {"RC3", "Child arrangements order"},
      {"RC4", "Special guardianship order"},
      {"RC5", "Transferred to services of another local authority"},
      {"RC6", "Transferred to adult social care services"},
      {"RC7", "Services ceased for any other reason, including child no longer in need"},
      {"RC8", "Case closed after assessment, no further action"},
      {"RC9", "Case closed after assessment, referred to early help"}};
  for (const cin_code& c : codes)
    if (c.code == code) return c.meaning;
  return std::nullopt;
}

/// @brief DfE's meaning of a category of abuse code (InitialCategoryOfAbuse
/// N00113, LatestCategoryOfAbuse N00114). Source: domain-reference.md 6.4.
/// @param code the code, e.g. "NEG".
/// @return its meaning, e.g. "Neglect"; std::nullopt for a code not in the list.
constexpr std::optional<std::string_view> category_of_abuse_label(std::string_view code) noexcept {
  constexpr cin_code codes[] = {{"NEG", "Neglect"},
                                {"PHY", "Physical abuse"},
                                {"SAB", "Sexual abuse"},
                                {"EMO", "Emotional abuse"},
                                {"MUL", "Multiple/not recommended"}};
  for (const cin_code& c : codes)
    if (c.code == code) return c.meaning;
  return std::nullopt;
}

/// @brief DfE's meaning of an AssessmentFactors code (N00181), the legacy 18A
/// and 19A included. Source: domain-reference.md 6.5 (A: the child, B: a
/// parent or carer, C: another person in the household).
/// @param code the code, e.g. "3B".
/// @return its meaning, e.g. "Domestic violence – parent or carer"; std::nullopt for a code not in the list.
constexpr std::optional<std::string_view> assessment_factor_label(std::string_view code) noexcept {
  constexpr cin_code codes[] = {
      {"1A", "Alcohol misuse – child"}, {"1B", "Alcohol misuse – parent or carer"},
      {"1C", "Alcohol misuse – other person in the household"}, {"2A", "Drug misuse – child"},
      {"2B", "Drug misuse – parent or carer"}, {"2C", "Drug misuse – other person in the household"},
      {"3A", "Domestic violence – child"}, {"3B", "Domestic violence – parent or carer"},
      {"3C", "Domestic violence – other person in the household"}, {"4A", "Mental health – child"},
      {"4B", "Mental health – parent or carer"}, {"4C", "Mental health – other person in the household"},
      {"5A", "Learning disability – child"}, {"5B", "Learning disability – parent or carer"},
      {"5C", "Learning disability – other person in the household"},
      {"6A", "Physical disability or illness – child"}, {"6B", "Physical disability or illness – parent or carer"},
      {"6C", "Physical disability or illness – other person in the household"}, {"7A", "Young carer"},
      {"8B", "Privately fostered – overseas children who intend to return"},
      {"8C", "Privately fostered – overseas children who intend to stay"},
      {"8D", "Privately fostered – UK children in educational placements"},
      {"8E", "Privately fostered – UK children making alternative family arrangements"},
      {"8F", "Privately fostered – other"}, {"9A", "UASC (unaccompanied asylum-seeking child)"},
      {"10A", "Missing"}, {"11A", "Child sexual exploitation"}, {"12A", "Trafficking"}, {"13A", "Gangs"},
      {"14A", "Socially unacceptable behaviour"}, {"15A", "Self-harm"},
      {"16A", "Abuse or neglect – NEGLECT"}, {"17A", "Abuse or neglect – EMOTIONAL ABUSE"},
      {"18A", "PHYSICAL ABUSE (legacy code)"}, {"18B", "PHYSICAL ABUSE (child on child)"},
      {"18C", "PHYSICAL ABUSE (adult on child)"}, {"19A", "SEXUAL ABUSE (legacy code)"},
      {"19B", "SEXUAL ABUSE (child on child)"}, {"19C", "SEXUAL ABUSE (adult on child)"}, {"20", "Other"},
      {"21", "No factors identified"}, {"22A", "Female genital mutilation (FGM)"},
      {"23A", "Abuse linked to faith or belief"}, {"24A", "Child criminal exploitation"}};
  for (const cin_code& c : codes)
    if (c.code == code) return c.meaning;
  return std::nullopt;
}

/// @brief Whether CIN census item @p item has a code list with labels
/// (csc::io::cin_code_label). Source: domain-reference.md section 6.
/// @param item the CIN census item name (exact), e.g. "ReferralSource".
/// @return true for ReferralSource, PrimaryNeedCode, ReasonForClosure,
/// InitialCategoryOfAbuse, LatestCategoryOfAbuse and AssessmentFactors.
constexpr bool has_cin_code_labels(std::string_view item) noexcept {
  return item == "ReferralSource" || item == "PrimaryNeedCode" || item == "ReasonForClosure" ||
         item == "InitialCategoryOfAbuse" || item == "LatestCategoryOfAbuse" || item == "AssessmentFactors";
}

/// @brief DfE's meaning of @p code in the code list of CIN census item @p item:
/// ReferralSource, PrimaryNeedCode, ReasonForClosure, InitialCategoryOfAbuse,
/// LatestCategoryOfAbuse or AssessmentFactors (the names csc-report's `--by` takes).
/// Source: domain-reference.md section 6.
/// @param item the CIN census item name (exact).
/// @param code the code.
/// @return its meaning; std::nullopt for another item or a code not in the list.
constexpr std::optional<std::string_view> cin_code_label(std::string_view item, std::string_view code) noexcept {
  if (item == "ReferralSource") return referral_source_label(code);
  if (item == "PrimaryNeedCode") return primary_need_label(code);
  if (item == "ReasonForClosure") return reason_for_closure_label(code);
  if (item == "InitialCategoryOfAbuse" || item == "LatestCategoryOfAbuse") return category_of_abuse_label(code);
  if (item == "AssessmentFactors") return assessment_factor_label(code);
  return std::nullopt;
}

}  // namespace csc::io

#endif  // CSC_IO_CIN_CODES_HPP
