// csc-report's inputs: the files named on the command line opened and read
// into the library's record tables (csc::io::record_table), CSV or CIN census.
#ifndef CSC_EXAMPLES_INPUTS_HPP
#define CSC_EXAMPLES_INPUTS_HPP

#include <csc/calendar/add_months.hpp>
#include <csc/checks/cin_census_checks.hpp>
#include <csc/core/count_text.hpp>
#include <csc/core/day.hpp>
#include <csc/core/finding.hpp>
#include <csc/io/census_records.hpp>
#include <csc/io/cin_census.hpp>
#include <csc/io/csv_records.hpp>
#include <csc/io/merge_extracts.hpp>

#include "concurrency.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <ios>
#include <optional>
#include <utility>
#include <stdexcept>
#include <string>
#include <system_error>
#include <type_traits>
#include <vector>

namespace csc_report {

using date = csc::day;  // the tool's date type: the library's own

// Checks that @p path names a file; otherwise an error in the tool's words naming it.
inline void check_input(const std::string& path) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (!std::filesystem::exists(status)) throw std::runtime_error(path + ": cannot open: no such file");
  if (std::filesystem::is_directory(status)) throw std::runtime_error(path + ": cannot open: a directory, not a file");
}

// Opens @p path for reading; a file that cannot be opened is an error in the
// tool's words naming the file and the cause (missing, a directory, no permission).
inline std::ifstream open_input(const std::string& path) {
  check_input(path);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot open: " + std::strerror(errno));
  return in;
}

// Opens @p path and returns @p read(stream); a read that fails half-way (an I/O
// error, not bad data: that is the reader's parse_error) names the file and the cause.
template <class Read>
auto read_input(const std::string& path, Read read) {
  std::ifstream in = open_input(path);
  try {
    auto out = read(in);
    if (in.bad()) throw std::runtime_error(path + ": read error: " + std::strerror(errno));
    return out;
  } catch (const std::ios_base::failure&) {  // thrown by the stream buffer on a failed read()
    throw std::runtime_error(path + ": read error: " + std::strerror(errno));
  }
}

// Whether a reader's input (In: a reference) is a mapped file rather than a stream.
template <class In>
constexpr bool is_mapped = std::is_same_v<std::decay_t<In>, csc::io::mapped_file>;

// Reads the CSV extract @p path with @p read(input, path): a csc::io::mapped_file
// (fields read as views of the mapped file), or, in the WebAssembly build, the
// file as a stream read a block at a time (no whole-file copy into its memory).
template <class Read>
auto read_csv_input(const std::string& path, Read read) {
#ifdef __EMSCRIPTEN__
  return read_input(path, [&](std::istream& in) { return read(in, path); });
#else
  check_input(path);
  std::optional<csc::io::mapped_file> file;
  try {
    file.emplace(path);
  } catch (const std::system_error& e) {
    throw std::runtime_error(path + ": cannot open: " + std::strerror(e.code().value()));
  }
  return read(*file, path);
#endif
}

// The end of a "no records" message when @p rejected records were left out as
// unreadable (--skip-invalid-records): "" when none were.
inline std::string left_out(std::size_t rejected) {
  if (rejected == 0) return std::string();
  return "; " + csc::count_text(rejected, "record was", "records were") +
         " left out as unreadable (--skip-invalid-records)";
}

// Whether @p a and @p b name one file: the same text, or two paths to the same
// file (./F and F, a link); a path that cannot be examined compares by its text.
inline bool same_file(const std::string& a, const std::string& b) {
  if (a == b) return true;
  std::error_code ec;
  const bool same = std::filesystem::equivalent(a, b, ec);
  return !ec && same;
}

// Reads every extract in @p paths (oldest first) with @p read and merges them
// (csc::io::merge_extracts: a later extract's copy of a record supersedes an earlier one).
// Every file's unreadable records are reported together; a file given twice, or
// one with no records among several, is an error (it would be merged silently).
template <class Read>
auto read_extracts(const std::vector<std::string>& paths, Read read) {
  std::vector<decltype(read_csv_input(paths.front(), read))> tables;
  std::vector<csc::io::parse_error> errors;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    const std::string& path = paths[i];
    for (std::size_t j = 0; j < i; ++j)
      if (same_file(paths[j], path))
        throw std::runtime_error(path + (paths[j] == path ? "" : " (the file " + paths[j] + ")") +
                                 ": given twice as an extract of one input");
    try {
      tables.push_back(read_csv_input(path, read));
    } catch (const csc::io::parse_errors& e) {
      errors.insert(errors.end(), e.errors().begin(), e.errors().end());
    }
    if (paths.size() > 1 && errors.empty() && tables.back().records.empty())
      throw std::runtime_error(path + ": no records after the header (one of several extracts)" +
                               left_out(tables.back().rejected.size()));
  }
  if (errors.size() == 1) throw errors.front();
  if (!errors.empty()) throw csc::io::parse_errors(std::move(errors));
  try {
    return csc::io::merge_extracts(std::move(tables));
  } catch (const std::invalid_argument& e) {  // extracts with different columns
    throw std::runtime_error(e.what());
  }
}

