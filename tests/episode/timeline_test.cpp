// Tests for include/csc/episode/timeline.hpp: the highest level covering each
// day, open episodes to the extract date, gap bridging and the timeline checks
// (counting-rules.md section 4; docs/rules/stepdown.md).
#include <csc/core/extract_date.hpp>
#include <csc/episode/timeline.hpp>

#include "../support/episode_fixture.hpp"
#include "../support/test_dates.hpp"

#include <boost/test/unit_test.hpp>

#include <list>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <vector>

using csc::service_level;
using csc_test::cd;

namespace {
using csc_test::episode;
using csc_test::od;
using csc_test::open;
using csc_test::sd;
using csc_test::source;

// "level first..last" for every segment of child 0.
template <class T>
std::string describe(const T& timelines, std::size_t child = 0) {
  std::string out;
  for (const auto& s : timelines.segments(child)) {
    if (!out.empty()) out += ", ";
    out += std::string(csc::to_string(s.level)) + ' ' + csc::to_iso_string(s.first) + ".." + csc::to_iso_string(s.last);
  }
  return out;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(timeline_test)

BOOST_AUTO_TEST_CASE(same_day_hand_over_keeps_the_higher_level_that_day) {
  const std::vector<episode> cp = {{"A", cd("2019-01-01"), od("2019-06-01")}};
  const std::vector<episode> cin_plans = {{"A", cd("2019-06-01"), od("2019-12-31")}};
  const auto t = csc::build_timelines(std::tuple(source(cp, service_level::cp_plan),
                                                 source(cin_plans, service_level::cin_plan)),
                                      cd("2020-03-31"));
  BOOST_TEST(describe(t) ==
             "cp_plan 2019-01-01..2019-06-01, cin_plan 2019-06-02..2019-12-31, none 2020-01-01..2020-03-31");
  BOOST_TEST(t.findings().empty());
}

BOOST_AUTO_TEST_CASE(one_day_gap_with_and_without_bridging) {
  const std::vector<episode> cp = {{"A", cd("2019-01-01"), od("2019-06-01")}};
  const std::vector<episode> cin_plans = {{"A", cd("2019-06-03"), od("2019-12-31")}};
  const auto plain = csc::build_timelines(std::tuple(source(cp, service_level::cp_plan),
                                                     source(cin_plans, service_level::cin_plan)),
                                          cd("2019-12-31"));
  BOOST_TEST(describe(plain) ==
             "cp_plan 2019-01-01..2019-06-01, none 2019-06-02..2019-06-02, cin_plan 2019-06-03..2019-12-31");
  csc::timeline_policy bridge;
  bridge.bridge_gap_days = 1;
  const auto bridged = csc::build_timelines(std::tuple(source(cp, service_level::cp_plan),
                                                       source(cin_plans, service_level::cin_plan)),
                                            cd("2019-12-31"), bridge);
  BOOST_TEST(describe(bridged) == "cp_plan 2019-01-01..2019-06-01, cin_plan 2019-06-02..2019-12-31");
  // A two-day gap is not bridged by g = 1; the gap after the last episode never is.
  const std::vector<episode> later = {{"A", cd("2019-06-04"), od("2019-12-30")}};
  const auto two = csc::build_timelines(std::tuple(source(cp, service_level::cp_plan),
                                                   source(later, service_level::cin_plan)),
                                        cd("2019-12-31"), bridge);
  BOOST_TEST(describe(two) ==
             "cp_plan 2019-01-01..2019-06-01, none 2019-06-02..2019-06-03, cin_plan 2019-06-04..2019-12-30, "
             "none 2019-12-31..2019-12-31");
}

BOOST_AUTO_TEST_CASE(bridging_between_equal_levels_merges_them) {
  const std::vector<episode> eh = {{"A", cd("2019-01-01"), od("2019-03-31")}, {"A", cd("2019-04-03"), open}};
  csc::timeline_policy bridge;
  bridge.bridge_gap_days = 2;
  const auto t = csc::build_timelines(source(eh, service_level::early_help), cd("2019-06-30"), bridge);
  BOOST_TEST(describe(t) == "early_help 2019-01-01..2019-06-30");
}

BOOST_AUTO_TEST_CASE(nested_episodes_take_the_highest_level) {
  const std::vector<episode> referrals = {{"A", cd("2019-01-01"), od("2019-12-31")}};
  const std::vector<episode> cp = {{"A", cd("2019-03-01"), od("2019-05-31")}};
  const auto t = csc::build_timelines(std::tuple(source(referrals, service_level::cin),
                                                 source(cp, service_level::cp_plan)),
                                      cd("2020-01-31"));
  BOOST_TEST(describe(t) ==
             "cin 2019-01-01..2019-02-28, cp_plan 2019-03-01..2019-05-31, cin 2019-06-01..2019-12-31, "
             "none 2020-01-01..2020-01-31");
  BOOST_TEST((*t.level_on(0, sd("2018-12-31")) == service_level::none));
  BOOST_TEST((*t.level_on(0, sd("2019-03-01")) == service_level::cp_plan));
  BOOST_TEST(!t.level_on(0, sd("2020-02-01")).has_value());  // after the extract date: unknown
}

BOOST_AUTO_TEST_CASE(only_open_episodes_run_to_the_extract_date) {
  const std::vector<episode> eh = {{"A", cd("2019-01-01"), open}};
  const std::vector<episode> referrals = {{"A", cd("2019-05-01"), open}};
  const auto t = csc::build_timelines(std::tuple(source(eh, service_level::early_help),
                                                 source(referrals, service_level::cin)),
                                      cd("2019-08-31"));
  BOOST_TEST(describe(t) == "early_help 2019-01-01..2019-04-30, cin 2019-05-01..2019-08-31");
  BOOST_TEST(t.extract_date() == sd("2019-08-31"));
  // No default any more: the extract date the old default gave (the latest start or end) is passed explicitly.
  const auto latest = csc::latest_of(csc::latest_date(eh, &episode::start, &episode::end),
                                     csc::latest_date(referrals, &episode::start, &episode::end));
  BOOST_REQUIRE(latest.has_value());
  const auto d = csc::build_timelines(std::tuple(source(eh, service_level::early_help),
                                                 source(referrals, service_level::cin)),
                                      *latest);
  BOOST_TEST(d.extract_date() == sd("2019-05-01"));
  BOOST_TEST(describe(d) == "early_help 2019-01-01..2019-04-30, cin 2019-05-01..2019-05-01");
}

BOOST_AUTO_TEST_CASE(same_level_overlap_is_merged_and_reported) {
  const std::vector<episode> cin_plans = {{"A", cd("2019-01-01"), od("2019-03-31")},
                                          {"A", cd("2019-03-31"), od("2019-05-31")},   // shares 31 March
                                          {"A", cd("2019-06-01"), od("2019-06-30")}};  // adjacent: no overlap
  const auto t = csc::build_timelines(source(cin_plans, service_level::cin_plan), cd("2019-06-30"));
  BOOST_TEST(describe(t) == "cin_plan 2019-01-01..2019-06-30");
  BOOST_REQUIRE(t.findings().size() == 1u);
  BOOST_TEST(t.findings()[0].rule == csc::rule::episode_same_level_overlap);
  BOOST_TEST(t.findings()[0].record == 1u);
  BOOST_TEST(t.findings()[0].related_record == std::optional<std::size_t>(0));
  BOOST_TEST(t.findings()[0].counted);
}

BOOST_AUTO_TEST_CASE(end_before_start_is_left_out_and_reported_with_its_source) {
  const std::vector<episode> eh = {{"A", cd("2019-01-01"), od("2019-01-31")}};
  const std::vector<episode> cp = {{"A", cd("2019-05-01"), od("2019-04-30")}};
  const auto t = csc::build_timelines(std::tuple(source(eh, service_level::early_help),
                                                 source(cp, service_level::cp_plan)),
                                      cd("2019-06-30"));
  BOOST_TEST(describe(t) == "early_help 2019-01-01..2019-01-31, none 2019-02-01..2019-06-30");
  BOOST_REQUIRE(t.findings().size() == 1u);
  BOOST_TEST(t.findings()[0].rule == csc::rule::episode_end_before_start);
  BOOST_TEST(t.findings()[0].source == 1u);
  BOOST_TEST(!t.findings()[0].counted);
}

BOOST_AUTO_TEST_CASE(dates_after_the_extract_date_are_errors_naming_the_source_and_record) {
  const std::vector<episode> eh = {{"A", cd("2019-01-01"), od("2019-01-31")}, {"B", cd("2019-03-01"), open}};
  BOOST_CHECK_EXCEPTION(csc::build_timelines(source(eh, service_level::early_help), cd("2019-02-28")),
                        std::invalid_argument, [](const std::invalid_argument& e) {
                          return std::string(e.what()).find("source 0 (early_help) record 1: start 2019-03-01 is "
                                                            "after the extract date 2019-02-28") != std::string::npos;
                        });
  BOOST_CHECK_THROW(csc::episodes(eh, service_level::none, &episode::child, &episode::start, &episode::end),
                    std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(children_are_kept_apart_and_found_by_id) {
  struct lac {
    long id;
    boost::gregorian::date from;
    std::optional<boost::gregorian::date> to;
  };
  struct plan {
    int id;
    boost::gregorian::date from;
    boost::gregorian::date to;  // a host that keeps only ended plans
  };
  const std::vector<lac> la = {{7, csc_test::bd("2019-02-01"), std::nullopt}};
  const std::vector<plan> cp = {{3, csc_test::bd("2019-01-01"), csc_test::bd("2019-01-31")},
                                {7, csc_test::bd("2019-01-01"), csc_test::bd("2019-01-31")}};
  const auto t = csc::build_timelines(
      std::tuple(csc::episodes(la, service_level::looked_after, &lac::id, &lac::from, &lac::to),
                 csc::episodes(cp, service_level::cp_plan, &plan::id, &plan::from, &plan::to)),
      csc_test::bd("2019-03-31"));
  static_assert(std::is_same_v<decltype(t)::child_id_type, long>);
  BOOST_TEST(t.child_count() == 2u);
  BOOST_TEST(*t.find_child(7L) == 1u);
  BOOST_TEST(!t.find_child(5L).has_value());
  BOOST_TEST(describe(t, 1) == "cp_plan 2019-01-01..2019-01-31, looked_after 2019-02-01..2019-03-31");
  BOOST_TEST(describe(t, 0) == "cp_plan 2019-01-01..2019-01-31, none 2019-02-01..2019-03-31");
  BOOST_TEST(t.child_id(1) == 7L);
  BOOST_CHECK_THROW(t.child_id(2), std::out_of_range);
}

namespace {
// A text id without std::hash: built by the comparison sort, the reference for the numbered route.
struct ordered_text {
  std::string text;
  ordered_text(const std::string& t) : text(t) {}  // NOLINT: converts as the id types of the sources do
  ordered_text(std::string_view t) : text(t) {}    // NOLINT
  bool operator==(const ordered_text& o) const { return text == o.text; }
  bool operator<(const ordered_text& o) const { return text < o.text; }
};
struct viewed_episode {
  std::string_view child;
  csc::civil_date start;
  std::optional<csc::civil_date> end;
};
// Every child's id, segments and the findings, as text.
template <class T, class Text>
std::string everything(const T& t, const Text& text) {
  std::string out;
  for (std::size_t c = 0; c < t.child_count(); ++c) out += text(t.child_id(c)) + ": " + describe(t, c) + "\n";
  for (const csc::finding& f : t.findings())
    out += std::string(csc::to_string(f.rule)) + " " + std::to_string(f.source) + ":" + std::to_string(f.record) +
           (f.related_record ? " ~" + std::to_string(*f.related_record) : std::string()) + "\n";
  return out;
}
}  // namespace

BOOST_AUTO_TEST_CASE(children_numbered_once_give_the_timelines_of_the_comparison_sort) {
  // Hashable ids (std::string) are numbered as episodes are collected; the same
  // episodes with an id type that has no std::hash take the comparison sort.
  // Three sources: a vector, a std::list (read once, not random access) and one
  // whose ids are std::string_view (converted to the common type).
  std::vector<episode> cin;
  std::list<episode> cp;
  std::vector<std::string> names;
  for (int i = 0; i < 400; ++i) names.push_back("C" + std::to_string((i * 7919) % 401));
  std::vector<viewed_episode> la;
  for (int i = 0; i < 1200; ++i) {
    const csc::civil_date start = (csc::day(cd("2018-01-01")) + csc::days((i * 37) % 700)).civil();
    const std::optional<csc::civil_date> end =
        i % 5 == 0 ? std::nullopt : std::optional<csc::civil_date>((csc::day(start) + csc::days((i * 13) % 90 - 3)).civil());
    const std::string& child = names[static_cast<std::size_t>((i * 31) % 150)];
    if (i % 3 == 0) cin.push_back({child, start, end});
    if (i % 3 == 1) cp.push_back({child, start, end});
    if (i % 3 == 2) la.push_back({child, start, end});
  }
  const auto h = cd("2020-06-30");
  const auto hashed = csc::build_timelines(
      std::tuple(source(cin, service_level::cin_plan),
                 csc::episodes(cp, service_level::cp_plan, &episode::child, &episode::start, &episode::end),
                 csc::episodes(la, service_level::looked_after, &viewed_episode::child, &viewed_episode::start,
                               &viewed_episode::end)),
      h);
  static_assert(std::is_same_v<std::decay_t<decltype(hashed)>::child_id_type, std::string_view>);  // the common type
  const auto as_ordered = [](const auto& e) { return ordered_text(e.child); };
  const auto ordered = csc::build_timelines(
      std::tuple(csc::episodes(cin, service_level::cin_plan, as_ordered, &episode::start, &episode::end),
                 csc::episodes(cp, service_level::cp_plan, as_ordered, &episode::start, &episode::end),
                 csc::episodes(la, service_level::looked_after, as_ordered, &viewed_episode::start,
                               &viewed_episode::end)),
      h);
  BOOST_TEST(hashed.child_count() == 150u);
  BOOST_TEST(hashed.findings().size() > 0u);
  BOOST_TEST(everything(hashed, [](std::string_view s) { return std::string(s); }) ==
             everything(ordered, [](const ordered_text& s) { return s.text; }));
}

BOOST_AUTO_TEST_CASE(episodes_owns_an_rvalue_range) {
  // The source keeps the moved-in vector alive: no dangling reference (the sanitizer build checks this).
  auto owned = csc::episodes(std::vector<episode>{{"A", cd("2019-01-01"), od("2019-03-31")},
                                                  {"A", cd("2019-05-01"), open}},
                             service_level::cin_plan, &episode::child, &episode::start, &episode::end);
  static_assert(std::is_same_v<decltype(owned.records), std::vector<episode>>);
  std::vector<episode> filler(64, episode{"Z", cd("2000-01-01"), open});  // reuse any freed memory
  const auto t = csc::build_timelines(std::move(owned), cd("2019-06-30"));
  BOOST_TEST(describe(t) == "cin_plan 2019-01-01..2019-03-31, none 2019-04-01..2019-04-30, cin_plan 2019-05-01..2019-06-30");
  // In a tuple of sources too.
  const auto u = csc::build_timelines(
      std::tuple(csc::episodes(std::vector<episode>{{"A", cd("2019-02-01"), od("2019-02-28")}}, service_level::cp_plan,
                               &episode::child, &episode::start, &episode::end),
                 source(filler, service_level::early_help)),
      cd("2019-03-31"));
  BOOST_TEST(describe(u) == "cp_plan 2019-02-01..2019-02-28, none 2019-03-01..2019-03-31");
}

BOOST_AUTO_TEST_SUITE_END()
