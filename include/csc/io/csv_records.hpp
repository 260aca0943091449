/// @file
/// @brief Reading the five CSV extracts (referrals, CP plans, CIN plans,
/// early help, looked after) into csc::io::record_table, with the CIN census
/// route's semantics (docs/inputs.md): a value that cannot be read is an
/// error naming file, line and column (every such record reported at once, in
/// csc::io::parse_errors, or left out on request); a value that can be read
/// but breaks a DfE rule is kept as written and reported as a csc::finding
/// (an unknown code: rule::unknown_code; CINclosureDate before
/// CINreferralDate: rule::cin_closure_before_referral, DfE 8630). A row
/// repeating another in every column is read once (rule::duplicate_record);
/// spaces around LAchildID are trimmed and counted.
#ifndef CSC_IO_CSV_RECORDS_HPP
#define CSC_IO_CSV_RECORDS_HPP

#include <csc/core/day.hpp>
#include <csc/core/finding.hpp>
#include <csc/io/cin_codes.hpp>
#include <csc/io/csv.hpp>
#include <csc/io/mapped_file.hpp>
#include <csc/io/records.hpp>
#include <csc/io/text_encoding.hpp>
#include <csc/io/value_formats.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <exception>
#include <functional>
#include <iterator>
#include <stdexcept>
#include <istream>
#include <limits>
#include <memory>
#include <numeric>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace csc::io {

/// @brief The plain episode extracts and the columns each is read by.
enum class episode_extract {
  cin_plans,     ///< `LAchildID,CINPlanStartDate[,CINPlanEndDate]`.
  early_help,    ///< `LAchildID,StartDate[,EndDate]`.
  looked_after   ///< `LAchildID,StartDate[,EndDate]`.
};

/// @brief How an extract is spelt and what the reader keeps (docs/inputs.md).
struct extract_options {
  std::vector<std::string> keep;                   ///< Items (columns) each record keeps as written in `kept`, in
                                                   ///< order (LAchildID trimmed, as the record's child).
  text_encoding encoding = text_encoding::utf8;    ///< The file's encoding (decoded to UTF-8).
  io::date_format dates = io::date_format::iso;    ///< How the file spells dates.
  bool skip_invalid_records = false;               ///< Leave records that cannot be read out (record_table::rejected)
                                                   ///< instead of throwing parse_errors.
};

/// @brief A task runner that runs each task in turn on the calling thread. A task runner
/// (the `run` of the overloads that read an extract in parts) is any callable taking a
/// `std::vector<std::function<void()>>&` that returns once every task has run, on
/// whichever threads it chooses; the tasks never throw (each keeps its own error).
struct one_after_another {
  /// @brief Runs @p tasks in order.
  /// @param tasks the tasks.
  void operator()(std::vector<std::function<void()>>& tasks) const {
    for (auto& task : tasks) task();
  }
};

namespace detail {

// The reading state shared by the three readers: the CSV, the columns asked
// for by name, the table being filled, and the errors collected on the way.
template <class Record>
struct csv_table_reader {
  const extract_options& opt;
  csv_reader csv;
  std::vector<std::optional<std::size_t>> kept_columns;  // empty when no item is asked for by name
  std::optional<std::size_t> id_column;                  // LAchildID, when a kept item is that item
  std::shared_ptr<text_store> text = std::make_shared<text_store>();  // the records' text (out.texts)
  record_table<Record> out;
  std::vector<parse_error> errors;
  // Rows repeated in every column, found after reading (no table probed per
  // row): each record's key (its row's 64-bit hash, high half, << 32 | index),
  // sorted by hash with a radix sort; records with equal hash halves are
  // compared row against row, so only rows equal in every column are
  // duplicates. A reader over the whole input in memory keeps a view of each
  // record's bytes (row_at); a stream reader keeps each record's fields (each
  // as its length, four bytes, then its bytes) in one arena, record k at
  // [row_end[k-1], row_end[k]).
  std::vector<std::uint64_t> row_key;
  std::vector<std::size_t> trimmed;  // the records whose LAchildID was trimmed (counted in out.trimmed_ids)
  std::vector<std::string_view> row_at;
  std::string row_arena;
  std::vector<std::size_t> row_end;
  std::string joined;  // fields_hash()'s buffer for a row that is not plain bytes

