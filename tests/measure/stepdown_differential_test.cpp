// Randomized differential test: csc::build_timelines / classify_transitions /
// csc::measure with count_stepdowns against a deliberately naive day-by-day reference written
// here from the text of counting-rules.md section 4: a level per child per
// day, bridging on runs of `none`, transitions on every change, re-escalation
// by scanning later days.
#include <csc/measure/measure.hpp>
#include <csc/measure/stepdown.hpp>

#include "../support/naive_calendar.hpp"
#include "../support/test_dates.hpp"

#include <boost/test/unit_test.hpp>

#include <array>
#include <map>
#include <tuple>
#include <optional>
#include <random>
#include <vector>

namespace {
using boost::gregorian::date;
using boost::gregorian::days;
using csc::service_level;
using csc_test::naive_window;

struct episode {
  int child;
  date start;
  std::optional<date> end;
};

struct naive_transition {
  int child;
  date day;
  service_level from, to;
  csc::follow_up_outcome outcome;
  std::optional<date> back_on;
};

std::vector<naive_transition> naive_transitions(const std::vector<std::vector<episode>>& sources,
                                                const std::vector<service_level>& levels, int children, date horizon,
                                                int bridge, naive_window w) {
  std::vector<naive_transition> out;
  // Each child's episodes with their levels (only to keep the day loop short).
  std::vector<std::vector<std::pair<episode, service_level>>> mine(static_cast<std::size_t>(children));
  for (std::size_t s = 0; s < sources.size(); ++s) {
    for (const episode& e : sources[s]) mine[static_cast<std::size_t>(e.child)].push_back({e, levels[s]});
  }
  for (int c = 0; c < children; ++c) {
    // The child's first day: its earliest valid episode start.
    std::optional<date> first;
    for (const auto& [e, l] : mine[static_cast<std::size_t>(c)]) {
      if ((!e.end || *e.end >= e.start) && (!first || e.start < *first)) first = e.start;
    }
    if (!first) continue;
    // "A child's level on day d is the highest level of the episodes covering d; an open episode
    // covers every day from its start to the horizon H."
    std::vector<service_level> level;
    for (date d = *first; d <= horizon; d += days(1)) {
      service_level l = service_level::none;
      for (const auto& [e, level_of_e] : mine[static_cast<std::size_t>(c)]) {
        const date last = e.end ? *e.end : horizon;
        if (last >= e.start && e.start <= d && d <= last) l = std::max(l, level_of_e);
      }
      level.push_back(l);
    }
    // "Gaps of up to g days between two episodes of the same child are bridged at the lower of the two levels."
    for (std::size_t i = 0; i < level.size();) {
      if (level[i] != service_level::none) { ++i; continue; }
      std::size_t j = i;
      while (j < level.size() && level[j] == service_level::none) ++j;
      if (i > 0 && j < level.size() && static_cast<int>(j - i) <= bridge) {
        const service_level fill = std::min(level[i - 1], level[j]);
        for (std::size_t k = i; k < j; ++k) level[k] = fill;
      }
      i = j;
    }
    for (std::size_t i = 0; i < level.size(); ++i) {
      const service_level before = i == 0 ? service_level::none : level[i - 1];
      if (level[i] == before) continue;
      naive_transition t{c, *first + days(static_cast<long>(i)), before, level[i], csc::follow_up_outcome::not_applicable,
                         std::nullopt};
      if (level[i] < before) {
        // "re-escalates iff the level reaches L or higher on some day e > d with within_months(d, e, 12)"
        for (std::size_t k = i + 1; k < level.size(); ++k) {
          const date e = *first + days(static_cast<long>(k));
          if (level[k] >= before && w.within(t.day, e)) {
            t.back_on = e;
            break;
          }
        }
        t.outcome = t.back_on ? csc::follow_up_outcome::re_escalated
                              : (w.first_day(horizon + days(1)) > t.day ? csc::follow_up_outcome::sustained
                                                                        : csc::follow_up_outcome::follow_up_incomplete);
      }
      out.push_back(t);
    }
  }
  return out;
}

date random_date(std::mt19937& rng) { return csc_test::random_edge_date(rng); }

void run_round(std::mt19937& rng, int bridge, naive_window w) {
  const std::vector<service_level> levels = {service_level::early_help, service_level::cin, service_level::cin_plan,
                                             service_level::cp_plan, service_level::looked_after};
  std::vector<std::vector<episode>> sources(levels.size());
  const int children = 150;
  std::uniform_int_distribution<int> per_child(1, 6), which(0, 4), length(0, 300), gap(0, 4), coin(0, 9),
      months(0, 2);
  for (int c = 0; c < children; ++c) {
    date at = random_date(rng);
    const int k = per_child(rng);
    for (int j = 0; j < k; ++j) {
      std::optional<date> end;
      const int roll = coin(rng);
      if (roll < 7) end = at + days(length(rng));
      if (roll == 7) end = at - days(1);  // ends before it starts
      sources[static_cast<std::size_t>(which(rng))].push_back({c, at, end});
      // The next episode: a hand-over on the end day, a small gap (bridging edge), near 12 months later, or nested.
      const date base = end && *end >= at ? *end : at;
      switch (coin(rng) % 4) {
        case 0: at = base; break;
        case 1: at = base + days(1 + gap(rng)); break;
        case 2: at = csc_test::naive_add_months(base, 11 + months(rng)) + days(gap(rng) - 2); break;
        default: at = at + days(length(rng) / 3); break;
      }
    }
  }
  date latest = sources[0].empty() ? date(2017, 1, 1) : sources[0].front().start;
  for (const auto& s : sources) {
    for (const episode& e : s) latest = std::max({latest, e.start, e.end ? *e.end : e.start});
  }
  std::uniform_int_distribution<int> extra(0, 400);
  const date horizon = latest + days(extra(rng));

  csc::timeline_policy policy;
  policy.bridge_gap_days = bridge;
  const auto src = [&](std::size_t s) {
    return csc::episodes(sources[s], levels[s], &episode::child, &episode::start, &episode::end);
  };
  const auto timelines =
      csc::build_timelines(std::tuple(src(0), src(1), src(2), src(3), src(4)), horizon, policy);
  const csc::window window = w.months ? csc::window::months(w.n) : csc::window::days(w.n);
  const auto tr = csc::classify_transitions(timelines, csc::transition_policy{window});
  const auto ref = naive_transitions(sources, levels, children, horizon, bridge, w);

  BOOST_REQUIRE_EQUAL(tr.size(), ref.size());
  for (std::size_t i = 0; i < tr.size(); ++i) {
    const auto& a = tr[i];
    const auto& b = ref[i];
    const bool same = timelines.child_id(a.child) == b.child && a.on == csc::to_day(b.day) && a.from == b.from &&
                      a.to == b.to && a.outcome == b.outcome &&
                      a.re_escalated_on.has_value() == b.back_on.has_value() &&
                      (!b.back_on || *a.re_escalated_on == csc::to_day(*b.back_on));
    if (!same) {
      BOOST_FAIL("transition " << i << " of child " << b.child << " on " << b.day << ": "
                               << csc::to_string(a.from) << "->" << csc::to_string(a.to) << " "
                               << csc::to_string(a.outcome) << " vs " << csc::to_string(b.from) << "->"
                               << csc::to_string(b.to) << " " << csc::to_string(b.outcome));
    }
  }

  // Period measures, counted from the reference.
  for (int p = 0; p < 10; ++p) {
    std::uniform_int_distribution<int> from_day(0, 3 * 365), len(0, 400);
    const date from = date(2017, 6, 1) + days(from_day(rng));
    const date to = from + days(len(rng));
    const auto m = csc::measure(tr, csc::interval<date>(from, to), csc::count_stepdowns{});
    std::map<std::pair<service_level, service_level>, std::array<std::size_t, 4>> want;
    std::size_t escalations = 0;
    for (const auto& t : ref) {
      if (t.day < from || t.day > to) continue;
      if (t.to > t.from) { ++escalations; continue; }
      auto& n = want[{t.from, t.to}];
      ++n[0];
      ++n[1 + static_cast<std::size_t>(t.outcome)];
    }
    BOOST_TEST(m.escalations == escalations);
    std::size_t pairs = 0;
    for (std::size_t f = 0; f < csc::service_level_count; ++f) {
      for (std::size_t t = 0; t < f; ++t) {
        const auto& got = m.by_levels[f][t];
        const auto it = want.find({static_cast<service_level>(f), static_cast<service_level>(t)});
        const std::array<std::size_t, 4> n = it == want.end() ? std::array<std::size_t, 4>{} : it->second;
        BOOST_TEST(got.count == n[0]);
        BOOST_TEST(got.re_escalated == n[1]);
        BOOST_TEST(got.sustained == n[2]);
        BOOST_TEST(got.follow_up_incomplete == n[3]);
        pairs += got.count;
      }
    }
    BOOST_TEST(pairs == m.step_downs.count + m.closures.count);
  }
}
}  // namespace

BOOST_AUTO_TEST_SUITE(stepdown_differential_test)

BOOST_AUTO_TEST_CASE(library_agrees_with_naive_day_by_day_reference) {
  std::mt19937 rng(31);
  for (int round = 0; round < 3; ++round) run_round(rng, 0, naive_window{true, 12});
}

BOOST_AUTO_TEST_CASE(library_agrees_with_naive_reference_bridging_and_windows) {
  std::mt19937 rng(8);
  run_round(rng, 1, naive_window{true, 12});
  run_round(rng, 3, naive_window{true, 6});
  run_round(rng, 2, naive_window{false, 365});
}

BOOST_AUTO_TEST_SUITE_END()
