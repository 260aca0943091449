// Tests for include/csc/report/comparison.hpp (docs/rules/benchmarks.md).
#include <csc/report/comparison.hpp>

#include <boost/test/unit_test.hpp>

#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {
using csc::comparison_verdict;

// Years ending March 2015-2017 of a d3-like table: England, the West Midlands, LA 335 and its neighbours
// 401-404 (403 suppressed in 2016, 404 never published).
const char* table_text =
    "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,"
    "new_la_code,la_name,category,CPP_subsequent_percent\n"
    "2015,Reporting year,National,E92000001,England,,,,,,Plans,16.6\n"
    "2015,Reporting year,Regional,E92000001,England,E12000005,West Midlands,,,,Plans,17.3\n"
    "2015,Reporting year,Local authority,E92000001,England,E12000005,West Midlands,335,E1,Walsall,Plans,13.3\n"
    "2015,Reporting year,Local authority,E92000001,England,E12000005,West Midlands,401,E2,A,Plans,16.25\n"
    "2015,Reporting year,Local authority,E92000001,England,E12000005,West Midlands,402,E3,B,Plans,16.24\n"
    "2016,Reporting year,National,E92000001,England,,,,,,Plans,17.9\n"
    "2016,Reporting year,Regional,E92000001,England,E12000005,West Midlands,,,,Plans,18.5\n"
    "2016,Reporting year,Local authority,E92000001,England,E12000005,West Midlands,335,E1,Walsall,Plans,17.9\n"
    "2016,Reporting year,Local authority,E92000001,England,E12000005,West Midlands,401,E2,A,Plans,16.2\n"
    "2016,Reporting year,Local authority,E92000001,England,E12000005,West Midlands,402,E3,B,Plans,16.3\n"
    "2016,Reporting year,Local authority,E92000001,England,E12000005,West Midlands,403,E4,C,Plans,c\n"
    "2017,Reporting year,National,E92000001,England,,,,,,Plans,18.0\n"
    "2017,Reporting year,Local authority,E92000001,England,E12000005,West Midlands,335,E1,Walsall,Plans,x\n";

csc::io::published_table table() {
  std::istringstream in(table_text);
  return csc::io::published_table::read(in, "d3.csv");
}

std::map<int, csc::io::statistical_neighbours> neighbours() {
  csc::io::statistical_neighbours sn;
  sn.la_number = 335;
  sn.neighbours = {401, 402, 403, 404};
  return {{335, sn}};
}

struct verdict_case {
  std::optional<double> figure;
  std::optional<double> reference;
  bool lower_is_better;
  comparison_verdict verdict;
};

struct target_case {
  double value;
  double target;
  bool lower_is_better;
  bool met;
};
}  // namespace

BOOST_AUTO_TEST_SUITE(comparison_test)

BOOST_AUTO_TEST_CASE(the_verdict_follows_the_measures_direction) {
  const std::vector<verdict_case> cases = {
      {10.4, 14.9, true, comparison_verdict::better},
      {17.9, 17.9, true, comparison_verdict::same},
      {18.0, 17.9, true, comparison_verdict::worse},
      {10.4, 14.9, false, comparison_verdict::worse},
      {17.9, 17.9, false, comparison_verdict::same},
      {18.0, 17.9, false, comparison_verdict::better},
      {std::nullopt, 17.9, true, comparison_verdict::not_comparable},
      {17.9, std::nullopt, false, comparison_verdict::not_comparable},
      {std::nullopt, std::nullopt, true, comparison_verdict::not_comparable},
  };
  for (const verdict_case& c : cases) {
    BOOST_TEST_CONTEXT((c.lower_is_better ? "lower" : "higher") << " is better, case " << (&c - cases.data())) {
      BOOST_TEST((csc::compare_figures(c.figure, c.reference, c.lower_is_better) == c.verdict));
    }
  }
  BOOST_TEST(csc::to_string(comparison_verdict::better) == "better");
  BOOST_TEST(csc::to_string(comparison_verdict::worse) == "worse");
  BOOST_TEST(csc::to_string(comparison_verdict::same) == "same");
  BOOST_TEST(csc::to_string(comparison_verdict::not_comparable) == "-");
  BOOST_TEST(csc::direction_text(true) == "lower is better");
  BOOST_TEST(csc::direction_text(false) == "higher is better");
}

