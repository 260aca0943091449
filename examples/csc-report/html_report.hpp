// csc-report --format html: one self-contained HTML page (no JavaScript, no
// network). With --series: the series table, an inline SVG line chart of each
// measure over the series (against England, the statistical neighbour mean and
// the target where given) and the published comparisons; for a single period:
// the report as --format table prints it. The page is well-formed XML as well
// as HTML5, so any XML parser can check it.
#ifndef CSC_EXAMPLES_HTML_REPORT_HPP
#define CSC_EXAMPLES_HTML_REPORT_HPP

#include "series_writers.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

namespace csc_report {

inline std::string html_escape(const std::string& s) {
  std::string out;
  for (char ch : s) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default:  // a control character other than tab and line ends is not allowed in XML: U+FFFD
        if (static_cast<unsigned char>(ch) < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') {
          out += "\xEF\xBF\xBD";
        } else {
          out += ch;
        }
    }
  }
  return out;
}

inline void write_html_table(std::ostream& os, const grid& g) {
  if (!g.title.empty()) os << "<h3>" << html_escape(g.title) << "</h3>\n";
  os << "<table>\n<thead><tr>";
  for (std::size_t i = 0; i < g.head.size(); ++i)
    os << (i < g.keys.size() && !g.keys[i].empty() ? "<th data-measure=\"" + html_escape(g.keys[i]) + "\">" : "<th>")
       << html_escape(g.head[i]) << "</th>";
  os << "</tr></thead>\n<tbody>\n";
  for (const auto& line : g.lines) {
    os << "<tr>";
    for (std::size_t i = 0; i < line.size(); ++i)
      os << (i < g.text_columns ? "<td>" : "<td class=\"n\">") << html_escape(line[i]) << "</td>";
    os << "</tr>\n";
  }
  os << "</tbody>\n</table>\n";
}

// One line of a chart: a name, a colour, and a value per period (empty = no point).
struct chart_line {
  std::string name;
  const char* colour;
  std::vector<std::optional<double>> values;
  bool dashed = false;
};

inline std::string svg_number(double v) {
  std::ostringstream os;
  os << std::fixed << std::setprecision(1) << v;
  return os.str();
}

// An SVG line chart of @p lines over the period labels @p labels.
inline void write_svg_chart(std::ostream& os, const std::string& measure, const std::string& title,
                            const std::vector<std::string>& labels, const std::vector<chart_line>& lines) {
  const double width = 700, height = 260, left = 56, right = 170, top = 16, bottom = 64;
  const double plot_w = width - left - right, plot_h = height - top - bottom;
  double max_value = 0;
  for (const auto& l : lines)
    for (const auto& v : l.values)
      if (v) max_value = std::max(max_value, *v);
  const double y_max = max_value > 0 ? max_value * 1.1 : 1.0;
  const std::size_t n = labels.size();
  const auto x = [&](std::size_t i) { return left + (n <= 1 ? plot_w / 2 : plot_w * double(i) / double(n - 1)); };
  const auto y = [&](double v) { return top + plot_h * (1.0 - v / y_max); };

  os << "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" data-measure=\"" << html_escape(measure)
     << "\" role=\"img\" width=\"" << width << "\" height=\"" << height << "\" viewBox=\"0 0 " << width << ' '
     << height << "\">\n<title>" << html_escape(title) << "</title>\n";
  // Axes and the y scale (0, half, top).
  os << "<line x1=\"" << left << "\" y1=\"" << top << "\" x2=\"" << left << "\" y2=\"" << top + plot_h
     << "\" stroke=\"#444\"/>\n<line x1=\"" << left << "\" y1=\"" << top + plot_h << "\" x2=\"" << left + plot_w
     << "\" y2=\"" << top + plot_h << "\" stroke=\"#444\"/>\n";
  for (const double v : {0.0, y_max / 2, y_max}) {
    os << "<text x=\"" << left - 6 << "\" y=\"" << svg_number(y(v) + 4) << "\" text-anchor=\"end\">"
       << svg_number(v) << "</text>\n";
  }
  const std::size_t step = std::max<std::size_t>(1, (n + 11) / 12);  // at most about 12 labels
  for (std::size_t i = 0; i < n; i += step) {
    os << "<text x=\"" << svg_number(x(i)) << "\" y=\"" << top + plot_h + 14 << "\" text-anchor=\"end\" transform=\"rotate(-30 "
       << svg_number(x(i)) << ' ' << top + plot_h + 14 << ")\">" << html_escape(labels[i]) << "</text>\n";
  }
  // Each line: polylines over runs of defined values, and a dot at every point.
  std::size_t legend = 0;
  for (const chart_line& l : lines) {
    std::string points;
    const auto flush = [&] {
      if (points.empty()) return;
      os << "<polyline fill=\"none\" stroke=\"" << l.colour << "\" stroke-width=\"2\""
         << (l.dashed ? " stroke-dasharray=\"6 4\"" : "") << " points=\"" << points << "\"/>\n";
      points.clear();
    };
    for (std::size_t i = 0; i < n; ++i) {
      if (!l.values[i]) {
        flush();
        continue;
      }
      points += (points.empty() ? "" : " ") + svg_number(x(i)) + ',' + svg_number(y(*l.values[i]));
      os << "<circle cx=\"" << svg_number(x(i)) << "\" cy=\"" << svg_number(y(*l.values[i])) << "\" r=\"3\" fill=\""
         << l.colour << "\"><title>" << html_escape(l.name + ", " + labels[i] + ": " + svg_number(*l.values[i]))
         << "</title></circle>\n";
    }
    flush();
    const double ly = top + 12 + 18 * double(legend++);
    os << "<line x1=\"" << width - right + 12 << "\" y1=\"" << ly << "\" x2=\"" << width - right + 36 << "\" y2=\""
       << ly << "\" stroke=\"" << l.colour << "\" stroke-width=\"2\"" << (l.dashed ? " stroke-dasharray=\"6 4\"" : "")
       << "/>\n<text x=\"" << width - right + 42 << "\" y=\"" << ly + 4 << "\">" << html_escape(l.name) << "</text>\n";
  }
  os << "</svg>\n";
}

