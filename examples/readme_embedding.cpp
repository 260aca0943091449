// The embedding example at the top of README.md, compiled and run by the tests
// so that it cannot drift: all three families, one call shape, host dates out.
#include <csc/metrics.hpp>

#include <boost/date_time/gregorian/gregorian.hpp>

#include <iostream>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

using date = boost::gregorian::date;  // the host's own date type
struct referral { std::string child; date received; bool nfa; };
struct plan { std::string child; date start; std::optional<date> end; };

void report(const std::vector<referral>& referrals, const std::vector<plan>& cp_plans,
            const std::vector<plan>& cin_plans, date extract_date) {
  const auto fy = csc::financial_year<date>(2019);

  const auto c1 = csc::classify_rereferrals(referrals, &referral::child, &referral::received, extract_date);
  const auto r = csc::measure(c1, fy, csc::count_rereferrals{});
  std::cout << r.rereferral_count << " of " << r.referral_count << " referrals were re-referrals\n";

  const auto d3 = csc::classify_cp_plans(cp_plans, &plan::child, &plan::start, &plan::end, extract_date);
  const auto open = csc::measure(d3, fy, csc::count_cp_plans_open{});
  std::cout << open.CPP_open << " plan(s) open on " << to_iso_extended_string(open.open_on.to<date>()) << '\n';

  const auto timelines = csc::build_timelines(
      std::tuple(csc::episodes(cp_plans, csc::service_level::cp_plan, &plan::child, &plan::start, &plan::end),
                 csc::episodes(cin_plans, csc::service_level::cin_plan, &plan::child, &plan::start, &plan::end)),
      extract_date);
  const auto moves = csc::classify_transitions(timelines);
  for (const csc::service_transition& t : moves.by_child())
    if (t.bounce)
      std::cout << moves.child_id(t.child) << " stepped down on " << to_iso_extended_string(t.on.to<date>())
                << " and was back on a CP plan " << t.days_to_re_escalation()->count() << " days later\n";
}

int main() {
  report({{"A", date(2019, 2, 28), true}, {"A", date(2020, 2, 28), false}, {"B", date(2019, 6, 1), false}},
         {{"A", date(2019, 5, 1), date(2019, 7, 31)}, {"A", date(2019, 11, 1), std::nullopt}},
         {{"A", date(2019, 8, 1), date(2019, 9, 30)}}, date(2020, 9, 30));
}