  csv_table_reader(std::istream& in, const std::string& source, const extract_options& o)
      : csv_table_reader(csv_reader(in, source, reader_options(o)), source, o) {}
  csv_table_reader(csv_reader reader, const std::string& source, const extract_options& o)
      : opt(o), csv(std::move(reader)) {
    out.name = source;
    out.files = {source};
    out.texts.push_back(text);
    if (std::any_of(opt.keep.begin(), opt.keep.end(), [](const std::string& name) { return !name.empty(); })) {
      for (const std::string& name : opt.keep) {
        kept_columns.push_back(name.empty() ? std::nullopt : csv.column(name));
        if (name == "LAchildID") id_column = kept_columns.back();
      }
    }
  }
  csv_table_reader(const mapped_file& file, const extract_options& o)
      : csv_table_reader(csv_reader::over(file.bytes(), file.path(), reader_options(o)), file.path(), o) {}
  static csv_reader::options reader_options(const extract_options& o) {
    return csv_reader::options{csv_reader::header_names::unique, o.encoding, o.dates};
  }

  // Reads every record with @p read_one(i) (i: the index the record will have); an error
  // in one record is collected and reading goes on, so that every bad record is reported.
  // @p expected: about how many records there are (room made for them at once).
  template <class ReadOne>
  record_table<Record> read(ReadOne read_one, std::size_t expected = 0) {
    read_rows(read_one, expected);
    return finish();
  }

  // Reads every record with @p read_one(i), as read(), without finishing the table.
  template <class ReadOne>
  void read_rows(ReadOne read_one, std::size_t expected) {
    if (expected > 0) {
      out.records.reserve(expected);
      row_key.reserve(expected);
      if (csv.holds_whole_input()) row_at.reserve(expected);
    }
    for (;;) {
      try {
        if (!csv.next()) break;
        const std::size_t i = out.records.size();
        if (i >= std::numeric_limits<std::uint32_t>::max() - 1) throw std::length_error("csc::io: too many records");
        out.records.push_back(read_one(i));
        row_key.push_back((fields_hash() & 0xffffffff00000000ull) | i);
        if (csv.holds_whole_input()) {
          row_at.push_back(csv.record_bytes());
        } else {
          for (std::size_t c = 0; c < csv.header().size(); ++c) append_field(row_arena, csv.field(c));
          row_end.push_back(row_arena.size());
        }
      } catch (const parse_error& e) {
        while (!out.findings.empty() && out.findings.back().record == out.records.size()) out.findings.pop_back();
        if (!trimmed.empty() && trimmed.back() == out.records.size()) trimmed.pop_back();  // still counted
        errors.push_back(e);
      }
    }
  }

  // The table: rows repeated in every column left out, every error thrown together
  // (unless skip_invalid_records), the counts and the header's items.
  record_table<Record> finish() {
    drop_duplicate_rows();
    if (!errors.empty() && !opt.skip_invalid_records) throw parse_errors(std::move(errors));
    out.rejected = std::move(errors);
    out.blank_lines += csv.blank_lines();
    out.empty_rows += csv.empty_rows();
    out.items = csv.header();
    for (const auto& [written, item] : csv.matched_columns()) {
      out.matched_columns.emplace_back(written, item);
      for (std::string& name : out.items)
        if (name == written) name = item;  // has_item() answers by the item's name
    }
    out.unused_columns = csv.unused_columns();
    return std::move(out);
  }

  // Appends the rows of @p next, a reader of the part of the input after this
  // one's, as if this reader had read them.
  void append(csv_table_reader&& next) {
    const std::size_t offset = out.records.size();
    if (out.records.capacity() < offset + next.out.records.size())
      out.records.reserve(offset + next.out.records.size());
    std::move(next.out.records.begin(), next.out.records.end(), std::back_inserter(out.records));
    out.texts.insert(out.texts.end(), next.out.texts.begin(), next.out.texts.end());
    for (finding& f : next.out.findings) {
      f.record += offset;
      out.findings.push_back(std::move(f));
    }
    errors.insert(errors.end(), std::make_move_iterator(next.errors.begin()), std::make_move_iterator(next.errors.end()));
    for (const std::uint64_t key : next.row_key) row_key.push_back(key + offset);  // index in the low half
    row_at.insert(row_at.end(), next.row_at.begin(), next.row_at.end());
    for (const std::size_t k : next.trimmed) trimmed.push_back(k + offset);
    out.trimmed_ids += next.out.trimmed_ids;
    out.blank_lines += next.csv.blank_lines();
    out.empty_rows += next.csv.empty_rows();
  }

