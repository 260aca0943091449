/// @file
/// @brief `csc::io::csv_reader`: a strict CSV reader (RFC 4180 quoting) with
/// header lookup and errors that name the file, line and field.
#ifndef CSC_IO_CSV_HPP
#define CSC_IO_CSV_HPP

#include <csc/core/civil_date.hpp>
#include <csc/io/error.hpp>  // csc::io::parse_error
#include <csc/io/text_encoding.hpp>
#include <csc/io/value_formats.hpp>

#include <cstddef>
#include <istream>
#include <streambuf>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace csc::io {

/// @brief Reads a CSV stream with a header line, one record at a time.
///
/// Rules: fields separated by commas; a field may be quoted with `"` (a
/// doubled `""` inside is a quote, and commas and line breaks inside quotes
/// are data); CRLF or LF line ends; a UTF-8 byte-order mark before the header
/// is ignored. Every record must have exactly as many fields as the header,
/// otherwise parse_error. Blank lines (no characters at all) are not records:
/// they are skipped and counted in blank_lines(), never silently; so are rows
/// whose every field is empty (Excel's trailing `,,,,`), in empty_rows().
/// Text is decoded from csv_options::encoding into UTF-8 (UTF-8 input is
/// checked); a byte not valid in that encoding is a parse_error naming the field.
/// Columns are found by name exactly, else after trimming spaces and folding
/// ASCII case (each such match is listed in matched_columns()).
/// Source: RFC 4180 quoting; the input format of docs/inputs.md.
class csv_reader {
 public:
  /// @brief Whether a column name may appear twice in the header.
  enum class header_names {
    unique,     ///< A repeated name is an error (columns are looked up by name).
    positional  ///< Repeats allowed (files read by position, e.g. DfE's statistical neighbour groupings).
  };

  /// @brief How the input is spelt: header rule, text encoding, date format.
  struct options {
    header_names names = header_names::unique;     ///< Whether a column name may repeat.
    text_encoding encoding = text_encoding::utf8;  ///< The encoding of the bytes.
    io::date_format dates = io::date_format::iso;  ///< How date_field() reads dates.
  };

  /// @brief Reads the header line from @p in; @p source names the input in errors.
  /// @param in     the stream, read from its current position; the reader keeps
  ///               a reference to it, so it must outlive the reader.
  /// @param source the input's name in error messages, e.g. the file path.
  /// @param names  whether a column name may appear twice (default: unique).
  /// @throws parse_error if the stream is empty, or the header has a misplaced or
  /// unterminated quote. (A repeated name is an error only when it is looked up: column().)
  csv_reader(std::istream& in, std::string source, header_names names = header_names::unique)
      : csv_reader(in, std::move(source), options{names}) {}

  /// @brief Reads the header line from @p in, with the spelling @p opt.
  /// @param in     the stream (must outlive the reader).
  /// @param source the input's name in error messages.
  /// @param opt    header rule, encoding and date format.
  /// @throws parse_error as the other constructor, and for a header name that is not valid in
  /// @p opt.encoding.
  csv_reader(std::istream& in, std::string source, const options& opt) : in_(in), source_(std::move(source)), opt_(opt) {
    if (!read_record()) throw parse_error(source_, 1, "", "empty file: expected a header line");
    if (!fields_.empty() && fields_[0].size() >= 3 && fields_[0].compare(0, 3, "\xEF\xBB\xBF") == 0) {
      fields_[0].erase(0, 3);
    }
    decode_fields(true);
    header_ = fields_;
    used_.assign(header_.size(), false);
  }

  /// @brief The column names from the header line.
  /// @return the names in file order (a leading UTF-8 byte-order mark removed).
  const std::vector<std::string>& header() const noexcept { return header_; }
  /// @brief The input name used in errors.
  /// @return the source given to the constructor.
  const std::string& source() const noexcept { return source_; }

