// Tests for include/csc/measure/cp_plans.hpp and cp_plan_bands.hpp: second or
// subsequent plans, repeat within 2 years, gap and duration bands, plan checks
// and period measures (counting-rules.md section 3; docs/rules/cp-plan-*.md).
#include <csc/calendar/periods.hpp>
#include <csc/core/extract_date.hpp>
#include <csc/measure/cp_plans.hpp>
#include <csc/measure/measure.hpp>

#include "../support/test_dates.hpp"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace bdata = boost::unit_test::data;
using csc::cp_plan_gap_band;
using csc::subsequent_basis;
using csc_test::bd;
using csc_test::cd;

namespace {
struct plan {
  std::string child;
  csc::civil_date start;
  std::optional<csc::civil_date> end;
  std::optional<int> previous_cpp;  // declared NumberOfPreviousCPP
};

std::optional<csc::civil_date> od(const char* iso) { return cd(iso); }
constexpr std::nullopt_t open = std::nullopt;

using classification = csc::cp_plan_classification<std::string>;

classification classify(const std::vector<plan>& v, const char* extract_date, const csc::cp_plan_policy& p = {}) {
  return csc::classify_cp_plans(v, &plan::child, &plan::start, &plan::end, &plan::previous_cpp, cd(extract_date), p);
}

// The three plan accumulators (D3 starts, D7 ends, D5 open) of one period, read as one.
struct plan_measures : csc::cp_plan_start_measures, csc::cp_plan_end_measures, csc::cp_plan_open_measures {};

template <class Classification>
plan_measures fy2019(const Classification& c) {
  const auto fy = csc::financial_year<csc::civil_date>(2019);
  return {csc::measure(c, fy, csc::count_cp_plan_starts{}), csc::measure(c, fy, csc::count_cp_plan_ends{}),
          csc::measure(c, fy, csc::count_cp_plans_open{})};
}

template <class Classification>
std::size_t count_rule(const Classification& c, csc::rule rule) {
  std::size_t n = 0;
  for (const auto& f : c.findings()) n += f.rule == rule;
  return n;
}

std::optional<std::size_t> idx(std::size_t i) { return i; }

// Gap table: the previous plan ends on prev_end, the new plan starts on start; one row per case.
struct gap_case {
  const char* prev_end;
  const char* start;
  const char* band;
  bool within_2_years;
  const char* why;
};
std::ostream& operator<<(std::ostream& os, const gap_case& c) {
  return os << "end " << c.prev_end << ", start " << c.start << " (" << c.why << ")";
}
const std::vector<gap_case> gap_cases = {
    {"2018-05-31", "2020-05-31", "more_than_12_up_to_24_months", true, "exactly 24 months"},
    {"2018-05-30", "2020-05-31", "more_than_24_months", false, "24 months + 1 day"},
    {"2018-02-28", "2020-02-29", "more_than_12_up_to_24_months", true, "2020-02-29 looks back 24 months to 2018-02-28"},
    {"2018-02-27", "2020-02-29", "more_than_24_months", false, "2020-02-29 looks back 24 months to 2018-02-28"},
    {"2020-02-29", "2022-02-28", "more_than_12_up_to_24_months", true, "2022-02-28 looks back to 2020-02-28"},
    {"2020-02-28", "2022-02-28", "more_than_12_up_to_24_months", true, "2022-02-28 looks back to 2020-02-28"},
    {"2020-02-27", "2022-02-28", "more_than_24_months", false, "2022-02-28 looks back to 2020-02-28"},
    {"2019-01-30", "2019-04-30", "up_to_3_months", true, "exactly 3 months"},
    {"2019-01-29", "2019-04-30", "more_than_3_up_to_6_months", true, "3 months + 1 day"},
    {"2019-01-31", "2019-04-30", "up_to_3_months", true, "31st: add_months(2019-04-30, -3) = 2019-01-30 <= 31st"},
    {"2019-01-15", "2019-07-15", "more_than_3_up_to_6_months", true, "exactly 6 months"},
    {"2019-01-14", "2019-07-15", "more_than_6_up_to_12_months", true, "6 months + 1 day"},
    {"2019-03-31", "2020-03-31", "more_than_6_up_to_12_months", true, "exactly 12 months"},
    {"2019-03-30", "2020-03-31", "more_than_12_up_to_24_months", true, "12 months + 1 day"},
    {"2019-06-01", "2019-06-01", "up_to_3_months", true, "ends the day the new plan starts"},
    {"2019-06-02", "2019-06-01", "up_to_3_months", true, "ends after the start (overlap)"}};

// Duration table: start to e (the end, or the reference date); one row per case.
struct duration_case {
  const char* start;
  const char* e;
  const char* band;
  const char* why;
};
std::ostream& operator<<(std::ostream& os, const duration_case& c) {
  return os << c.start << " to " << c.e << " (" << c.why << ")";
}
const std::vector<duration_case> duration_cases = {
    {"2019-01-30", "2019-04-30", "3_months_or_less", "exactly 3 months"},
    {"2019-01-29", "2019-04-30", "more_than_3_months_6_months", "3 months + 1 day"},
    {"2019-10-30", "2020-04-30", "more_than_3_months_6_months", "exactly 6 months"},
    {"2019-10-29", "2020-04-30", "more_than_6_months_less_than_1_year", "6 months + 1 day"},
    {"2019-04-01", "2020-03-31", "more_than_6_months_less_than_1_year", "one day less than 1 year"},
    {"2019-03-31", "2020-03-31", "1_year_less_than_2_years", "exactly 1 year"},
    {"2018-04-01", "2020-03-31", "1_year_less_than_2_years", "one day less than 2 years"},
    {"2018-03-31", "2020-03-31", "2_years_or_more", "exactly 2 years"},
    {"2020-02-29", "2021-02-28", "more_than_6_months_less_than_1_year", "12 months back from 2021-02-28 is 2020-02-28"},
    {"2020-02-28", "2021-02-28", "1_year_less_than_2_years", "12 months back from 2021-02-28 is 2020-02-28"},
    {"2019-02-28", "2020-02-29", "1_year_less_than_2_years", "exactly 1 year to a leap day"},
    {"2019-06-01", "2019-06-01", "3_months_or_less", "same day"}};
}  // namespace

