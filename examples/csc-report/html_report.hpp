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
#include <iomanip>
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

/// The decimals of a figure's text ("21.5" 1, "19" 0), or -1 when it is not a plain
/// number; a trailing completeness mark (`*`, `p`) is not part of the number.
inline int figure_decimals(const std::string& text) {
  std::size_t end = text.size();
  while (end > 0 && (text[end - 1] == '*' || text[end - 1] == 'p')) --end;
  std::size_t i = (end > 0 && text[0] == '-') ? 1 : 0;
  if (i == end) return -1;
  int decimals = -1;
  for (; i < end; ++i) {
    if (text[i] == '.' && decimals < 0) {
      decimals = 0;
    } else if (text[i] >= '0' && text[i] <= '9') {
      if (decimals >= 0) ++decimals;
    } else {
      return -1;
    }
  }
  return decimals < 0 ? 0 : decimals;
}

/// The figures of @p g with consistent decimals per column: a column with a figure
/// of one decimal shows every figure so ("19" beside "21.5" becomes "19.0"); marks kept.
inline grid with_consistent_decimals(grid g) {
  for (std::size_t c = g.text_columns; c < g.head.size(); ++c) {
    int most = 0;
    for (const auto& line : g.lines)
      if (c < line.size()) most = std::max(most, figure_decimals(line[c]));
    if (most == 0) continue;
    for (auto& line : g.lines) {
      if (c >= line.size()) continue;
      const int d = figure_decimals(line[c]);
      if (d < 0 || d >= most) continue;
      std::size_t end = line[c].size();
      while (end > 0 && (line[c][end - 1] == '*' || line[c][end - 1] == 'p')) --end;
      std::string digits = line[c].substr(0, end);
      if (d == 0) digits += '.';
      digits.append(static_cast<std::size_t>(most - d), '0');
      line[c] = digits + line[c].substr(end);
    }
  }
  return g;
}

/// The header cell of a column headed @p h: a measure's plain-language label with its
/// name in data-measure and the cell's title (the name from grid::keys as @p key, or
/// @p h itself when it is a measure name), otherwise as written.
inline void write_html_head_cell(std::ostream& os, const std::string& h, const std::string& key, bool text_column) {
  const csc::measure_info* m = csc::find_measure(key.empty() ? h : key);
  os << "<th" << (text_column ? " class=\"t\"" : "");
  if (m && !m->label.empty()) {
    const std::string name(m->name);
    os << " data-measure=\"" << html_escape(name) << "\" title=\"" << html_escape(name) << "\"><span class=\"h\">"
       << html_escape(key.empty() ? std::string(m->label) : h) << "</span>";
  } else {
    os << "><span class=\"h\">" << html_escape(h) << "</span>";
  }
  os << "</th>";
}

/// Figure columns per printed table: a wider grid is split into several tables,
/// each repeating the label columns, so that every one fits A4 landscape.
inline constexpr std::size_t html_figure_columns_per_table = 8;

/// @p g as one HTML table, or several when it has more than
/// html_figure_columns_per_table figure columns ("(1 of 2)" after the title);
/// label columns never wrap, headers do; figures with consistent decimals.
inline void write_html_table(std::ostream& os, const grid& raw, const char* css_class = "") {
  const grid g = with_consistent_decimals(raw);
  const std::size_t figures = g.head.size() > g.text_columns ? g.head.size() - g.text_columns : 0;
  const std::size_t parts = std::max<std::size_t>(1, (figures + html_figure_columns_per_table - 1) / html_figure_columns_per_table);
  const std::size_t per = (figures + parts - 1) / parts;  // balanced: 14 columns as 7 + 7, not 8 + 6
  for (std::size_t part = 0; part < parts; ++part) {
    const std::size_t first = g.text_columns + part * per, last = std::min(g.head.size(), first + per);
    if (!g.title.empty())
      os << "<h3>" << html_escape(g.title)
         << (parts > 1 ? " (" + std::to_string(part + 1) + " of " + std::to_string(parts) + ")" : std::string()) << "</h3>\n";
    std::vector<bool> marked(g.head.size());  // columns with a completeness mark
    for (const auto& line : g.lines)
      for (std::size_t i = g.text_columns; i < line.size() && i < marked.size(); ++i)
        marked[i] = marked[i] || (figure_decimals(line[i]) >= 0 && !line[i].empty() && (line[i].back() == '*' || line[i].back() == 'p'));
    os << "<table" << (*css_class ? std::string(" class=\"") + css_class + "\"" : std::string()) << ">\n<thead><tr>";
    const auto columns = [&](const auto& f) {
      for (std::size_t i = 0; i < g.text_columns && i < g.head.size(); ++i) f(i);
      for (std::size_t i = first; i < last; ++i) f(i);
    };
    columns([&](std::size_t i) {
      write_html_head_cell(os, g.head[i], i < g.keys.size() ? g.keys[i] : std::string(), i < g.text_columns);
    });
    os << "</tr></thead>\n<tbody>\n";
    for (const auto& line : g.lines) {
      os << "<tr>";
      columns([&](std::size_t i) {
        if (i >= line.size()) return;
        if (i < g.text_columns) {
          os << "<td class=\"t\">" << html_escape(line[i]) << "</td>";
          return;
        }
        std::size_t end = line[i].size();  // a completeness mark in a column of its own width: figures line up
        while (end > 0 && (line[i][end - 1] == '*' || line[i][end - 1] == 'p') && figure_decimals(line[i]) >= 0) --end;
        os << "<td class=\"n\">" << html_escape(line[i].substr(0, end));
        if (marked[i]) os << "<span class=\"mk\">" << html_escape(line[i].substr(end)) << "</span>";
        os << "</td>";
      });
      os << "</tr>\n";
    }
    os << "</tbody>\n</table>\n";
  }
}