  // Appends @p field to @p arena as its length (four bytes) and its bytes: rows
  // joined so are equal exactly when their fields are.
  static void append_field(std::string& arena, std::string_view field) {
    const auto size = static_cast<std::uint32_t>(field.size());
    char length[4];
    std::memcpy(length, &size, 4);
    arena.append(length, 4).append(field);
  }

  // Whether the rows of records @p a and @p b are equal field by field.
  bool same_rows(std::size_t a, std::size_t b) const {
    if (!csv.holds_whole_input()) {
      const auto row = [&](std::size_t k) {
        const std::size_t from = k == 0 ? 0 : row_end[k - 1];
        return std::string_view(row_arena.data() + from, row_end[k] - from);
      };
      return row(a) == row(b);
    }
    if (row_at[a] == row_at[b]) return true;
    return csv.fields_of(row_at[a]) == csv.fields_of(row_at[b]);  // spelt differently, e.g. quoted
  }

  // Leaves out every record whose row repeats an earlier record's row in every
  // column, with a rule::duplicate_record finding on the earlier record where the
  // repeat was read ("line L repeats line M in every column (read once)"); the
  // repeat's own findings go with it. Findings stay in the order rows were read.
  void drop_duplicate_rows() {
    const std::size_t n = out.records.size();
    radix_sort_by_high_half(row_key);
    std::vector<std::uint32_t> first_of;  // record + 1 of the row that record k repeats; 0: none
    for (std::size_t g = 0; g < n;) {     // equal hash halves: [g, e)
      std::size_t e = g + 1;
      while (e < n && (row_key[e] >> 32) == (row_key[g] >> 32)) ++e;
      for (std::size_t j = g + 1; j < e; ++j) {
        const std::size_t later = row_key[j] & 0xffffffffu;
        for (std::size_t i = g; i < j; ++i) {
          const std::size_t earlier = row_key[i] & 0xffffffffu;
          if ((first_of.empty() || first_of[earlier] == 0) && same_rows(earlier, later)) {
            if (first_of.empty()) first_of.assign(n, 0);
            first_of[later] = static_cast<std::uint32_t>(earlier + 1);
            break;
          }
        }
      }
      g = e;
    }
    if (first_of.empty()) return;
    std::vector<std::size_t> index(n);  // new index of each kept record
    std::size_t kept = 0;
    for (std::size_t k = 0; k < n; ++k) {
      index[k] = kept;
      kept += first_of[k] == 0;
    }
    std::vector<finding> findings;
    findings.reserve(out.findings.size());
    std::size_t f = 0;
    for (std::size_t k = 0; k < n; ++k) {
      for (; f < out.findings.size() && out.findings[f].record == k; ++f) {
        if (first_of[k] != 0) continue;
        findings.push_back(std::move(out.findings[f]));
        findings.back().record = index[k];
      }
      if (first_of[k] != 0) {
        const std::size_t earlier = first_of[k] - 1;
        finding d;
        d.rule = rule::duplicate_record;
        d.record = index[earlier];
        d.detail = "line " + std::to_string(out.records[k].source.line) + " repeats line " +
                   std::to_string(out.records[earlier].source.line) + " in every column (read once)";
        d.related_line = out.records[k].source.line;
        findings.push_back(std::move(d));
      }
    }
    out.findings = std::move(findings);
    for (const std::size_t k : trimmed) out.trimmed_ids -= first_of[k] != 0;  // a repeat is not read again
    for (std::size_t k = 0; k < n; ++k)
      if (first_of[k] == 0 && index[k] != k) out.records[index[k]] = std::move(out.records[k]);
    out.records.resize(kept);
  }

  // Sorts @p keys by their high 32 bits, stably (three passes of 11 bits).
  static void radix_sort_by_high_half(std::vector<std::uint64_t>& keys) {
    std::vector<std::uint64_t> to(keys.size());
    for (unsigned shift = 32; shift < 64; shift += 11) {
      std::vector<std::size_t> count(2049, 0);
      for (const std::uint64_t k : keys) ++count[((k >> shift) & 2047) + 1];
      for (std::size_t d = 0; d < 2048; ++d) count[d + 1] += count[d];
      for (const std::uint64_t k : keys) to[count[(k >> shift) & 2047]++] = k;
      keys.swap(to);
    }
  }

