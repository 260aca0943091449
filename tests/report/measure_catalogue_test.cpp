// Tests for include/csc/report/measure_catalogue.hpp (docs/rules/series.md, docs/rules/benchmarks.md).
#include <csc/report/measure_catalogue.hpp>
#include <csc/episode/service_level.hpp>
#include <csc/measure/cp_plan_bands.hpp>
#include <csc/measure/rereferrals.hpp>

#include <boost/test/unit_test.hpp>

#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

static_assert(csc::find_measure("CPP_subsequent_percent")->lower_is_better);
static_assert(csc::find_measure("no_such_measure") == nullptr);

namespace {
// One measure's catalogue entry as the docs state it.
struct measure_case {
  const char* name;
  csc::measure_source source;
  bool lower_is_better;
  bool needs_population;
  bool needs_family;
};

// One figure against one target.
struct target_case {
  std::optional<double> value;  // nullopt: undefined
  bool suppressed;
  const char* measure;
  double target;
  std::optional<bool> met;
};
}  // namespace

namespace std {
inline std::ostream& boost_test_print_type(std::ostream& os, const std::optional<bool>& v) {
  return v ? os << (*v ? "true" : "false") : os << "nullopt";
}
}  // namespace std

BOOST_AUTO_TEST_SUITE(measure_catalogue_test)

BOOST_AUTO_TEST_CASE(every_measure_in_column_order_with_its_direction_and_needs) {
  using s = csc::measure_source;
  const std::vector<measure_case> cases = {
      {"referral_count", s::referrals, false, false, false},
      {"rereferral_count", s::referrals, true, false, false},
      {"rereferral_percent", s::referrals, true, false, false},
      {"rereferral_share_percent", s::referrals, false, false, false},
      {"referral_rate_per_10000", s::referrals, false, true, false},
      {"referral_family_count", s::referrals, false, false, true},
      {"children_3_plus_referrals", s::referrals, true, false, false},
      {"referral_assessment_count", s::referrals, false, false, false},
      {"referral_assessment_percent", s::referrals, false, false, false},
      {"referral_s47_count", s::referrals, false, false, false},
      {"referral_s47_percent", s::referrals, false, false, false},
      {"referral_nfa_count", s::referrals, true, false, false},
      {"referral_nfa_percent", s::referrals, true, false, false},
      {"CPP_start", s::cp_plans, false, false, false},
      {"CPP_subsequent", s::cp_plans, true, false, false},
      {"CPP_subsequent_percent", s::cp_plans, true, false, false},
      {"CPP_subsequent_within_2y_percent", s::cp_plans, true, false, false},
      {"CPP_open", s::cp_plans, false, false, false},
      {"CPP_start_rate_per_10000", s::cp_plans, false, true, false},
      {"CPP_family_start", s::cp_plans, false, false, true},
      {"step_downs", s::stepdown, false, false, false},
      {"step_downs_re_escalated_percent", s::stepdown, true, false, false},
      {"bounces", s::stepdown, true, false, false},
  };
  BOOST_TEST_REQUIRE(csc::series_measures.size() == cases.size());
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const measure_case& c = cases[i];
    const csc::measure_info& m = csc::series_measures[i];
    BOOST_TEST_CONTEXT(c.name) {
      BOOST_TEST(m.name == c.name);
      BOOST_TEST((m.source == c.source));
      BOOST_TEST(m.lower_is_better == c.lower_is_better);
      BOOST_TEST(m.needs_population == c.needs_population);
      BOOST_TEST(m.needs_family == c.needs_family);
      BOOST_TEST(csc::find_measure(c.name) == &m);
    }
  }
}

BOOST_AUTO_TEST_CASE(find_measure_is_exact) {
  BOOST_TEST(csc::find_measure("") == nullptr);
  BOOST_TEST(csc::find_measure("Rereferral_percent") == nullptr);
  BOOST_TEST(csc::find_measure("rereferral_percent ") == nullptr);
  std::set<std::string_view> names;
  for (const csc::measure_info& m : csc::series_measures) names.insert(m.name);
  BOOST_TEST(names.size() == csc::series_measures.size());
}

BOOST_AUTO_TEST_CASE(every_measure_has_a_distinct_plain_language_label) {
  std::set<std::string_view> labels;
  for (const csc::measure_info& m : csc::series_measures) {
    BOOST_TEST_CONTEXT(m.name) {
      BOOST_TEST(!m.label.empty());
      BOOST_TEST(m.label.find('_') == std::string_view::npos);  // words, not a column name
      labels.insert(m.label);
    }
  }
  BOOST_TEST(labels.size() == csc::series_measures.size());
  BOOST_TEST(csc::find_measure("rereferral_percent")->label ==
             "Referrals within 12 months of a previous referral (%)");  // DfE C1's wording
}