/// One line of a chart: a name, a colour, a dash pattern ("" solid), a marker shape,
/// and a value per period (empty = no point); `incomplete[p]` draws period p's point
/// hollow and the segments to it dotted (a part period, or a figure marked * or p).
struct chart_line {
  std::string name;
  const char* colour;
  std::vector<std::optional<double>> values;
  const char* dash = "";
  const char* marker = "circle";  // circle, square, triangle, diamond, none
  std::vector<bool> incomplete = {};
};

inline std::string svg_number(double v) {
  std::ostringstream os;
  os << std::fixed << std::setprecision(1) << v;
  return os.str();
}

/// A "nice" axis: ticks at multiples of 1, 2 or 5 times a power of ten from 0 to
/// at least @p max_value, about five of them.
struct nice_axis {
  double step = 1, top = 1;
  int decimals = 0;  ///< decimals of the tick labels: 0 for a step of 1 or more
  explicit nice_axis(double max_value) {
    if (!(max_value > 0)) max_value = 1;
    const double raw = max_value / 5;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    step = 10 * magnitude;
    for (const double f : {1.0, 2.0, 5.0})
      if (f * magnitude >= raw * (1 - 1e-9)) {
        step = f * magnitude;
        break;
      }
    top = std::ceil(max_value / step - 1e-9) * step;
    if (top <= 0) top = step;
    decimals = step >= 1 ? 0 : static_cast<int>(std::ceil(-std::log10(step) - 1e-9));
  }
  std::string text(double v) const {
    std::ostringstream os;
    os << std::fixed << std::setprecision(decimals) << v;
    std::string s = os.str();
    if (decimals != 0 || s.size() <= 3) return s;
    std::string out;  // thousands separated: 12,000 (built by appending: g++ 12 warns falsely on insert)
    const std::size_t sign = s[0] == '-' ? 1 : 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (i > sign && (s.size() - i) % 3 == 0) out += ',';
      out += s[i];
    }
    return out;
  }
};

/// The SVG marker of @p shape at (@p x, @p y); hollow draws it white with a coloured outline.
inline void write_svg_marker(std::ostream& os, const std::string& shape, double x, double y, const char* colour,
                             bool hollow, const std::string& tip) {
  const std::string paint = std::string(" fill=\"") + (hollow ? "#fff" : colour) + "\" stroke=\"" + colour +
                            "\" stroke-width=\"1.5\" class=\"pt" + (hollow ? " partial" : "") + "\"";
  const std::string cx = svg_number(x), cy = svg_number(y);
  if (shape == "none") return;
  if (shape == "square") {
    os << "<rect x=\"" << svg_number(x - 3.5) << "\" y=\"" << svg_number(y - 3.5) << "\" width=\"7\" height=\"7\"" << paint;
  } else if (shape == "triangle") {
    os << "<polygon points=\"" << cx << ',' << svg_number(y - 4.5) << ' ' << svg_number(x - 4.5) << ',' << svg_number(y + 3.5)
       << ' ' << svg_number(x + 4.5) << ',' << svg_number(y + 3.5) << '"' << paint;
  } else if (shape == "diamond") {
    os << "<polygon points=\"" << cx << ',' << svg_number(y - 5) << ' ' << svg_number(x + 5) << ',' << cy << ' ' << cx << ','
       << svg_number(y + 5) << ' ' << svg_number(x - 5) << ',' << cy << '"' << paint;
  } else {
    os << "<circle cx=\"" << cx << "\" cy=\"" << cy << "\" r=\"4\"" << paint;
  }
  os << "><title>" << html_escape(tip) << "</title></" << (shape == "square" ? "rect" : shape == "circle" ? "circle" : "polygon")
     << ">\n";
}

