// The CP plan and step-down example from README.md, compiled so that it cannot drift.
#include <csc/metrics.hpp>

#include <iostream>
#include <optional>
#include <string>
#include <vector>

using date = boost::gregorian::date;

struct plan { std::string child; date start; std::optional<date> end; int previous_cpp; };
struct episode { std::string child; date start; std::optional<date> end; };

void report(const std::vector<plan>& cp, const std::vector<episode>& cin_plans, date extract_date) {
  const auto plans = csc::classify_cp_plans(cp, &plan::child, &plan::start, &plan::end,
                                            &plan::previous_cpp, extract_date);
  const auto d3 = csc::measure_cp_plans(plans, csc::financial_year<date>(2019));
  std::cout << d3.CPP_subsequent << " of " << d3.CPP_start << " plans were second or subsequent, "
            << d3.CPP_subsequent_within_2y << " within 2 years of the previous plan ending\n";

  const auto timelines = csc::build_timelines(extract_date, {},
      csc::episodes(cp, csc::service_level::cp_plan, &plan::child, &plan::start, &plan::end),
      csc::episodes(cin_plans, csc::service_level::cin_plan, &episode::child, &episode::start, &episode::end));
  for (const auto& t : csc::track_transitions(timelines))
    if (t.bounce)
      std::cout << timelines.child_id(t.child) << " stepped down from a CP plan and was back "
                << *t.days_to_re_escalation() << " days later\n";
}

int main() {
  report({{"A", date(2019, 5, 1), date(2019, 7, 31), 0}, {"A", date(2019, 11, 1), std::nullopt, 1},
          {"B", date(2019, 6, 1), std::nullopt, 2}},
         {{"A", date(2019, 8, 1), date(2019, 9, 30)}}, date(2020, 9, 30));
}
