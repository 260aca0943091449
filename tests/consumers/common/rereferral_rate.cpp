// The program every consumer project builds: a re-referral rate computed
// through whichever route (find_package, add_subdirectory, pkg-config) found
// csc-metrics. Prints the version it compiled against, so the CI script can
// check that the route found this checkout's headers.
#include <csc/metrics.hpp>

#include <iostream>
#include <string>
#include <vector>

namespace {
struct referral {
  std::string child;
  boost::gregorian::date received;
};
}  // namespace

int main() {
  using boost::gregorian::date;
  const std::vector<referral> referrals{
      {"A", date(2019, 5, 1)}, {"A", date(2020, 3, 31)},   // within 12 months: a re-referral
      {"B", date(2018, 4, 1)}, {"B", date(2019, 4, 2)},    // 12 months and 1 day: not one
      {"C", date(2019, 12, 25)}};
  const auto classified =
      csc::classify_rereferrals(referrals, &referral::child, &referral::received, date(2020, 3, 31));
  const auto fy = csc::measure(classified, csc::financial_year<date>(2019), csc::count_rereferrals{});
  std::cout << "csc-metrics " << CSC_METRICS_VERSION_MAJOR << '.' << CSC_METRICS_VERSION_MINOR << '.'
            << CSC_METRICS_VERSION_PATCH << ": 2019-20 re-referrals " << fy.rereferral_count << " of "
            << fy.referral_count << " (" << csc::format_percent(fy.rereferral_count, fy.referral_count)
            << "%)\n";
  return fy.rereferral_count == 1 && fy.referral_count == 4 ? 0 : 1;
}