BOOST_AUTO_TEST_SUITE(cp_plans_test)

BOOST_DATA_TEST_CASE(gap_band_and_within_2_years_boundaries, bdata::make(gap_cases), row) {
  const char* const e = row.prev_end;
  const char* const s = row.start;
  const std::string band = row.band;
  const bool within = row.within_2_years;
  BOOST_TEST(csc::to_string(csc::repeat_plan_gap_band(cd(e), cd(s))) == band);
  BOOST_TEST(csc::to_string(csc::repeat_plan_gap_band(bd(e), bd(s))) == band);
  const std::vector<plan> v = {{"A", cd("2017-01-01"), od(e), std::nullopt}, {"A", cd(s), open, std::nullopt}};
  const auto c = classify(v, "2023-01-01");
  BOOST_TEST(c[1].is_subsequent());
  BOOST_TEST((c[1].basis == subsequent_basis::history));
  BOOST_TEST(c[1].previous == idx(0));
  BOOST_REQUIRE(c[1].gap.has_value());
  BOOST_TEST(csc::to_string(*c[1].gap) == band);
  BOOST_TEST(c[1].repeat_within_window == within);
  const int days = csc::days_between(cd(e), cd(s)).count();
  BOOST_REQUIRE(c[1].gap_days.has_value());
  BOOST_TEST(c[1].gap_days->count() == (days < 0 ? 0 : days));
}

BOOST_DATA_TEST_CASE(duration_band_boundaries, bdata::make(duration_cases), row) {
  const char* const s = row.start;
  const char* const e = row.e;
  const std::string band = row.band;
  BOOST_TEST(csc::to_string(csc::plan_duration_band(cd(s), cd(e))) == band);
  BOOST_TEST(csc::to_string(csc::plan_duration_band(bd(s), bd(e))) == band);
  // The same band for a plan ending on e, and for an open plan measured on the extract date e.
  const std::vector<plan> ended = {{"A", cd(s), od(e), 0}};
  const std::vector<plan> still_open = {{"A", cd(s), open, 0}};
  BOOST_TEST(csc::to_string(classify(ended, e)[0].duration) == band);
  BOOST_TEST(csc::to_string(classify(still_open, e)[0].duration) == band);
  BOOST_TEST(classify(ended, e)[0].duration_days.count() == csc::days_between(cd(s), cd(e)).count());
}

