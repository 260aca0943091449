// Writing a csc-report series table: as text grids (table, csv, markdown),
// as JSON (exact values), or as one self-contained HTML page with a chart per
// measure (html_report.hpp). Every text format is built from the same grids.
#ifndef CSC_EXAMPLES_SERIES_WRITERS_HPP
#define CSC_EXAMPLES_SERIES_WRITERS_HPP

#include "json_writer.hpp"
#include "series_section.hpp"

#include <csc/core/count_text.hpp>
#include <csc/report/completeness.hpp>
#include <csc/report/measure_catalogue.hpp>
#include <csc/report/percent.hpp>
#include <csc/report/period_label.hpp>
#include <csc/report/secondary_suppression.hpp>
#include <csc/report/suppression.hpp>
#include <csc/report/wide_table.hpp>

#include <algorithm>
#include <filesystem>
#include <iomanip>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace csc_report {

// A titled table of text cells; the first `text_columns` columns are labels
// (left-aligned), the rest figures (right-aligned).
struct grid {
  std::string title;
  std::vector<std::string> head;
  std::vector<std::vector<std::string>> lines;
  std::size_t text_columns = 1;
  std::vector<std::string> keys;  // the measure name of each head cell ("" for others), for html
};

// Title and provenance of a report (docs/csc-report.md, "Titles and provenance"):
// the council's name from DfE's files, the periods, the extract date, the inputs by file name.
struct provenance {
  std::string title;                  // "Walsall: children's social care measures by financial year, ..."
  std::string data_as_at;             // the extract date (--horizon, or the latest date in any input)
  std::vector<std::string> inputs;    // the extracts or returns, by file name
  std::vector<std::string> published; // DfE and ONS open-data files, by file name
};

inline std::string file_name(const std::string& path) { return std::filesystem::path(path).filename().string(); }

// The council's name for titles and column heads: as DfE's files name it, else
// "LA 335" (an old LA number given without DfE files), else "".
inline std::string council_name(const series_options& o) {
  if (o.authority) return o.authority->name;
  return o.la ? "LA " + std::to_string(*o.la) : std::string();
}

inline provenance series_provenance(const series_table& t, const series_options& o, const date& data_as_at,
                                    const std::vector<std::string>& inputs, const std::vector<std::string>& published) {
  provenance p;
  const std::string council = council_name(o);
  const char* by = "";
  switch (t.series.kind()) {
    case csc::series_kind::monthly: by = " by month"; break;
    case csc::series_kind::quarterly: by = " by quarter"; break;
    case csc::series_kind::financial_year: by = " by financial year"; break;
    case csc::series_kind::year_to_date: by = ", year to date at each month end"; break;
    case csc::series_kind::rolling_12: by = ", rolling 12 months at each month end"; break;
    case csc::series_kind::single: break;
  }
  p.title = (council.empty() ? std::string("Children's social care measures") : council + ": children's social care measures") +
            by + ", " + csc::to_iso_string(t.series[0].period.first()) + " to " +
            csc::to_iso_string(*t.series[t.series.size() - 1].period.last()) + ", data as at " +
            csc::to_iso_string(data_as_at);
  p.data_as_at = csc::to_iso_string(data_as_at);
  for (const std::string& i : inputs) p.inputs.push_back(file_name(i));
  p.published = published;
  return p;
}

// The footer line: the inputs by file name and the open data read.
inline std::string provenance_footer(const provenance& p) {
  std::string s = "Inputs:";
  for (std::size_t i = 0; i < p.inputs.size(); ++i) s += (i ? ", " : " ") + p.inputs[i];
  if (!p.published.empty()) {
    s += ". Published data (DfE, ONS):";
    for (std::size_t i = 0; i < p.published.size(); ++i) s += (i ? ", " : " ") + p.published[i];
  }
  return s + ". Data as at " + p.data_as_at + ".";
}

// The period cell of a human format: the label, "(part)" after a part period.
inline std::string period_cell(const series_table& t, std::size_t p, bool csv) {
  return t.series[p].label + (t.series[p].partial && !csv ? " (part)" : "");
}

