/// @file
/// @brief `csc::civil_date`: a proleptic Gregorian calendar date (year, month,
/// day) without time: the calendar form of a csc::day (core/day.hpp), with ISO 8601
/// parsing and formatting.
#ifndef CSC_CORE_CIVIL_DATE_HPP
#define CSC_CORE_CIVIL_DATE_HPP

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace csc {

/// @brief True iff @p year is a Gregorian leap year (divisible by 4, except
/// centuries not divisible by 400). Rule source: docs/rules/add-months.md.
/// @param year the Gregorian year (proleptic; may be negative).
/// @return true iff @p year has a 29 February.
constexpr bool is_leap_year(int year) noexcept {
  return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

/// @brief Number of days in @p month (1-12) of @p year; 0 for a month out of range.
/// Rule source: docs/rules/add-months.md (the clamp target of add_months).
/// @param year  the Gregorian year.
/// @param month the month of the year, 1 = January.
/// @return the last day of that month (28-31), or 0 if @p month is not 1-12.
constexpr unsigned last_day_of_month(int year, unsigned month) noexcept {
  constexpr unsigned char days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && is_leap_year(year) ? 29u : days[month - 1];
}

/// @brief A calendar date: year, month (1-12) and day of month.
///
/// A plain value with exact comparison. It does not validate on construction
/// (so it can be used in constant expressions and aggregate-initialised); call
/// ok() where the parts come from outside. The library's own dates always come
/// out ok().
struct civil_date {
  int year = 1970;       ///< Gregorian year (may be negative in principle).
  unsigned month = 1;    ///< Month of the year, 1 = January.
  unsigned day = 1;      ///< Day of the month, 1-based.

  /// @brief True iff month is 1-12 and day is within that month of that year.
  /// @return whether the three parts name a real calendar date.
  constexpr bool ok() const noexcept {
    return month >= 1 && month <= 12 && day >= 1 && day <= last_day_of_month(year, month);
  }

  /// @brief Chronological comparison (year, then month, then day).
  /// @param a, b the dates compared.
  /// @return true iff @p a and @p b are the same date.
  friend constexpr bool operator==(const civil_date& a, const civil_date& b) noexcept {
    return a.year == b.year && a.month == b.month && a.day == b.day;
  }
  /// @brief Negation of operator==.
  /// @param a, b the dates compared.
  /// @return true iff @p a and @p b are different dates.
  friend constexpr bool operator!=(const civil_date& a, const civil_date& b) noexcept {
    return !(a == b);
  }
  /// @brief True iff @p a is an earlier day than @p b.
  /// @param a, b the dates compared.
  /// @return whether @p a precedes @p b.
  friend constexpr bool operator<(const civil_date& a, const civil_date& b) noexcept {
    if (a.year != b.year) return a.year < b.year;
    if (a.month != b.month) return a.month < b.month;
    return a.day < b.day;
  }
  /// @brief True iff @p a is a later day than @p b.
  /// @param a, b the dates compared.
  /// @return whether @p a follows @p b.
  friend constexpr bool operator>(const civil_date& a, const civil_date& b) noexcept { return b < a; }
  /// @brief True iff @p a is not later than @p b.
  /// @param a, b the dates compared.
  /// @return whether @p a is on or before @p b.
  friend constexpr bool operator<=(const civil_date& a, const civil_date& b) noexcept { return !(b < a); }
  /// @brief True iff @p a is not earlier than @p b.
  /// @param a, b the dates compared.
  /// @return whether @p a is on or after @p b.
  friend constexpr bool operator>=(const civil_date& a, const civil_date& b) noexcept { return !(a < b); }
};

/// @brief Parses exactly `YYYY-MM-DD` (ISO 8601 calendar date, four-digit
/// year, two-digit month and day) into a valid date.
///
/// Returns std::nullopt for anything else: other lengths or separators,
/// surrounding spaces, signs, or a day that does not exist (2019-02-29,
/// 2020-04-31). Callers turn nullopt into an error naming the record and field.
/// Format source: docs/custom-date-type.md.
/// @param text the text to parse, e.g. "2020-02-29".
/// @return the date; std::nullopt when @p text is not exactly `YYYY-MM-DD` or
///         names a day that does not exist.
constexpr std::optional<civil_date> parse_iso_date(std::string_view text) noexcept {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  // Each digit as its value; any other byte becomes a value above 9 (unsigned wrap).
  const auto digit = [&](std::size_t i) { return static_cast<unsigned>(static_cast<unsigned char>(text[i])) - 48u; };
  const unsigned y0 = digit(0), y1 = digit(1), y2 = digit(2), y3 = digit(3), m0 = digit(5), m1 = digit(6),
                 d0 = digit(8), d1 = digit(9);
  if ((y0 > 9) | (y1 > 9) | (y2 > 9) | (y3 > 9) | (m0 > 9) | (m1 > 9) | (d0 > 9) | (d1 > 9)) return std::nullopt;
  const civil_date d{static_cast<int>(y0 * 1000 + y1 * 100 + y2 * 10 + y3), m0 * 10 + m1, d0 * 10 + d1};
  if (!d.ok()) return std::nullopt;
  return d;
}

/// @brief Formats a date as `YYYY-MM-DD` (years outside 0-9999 keep their digits and sign).
/// @param d the date to format.
/// @return the ISO 8601 calendar date, e.g. "2020-02-29".
inline std::string to_iso_string(const civil_date& d) {
  std::string out;
  int y = d.year;
  if (y < 0) { out += '-'; y = -y; }
  const std::string digits = std::to_string(y);
  if (digits.size() < 4) out.append(4 - digits.size(), '0');
  out += digits;
  out += '-';
  out += static_cast<char>('0' + d.month / 10);
  out += static_cast<char>('0' + d.month % 10);
  out += '-';
  out += static_cast<char>('0' + d.day / 10);
  out += static_cast<char>('0' + d.day % 10);
  return out;
}

/// @brief Writes the date as `YYYY-MM-DD`.
/// @param os the stream written to.
/// @param d  the date written.
/// @return @p os.
inline std::ostream& operator<<(std::ostream& os, const civil_date& d) { return os << to_iso_string(d); }

}  // namespace csc

#endif  // CSC_CORE_CIVIL_DATE_HPP