  /// @brief Index of column @p name, or nullopt if the header has no such column; the column
  /// is then in use (not listed by unused_columns()).
  /// @param name a column name: matched exactly, else after trimming spaces and tabs and folding
  ///             ASCII case (`" laChildId"` matches `LAchildID`; recorded in matched_columns()).
  /// @return the 0-based index of the column so named, or std::nullopt.
  /// @throws parse_error on line 1, field @p name, when two columns match it (header_names::unique):
  /// the same name twice, or two names that are the same after trimming and case-folding.
  std::optional<std::size_t> column(std::string_view name) {
    std::optional<std::size_t> found;
    bool loose = false;
    for (int pass = 0; pass < 2 && !found; ++pass) {  // exact names first, then trimmed and case-folded
      for (std::size_t i = 0; i < header_.size(); ++i) {
        if (pass == 0 ? header_[i] != name : folded(header_[i]) != folded(name)) continue;
        if (found && opt_.names == header_names::unique)
          throw parse_error(source_, 1, std::string(name),
                            pass == 0 ? "column appears twice in the header"
                                      : "columns '" + header_[*found] + "' and '" + header_[i] + "' both match it");
        if (!found) found = i;
      }
      loose = pass == 1;
    }
    if (found && loose) matched_.emplace_back(header_[*found], std::string(name));
    if (found) used_[*found] = true;
    return found;
  }

  /// @brief The columns found only after trimming and case-folding, as {written, looked up}.
  /// @return one pair per such column, in lookup order.
  const std::vector<std::pair<std::string, std::string>>& matched_columns() const noexcept { return matched_; }

