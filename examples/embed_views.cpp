// C++20 ranges with csc-metrics: a std::views::filter over host records and a
// std::views::iota over row numbers with projections. Built and run by the
// tests in C++20 builds (g++, or clang++ 15 and later: clang++ 14 cannot
// compile libstdc++ 12's <ranges>).
#include <csc/metrics.hpp>

#include <chrono>
#include <iostream>
#include <ranges>
#include <string>
#include <vector>

namespace chr = std::chrono;

// The host's own date printing (GCC 12's <chrono> has no operator<< for year_month_day).
std::string host_format(const chr::year_month_day& d) {
  return std::to_string(static_cast<unsigned>(d.day())) + '/' + std::to_string(static_cast<unsigned>(d.month())) +
         '/' + std::to_string(static_cast<int>(d.year()));
}

struct referral {
  std::string child;
  chr::year_month_day received;
  std::string team;
};

int main() {
  using namespace std::chrono_literals;
  const std::vector<referral> all = {{"A", 2019y / 3 / 31, "north"}, {"A", 2020y / 3 / 31, "north"},
                                     {"B", 2019y / 5 / 1, "south"},  {"B", 2019y / 6 / 1, "south"},
                                     {"C", 2019y / 7 / 1, "north"}};
  const chr::year_month_day extract = 2020y / 3 / 31;
  const auto fy = csc::financial_year<chr::year_month_day>(2019);

  // Only the north team's referrals, without copying them.
  auto north = all | std::views::filter([](const referral& r) { return r.team == "north"; });
  const auto c1 = csc::classify_rereferrals(north, &referral::child, &referral::received, extract);
  const auto m = csc::measure(c1, fy, csc::count_rereferrals{});
  std::cout << "north: " << m.rereferral_count << " of " << m.referral_count << " referrals were re-referrals\n";

  // Row numbers with projections into column vectors (a columnar host).
  std::vector<std::string> ids;
  std::vector<chr::year_month_day> dates;
  for (const referral& r : all) ids.push_back(r.child), dates.push_back(r.received);
  const auto rows = std::views::iota(std::size_t{0}, ids.size());
  const auto c2 = csc::classify_rereferrals(
      rows, [&](std::size_t i) -> const std::string& { return ids[i]; }, [&](std::size_t i) { return dates[i]; },
      extract);
  const auto all_fy = csc::measure(c2, fy, csc::count_rereferrals{});
  std::cout << "all: " << all_fy.rereferral_count << " of " << all_fy.referral_count << " referrals were re-referrals\n";
  for (const auto& c : c2.by_child())
    if (c.is_rereferral())
      std::cout << c2.child_id(c.child) << " re-referred on " << host_format(c.date.to<chr::year_month_day>()) << '\n';
}
