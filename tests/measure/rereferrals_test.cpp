// Tests for include/csc/measure/rereferrals.hpp: the re-referral rule, same-day
// referrals, period measures and referral type (counting-rules.md section 2;
// docs/rules/rereferral.md, docs/rules/referral-type.md).
#include <csc/calendar/periods.hpp>
#include <csc/core/extract_date.hpp>
#include <csc/measure/measure.hpp>
#include <csc/measure/rereferrals.hpp>

#include "../support/test_dates.hpp"

#include <boost/test/unit_test.hpp>

#include <list>
#include <optional>
#include <string>
#include <vector>

#if __cplusplus >= 202002L && defined(__GNUC__) && !defined(__clang__)
#include <ranges>
#define CSC_TEST_STD_RANGES 1
#endif

using csc::referral_type;
using csc_test::bd;
using csc_test::cd;

namespace {
struct referral {
  std::string child;
  csc::civil_date date;
  bool nfa = false;
};

using classification = csc::rereferral_classification<std::string>;

classification classify(const std::vector<referral>& v, const char* extract_date, const csc::rereferral_policy& p = {}) {
  return csc::classify_rereferrals(v, &referral::child, &referral::date, cd(extract_date), p);
}

csc::rereferral_measures fy2019(const classification& c) {
  return csc::measure(c, csc::financial_year<csc::civil_date>(2019), csc::count_rereferrals{});
}

std::optional<std::size_t> idx(std::size_t i) { return i; }
std::optional<csc::days> gap(int n) { return csc::days(n); }
}  // namespace

BOOST_AUTO_TEST_SUITE(rereferrals_test)

BOOST_AUTO_TEST_CASE(exactly_12_months_is_a_rereferral_and_one_day_more_is_not) {
  const std::vector<referral> v = {{"A", cd("2018-05-01")}, {"A", cd("2019-05-01")},
                                   {"B", cd("2018-04-30")}, {"B", cd("2019-05-01")}};
  const auto c = classify(v, "2021-03-31");
  BOOST_TEST(c[1].is_rereferral());
  BOOST_TEST(c[1].previous == idx(0));
  BOOST_TEST(c[1].gap == gap(365));
  BOOST_TEST(!c[3].is_rereferral());
  BOOST_TEST(c[3].previous == idx(2));  // previous referral exists but outside the window
  BOOST_TEST(c[3].gap == gap(366));
}

BOOST_AUTO_TEST_CASE(twenty_ninth_of_february_on_either_side) {
  const std::vector<referral> v = {
      {"A", cd("2019-02-28")}, {"A", cd("2020-02-29")},  // looks back to 2019-02-28: within
      {"B", cd("2020-02-29")}, {"B", cd("2021-02-28")},  // looks back to 2020-02-28: within
      {"C", cd("2020-02-27")}, {"C", cd("2021-02-28")},  // 2020-02-27 < 2020-02-28: not within
      {"D", cd("2019-02-27")}, {"D", cd("2020-02-29")},  // not within
  };
  const auto c = classify(v, "2021-03-31");
  BOOST_TEST(c[1].is_rereferral());
  BOOST_TEST(c[3].is_rereferral());
  BOOST_TEST(!c[5].is_rereferral());
  BOOST_TEST(!c[7].is_rereferral());
}

