// Test helpers: short date literals and readable printing in Boost.Test.
#ifndef CSC_TESTS_TEST_DATES_HPP
#define CSC_TESTS_TEST_DATES_HPP

#include <csc/core/civil_date.hpp>
#include <csc/core/day.hpp>
#include <csc/core/finding.hpp>

#include <boost/date_time/gregorian/gregorian.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>

namespace csc_test {

// "2019-02-28" -> civil_date; throws on a bad literal so a typo cannot pass.
inline csc::civil_date cd(const char* iso) {
  const auto d = csc::parse_iso_date(iso);
  if (!d) throw std::invalid_argument(std::string("bad test date literal ") + iso);
  return *d;
}

// "2019-02-28" -> csc::day.
inline csc::day dy(const char* iso) { return csc::day(cd(iso)); }

// "2019-02-28" -> boost::gregorian::date.
inline boost::gregorian::date bd(const char* iso) {
  const csc::civil_date c = cd(iso);
  return boost::gregorian::date(static_cast<unsigned short>(c.year), static_cast<unsigned short>(c.month),
                                static_cast<unsigned short>(c.day));
}

}  // namespace csc_test

namespace std {
// Lets Boost.Test print optional values in failure messages.
inline std::ostream& boost_test_print_type(std::ostream& os, const std::optional<int>& v) {
  return v ? os << *v : os << "nullopt";
}
inline std::ostream& boost_test_print_type(std::ostream& os, const std::optional<std::size_t>& v) {
  return v ? os << *v : os << "nullopt";
}
inline std::ostream& boost_test_print_type(std::ostream& os, const std::optional<std::uint32_t>& v) {
  return v ? os << *v : os << "nullopt";
}
inline std::ostream& boost_test_print_type(std::ostream& os, const std::optional<csc::day>& v) {
  return v ? os << *v : os << "nullopt";
}
// csc::days (a std::chrono::duration): its count, with a unit.
inline std::ostream& boost_test_print_type(std::ostream& os, const csc::days& v) { return os << v.count() << " days"; }
inline std::ostream& boost_test_print_type(std::ostream& os, const std::optional<csc::days>& v) {
  return v ? os << v->count() << " days" : os << "nullopt";
}
}  // namespace std

namespace csc {
// Lets Boost.Test print a csc::rule by its stable name.
inline std::ostream& boost_test_print_type(std::ostream& os, rule r) { return os << to_string(r); }
}  // namespace csc

#endif
