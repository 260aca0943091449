// Conan test package: one re-referral decision at the 12-month boundary.
#include <csc/metrics.hpp>

#include <iostream>

int main() {
  using boost::gregorian::date;
  // Within n months looks back from the later date: 2021-02-28 - 12 months is
  // 2020-02-28, so 2020-02-29 is within 12 months of 2021-02-28.
  const bool within = csc::within_months(date(2020, 2, 29), date(2021, 2, 28), 12);
  std::cout << "csc-metrics " << CSC_METRICS_VERSION << ": 2021-02-28 within 12 months of 2020-02-29: "
            << (within ? "yes" : "no") << '\n';
  return within ? 0 : 1;
}