BOOST_AUTO_TEST_CASE(same_day_referrals_are_not_previous_to_each_other_and_are_reported) {
  const std::vector<referral> v = {{"A", cd("2019-05-01")}, {"A", cd("2019-05-01")}, {"B", cd("2019-06-01")}};
  const auto c = classify(v, "2021-03-31");
  BOOST_TEST(!c[0].is_rereferral());
  BOOST_TEST(!c[1].is_rereferral());
  BOOST_TEST(!c[1].previous.has_value());
  BOOST_TEST(!c[1].gap.has_value());
  BOOST_TEST(c[0].duplicate_date);
  BOOST_TEST(c[1].duplicate_date);
  BOOST_TEST(!c[2].duplicate_date);
  BOOST_REQUIRE(c.findings().size() == 2u);
  BOOST_TEST((c.findings()[0].rule == csc::rule::duplicate_referral_date));
  BOOST_TEST(csc::to_string(c.findings()[0].rule) == "duplicate_referral_date");
  BOOST_TEST(c.findings()[0].record == 0u);
  BOOST_TEST(c.findings()[0].related_record == idx(1));
  BOOST_TEST(c.findings()[1].record == 1u);
  BOOST_TEST(c.findings()[1].related_record == idx(0));
  BOOST_TEST(c.findings()[0].counted);
  const auto m = fy2019(c);
  BOOST_TEST(m.referral_count == 3u);  // both same-day referrals stay in the denominator
  BOOST_TEST(m.rereferral_count == 0u);
  BOOST_TEST(m.duplicate_referral_date_count == 2u);
}

BOOST_AUTO_TEST_CASE(same_day_after_an_earlier_referral_both_look_back_to_it) {
  const std::vector<referral> v = {{"A", cd("2019-01-10")}, {"A", cd("2019-05-01")}, {"A", cd("2019-05-01")}};
  const auto c = classify(v, "2021-03-31");
  BOOST_TEST(c[1].is_rereferral());
  BOOST_TEST(c[2].is_rereferral());
  BOOST_TEST(c[1].previous == idx(0));
  BOOST_TEST(c[2].previous == idx(0));
}

BOOST_AUTO_TEST_CASE(policy_later_same_day_referral_in_input_order_is_a_rereferral) {
  // Input order B-then-A on the same day: the later one in input order is the re-referral.
  const std::vector<referral> v = {{"A", cd("2019-05-01")}, {"X", cd("2019-05-01")}, {"A", cd("2019-05-01")}};
  csc::rereferral_policy p;
  p.same_day = csc::same_day_referrals::later_in_input_is_rereferral;
  const auto c = classify(v, "2021-03-31", p);
  BOOST_TEST(!c[0].is_rereferral());
  BOOST_TEST(c[2].is_rereferral());
  BOOST_TEST(c[2].previous == idx(0));
  BOOST_TEST(c[2].gap == gap(0));
  BOOST_TEST(c.findings().size() == 2u);  // still reported
}

BOOST_AUTO_TEST_CASE(chain_of_three_uses_the_most_recent_previous_referral) {
  // 2020-05-10 is more than 12 months after 2019-01-10 but within 12 months of 2019-06-10.
  const std::vector<referral> v = {{"A", cd("2020-05-10")}, {"A", cd("2019-01-10")}, {"A", cd("2019-06-10")}};
  const auto c = classify(v, "2021-06-30");
  BOOST_TEST(!c[1].is_rereferral());
  BOOST_TEST(c[2].is_rereferral());
  BOOST_TEST(c[2].previous == idx(1));
  BOOST_TEST(c[0].is_rereferral());
  BOOST_TEST(c[0].previous == idx(2));
  BOOST_TEST(c[0].gap == gap(335));
  BOOST_TEST(c[1].next == idx(2));
  BOOST_TEST(c[2].next == idx(0));
  BOOST_TEST(!c[0].next.has_value());
}

BOOST_AUTO_TEST_CASE(history_before_the_period_is_look_back_only) {
  const std::vector<referral> v = {{"A", cd("2019-03-15")}, {"A", cd("2019-04-10")}};
  const auto m = fy2019(classify(v, "2021-03-31"));
  BOOST_TEST(m.referral_count == 1u);
  BOOST_TEST(m.rereferral_count == 1u);
  BOOST_TEST(m.referral_child_count == 1u);
  BOOST_TEST(*m.rereferral_percent() == 100.0);
}