// @p threads: a mapped extract is read in that many parts on as many threads (csc::io
// reads an extract holding quotes in one part).
inline csc::io::referral_table read_referrals(const std::vector<std::string>& paths,
                                              const csc::io::extract_options& o, unsigned threads = 1) {
  return read_extracts(paths, [&](auto& in, const std::string& p) {
    if constexpr (is_mapped<decltype(in)>) return csc::io::read_referrals_csv(in, o, threads, task_runner{threads});
    else return csc::io::read_referrals_csv(in, p, o);
  });
}

inline csc::io::cp_plan_table read_cp_plans(const std::vector<std::string>& paths, const csc::io::extract_options& o,
                                            unsigned threads = 1) {
  return read_extracts(paths, [&](auto& in, const std::string& p) {
    if constexpr (is_mapped<decltype(in)>) return csc::io::read_cp_plans_csv(in, o, threads, task_runner{threads});
    else return csc::io::read_cp_plans_csv(in, p, o);
  });
}

// An extract with a header and no records is an error, as for the referrals and
// CP plans: a step-down input given is expected to hold that level's episodes.
inline csc::io::episode_table read_episodes(const std::vector<std::string>& paths, csc::io::episode_extract e,
                                            const csc::io::extract_options& o, unsigned threads = 1) {
  csc::io::episode_table t = read_extracts(paths, [&](auto& in, const std::string& p) {
    if constexpr (is_mapped<decltype(in)>) return csc::io::read_episodes_csv(in, e, o, threads, task_runner{threads});
    else return csc::io::read_episodes_csv(in, p, e, o);
  });
  if (t.records.empty()) {
    const char* what = e == csc::io::episode_extract::cin_plans    ? "CIN plan"
                       : e == csc::io::episode_extract::early_help ? "early help"
                                                                   : "looked-after";
    throw std::runtime_error(t.name + ": no " + what + " records after the header" + left_out(t.rejected.size()));
  }
  return t;
}

// --cin-census: the returns read and merged (the latest return's copy of each
// referral), DfE's checks, and the record tables the CSV route also gives.
struct census_input {
  csc::io::cin_census census;
  std::vector<csc::finding> checks;  // csc::io::check_cin_census: source = a csc::io::cin_table
  csc::io::census_records records;
  // Dates after their return's ReferenceDate (csc::io::dates_after_reference_date):
  // listed by --check, an error for the figures (nothing after the extract date is counted).
  std::vector<csc::io::parse_error> late;
  // The first day the returns cover: the first day of the census year of the
  // earliest return, its ReferenceDate less one year plus one day (1 April for a
  // 31 March ReferenceDate; D2I make_census_period; docs/rules/completeness.md).
  std::optional<csc::day> data_from() const {
    std::optional<csc::day> first;
    for (const auto& h : census.files) {
      const csc::day start = csc::add_days(csc::add_months(csc::day(h.reference_date), -12), 1);
      if (!first || start < *first) first = start;
    }
    return first;
  }
};

// @p skip_invalid_records: records that cannot be read are left out and listed
// (the referral table's `rejected`) instead of stopping the run (docs/cin-census.md).
inline census_input read_census(const std::vector<std::string>& files, const std::vector<std::string>& keep,
                                bool skip_invalid_records = false) {
  census_input out;
  const csc::io::cin_read_options options{skip_invalid_records};
  for (std::size_t i = 0; i < files.size(); ++i)  // one file given twice would count twice
    for (std::size_t j = 0; j < i; ++j)
      if (same_file(files[j], files[i]))
        throw std::runtime_error(files[i] + (files[j] == files[i] ? "" : " (the file " + files[j] + ")") +
                                 ": given twice as a CIN census return");
  for (const std::string& f : files)
    read_input(f, [&](std::istream& in) { return (csc::io::read_cin_census(in, f, out.census, options), 0); });
  csc::io::merge(out.census);
  out.checks = csc::io::check_cin_census(out.census);
  out.late = csc::io::dates_after_reference_date(out.census);
  out.records = csc::io::census_records_of(out.census, out.checks, keep);
  return out;
}

}  // namespace csc_report

#endif
