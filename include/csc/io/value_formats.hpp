/// @file
/// @brief How dates and booleans may be spelt in an extract: `csc::io::date_format`
/// (ISO by default, `dd/mm/yyyy` on request; a date-time at midnight is a date)
/// and the boolean spellings (docs/inputs.md). Chosen by the host, never guessed.
#ifndef CSC_IO_VALUE_FORMATS_HPP
#define CSC_IO_VALUE_FORMATS_HPP

#include <csc/core/civil_date.hpp>

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace csc::io {

/// @brief How an extract spells its dates.
enum class date_format {
  iso,  ///< `YYYY-MM-DD` (the default, and the CIN census format).
  dmy   ///< `DD/MM/YYYY`, two-digit day and month (UK spreadsheets).
};

/// @brief The name of @p f.
/// @param f the format.
/// @return "yyyy-mm-dd" or "dd/mm/yyyy"; "invalid" outside the enum.
constexpr std::string_view to_string(date_format f) noexcept {
  switch (f) {
    case date_format::iso: return "yyyy-mm-dd";
    case date_format::dmy: return "dd/mm/yyyy";
  }
  return "invalid";
}

/// @brief Parses a date format spelt as by to_string(date_format), in any ASCII case
/// (error messages spell them `YYYY-MM-DD` and `DD/MM/YYYY`).
/// @param name "yyyy-mm-dd" or "dd/mm/yyyy", e.g. "DD/MM/YYYY".
/// @return the format.
/// @throws std::invalid_argument naming the text and the accepted names.
inline date_format parse_date_format(std::string_view name) {
  std::string lower(name);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  for (date_format f : {date_format::iso, date_format::dmy})
    if (to_string(f) == lower) return f;
  throw std::invalid_argument("date format '" + std::string(name) + "' is not one of yyyy-mm-dd, dd/mm/yyyy");
}

namespace detail {
// Whether @p time is a midnight time of day as spreadsheets export it: "00:00", "00:00:00", "00:00:00.0...".
constexpr bool is_midnight(std::string_view time) noexcept {
  if (time.size() < 5 || time.substr(0, 5) != "00:00") return false;
  if (time.size() == 5) return true;
  if (time.size() < 8 || time.substr(5, 3) != ":00") return false;
  if (time.size() == 8) return true;
  if (time[8] != '.' || time.size() == 9) return false;
  for (std::size_t i = 9; i < time.size(); ++i)
    if (time[i] != '0') return false;
  return true;
}
}  // namespace detail

/// @brief Parses @p text as a date in format @p f, optionally followed by a midnight
/// time (`T` or one space, then `00:00`, `00:00:00` or `00:00:00.000`).
/// @param text the field's text.
/// @param f    the extract's date format.
/// @return the date; std::nullopt if @p text is not a date in @p f, names a day that does not
///         exist, or carries a time other than midnight.
constexpr std::optional<civil_date> parse_date_value(std::string_view text, date_format f) noexcept {
  if (text.size() > 10) {
    if ((text[10] != ' ' && text[10] != 'T') || !detail::is_midnight(text.substr(11))) return std::nullopt;
    text = text.substr(0, 10);
  }
  if (f == date_format::iso) return parse_iso_date(text);
  if (text.size() != 10 || text[2] != '/' || text[5] != '/') return std::nullopt;
  // Rearranged as ISO, then checked by the one ISO parser.
  const char iso[10] = {text[6], text[7], text[8], text[9], '-', text[3], text[4], '-', text[0], text[1]};
  return parse_iso_date(std::string_view(iso, 10));
}

/// @brief Parses a boolean as extracts spell it: `true/false`, `1/0`, `yes/no`, `y/n`, in any case
/// (the CIN census itself uses true/false/1/0).
/// @param text the field's text.
/// @return the value; std::nullopt for any other text (an empty field included).
constexpr std::optional<bool> parse_boolean_value(std::string_view text) noexcept {
  const auto is = [text](std::string_view word) {
    if (text.size() != word.size()) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
      const char c = text[i] >= 'A' && text[i] <= 'Z' ? static_cast<char>(text[i] - 'A' + 'a') : text[i];
      if (c != word[i]) return false;
    }
    return true;
  };
  if (is("true") || is("1") || is("yes") || is("y")) return true;
  if (is("false") || is("0") || is("no") || is("n")) return false;
  return std::nullopt;
}

}  // namespace csc::io

#endif  // CSC_IO_VALUE_FORMATS_HPP