BOOST_AUTO_TEST_CASE(period_edges_are_included) {
  const std::vector<referral> v = {{"A", cd("2019-03-31")}, {"B", cd("2019-04-01")}, {"C", cd("2020-03-31")},
                                   {"D", cd("2020-04-01")}};
  const auto m = fy2019(classify(v, "2021-03-31"));
  BOOST_TEST(m.referral_count == 2u);
  BOOST_TEST(m.referral_child_count == 2u);
}

BOOST_AUTO_TEST_CASE(nfa_referrals_count_and_are_previous_referrals) {
  // The rule has no outcome exclusion: an NFA referral is a previous referral.
  const std::vector<referral> v = {{"A", cd("2019-04-10"), true}, {"A", cd("2019-09-10"), false}};
  const auto c = classify(v, "2021-03-31");
  BOOST_TEST(c[1].is_rereferral());
  BOOST_TEST(v[*c[1].previous].nfa);  // the previous referral's outcome is read from the host record
  BOOST_TEST(fy2019(c).referral_count == 2u);
}

BOOST_AUTO_TEST_CASE(child_based_and_referral_based_counts_differ) {
  const std::vector<referral> v = {{"A", cd("2019-04-10")}, {"A", cd("2019-06-10")}, {"A", cd("2019-08-10")},
                                   {"B", cd("2019-05-01")}};
  const auto m = fy2019(classify(v, "2021-03-31"));
  BOOST_TEST(m.referral_count == 4u);
  BOOST_TEST(m.rereferral_count == 2u);
  BOOST_TEST(m.referral_child_count == 2u);
  BOOST_TEST(m.rereferral_child_count == 1u);
  BOOST_TEST(*m.rereferral_percent() == 50.0);
  BOOST_TEST(*m.rereferral_child_percent() == 50.0);
  const std::vector<referral> w = {{"A", cd("2019-04-10")}, {"A", cd("2019-06-10")}, {"A", cd("2019-08-10")},
                                   {"B", cd("2019-05-01")}, {"C", cd("2019-05-01")}, {"D", cd("2019-05-01")}};
  const auto n = fy2019(classify(w, "2021-03-31"));
  BOOST_TEST(*n.rereferral_percent() == 100.0 * 2 / 6);
  BOOST_TEST(*n.rereferral_child_percent() == 25.0);
}

BOOST_AUTO_TEST_CASE(referral_type_follow_up_extract_date_just_before_and_at_completeness) {
  const std::vector<referral> v = {{"A", cd("2019-05-10")}};
  // Complete iff add_months(E + 1 day, -12) > R: E = 2020-05-10 gives 2019-05-11 > 2019-05-10.
  BOOST_TEST((classify(v, "2020-05-09")[0].type == referral_type::initial_follow_up_incomplete));
  BOOST_TEST((classify(v, "2020-05-10")[0].type == referral_type::initial_not_rereferred));
  // 29 February: R = 2019-02-28, E = 2020-02-28 -> add_months(2020-02-29, -12) = 2019-02-28, not > R.
  const std::vector<referral> w = {{"A", cd("2019-02-28")}};
  BOOST_TEST((classify(w, "2020-02-28")[0].type == referral_type::initial_follow_up_incomplete));
  BOOST_TEST((classify(w, "2020-02-29")[0].type == referral_type::initial_not_rereferred));
}

BOOST_AUTO_TEST_CASE(referral_type_later_rereferred_uses_the_next_later_dated_referral) {
  const std::vector<referral> v = {{"A", cd("2019-05-10")}, {"A", cd("2020-05-10")},   // exactly 12 months
                                   {"B", cd("2019-05-10")}, {"B", cd("2020-05-11")}};  // one day more
  const auto c = classify(v, "2022-03-31");
  BOOST_TEST((c[0].type == referral_type::initial_later_rereferred));
  BOOST_TEST((c[1].type == referral_type::rereferral));
  BOOST_TEST((c[2].type == referral_type::initial_not_rereferred));
  BOOST_TEST((c[3].type == referral_type::initial_not_rereferred));
  const auto m = csc::measure(c, csc::interval<csc::civil_date>(cd("2019-01-01"), cd("2022-03-31")), csc::count_rereferrals{});
  BOOST_TEST(m.referral_type_counts[0] + m.referral_type_counts[1] + m.referral_type_counts[2] +
                 m.referral_type_counts[3] == m.referral_count);
}