BOOST_AUTO_TEST_CASE(duration_end_before_start_is_an_error) {
  BOOST_CHECK_THROW(csc::plan_duration_band(cd("2019-06-02"), cd("2019-06-01")), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(plan_starting_the_day_the_previous_one_ended) {
  const std::vector<plan> v = {{"A", cd("2018-01-10"), od("2019-06-01"), 0}, {"A", cd("2019-06-01"), open, 1}};
  const auto c = classify(v, "2020-03-31");
  BOOST_TEST(c[1].is_subsequent());
  BOOST_TEST((c[1].basis == subsequent_basis::history_and_declared));
  BOOST_TEST(c[1].gap_days == std::optional<csc::days>(csc::days(0)));
  BOOST_TEST((*c[1].gap == cp_plan_gap_band::up_to_3_months));
  BOOST_TEST(c[1].repeat_within_window);
  BOOST_REQUIRE(count_rule(c, csc::rule::cpp_overlap) == 1u);  // DfE 8940 is inclusive
  BOOST_TEST(c.findings()[0].record == 1u);
  BOOST_TEST(c.findings()[0].related_record == idx(0));
  BOOST_TEST(c.findings()[0].counted);
  const auto m = fy2019(c);
  BOOST_TEST(m.CPP_start == 1u);
  BOOST_TEST(m.CPP_subsequent == 1u);
  BOOST_TEST(m.CPP_subsequent_within_2y == 1u);
}

BOOST_AUTO_TEST_CASE(two_plans_starting_on_the_same_day_are_not_previous_to_each_other) {
  const std::vector<plan> v = {{"A", cd("2019-05-01"), open, 0},
                               {"A", cd("2019-05-01"), od("2019-08-01"), 0},
                               {"A", cd("2020-01-10"), od("2020-02-01"), 1}};
  const auto c = classify(v, "2020-03-31");
  BOOST_TEST(!c[0].is_subsequent());
  BOOST_TEST(!c[1].is_subsequent());
  BOOST_TEST(!c[0].previous.has_value());
  BOOST_TEST(c[2].earlier_plans == 2u);
  BOOST_TEST(c[2].previous == idx(0));  // same start: the latest end, an open plan counting as latest
  BOOST_TEST(c[2].gap_days == std::optional<csc::days>(csc::days(0)));  // ... and it is still open: an overlap
  BOOST_TEST(count_rule(c, csc::rule::cpp_overlap) == 2u);  // plan 0 overlaps plan 1, plan 2 overlaps plan 0
  BOOST_TEST(count_rule(c, csc::rule::previous_cpp_declared_too_low) == 1u);  // plan 2 declares 1, history shows 2
  const auto m = fy2019(c);
  BOOST_TEST(m.CPP_start == 3u);
  BOOST_TEST(m.CPP_subsequent == 1u);
  BOOST_TEST(m.CPP_child_start == 1u);
  BOOST_TEST(m.CPP_child_subsequent == 1u);
}

BOOST_AUTO_TEST_CASE(declared_count_only_gives_gap_unknown_and_not_within) {
  const std::vector<plan> v = {{"A", cd("2019-05-01"), open, 2}, {"B", cd("2019-06-01"), open, 0}};
  const auto c = classify(v, "2020-03-31");
  BOOST_TEST((c[0].basis == subsequent_basis::declared));
  BOOST_TEST((*c[0].gap == cp_plan_gap_band::unknown));
  BOOST_TEST(!c[0].gap_days.has_value());
  BOOST_TEST(!c[0].repeat_within_window);
  BOOST_TEST(!c[1].is_subsequent());
  BOOST_TEST(!c[1].gap.has_value());
  const auto m = fy2019(c);
  BOOST_TEST(m.CPP_subsequent == 1u);
  BOOST_TEST(m.CPP_subsequent_within_2y == 0u);
  BOOST_TEST(m.gap_bands[static_cast<std::size_t>(cp_plan_gap_band::unknown)] == 1u);
  BOOST_TEST(*m.CPP_subsequent_percent() == 50.0);
  // Policy history_only ignores the declared count.
  csc::cp_plan_policy history;
  history.evidence = csc::previous_plan_evidence::history_only;
  BOOST_TEST(!classify(v, "2020-03-31", history)[0].is_subsequent());
}

BOOST_AUTO_TEST_CASE(declared_count_too_low_is_reported_and_the_history_is_used) {
  const std::vector<plan> v = {{"A", cd("2016-01-01"), od("2016-06-01"), 0},
                               {"A", cd("2017-01-01"), od("2017-06-01"), 1},
                               {"A", cd("2019-09-01"), open, 1},  // two earlier plans, declares 1
                               {"B", cd("2018-01-01"), od("2018-06-01"), 0},
                               {"B", cd("2019-09-01"), open, 0}};  // one earlier plan, declares 0
  const auto c = classify(v, "2020-03-31");
  BOOST_TEST(count_rule(c, csc::rule::previous_cpp_declared_too_low) == 2u);
  BOOST_TEST((c[2].basis == subsequent_basis::history_and_declared));
  BOOST_TEST((c[4].basis == subsequent_basis::history));
  BOOST_TEST(c[4].is_subsequent());
  for (const auto& f : c.findings()) BOOST_TEST(f.counted);
  // Policy declared_only: the declared count decides; the finding is still raised.
  csc::cp_plan_policy declared;
  declared.evidence = csc::previous_plan_evidence::declared_only;
  const auto d = classify(v, "2020-03-31", declared);
  BOOST_TEST(!d[4].is_subsequent());
  BOOST_TEST(d[4].gap.has_value());          // the previous plan in the history is still described
  BOOST_TEST(!d[4].repeat_within_window);    // but a first plan is never a repeat
  BOOST_TEST((d[2].basis == subsequent_basis::declared));
  BOOST_TEST(count_rule(d, csc::rule::previous_cpp_declared_too_low) == 2u);
}

BOOST_AUTO_TEST_CASE(declared_only_without_a_declared_projection_is_an_error) {
  const std::vector<plan> v = {{"A", cd("2019-05-01"), open, 1}};
  csc::cp_plan_policy declared;
  declared.evidence = csc::previous_plan_evidence::declared_only;
  BOOST_CHECK_THROW(csc::classify_cp_plans(v, &plan::child, &plan::start, &plan::end, cd("2020-03-31"), declared),
                    std::invalid_argument);
  const auto c = csc::classify_cp_plans(v, &plan::child, &plan::start, &plan::end, cd("2019-05-01"));
  BOOST_TEST(!c[0].is_subsequent());
  BOOST_TEST(c.findings().empty());  // no projection: no previous_cpp_missing findings
}

BOOST_AUTO_TEST_CASE(missing_and_negative_declared_counts) {
  const std::vector<plan> v = {{"A", cd("2019-05-01"), open, std::nullopt}};
  const auto c = classify(v, "2020-03-31");
  BOOST_TEST(count_rule(c, csc::rule::previous_cpp_missing) == 1u);
  BOOST_TEST(!c[0].is_subsequent());
  const std::vector<plan> w = {{"A", cd("2019-05-01"), open, 0}, {"B", cd("2019-05-01"), open, -1}};
  BOOST_CHECK_EXCEPTION(classify(w, "2020-03-31"), std::invalid_argument, [](const std::invalid_argument& e) {
    return std::string(e.what()).find("record 1: NumberOfPreviousCPP: -1") != std::string::npos;
  });
}

BOOST_AUTO_TEST_CASE(window_policy_in_days) {
  // 2018-02-28 to 2020-02-29 is 24 months but 731 days.
  const std::vector<plan> v = {{"A", cd("2017-06-01"), od("2018-02-28"), 0}, {"A", cd("2020-02-29"), open, 1}};
  BOOST_TEST(classify(v, "2020-03-31")[1].repeat_within_window);
  csc::cp_plan_policy days;
  days.repeat_window = csc::window::days(730);
  BOOST_TEST(!classify(v, "2020-03-31", days)[1].repeat_within_window);
  days.repeat_window = csc::window::days(731);
  BOOST_TEST(classify(v, "2020-03-31", days)[1].repeat_within_window);
}

BOOST_AUTO_TEST_CASE(end_before_start_is_reported_and_excluded_everywhere) {
  const std::vector<plan> v = {{"A", cd("2019-05-01"), od("2019-04-30"), 0}, {"A", cd("2019-09-01"), open, 0}};
  const auto c = classify(v, "2020-03-31");
  BOOST_TEST(!c[0].counted);
  BOOST_REQUIRE(c.findings().size() == 1u);
  BOOST_TEST(c.findings()[0].rule == csc::rule::cpp_end_before_start);
  BOOST_TEST(!c.findings()[0].counted);
  BOOST_TEST(!c[1].is_subsequent());  // not in anybody's history
  const auto m = fy2019(c);
  BOOST_TEST(m.CPP_start == 1u);
  BOOST_TEST(m.CPP_end == 0u);
}

BOOST_AUTO_TEST_CASE(same_day_start_and_end_and_more_than_one_open_plan) {
  const std::vector<plan> v = {{"A", cd("2019-05-01"), od("2019-05-01"), 0},
                               {"A", cd("2019-07-01"), open, 1},
                               {"A", cd("2019-09-01"), open, 2}};
  const auto c = classify(v, "2020-03-31");
  BOOST_TEST(count_rule(c, csc::rule::cpp_same_day_start_end) == 1u);
  BOOST_TEST(count_rule(c, csc::rule::cpp_more_than_one_open) == 1u);
  BOOST_TEST(count_rule(c, csc::rule::cpp_overlap) == 1u);  // the second open plan starts while the first is open
  BOOST_TEST(c[0].counted);
  BOOST_TEST(c[0].duration_days.count() == 0);
  const auto m = fy2019(c);
  BOOST_TEST(m.CPP_start == 3u);
  BOOST_TEST(m.CPP_open == 2u);
  BOOST_TEST(m.CPP_end == 1u);
}

BOOST_AUTO_TEST_CASE(period_edges_and_open_plans_at_the_period_end) {
  const std::vector<plan> v = {
      {"A", cd("2019-03-31"), od("2019-04-01"), 0},  // starts before, ends on the first day
      {"B", cd("2019-04-01"), od("2020-03-31"), 0},  // starts on the first day, ends on the last
      {"C", cd("2020-03-31"), open, 0},              // starts on the last day, open
      {"D", cd("2018-03-31"), od("2020-04-01"), 0},  // open on 31 March (ends after it): 2 years
      {"E", cd("2020-04-01"), open, 0}};             // after the period
  const auto m = fy2019(classify(v, "2020-06-30"));
  BOOST_TEST(m.CPP_start == 2u);
  BOOST_TEST(m.CPP_end == 2u);
  BOOST_TEST(m.duration_bands_ended[0] == 1u);  // A: 1 day
  BOOST_TEST(m.duration_bands_ended[2] == 1u);  // B: 2019-04-01..2020-03-31 is one day short of a year
  BOOST_TEST(m.CPP_open == 2u);                 // C (0 days) and D
  BOOST_TEST(m.duration_bands_open[0] == 1u);
  BOOST_TEST(m.duration_bands_open[4] == 1u);
  BOOST_TEST(m.open_on == csc_test::dy("2020-03-31"));
}

BOOST_AUTO_TEST_CASE(open_plans_are_measured_on_the_extract_date_when_the_period_runs_past_it) {
  const std::vector<plan> v = {{"A", cd("2019-05-01"), open, 0}};
  const auto c = classify(v, "2019-08-01");
  BOOST_TEST(c[0].duration_days.count() == 92);
  const auto m = fy2019(c);
  BOOST_TEST(m.open_on == csc_test::dy("2019-08-01"));
  BOOST_TEST(m.duration_bands_open[0] == 1u);
}

BOOST_AUTO_TEST_CASE(dates_after_the_extract_date_and_bad_dates_name_the_record) {
  const std::vector<plan> v = {{"A", cd("2019-05-01"), open, 0}, {"B", cd("2019-05-01"), od("2020-05-01"), 0}};
  BOOST_CHECK_EXCEPTION(classify(v, "2020-03-31"), std::invalid_argument, [](const std::invalid_argument& e) {
    return std::string(e.what()).find("record 1: CPPendDate 2020-05-01 is after the extract date 2020-03-31") !=
           std::string::npos;
  });
  struct rec {
    int id;
    boost::gregorian::date start;
    std::optional<boost::gregorian::date> end;
  };
  const std::vector<rec> w = {{1, bd("2019-06-01"), std::nullopt},
                              {2, boost::gregorian::date(boost::date_time::not_a_date_time), std::nullopt}};
  BOOST_CHECK_EXCEPTION(csc::classify_cp_plans(w, &rec::id, &rec::start, &rec::end, bd("2019-06-01")),
                        std::invalid_argument, [](const std::invalid_argument& e) {
                          return std::string(e.what()).find("record 1: CPPstartDate") != std::string::npos;
                        });
}

BOOST_AUTO_TEST_CASE(extract_date_derived_as_the_latest_date_and_plain_end_dates_work) {
  struct rec {
    int id;
    boost::gregorian::date start;
    boost::gregorian::date end;  // a host that only keeps ended plans
  };
  const std::vector<rec> w = {{7, bd("2019-06-01"), bd("2019-09-01")}, {7, bd("2020-01-01"), bd("2020-02-01")}};
  // No default any more: csc::latest_date gives what the old default horizon was (the latest start or end).
  const auto latest = csc::latest_date(w, &rec::start, &rec::end);
  BOOST_REQUIRE(latest.has_value());
  const auto c = csc::classify_cp_plans(w, &rec::id, &rec::start, &rec::end, *latest);
  BOOST_TEST(c.extract_date() == csc_test::dy("2020-02-01"));
  BOOST_TEST(c[1].is_subsequent());
  BOOST_TEST(c[1].gap_days == std::optional<csc::days>(csc::days(122)));
}

BOOST_AUTO_TEST_CASE(unsorted_input_gives_the_same_answer_as_sorted) {
  const std::vector<plan> sorted = {{"A", cd("2017-01-10"), od("2017-06-10"), 0},
                                    {"A", cd("2019-06-10"), open, 1},
                                    {"B", cd("2018-01-01"), od("2018-03-01"), 0},
                                    {"B", cd("2019-12-01"), open, 0}};
  const std::vector<plan> shuffled = {sorted[3], sorted[1], sorted[2], sorted[0]};
  const auto a = classify(sorted, "2020-03-31");
  const auto b = classify(shuffled, "2020-03-31");
  BOOST_TEST(a.input_was_sorted());
  BOOST_TEST(!b.input_was_sorted());
  const std::size_t map[] = {3, 1, 2, 0};
  for (std::size_t i = 0; i < 4; ++i) {
    BOOST_TEST((b[i].basis == a[map[i]].basis));
    BOOST_TEST((b[i].gap == a[map[i]].gap));
    BOOST_TEST((b[i].previous ? std::optional<std::size_t>(map[*b[i].previous]) : std::nullopt) == a[map[i]].previous);
  }
  csc::cp_plan_policy declared_sorted;
  declared_sorted.order = csc::input_order::sorted_by_child_and_date;
  BOOST_CHECK_THROW(classify(shuffled, "2020-03-31", declared_sorted), std::invalid_argument);
}

#if CSC_HAS_CHRONO_CALENDAR
BOOST_AUTO_TEST_CASE(works_on_cpp20_calendar_dates) {
  using namespace std::chrono;
  struct rec {
    long id;
    year_month_day start;
    std::optional<year_month_day> end;
  };
  const std::vector<rec> v = {{1, 2018y / May / 31d, 2018y / May / 31d},
                              {1, 2020y / May / 31d, std::nullopt}};
  const auto c = csc::classify_cp_plans(v, &rec::id, &rec::start, &rec::end, 2020y / June / 30d);
  BOOST_TEST(c[1].repeat_within_window);  // exactly 24 months
  BOOST_TEST(csc::to_string(*c[1].gap) == "more_than_12_up_to_24_months");
  BOOST_TEST(csc::to_string(c[1].duration) == "3_months_or_less");
}
#endif

BOOST_AUTO_TEST_CASE(child_id_and_find_child_map_ordinals_to_host_ids) {
  const std::vector<plan> v = {{"B", cd("2019-05-01"), open, 0}, {"A", cd("2019-06-01"), open, 0}};
  const auto c = classify(v, "2020-03-31");
  BOOST_TEST(c.child_count() == 2u);
  BOOST_TEST(c.child_id(c[0].child) == "B");
  BOOST_TEST(c.child_id(c[1].child) == "A");
  BOOST_TEST(c.find_child("A") == idx(0));
  BOOST_TEST(c.find_child("B") == idx(1));
  BOOST_TEST(!c.find_child("C").has_value());
  BOOST_CHECK_THROW(c.child_id(2), std::out_of_range);
}

BOOST_AUTO_TEST_CASE(empty_input) {
  const std::vector<plan> none;
  const auto m = fy2019(classify(none, "2020-03-31"));
  BOOST_TEST(m.CPP_start == 0u);
  BOOST_TEST(!m.CPP_subsequent_percent().has_value());
  BOOST_TEST(!m.CPP_subsequent_within_2y_percent().has_value());
}

BOOST_AUTO_TEST_CASE(evidence_policy_names_round_trip) {
  for (auto e : {csc::previous_plan_evidence::history_or_declared, csc::previous_plan_evidence::history_only,
                 csc::previous_plan_evidence::declared_only})
    BOOST_TEST((csc::parse_previous_plan_evidence(csc::to_string(e)) == e));
  BOOST_TEST(csc::to_string(csc::previous_plan_evidence::history_or_declared) == "either");
  BOOST_CHECK_THROW(csc::parse_previous_plan_evidence("Either"), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
