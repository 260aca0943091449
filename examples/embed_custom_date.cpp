// Embedding csc-metrics in a case-management system that has its own date
// type and its own referral record: no copy into library types, one traits
// specialisation for the date, projections for the fields.
#include <csc/calendar/periods.hpp>
#include <csc/measure/measure.hpp>
#include <csc/measure/rereferrals.hpp>

#include <cstdio>
#include <string>
#include <vector>

namespace host {
// The host's date: three ints, as many legacy systems store it.
struct ymd {
  int y, m, d;
};
// The host's referral record.
struct referral {
  long person_id;
  ymd received;
  bool no_further_action;
};
}  // namespace host

// The only thing a host writes to plug its date type in.
template <>
struct csc::date_traits<host::ymd> {
  static constexpr csc::civil_date to_civil(const host::ymd& h) {
    return {h.y, static_cast<unsigned>(h.m), static_cast<unsigned>(h.d)};
  }
  static constexpr host::ymd from_civil(const csc::civil_date& c) {
    return {c.year, static_cast<int>(c.month), static_cast<int>(c.day)};
  }
};

int main() {
  const std::vector<host::referral> referrals = {
      {1001, {2019, 2, 28}, true},  {1001, {2020, 2, 29}, false},  // exactly 12 months by the clamping rule
      {1002, {2019, 6, 1}, false},  {1002, {2020, 6, 1}, true},    // exactly 12 months: a re-referral
      {1003, {2019, 12, 24}, true},
  };
  const auto classified = csc::classify_rereferrals(referrals, &host::referral::person_id, &host::referral::received,
                                                    host::ymd{2020, 9, 30});
  for (std::size_t i = 0; i < referrals.size(); ++i) {
    const auto& c = classified[i];
    std::printf("person %ld referral %s: %s", referrals[i].person_id,
                csc::to_iso_string(referrals[i].received).c_str(), std::string(csc::to_string(c.type)).c_str());
    if (c.previous) {
      std::printf(" (previous %s, %d days earlier, previous NFA: %s)",
                  csc::to_iso_string(referrals[*c.previous].received).c_str(), static_cast<int>(c.gap->count()),
                  referrals[*c.previous].no_further_action ? "yes" : "no");
    }
    std::printf("\n");
  }
  const auto m = csc::measure(classified, csc::financial_year<host::ymd>(2019), csc::count_rereferrals{});
  std::printf("2019-20: %zu referrals, %zu re-referrals (%.1f%%), %zu children, %zu re-referred\n", m.referral_count,
              m.rereferral_count, m.rereferral_percent().value_or(0.0), m.referral_child_count,
              m.rereferral_child_count);
  return 0;
}