/// An SVG line chart of @p lines over the period labels @p labels: responsive (the
/// page sets its width to 100%), ticks at 1-2-5 steps from 0, a title on each axis,
/// each line with its colour, dash and marker, and a legend (with a note on hollow
/// markers when a point is incomplete).
inline void write_svg_chart(std::ostream& os, const std::string& measure, const std::vector<std::string>& labels,
                            const std::vector<chart_line>& lines, const std::string& title = "",
                            const std::string& x_title = "Period", const std::string& y_title = "") {
  const double width = 1000, right = 230, top = 14, plot_h = 240;
  const std::size_t n = labels.size();
  std::size_t longest = 0;  // characters of the longest period label, about 7.5 units each
  for (const std::string& l : labels) longest = std::max(longest, l.size());
  const double plain_spacing = n <= 1 ? width : (width - 78 - right) / double(n - 1);
  const bool rotate = plain_spacing < 7.5 * double(longest) + 10;  // labels at -35 degrees when they would overlap
  // Room on the left for the y-axis title and ticks, and for the first label when rotated.
  const double left = rotate ? std::max(78.0, 0.82 * 7.5 * double(longest) + 4) : 78;
  const double plot_w = width - left - right;
  const double spacing = n <= 1 ? plot_w : plot_w / double(n - 1);
  const double label_depth = rotate ? 0.58 * 7.5 * double(longest) + 12 : 18;
  const double height = top + plot_h + 16 + label_depth + 26;
  double max_value = 0;
  bool any_incomplete = false;
  for (const auto& l : lines) {
    for (std::size_t p = 0; p < l.values.size(); ++p) {
      if (l.values[p]) max_value = std::max(max_value, *l.values[p]);
      if (l.values[p] && p < l.incomplete.size() && l.incomplete[p]) any_incomplete = true;
    }
  }
  const nice_axis axis(max_value);
  const auto x = [&](std::size_t i) { return left + (n <= 1 ? plot_w / 2 : plot_w * double(i) / double(n - 1)); };
  const auto y = [&](double v) { return top + plot_h * (1.0 - v / axis.top); };
  const std::string heading = title.empty() ? measure : title;

  os << "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" data-measure=\"" << html_escape(measure)
     << "\" role=\"img\" viewBox=\"0 0 " << width << ' ' << height << "\" preserveAspectRatio=\"xMidYMid meet\">\n<title>"
     << html_escape(heading) << " by period</title>\n";
  // Grid lines and tick labels at every step; the axes.
  for (int k = 0; k * axis.step <= axis.top * (1 + 1e-9); ++k) {
    const double v = k * axis.step, yy = y(v);
    os << "<line x1=\"" << left << "\" y1=\"" << svg_number(yy) << "\" x2=\"" << left + plot_w << "\" y2=\"" << svg_number(yy)
       << "\" stroke=\"#ddd\"/>\n<text x=\"" << left - 8 << "\" y=\"" << svg_number(yy + 4)
       << "\" text-anchor=\"end\" class=\"tick\">" << axis.text(v) << "</text>\n";
  }
  os << "<line x1=\"" << left << "\" y1=\"" << top << "\" x2=\"" << left << "\" y2=\"" << top + plot_h
     << "\" stroke=\"#444\"/>\n<line x1=\"" << left << "\" y1=\"" << top + plot_h << "\" x2=\"" << left + plot_w
     << "\" y2=\"" << top + plot_h << "\" stroke=\"#444\"/>\n";
  const std::size_t step = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(22.0 / spacing)));
  for (std::size_t i = 0; i < n; i += step) {
    const double ty = top + plot_h + 16;
    os << "<line x1=\"" << svg_number(x(i)) << "\" y1=\"" << top + plot_h << "\" x2=\"" << svg_number(x(i)) << "\" y2=\""
       << top + plot_h + 4 << "\" stroke=\"#444\"/>\n<text x=\"" << svg_number(x(i)) << "\" y=\"" << ty << "\" class=\"tick\""
       << (rotate ? " text-anchor=\"end\" transform=\"rotate(-35 " + svg_number(x(i)) + ' ' + svg_number(ty) + ")\""
                  : std::string(" text-anchor=\"middle\""))
       << '>' << html_escape(labels[i]) << "</text>\n";
  }
  os << "<text class=\"axis-title x\" x=\"" << left + plot_w / 2 << "\" y=\"" << height - 8
     << "\" text-anchor=\"middle\">"
     << html_escape(x_title) << "</text>\n<text class=\"axis-title y\" x=\"0\" y=\"0\" text-anchor=\"middle\" transform=\"translate(16 "
     << top + plot_h / 2 << ") rotate(-90)\">" << html_escape(y_title.empty() ? heading : y_title) << "</text>\n";
  // Each line: a segment between neighbouring points (dotted when either is incomplete), then the markers.
  std::size_t legend = 0;
  for (const chart_line& l : lines) {
    const auto incomplete = [&](std::size_t p) { return p < l.incomplete.size() && l.incomplete[p]; };
    constexpr std::size_t none = static_cast<std::size_t>(-1);  // not std::optional: g++ 12's false -Wmaybe-uninitialized
    std::size_t previous = none;
    for (std::size_t i = 0; i < n; ++i) {
      if (!l.values[i]) {
        previous = none;
        continue;
      }
      if (previous != none) {
        const bool dotted = incomplete(previous) || incomplete(i);
        const char* dash = dotted ? "2 4" : l.dash;
        os << "<line x1=\"" << svg_number(x(previous)) << "\" y1=\"" << svg_number(y(*l.values[previous])) << "\" x2=\""
           << svg_number(x(i)) << "\" y2=\"" << svg_number(y(*l.values[i])) << "\" stroke=\"" << l.colour
           << "\" stroke-width=\"2.5\"" << (*dash ? std::string(" stroke-dasharray=\"") + dash + "\"" : std::string())
           << (dotted ? " class=\"partial\"" : "") << "/>\n";
      }
      previous = i;
    }
    for (std::size_t i = 0; i < n; ++i)
      if (l.values[i])
        write_svg_marker(os, l.marker, x(i), y(*l.values[i]), l.colour, incomplete(i),
                         l.name + ", " + labels[i] + ": " + svg_number(*l.values[i]) + (incomplete(i) ? " (incomplete)" : ""));
    const double ly = top + 10 + 20 * double(legend++), lx = width - right + 14;
    os << "<line x1=\"" << lx << "\" y1=\"" << ly << "\" x2=\"" << lx + 34 << "\" y2=\"" << ly << "\" stroke=\"" << l.colour
       << "\" stroke-width=\"2.5\"" << (*l.dash ? std::string(" stroke-dasharray=\"") + l.dash + "\"" : std::string()) << "/>\n";
    write_svg_marker(os, l.marker, lx + 17, ly, l.colour, false, l.name);
    os << "<text x=\"" << lx + 42 << "\" y=\"" << ly + 4 << "\" class=\"legend\">" << html_escape(l.name) << "</text>\n";
  }
  if (any_incomplete) {
    const double ly = top + 10 + 20 * double(legend);
    const double lx = width - right + 14;
    os << "<line x1=\"" << lx << "\" y1=\"" << ly << "\" x2=\"" << lx + 34 << "\" y2=\"" << ly
       << "\" stroke=\"#444\" stroke-width=\"2.5\" stroke-dasharray=\"2 4\"/>\n";
    write_svg_marker(os, "circle", lx + 17, ly, "#444", true, "incomplete");
    os << "<text x=\"" << lx + 42 << "\" y=\"" << ly + 4 << "\" class=\"legend\">incomplete: part period,<tspan x=\""
       << lx + 42 << "\" dy=\"16\">figure marked * or p</tspan></text>\n";
  }
  os << "</svg>\n";
}

