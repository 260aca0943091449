/// @file
/// @brief `csc::io::text_encoding`: the character encodings the CSV reader
/// accepts, UTF-8 validation and decoding of Windows-1252 and ISO-8859-1 into
/// UTF-8 (docs/inputs.md). Nothing is guessed: an input is UTF-8 unless the
/// host says otherwise, and bytes that are not valid in the stated encoding
/// are an error.
#ifndef CSC_IO_TEXT_ENCODING_HPP
#define CSC_IO_TEXT_ENCODING_HPP

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace csc::io {

/// @brief The encoding of an input's text.
enum class text_encoding {
  utf8,          ///< UTF-8 (the default; a byte-order mark before the header is ignored).
  windows_1252,  ///< Windows-1252 ("ANSI" on English Windows, Excel's "CSV" export).
  iso_8859_1     ///< ISO-8859-1 (Latin-1).
};

/// @brief The name of @p e.
/// @param e the encoding.
/// @return "utf-8", "windows-1252" or "iso-8859-1"; "invalid" outside the enum.
constexpr std::string_view to_string(text_encoding e) noexcept {
  switch (e) {
    case text_encoding::utf8: return "utf-8";
    case text_encoding::windows_1252: return "windows-1252";
    case text_encoding::iso_8859_1: return "iso-8859-1";
  }
  return "invalid";
}

/// @brief Parses an encoding name spelt as by to_string(text_encoding), in any case.
/// @param name "utf-8", "windows-1252" or "iso-8859-1" (ASCII case ignored: "UTF-8" is "utf-8").
/// @return the encoding.
/// @throws std::invalid_argument naming the text and the accepted names.
inline text_encoding parse_text_encoding(std::string_view name) {
  std::string lower(name);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  for (text_encoding e : {text_encoding::utf8, text_encoding::windows_1252, text_encoding::iso_8859_1})
    if (to_string(e) == lower) return e;
  throw std::invalid_argument("encoding '" + std::string(name) + "' is not one of utf-8, windows-1252, iso-8859-1");
}

/// @brief The position of the first byte of @p text that breaks UTF-8
/// (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF).
/// @param text the bytes.
/// @return the 0-based byte offset of the first invalid sequence; std::nullopt if @p text is valid UTF-8.
constexpr std::optional<std::size_t> invalid_utf8_at(std::string_view text) noexcept {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      ++i;
      continue;
    }
    std::size_t n = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
    if (b >= 0xC2 && b <= 0xDF) n = 1;
    else if (b == 0xE0) n = 2, lo = 0xA0;
    else if (b == 0xED) n = 2, hi = 0x9F;
    else if (b >= 0xE1 && b <= 0xEF) n = 2;
    else if (b == 0xF0) n = 3, lo = 0x90;
    else if (b >= 0xF1 && b <= 0xF3) n = 3;
    else if (b == 0xF4) n = 3, hi = 0x8F;
    else return i;
    for (std::size_t k = 1; k <= n; ++k) {
      if (i + k >= text.size()) return i;
      const auto c = static_cast<unsigned char>(text[i + k]);
      if (c < (k == 1 ? lo : 0x80) || c > (k == 1 ? hi : 0xBF)) return i;
    }
    i += n + 1;
  }
  return std::nullopt;
}

namespace detail {
// Windows-1252 0x80-0x9F as Unicode code points; 0 marks the five bytes it leaves undefined.
inline constexpr std::uint16_t windows_1252_high[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

inline void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}
}  // namespace detail

/// @brief Decodes @p text from @p from into UTF-8 in place; UTF-8 input is only checked.
/// @param text the bytes of one field, replaced by their UTF-8 form.
/// @param from the encoding the bytes are in.
/// @return std::nullopt on success; otherwise the 0-based offset of the first byte that is not
///         valid in @p from (for UTF-8, see invalid_utf8_at(); for Windows-1252, the five undefined
///         bytes 0x81, 0x8D, 0x8F, 0x90, 0x9D), with @p text unchanged.
inline std::optional<std::size_t> decode_to_utf8(std::string& text, text_encoding from) {
  if (from == text_encoding::utf8) return invalid_utf8_at(text);
  std::size_t first_high = 0;
  while (first_high < text.size() && static_cast<unsigned char>(text[first_high]) < 0x80) ++first_high;
  if (first_high == text.size()) return std::nullopt;  // ASCII: the same in every encoding here
  std::string out(text, 0, first_high);
  for (std::size_t i = first_high; i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    std::uint32_t cp = b;
    if (from == text_encoding::windows_1252 && b >= 0x80 && b <= 0x9F) {
      cp = detail::windows_1252_high[b - 0x80];
      if (cp == 0) return i;
    }
    detail::append_utf8(out, cp);
  }
  text = std::move(out);
  return std::nullopt;
}

}  // namespace csc::io

#endif  // CSC_IO_TEXT_ENCODING_HPP