// The completeness mark of measure @p c in period @p p (docs/rules/completeness.md):
// "*" history incomplete, "p" provisional, "" final.
inline std::string mark(const series_table& t, std::size_t p, const std::string& c) {
  const csc::measure_info* m = csc::find_measure(c);
  if (!m || p >= t.completeness.size()) return "";
  if (t.completeness[p].history_incomplete(*m)) return "*";
  return t.completeness[p].provisional_percent(*m) ? "p" : "";
}

// Whether any figure is marked (csv's completeness column; an undefined figure too, as the JSON lists it).
inline bool has_marks(const series_table& t) {
  for (const csc::series_row& r : t.rows)
    for (const auto& c : t.columns)
      if (!mark(t, r.period, c).empty()) return true;
  return false;
}

// A group's key of breakdown @p by in a text cell: "(all)" for all records; in human
// formats the code with DfE's label ("6: POLICE"), in csv the code alone.
inline std::string key_text(const std::string& by, const std::string& key, bool label) {
  if (key.empty()) return "(all)";
  const auto l = label ? csc::breakdown_label(by, key) : std::nullopt;
  return l ? key + ": " + std::string(*l) : key;
}

// The label columns of a group: one per breakdown key, and in csv a "KEY label"
// column after a key with a DfE code list.
inline void add_key_head(std::vector<std::string>& head, const series_table& t, bool csv) {
  for (const std::string& by : t.by) {
    head.push_back(by);
    if (csv && csc::io::has_cin_code_labels(by)) head.push_back(by + " label");
  }
}
inline void add_key_cells(std::vector<std::string>& line, const series_table& t, const std::vector<std::string>& keys,
                          bool csv) {
  for (std::size_t d = 0; d < t.by.size(); ++d) {
    const std::string key = d < keys.size() ? keys[d] : std::string();
    line.push_back(key_text(t.by[d], key, !csv));
    if (csv && csc::io::has_cin_code_labels(t.by[d])) {
      const auto l = csc::breakdown_label(t.by[d], key);
      line.push_back(l ? std::string(*l) : std::string());
    }
  }
}

// The series table as a grid: one line per (group, period), one column per measure,
// then one "met" column per --target. Undefined values are @p undefined.
inline grid series_grid(const series_table& t, const series_options& o, const char* undefined) {
  grid g;
  const bool csv = *undefined == '\0';  // csv: plain numbers, the marks in a last column; column names as heads
  add_key_head(g.head, t, csv);
  g.text_columns = g.head.size() + 1;
  g.head.push_back("period");
  g.keys.assign(g.head.size(), std::string());
  const auto label = [&](const std::string& c) {
    return csv ? c : csc::series_measure_label(*csc::find_measure(c), t.series.kind());
  };
  for (const auto& c : t.columns) {
    g.head.push_back(label(c));
    g.keys.push_back(c);
  }
  std::vector<std::string> targeted;
  for (const auto& [name, tg] : o.targets) {
    if (std::find(t.columns.begin(), t.columns.end(), name) == t.columns.end()) continue;
    targeted.push_back(name);
    g.head.push_back(csv ? name + " target " + tg.text + " met" : label(name) + ": target " + tg.text + " met");
    g.keys.emplace_back();
  }
  const bool marks = csv && has_marks(t);  // once: it reads every row
  if (marks) g.head.push_back("completeness");
  for (const csc::series_row& r : t.rows) {
    std::vector<std::string> line;
    add_key_cells(line, t, r.keys, csv);
    line.push_back(period_cell(t, r.period, csv));
    std::string marked;  // csv: the measures marked in this row
    for (const auto& c : t.columns) {
      std::string text = csc::figure_text(r.at(c), undefined);
      // csv names every marked measure of the row, an empty cell's too (as the JSON's
      // completeness lists it); the other formats mark the figures shown.
      const std::string m = mark(t, r.period, c);
      if (!m.empty() && csv) marked += (marked.empty() ? "" : "; ") + c + (m == "*" ? " history incomplete" : " provisional");
      line.push_back(csv || !r.at(c).value ? text : text + m);
    }
    for (const auto& name : targeted) {
      // A figure marked history incomplete is not judged, as in the comparison tables.
      if (r.at(name).value && !r.at(name).suppressed && mark(t, r.period, name) == "*") {
        line.emplace_back(csv ? "not judged: history incomplete" : "not judged");
        continue;
      }
      const auto met = csc::target_met(r.at(name), *csc::find_measure(name), o.targets.at(name).value);
      line.push_back(met ? (*met ? "yes" : "no") : undefined);
    }
    if (marks) line.push_back(marked);
    g.lines.push_back(std::move(line));
  }
  return g;
}

