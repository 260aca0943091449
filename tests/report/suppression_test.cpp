// Tests for include/csc/report/suppression.hpp (docs/rules/rates.md).
#include <csc/core/percent.hpp>
#include <csc/report/percent.hpp>
#include <csc/report/rate.hpp>
#include <csc/report/suppression.hpp>

#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace {
// csc-report's cells before the library owned them (series_section.hpp count_cell, ratio_cell, cell_text).
struct tool_cell {
  std::optional<double> value;
  std::string text;
  bool suppressed = false;
};
tool_cell tool_count_cell(std::size_t n, bool suppress) {
  return tool_cell{static_cast<double>(n), std::to_string(n), suppress && n >= 1 && n <= 5};
}
tool_cell tool_ratio_cell(std::size_t part, std::size_t whole, unsigned long long scale, bool suppressed) {
  if (whole == 0) return tool_cell{std::nullopt, std::string(), suppressed};
  return tool_cell{static_cast<double>(scale) * static_cast<double>(part) / static_cast<double>(whole),
                   csc::format_one_decimal(scale * part, whole), suppressed};
}
std::string tool_cell_text(const tool_cell& c, const char* undefined) {
  if (c.suppressed) return "c";
  return c.text.empty() ? std::string(undefined) : c.text;
}
bool same(const csc::figure& f, const tool_cell& c) {
  return f.value == c.value && f.text == c.text && f.suppressed == c.suppressed &&
         csc::figure_text(f, "-") == tool_cell_text(c, "-") && csc::figure_text(f, "") == tool_cell_text(c, "");
}

struct count_case {
  std::size_t n;
  bool suppress;
  const char* shown;
};

struct derived_case {
  std::size_t part;
  std::size_t whole;
  bool suppress;
  const char* shown;  // figure_text(f, "-")
  bool suppressed;
};
}  // namespace

BOOST_AUTO_TEST_SUITE(suppression_test)

BOOST_AUTO_TEST_CASE(counts_1_to_5_are_suppressed_0_and_6_are_shown) {
  const std::vector<count_case> cases = {
      {0, true, "0"}, {1, true, "c"}, {5, true, "c"}, {6, true, "6"}, {1234, true, "1234"},
      {0, false, "0"}, {1, false, "1"}, {5, false, "5"}, {6, false, "6"},
  };
  for (const count_case& c : cases) {
    BOOST_TEST_CONTEXT("count " << c.n << (c.suppress ? " suppressed" : "")) {
      const csc::figure f = csc::count_figure(c.n, c.suppress);
      BOOST_TEST(csc::figure_text(f, "-") == c.shown);
      BOOST_TEST(f.suppressed == (std::string(c.shown) == "c"));
      BOOST_TEST(*f.value == static_cast<double>(c.n));  // exact value kept for JSON callers
      BOOST_TEST(csc::format_count(c.n, c.suppress) == c.shown);  // agrees with report/rate.hpp
      BOOST_TEST(csc::is_suppressed_count(c.n) == (c.n >= 1 && c.n <= 5));
    }
  }
}

BOOST_AUTO_TEST_CASE(a_percentage_is_suppressed_when_its_numerator_or_denominator_is) {
  const std::vector<derived_case> cases = {
      {0, 0, true, "-", false},      // undefined, nothing to suppress
      {0, 6, true, "0.0", false},
      {1, 6, true, "c", true},       // numerator 1
      {5, 6, true, "c", true},       // numerator 5
      {6, 6, true, "100.0", false},
      {0, 5, true, "c", true},       // denominator 5
      {0, 1, true, "c", true},       // denominator 1
      {6, 7, true, "85.7", false},
      {6, 16, true, "37.5", false},
      {1, 16, false, "6.3", false},  // no suppression asked: exact half rounds up
      {5, 5, false, "100.0", false},
  };
  for (const derived_case& c : cases) {
    BOOST_TEST_CONTEXT(c.part << "/" << c.whole << (c.suppress ? " suppressed" : "")) {
      const csc::figure f = csc::percent_figure(c.part, c.whole, c.suppress);
      BOOST_TEST(csc::figure_text(f, "-") == c.shown);
      BOOST_TEST(f.suppressed == c.suppressed);
      BOOST_TEST((f.value == csc::percent(c.part, c.whole)));
      BOOST_TEST(f.text == csc::format_percent(c.part, c.whole));
    }
  }
}

BOOST_AUTO_TEST_CASE(a_rate_is_suppressed_when_its_count_is_never_for_its_population) {
  const std::vector<derived_case> cases = {
      {5, 10000, true, "c", true},
      {6, 10000, true, "6.0", false},
      {0, 3, true, "0.0", false},      // population 3 is an estimate, not a suppressed count
      {1, 0, true, "c", true},         // undefined but suppressed, as csc-report marks it
      {1, 0, false, "-", false},
      {1234, 56789, true, "217.3", false},
      {1, 200000, false, "0.1", false},  // exactly 0.05: half away from zero
  };
  for (const derived_case& c : cases) {
    BOOST_TEST_CONTEXT(c.part << " in " << c.whole << (c.suppress ? " suppressed" : "")) {
      const csc::figure f = csc::rate_figure(c.part, c.whole, c.suppress);
      BOOST_TEST(csc::figure_text(f, "-") == c.shown);
      BOOST_TEST(f.suppressed == c.suppressed);
      BOOST_TEST((f.value == csc::rate_per_10000(c.part, c.whole)));
      BOOST_TEST(f.text == csc::format_rate_per_10000(c.part, c.whole));
    }
  }
}

BOOST_AUTO_TEST_CASE(undefined_figures_show_the_callers_placeholder) {
  BOOST_TEST(csc::figure_text(csc::figure{}, "-") == "-");
  BOOST_TEST(csc::figure_text(csc::figure{}, "") == "");
  BOOST_TEST(csc::figure_text(csc::ratio_figure(1625, 100, 1, false), "-") == "16.3");
  BOOST_TEST(csc::suppressed_symbol == "c");
  BOOST_TEST(csc::suppression_footnote ==
             "Counts 1-5 are suppressed (c), with the percentages and rates computed from them.");
}

// Every figure equals csc-report's cell field by field, so its output stays byte-identical.
BOOST_AUTO_TEST_CASE(figures_equal_the_tools_cells) {
  for (const bool suppress : {false, true}) {
    for (std::size_t whole = 0; whole <= 12; ++whole) {
      for (std::size_t part = 0; part <= whole + 1; ++part) {
        const tool_cell p = tool_count_cell(part, suppress), w = tool_count_cell(whole, suppress);
        const bool ok = same(csc::count_figure(part, suppress), p) &&
                        same(csc::percent_figure(part, whole, suppress),
                             tool_ratio_cell(part, whole, 100, p.suppressed || w.suppressed)) &&
                        same(csc::rate_figure(part, whole, suppress),
                             tool_ratio_cell(part, whole, 10000, p.suppressed));
        if (!ok) BOOST_FAIL(part << "/" << whole << (suppress ? " suppressed" : ""));
      }
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
