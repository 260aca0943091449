// Randomized differential test: csc::classify_rereferrals / csc::measure with count_rereferrals
// against a deliberately naive O(n^2) reference written here from the text of
// counting-rules.md section 2, on thousands of children with dates clustered
// near month ends, 29 February and exact 12-month gaps.
#include <csc/measure/measure.hpp>
#include <csc/measure/rereferrals.hpp>

#include "../support/naive_calendar.hpp"
#include "../support/test_dates.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <optional>
#include <random>
#include <set>
#include <vector>

namespace {
using boost::gregorian::date;

using csc_test::naive_add_months;
using csc_test::naive_window;

struct referral {
  int child;
  date day;
};

// The reference's "no such referral" (the library uses an empty std::optional).
constexpr std::size_t no_record = static_cast<std::size_t>(-1);

std::optional<std::size_t> as_optional(std::size_t i) {
  return i == no_record ? std::nullopt : std::optional<std::size_t>(i);
}

struct naive_result {
  bool rereferral;
  csc::referral_type type;
  std::size_t previous;  // latest earlier date; ties: last in input order
  bool duplicate;
};

std::vector<naive_result> naive_classify(const std::vector<referral>& v, date horizon, naive_window w,
                                         bool later_same_day_is_rereferral) {
  std::vector<naive_result> out(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) {
    naive_result r{false, csc::referral_type::initial_not_rereferred, no_record, false};
    // "R is a re-referral iff it has a previous referral P (same child, strictly earlier date) with within(P, R)".
    for (std::size_t j = 0; j < v.size(); ++j) {
      if (j == i || v[j].child != v[i].child) continue;
      if (v[j].day == v[i].day) r.duplicate = true;
      if (v[j].day < v[i].day) {
        if (w.within(v[j].day, v[i].day)) r.rereferral = true;
        if (r.previous == no_record || v[j].day > v[r.previous].day ||
            (v[j].day == v[r.previous].day && j > r.previous)) {
          r.previous = j;
        }
      }
    }
    if (later_same_day_is_rereferral) {  // policy: the same-day referral just before in input order
      for (std::size_t j = i; j-- > 0;) {
        if (v[j].child == v[i].child && v[j].day == v[i].day) {
          r.rereferral = true;
          r.previous = j;
          break;
        }
      }
    }
    if (r.rereferral) {
      r.type = csc::referral_type::rereferral;
    } else {
      // next later-dated referral N of the child
      std::size_t next = no_record;
      for (std::size_t j = 0; j < v.size(); ++j) {
        if (v[j].child == v[i].child && v[j].day > v[i].day && (next == no_record || v[j].day < v[next].day)) next = j;
      }
      if (next != no_record && w.within(v[i].day, v[next].day)) {
        r.type = csc::referral_type::initial_later_rereferred;
      } else if (w.first_day(horizon + boost::gregorian::days(1)) > v[i].day) {
        r.type = csc::referral_type::initial_not_rereferred;
      } else {
        r.type = csc::referral_type::initial_follow_up_incomplete;
      }
    }
    out[i] = r;
  }
  return out;
}

date random_date(std::mt19937& rng) { return csc_test::random_edge_date(rng); }

void run_round(std::mt19937& rng, naive_window w, bool same_day_policy) {
  std::vector<referral> v;
  std::uniform_int_distribution<int> per_child(1, 6), kind(0, 3), small(-1, 1);
  for (int child = 0; child < 600; ++child) {
    const int k = per_child(rng);
    date last = random_date(rng);
    for (int j = 0; j < k; ++j) {
      v.push_back({child, last});
      // next one: often exactly 12 months (+-1 day) later, sometimes the same day, else random
      switch (kind(rng)) {
        case 0: last = naive_add_months(last, w.months ? w.n : 12) + boost::gregorian::days(small(rng)); break;
        case 1: break;  // same day
        default: last = random_date(rng);
      }
    }
  }
  std::shuffle(v.begin(), v.end(), rng);
  std::uniform_int_distribution<int> h(0, 3 * 365);
  const date horizon = date(2019, 1, 1) + boost::gregorian::days(h(rng));
  // A referral after the extract date is an error now: the extract shows only the referrals up to it.
  v.erase(std::remove_if(v.begin(), v.end(), [&](const referral& r) { return r.day > horizon; }), v.end());

  csc::rereferral_policy policy;
  policy.look_back = w.months ? csc::window::months(w.n) : csc::window::days(w.n);
  if (same_day_policy) policy.same_day = csc::same_day_referrals::later_in_input_is_rereferral;
  const auto c = csc::classify_rereferrals(v, &referral::child, &referral::day, horizon, policy);
  const auto ref = naive_classify(v, horizon, w, same_day_policy);

  std::size_t duplicates = 0;
  for (std::size_t i = 0; i < v.size(); ++i) {
    duplicates += ref[i].duplicate;
    if (c[i].is_rereferral() != ref[i].rereferral || c[i].type != ref[i].type || c[i].previous != as_optional(ref[i].previous) ||
        c[i].duplicate_date != ref[i].duplicate ||
        (ref[i].previous != no_record && c[i].gap != csc::days((v[i].day - v[ref[i].previous].day).days())) ||
        (ref[i].previous == no_record && c[i].gap.has_value())) {
      BOOST_FAIL("mismatch on child " << v[i].child << " referral " << v[i].day << " (" << csc::to_string(c[i].type)
                                      << " vs " << csc::to_string(ref[i].type) << ")");
    }
  }
  BOOST_TEST(c.findings().size() == duplicates);

  // Period measures over random periods, against counting from the reference.
  for (int p = 0; p < 20; ++p) {
    std::uniform_int_distribution<int> start(0, 3 * 365), len(0, 500);
    const date from = date(2017, 6, 1) + boost::gregorian::days(start(rng));
    const date to = from + boost::gregorian::days(len(rng));
    const auto m = csc::measure(c, csc::interval<date>(from, to), csc::count_rereferrals{});
    std::size_t referrals = 0, rereferrals = 0;
    std::set<int> children, rechildren;
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (v[i].day < from || v[i].day > to) continue;
      ++referrals;
      children.insert(v[i].child);
      if (ref[i].rereferral) {
        ++rereferrals;
        rechildren.insert(v[i].child);
      }
    }
    BOOST_TEST(m.referral_count == referrals);
    BOOST_TEST(m.rereferral_count == rereferrals);
    BOOST_TEST(m.referral_child_count == children.size());
    BOOST_TEST(m.rereferral_child_count == rechildren.size());
  }
}
}  // namespace

BOOST_AUTO_TEST_SUITE(rereferrals_differential_test)

BOOST_AUTO_TEST_CASE(library_agrees_with_naive_reference_12_months) {
  std::mt19937 rng(12345);
  for (int round = 0; round < 4; ++round) run_round(rng, naive_window{true, 12}, false);
}

BOOST_AUTO_TEST_CASE(library_agrees_with_naive_reference_same_day_policy) {
  std::mt19937 rng(777);
  for (int round = 0; round < 2; ++round) run_round(rng, naive_window{true, 12}, true);
}

BOOST_AUTO_TEST_CASE(library_agrees_with_naive_reference_other_windows) {
  std::mt19937 rng(4242);
  run_round(rng, naive_window{false, 365}, false);
  run_round(rng, naive_window{true, 6}, false);
  run_round(rng, naive_window{true, 24}, false);
}

BOOST_AUTO_TEST_SUITE_END()
