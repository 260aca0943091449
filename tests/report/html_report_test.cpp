// csc-report's HTML for print (examples/csc-report/html_report.hpp, issue 15 item 7):
// 1-2-5 axis ticks, consistent decimals per column, wide tables split, every chart
// with both axis titles and a line's dash and marker. A plain program: no
// Boost.Test, so that it builds with csc-report alone.
#include "../../examples/csc-report/html_report.hpp"

#include <cstdio>
#include <sstream>
#include <string>

namespace {
int failures = 0;
void check(bool ok, const std::string& what) {
  if (!ok) {
    std::printf("FAILED: %s\n", what.c_str());
    ++failures;
  }
}
std::size_t count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}
}  // namespace

int main() {
  using namespace csc_report;
  // The axis: 0 / 2065.2 / 4130.5 becomes 0, 1,000 ... 5,000.
  const nice_axis referrals(3755);
  check(referrals.step == 1000 && referrals.top == 4000 && referrals.text(2000) == "2,000", "ticks of 3755");
  const nice_axis big(4130.5);
  check(big.step == 1000 && big.top == 5000, "ticks of 4130.5");
  const nice_axis percent(43.2);
  check(percent.step == 10 && percent.top == 50 && percent.text(30) == "30", "ticks of 43.2");
  const nice_axis small(0.37);
  check(small.step > 0.099 && small.step < 0.101 && small.decimals == 1 && small.text(0.2) == "0.2", "ticks of 0.37");
  const nice_axis twenty(18);
  check(twenty.step == 5 && twenty.top == 20, "ticks of 18");
  const nice_axis none(0);
  check(none.top > 0, "an axis with no figure");

  // "19" beside "21.5" prints as 19.0; marks kept; counts and labels untouched.
  grid g;
  g.head = {"year", "England", "referral_count"};
  g.lines = {{"2019", "21.5", "12"}, {"2020", "19", "9"}, {"2021", "18*", "7p"}, {"2022", "x", "c"}};
  const grid d = with_consistent_decimals(g);
  check(d.lines[1][1] == "19.0" && d.lines[2][1] == "18.0*" && d.lines[3][1] == "x", "one decimal in a column");
  check(d.lines[0][2] == "12" && d.lines[2][2] == "7p" && d.lines[1][0] == "2020", "counts and labels untouched");

  // A table of 14 figure columns: two tables of 7, each with the label column.
  grid wide;
  wide.head = {"period"};
  wide.lines = {{"2019-20"}};
  for (int c = 0; c < 14; ++c) {
    std::string name = "m";  // appended: g++ 12 warns falsely (-Wrestrict) on "m" + std::string at C++20 -O3
    name += std::to_string(c);
    wide.head.push_back(name);
    wide.lines[0].push_back(std::to_string(c));
  }
  std::ostringstream table;
  write_html_table(table, wide, "figures");
  check(count(table.str(), "<table") == 2 && count(table.str(), "</th>") == 16, "a wide table split in two");
  check(count(table.str(), "<td class=\"t\">2019-20</td>") == 2, "the label column in both parts");

  // A chart: both axis titles, one marker shape per line, hollow incomplete points.
  std::ostringstream svg;
  std::vector<chart_line> lines = {
      {"local", "#000", {1.0, 2.0, 3.0}, "", "circle", {false, false, true}},
      {"England", "#111", {2.0, 2.5, std::nullopt}, "12 4 3 4", "triangle"}};
  write_svg_chart(svg, "rereferral_percent", {"2019-20", "2020-21", "2021-22 to 2021-08-31"}, lines, "Re-referrals (%)",
                  "Financial year", "Percentage (%)");
  const std::string s = svg.str();
  check(count(s, "class=\"axis-title x\"") == 1 && count(s, "class=\"axis-title y\"") == 1, "axis titles");
  check(count(s, "<polygon") >= 3 && count(s, "<circle") >= 4, "markers by line");
  check(count(s, "class=\"pt partial\"") == 2 && count(s, "stroke-dasharray=\"2 4\"") >= 2 && count(s, "incomplete: part period") == 1, "an incomplete point, said in the legend");
  check(s.find("width=\"") == std::string::npos || s.find("<svg") < s.find("viewBox"), "responsive");
  if (failures == 0) std::printf("html_report_test: all checks passed\n");
  return failures == 0 ? 0 : 1;
}