  /// @brief The header names no column() call has found: columns present but not used.
  /// @return the names in file order.
  std::vector<std::string> unused_columns() const {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < header_.size(); ++i)
      if (!used_[i]) out.push_back(header_[i]);
    return out;
  }

  /// @brief Index of column @p name.
  /// @param name a column name, matched exactly (case-sensitive).
  /// @return the 0-based index of the first column so named.
  /// @throws parse_error on line 1, field @p name, if the header has no such column.
  std::size_t require_column(std::string_view name) {
    if (auto c = column(name)) return *c;
    throw parse_error(source_, 1, std::string(name), "required column is missing from the header");
  }

  /// @brief Advances to the next record, skipping blank lines (counted in blank_lines())
  /// and rows with every field empty (counted in empty_rows()).
  /// @return true if a record was read (it is now the current record); false
  ///         at the end of the input.
  /// @throws parse_error for a wrong number of fields, an unterminated quote, a
  /// quote inside an unquoted field, characters after a closing quote, or a field
  /// that is not valid in the input's encoding. The record is consumed: calling next()
  /// again goes on with the following one (so a host can collect every error).
  bool next() {
    for (;;) {
      if (!read_record()) return false;
      if (blank_) {
        ++blank_lines_;
        continue;
      }
      bool all_empty = true;
      for (const std::string& f : fields_) all_empty = all_empty && f.empty();
      if (all_empty) {
        ++empty_rows_;
        continue;
      }
      decode_fields(false);
      if (fields_.size() != header_.size()) {
        throw parse_error(source_, line_, "",
                          "expected " + std::to_string(header_.size()) + " fields as in the header, found " +
                              std::to_string(fields_.size()));
      }
      return true;
    }
  }

  /// @brief Field @p column of the current record.
  /// @param column a 0-based column index `< header().size()`, e.g. from require_column().
  /// @return the field's text without its quotes (`""` read as `"`); valid until
  ///         the next call to next().
  /// @throws std::out_of_range if @p column is out of range, or there is no
  /// current record (next() returned false).
  std::string_view field(std::size_t column) const { return fields_.at(column); }
  /// @brief The line on which the current record starts (1-based; header = 1).
  /// @return the line number (a record spanning lines inside quotes gives its first).
  std::size_t line() const noexcept { return line_; }
  /// @brief Blank lines skipped so far.
  /// @return the number of blank lines next() has skipped.
  std::size_t blank_lines() const noexcept { return blank_lines_; }
  /// @brief Rows with every field empty skipped so far.
  /// @return the number of such rows next() has skipped.
  std::size_t empty_rows() const noexcept { return empty_rows_; }

  /// @brief Throws parse_error for the current record, naming column @p column.
  /// @param column a 0-based column index `< header().size()`; the error names
  ///               the column by its header name.
  /// @param what   what is wrong, e.g. "'abc' is not a whole number >= 0".
  /// @throws parse_error always: source(), line(), the column's name and @p what.
  /// @throws std::out_of_range instead if @p column `>= header().size()`.
  [[noreturn]] void fail(std::size_t column, const std::string& what) const {
    throw parse_error(source_, line_, header_.at(column), what);
  }

  /// @brief Field @p column as a date in the reader's date format (csc::io::parse_date_value:
  /// `YYYY-MM-DD` by default, a midnight time allowed; docs/inputs.md).
  /// @param column a 0-based column index `< header().size()`.
  /// @return the date.
  /// @throws parse_error naming the field if it is not exactly `YYYY-MM-DD` or
  /// names a day that does not exist.
  /// @throws std::out_of_range if @p column is out of range (see field()).
  civil_date date_field(std::size_t column) const {
    const std::string_view text = field(column);
    if (auto d = parse_date_value(text, opt_.dates)) return *d;
    fail(column, "'" + std::string(text) + "' is not a valid date of the form " +
                     (opt_.dates == io::date_format::iso ? "YYYY-MM-DD" : "DD/MM/YYYY"));
  }

  /// @brief Field @p column as a whole number from 0 to @p max, digits only
  /// (no sign, no spaces; leading zeros allowed).
  /// @param column a 0-based column index `< header().size()`.
  /// @param max    the largest value accepted (inclusive); default INT_MAX.
  /// @param rule   text appended to error messages, e.g. "(DfE rule 8730)"
  ///               (docs/rules/cp-plan-checks.md); empty for none.
  /// @return the value, from 0 to @p max.
  /// @throws parse_error naming the field if it is empty, has a character other
  /// than a digit, or is larger than @p max.
  /// @throws std::out_of_range if @p column is out of range (see field()).
  int whole_number_field(std::size_t column, int max = std::numeric_limits<int>::max(),
                         std::string_view rule = {}) const {
    const std::string_view text = field(column);
    const std::string suffix = rule.empty() ? std::string() : " " + std::string(rule);
    long long n = 0;
    if (text.empty()) fail(column, "empty: expected a whole number >= 0" + suffix);
    for (const char ch : text) {
      if (ch < '0' || ch > '9') fail(column, "'" + std::string(text) + "' is not a whole number >= 0" + suffix);
      n = n * 10 + (ch - '0');
      if (n > max) fail(column, "'" + std::string(text) + "' is larger than " + std::to_string(max) + suffix);
    }
    return static_cast<int>(n);
  }

  /// @brief Field @p column as an optional `YYYY-MM-DD` date: empty means none.
  /// @param column a 0-based column index `< header().size()`.
  /// @return the date, or std::nullopt if the field is empty.
  /// @throws parse_error naming the field if it is not empty and not a valid
  /// date (as date_field()).
  /// @throws std::out_of_range if @p column is out of range (see field()).
  std::optional<civil_date> optional_date_field(std::size_t column) const {
    if (field(column).empty()) return std::nullopt;
    return date_field(column);
  }

 private:
  static std::string folded(std::string_view name) {
    while (!name.empty() && (name.front() == ' ' || name.front() == '\t')) name.remove_prefix(1);
    while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.remove_suffix(1);
    std::string out(name);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
  }

  // Decodes every field of the current record (the header when @p header) into UTF-8.
  void decode_fields(bool header) {
    for (std::size_t i = 0; i < fields_.size(); ++i) {
      if (const auto at = decode_to_utf8(fields_[i], opt_.encoding)) {
        char hex[8];
        const auto byte = static_cast<unsigned char>(fields_[i][*at]);
        const char* digits = "0123456789ABCDEF";
        hex[0] = '0', hex[1] = 'x', hex[2] = digits[byte >> 4], hex[3] = digits[byte & 15], hex[4] = 0;
        throw parse_error(source_, line_, header ? std::string() : column_name(i),
                          std::string("byte ") + hex + " at position " + std::to_string(*at + 1) + " is not valid " +
                              std::string(to_string(opt_.encoding)) + " (is the file in another encoding?)");
      }
    }
  }

  // The input, a block at a time through the stream buffer (sgetn): no
  // sentry or virtual call per character.
  bool fill() {
    if (in_.rdbuf() == nullptr) return false;
    if (buf_.empty()) buf_.resize(1 << 16);
    const std::streamsize got = in_.rdbuf()->sgetn(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    pos_ = 0;
    end_ = got > 0 ? static_cast<std::size_t>(got) : 0;
    return end_ > 0;
  }
  int get() {
    if (pos_ == end_ && !fill()) return std::char_traits<char>::eof();
    return static_cast<unsigned char>(buf_[pos_++]);
  }
  int peek() {
    if (pos_ == end_ && !fill()) return std::char_traits<char>::eof();
    return static_cast<unsigned char>(buf_[pos_]);
  }
  // Appends to @p field the characters from the buffer's position up to (not
  // including) the first for which stop(c) is true or the buffer's end.
  template <class Stop>
  void append_run(std::string& field, const Stop& stop) {
    std::size_t run = pos_;
    while (run < end_ && !stop(buf_[run])) ++run;
    field.append(buf_.data() + pos_, run - pos_);
    pos_ = run;
  }

  // Reads one record (possibly spanning lines inside quotes) into fields_,
  // reusing the strings (and their capacity) of the record before.
  bool read_record() {
    std::size_t count = 0;  // fields of this record so far
    const auto finish_field = [&](std::string& field) {
      if (count == fields_.size()) fields_.emplace_back();
      fields_[count++].swap(field);
      field.clear();
    };
    blank_ = false;
    int c = get();
    if (c == std::char_traits<char>::eof()) {
      fields_.clear();
      return false;
    }
    line_ = next_line_;
    if (c == '\n' || c == '\r') {
      if (c == '\r' && peek() == '\n') get();
      ++next_line_;
      blank_ = true;
      fields_.clear();
      return true;
    }
    field_.clear();
    std::string& field = field_;
    bool quoted = false;       // inside a quoted section
    bool was_quoted = false;   // the field began with a quote
    const auto plain_stop = [](char x) { return x == ',' || x == '\n' || x == '\r' || x == '"'; };
    const auto quoted_stop = [](char x) { return x == '"' || x == '\n'; };
    for (;; c = get()) {
      if (c == std::char_traits<char>::eof()) {
        if (quoted) {
          fields_.resize(count);
          throw parse_error(source_, line_, column_name(fields_.size()), "unterminated quoted field");
        }
        finish_field(field);
        fields_.resize(count);
        ++next_line_;
        return true;
      }
      const char ch = static_cast<char>(c);
      if (quoted) {
        if (ch == '"') {
          if (peek() == '"') {
            get();
            field += '"';
          } else {
            quoted = false;
          }
        } else {
          if (ch == '\n') ++next_line_;
          field += ch;
          append_run(field, quoted_stop);
        }
        continue;
      }
      if (ch == ',') {
        finish_field(field);
        was_quoted = false;
      } else if (ch == '\n' || ch == '\r') {
        if (ch == '\r' && peek() == '\n') get();
        finish_field(field);
        fields_.resize(count);
        ++next_line_;
        return true;
      } else if (ch == '"') {
        if (!field.empty() || was_quoted) {
          fields_.resize(count);
          throw parse_error(source_, line_, column_name(fields_.size()),
                            "quote inside an unquoted field (quote the whole field and double inner quotes)");
        }
        quoted = true;
        was_quoted = true;
      } else {
        if (was_quoted) {
          fields_.resize(count);
          throw parse_error(source_, line_, column_name(fields_.size()), "characters after a closing quote");
        }
        field += ch;
        append_run(field, plain_stop);
      }
    }
  }

  std::string column_name(std::size_t i) const {
    if (i < header_.size()) return header_[i];
    std::string name(1, '#');
    name.append(std::to_string(i + 1));
    return name;
  }

  std::istream& in_;
  std::string source_;
  options opt_;
  std::vector<std::string> header_;
  std::vector<bool> used_;
  std::vector<std::pair<std::string, std::string>> matched_;
  std::size_t empty_rows_ = 0;
  std::vector<std::string> fields_;
  std::string field_;       // the field being read
  std::vector<char> buf_;   // a block of the input: [pos_, end_) not read yet
  std::size_t pos_ = 0;
  std::size_t end_ = 0;
  std::size_t line_ = 1;
  std::size_t next_line_ = 1;
  std::size_t blank_lines_ = 0;
  bool blank_ = false;
};

}  // namespace csc::io

#endif  // CSC_IO_CSV_HPP