  // A 64-bit hash of the current row's fields joined by commas: the record's
  // bytes as read when every field is a plain view of them (no quotes, nothing
  // decoded: one pass over the bytes), else the fields joined in a buffer. Rows
  // equal field by field hash alike; rows that only join alike are told apart
  // by same_rows().
  std::uint64_t fields_hash() {
    const std::string_view bytes = csv.record_bytes();
    const std::size_t columns = csv.header().size();
    const char* at = bytes.data();
    bool plain = true;
    for (std::size_t c = 0; c < columns && plain; ++c) {
      const std::string_view f = csv.field(c);
      plain = f.data() == at;
      at += f.size() + 1;
    }
    if (plain && at == bytes.data() + bytes.size() + 1) return bytes_hash(bytes);
    joined.clear();
    for (std::size_t c = 0; c < columns; ++c) {
      if (c > 0) joined += ',';
      joined += csv.field(c);
    }
    return bytes_hash(joined);
  }
  // A 64-bit hash of @p bytes: eight bytes at a time, multiply and fold, the
  // tail with the length, then a final mix for the low bits.
  static std::uint64_t bytes_hash(std::string_view bytes) noexcept {
    std::uint64_t h = 0x9E3779B97F4A7C15ull;
    std::size_t i = 0;
    for (; i + 8 <= bytes.size(); i += 8) {
      std::uint64_t w = 0;
      std::memcpy(&w, bytes.data() + i, 8);
      h = (h ^ w) * 0xff51afd7ed558ccdull;
      h ^= h >> 32;
    }
    std::uint64_t tail = 0;
    std::memcpy(&tail, bytes.data() + i, bytes.size() - i);
    h = (h ^ tail ^ (static_cast<std::uint64_t>(bytes.size()) << 56)) * 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    return h ^ (h >> 29);
  }
  // LAchildID without the spaces, tabs and no-break spaces (U+00A0, as
  // spreadsheets pad cells; the field is UTF-8 by now) around it.
  static std::string_view trimmed_id(std::string_view id) noexcept {
    // Most ids need nothing: neither end is a space, a tab or part of a no-break space.
    const auto edge = [](char c) { return c == ' ' || c == '\t' || c == '\xC2' || c == '\xA0'; };
    if (id.empty() || (!edge(id.front()) && !edge(id.back()))) return id;
    const auto nbsp_at = [&](std::size_t i) { return id.compare(i, 2, "\xC2\xA0") == 0; };
    for (;;) {
      if (!id.empty() && (id.front() == ' ' || id.front() == '\t')) id.remove_prefix(1);
      else if (id.size() >= 2 && nbsp_at(0)) id.remove_prefix(2);
      else break;
    }
    for (;;) {
      if (!id.empty() && (id.back() == ' ' || id.back() == '\t')) id.remove_suffix(1);
      else if (id.size() >= 2 && nbsp_at(id.size() - 2)) id.remove_suffix(2);
      else break;
    }
    return id;
  }
  std::string_view child(std::size_t column) {
    const std::string_view id = trimmed_id(csv.field(column));
    const std::size_t size = csv.field(column).size();
    if (id.empty()) csv.fail(column, "empty child id");
    for (std::size_t i = 0; i < id.size(); ++i) {
      const auto byte = static_cast<unsigned char>(id[i]);
      if (byte < 0x20 || byte == 0x7F) {
        static const char hex[] = "0123456789ABCDEF";
        csv.fail(column, std::string("child id holds control character 0x") + hex[byte >> 4] + hex[byte & 15] +
                             " at byte " + std::to_string(i + 1) + " (a damaged export?)");
      }
    }
    if (id.size() != size) {
      ++out.trimmed_ids;
      trimmed.push_back(out.records.size());
    }
    return text->keep(id);
  }
  day date(std::size_t column) const { return day(csv.date_field(column)); }
  std::optional<day> optional_date(const std::optional<std::size_t>& column) const {
    if (!column) return std::nullopt;
    const auto c = csv.optional_date_field(*column);
    return c ? std::optional<day>(day(*c)) : std::nullopt;
  }
  std::optional<bool> boolean(const std::optional<std::size_t>& column) const {
    if (!column) return std::nullopt;
    const auto b = parse_boolean_value(csv.field(*column));
    if (!b)
      csv.fail(*column, quoted_value(csv.field(*column)) + " is not a boolean (true/false, 1/0, yes/no, y/n)");
    return b;
  }
  record_source source() const { return record_source{0, csv.line()}; }
  // The kept items' values as written; LAchildID (--by or --family LAchildID) trimmed as
  // the record's child is, so that a padded id is the same child everywhere.
  std::vector<std::string_view> kept() const {
    std::vector<std::string_view> v;
    v.reserve(kept_columns.size());
    for (const auto& c : kept_columns) {
      if (!c) {
        v.emplace_back();
        continue;
      }
      const std::string_view value = csv.field(*c);
      v.push_back(text->keep(id_column && *c == *id_column ? trimmed_id(value) : value));
    }
    return v;
  }
  // A code column: the value as written; outside its DfE list it is a finding
  // on record @p record, worded as the census reader words it ("8866 ReferralSource: '9Z'").
  std::string_view code(const std::optional<std::size_t>& column, bool (*known)(std::string_view) noexcept,
                        const char* dfe_rule, const char* item, std::size_t record) {
    if (!column) return std::string_view();
    const std::string_view value = text->keep(csv.field(*column));
    if (!value.empty() && !known(value))
      finding_on(record, rule::unknown_code, std::string(dfe_rule) + " " + item + ": " + quoted_value(value));
    return value;
  }
  void finding_on(std::size_t record, csc::rule r, std::string detail) {
    finding f;
    f.rule = r;
    f.record = record;
    f.detail = std::move(detail);
    out.findings.push_back(std::move(f));
  }
};

// Reads the referral rows of reader @p r (read_referrals_csv()); @p expected: about how many.
inline void read_referral_rows(csv_table_reader<referral_record>& r, std::size_t expected) {
  const std::size_t child_col = r.csv.require_column("LAchildID");
  const std::size_t date_col = r.csv.require_column("CINreferralDate");
  const auto source_col = r.csv.column("ReferralSource");
  const auto nfa_col = r.csv.column("ReferralNFA");
  const auto closure_col = r.csv.column("CINclosureDate");
  const auto reason_col = r.csv.column("ReasonForClosure");
  r.read_rows(
      [&](std::size_t i) {
        referral_record rec{r.child(child_col), r.date(date_col), r.optional_date(closure_col),
                            r.code(source_col, is_referral_source_code, "8866", "ReferralSource", i),
                            r.boolean(nfa_col),
                            r.code(reason_col, is_reason_for_closure_code, "8650", "ReasonForClosure", i),
                            r.source(), r.kept()};
        if (rec.closure && *rec.closure < rec.referral)
          r.finding_on(i, rule::cin_closure_before_referral,
                       "CINclosureDate " + to_iso_string(*rec.closure) + " is before CINreferralDate " +
                           to_iso_string(rec.referral));
        return rec;
      },
      expected);
}

// Reads the CP plan rows of reader @p r (read_cp_plans_csv()); @p expected: about how many.
inline void read_cp_plan_rows(csv_table_reader<cp_plan_record>& r, std::size_t expected) {
  const std::size_t child_col = r.csv.require_column("LAchildID");
  const std::size_t start_col = r.csv.require_column("CPPstartDate");
  const auto end_col = r.csv.column("CPPendDate");
  const auto initial_col = r.csv.column("InitialCategoryOfAbuse");
  const auto latest_col = r.csv.column("LatestCategoryOfAbuse");
  const auto previous_col = r.csv.column("NumberOfPreviousCPP");
  r.read_rows(
      [&](std::size_t i) {
        cp_plan_record rec{r.child(child_col), r.date(start_col), r.optional_date(end_col),
                           r.code(initial_col, is_category_of_abuse_code, "8905", "InitialCategoryOfAbuse", i),
                           r.code(latest_col, is_category_of_abuse_code, "8910", "LatestCategoryOfAbuse", i),
                           std::nullopt, r.source(), r.kept()};
        if (previous_col && !r.csv.field(*previous_col).empty())
          rec.previous_plans =
              r.csv.whole_number_field(*previous_col, std::numeric_limits<int>::max(), "(DfE rule 8730)");
        return rec;
      },
      expected);
}

// Reads the episode rows of extract @p e from reader @p r (read_episodes_csv()); @p expected: about how many.
inline void read_episode_rows(csv_table_reader<episode_record>& r, episode_extract e, std::size_t expected);

// About how many records @p bytes hold: their line ends (a record spanning lines in quotes counts more than once).
inline std::size_t rows_in(std::string_view bytes) noexcept {
  return static_cast<std::size_t>(std::count(bytes.begin(), bytes.end(), '\n')) + 1;
}

// Where to cut @p bytes into at most @p parts parts of whole lines, the header
// line in the first: the offsets of the parts' first bytes, then bytes.size().
// {0, bytes.size()} when @p parts < 2 or the input cannot be cut without reading
// it (a quote: a line end may be inside a quoted field; a carriage return not
// before a line feed: the reader counts it as a line end).
inline std::vector<std::size_t> part_cuts(std::string_view bytes, std::size_t parts) {
  std::vector<std::size_t> cuts{0};
  parts = std::min(parts, std::size_t{1024});  // more would only add cuts of a few bytes
  const std::size_t header_end = bytes.find('\n');
  bool cuttable = parts >= 2 && header_end != std::string_view::npos && bytes.find('"') == std::string_view::npos;
  for (std::size_t at = bytes.find('\r'); cuttable && at != std::string_view::npos; at = bytes.find('\r', at + 1))
    cuttable = at + 1 < bytes.size() && bytes[at + 1] == '\n';
  if (cuttable) {
    for (std::size_t k = 1; k < parts; ++k) {
      std::size_t at = std::max(header_end + 1, bytes.size() / parts * k);
      if (at < bytes.size() && bytes[at - 1] != '\n') {
        at = bytes.find('\n', at);
        at = at == std::string_view::npos ? bytes.size() : at + 1;
      }
      if (at > cuts.back() && at < bytes.size()) cuts.push_back(at);
    }
  }
  cuts.push_back(bytes.size());
  return cuts;
}

// Reads @p file in the parts part_cuts() gives, each part's rows read by
// @p read_rows(reader, expected) as a task of @p run, then joined in order and
// finished as one table: the same records, findings (duplicates across parts
// included), errors and counts as one reader over the whole input.
template <class Record, class Run, class ReadRows>
record_table<Record> read_in_parts(const mapped_file& file, const extract_options& o, std::size_t parts, Run& run,
                                   const ReadRows& read_rows) {
  const std::string_view bytes = file.bytes();
  const std::vector<std::size_t> cuts = part_cuts(bytes, parts);
  const std::size_t n = cuts.size() - 1;
  std::vector<csv_table_reader<Record>> readers;
  readers.reserve(n);
  const auto part = [&](std::size_t k) { return bytes.substr(cuts[k], cuts[k + 1] - cuts[k]); };
  readers.emplace_back(csv_reader::over(part(0), file.path(), csv_table_reader<Record>::reader_options(o)),
                       file.path(), o);
  std::vector<std::size_t> line_ends(n);  // each part's; a part of whole lines has as many as lines
  for (std::size_t k = 0; k < n; ++k) line_ends[k] = rows_in(part(k)) - 1;
  std::size_t line = 1;
  for (std::size_t k = 1; k < n; ++k) {
    line += line_ends[k - 1];
    readers.emplace_back(csv_reader::part_of(readers.front().csv, part(k), line), file.path(), o);
  }
  // The first part makes room for every part's records, so that the others are
  // appended to it without moving it.
  const std::size_t all_rows = std::accumulate(line_ends.begin(), line_ends.end(), std::size_t{1});
  std::vector<std::exception_ptr> failed(n);
  std::vector<std::function<void()>> tasks;
  for (std::size_t k = 0; k < n; ++k) {
    tasks.emplace_back([&, k] {
      try {
        read_rows(readers[k], k == 0 ? all_rows : line_ends[k] + 1);
      } catch (...) {
        failed[k] = std::current_exception();
      }
    });
  }
  run(tasks);
  for (const std::exception_ptr& e : failed)
    if (e) std::rethrow_exception(e);
  for (std::size_t k = 1; k < n; ++k) readers.front().append(std::move(readers[k]));
  return readers.front().finish();
}


}  // namespace detail

