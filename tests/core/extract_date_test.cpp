// Tests for include/csc/core/extract_date.hpp (csc::latest_date, csc::latest_of)
// and the one extract-date rule shared by every family: a record dated after
// the extract date is std::invalid_argument (docs/rules/extract-date.md).
#include <csc/core/extract_date.hpp>
#include <csc/episode/timeline.hpp>
#include <csc/measure/cp_plans.hpp>
#include <csc/measure/rereferrals.hpp>

#include "../support/test_dates.hpp"

#include <boost/test/unit_test.hpp>

#include <list>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

using csc::civil_date;
using csc_test::bd;
using csc_test::cd;
using csc_test::dy;

namespace {
struct referral {
  std::string child;
  civil_date date;
};
struct plan {
  std::string child;
  boost::gregorian::date start;
  std::optional<boost::gregorian::date> end;
};

// True iff @p e is std::invalid_argument whose message says "after the extract date".
bool after_extract_date(const std::invalid_argument& e) {
  return std::string(e.what()).find("is after the extract date") != std::string::npos;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(extract_date_test)

BOOST_AUTO_TEST_CASE(latest_date_over_one_or_more_projections) {
  const std::vector<plan> plans = {{"A", bd("2019-04-01"), bd("2019-09-30")},
                                   {"A", bd("2020-01-15"), std::nullopt},
                                   {"B", bd("2019-06-01"), bd("2020-02-29")}};
  BOOST_TEST(csc::latest_date(plans, &plan::start) == std::optional<csc::day>(dy("2020-01-15")));
  BOOST_TEST(csc::latest_date(plans, &plan::end) == std::optional<csc::day>(dy("2020-02-29")));  // open ends ignored
  BOOST_TEST(csc::latest_date(plans, &plan::start, &plan::end) == std::optional<csc::day>(dy("2020-02-29")));
  const std::vector<plan> none;
  BOOST_TEST(!csc::latest_date(none, &plan::start).has_value());
  // Any range: a std::list of civil dates, through a lambda.
  const std::list<referral> referrals = {{"A", cd("2019-05-01")}, {"B", cd("2019-12-31")}, {"C", cd("2019-07-01")}};
  BOOST_TEST(csc::latest_date(referrals, [](const referral& r) { return r.date; }) ==
             std::optional<csc::day>(dy("2019-12-31")));
  // A special value is not a date: an error, never skipped.
  const std::vector<plan> bad = {{"A", boost::gregorian::date(boost::date_time::not_a_date_time), std::nullopt}};
  BOOST_CHECK_THROW(csc::latest_date(bad, &plan::start), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(latest_of_several_inputs) {
  const std::optional<csc::day> none;
  BOOST_TEST(csc::latest_of(none) == none);
  BOOST_TEST(csc::latest_of(none, none, none) == none);
  BOOST_TEST(csc::latest_of(dy("2020-01-01"), none) == std::optional<csc::day>(dy("2020-01-01")));
  BOOST_TEST(csc::latest_of(none, std::optional<csc::day>(dy("2020-01-01"))) ==
             std::optional<csc::day>(dy("2020-01-01")));
  BOOST_TEST(csc::latest_of(dy("2020-01-01"), std::optional<csc::day>(dy("2020-03-31")),
                            std::optional<csc::day>(dy("2019-12-31"))) == std::optional<csc::day>(dy("2020-03-31")));
  static_assert(*csc::latest_of(csc::day(csc::days(3)), std::optional<csc::day>(csc::day(csc::days(7)))) ==
                csc::day(csc::days(7)));
}

BOOST_AUTO_TEST_CASE(extract_date_from_the_data_is_valid_for_every_family) {
  const std::vector<referral> referrals = {{"A", cd("2019-05-01")}, {"A", cd("2019-11-01")}};
  const std::vector<plan> plans = {{"A", bd("2019-06-01"), bd("2020-01-31")}};
  const auto extract = csc::latest_of(csc::latest_date(referrals, &referral::date),
                                      csc::latest_date(plans, &plan::start, &plan::end));
  BOOST_REQUIRE(extract.has_value());
  BOOST_TEST(*extract == dy("2020-01-31"));
  const auto r = csc::classify_rereferrals(referrals, &referral::child, &referral::date, *extract);
  const auto p = csc::classify_cp_plans(plans, &plan::child, &plan::start, &plan::end, *extract);
  const auto t = csc::build_timelines(csc::episodes(plans, csc::service_level::cp_plan, &plan::child, &plan::start,
                                                    &plan::end),
                                      *extract);
  BOOST_TEST(r.extract_date() == *extract);
  BOOST_TEST(p.extract_date() == *extract);
  BOOST_TEST(t.extract_date() == *extract);
}

BOOST_AUTO_TEST_CASE(rereferrals_reject_a_referral_after_the_extract_date) {
  const std::vector<referral> referrals = {{"A", cd("2019-05-01")}, {"A", cd("2020-04-01")}};
  BOOST_CHECK_EXCEPTION(csc::classify_rereferrals(referrals, &referral::child, &referral::date, cd("2020-03-31")),
                        std::invalid_argument, after_extract_date);
  BOOST_CHECK_NO_THROW(csc::classify_rereferrals(referrals, &referral::child, &referral::date, cd("2020-04-01")));
}

BOOST_AUTO_TEST_CASE(cp_plans_reject_a_start_or_end_after_the_extract_date) {
  const std::vector<plan> late_start = {{"A", bd("2020-04-01"), std::nullopt}};
  BOOST_CHECK_EXCEPTION(
      csc::classify_cp_plans(late_start, &plan::child, &plan::start, &plan::end, bd("2020-03-31")),
      std::invalid_argument, after_extract_date);
  const std::vector<plan> late_end = {{"A", bd("2019-04-01"), bd("2020-04-01")}};
  BOOST_CHECK_EXCEPTION(csc::classify_cp_plans(late_end, &plan::child, &plan::start, &plan::end, bd("2020-03-31")),
                        std::invalid_argument, after_extract_date);
  BOOST_CHECK_NO_THROW(csc::classify_cp_plans(late_end, &plan::child, &plan::start, &plan::end, bd("2020-04-01")));
}

BOOST_AUTO_TEST_CASE(timelines_reject_a_start_or_end_after_the_extract_date) {
  const std::vector<plan> late_start = {{"A", bd("2020-04-01"), std::nullopt}};
  BOOST_CHECK_EXCEPTION(
      csc::build_timelines(
          csc::episodes(late_start, csc::service_level::cp_plan, &plan::child, &plan::start, &plan::end),
          bd("2020-03-31")),
      std::invalid_argument, after_extract_date);
  const std::vector<plan> late_end = {{"A", bd("2019-04-01"), bd("2020-04-01")}};
  BOOST_CHECK_EXCEPTION(
      csc::build_timelines(csc::episodes(late_end, csc::service_level::cp_plan, &plan::child, &plan::start, &plan::end),
                           bd("2020-03-31")),
      std::invalid_argument, after_extract_date);
}

BOOST_AUTO_TEST_SUITE_END()
