/// @file
/// @brief `csc::figure`: one published cell (a count, a percentage or a rate)
/// with DfE's suppression of small numbers: counts 1 to 5 are shown as "c",
/// and so is every percentage or rate whose numerator or denominator is a
/// suppressed count (docs/rules/rates.md; counting-rules.md section 5).
#ifndef CSC_REPORT_SUPPRESSION_HPP
#define CSC_REPORT_SUPPRESSION_HPP

#include <csc/report/rate.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace csc {

/// @brief The symbol shown in place of a suppressed figure ("c", DfE's
/// "confidential"). Source: docs/rules/rates.md; DfE's symbols in published
/// tables (docs/rules/benchmarks.md).
inline constexpr std::string_view suppressed_symbol = "c";

/// @brief The sentence that explains suppression under a table, as
/// csc-report prints it. Source: docs/rules/rates.md.
inline constexpr std::string_view suppression_footnote =
    "Counts 1-5 are suppressed (c), with the percentages and rates computed from them.";

/// @brief Whether DfE suppresses count @p n: 1 to 5 are suppressed, 0 and 6
/// upwards are shown. Source: docs/rules/rates.md.
/// @param n the count.
/// @return true when 1 <= @p n <= 5.
constexpr bool is_suppressed_count(std::size_t n) noexcept { return n >= 1 && n <= 5; }

/// @brief One cell of a published table: the exact value (for JSON), its
/// presentation (digits of a count, or one decimal place rounded half away
/// from zero, computed exactly from the counts) and whether it is suppressed.
/// Source: docs/rules/rates.md.
struct figure {
  std::optional<double> value;  ///< The exact value; empty when undefined (denominator 0).
  std::string text;             ///< The presentation; "" when undefined (kept when suppressed: see figure_text()).
  bool suppressed = false;      ///< Shown as suppressed_symbol instead of text (value kept for callers that need it).
};

/// @brief A count as a figure: value @p n, text its digits, suppressed when
/// @p suppress is set and @p n is 1 to 5. Source: docs/rules/rates.md.
/// @param n        the count.
/// @param suppress whether DfE suppression applies (csc-report `--suppress`).
/// @return the figure of @p n.
inline figure count_figure(std::size_t n, bool suppress) {
  return figure{static_cast<double>(n), std::to_string(n), suppress && is_suppressed_count(n)};
}

/// @brief @p scale * @p part / @p whole as a figure: value the unrounded
/// double `scale * part / whole`, text csc::format_one_decimal(scale * part,
/// whole); undefined (no value, text "") when @p whole is 0. The building
/// block of percent_figure() and rate_figure(); the caller decides
/// suppression. Source: docs/rules/rates.md (rounding).
/// @param part       the numerator count.
/// @param whole      the denominator count.
/// @param scale      100 for a percentage, 10,000 for a rate, 1 for a plain ratio.
/// @param suppressed the suppression flag to give the figure.
/// @return the figure; suppressed as given even when undefined.
inline figure ratio_figure(unsigned long long part, unsigned long long whole, unsigned long long scale,
                           bool suppressed) {
  if (whole == 0) return figure{std::nullopt, std::string(), suppressed};
  return figure{static_cast<double>(scale) * static_cast<double>(part) / static_cast<double>(whole),
                format_one_decimal(scale * part, whole), suppressed};
}

/// @brief 100 * @p part / @p whole as a figure (csc::percent and
/// csc::format_percent), suppressed when @p suppress is set and either count
/// is 1 to 5: a percentage derived from a suppressed numerator or denominator
/// is suppressed too. Source: docs/rules/rates.md.
/// @param part     the numerator count (e.g. re-referrals).
/// @param whole    the denominator count (e.g. referrals).
/// @param suppress whether DfE suppression applies.
/// @return the figure; undefined when @p whole is 0.
inline figure percent_figure(std::size_t part, std::size_t whole, bool suppress) {
  return ratio_figure(part, whole, 100,
                      suppress && (is_suppressed_count(part) || is_suppressed_count(whole)));
}

/// @brief The rate per 10,000 of @p count in @p population as a figure
/// (csc::rate_per_10000 and csc::format_rate_per_10000), suppressed when
/// @p suppress is set and @p count is 1 to 5. The population is an estimate,
/// not a count of records, and is never suppressed. Source: docs/rules/rates.md.
/// @param count      the count of children or records.
/// @param population the children aged 0-17 (see csc/report/population.hpp).
/// @param suppress   whether DfE suppression applies.
/// @return the figure; undefined when @p population is 0.
inline figure rate_figure(std::size_t count, std::size_t population, bool suppress) {
  return ratio_figure(count, population, 10000, suppress && is_suppressed_count(count));
}

/// @brief The text of @p f in a table, csv, markdown or html cell:
/// suppressed_symbol when suppressed, @p undefined when undefined, else its text.
/// Source: docs/rules/rates.md.
/// @param f         the figure.
/// @param undefined the text for an undefined figure (csc-report: "-", or "" in csv).
/// @return the cell text.
inline std::string figure_text(const figure& f, std::string_view undefined) {
  if (f.suppressed) return std::string(suppressed_symbol);
  return f.text.empty() ? std::string(undefined) : f.text;
}

}  // namespace csc

#endif  // CSC_REPORT_SUPPRESSION_HPP