// The display text of a published figure: as published, or its symbol, "-" when absent.
inline std::string published_text(const csc::io::published_value& v) { return v.text.empty() ? "-" : v.text; }

// The published comparison of one measure as a grid: the local figure judged
// against England, the region and the SN mean; the LA's published figure beside it.
inline grid comparison_grid(const csc::published_comparison& c, const series_options& o, const char* undefined) {
  grid g;
  const bool csv = *undefined == '\0';
  const std::string council = council_name(o);
  g.title = c.label + ": " + council +
            " against England, its region and the mean of its 10 statistical neighbours (DfE published" +
            (c.computed ? ", rates computed from DfE's published counts and ONS mid-year estimates" : "") + "; " +
            (c.judged ? std::string(csc::direction_text(c.lower_is_better)) : std::string("no better direction")) +
            "; the verdicts judge the local figure)";
  bool latest = false;
  for (const auto& l : c.lines) latest = latest || l.year != l.local_year;
  g.head = {"year", "local", council + " published"};
  if (latest) g.head.insert(g.head.begin() + 1, "published year");
  for (const char* h : {"England", "region", "SN mean", "SN n", "vs England", "vs region", "vs SN mean"}) g.head.push_back(h);
  const auto target = o.targets.find(c.measure);
  if (target != o.targets.end()) g.head.push_back("target");
  for (const auto& l : c.lines) {
    std::vector<std::string> line = {l.local_label + (l.partial && !csv ? " (part)" : ""),
                                     csc::figure_text(l.local, undefined) +
                                         (l.history_incomplete && !csv && !l.local.suppressed ? "*" : ""),
                                     published_text(l.la),      published_text(l.england),
                                     published_text(l.region),  csc::figure_text(l.sn_mean, undefined),
                                     std::to_string(l.sn_count), std::string(csc::to_string(c.versus_england(l))),
                                     std::string(csc::to_string(c.versus_region(l))),
                                     std::string(csc::to_string(c.versus_sn_mean(l)))};
    if (latest)
      line.insert(line.begin() + 1, l.year == 0 ? std::string("-")
                                                : csc::year_ending_label(l.year) +
                                                      (l.year != l.local_year && !csv ? " (latest)" : ""));
    if (target != o.targets.end()) line.push_back(target->second.text);
    g.lines.push_back(std::move(line));
  }
  return g;
}

