/// @file
/// @brief `csc::io::parse_error`: the one error type of the csc-metrics
/// readers (CSV, DfE open data, CIN census XML), naming the file, line and
/// field of the fault (docs/cin-census.md, docs/csc-report.md).
#ifndef CSC_IO_ERROR_HPP
#define CSC_IO_ERROR_HPP

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace csc::io {

/// @brief An input error: names the source (file), the 1-based line and,
/// where there is one, the field (a CSV column name, or an XML element path).
class parse_error : public std::runtime_error {
 public:
  /// @brief Builds the message "source:line: field F: what" (the field part
  /// omitted when @p field is empty). Control characters in @p field and @p what
  /// (bytes below 0x20, and 0x7F: a NUL would end what() early, an escape would reach
  /// a terminal) are written as `\xNN`.
  /// @param source the file (or stream) name.
  /// @param line   the 1-based line (0 when there is no line, e.g. a read error).
  /// @param field  the column name or element path, or "".
  /// @param what   what is wrong.
  parse_error(std::string source, std::size_t line, std::string field, const std::string& what)
      : std::runtime_error(source + ':' + std::to_string(line) + ": " +
                           (field.empty() ? std::string() : "field " + shown(field) + ": ") + shown(what)),
        source_(std::move(source)), line_(line), field_(std::move(field)) {}
  /// @brief The file (or stream) name.
  /// @return the source given to the reader.
  const std::string& source() const noexcept { return source_; }
  /// @brief The 1-based line of the record (a CSV header is line 1).
  /// @return the line, 0 when there is none.
  std::size_t line() const noexcept { return line_; }
  /// @brief The column name or element path.
  /// @return "" when the error is about the whole line.
  const std::string& field() const noexcept { return field_; }
  /// @brief The message without its location, for a listing that shows source() and
  /// line() on their own (csc-report --check).
  /// @return what() after its "source:line: " prefix: "field F: what", or "what" when
  ///         there is no field.
  std::string_view detail() const noexcept {
    std::size_t digits = 1;
    for (std::size_t n = line_; n >= 10; n /= 10) ++digits;
    return std::string_view(what()).substr(source_.size() + 1 + digits + 2);
  }

 private:
  static std::string shown(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
      const auto b = static_cast<unsigned char>(c);
      if (b >= 0x20 && b != 0x7F) {
        out += c;
        continue;
      }
      const char* digits = "0123456789ABCDEF";
      out += "\\x";
      out += digits[b >> 4];
      out += digits[b & 15];
    }
    return out;
  }

  std::string source_;
  std::size_t line_;
  std::string field_;
};

/// @brief Every record of an input that could not be read, reported at once.
///
/// what() is the one message itself when there is one error; otherwise a count
/// line (naming the source when every error has the same one), then the first
/// `listed` messages one per line, then how many more.
class parse_errors : public std::runtime_error {
 public:
  /// @brief Collects @p errors (at least one) for one input.
  /// @param errors the errors in input order.
  /// @param listed how many messages what() spells out (the rest are counted).
  /// @throws std::invalid_argument if @p errors is empty.
  explicit parse_errors(std::vector<parse_error> errors, std::size_t listed = 50)
      : std::runtime_error(message(errors, listed)), errors_(std::move(errors)) {}
  /// @brief The errors, in input order.
  /// @return every error (not only the listed ones).
  const std::vector<parse_error>& errors() const noexcept { return errors_; }

 private:
  static std::string message(const std::vector<parse_error>& errors, std::size_t listed) {
    if (errors.empty()) throw std::invalid_argument("csc::io::parse_errors needs at least one error");
    if (errors.size() == 1) return errors.front().what();
    bool one_source = true;
    for (const parse_error& e : errors) one_source = one_source && e.source() == errors.front().source();
    std::string out = (one_source ? errors.front().source() + ": " : std::string()) + std::to_string(errors.size()) +
                      " records cannot be read";
    for (std::size_t i = 0; i < errors.size() && i < listed; ++i) out += std::string("\n  ") + errors[i].what();
    if (errors.size() > listed) out += "\n  ... and " + std::to_string(errors.size() - listed) + " more";
    return out;
  }
  std::vector<parse_error> errors_;
};

/// @brief Longest value, in bytes, that quoted_value() echoes in full.
inline constexpr std::size_t quoted_value_limit = 200;

/// @brief A field value as error and finding messages quote it: `'value'`, cut after
/// quoted_value_limit bytes (at a UTF-8 character boundary) with a marker saying so,
/// `'abc...' (cut; 5000000 bytes in all)`, so that a huge field does not flood a message.
/// Source: docs/inputs.md (errors and findings).
/// @param value the value as written.
/// @return the quoted, possibly shortened, value.
inline std::string quoted_value(std::string_view value) {
  if (value.size() <= quoted_value_limit) return "'" + std::string(value) + "'";
  std::size_t n = quoted_value_limit;
  while (n > 0 && (static_cast<unsigned char>(value[n]) & 0xC0) == 0x80) --n;  // not inside a character
  return "'" + std::string(value.substr(0, n)) + "...' (cut; " + std::to_string(value.size()) + " bytes in all)";
}

}  // namespace csc::io

#endif  // CSC_IO_ERROR_HPP