BOOST_AUTO_TEST_CASE(a_target_is_met_by_the_measures_direction_and_never_by_a_hidden_figure) {
  const std::vector<target_case> cases = {
      {25.0, false, "rereferral_percent", 25, true},        // lower is better: the target itself is met
      {24.9, false, "rereferral_percent", 25, true},
      {25.1, false, "rereferral_percent", 25, false},
      {100.0, false, "CPP_start", 100, true},               // higher is better: the target itself is met
      {99.0, false, "CPP_start", 100, false},
      {101.0, false, "CPP_start", 100, true},
      {std::nullopt, false, "rereferral_percent", 25, std::nullopt},  // undefined (no referrals)
      {3.0, true, "bounces", 10, std::nullopt},             // suppressed: not judged
  };
  for (const target_case& c : cases) {
    BOOST_TEST_CONTEXT(c.measure << " " << (c.value ? std::to_string(*c.value) : "undefined") << " against "
                                 << c.target) {
      const csc::figure f{c.value, c.value ? std::to_string(*c.value) : std::string(), c.suppressed};
      BOOST_TEST(csc::target_met(f, *csc::find_measure(c.measure), c.target) == c.met);
    }
  }
}

BOOST_AUTO_TEST_CASE(sub_annual_rates_are_labelled_not_annualised_and_published_measures_have_labels) {
  const csc::measure_info& rate = *csc::find_measure("referral_rate_per_10000");
  BOOST_TEST(csc::series_measure_label(rate, csc::series_kind::quarterly) ==
             "Referrals per 10,000 children (in the quarter, not annualised)");
  BOOST_TEST(csc::series_measure_label(rate, csc::series_kind::monthly) ==
             "Referrals per 10,000 children (in the month, not annualised)");
  BOOST_TEST(csc::series_measure_label(rate, csc::series_kind::financial_year) == "Referrals per 10,000 children");
  BOOST_TEST(csc::series_measure_label(rate, csc::series_kind::rolling_12) == "Referrals per 10,000 children");
  BOOST_TEST(csc::series_measure_label(*csc::find_measure("referral_count"), csc::series_kind::quarterly) ==
             "Referrals");
  BOOST_TEST(csc::published_measure_label("rereferral_percent") == csc::find_measure("rereferral_percent")->label);
  BOOST_TEST(csc::published_measure_label("no_further_action_percent") ==
             "Referrals that resulted in no further action (%)");
  BOOST_TEST(csc::published_measure_label("2_years_or_more_percent").find("2 years or more") != std::string_view::npos);
}

BOOST_AUTO_TEST_CASE(bands_types_and_levels_have_plain_labels_beside_their_json_names) {
  std::set<std::string_view> labels;
  const auto check = [&](std::string_view name, std::string_view label) {
    BOOST_TEST_CONTEXT(name) {
      BOOST_TEST(label.find('_') == std::string_view::npos);
      BOOST_TEST(label != "invalid");
      BOOST_TEST(labels.insert(label).second);
    }
  };
  for (std::size_t b = 0; b < csc::cp_plan_gap_band_count; ++b) {
    const auto band = static_cast<csc::cp_plan_gap_band>(b);
    check(csc::to_string(band), csc::label_of(band));
  }
  for (std::size_t b = 0; b < csc::cp_plan_duration_band_count; ++b) {
    const auto band = static_cast<csc::cp_plan_duration_band>(b);
    check(csc::to_string(band), csc::label_of(band));
  }
  for (int t = 0; t < 4; ++t) {
    const auto type = static_cast<csc::referral_type>(t);
    check(csc::to_string(type), csc::label_of(type));
  }
  labels.clear();
  for (std::size_t l = 0; l < csc::service_level_count; ++l) {
    const auto level = static_cast<csc::service_level>(l);
    check(csc::to_string(level), csc::label_of(level));
  }
  BOOST_TEST(csc::label_of(csc::cp_plan_duration_band::two_years_or_more) == "2 years or more");  // DfE D5
  BOOST_TEST(csc::label_of(csc::service_level::cp_plan) == "CP plan");
}

BOOST_AUTO_TEST_SUITE_END()
