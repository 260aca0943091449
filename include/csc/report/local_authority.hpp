/// @file
/// @brief `csc::local_authority_directory`: the local authorities named in
/// DfE's open-data files (columns old_la_code, new_la_code, la_name), looked
/// up by the old three-digit LA number (e.g. 879), the ONS code (e.g.
/// E06000026) or the name (e.g. "Plymouth", any case); an unknown one is an
/// error listing the nearest matches (docs/rules/benchmarks.md, "The local
/// authority").
#ifndef CSC_REPORT_LOCAL_AUTHORITY_HPP
#define CSC_REPORT_LOCAL_AUTHORITY_HPP

#include <csc/io/dfe_statistics.hpp>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace csc {

/// @brief One local authority as DfE's files name it (its latest row).
/// Source: DfE open data, columns old_la_code, new_la_code, la_name,
/// region_code, region_name; docs/rules/benchmarks.md.
struct local_authority {
  int old_code = 0;          ///< The old LA number, e.g. 879.
  std::string new_code;      ///< The ONS code of its latest row, e.g. "E06000026" ("" when the files have none).
  std::string name;          ///< The name of its latest row, e.g. "Plymouth".
  std::string region_code;   ///< e.g. "E12000009".
  std::string region_name;   ///< e.g. "South West".
  int latest_year = 0;       ///< The latest time_period it was read from.
};

/// @brief "Plymouth (879, E06000026)": a local authority's name with its codes,
/// for messages and footers. Source: docs/rules/benchmarks.md.
/// @param la the local authority.
/// @return the text; without the ONS code when it is unknown.
inline std::string describe(const local_authority& la) {
  return la.name + " (" + std::to_string(la.old_code) + (la.new_code.empty() ? "" : ", " + la.new_code) + ")";
}

/// @brief Thrown by local_authority_directory::resolve for a query that names no
/// local authority; what() lists the nearest matches.
/// Source: docs/rules/benchmarks.md ("The local authority").
class unknown_local_authority : public std::invalid_argument {
 public:
  /// @brief The error for @p query with the nearest matches @p nearest.
  /// @param query   the query as given (e.g. "999").
  /// @param nearest the nearest local authorities, closest first (may be empty).
  unknown_local_authority(const std::string& query, const std::vector<const local_authority*>& nearest)
      : std::invalid_argument(message(query, nearest)), nearest_(nearest.size()) {}
  /// @brief How many near matches the message lists.
  /// @return the count.
  std::size_t nearest_count() const noexcept { return nearest_; }

 private:
  static std::string message(const std::string& query, const std::vector<const local_authority*>& nearest) {
    std::string m = "'" + query + "' is not the old LA number, ONS code or name of a local authority in the DfE files";
    for (std::size_t i = 0; i < nearest.size(); ++i) m += (i ? "; " : "; nearest: ") + describe(*nearest[i]);
    return m;
  }
  std::size_t nearest_;
};

/// @brief The local authorities of one or more DfE open-data tables, by old LA
/// number, ONS code and name. Every LA row adds its codes and name: a
/// local authority keeps the name and ONS code of its latest year, and every
/// ONS code and name it ever had still finds it (e.g. "Bristol, City of").
/// Source: DfE open data (c1_, d3_, ons_mid-year_... files);
/// docs/rules/benchmarks.md ("The local authority").
class local_authority_directory {
 public:
  /// @brief Adds every "Local authority" row of @p table (England and regional rows are ignored).
  /// @param table a DfE table as read by csc::io::published_table::read.
  void add(const io::published_table& table) {
    for (const io::published_row& r : table.rows()) {
      if (r.level != io::geographic_level::local_authority) continue;
      local_authority& la = by_code_[r.la_number];
      if (r.time_period >= la.latest_year) {
        la.old_code = r.la_number;
        la.latest_year = r.time_period;
        if (!r.la_name.empty()) la.name = r.la_name;
        if (!r.new_la_code.empty()) la.new_code = r.new_la_code;
        la.region_code = r.region_code;
        la.region_name = r.region_name;
      }
      if (!r.new_la_code.empty()) aliases_[fold(r.new_la_code)] = r.la_number;
      if (!r.la_name.empty()) aliases_[fold(r.la_name)] = r.la_number;
      if (const std::size_t comma = r.la_name.find(','); comma != std::string::npos) {
        const auto [it, added] = before_comma_.emplace(fold(r.la_name.substr(0, comma)), r.la_number);
        if (!added && it->second != r.la_number) it->second = -1;  // two names start so: ambiguous
      }
    }
  }