// The chart lines of one measure: the local figures of the (all) rows (a part
// period or a figure marked * or p drawn hollow); the LA's published figure, England
// and the SN mean where a published comparison of the measure matches a
// financial-year period; the target. Each with its own colour, dash and marker.
inline std::vector<chart_line> measure_lines(const series_table& t, const series_options& o, const std::string& measure) {
  const std::size_t n = t.series.size();
  std::vector<chart_line> lines;
  chart_line local{"local", "#0b5cad", std::vector<std::optional<double>>(n), "", "circle", std::vector<bool>(n)};
  for (std::size_t p = 0; p < n; ++p) local.incomplete[p] = t.series[p].partial;
  for (const csc::series_row& r : t.rows) {
    if (!r.group.empty()) continue;
    const csc::figure& c = r.at(measure);
    if (c.value && !c.suppressed) local.values[r.period] = c.value;
    if (c.value && !mark(t, r.period, measure).empty()) local.incomplete[r.period] = true;
  }
  lines.push_back(local);
  for (const auto& c : t.published) {
    if (c.measure != measure || t.series.kind() != csc::series_kind::financial_year) continue;
    chart_line la{council_name(o) + " published", "#6b6b6b", std::vector<std::optional<double>>(n), "7 4", "square"};
    chart_line england{"England", "#c0392b", std::vector<std::optional<double>>(n), "12 4 3 4", "triangle"};
    chart_line sn{"SN mean", "#7d3c98", std::vector<std::optional<double>>(n), "3 3", "diamond"};
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
                               std::vector<std::optional<double>>(n, tg->second.value), "10 5", "none"});
  return lines;
}