BOOST_AUTO_TEST_CASE(a_target_is_met_at_the_target_itself_in_either_direction) {
  const std::vector<target_case> cases = {
      {14.9, 15, true, true}, {15, 15, true, true}, {15.1, 15, true, false},
      {15.1, 15, false, true}, {15, 15, false, true}, {14.9, 15, false, false},
  };
  for (const target_case& c : cases) {
    BOOST_TEST_CONTEXT(c.value << " against " << c.target << (c.lower_is_better ? " (lower" : " (higher")
                                << " is better)") {
      BOOST_TEST(csc::meets_target(c.value, c.target, c.lower_is_better) == c.met);
    }
  }
}

BOOST_AUTO_TEST_CASE(published_lines_per_year_with_an_exact_neighbour_mean) {
  const auto t = table();
  const auto c = csc::compare_published(t, "CPP_subsequent_percent", neighbours(), 335, 2015, 2017, true);
  BOOST_TEST(c.measure == "CPP_subsequent_percent");
  BOOST_TEST(c.lower_is_better);
  BOOST_TEST_REQUIRE(c.lines.size() == 3U);
  struct line_case {
    int year;
    const char* la;
    const char* england;
    const char* region;
    const char* sn_mean;  // figure_text(sn_mean, "-")
    std::size_t sn_count;
    comparison_verdict vs_england;
  };
  const std::vector<line_case> cases = {
      {2015, "13.3", "16.6", "17.3", "16.2", 2, comparison_verdict::better},  // 16.245 in hundredths: 16.2
      {2016, "17.9", "17.9", "18.5", "16.3", 2, comparison_verdict::same},    // 16.25 exactly: 16.3; 403 is c
      {2017, "x", "18.0", "", "-", 0, comparison_verdict::not_comparable},   // LA not published: no region row
  };
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const line_case& e = cases[i];
    const csc::published_comparison_line& l = c.lines[i];
    BOOST_TEST_CONTEXT("year " << e.year) {
      BOOST_TEST(l.year == e.year);
      BOOST_TEST(l.la.text == e.la);
      BOOST_TEST(l.england.text == e.england);
      BOOST_TEST(l.region.text == e.region);
      BOOST_TEST(csc::figure_text(l.sn_mean, "-") == e.sn_mean);
      BOOST_TEST(!l.sn_mean.suppressed);
      BOOST_TEST(l.sn_count == e.sn_count);
      BOOST_TEST((c.versus_england(l) == e.vs_england));
      BOOST_TEST(!l.local.value.has_value());  // the caller's to fill in
    }
  }
  BOOST_TEST(*c.lines[1].sn_mean.value == 16.25);
  // Higher is better reverses the verdict, not the figures.
  const auto h = csc::compare_published(t, "CPP_subsequent_percent", neighbours(), 335, 2015, 2015, false);
  BOOST_TEST((h.versus_england(h.lines[0]) == comparison_verdict::worse));
}

BOOST_AUTO_TEST_CASE(years_outside_the_range_and_las_without_neighbours) {
  struct range_case {
    int first;
    int last;
    std::vector<int> years;
  };
  const std::vector<range_case> cases = {
      {2015, 2017, {2015, 2016, 2017}}, {2016, 2016, {2016}}, {2016, 2020, {2016, 2017}},
      {2010, 2014, {}},                  {2017, 2016, {}},
  };
  const auto t = table();
  for (const range_case& r : cases) {
    BOOST_TEST_CONTEXT(r.first << ".." << r.last) {
      std::vector<int> years;
      for (const auto& l : csc::compare_published(t, "CPP_subsequent_percent", neighbours(), 335, r.first, r.last,
                                                  true).lines)
        years.push_back(l.year);
      BOOST_TEST(years == r.years);
    }
  }
  const auto none = csc::compare_published(t, "CPP_subsequent_percent", {}, 335, 2015, 2015, true);
  BOOST_TEST(!none.lines[0].sn_mean.value.has_value());
  BOOST_TEST(none.lines[0].sn_count == 0U);
  BOOST_TEST(none.lines[0].la.text == "13.3");
}

BOOST_AUTO_TEST_CASE(an_unknown_column_is_an_error_naming_it) {
  try {
    csc::compare_published(table(), "rereferral_percent", neighbours(), 335, 2015, 2017, true);
    BOOST_FAIL("expected std::runtime_error");
  } catch (const std::invalid_argument&) {
    BOOST_FAIL("must not be std::invalid_argument (csc-report turns those into usage errors)");
  } catch (const std::runtime_error& e) {
    BOOST_TEST(std::string(e.what()) == "published table has no column rereferral_percent");
  }
}

BOOST_AUTO_TEST_SUITE_END()
