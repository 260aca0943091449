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
    comparison_verdict vs_england;  // of a local figure equal to the LA's published one
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
      BOOST_TEST(!l.local.value.has_value());  // the caller's to fill in
      // The verdict judges the local figure: none without one, whatever the LA published.
      BOOST_TEST((c.versus_england(l) == comparison_verdict::not_comparable));
      csc::published_comparison_line with_local = l;
      if (l.la.value) with_local.local = csc::figure{l.la.value, l.la.text, false};
      BOOST_TEST((c.versus_england(with_local) == e.vs_england));
    }
  }
  BOOST_TEST(*c.lines[1].sn_mean.value == 16.25);
  // Higher is better reverses the verdict, not the figures.
  auto h = csc::compare_published(t, "CPP_subsequent_percent", neighbours(), 335, 2015, 2015, false);
  h.lines[0].local = csc::figure{13.3, "13.3", false};
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

// Issue 15, the Kirklees case: local 23.3, Kirklees published 15.5, England 21.5, lower is better.
// A councillor reads 23.3 against 21.5: the verdict is on the local figure, "worse", never "better".
BOOST_AUTO_TEST_CASE(the_verdict_judges_the_local_figure_not_the_las_published_one) {
  csc::published_comparison c;
  c.measure = "rereferral_percent";
  c.lower_is_better = true;
  csc::published_comparison_line l;
  l.year = l.local_year = 2022;
  l.local = csc::percent_figure(7, 30, false);  // 23.33...: shown 23.3
  l.la = {15.5, "15.5"};
  l.england = {21.5, "21.5"};
  l.region = {20.4, "20.4"};
  l.sn_mean = csc::ratio_figure(23090, 1000, 1, false);  // 23.09: shown 23.1
  BOOST_TEST(csc::figure_text(l.local, "-") == "23.3");
  BOOST_TEST((c.versus_england(l) == comparison_verdict::worse));
  BOOST_TEST((c.versus_region(l) == comparison_verdict::worse));
  BOOST_TEST((c.versus_sn_mean(l) == comparison_verdict::worse));
  // The LA's published figure is not judged: 15.5 would have been "better".
  BOOST_TEST((csc::compare_figures(l.la.value, l.england.value, true) == comparison_verdict::better));
  // As shown: 21.46 shows as 21.5, the same as England's 21.5; 23.1 against an SN mean shown 23.1 is the same.
  l.local = csc::percent_figure(2146, 10000, false);
  BOOST_TEST((c.versus_england(l) == comparison_verdict::same));
  l.local = csc::percent_figure(231, 1000, false);
  BOOST_TEST((c.versus_sn_mean(l) == comparison_verdict::same));
  // Suppressed or undefined local figures are not judged.
  l.local = csc::percent_figure(1, 3, true);
  BOOST_TEST((c.versus_england(l) == comparison_verdict::not_comparable));
}

BOOST_AUTO_TEST_CASE(counts_and_rates_are_higher_or_lower_and_a_part_years_are_not_compared) {
  csc::published_comparison c;
  c.measure = "referral_count";
  c.judged = false;
  c.per_period = true;
  csc::published_comparison_line l;
  l.local = csc::count_figure(3300, false);
  l.england = {650270, "650270"};
  l.region = {3300, "3300"};
  l.sn_mean = csc::ratio_figure(49204, 10, 1, false);
  BOOST_TEST((c.versus_england(l) == comparison_verdict::lower));
  BOOST_TEST((c.versus_region(l) == comparison_verdict::same));
  BOOST_TEST((c.versus_sn_mean(l) == comparison_verdict::lower));
  l.local = csc::count_figure(5000, false);
  BOOST_TEST((c.versus_sn_mean(l) == comparison_verdict::higher));
  l.partial = true;  // a part year's count is not on a whole year's scale
  BOOST_TEST((c.versus_sn_mean(l) == comparison_verdict::not_comparable));
  c.per_period = false;  // a percentage without a direction (NFA %) is compared in a part year
  BOOST_TEST((c.versus_sn_mean(l) == comparison_verdict::higher));
  BOOST_TEST(csc::to_string(comparison_verdict::higher) == "higher");
  BOOST_TEST(csc::to_string(comparison_verdict::lower) == "lower");
}

