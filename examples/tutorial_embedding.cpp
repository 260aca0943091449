// The program behind docs/tutorial-embedding.md: a case-management system's
// own record and date types taken through re-referrals, child protection plans
// and step-down. The tutorial's code blocks are checked to be verbatim parts
// of this file (docs/check_snippets.py), and its output is pinned by a test.
#include <csc/metrics.hpp>

#include <cstdint>
#include <iostream>
#include <optional>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

// [host types]
namespace casebook {
struct day {                 // dates as the host's database stores them: 20190401
  std::int32_t yyyymmdd;
};
struct referral_row {
  std::uint64_t person;      // the host's person id
  day received;
  bool nfa;                  // no further action
};
struct plan_row {            // CP plans, CIN plans and early help share one table
  std::uint64_t person;
  char kind;                 // 'P' child protection, 'C' child in need, 'E' early help
  day start;
  day end;                   // 0 while the plan is open
  int previous_cp_plans;     // as recorded at the start, -1 if not recorded
};
}  // namespace casebook
// [host types]

// [date traits]
template <>
struct csc::date_traits<casebook::day> {
  static constexpr csc::civil_date to_civil(const casebook::day& d) {
    const csc::civil_date c{d.yyyymmdd / 10000, static_cast<unsigned>(d.yyyymmdd / 100 % 100),
                            static_cast<unsigned>(d.yyyymmdd % 100)};
    if (!c.ok()) throw std::invalid_argument("casebook::day " + std::to_string(d.yyyymmdd) + " is not a date");
    return c;
  }
  static constexpr casebook::day from_civil(const csc::civil_date& c) {
    return {static_cast<std::int32_t>(c.year * 10000 + static_cast<int>(c.month) * 100 + static_cast<int>(c.day))};
  }
};
// [date traits]

// [projections]
namespace casebook {
inline std::optional<day> end_of(const plan_row& p) {
  return p.end.yyyymmdd == 0 ? std::nullopt : std::optional<day>(p.end);
}
inline std::optional<int> declared_previous(const plan_row& p) {
  return p.previous_cp_plans < 0 ? std::nullopt : std::optional<int>(p.previous_cp_plans);
}
}  // namespace casebook
// [projections]

int main() {
  using casebook::day;
  const std::vector<casebook::referral_row> referrals = {
      {7001, {20190228}, true}, {7001, {20200229}, false},  // 2020-02-29 is within 12 months of 2019-02-28
      {7002, {20190601}, false}, {7002, {20190601}, false}, // two referrals on one day: a finding
      {7003, {20190910}, false}};
  const std::vector<casebook::plan_row> cp = {
      {7001, 'P', {20190401}, {20190731}, 0}, {7001, 'P', {20191101}, {0}, -1},
      {7003, 'P', {20190920}, {20200115}, 2}};
  const std::vector<casebook::plan_row> cin = {{7001, 'C', {20190801}, {20191031}, -1},
                                               {7003, 'C', {20200116}, {0}, -1}};
  const day extract{20200930};

  // [rereferrals]
  const auto classified = csc::classify_rereferrals(referrals, &casebook::referral_row::person,
                                                    &casebook::referral_row::received, extract);
  for (std::size_t i = 0; i < referrals.size(); ++i)
    if (classified[i].is_rereferral())
      std::cout << "person " << referrals[i].person << ": re-referral on " << csc::to_iso_string(referrals[i].received)
                << ", " << classified[i].gap->count() << " days after "
                << (referrals[*classified[i].previous].nfa ? "an NFA" : "a") << " referral\n";
  for (const csc::finding& f : classified.findings())
    std::cout << "finding " << csc::to_string(f.rule) << ": referral row " << f.record << " (person " << referrals[f.record].person << ")\n";
  const auto c1 = csc::measure(classified, csc::financial_year<day>(2019), csc::count_rereferrals{});
  std::cout << "2019-20: " << c1.rereferral_count << " of " << c1.referral_count << " referrals were re-referrals ("
            << csc::format_percent(c1.rereferral_count, c1.referral_count) << "%)\n";
  // [rereferrals]

  // [plans]
  const auto plans = csc::classify_cp_plans(cp, &casebook::plan_row::person, &casebook::plan_row::start,
                                            casebook::end_of, casebook::declared_previous, extract);
  for (std::size_t i = 0; i < cp.size(); ++i)
    std::cout << "plan from " << csc::to_iso_string(cp[i].start) << ": " << csc::to_string(plans[i].basis)
              << (plans[i].repeat_within_window ? ", within 2 years of the previous plan ending" : "") << '\n';
  const auto d3 = csc::measure(plans, csc::financial_year<day>(2019), csc::count_cp_plan_starts{});
  const auto d5 = csc::measure(plans, csc::financial_year<day>(2019), csc::count_cp_plans_open{});
  std::cout << "2019-20: " << d3.CPP_subsequent << " of " << d3.CPP_start << " plans second or subsequent, "
            << d5.CPP_open << " open on " << csc::to_iso_string(d5.open_on) << '\n';
  // [plans]

  // [timelines]
  const auto timelines = csc::build_timelines(
      std::tuple(
          csc::episodes(cp, csc::service_level::cp_plan, &casebook::plan_row::person, &casebook::plan_row::start, casebook::end_of),
          csc::episodes(cin, csc::service_level::cin_plan, &casebook::plan_row::person, &casebook::plan_row::start, casebook::end_of)),
      extract);
  const auto transitions = csc::classify_transitions(timelines);
  for (const csc::service_transition& t : transitions.by_child())
    if (t.kind == csc::transition_kind::step_down)
      std::cout << "person " << timelines.child_id(t.child) << ": " << csc::to_string(t.from) << " -> "
                << csc::to_string(t.to) << " on " << csc::to_iso_string(t.on) << ", "
                << csc::to_string(t.outcome) << (t.bounce ? " (a bounce)" : "") << '\n';
  const auto sd = csc::measure(transitions, csc::financial_year<day>(2019), csc::count_stepdowns{});
  std::cout << "2019-20: " << sd.step_downs.count << " step-downs, " << sd.step_downs.bounces << " bounced back\n";
  // [timelines]
}
