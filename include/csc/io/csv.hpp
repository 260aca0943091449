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
#include <cstdint>
#include <cstring>
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

/// @brief Reads CSV with a header line, one record at a time, from a stream (a
/// block at a time) or from bytes held in memory (over(): e.g. a
/// csc::io::mapped_file); fields are views into the input, copied only to undo
/// `""` or to decode a non-UTF-8 encoding, so a field lives until the next record.
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
    std::size_t block_bytes = std::size_t{1} << 16;  ///< Bytes read from a stream at a time (a record longer
                                                     ///< than this grows the block); tests use small ones.
  };

  /// @brief Reads the header line from @p in; @p source names the input in errors.
  /// @param in     the stream, read from its current position a block at a time
  ///               (options::block_bytes); the reader keeps a pointer to it, so it
  ///               must outlive the reader.
  /// @param source the input's name in error messages, e.g. the file path.
  /// @param names  whether a column name may appear twice (default: unique).
  /// @throws parse_error if the stream is empty, or the header has a misplaced or
  /// unterminated quote. (A repeated name is an error only when it is looked up: column().)
  csv_reader(std::istream& in, std::string source, header_names names = header_names::unique)
      : csv_reader(in, std::move(source), options{names}) {}

  /// @brief Reads the header line from @p in, with the spelling @p opt.
  /// @param in     the stream (must outlive the reader).
  /// @param source the input's name in error messages.
  /// @param opt    header rule, encoding, date format and block size.
  /// @throws parse_error as the other constructor, and for a header name that is not valid in
  /// @p opt.encoding.
  csv_reader(std::istream& in, std::string source, const options& opt)
      : in_(&in), source_(std::move(source)), opt_(opt) {
    block_.resize(opt_.block_bytes < 1 ? 1 : opt_.block_bytes);
    data_ = block_.data();
    read_header();
  }

  /// @brief Not copyable: a stream reader's fields are views into its own block.
  csv_reader(const csv_reader&) = delete;
  /// @brief Not copyable.
  /// @return never.
  csv_reader& operator=(const csv_reader&) = delete;
  /// @brief Takes over @p other's input, position and current record (views stay valid).
  /// @param other a reader; not to be used afterwards.
  csv_reader(csv_reader&& other) noexcept = default;
  /// @brief Takes over @p other's input, position and current record.
  /// @param other a reader; not to be used afterwards.
  /// @return *this.
  csv_reader& operator=(csv_reader&& other) noexcept = default;

  /// @brief A reader over input already in memory, e.g. a csc::io::mapped_file's bytes:
  /// fields are views into @p bytes (a field is copied only to undo `""` or to decode a
  /// non-UTF-8 encoding), and record_bytes() stays valid as long as @p bytes does.
  /// @param bytes  the whole input; not copied: it must outlive the reader.
  /// @param source the input's name in error messages.
  /// @param opt    header rule, encoding and date format (block_bytes is not used).
  /// @return the reader, positioned after the header line.
  /// @throws parse_error as the stream constructor: the same rules, the same messages.
  static csv_reader over(std::string_view bytes, std::string source, const options& opt) {
    return csv_reader(bytes, std::move(source), opt, true);
  }
  /// @brief A reader over some of the rows of @p first's input, for reading one input
  /// in parts: it takes @p first's source, options and header (so column() and
  /// require_column() give the same indices), and numbers lines from @p first_line.
  /// @param first      the reader of the input's first part (its header read).
  /// @param rows       whole records of the same input (no header line), beginning at
  ///                   the start of a line that is not inside a quoted field; not copied.
  /// @param first_line the line number of the first byte of @p rows (1-based).
  /// @return the reader, positioned before the first of @p rows.
  static csv_reader part_of(const csv_reader& first, std::string_view rows, std::size_t first_line) {
    csv_reader part(rows, first.source_, first.opt_, false);
    part.header_ = first.header_;
    part.used_.assign(part.header_.size(), false);
    part.line_ = part.next_line_ = first_line;
    return part;
  }

  /// @brief A reader over input in memory with the default options (unique names, UTF-8, ISO dates).
  /// @param bytes  the whole input; not copied: it must outlive the reader.
  /// @param source the input's name in error messages.
  /// @return the reader, positioned after the header line.
  /// @throws parse_error as the stream constructor.
  static csv_reader over(std::string_view bytes, std::string source) {
    return over(bytes, std::move(source), options{});
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
  /// A blank name (empty, or only spaces and tabs) is named by its place, "(blank column 5)"
  /// (1-based), so that it can be seen in a list (docs/inputs.md).
  /// @return the names in file order.
  std::vector<std::string> unused_columns() const {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < header_.size(); ++i) {
      if (used_[i]) continue;
      if (header_[i].find_first_not_of(" \t") == std::string::npos)
        out.push_back("(blank column " + std::to_string(i + 1) + ")");
      else
        out.push_back(header_[i]);
    }
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
  /// that is not valid in the input's encoding. The record is consumed (after a
  /// misplaced quote, up to the end of the line it is on): calling next() again goes
  /// on with the following line (so a host can collect every error).
  bool next() {
    for (;;) {
      if (!read_record()) return false;
      if (blank_) {
        ++blank_lines_;
        continue;
      }
      bool all_empty = true;
      for (const std::string_view f : fields_) all_empty = all_empty && f.empty();
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
  /// @brief The bytes of the current record as they are in the input (quotes, `""` and
  /// encoding not undone; the line end left out).
  /// @return a view valid until the next call to next(), or, for a reader over() bytes in
  /// memory, as long as those bytes.
  std::string_view record_bytes() const noexcept {
    return std::string_view(data_ + record_begin_, record_size_);
  }
  /// @brief Whether the reader holds its whole input in memory (over()), so that
  /// record_bytes() of earlier records stay valid.
  /// @return true for a reader made by over(), false for one reading a stream.
  bool holds_whole_input() const noexcept { return in_ == nullptr; }
  /// @brief The fields of a record given by its bytes (an earlier record_bytes()),
  /// read with this reader's rules and encoding.
  /// @param record the bytes of one record, without its line end.
  /// @return the fields, unquoted and decoded to UTF-8.
  /// @throws parse_error as next() for bytes that are not one well-formed record.
  std::vector<std::string> fields_of(std::string_view record) const {
    csv_reader one(record, source_, opt_, false);
    std::vector<std::string> out;
    if (!one.read_record()) return out;
    one.line_ = line_;
    one.decode_fields(false);
    for (const std::string_view f : one.fields_) out.emplace_back(f);
    return out;
  }
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
    if (opt_.dates == io::date_format::iso && text.size() == 10) {  // the common case, kept small
      if (const auto d = parse_iso_date(text)) return *d;
    }
    return other_date_field(column);
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
      if (ch < '0' || ch > '9') fail(column, quoted_value(text) + " is not a whole number >= 0" + suffix);
      n = n * 10 + (ch - '0');
      if (n > max) fail(column, quoted_value(text) + " is larger than " + std::to_string(max) + suffix);
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
  // date_field() beyond a valid ten-character ISO date: other formats, times, errors.
  civil_date other_date_field(std::size_t column) const {
    const std::string_view text = field(column);
    if (auto d = parse_date_value(text, opt_.dates)) return *d;
    fail(column, quoted_value(text) + " is not a valid date of the form " +
                     (opt_.dates == io::date_format::iso ? "YYYY-MM-DD" : "DD/MM/YYYY"));
  }

  static std::string folded(std::string_view name) {
    while (!name.empty() && (name.front() == ' ' || name.front() == '\t')) name.remove_prefix(1);
    while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.remove_suffix(1);
    std::string out(name);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
  }

  // A reader over bytes in memory; @p header: read the header line first.
  csv_reader(std::string_view bytes, std::string source, const options& opt, bool header)
      : source_(std::move(source)), opt_(opt), data_(bytes.data()), end_(bytes.size()) {
    if (header) read_header();
  }

  void read_header() {
    while (end_ - pos_ < 3 && more()) {
    }
    if (end_ - pos_ >= 3 && std::memcmp(data_ + pos_, "\xEF\xBB\xBF", 3) == 0) pos_ += 3;  // a UTF-8 byte-order mark
    if (!read_record()) throw parse_error(source_, 1, "", "empty file: expected a header line");
    decode_fields(true);
    header_.assign(fields_.begin(), fields_.end());
    used_.assign(header_.size(), false);
  }

  // Decodes every field of the current record (the header when @p header) into
  // UTF-8: a field with a byte >= 0x80 is checked (UTF-8) or decoded into decoded_.
  void decode_fields(bool header) {
    if (is_ascii(record_bytes())) return;  // ASCII is the same in every encoding here
    for (std::size_t i = 0; i < fields_.size(); ++i) {
      std::optional<std::size_t> at;
      std::string_view text = fields_[i];
      if (opt_.encoding == text_encoding::utf8) {
        at = invalid_utf8_at(text);
      } else if (!is_ascii(text)) {
        std::string& own = decoded_[i];
        if (text.data() != own.data()) own.assign(text);
        at = decode_to_utf8(own, opt_.encoding);  // own unchanged on failure
        fields_[i] = own;
        text = own;
      }
      if (at) {
        char hex[8];
        const auto byte = static_cast<unsigned char>(text[*at]);
        const char* digits = "0123456789ABCDEF";
        hex[0] = '0', hex[1] = 'x', hex[2] = digits[byte >> 4], hex[3] = digits[byte & 15], hex[4] = 0;
        throw parse_error(source_, line_, header ? std::string() : column_name(i),
                          std::string("byte ") + hex + " at position " + std::to_string(*at + 1) + " is not valid " +
                              std::string(to_string(opt_.encoding)) + " (is the file in another encoding?)");
      }
    }
  }

  static bool is_ascii(std::string_view text) noexcept {
    std::size_t i = 0;
    std::uint64_t high = 0;
    for (; i + 8 <= text.size(); i += 8) {
      std::uint64_t w = 0;
      std::memcpy(&w, text.data() + i, 8);
      high |= w;
    }
    for (; i < text.size(); ++i) high |= static_cast<unsigned char>(text[i]);
    return (high & 0x8080808080808080ull) == 0;
  }

  // More input (a stream reader only): the current record's bytes so far
  // [record_begin_, end_) moved to the front of the block (the block doubled if
  // they fill it) and the rest of the block filled from the stream.
  // @return whether any byte was added.
  bool more() {
    if (in_ == nullptr || in_->rdbuf() == nullptr) return false;
    const std::size_t kept = end_ - record_begin_;
    if (record_begin_ > 0 && kept > 0) std::memmove(block_.data(), block_.data() + record_begin_, kept);
    pos_ -= record_begin_;
    record_begin_ = 0;
    end_ = kept;
    if (end_ == block_.size()) block_.resize(2 * block_.size());
    data_ = block_.data();
    const std::streamsize got = in_->rdbuf()->sgetn(block_.data() + end_,
                                                    static_cast<std::streamsize>(block_.size() - end_));
    if (got <= 0) return false;
    end_ += static_cast<std::size_t>(got);
    return true;
  }
  // Whether there is a byte at pos_ (reading more of a stream if needed).
  bool has_byte() { return pos_ < end_ || more(); }

  // After a misplaced quote: the rest of the record's last line, through its line
  // end, is left unread, so that the next record starts on the next line (no
  // record is made of the rest of a bad one).
  void skip_rest_of_line() {
    while (has_byte() && data_[pos_] != '\n' && data_[pos_] != '\r') ++pos_;
    if (!has_byte()) return;
    const char c = data_[pos_++];
    if (c == '\r' && has_byte() && data_[pos_] == '\n') ++pos_;
    ++next_line_;
  }

  // Bytes that end an unquoted field.
  static bool ends_plain(char c) noexcept { return c == ',' || c == '\n' || c == '\r' || c == '"'; }
  // The first byte at or after `at` (before `end`) that ends an unquoted field,
  // else `end`. The scans work on copies, not on the members: a store through a
  // char pointer may alias any member, which would keep them in memory.
  static std::size_t plain_end(const char* data, std::size_t at, std::size_t end) noexcept {
    while (at < end && !ends_plain(data[at])) ++at;
    return at;
  }
  // The first quote at or after `at` (before `end`), else `end`; line feeds
  // passed are counted into `lines`.
  static std::size_t quoted_end(const char* data, std::size_t at, std::size_t end, std::size_t& lines) noexcept {
    std::size_t feeds = 0;
    while (at < end && data[at] != '"') feeds += data[at++] == '\n';
    lines += feeds;
    return at;
  }

  // Reads one record (possibly spanning lines inside quotes) into fields_:
  // views into the input, or into decoded_ for a field whose `""` were undone.
  bool read_record() {
    spans_.clear();
    blank_ = false;
    record_begin_ = pos_;
    record_size_ = 0;
    if (!has_byte()) {
      fields_.clear();
      return false;
    }
    line_ = next_line_;
    if (data_[pos_] == '\n' || data_[pos_] == '\r') {
      const char c = data_[pos_++];
      if (c == '\r' && has_byte() && data_[pos_] == '\n') ++pos_;
      ++next_line_;
      blank_ = true;
      fields_.clear();
      return true;
    }
    const auto offset = [this](std::size_t at) { return at - record_begin_; };
    for (;;) {  // one field per turn
      span f{offset(pos_), 0, false};
      if (has_byte() && data_[pos_] == '"') {
        ++pos_;
        f.begin = offset(pos_);
        for (;;) {
          pos_ = quoted_end(data_, pos_, end_, next_line_);
          if (pos_ == end_) {
            if (more()) continue;
            throw parse_error(source_, line_, column_name(spans_.size()), "unterminated quoted field");
          }
          ++pos_;  // a quote: doubled (data) or closing
          if (has_byte() && data_[pos_] == '"') {
            ++pos_;
            f.escaped = true;
            continue;
          }
          f.size = offset(pos_) - 1 - f.begin;
          break;
        }
        if (has_byte() && !(data_[pos_] == ',' || data_[pos_] == '\n' || data_[pos_] == '\r')) {
          skip_rest_of_line();
          throw parse_error(source_, line_, column_name(spans_.size()), "characters after a closing quote");
        }
      } else {
        for (;;) {
          pos_ = plain_end(data_, pos_, end_);
          if (pos_ < end_ || !more()) break;
        }
        if (pos_ < end_ && data_[pos_] == '"') {
          skip_rest_of_line();
          throw parse_error(source_, line_, column_name(spans_.size()),
                            "quote inside an unquoted field (quote the whole field and double inner quotes)");
        }
        f.size = offset(pos_) - f.begin;
      }
      spans_.emplace_back();  // stored member by member: a whole-span copy of `f` from the
      spans_.back() = f;      // stack stalled on its just-written halves
      record_size_ = offset(pos_);
      if (pos_ == end_) {  // end of input: the last record has no line end
        ++next_line_;
        break;
      }
      const char c = data_[pos_++];
      if (c == ',') continue;
      if (c == '\r' && has_byte() && data_[pos_] == '\n') ++pos_;
      ++next_line_;
      break;
    }
    // The block no longer moves: make the views.
    fields_.resize(spans_.size());
    if (decoded_.size() < spans_.size()) decoded_.resize(spans_.size());
    const char* base = data_ + record_begin_;
    for (std::size_t i = 0; i < spans_.size(); ++i) {
      const std::string_view raw(base + spans_[i].begin, spans_[i].size);
      if (!spans_[i].escaped) {
        fields_[i] = raw;
        continue;
      }
      std::string& own = decoded_[i];
      own.clear();
      for (std::size_t k = 0; k < raw.size(); ++k) {
        own += raw[k];
        if (raw[k] == '"') ++k;  // "" is one quote
      }
      fields_[i] = own;
    }
    return true;
  }

  std::string column_name(std::size_t i) const {
    if (i < header_.size()) return header_[i];
    std::string name(1, '#');
    name.append(std::to_string(i + 1));
    return name;
  }

  // A field of the record being read: [begin, begin + size) from the record's first byte.
  struct span {
    std::size_t begin;
    std::size_t size;
    bool escaped;  // holds "" to be undone
  };

  std::istream* in_ = nullptr;  // the stream, or nullptr for bytes in memory
  std::string source_;
  options opt_;
  std::vector<std::string> header_;
  std::vector<bool> used_;
  std::vector<std::pair<std::string, std::string>> matched_;
  std::size_t empty_rows_ = 0;
  std::vector<std::string_view> fields_;  // the current record's fields
  std::vector<std::string> decoded_;      // fields that could not be views: `""` undone, or decoded
  std::vector<span> spans_;
  std::vector<char> block_;      // a stream reader's block: [0, end_) read, [pos_, end_) not parsed yet
  const char* data_ = nullptr;   // the block, or the bytes in memory
  std::size_t pos_ = 0;
  std::size_t end_ = 0;
  std::size_t record_begin_ = 0;  // the current record: record_size_ bytes from record_begin_ in data_
  std::size_t record_size_ = 0;
  std::size_t line_ = 1;
  std::size_t next_line_ = 1;
  std::size_t blank_lines_ = 0;
  bool blank_ = false;
};

}  // namespace csc::io

#endif  // CSC_IO_CSV_HPP