BOOST_AUTO_TEST_CASE(extract_date_derived_as_the_latest_referral_date) {
  // No default any more: csc::latest_date gives what the old default horizon was.
  const std::vector<referral> v = {{"A", cd("2019-05-10")}, {"B", cd("2020-05-09")}};
  const auto latest = csc::latest_date(v, &referral::date);
  BOOST_REQUIRE(latest.has_value());
  const auto c = csc::classify_rereferrals(v, &referral::child, &referral::date, *latest);
  BOOST_TEST(c.extract_date() == csc_test::dy("2020-05-09"));
  BOOST_TEST((c[0].type == referral_type::initial_follow_up_incomplete));
}

BOOST_AUTO_TEST_CASE(day_window_policy) {
  const std::vector<referral> v = {{"A", cd("2019-03-31")}, {"A", cd("2020-03-31")}};  // 366 days, 12 months
  csc::rereferral_policy days365;
  days365.look_back = csc::window::days(365);
  BOOST_TEST(classify(v, "2021-03-31")[1].is_rereferral());
  BOOST_TEST(!classify(v, "2021-03-31", days365)[1].is_rereferral());
  days365.look_back = csc::window::days(366);
  BOOST_TEST(classify(v, "2021-03-31", days365)[1].is_rereferral());
}

BOOST_AUTO_TEST_CASE(sorted_input_is_detected_and_unsorted_input_gives_the_same_answer) {
  const std::vector<referral> sorted = {{"A", cd("2019-01-10")}, {"A", cd("2019-06-10")}, {"B", cd("2018-01-01")},
                                        {"B", cd("2019-12-01")}};
  const std::vector<referral> shuffled = {sorted[3], sorted[1], sorted[2], sorted[0]};
  const auto a = classify(sorted, "2021-03-31");
  const auto b = classify(shuffled, "2021-03-31");
  BOOST_TEST(a.input_was_sorted());
  BOOST_TEST(!b.input_was_sorted());
  const std::size_t map[] = {3, 1, 2, 0};  // shuffled index -> sorted index
  for (std::size_t i = 0; i < 4; ++i) {
    BOOST_TEST((b[i].type == a[map[i]].type));
    BOOST_TEST(b[i].gap == a[map[i]].gap);
    BOOST_TEST((b[i].previous ? std::optional<std::size_t>(map[*b[i].previous]) : std::nullopt) == a[map[i]].previous);
  }
}

BOOST_AUTO_TEST_CASE(declared_sorted_input_that_is_not_sorted_is_an_error) {
  const std::vector<referral> v = {{"A", cd("2019-06-10")}, {"A", cd("2019-01-10")}};
  csc::rereferral_policy p;
  p.order = csc::input_order::sorted_by_child_and_date;
  BOOST_CHECK_EXCEPTION(classify(v, "2021-03-31", p), std::invalid_argument, [](const std::invalid_argument& e) {
    return std::string(e.what()).find("record 1 sorts before record 0") != std::string::npos;
  });
}

BOOST_AUTO_TEST_CASE(empty_input_and_empty_period) {
  const std::vector<referral> none;
  const auto m = fy2019(classify(none, "2021-03-31"));
  BOOST_TEST(m.referral_count == 0u);
  BOOST_TEST(!m.rereferral_percent().has_value());
  BOOST_TEST(!m.rereferral_child_percent().has_value());
}