/// @brief Reads a referrals extract:
/// `LAchildID,CINreferralDate[,ReferralSource,ReferralNFA,CINclosureDate,ReasonForClosure]`,
/// columns in any order, other columns ignored unless named in @p keep.
/// @param in     the CSV (RFC 4180, header line first; see csv_reader).
/// @param source the file name used in errors and in the table.
/// @param options the encoding, date format, items to keep raw (`keep`, "" keeps nothing) and whether
///               records that cannot be read are left out (extract_options).
/// @return the table; `findings` holds rule::unknown_code (ReferralSource, DfE 8866; ReasonForClosure, 8650) and
/// rule::cin_closure_before_referral (DfE 8630), each on a record that is kept as written.
/// @throws parse_error naming file, line and column for a missing LAchildID or CINreferralDate column.
/// @throws parse_errors listing every record that cannot be read (an empty LAchildID, a date not in the date
/// format, a ReferralNFA that is not a boolean spelling, malformed CSV, bytes not in the encoding), unless
/// `options.skip_invalid_records`.
inline referral_table read_referrals_csv(std::istream& in, const std::string& source,
                                         const extract_options& options = {}) {
  detail::csv_table_reader<referral_record> r(in, source, options);
  detail::read_referral_rows(r, 0);
  return r.finish();
}

