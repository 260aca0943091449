// Tests for include/csc/report/completeness.hpp and the completeness of a
// series table (docs/rules/completeness.md).
#include <csc/report/completeness.hpp>
#include <csc/report/series_table.hpp>

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

namespace {
csc::day dy(const char* iso) { return csc::day(*csc::parse_iso_date(iso)); }

struct history_case {
  const char* period_first;
  const char* data_from;
  csc::window look_back;
  bool complete;
};
}  // namespace

BOOST_AUTO_TEST_SUITE(completeness_test)

BOOST_AUTO_TEST_CASE(history_is_complete_when_the_look_back_of_the_first_day_is_within_the_data) {
  const history_case cases[] = {
      {"2020-04-01", "2019-04-01", csc::window::months(12), true},   // exactly reaches the first day of data
      {"2020-04-01", "2019-04-02", csc::window::months(12), false},  // one day short
      {"2020-03-31", "2019-03-31", csc::window::months(12), true},
      {"2021-02-28", "2020-02-29", csc::window::months(12), false},  // 12 months before 2021-02-28 is 2020-02-28
      {"2021-02-28", "2020-02-28", csc::window::months(12), true},
      {"2020-04-01", "2018-04-01", csc::window::months(24), true},
      {"2020-04-01", "2018-04-02", csc::window::months(24), false},
      {"2020-04-01", "2019-04-02", csc::window::days(365), true},    // 2020 is a leap year: 365 days back is 04-02
      {"2020-04-01", "2019-04-03", csc::window::days(365), false},
  };
  for (const history_case& c : cases) {
    BOOST_TEST_CONTEXT(c.period_first << " from " << c.data_from << " back " << c.look_back.describe()) {
      BOOST_TEST(csc::history_within_data(dy(c.period_first), dy(c.data_from), c.look_back) == c.complete);
    }
  }
  BOOST_TEST(csc::history_within_data(dy("2020-04-01"), std::nullopt, csc::window::months(12)));
}

BOOST_AUTO_TEST_CASE(data_covers_a_period_it_reaches) {
  const csc::day from = dy("2019-04-01"), extract = dy("2021-03-31");
  BOOST_TEST(csc::data_covers(dy("2019-04-01"), dy("2020-03-31"), from, extract));
  BOOST_TEST(csc::data_covers(dy("2019-01-01"), dy("2019-04-01"), from, extract));   // ends on the first data day
  BOOST_TEST(!csc::data_covers(dy("2018-04-01"), dy("2019-03-31"), from, extract));  // ends the day before
  BOOST_TEST(csc::data_covers(dy("2021-03-31"), dy("2022-03-30"), from, extract));   // starts on the extract date
  BOOST_TEST(!csc::data_covers(dy("2021-04-01"), dy("2022-03-31"), from, extract));  // starts after it
  BOOST_TEST(csc::data_covers(dy("2000-01-01"), dy("2000-12-31"), std::nullopt, extract));
  csc::period_completeness c;
  c.referrals_cover = false;
  BOOST_TEST(c.history_incomplete(*csc::find_measure("referral_count")));
  BOOST_TEST(!c.history_incomplete(*csc::find_measure("CPP_start")));
}

BOOST_AUTO_TEST_CASE(each_measure_is_judged_by_its_own_need_and_follow_up) {
  csc::period_completeness c;
  c.look_back = false;
  c.step_downs = 391;
  c.step_downs_follow_up_incomplete = 389;
  BOOST_TEST(c.history_incomplete(*csc::find_measure("rereferral_percent")));
  BOOST_TEST(!c.history_incomplete(*csc::find_measure("referral_count")));
  BOOST_TEST(!c.history_incomplete(*csc::find_measure("CPP_subsequent_within_2y_percent")));
  BOOST_TEST(*c.provisional_percent(*csc::find_measure("step_downs_re_escalated_percent")) == 100.0 * 389 / 391);
  BOOST_TEST(!c.provisional_percent(*csc::find_measure("step_downs")).has_value());
  c.step_downs_follow_up_incomplete = 0;
  BOOST_TEST(!c.provisional_percent(*csc::find_measure("bounces")).has_value());
}

// One year of data (a single return): the look-back of every quarter reaches before it.
BOOST_AUTO_TEST_CASE(a_series_marks_the_periods_whose_look_back_reaches_before_the_data) {
  csc::io::referral_table t;
  t.name = "r.csv";
  t.files = {"r.csv"};
  t.items = {"LAchildID", "CINreferralDate"};
  const char* dates[] = {"2020-04-10", "2020-09-01", "2021-01-05", "2021-06-01"};
  const char* children[] = {"C0", "C1"};
  for (std::size_t i = 0; i < 4; ++i)
    t.records.push_back(csc::io::referral_record{children[i % 2], dy(dates[i]), std::nullopt, "", std::nullopt, "",
                                                 {0, i + 2}, {"", ""}});
  const auto cls = csc::classify_rereferrals(t.records, &csc::io::referral_record::child,
                                             &csc::io::referral_record::referral, dy("2021-06-30"));
  csc::series_inputs in;
  in.referrals = &t;
  in.classified_referrals = &cls;
  const auto table = csc::build_series_table(csc::series_kind::financial_year,
                                             csc::interval<csc::day>(dy("2020-04-01"), dy("2022-03-31")), in, {});
  BOOST_TEST((*table.referrals_from == dy("2020-04-10")));
  BOOST_REQUIRE(table.completeness.size() == 2u);
  BOOST_TEST(!table.completeness[0].look_back);  // 2020-21 looks back to 2019-04-01
  BOOST_TEST(!table.completeness[1].look_back);  // 2021-22 looks back to 2020-04-01, before 2020-04-10
  in.referrals_from = dy("2020-04-01");         // the host knows the data covers the whole year
  const auto covered = csc::build_series_table(csc::series_kind::financial_year,
                                               csc::interval<csc::day>(dy("2020-04-01"), dy("2022-03-31")), in, {});
  BOOST_TEST(!covered.completeness[0].look_back);
  BOOST_TEST(covered.completeness[1].look_back);
}

BOOST_AUTO_TEST_SUITE_END()
