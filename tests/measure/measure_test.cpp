// Tests for include/csc/measure/measure.hpp, the one measure engine:
// csc::measure and csc::measure_by with the library's accumulators and with a
// host-defined one, keys on the classified item or on the host record
// (single, optional and multi-valued), over series and single periods.
#include <csc/calendar/periods.hpp>
#include <csc/calendar/series.hpp>
#include <csc/measure/measure.hpp>
#include <csc/measure/rereferrals.hpp>
#include <csc/measure/stepdown.hpp>

#include "../support/episode_fixture.hpp"
#include "../support/test_dates.hpp"

#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

using csc::civil_date;
using csc::series_kind;
using csc::service_level;
using csc_test::cd;

namespace {
struct referral {
  std::string child;
  civil_date date;
  bool nfa = false;                   // no further action
  std::optional<std::string> team;    // empty: not recorded
};

// A host-defined accumulator: the share of referrals in each period that
// ended in no further action, read from the host's own records through
// item.record. Children counted once per period through distinct_children.
struct nfa_share {
  std::size_t referrals = 0;
  std::size_t nfa = 0;
  std::size_t children = 0;
  std::optional<double> percent() const { return csc::percent(nfa, referrals); }
};

struct count_nfa {
  using value_type = nfa_share;
  static constexpr std::size_t child_sets = 1;
  const std::vector<referral>* records;  // the host vector the classification was made from

  template <class Series>
  std::pair<std::size_t, std::size_t> periods(const csc::classified_referral& c, const Series& series, csc::day) const {
    return series.containing(c.date);
  }
  void add(nfa_share& m, const csc::classified_referral& c, const csc::period_context&,
           csc::distinct_children& seen) const {
    ++m.referrals;
    if ((*records)[c.record].nfa) ++m.nfa;
    if (seen.first(0, c.child)) ++m.children;
  }
};

const std::vector<referral> referrals = {
    {"A", cd("2019-04-10"), true, "north"},  {"A", cd("2019-06-10"), false, "north"},
    {"B", cd("2019-05-01"), true, std::nullopt}, {"C", cd("2019-08-20"), false, "south"},
    {"C", cd("2019-09-01"), true, "north"},  {"D", cd("2019-03-31"), true, "south"},  // before the series
};

auto classify() {
  return csc::classify_rereferrals(referrals, &referral::child, &referral::date, cd("2020-03-31"));
}
}  // namespace

BOOST_AUTO_TEST_SUITE(measure_test)

BOOST_AUTO_TEST_CASE(host_defined_accumulator_over_a_series_and_a_period) {
  const auto cls = classify();
  const csc::period_series<civil_date> q(series_kind::quarterly, cd("2019-04-01"), cd("2020-03-31"));
  const std::vector<nfa_share> got = csc::measure(cls, q, count_nfa{&referrals});
  BOOST_REQUIRE(got.size() == 4u);
  BOOST_TEST(got[0].referrals == 3u);  // A 04-10, A 06-10, B 05-01
  BOOST_TEST(got[0].nfa == 2u);
  BOOST_TEST(got[0].children == 2u);
  BOOST_TEST(got[1].referrals == 2u);  // C 08-20, C 09-01
  BOOST_TEST(got[1].nfa == 1u);
  BOOST_TEST(got[1].children == 1u);
  BOOST_TEST(got[2].referrals == 0u);
  BOOST_TEST(!got[2].percent().has_value());
  const nfa_share fy = csc::measure(cls, csc::financial_year<civil_date>(2019), count_nfa{&referrals});
  BOOST_TEST(fy.referrals == 5u);
  BOOST_TEST(fy.nfa == 3u);
  BOOST_TEST(fy.children == 3u);
  BOOST_TEST(*fy.percent() == 60.0);
  // The library's accumulator over the same periods agrees on the referral counts.
  const auto library = csc::measure(cls, q, csc::count_rereferrals{});
  for (std::size_t p = 0; p < q.size(); ++p) BOOST_TEST(library[p].referral_count == got[p].referrals);
}