/// @brief Reads a referrals extract held in memory (a memory-mapped file), with the same rules,
/// results and errors as the stream overload; fields are read as views, not copied.
/// @param file    the extract (csc::io::mapped_file); its path names it in errors and in the table.
/// @param options as the stream overload.
/// @return the table, as the stream overload.
/// @throws parse_error, parse_errors as the stream overload.
inline referral_table read_referrals_csv(const mapped_file& file, const extract_options& options = {}) {
  one_after_another run;
  return detail::read_in_parts<referral_record>(file, options, 1, run,
                                                [](auto& r, std::size_t n) { detail::read_referral_rows(r, n); });
}

/// @brief Reads a referrals extract held in memory in up to @p parts parts of whole lines,
/// run as tasks by @p run (so a host can read them on several threads), with the same
/// table and errors as reading it whole. An input holding a quote character `"` (a line end
/// might be inside a quoted field) or a carriage return not followed by a line feed is read
/// as one part.
/// @tparam Run a task runner (see one_after_another).
/// @param file    the extract.
/// @param options as the stream overload.
/// @param parts   how many parts at most (0 and 1: one; more than 1024 read as 1024).
/// @param run     called once with the tasks; returns when every task has run.
/// @return the table, as the stream overload.
/// @throws parse_error, parse_errors as the stream overload; std::length_error beyond 2^32 - 2 records.
template <class Run>
referral_table read_referrals_csv(const mapped_file& file, const extract_options& options, std::size_t parts,
                                  Run&& run) {
  return detail::read_in_parts<referral_record>(file, options, parts, run,
                                                [](auto& r, std::size_t n) { detail::read_referral_rows(r, n); });
}