  /// @brief How many local authorities are known.
  /// @return the count of distinct old LA numbers.
  std::size_t size() const noexcept { return by_code_.size(); }

  /// @brief The local authority with old LA number @p old_code.
  /// @param old_code e.g. 879.
  /// @return it, owned by this directory; nullptr when unknown.
  const local_authority* find(int old_code) const {
    const auto it = by_code_.find(old_code);
    return it == by_code_.end() ? nullptr : &it->second;
  }

  /// @brief The local authority @p query names: its old LA number (digits,
  /// e.g. "879"), an ONS code it has had (e.g. "E06000026", any case), a name
  /// it has had (any case, runs of spaces and punctuation alike: "plymouth",
  /// "Bristol City of"), or the part of a name before its comma when only one
  /// name starts so ("Bristol" for "Bristol, City of").
  /// @param query the text to look up (leading and trailing spaces ignored).
  /// @return the local authority, owned by this directory; nullptr when none.
  const local_authority* find(std::string_view query) const {
    const std::string q = fold(query);
    if (q.empty()) return nullptr;
    if (std::all_of(q.begin(), q.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return q.size() <= 4 ? find(std::stoi(q)) : nullptr;
    if (const auto it = aliases_.find(q); it != aliases_.end()) return find(it->second);
    const auto it = before_comma_.find(q);
    return it == before_comma_.end() || it->second < 0 ? nullptr : find(it->second);
  }

  /// @brief The local authority @p query names (find()), or an error listing the nearest ones.
  /// @param query   the text to look up (an old LA number, an ONS code or a name).
  /// @param nearest how many near matches the error lists.
  /// @return the local authority, owned by this directory.
  /// @throws unknown_local_authority (a std::invalid_argument) "'Q' is not the
  /// old LA number, ONS code or name of a local authority in the DfE files;
  /// nearest: A (..); B (..)" when none matches.
  const local_authority& resolve(std::string_view query, std::size_t nearest = 5) const {
    if (const local_authority* la = find(query)) return *la;
    throw unknown_local_authority(std::string(query), near_matches(query, nearest));
  }

  /// @brief The @p n local authorities whose old LA number, ONS code or name
  /// is nearest @p query by edit distance (after case folding), closest first;
  /// ties by old LA number.
  /// @param query the text looked up.
  /// @param n     how many to give at most.
  /// @return the matches, owned by this directory.
  std::vector<const local_authority*> near_matches(std::string_view query, std::size_t n) const {
    const std::string q = fold(query);
    std::map<int, std::size_t> best;  // old code -> smallest distance
    const auto consider = [&](int code, const std::string& text) {
      const std::size_t d = edit_distance(q, text);
      const auto it = best.find(code);
      if (it == best.end() || d < it->second) best[code] = d;
    };
    for (const auto& [code, la] : by_code_) consider(code, std::to_string(code));
    for (const auto& [text, code] : aliases_) consider(code, text);
    std::vector<std::pair<std::size_t, int>> ranked;
    for (const auto& [code, d] : best) ranked.emplace_back(d, code);
    std::sort(ranked.begin(), ranked.end());
    std::vector<const local_authority*> out;
    for (std::size_t i = 0; i < ranked.size() && i < n; ++i) out.push_back(find(ranked[i].second));
    return out;
  }

 private:
  // Lower case; every run of characters other than letters and digits one space; no space at either end.
  static std::string fold(std::string_view s) {
    std::string out;
    bool space = false;
    for (const char ch : s) {
      const unsigned char u = static_cast<unsigned char>(ch);
      if (std::isalnum(u) || u >= 0x80) {
        if (space && !out.empty()) out += ' ';
        space = false;
        out += static_cast<char>(std::tolower(u));
      } else {
        space = true;
      }
    }
    return out;
  }

  static std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
      std::size_t diagonal = row[0];
      row[0] = i;
      for (std::size_t j = 1; j <= b.size(); ++j) {
        const std::size_t up = row[j];
        row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
        diagonal = up;
      }
    }
    return row[b.size()];
  }

  std::map<int, local_authority> by_code_;
  std::map<std::string, int> aliases_;  // folded ONS codes and names -> old code
  std::map<std::string, int> before_comma_;  // folded part of a name before its comma -> old code (-1: ambiguous)
};

}  // namespace csc

#endif  // CSC_REPORT_LOCAL_AUTHORITY_HPP
