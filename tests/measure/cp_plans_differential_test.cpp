// Randomized differential test: csc::classify_cp_plans / csc::measure with the three plan accumulators
// against a deliberately naive O(n^2) reference written here from the text of
// counting-rules.md section 3, with dates clustered near month ends and
// 29 February, gaps near 3/6/12/24 months, same-day starts, open and invalid plans.
#include <csc/measure/cp_plans.hpp>
#include <csc/measure/measure.hpp>

#include "../support/naive_calendar.hpp"
#include "../support/test_dates.hpp"

#include <boost/test/unit_test.hpp>

#include <optional>
#include <random>
#include <set>
#include <vector>

namespace {
using boost::gregorian::date;
using boost::gregorian::days;
using csc_test::naive_add_months;
using csc_test::naive_window;

struct plan {
  int child;
  date start;
  std::optional<date> end;
  std::optional<int> declared;
};

// The reference's "no such plan" (the library uses an empty std::optional).
constexpr std::size_t no_record = static_cast<std::size_t>(-1);

std::optional<std::size_t> as_optional(std::size_t i) {
  return i == no_record ? std::nullopt : std::optional<std::size_t>(i);
}

struct naive_result {
  bool valid;
  bool subsequent;
  std::size_t previous;
  std::string gap;  // band name, "" for none
  bool within;
  std::string duration;
  bool overlap;
};

// Duration band, word for word from section 3 (e = end or reference date).
std::string naive_duration(date start, date e) {
  if (start >= naive_add_months(e, -3)) return "3_months_or_less";
  if (naive_add_months(e, -6) <= start && start < naive_add_months(e, -3)) return "more_than_3_months_6_months";
  if (naive_add_months(e, -12) < start && start < naive_add_months(e, -6)) return "more_than_6_months_less_than_1_year";
  if (naive_add_months(e, -24) < start && start <= naive_add_months(e, -12)) return "1_year_less_than_2_years";
  return "2_years_or_more";
}

std::string naive_gap(date q_end, date p_start) {
  const auto within = [&](int n) { return naive_window{true, n}.within(q_end, p_start); };
  if (within(3)) return "up_to_3_months";
  if (within(6)) return "more_than_3_up_to_6_months";
  if (within(12)) return "more_than_6_up_to_12_months";
  if (within(24)) return "more_than_12_up_to_24_months";
  return "more_than_24_months";
}

// open end = +infinity for the "latest end" tie-break.
date end_or_max(const plan& p) { return p.end ? *p.end : date(9999, 12, 31); }

std::vector<naive_result> naive_classify(const std::vector<plan>& v, date horizon, naive_window w,
                                         csc::previous_plan_evidence evidence) {
  std::vector<naive_result> out(v.size());
  const auto valid = [&](std::size_t i) { return !v[i].end || *v[i].end >= v[i].start; };
  for (std::size_t i = 0; i < v.size(); ++i) {
    naive_result r{valid(i), false, no_record, "", false, "", false};
    if (!r.valid) {
      out[i] = r;
      continue;
    }
    std::size_t earlier = 0;
    for (std::size_t j = 0; j < v.size(); ++j) {
      if (j == i || v[j].child != v[i].child || !valid(j)) continue;
      if (v[j].start < v[i].start) {
        ++earlier;
        // most recent earlier plan: latest start; ties: latest end (open latest); then later in input
        const bool better = r.previous == no_record || v[j].start > v[r.previous].start ||
                            (v[j].start == v[r.previous].start &&
                             (end_or_max(v[j]) > end_or_max(v[r.previous]) ||
                              (end_or_max(v[j]) == end_or_max(v[r.previous]) && j > r.previous)));
        if (better) r.previous = j;
      }
      // 8940: P starts on or before the end of another plan Q that starts no later (Q first in
      // start, end, input order), or while Q is open.
      const bool q_first = v[j].start < v[i].start ||
                           (v[j].start == v[i].start &&
                            (end_or_max(v[j]) < end_or_max(v[i]) || (end_or_max(v[j]) == end_or_max(v[i]) && j < i)));
      if (q_first && v[i].start <= end_or_max(v[j])) r.overlap = true;
    }
    const bool by_history = evidence != csc::previous_plan_evidence::declared_only && earlier > 0;
    const bool by_declared = evidence != csc::previous_plan_evidence::history_only && v[i].declared && *v[i].declared >= 1;
    r.subsequent = by_history || by_declared;
    if (r.previous != no_record) {
      const plan& q = v[r.previous];
      const bool overlapping = !q.end || *q.end >= v[i].start;
      r.gap = overlapping ? "up_to_3_months" : naive_gap(*q.end, v[i].start);
      r.within = r.subsequent && (overlapping || w.within(*q.end, v[i].start));
    } else if (r.subsequent) {
      r.gap = "unknown";
    }
    r.duration = naive_duration(v[i].start, v[i].end ? *v[i].end : horizon);
    out[i] = r;
  }
  return out;
}

date random_date(std::mt19937& rng) { return csc_test::random_edge_date(rng); }

void run_round(std::mt19937& rng, naive_window w, csc::previous_plan_evidence evidence) {
  std::vector<plan> v;
  std::uniform_int_distribution<int> per_child(1, 5), kind(0, 5), small(-1, 1), months(0, 3), length(0, 500),
      declared(-1, 3), coin(0, 9);
  const int gap_months[] = {3, 6, 12, 24};
  for (int child = 0; child < 500; ++child) {
    const int k = per_child(rng);
    date start = random_date(rng);
    for (int j = 0; j < k; ++j) {
      std::optional<date> end;
      const int c = coin(rng);
      if (c < 7) {
        end = start + days(length(rng));
      } else if (c == 7) {
        end = start - days(1 + length(rng) % 5);  // 8925: ends before it starts
      }
      const int d = declared(rng);
      v.push_back({child, start, end, d < 0 ? std::nullopt : std::optional<int>(d)});
      const date base = end ? *end : start;
      switch (kind(rng)) {
        case 0: case 1:  // a gap near a band edge
          start = naive_add_months(base, gap_months[months(rng)]) + days(small(rng));
          break;
        case 2: start = base; break;  // starts the day the previous ended (or the same day)
        case 3: break;                // the same start as the previous plan
        default: start = random_date(rng);
      }
    }
  }
  std::shuffle(v.begin(), v.end(), rng);
  date latest = v.front().start;
  for (const plan& p : v) latest = std::max({latest, p.start, p.end ? *p.end : p.start});

  csc::cp_plan_policy policy;
  policy.repeat_window = w.months ? csc::window::months(w.n) : csc::window::days(w.n);
  policy.evidence = evidence;
  const auto c = csc::classify_cp_plans(v, &plan::child, &plan::start, &plan::end, &plan::declared, latest, policy);
  const auto ref = naive_classify(v, latest, w, evidence);

  std::set<std::size_t> overlapping;
  for (const auto& f : c.findings()) {
    if (f.rule == csc::rule::cpp_overlap) overlapping.insert(f.record);
  }
  for (std::size_t i = 0; i < v.size(); ++i) {
    const naive_result& r = ref[i];
    const std::string gap = c[i].gap ? std::string(csc::to_string(*c[i].gap)) : std::string();
    const bool mismatch =
        c[i].counted != r.valid ||
        (r.valid && (c[i].is_subsequent() != r.subsequent || c[i].previous != as_optional(r.previous) || gap != r.gap ||
                     c[i].repeat_within_window != r.within || csc::to_string(c[i].duration) != r.duration ||
                     (overlapping.count(i) == 1) != r.overlap));
    if (mismatch) {
      BOOST_FAIL("mismatch on child " << v[i].child << " plan starting " << v[i].start << ": gap " << gap << " vs "
                                      << r.gap << ", duration " << csc::to_string(c[i].duration) << " vs "
                                      << r.duration);
    }
  }

  // Period measures over random periods, counted from the reference.
  for (int p = 0; p < 20; ++p) {
    std::uniform_int_distribution<int> from_day(0, 3 * 365), len(0, 500);
    const date from = date(2017, 6, 1) + days(from_day(rng));
    const date to = from + days(len(rng));
    const date reference = std::min(to, latest);
    const csc::interval<date> period(from, to);
    const auto starts_m = csc::measure(c, period, csc::count_cp_plan_starts{});
    const auto ends_m = csc::measure(c, period, csc::count_cp_plan_ends{});
    const auto open_m = csc::measure(c, period, csc::count_cp_plans_open{});
    std::size_t starts = 0, subsequent = 0, within = 0, ended = 0, open_on = 0;
    std::set<int> children, subsequent_children;
    std::size_t open_bands[csc::cp_plan_duration_band_count] = {};
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (!ref[i].valid) continue;
      if (v[i].start >= from && v[i].start <= to) {
        ++starts;
        children.insert(v[i].child);
        if (ref[i].subsequent) {
          ++subsequent;
          subsequent_children.insert(v[i].child);
        }
        within += ref[i].within;
      }
      if (v[i].end && *v[i].end >= from && *v[i].end <= to) ++ended;
      if (v[i].start <= reference && (!v[i].end || *v[i].end > reference)) {
        ++open_on;
        const std::string band = naive_duration(v[i].start, reference);
        for (std::size_t b = 0; b < csc::cp_plan_duration_band_count; ++b) {
          if (csc::to_string(static_cast<csc::cp_plan_duration_band>(b)) == band) ++open_bands[b];
        }
      }
    }
    BOOST_TEST(starts_m.CPP_start == starts);
    BOOST_TEST(starts_m.CPP_subsequent == subsequent);
    BOOST_TEST(starts_m.CPP_subsequent_within_2y == within);
    BOOST_TEST(starts_m.CPP_child_start == children.size());
    BOOST_TEST(starts_m.CPP_child_subsequent == subsequent_children.size());
    BOOST_TEST(ends_m.CPP_end == ended);
    BOOST_TEST(open_m.CPP_open == open_on);
    BOOST_TEST(open_m.open_on == csc::to_day(reference));
    for (std::size_t b = 0; b < csc::cp_plan_duration_band_count; ++b) BOOST_TEST(open_m.duration_bands_open[b] == open_bands[b]);
  }
}
}  // namespace

BOOST_AUTO_TEST_SUITE(cp_plans_differential_test)

BOOST_AUTO_TEST_CASE(library_agrees_with_naive_reference_default_rules) {
  std::mt19937 rng(2024);
  for (int round = 0; round < 4; ++round) run_round(rng, naive_window{true, 24}, csc::previous_plan_evidence::history_or_declared);
}

BOOST_AUTO_TEST_CASE(library_agrees_with_naive_reference_policies) {
  std::mt19937 rng(99);
  run_round(rng, naive_window{true, 24}, csc::previous_plan_evidence::history_only);
  run_round(rng, naive_window{true, 24}, csc::previous_plan_evidence::declared_only);
  run_round(rng, naive_window{false, 730}, csc::previous_plan_evidence::history_or_declared);
  run_round(rng, naive_window{true, 12}, csc::previous_plan_evidence::history_or_declared);
}

BOOST_AUTO_TEST_SUITE_END()