// Sentences under the tables: groups, notes, suppression.
inline std::vector<std::string> series_footnotes(const series_table& t, const series_options& o) {
  std::vector<std::string> out;
  if (t.by.size() == 1)
    out.push_back("Records with no " + o.by + " value (in (all) only): " + std::to_string(t.records_without_key) +
                  ". A record with several values (separated by ';') counts once in each, so groups can add up to "
                  "more than (all).");
  if (t.by.size() > 1) {
    std::string without;
    for (std::size_t d = 0; d < t.by.size(); ++d)
      without += (d ? ", " : "") + t.by[d] + " " + std::to_string(t.records_without_keys.at(d));
    out.push_back("Records with no value (in the (all) rows of that key only): " + without +
                  ". A record with several values (separated by ';') counts once in each, so groups can add up to "
                  "more than (all).");
  }
  for (const std::string& n : t.notes) out.push_back("Note: " + n + ".");
  bool history = false;
  std::string provisional;
  for (const csc::series_row& r : t.rows)
    for (const auto& c : t.columns) {
      const std::string m = r.at(c).value ? mark(t, r.period, c) : std::string();
      history = history || m == "*";
      if (m == "p" && r.group.empty() && provisional.find(t.series[r.period].label + ":") == std::string::npos) {
        const csc::period_completeness& pc = t.completeness[r.period];
        provisional += (provisional.empty() ? "" : "; ") + t.series[r.period].label + ": " +
                       std::to_string(pc.step_downs_follow_up_incomplete) + " of " + std::to_string(pc.step_downs) +
                       " (" + csc::format_percent(pc.step_downs_follow_up_incomplete, pc.step_downs) + "%)";
      }
    }
  bool unjudged = false;  // a --target not judged for a figure marked *
  for (const auto& [name, tg] : o.targets)
    if (std::find(t.columns.begin(), t.columns.end(), name) != t.columns.end())
      for (const csc::series_row& r : t.rows)
        unjudged = unjudged || (r.at(name).value && !r.at(name).suppressed && mark(t, r.period, name) == "*");
  if (history) {
    std::string from;
    if (t.referrals_from) from += "referrals from " + csc::to_iso_string(*t.referrals_from);
    if (t.cp_plans_from) from += (from.empty() ? "" : ", ") + std::string("CP plans from ") + csc::to_iso_string(*t.cp_plans_from);
    out.push_back("* History incomplete: the data does not reach the period, or the period's look-back (or, for "
                  "second or subsequent plans, all earlier history) reaches before the earliest data (" + from +
                  "), so the figure may under-count.");
  }
  if (unjudged)
    out.push_back("Target not judged: a figure marked * (history incomplete) may under-count, so it is not judged "
                  "against its target, as the comparison tables do not judge it.");
  if (!provisional.empty())
    out.push_back("p Provisional: step-downs whose follow-up window passes the extract date, " + provisional + ".");
  if (o.suppress) out.push_back(std::string(csc::suppression_footnote));
  if (o.suppress && t.secondary_suppressed)
    out.push_back(std::string(csc::secondary_suppression_footnote) + " (" +
                  csc::count_text(t.secondary_suppressed, "cell") + " here).");
  std::string part;
  for (const auto& p : t.series.periods())
    if (p.partial) part += (part.empty() ? "" : ", ") + p.label;
  if (!part.empty())
    out.push_back("(part) Part period: " + part + " covers only part of its " +
                  std::string(t.series.kind() == csc::series_kind::single ? "period" : "calendar period") +
                  "; its counts are not comparable with a whole period's.");
  return out;
}

// Sentences under the published comparisons (docs/rules/benchmarks.md).
inline std::vector<std::string> comparison_footnotes(const series_table& t) {
  std::vector<std::string> out;
  bool part = false, latest = false, rates = false, incomplete = false;
  for (const auto& c : t.published) {
    rates = rates || c.computed;
    for (const auto& l : c.lines) {
      incomplete = incomplete || l.history_incomplete;
      part = part || l.partial;
      latest = latest || l.year != l.local_year;
    }
  }
  if (t.published.empty()) return out;
  out.push_back("Verdicts judge the local figure, as shown, against England, the region and the SN mean; the "
                "council's published figure is shown beside it, not judged. Counts and rates have no better "
                "direction: higher or lower.");
  if (incomplete)
    out.push_back("* History incomplete: the local figure lacks history it needs (the look-back or earlier plans "
                  "reach before the earliest data) or the data does not reach the year, so it may under-count; "
                  "it is not judged.");
  if (part)
    out.push_back("(part) Part year: the local figure counts only the part of the year inside the range, set against "
                  "the published full year; counts and rates of a part year are not compared.");
  if (latest)
    out.push_back("(latest) In-year: the year is not published yet; the local figure is set against the latest "
                  "published full year.");
  if (rates)
    out.push_back("Published rates per 10,000 children: DfE's published counts over the ONS mid-year estimate of "
                  "children aged 0-17 (mid-year Y-1 for the year ending 31 March Y); SN mean: the mean of the "
                  "neighbours' rates.");
  return out;
}

