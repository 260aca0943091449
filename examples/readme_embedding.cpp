// The embedding example from README.md, compiled so that it cannot drift.
#include <iostream>
#include <string>
#include <vector>

#include <csc/metrics.hpp>

struct referral {                       // the host's own record; not copied
  std::string child_id;
  boost::gregorian::date received;
  bool nfa;
};

void report(const std::vector<referral>& referrals, boost::gregorian::date extract_date) {
  const auto classified = csc::classify_rereferrals(
      referrals, &referral::child_id, &referral::received, extract_date);
  for (std::size_t i = 0; i < referrals.size(); ++i)
    if (classified[i].is_rereferral())  // previous referral and gap, for breakdowns
      std::cout << referrals[i].child_id << " re-referred " << classified[i].gap_days << " days after "
                << (referrals[classified[i].previous].nfa ? "an NFA referral\n" : "a referral\n");
  const auto fy = csc::measure_rereferrals(classified, csc::financial_year<boost::gregorian::date>(2019));
  std::cout << fy.rereferral_count << " of " << fy.referral_count << " referrals were re-referrals\n";
}

int main() {
  using boost::gregorian::date;
  report({{"A", date(2019, 2, 28), true}, {"A", date(2020, 2, 29), false}, {"B", date(2019, 6, 1), false}},
         date(2020, 9, 30));
}