// The chart lines of one measure: the local figures of the (all) rows; England
// the LA's published figure, England and the SN mean where a published comparison of the measure matches a
// financial-year period; the target.
inline std::vector<chart_line> measure_lines(const series_table& t, const series_options& o, const std::string& measure) {
  const std::size_t n = t.series.size();
  std::vector<chart_line> lines;
  chart_line local{"local", "#1f5fa8", std::vector<std::optional<double>>(n), false};
  for (const csc::series_row& r : t.rows) {
    if (!r.group.empty()) continue;
    const csc::figure& c = r.at(measure);
    if (c.value && !c.suppressed) local.values[r.period] = c.value;
  }
  lines.push_back(local);
  for (const auto& c : t.published) {
    if (c.measure != measure || t.series.kind() != csc::series_kind::financial_year) continue;
    chart_line la{council_name(o) + " published", "#5d6d7e", std::vector<std::optional<double>>(n), true};
    chart_line england{"England", "#b03a2e", std::vector<std::optional<double>>(n), false};
    chart_line sn{"SN mean", "#6c3483", std::vector<std::optional<double>>(n), false};
    for (const auto& l : c.lines) {
      for (std::size_t p = 0; p < n; ++p) {
        if (t.series[p].partial || l.partial || l.year != l.local_year ||
            t.series[p].label != csc::year_ending_label(l.local_year))
          continue;
        la.values[p] = l.la.value;
        england.values[p] = l.england.value;
        sn.values[p] = l.sn_mean.value;
      }
    }
    lines.push_back(la);
    lines.push_back(england);
    lines.push_back(sn);
  }
  const auto tg = o.targets.find(measure);
  if (tg != o.targets.end())
    lines.push_back(chart_line{"target " + tg->second.text, "#1e8449",
                               std::vector<std::optional<double>>(n, tg->second.value), true});
  return lines;
}

// The page up to its first section: title, heading, how figures are rounded.
inline void write_page_head(std::ostream& os, const std::string& title) {
  os << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>"
     << html_escape(title) << "</title>\n<style>\n"
        "body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}"
        "th,td{border:1px solid #bbb;padding:2px 8px}td.n{text-align:right}th{background:#eee}"
        "figure{margin:1.5em 0}svg text{font-size:11px}\n"
        "</style>\n</head>\n<body>\n<h1>"
     << html_escape(title) << "</h1>\n";
  os << "<p>Counting rules: csc-metrics (docs/rules). Percentages and rates rounded to one decimal place, half away "
        "from zero.</p>\n";
}

// The page's footer: the inputs by file name.
inline void write_page_footer(std::ostream& os, const provenance& about) {
  os << "<footer><p>" << html_escape(provenance_footer(about)) << "</p></footer>\n</body>\n</html>\n";
}

// A single period (no --series): the report exactly as --format table prints it, as a page.
inline void write_text_html(std::ostream& os, const provenance& about, const std::string& text) {
  write_page_head(os, about.title);
  os << "<pre>\n" << html_escape(text) << "</pre>\n";
  write_page_footer(os, about);
}

inline void write_series_html(std::ostream& os, const series_table& t, const series_options& o,
                              const provenance& about) {
  write_page_head(os, about.title);
  os << "<h2>Figures</h2>\n";
  write_html_table(os, series_grid(t, o, "-"));
  for (const std::string& n : series_footnotes(t, o)) os << "<p>" << html_escape(n) << "</p>\n";
  os << "<h2>Charts</h2>\n";
  std::vector<std::string> labels;
  for (const auto& p : t.series.periods()) labels.push_back(p.label + (p.partial ? " (part)" : ""));
  const std::string council = council_name(o);
  for (const std::string& measure : t.columns) {
    const std::string title = csc::series_measure_label(*csc::find_measure(measure), t.series.kind()) +
                              (council.empty() ? "" : ", " + council) + ", by period";
    os << "<figure>\n";
    write_svg_chart(os, measure, title, labels, measure_lines(t, o, measure));
    os << "<figcaption>" << html_escape(title) << " (all records)</figcaption>\n</figure>\n";
  }
  if (!t.published.empty()) {
    os << "<h2>Published comparison</h2>\n";
    for (const auto& c : t.published) write_html_table(os, comparison_grid(c, o, "-"));
    for (const std::string& n : comparison_footnotes(t)) os << "<p>" << html_escape(n) << "</p>\n";
  }
  write_page_footer(os, about);
}

}  // namespace csc_report

#endif