// Whether a spreadsheet would read cell @p s as a formula (it begins with = + - @,
// a tab or a carriage return), unless it is a number written as a number ("-1.5")
// or a lone "-" (a figure not published).
inline bool csv_formula_like(const std::string& s) {
  if (s.empty() || std::string_view("=+-@\t\r").find(s[0]) == std::string_view::npos) return false;
  if (s[0] != '-' && s[0] != '+') return true;
  if (s.size() == 1) return false;
  bool digit = false, point = false;
  for (std::size_t i = 1; i < s.size(); ++i) {
    if (s[i] >= '0' && s[i] <= '9') {
      digit = true;
    } else if (s[i] == '.' && !point) {
      point = true;
    } else {
      return true;
    }
  }
  return !digit;
}

// A CSV cell: a cell a spreadsheet would read as a formula is neutralised by a
// leading apostrophe ('=cmd()), then quoted when it holds , " CR or LF (docs/csc-report.md).
inline std::string csv_quote(const std::string& cell) {
  const std::string s = csv_formula_like(cell) ? "'" + cell : cell;
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char ch : s) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return q + '"';
}

// A markdown table cell: | escaped, a line break (LF, CR or CRLF) written <br> so that
// the row stays on one line.
inline std::string markdown_escape(const std::string& s) {
  std::string e;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char ch = s[i];
    if (ch == '|') {
      e += "\\|";
    } else if (ch == '\r' || ch == '\n') {
      e += "<br>";
      if (ch == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else {
      e += ch;
    }
  }
  return e;
}

// A grid as csv, markdown or an aligned text table.
inline void write_grid(std::ostream& os, const grid& g, const std::string& format) {
  if (format == "csv") {
    for (std::size_t i = 0; i < g.head.size(); ++i) os << (i ? "," : "") << csv_quote(g.head[i]);
    os << '\n';
    for (const auto& line : g.lines) {
      for (std::size_t i = 0; i < line.size(); ++i) os << (i ? "," : "") << csv_quote(line[i]);
      os << '\n';
    }
    return;
  }
  if (format == "markdown") {
    if (!g.title.empty()) os << "**" << markdown_escape(g.title) << "**\n\n";
    os << '|';
    for (const auto& h : g.head) os << ' ' << markdown_escape(h) << " |";
    os << "\n|";
    for (std::size_t i = 0; i < g.head.size(); ++i) os << (i < g.text_columns ? "---|" : "---:|");
    os << '\n';
    for (const auto& line : g.lines) {
      os << '|';
      for (const auto& v : line) os << ' ' << markdown_escape(v) << " |";
      os << '\n';
    }
    return;
  }
  if (!g.title.empty()) os << g.title << '\n';
  // Widths in characters, not bytes: UTF-8 continuation bytes take no column.
  const auto columns = [](const std::string& text) {
    std::size_t n = 0;
    for (const char ch : text) n += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
    return n;
  };
  std::vector<std::size_t> width(g.head.size());
  for (std::size_t i = 0; i < g.head.size(); ++i) width[i] = columns(g.head[i]);
  for (const auto& line : g.lines)
    for (std::size_t i = 0; i < line.size(); ++i) width[i] = std::max(width[i], columns(line[i]));
  const auto print = [&](const std::vector<std::string>& line) {
    for (std::size_t i = 0; i < line.size(); ++i) {
      const std::string pad(width[i] - columns(line[i]), ' ');
      os << (i ? "  " : "") << (i < g.text_columns ? line[i] + pad : pad + line[i]);
    }
    os << '\n';
  };
  print(g.head);
  for (const auto& line : g.lines) print(line);
}

// The wide layout (--layout wide, csc::wide_tables): one grid per measure with the
// periods as columns; csv writes them as one table with the measure in the first column.
inline std::vector<grid> wide_grids(const series_table& t, const char* undefined) {
  const bool csv = *undefined == '\0';
  std::vector<grid> out;
  for (const csc::wide_table& w : csc::wide_tables(t)) {
    grid g;
    g.title = csv ? w.measure : csc::series_measure_label(*csc::find_measure(w.measure), t.series.kind());
    if (csv) g.head.push_back("measure");
    add_key_head(g.head, t, csv);
    if (t.by.empty()) g.head.push_back("group");
    g.text_columns = g.head.size();
    g.head.insert(g.head.end(), w.periods.begin(), w.periods.end());
    for (const csc::wide_line& l : w.lines) {
      std::vector<std::string> line;
      if (csv) line.push_back(w.measure);
      add_key_cells(line, t, l.keys, csv);
      if (t.by.empty()) line.emplace_back("(all)");
      for (std::size_t c = 0; c < l.cells.size(); ++c) {
        const std::string m = l.cells[c].value && !csv ? mark(t, w.period_index[c], w.measure) : std::string();
        line.push_back(csc::figure_text(l.cells[c], undefined) + m);
      }
      g.lines.push_back(std::move(line));
    }
    out.push_back(std::move(g));
  }
  return out;
}

inline void write_wide(std::ostream& os, const series_table& t, const std::string& format, const char* undefined) {
  std::vector<grid> grids = wide_grids(t, undefined);
  if (format == "csv") {
    grid all;
    for (grid& g : grids) {
      if (all.head.empty()) all.head = g.head;
      for (auto& line : g.lines) all.lines.push_back(std::move(line));
    }
    write_grid(os, all, format);
    return;
  }
  for (std::size_t i = 0; i < grids.size(); ++i) {
    if (i) os << '\n';
    write_grid(os, grids[i], format);
  }
}

// Table, csv or markdown: the title, the series grid, its footnotes, then each
// comparison and their notes, then the inputs. csv has no title, footnotes or
// inputs, and only the series grid when there is no comparison.
inline void write_series_text(std::ostream& os, const series_table& t, const series_options& o,
                              const std::string& format, const provenance& about) {
  const char* undefined = format == "csv" ? "" : "-";
  if (format == "markdown") os << "## " << markdown_escape(about.title) << "\n\n";
  if (format == "table") os << about.title << "\n\n";
  if (o.layout == "wide") {
    write_wide(os, t, format, undefined);
  } else {
    write_grid(os, series_grid(t, o, undefined), format);
  }
  if (format != "csv") {
    const auto notes = series_footnotes(t, o);
    if (!notes.empty()) os << '\n';
    for (const std::string& n : notes) os << n << '\n';
  }
  for (const auto& c : t.published) {
    os << '\n';
    write_grid(os, comparison_grid(c, o, undefined), format);
  }
  if (format != "csv") {
    const auto notes = comparison_footnotes(t);
    if (!notes.empty()) os << '\n';
    for (const std::string& n : notes) os << n << '\n';
    os << '\n' << provenance_footer(about) << '\n';
  }
}

inline void write_cell(json_writer& j, std::string_view key, const csc::figure& c) {
  if (c.suppressed) {
    j.value(key, std::string("c"));
  } else {
    j.value(key, c.value);
  }
}

inline void write_published(json_writer& j, std::string_view key, const csc::io::published_value& v) {
  if (v.value) {
    j.value(key, v.value);
  } else if (!v.text.empty()) {
    j.value(key, v.text);
  } else {
    j.null(key);
  }
}

// JSON: exact values (null when undefined, "c" when suppressed), every period, every comparison.
inline void write_series_json(std::ostream& os, const series_table& t, const series_options& o,
                              const provenance& about) {
  json_writer j(os);
  j.begin_object();
  j.value("title", about.title);
  j.value("data_as_at", about.data_as_at);
  j.begin_object("local_authority");
  if (o.la) j.value("old_la_code", *o.la);
  if (o.authority) j.value("new_la_code", o.authority->new_code).value("la_name", o.authority->name);
  j.end_object();
  j.begin_array("inputs");
  for (const std::string& f : about.inputs) j.value(std::string_view(), f);
  for (const std::string& f : about.published) j.value(std::string_view(), f);
  j.end_array();
  j.begin_object("labels");  // the plain-language label of each measure key
  for (const std::string& c : t.columns) j.value(c, csc::series_measure_label(*csc::find_measure(c), t.series.kind()));
  j.end_object();
  j.value("series", std::string(csc::to_string(t.series.kind())));
  j.value("by", o.by);
  j.value("family", o.family);
  j.value("records_without_key", t.records_without_key);
  if (!t.by.empty()) {  // with --by: every key, each group's keys and DfE labels, and secondary suppression
    j.begin_array("by_keys");
    for (const std::string& b : t.by) j.value(std::string_view(), b);
    j.end_array();
    j.value("secondary_suppressed", t.secondary_suppressed);
  }
  j.begin_array("periods");
  for (const auto& p : t.series.periods()) {
    j.begin_object()
        .value("label", p.label)
        .value("from", csc::to_iso_string(p.period.first()))
        .value("to", csc::to_iso_string(*p.period.last()))
        .value("partial", p.partial)
        .end_object();
  }
  j.end_array();
  j.begin_array("rows");
  for (const csc::series_row& r : t.rows) {
    j.begin_object().value("group", r.group).value("period", t.series[r.period].label);
    if (!t.by.empty()) {
      j.begin_array("keys");
      for (const std::string& k : r.keys) j.value(std::string_view(), k);
      j.end_array().begin_array("labels");
      for (std::size_t d = 0; d < r.keys.size(); ++d) {
        const auto l = csc::breakdown_label(t.by[d], r.keys[d]);
        if (l) {
          j.value(std::string_view(), *l);
        } else {
          j.null(std::string_view());
        }
      }
      j.end_array();
    }
    for (const std::string& c : t.columns) write_cell(j, c, r.at(c));
    j.end_object();
  }
  j.end_array();
  j.begin_array("notes");
  for (const std::string& n : t.notes) j.value(std::string_view(), n);
  j.end_array();
  // Completeness per period (docs/rules/completeness.md).
  j.begin_object("completeness");
  if (t.referrals_from) j.value("referrals_from", csc::to_iso_string(*t.referrals_from));
  if (t.cp_plans_from) j.value("cp_plans_from", csc::to_iso_string(*t.cp_plans_from));
  j.begin_array("periods");
  for (std::size_t p = 0; p < t.completeness.size(); ++p) {
    const csc::period_completeness& c = t.completeness[p];
    j.begin_object().value("label", t.series[p].label);
    j.begin_array("history_incomplete");
    for (const auto& m : t.columns)
      if (c.history_incomplete(*csc::find_measure(m))) j.value(std::string_view(), m);
    j.end_array();
    j.value("step_downs", c.step_downs).value("step_downs_follow_up_incomplete", c.step_downs_follow_up_incomplete);
    j.end_object();
  }
  j.end_array();
  j.end_object();
  j.begin_object("targets");
  for (const auto& [name, tg] : o.targets) j.value(name, std::optional<double>(tg.value));
  j.end_object();
  j.begin_array("published");
  for (const auto& c : t.published) {
    j.begin_object().value("measure", c.measure).value("la", *o.la).value("lower_is_better", c.lower_is_better);
    j.value("label", c.label).value("judged", c.judged).value("per_period", c.per_period).value("computed", c.computed);
    j.begin_array("years");
    for (const auto& l : c.lines) {
      j.begin_object().value("year", l.local_year);
      write_cell(j, "local", l.local);
      write_published(j, "la_published", l.la);
      write_published(j, "england", l.england);
      write_published(j, "region", l.region);
      write_cell(j, "sn_mean", l.sn_mean);
      j.value("sn_count", l.sn_count);
      j.value("period", l.local_label).value("partial", l.partial).value("history_incomplete", l.history_incomplete);
      if (l.year) {
        j.value("published_year", l.year);
      } else {
        j.null("published_year");
      }
      j.value("vs_england", std::string(csc::to_string(c.versus_england(l))))
          .value("vs_region", std::string(csc::to_string(c.versus_region(l))))
          .value("vs_sn_mean", std::string(csc::to_string(c.versus_sn_mean(l))));
      j.end_object();
    }
    j.end_array().end_object();
  }
  j.end_array();
  j.end_object();
}

}  // namespace csc_report

#endif
