// Conan test package: one call through each component. csc::metrics: a
// re-referral decision at the 12-month boundary; csc::cin_census: a one-child
// CIN census return read with expat.
#include <csc/io/cin_census.hpp>
#include <csc/metrics.hpp>

#include <iostream>
#include <sstream>

int main() {
  using boost::gregorian::date;
  // Within n months looks back from the later date: 2021-02-28 - 12 months is
  // 2020-02-28, so 2020-02-29 is within 12 months of 2021-02-28.
  const bool within = csc::within_months(date(2020, 2, 29), date(2021, 2, 28), 12);

  std::istringstream xml(
      "<Message><Header><CollectionDetails><Collection>CIN</Collection><Year>2021</Year>"
      "<ReferenceDate>2021-03-31</ReferenceDate></CollectionDetails></Header><Children><Child>"
      "<ChildIdentifiers><LAchildID>A1</LAchildID></ChildIdentifiers><CINdetails>"
      "<CINreferralDate>2020-05-01</CINreferralDate><ReferralNFA>false</ReferralNFA></CINdetails>"
      "</Child></Children></Message>");
  csc::io::cin_census census;
  csc::io::read_cin_census(xml, "test.xml", census);
  const bool read = census.children.size() == 1 && census.episodes.size() == 1;

  std::cout << "csc-metrics " << CSC_METRICS_VERSION_MAJOR << '.' << CSC_METRICS_VERSION_MINOR << '.'
            << CSC_METRICS_VERSION_PATCH << ": 2020-02-29 within 12 months of 2021-02-28: "
            << (within ? "yes" : "no") << "; CIN census return: " << census.children.size() << " child, "
            << census.episodes.size() << " referral\n";
  return within && read ? 0 : 1;
}