/// @brief Reads a child protection plans extract:
/// `LAchildID,CPPstartDate[,CPPendDate,InitialCategoryOfAbuse,LatestCategoryOfAbuse,NumberOfPreviousCPP]`,
/// columns in any order, other columns ignored unless named in @p keep.
/// @param in     the CSV.
/// @param source the file name used in errors and in the table.
/// @param options the encoding, date format, items to keep raw (`keep`, "" keeps nothing) and whether
///               records that cannot be read are left out (extract_options).
/// @return the table; `findings` holds rule::unknown_code for a category of abuse outside DfE's list (8905, 8910).
/// A plan ending before it starts is kept: csc::classify_cp_plans reports it (DfE 8925, docs/rules/cp-plan-checks.md).
/// @throws parse_error naming file, line and column for a missing LAchildID or CPPstartDate column.
/// @throws parse_errors listing every record that cannot be read (as read_referrals_csv(), and a
/// NumberOfPreviousCPP that is not a whole number >= 0, DfE 8730), unless `options.skip_invalid_records`.
inline cp_plan_table read_cp_plans_csv(std::istream& in, const std::string& source,
                                       const extract_options& options = {}) {
  detail::csv_table_reader<cp_plan_record> r(in, source, options);
  detail::read_cp_plan_rows(r, 0);
  return r.finish();
}

/// @brief Reads a child protection plans extract held in memory (a memory-mapped file), with the
/// same rules, results and errors as the stream overload; fields are read as views, not copied.
/// @param file    the extract (csc::io::mapped_file); its path names it in errors and in the table.
/// @param options as the stream overload.
/// @return the table, as the stream overload.
/// @throws parse_error, parse_errors as the stream overload.
inline cp_plan_table read_cp_plans_csv(const mapped_file& file, const extract_options& options = {}) {
  one_after_another run;
  return detail::read_in_parts<cp_plan_record>(file, options, 1, run,
                                               [](auto& r, std::size_t n) { detail::read_cp_plan_rows(r, n); });
}