/// The title of a chart's y axis: what the measure's figures are.
inline std::string y_axis_title(const std::string& measure, csc::series_kind kind) {
  const csc::measure_info* m = csc::find_measure(measure);
  if (m && m->needs_population)
    return kind == csc::series_kind::financial_year || kind == csc::series_kind::rolling_12
               ? "Per 10,000 children"
               : "Per 10,000 (not annualised)";
  if (measure.size() > 8 && measure.compare(measure.size() - 8, 8, "_percent") == 0) return "Percentage (%)";
  return "Number";
}

/// The title of a chart's x axis: what its periods are.
inline std::string x_axis_title(csc::series_kind kind) {
  switch (kind) {
    case csc::series_kind::monthly: return "Month";
    case csc::series_kind::quarterly: return "Quarter of the financial year";
    case csc::series_kind::financial_year: return "Financial year";
    case csc::series_kind::year_to_date: return "Financial year to date";
    case csc::series_kind::rolling_12: return "12 months ending";
    default: return "Period";
  }
}

/// The page's style: charts at the full width, tables in a small type with labels on
/// one line, and A4 landscape when printed.
inline constexpr const char* page_css =
    "body{font-family:sans-serif;margin:1.5em;color:#222;font-size:14px;max-width:100%}"
    "table{border-collapse:collapse;margin:0.5em 0 1.5em;font-size:12px;max-width:100%}"
    "th,td{border:1px solid #bbb;padding:2px 6px}td.n{text-align:right;white-space:nowrap}"
    "td.t,th.t{white-space:nowrap;text-align:left}span.mk{display:inline-block;width:0.8em;text-align:left}th{background:#eee;font-weight:600;vertical-align:bottom}th span.h{display:inline-block;max-width:11em}"
    "figure{margin:1em 0 2em}figcaption{font-weight:600;margin-bottom:0.3em}"
    "svg.chart{display:block;width:100%;height:auto}svg text{font-size:13px;font-family:sans-serif}"
    "svg text.axis-title{font-size:14px;font-weight:600}"
    "pre{white-space:pre-wrap;font-size:12px}p{max-width:60em;overflow-wrap:anywhere}\n"
    "@page{size:A4 landscape;margin:10mm}\n"
    "@media print{body{margin:0;font-size:10pt}table{font-size:8.5pt}figure{break-inside:avoid}"
    "h2,h3{break-after:avoid}tr{break-inside:avoid}}\n";

// The page up to its first section: title, heading, how figures are rounded.
inline void write_page_head(std::ostream& os, const std::string& title) {
  os << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>"
     << html_escape(title) << "</title>\n<style>\n"
     << page_css << "</style>\n</head>\n<body>\n<h1>" << html_escape(title) << "</h1>\n";
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
  write_html_table(os, series_grid(t, o, "-"), "figures");
  for (const std::string& n : series_footnotes(t, o)) os << "<p>" << html_escape(n) << "</p>\n";
  os << "<h2>Charts</h2>\n";
  std::vector<std::string> labels;
  for (const auto& p : t.series.periods()) labels.push_back(p.label + (p.partial ? " (part)" : ""));
  const std::string council = council_name(o);
  for (const std::string& measure : t.columns) {
    const std::string title = csc::series_measure_label(*csc::find_measure(measure), t.series.kind()) +
                              (council.empty() ? "" : ", " + council);
    os << "<figure>\n";
    os << "<figcaption>" << html_escape(title) << " (all records) by period</figcaption>\n";
    write_svg_chart(os, measure, labels, measure_lines(t, o, measure), title, x_axis_title(t.series.kind()),
                    y_axis_title(measure, t.series.kind()));
    os << "</figure>\n";
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