BOOST_AUTO_TEST_CASE(a_part_or_in_year_period_is_set_against_the_latest_published_year) {
  const auto t = table();  // published 2015, 2016, 2017
  const std::vector<csc::published_year> years = {
      {2014, "2013-14", false},                 // before any published year: nothing to set it against
      {2016, "2015-16 from 2015-06-01", true},  // a part year that is published: its own year
      {2019, "2018-19 to 2018-08-31", true},    // in-year: the latest published year, 2017
  };
  const auto c = csc::compare_published(t, csc::published_column(t, "CPP_subsequent_percent"), neighbours(), 335,
                                        years, true);
  BOOST_TEST_REQUIRE(c.lines.size() == 3U);
  BOOST_TEST(c.lines[0].year == 0);
  BOOST_TEST(c.lines[0].local_year == 2014);
  BOOST_TEST(!c.lines[0].england.value.has_value());
  BOOST_TEST(c.lines[1].year == 2016);
  BOOST_TEST(c.lines[1].partial);
  BOOST_TEST(c.lines[1].local_label == "2015-16 from 2015-06-01");
  BOOST_TEST(c.lines[1].england.text == "17.9");
  BOOST_TEST(c.lines[2].year == 2017);
  BOOST_TEST(c.lines[2].local_year == 2019);
  BOOST_TEST(c.lines[2].england.text == "18.0");
  BOOST_TEST(c.lines[2].la.text == "x");
}

BOOST_AUTO_TEST_CASE(rates_are_computed_from_published_counts_and_the_mid_year_before) {
  std::istringstream counts_text(
      "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,"
      "new_la_code,la_name,category,referral_count\n"
      "2022,Reporting year,National,E92000001,England,,,,,,R,650270\n"
      "2022,Reporting year,Regional,E92000001,England,E12000003,Yorks,,,,R,68380\n"
      "2022,Reporting year,Local authority,E92000001,England,E12000003,Yorks,382,E08000034,Kirklees,R,3298\n"
      "2022,Reporting year,Local authority,E92000001,England,E12000003,Yorks,401,E1,A,R,100\n"
      "2022,Reporting year,Local authority,E92000001,England,E12000003,Yorks,402,E2,B,R,c\n");
  std::istringstream ons_text(
      "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,"
      "new_la_code,la_name,age_group,population_estimate\n"
      "2021,Reporting year,National,E92000001,England,,,,,,C,11762878\n"
      "2022,Reporting year,National,E92000001,England,,,,,,C,11901267\n"
      "2021,Reporting year,Regional,E92000001,England,E12000003,Yorks,,,,C,1146456\n"
      "2021,Reporting year,Local authority,E92000001,England,E12000003,Yorks,382,E08000034,Kirklees,C,97780\n"
      "2021,Reporting year,Local authority,E92000001,England,E12000003,Yorks,401,E1,A,C,3000\n"
      "2021,Reporting year,Local authority,E92000001,England,E12000003,Yorks,402,E2,B,C,3000\n");
  const auto counts = csc::io::published_table::read(counts_text, "c1");
  const auto ons = csc::io::published_table::read(ons_text, "ons");
  csc::io::statistical_neighbours sn;
  sn.neighbours = {401, 402, 403};
  const auto c = csc::compare_published(counts, csc::rate_from_counts(counts, "referral_count", ons), {{382, sn}}, 382,
                                        {{2022, "2021-22", false}}, false);
  const csc::published_comparison_line& l = c.lines.at(0);
  BOOST_TEST(l.england.text == "552.8");  // 650270 / 11762878 (mid-2021, not mid-2022) * 10,000
  BOOST_TEST(l.region.text == "596.4");   // 68380 / 1146456
  BOOST_TEST(l.la.text == "337.3");       // 3298 / 97780
  BOOST_TEST(l.sn_count == 1U);           // 402 suppressed, 403 absent
  BOOST_TEST(csc::figure_text(l.sn_mean, "-") == "333.3");  // 100 / 3000
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