BOOST_AUTO_TEST_CASE(host_defined_accumulator_through_measure_by) {
  const auto cls = classify();
  const csc::period_series<civil_date> fy(series_kind::financial_year, cd("2019-04-01"), cd("2020-03-31"));
  // Key on the host record: an optional team (empty = no key).
  const auto by_team = csc::measure_by(cls, fy, count_nfa{&referrals}, referrals, &referral::team);
  BOOST_TEST(by_team.keys == (std::vector<std::string>{"north", "south"}));
  BOOST_TEST(by_team.row("north")->at(0).referrals == 3u);
  BOOST_TEST(by_team.row("north")->at(0).nfa == 2u);
  BOOST_TEST(by_team.row("north")->at(0).children == 2u);
  BOOST_TEST(by_team.row("south")->at(0).referrals == 1u);  // D's referral is before the period
  BOOST_TEST(by_team.row("south")->at(0).nfa == 0u);
  BOOST_TEST(by_team.records_without_key == 1u);            // B
  BOOST_TEST(by_team.total[0].referrals == 5u);
  BOOST_TEST(by_team.total[0].nfa == 3u);
  // Key on the classified item: re-referral or not.
  const auto by_type =
      csc::measure_by(cls, fy, count_nfa{&referrals}, [](const csc::classified_referral& c) { return c.is_rereferral(); });
  BOOST_TEST(by_type.keys == (std::vector<bool>{false, true}));
  BOOST_TEST(by_type.row(true)->at(0).referrals == 2u);  // A 06-10, C 09-01
  BOOST_TEST(by_type.row(true)->at(0).nfa == 1u);
  BOOST_TEST(by_type.row(false)->at(0).referrals == 3u);
}

BOOST_AUTO_TEST_CASE(measure_by_step_down_transitions_keyed_by_from_level) {
  using csc_test::episode;
  using csc_test::od;
  using csc_test::open;
  const std::vector<episode> cp = {{"A", cd("2019-01-01"), od("2019-05-31")}, {"B", cd("2019-02-01"), od("2019-06-30")}};
  const std::vector<episode> cin_plans = {{"A", cd("2019-06-01"), od("2019-08-31")},
                                          {"B", cd("2019-07-01"), od("2020-01-31")},
                                          {"C", cd("2019-05-01"), open}};
  const auto tr = csc::classify_transitions(csc::build_timelines(
      std::tuple(csc_test::source(cp, service_level::cp_plan), csc_test::source(cin_plans, service_level::cin_plan)),
      cd("2020-03-31")));
  const csc::period_series<civil_date> fy(series_kind::financial_year, cd("2019-04-01"), cd("2020-03-31"));
  const auto by_from = csc::measure_by(tr, fy, csc::count_stepdowns{}, &csc::service_transition::from);
  // In 2019-20: C's escalation from none (2019-05-01), A and B step down from cp_plan,
  // A (2019-09-01) and B (2020-02-01) close from cin_plan.
  BOOST_TEST((by_from.keys ==
              std::vector<service_level>{service_level::none, service_level::cin_plan, service_level::cp_plan}));
  const auto& from_cp = by_from.row(service_level::cp_plan)->at(0);
  BOOST_TEST(from_cp.step_downs.count == 2u);
  BOOST_TEST(from_cp.closures.count == 0u);
  BOOST_TEST(from_cp.of(service_level::cp_plan, service_level::cin_plan).count == 2u);
  const auto& from_cin = by_from.row(service_level::cin_plan)->at(0);
  BOOST_TEST(from_cin.closures.count == 2u);
  BOOST_TEST(from_cin.step_downs.count == 0u);
  BOOST_TEST(by_from.row(service_level::none)->at(0).escalations == 1u);
  BOOST_TEST(by_from.row(service_level::looked_after) == nullptr);
  BOOST_TEST(by_from.total[0].step_downs.count == 2u);
  BOOST_TEST(by_from.total[0].closures.count == 2u);
  BOOST_TEST(by_from.records_without_key == 0u);
}

BOOST_AUTO_TEST_CASE(measure_by_multi_valued_key_counts_each_distinct_key_once) {
  const auto cls = classify();
  const csc::period_series<civil_date> fy(series_kind::financial_year, cd("2019-04-01"), cd("2020-03-31"));
  // Each referral under its child and under "all"; a repeated key counts once.
  const auto by_keys = csc::measure_by(cls, fy, csc::count_rereferrals{}, referrals, [](const referral& r) {
    return std::vector<std::string>{r.child, "all", "all"};
  });
  BOOST_TEST(by_keys.row("all")->at(0).referral_count == 5u);
  BOOST_TEST(by_keys.row("A")->at(0).referral_count == 2u);
  BOOST_TEST(by_keys.row("A")->at(0).rereferral_count == 1u);
  BOOST_TEST(by_keys.row("D")->at(0).referral_count == 0u);  // a key, but nothing in the period
  BOOST_TEST(by_keys.total[0].referral_count == 5u);
}

BOOST_AUTO_TEST_SUITE_END()