BOOST_AUTO_TEST_CASE(works_on_boost_dates_integer_ids_and_member_functions) {
  struct rec {
    int id;
    boost::gregorian::date when;
    const boost::gregorian::date& date() const { return when; }
  };
  const std::vector<rec> v = {{7, bd("2019-06-01")}, {3, bd("2019-06-01")}, {7, bd("2020-06-01")}};
  const auto c = csc::classify_rereferrals(v, &rec::id, &rec::date, bd("2021-03-31"));
  BOOST_TEST(c[2].is_rereferral());
  BOOST_TEST(c.child_count() == 2u);
  BOOST_TEST(c.extract_date().to<boost::gregorian::date>() == bd("2021-03-31"));
}

BOOST_AUTO_TEST_CASE(child_id_and_find_child_map_ordinals_to_host_ids) {
  const std::vector<referral> v = {{"B", cd("2019-06-01")}, {"A", cd("2019-05-01")}, {"B", cd("2019-07-01")}};
  const auto c = classify(v, "2021-03-31");
  BOOST_TEST(c.child_count() == 2u);
  BOOST_TEST(c.child_id(0) == "A");
  BOOST_TEST(c.child_id(c[2].child) == "B");
  BOOST_TEST(c.find_child("B") == idx(1));
  BOOST_TEST(c.find_child("A") == idx(c[1].child));
  BOOST_TEST(!c.find_child("C").has_value());
  BOOST_CHECK_THROW(c.child_id(2), std::out_of_range);
  BOOST_TEST(c.size() == 3u);
  BOOST_TEST(c.by_child().size() == 3u);
  BOOST_TEST(c.by_child()[0].record == 1u);  // child A first
}

BOOST_AUTO_TEST_CASE(any_forward_range_std_list) {
  const std::list<referral> l = {{"A", cd("2019-06-01")}, {"B", cd("2019-06-01")}, {"A", cd("2020-05-01")}};
  const auto c = csc::classify_rereferrals(l, &referral::child, &referral::date, cd("2021-03-31"));
  BOOST_TEST(c.size() == 3u);
  BOOST_TEST(c[2].is_rereferral());  // input index 2 of the list
  BOOST_TEST(c[2].previous == idx(0));
  BOOST_TEST(!c[1].is_rereferral());
  BOOST_TEST(c.child_count() == 2u);
}

#ifdef CSC_TEST_STD_RANGES
BOOST_AUTO_TEST_CASE(any_forward_range_std_views_filter) {
  const std::vector<referral> v = {{"A", cd("2019-06-01")}, {"A", cd("2019-09-01"), true}, {"A", cd("2020-05-01")}};
  // Without the NFA referral, 2020-05-01 looks back to 2019-06-01 (11 months): still a re-referral,
  // with index 1 in the filtered range.
  auto not_nfa = v | std::views::filter([](const referral& r) { return !r.nfa; });
  const auto c = csc::classify_rereferrals(not_nfa, &referral::child, &referral::date, cd("2021-03-31"));
  BOOST_TEST(c.size() == 2u);
  BOOST_TEST(c[1].is_rereferral());
  BOOST_TEST(c[1].previous == idx(0));
  BOOST_TEST(c[1].gap == gap(335));
}
#endif

BOOST_AUTO_TEST_CASE(a_date_that_is_not_a_date_names_the_record) {
  struct rec {
    int id;
    boost::gregorian::date when;
  };
  const std::vector<rec> v = {{1, bd("2019-06-01")}, {2, boost::gregorian::date(boost::date_time::not_a_date_time)}};
  BOOST_CHECK_EXCEPTION(csc::classify_rereferrals(v, &rec::id, &rec::when, bd("2019-06-01")), std::invalid_argument,
                        [](const std::invalid_argument& e) {
                          return std::string(e.what()).find("record 1: CINreferralDate") != std::string::npos;
                        });
}

BOOST_AUTO_TEST_CASE(same_day_policy_names) {
  BOOST_TEST(csc::to_string(csc::same_day_referrals::none_previous) == "none_previous");
  BOOST_TEST(csc::to_string(csc::same_day_referrals::later_in_input_is_rereferral) == "later_in_input_is_rereferral");
}

BOOST_AUTO_TEST_SUITE_END()