/// @brief Reads a child protection plans extract held in memory in up to @p parts parts of
/// whole lines, run as tasks by @p run, with the same table and errors as reading it whole
/// (as the referrals overload: an input with a quote or a lone carriage return is one part).
/// @tparam Run a task runner (see one_after_another).
/// @param file    the extract.
/// @param options as the stream overload.
/// @param parts   how many parts at most (0 and 1: one; more than 1024 read as 1024).
/// @param run     called once with the tasks; returns when every task has run.
/// @return the table, as the stream overload.
/// @throws parse_error, parse_errors as the stream overload; std::length_error beyond 2^32 - 2 records.
template <class Run>
cp_plan_table read_cp_plans_csv(const mapped_file& file, const extract_options& options, std::size_t parts,
                                Run&& run) {
  return detail::read_in_parts<cp_plan_record>(file, options, parts, run,
                                               [](auto& r, std::size_t n) { detail::read_cp_plan_rows(r, n); });
}

/// @brief The start and end columns of extract @p e.
/// @param e the extract.
/// @return {"CINPlanStartDate", "CINPlanEndDate"} for CIN plans, {"StartDate", "EndDate"} otherwise.
constexpr std::pair<std::string_view, std::string_view> episode_columns(episode_extract e) noexcept {
  return e == episode_extract::cin_plans ? std::pair<std::string_view, std::string_view>{"CINPlanStartDate",
                                                                                          "CINPlanEndDate"}
                                         : std::pair<std::string_view, std::string_view>{"StartDate", "EndDate"};
}

/// @brief Reads a plain episode extract: `LAchildID,<start>[,<end>]` with the columns of @p e
/// (episode_columns()), in any order, other columns ignored.
/// @param in     the CSV.
/// @param source the file name used in errors and in the table.
/// @param e      which extract it is.
/// @param options the encoding, date format and whether records that cannot be read are left out
///               (`keep` is not used: episodes keep no columns).
/// @return the table. An episode ending before it starts is kept: csc::build_timelines reports it
/// (rule::episode_end_before_start, docs/rules/stepdown.md).
/// @throws parse_error naming file, line and column for a missing LAchildID or start column.
/// @throws parse_errors listing every record that cannot be read, unless `options.skip_invalid_records`.
inline episode_table read_episodes_csv(std::istream& in, const std::string& source, episode_extract e,
                                       const extract_options& options = {}) {
  detail::csv_table_reader<episode_record> r(in, source, options);
  detail::read_episode_rows(r, e, 0);
  return r.finish();
}

/// @brief Reads a plain episode extract held in memory (a memory-mapped file), with the same
/// rules, results and errors as the stream overload; fields are read as views, not copied.
/// @param file    the extract (csc::io::mapped_file); its path names it in errors and in the table.
/// @param e       which extract it is.
/// @param options as the stream overload.
/// @return the table, as the stream overload.
/// @throws parse_error, parse_errors as the stream overload.
inline episode_table read_episodes_csv(const mapped_file& file, episode_extract e,
                                       const extract_options& options = {}) {
  one_after_another run;
  return detail::read_in_parts<episode_record>(file, options, 1, run,
                                               [e](auto& r, std::size_t n) { detail::read_episode_rows(r, e, n); });
}

/// @brief Reads a plain episode extract held in memory in up to @p parts parts of whole
/// lines, run as tasks by @p run, with the same table and errors as reading it whole
/// (as the referrals overload: an input with a quote or a lone carriage return is one part).
/// @tparam Run a task runner (see one_after_another).
/// @param file    the extract.
/// @param e       which extract it is.
/// @param options as the stream overload.
/// @param parts   how many parts at most (0 and 1: one; more than 1024 read as 1024).
/// @param run     called once with the tasks; returns when every task has run.
/// @return the table, as the stream overload.
/// @throws parse_error, parse_errors as the stream overload; std::length_error beyond 2^32 - 2 records.
template <class Run>
episode_table read_episodes_csv(const mapped_file& file, episode_extract e, const extract_options& options,
                                std::size_t parts, Run&& run) {
  return detail::read_in_parts<episode_record>(file, options, parts, run,
                                               [e](auto& r, std::size_t n) { detail::read_episode_rows(r, e, n); });
}

namespace detail {
inline void read_episode_rows(csv_table_reader<episode_record>& r, episode_extract e, std::size_t expected) {
  const auto [start_name, end_name] = episode_columns(e);
  const std::size_t child_col = r.csv.require_column("LAchildID");
  const std::size_t start_col = r.csv.require_column(start_name);
  const auto end_col = r.csv.column(end_name);
  r.read_rows(
      [&](std::size_t) {
        return episode_record{r.child(child_col), r.date(start_col), r.optional_date(end_col), r.source()};
      },
      expected);
}
}  // namespace detail

}  // namespace csc::io

#endif  // CSC_IO_CSV_RECORDS_HPP
