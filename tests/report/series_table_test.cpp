// Tests for include/csc/report/series_table.hpp (docs/rules/series.md, docs/rules/breakdowns.md,
// docs/rules/families.md, docs/rules/rates.md, docs/rules/benchmarks.md).
#include <csc/report/series_table.hpp>
#include <csc/report/wide_table.hpp>

#include <csc/episode/timeline.hpp>

#include "../support/test_dates.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <memory>
#include <string>
#include <vector>

using csc_test::cd;
using csc_test::dy;

namespace {
using csc::io::cp_plan_record;
using csc::io::referral_record;

// A referral as a test writes it: kept = {by item value, family item value}.
struct referral_line {
  const char* child;
  const char* date;
  const char* by;
  const char* family;
  std::optional<bool> nfa;
};

// A CP plan as a test writes it.
struct plan_line {
  const char* child;
  const char* start;
  const char* end;  // "" while open
  const char* by;
  const char* family;
};

// Records as a reader gives them, from "referrals.csv" (line 2 onwards).
csc::io::referral_table referrals(const std::vector<referral_line>& lines, std::vector<std::string> items) {
  csc::io::referral_table t;
  t.name = "referrals.csv";
  t.files = {"referrals.csv"};
  t.items = std::move(items);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const referral_line& l = lines[i];
    t.records.push_back(referral_record{l.child, dy(l.date), std::nullopt, "", l.nfa, "", {0, i + 2}, {l.by, l.family}});
  }
  return t;
}

csc::io::cp_plan_table plans(const std::vector<plan_line>& lines, std::vector<std::string> items) {
  csc::io::cp_plan_table t;
  t.name = "cp_plans.csv";
  t.files = {"cp_plans.csv"};
  t.items = std::move(items);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const plan_line& l = lines[i];
    const std::optional<csc::day> end = *l.end ? std::optional<csc::day>(dy(l.end)) : std::nullopt;
    t.records.push_back(cp_plan_record{l.child, dy(l.start), end, "", "", std::nullopt, {0, i + 2}, {l.by, l.family}});
  }
  return t;
}

// Records with their classifications, as csc::series_inputs points at them.
struct inputs {
  std::optional<csc::io::referral_table> referral_records;
  std::optional<csc::io::cp_plan_table> plan_records;
  std::optional<csc::rereferral_classification<csc::io::text_view>> classified_referrals;
  std::optional<csc::cp_plan_classification<csc::io::text_view>> classified_plans;

  inputs(std::optional<csc::io::referral_table> r, std::optional<csc::io::cp_plan_table> p, const char* extract)
      : referral_records(std::move(r)), plan_records(std::move(p)) {
    if (referral_records)
      classified_referrals = csc::classify_rereferrals(referral_records->records, &referral_record::child,
                                                       &referral_record::referral, dy(extract));
    if (plan_records)
      classified_plans = csc::classify_cp_plans(plan_records->records, &cp_plan_record::child, &cp_plan_record::start,
                                                &cp_plan_record::end, dy(extract));
  }
  csc::series_inputs get() const {
    return {referral_records ? &*referral_records : nullptr, classified_referrals ? &*classified_referrals : nullptr,
            plan_records ? &*plan_records : nullptr, classified_plans ? &*classified_plans : nullptr, nullptr,
            std::nullopt, std::nullopt};
  }
};

csc::interval<csc::day> range(const char* from, const char* to) { return {dy(from), dy(to)}; }

csc::series_table_options by(const char* key, const char* family = "") {
  csc::series_table_options o;
  o.by = key;
  o.family = family;
  return o;
}

// The cells of one row as text ("-" undefined, "c" suppressed), for the measures named.
std::vector<std::string> texts(const csc::series_row& r, const std::vector<std::string>& measures) {
  std::vector<std::string> out;
  for (const std::string& m : measures) out.push_back(csc::figure_text(r.at(m), "-"));
  return out;
}

// One expected row of a series table: its group, period and some cells.
struct row_case {
  const char* group;
  std::size_t period;
  std::vector<std::string> cells;
};

void check_rows(const csc::series_table<csc::day>& t, const std::vector<std::string>& measures,
                const std::vector<row_case>& want) {
  BOOST_TEST_REQUIRE(t.rows.size() == want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    BOOST_TEST_CONTEXT("row " << i << " (" << want[i].group << ", period " << want[i].period << ")") {
      BOOST_TEST(t.rows[i].group == want[i].group);
      BOOST_TEST(t.rows[i].period == want[i].period);
      BOOST_TEST(texts(t.rows[i], measures) == want[i].cells, boost::test_tools::per_element());
    }
  }
}

// Team A, "A;B" (multi-valued), no team, "B;B" (a key listed twice): referrals.
const std::vector<referral_line> team_referrals = {
    {"C1", "2019-05-01", "A", "", std::nullopt},
    {"C2", "2019-06-01", "A;B", "", std::nullopt},
    {"C3", "2019-07-01", "", "", std::nullopt},
    {"C1", "2019-08-01", "B;B", "", std::nullopt},  // a re-referral
};
// Team B (open on 31 March) and team C (ended): plans.
const std::vector<plan_line> team_plans = {
    {"C1", "2019-05-10", "", "B", ""},
    {"C4", "2019-09-10", "2019-12-01", "C", ""},
};
// The same plans with no by or family value.
const std::vector<plan_line> untagged_plans = {
    {"C1", "2019-05-10", "", "", ""},
    {"C4", "2019-09-10", "2019-12-01", "", ""},
};
const std::vector<std::string> team_items = {"LAchildID", "CINreferralDate", "Team"};
const std::vector<std::string> team_plan_items = {"LAchildID", "CPPstartDate", "CPPendDate", "Team"};
const std::vector<std::string> team_measures = {"referral_count", "rereferral_count", "rereferral_percent",
                                                "CPP_start", "CPP_open"};
}  // namespace

BOOST_AUTO_TEST_SUITE(series_table_test)

BOOST_AUTO_TEST_CASE(multi_valued_keys_split_at_semicolons) {
  struct split_case {
    const char* value;
    std::vector<std::string> keys;
  };
  const std::vector<split_case> cases = {
      {"", {}}, {"A", {"A"}}, {"A;B", {"A", "B"}}, {";A;;B;", {"A", "B"}}, {";", {}}, {"B;B", {"B", "B"}},
      {" A", {" A"}},  // as written: no trimming
  };
  for (const split_case& c : cases) {
    BOOST_TEST_CONTEXT("'" << c.value << "'") {
      BOOST_TEST(csc::split_multi_valued(c.value) == c.keys, boost::test_tools::per_element());
    }
  }
}

BOOST_AUTO_TEST_CASE(kept_items_are_the_by_item_then_the_family_item) {
  struct kept_case {
    const char* by;
    const char* family;
    std::vector<std::string> kept;
  };
  const std::vector<kept_case> cases = {
      {"", "", {"", ""}},
      {"Team", "FamilyID", {"Team", "FamilyID"}},
      {"age_band", "", {"PersonBirthDate", ""}},
      {"previous_referral_nfa", "FamilyID", {"", "FamilyID"}},
  };
  for (const kept_case& c : cases) {
    BOOST_TEST_CONTEXT("by '" << c.by << "', family '" << c.family << "'") {
      BOOST_TEST(by(c.by, c.family).kept_items() == c.kept, boost::test_tools::per_element());
    }
  }
}

BOOST_AUTO_TEST_CASE(groups_are_the_union_of_the_grouped_inputs_keys_with_zeros_for_an_absent_key) {
  const inputs in(referrals(team_referrals, team_items), plans(team_plans, team_plan_items), "2020-06-30");
  const auto t = csc::build_series_table(csc::series_kind::financial_year, range("2019-04-01", "2020-03-31"), in.get(),
                                         by("Team"));
  check_rows(t, team_measures,
             {
                 {"", 0, {"4", "1", "25.0", "2", "1"}},
                 {"A", 0, {"2", "0", "0.0", "0", "0"}},    // no plan of team A: zeros, not undefined
                 {"B", 0, {"2", "1", "50.0", "1", "1"}},   // "A;B" and "B;B" (once); the open plan
                 {"C", 0, {"0", "0", "-", "1", "0"}},      // no referral of team C: zeros; 0 of 0 is undefined
             });
  BOOST_TEST(t.records_without_key == 1U);  // the referral with no team
  BOOST_TEST(t.notes.empty());
  BOOST_TEST(t.published.empty());
}

BOOST_AUTO_TEST_CASE(an_input_without_the_by_item_gives_its_groups_no_cells) {
  const inputs in(referrals(team_referrals, team_items),
                  plans(team_plans, {"LAchildID", "CPPstartDate", "CPPendDate"}), "2020-06-30");
  const auto t = csc::build_series_table(csc::series_kind::financial_year, range("2019-04-01", "2020-03-31"), in.get(),
                                         by("Team"));
  check_rows(t, team_measures,
             {
                 {"", 0, {"4", "1", "25.0", "2", "1"}},
                 {"A", 0, {"2", "0", "0.0", "-", "-"}},  // plans are not grouped: undefined
                 {"B", 0, {"2", "1", "50.0", "-", "-"}},
             });
  BOOST_TEST(t.rows[1].cells.count("CPP_start") == 0U);
}

BOOST_AUTO_TEST_CASE(by_age_band_at_the_event_date_in_age_order) {
  const std::vector<referral_line> lines = {
      {"C1", "2019-05-01", "2019-06-01", "", std::nullopt},  // expected after the referral: unborn
      {"C2", "2019-05-01", "2019-05-01", "", std::nullopt},  // born that day: under 1
      {"C3", "2019-04-01", "2014-04-02", "", std::nullopt},  // 4 the day before the fifth birthday
      {"C4", "2019-04-01", "2014-04-01", "", std::nullopt},  // 5 on the birthday itself
      {"C5", "2019-04-01", "", "", std::nullopt},            // no birth date: no key
  };
  const inputs in(referrals(lines, {"LAchildID", "CINreferralDate", "PersonBirthDate"}),
                  plans(untagged_plans, {"LAchildID", "CPPstartDate", "CPPendDate"}), "2020-06-30");
  const auto t = csc::build_series_table(csc::series_kind::financial_year, range("2019-04-01", "2020-03-31"), in.get(),
                                         by("age_band"));
  check_rows(t, {"referral_count", "CPP_start"},
             {
                 {"", 0, {"5", "2"}},
                 {"Unborn", 0, {"1", "-"}},  // DfE's order by age, not text order
                 {"Under 1", 0, {"1", "-"}},
                 {"1 to 4 years", 0, {"1", "-"}},
                 {"5 to 9 years", 0, {"1", "-"}},
             });
  // Plans without PersonBirthDate are not grouped (empty cells, not zeros), as for a column
  // they do not have; only the referral without a birth date has no key.
  BOOST_TEST(t.records_without_key == 1U);
}

BOOST_AUTO_TEST_CASE(keys_sort_in_natural_order_with_age_bands_by_age) {
  const std::vector<std::string> sorted = {"Unborn", "Under 1", "1 to 4 years", "5 to 9 years", "10 to 15 years",
                                           "16 years and over", "1A", "2A", "2B", "3A", "10", "10A", "18A", "N1",
                                           "N2", "N10", "RC1", "RC9", "a02", "a3", "a10"};
  for (std::size_t i = 0; i < sorted.size(); ++i)
    for (std::size_t j = 0; j < sorted.size(); ++j)
      BOOST_TEST_CONTEXT(sorted[i] << " vs " << sorted[j]) {
        BOOST_TEST(csc::breakdown_key_less(sorted[i], sorted[j]) == (i < j));
      }
}

BOOST_AUTO_TEST_CASE(dfe_code_lists_label_the_keys_of_their_items) {
  BOOST_TEST(*csc::breakdown_label("ReferralSource", "6") == "POLICE");
  BOOST_TEST(*csc::breakdown_label("ReferralSource", "3A") == "HEALTH SERVICES – general practitioner (GP)");
  BOOST_TEST(*csc::breakdown_label("AssessmentFactors", "16A") == "Abuse or neglect – NEGLECT");
  BOOST_TEST(*csc::breakdown_label("AssessmentFactors", "18A") == "PHYSICAL ABUSE (legacy code)");
  BOOST_TEST(*csc::breakdown_label("PrimaryNeedCode", "N1") == "Abuse or neglect");
  BOOST_TEST(*csc::breakdown_label("ReasonForClosure", "RC8") == "Case closed after assessment, no further action");
  BOOST_TEST(*csc::breakdown_label("InitialCategoryOfAbuse", "NEG") == "Neglect");
  BOOST_TEST(*csc::breakdown_label("LatestCategoryOfAbuse", "MUL") == "Multiple/not recommended");
  BOOST_TEST(!csc::breakdown_label("ReferralSource", "11"));  // not in the list: the code alone
  BOOST_TEST(!csc::breakdown_label("Team", "6"));             // no code list
  BOOST_TEST(!csc::breakdown_label("age_band", "Unborn"));
  // Every valid code of each list has a label.
  for (const char* c : {"1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D", "3E", "3F", "4", "5A", "5B", "5C",
                        "5D", "6", "7", "8", "9", "10"})
    BOOST_TEST((csc::io::is_referral_source_code(c) && csc::io::referral_source_label(c).has_value()));
  for (const char* c : {"1A", "2C", "3B", "8F", "9A", "10A", "17A", "18A", "18B", "19A", "19C", "20", "21", "22A",
                        "23A", "24A"})
    BOOST_TEST((csc::io::is_assessment_factor_code(c) && csc::io::assessment_factor_label(c).has_value()));
}

BOOST_AUTO_TEST_CASE(kept_items_add_the_further_keys_after_the_family_item) {
  csc::series_table_options o = by("Team", "FamilyID");
  o.by_also = {"age_band", "Source"};
  BOOST_TEST(o.kept_items() == (std::vector<std::string>{"Team", "FamilyID", "PersonBirthDate", "Source"}),
             boost::test_tools::per_element());
  BOOST_TEST(o.by_keys() == (std::vector<std::string>{"Team", "age_band", "Source"}), boost::test_tools::per_element());
}

namespace {
// Referrals kept = {Team, FamilyID (unused), Source}: a cross-tab of Team x Source.
csc::io::referral_table crosstab_referrals(const std::vector<std::pair<const char*, const char*>>& team_source,
                                           std::size_t copies) {
  csc::io::referral_table t;
  t.name = t.files.emplace_back("referrals.csv");
  t.items = {"LAchildID", "CINreferralDate", "Team", "Source"};
  const auto text = std::make_shared<csc::io::text_store>();  // the records' ids (docs/inputs.md)
  t.texts.push_back(text);
  std::size_t line = 2;
  for (const auto& [team, source] : team_source)
    for (std::size_t k = 0; k < copies; ++k, ++line)
      t.records.push_back(referral_record{text->keep("C" + std::to_string(line)), dy("2019-05-01"), std::nullopt, "",
                                          std::nullopt, "", {0, line}, {team, "", source}});
  return t;
}
}  // namespace

BOOST_AUTO_TEST_CASE(a_second_key_gives_a_cross_tab_with_every_margin_and_zeros) {
  const inputs in(crosstab_referrals({{"A", "6"}, {"A", "2A"}, {"B", "6"}, {"B;A", "10"}}, 1), std::nullopt,
                  "2020-06-30");
  csc::series_table_options o = by("Team");
  o.by_also = {"Source"};
  const auto t = csc::build_series_table(csc::series_kind::financial_year, range("2019-04-01", "2020-03-31"), in.get(),
                                         o);
  check_rows(t, {"referral_count"},
             {
                 {"", 0, {"4"}},
                 {"(all) / 2A", 0, {"1"}},  // natural order: 2A, 6, 10
                 {"(all) / 6", 0, {"2"}},
                 {"(all) / 10", 0, {"1"}},
                 {"A / (all)", 0, {"3"}},
                 {"A / 2A", 0, {"1"}},
                 {"A / 6", 0, {"1"}},
                 {"A / 10", 0, {"1"}},
                 {"B / (all)", 0, {"2"}},
                 {"B / 2A", 0, {"0"}},  // every combination, zeros included
                 {"B / 6", 0, {"1"}},
                 {"B / 10", 0, {"1"}},
             });
  BOOST_TEST(t.by == (std::vector<std::string>{"Team", "Source"}), boost::test_tools::per_element());
  BOOST_TEST(t.rows[5].keys == (std::vector<std::string>{"A", "2A"}), boost::test_tools::per_element());
  BOOST_TEST(t.rows[1].keys == (std::vector<std::string>{"", "2A"}), boost::test_tools::per_element());
  BOOST_TEST(t.records_without_keys == (std::vector<std::size_t>{0, 0}), boost::test_tools::per_element());
  o.by_also = {"Team"};
  BOOST_CHECK_THROW(csc::build_series_table(csc::series_kind::financial_year, range("2019-04-01", "2020-03-31"),
                                            in.get(), o),
                    std::invalid_argument);
  o.by_also = {"Nope"};
  BOOST_CHECK_THROW(csc::build_series_table(csc::series_kind::financial_year, range("2019-04-01", "2020-03-31"),
                                            in.get(), o),
                    std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(secondary_suppression_hides_a_group_recoverable_from_the_all_records_row) {
  // 13 referrals: team A 10, team B 3. Primary suppression hides B's 3, which 13 - 10 gives back.
  const inputs in(crosstab_referrals({{"A", "6"}, {"A", "6"}, {"A", "6"}, {"A", "6"}, {"A", "6"}, {"A", "2A"},
                                      {"A", "2A"}, {"A", "2A"}, {"A", "2A"}, {"A", "2A"}, {"B", "6"}, {"B", "6"},
                                      {"B", "6"}},
                                     1),
                  std::nullopt, "2020-06-30");
  csc::series_table_options o = by("Team");
  o.suppress = true;
  o.population = 10000;
  const auto t = csc::build_series_table(csc::series_kind::financial_year, range("2019-04-01", "2020-03-31"), in.get(),
                                         o);
  check_rows(t, {"referral_count", "rereferral_percent", "referral_rate_per_10000"},
             {
                 {"", 0, {"13", "0.0", "13.0"}},
                 {"A", 0, {"c", "c", "c"}},  // 10, hidden beside B's 3: its percentage and rate too
                 {"B", 0, {"c", "c", "c"}},
             });
  BOOST_TEST(t.secondary_suppressed == 1U);
  BOOST_TEST(*t.rows[1].at("referral_count").value == 10.0);  // the exact value is kept for callers
  // The cross-tab Team x Source: no cell recoverable from its row or column.
  o.by_also = {"Source"};
  const auto x = csc::build_series_table(csc::series_kind::financial_year, range("2019-04-01", "2020-03-31"),
                                         in.get(), o);
  std::vector<std::size_t> counts;
  std::vector<bool> hidden;
  std::map<std::vector<std::string>, std::size_t> index;
  for (const csc::series_row& r : x.rows) {
    index[r.keys] = counts.size();
    counts.push_back(static_cast<std::size_t>(*r.at("referral_count").value));
    hidden.push_back(r.at("referral_count").suppressed);
  }
  std::vector<csc::additive_relation> relations;
  for (const auto& [keys, i] : index)
    for (std::size_t d = 0; d < 2; ++d) {
      if (!keys[d].empty()) continue;
      csc::additive_relation rel{i, {}};
      for (const auto& [k2, j] : index)
        if (!k2[d].empty() && k2[1 - d] == keys[1 - d]) rel.parts.push_back(j);
      relations.push_back(rel);
    }
  BOOST_TEST(csc::recoverable_by_subtraction(hidden, relations).empty());
  for (std::size_t i = 0; i < counts.size(); ++i)
    if (csc::is_suppressed_count(counts[i])) BOOST_TEST(hidden[i]);
}

BOOST_AUTO_TEST_CASE(the_wide_layout_has_a_line_per_group_and_a_column_per_period) {
  const inputs in(referrals(team_referrals, team_items), std::nullopt, "2020-06-30");
  const auto t = csc::build_series_table(csc::series_kind::quarterly, range("2019-04-01", "2019-09-30"), in.get(),
                                         by("Team"));
  const std::vector<csc::wide_table> w = csc::wide_tables(t);
  BOOST_TEST_REQUIRE(w.size() == t.columns.size());
  BOOST_TEST(w[0].measure == "referral_count");
  BOOST_TEST(w[0].periods == (std::vector<std::string>{"2019-20 Q1", "2019-20 Q2"}), boost::test_tools::per_element());
  BOOST_TEST_REQUIRE(w[0].lines.size() == 3U);  // (all), A, B
  for (std::size_t l = 0; l < 3; ++l)
    for (std::size_t p = 0; p < 2; ++p) {
      const csc::series_row& r = t.rows[l * 2 + p];
      BOOST_TEST(w[0].lines[l].group == r.group);
      BOOST_TEST(w[0].lines[l].cells[p].text == r.at("referral_count").text);
    }
}

BOOST_AUTO_TEST_CASE(the_share_of_rereferrals_by_previous_outcome_beside_the_rate) {
  const std::vector<referral_line> lines = {
      {"C1", "2019-04-02", "", "", true},   {"C1", "2019-05-02", "", "", false},  // re-referral after an NFA
      {"C2", "2019-04-02", "", "", true},   {"C2", "2019-06-02", "", "", true},   // after an NFA
      {"C3", "2019-04-02", "", "", false},  {"C3", "2019-07-02", "", "", true},   // after a referral not NFA
      {"C4", "2019-04-02", "", "", true},
  };
  const inputs in(referrals(lines, {"LAchildID", "CINreferralDate", "ReferralNFA"}), std::nullopt, "2020-06-30");
  const auto t = csc::build_series_table(csc::series_kind::financial_year, range("2019-04-01", "2020-03-31"), in.get(),
                                         by("previous_referral_nfa"));
  check_rows(t, {"referral_count", "rereferral_count", "rereferral_percent", "rereferral_share_percent"},
             {
                 {"", 0, {"7", "3", "42.9", "100.0"}},
                 {"no previous referral", 0, {"4", "0", "0.0", "0.0"}},
                 {"previous referral NFA", 0, {"2", "2", "100.0", "66.7"}},  // 2 of the 3 re-referrals
                 {"previous referral not NFA", 0, {"1", "1", "100.0", "33.3"}},
             });
  const auto whole = csc::build_series_table(csc::series_kind::financial_year, range("2019-04-01", "2020-03-31"),
                                             in.get(), by(""));
  BOOST_TEST(std::count(whole.columns.begin(), whole.columns.end(), "rereferral_share_percent") == 0);  // groups only
}

BOOST_AUTO_TEST_CASE(children_with_3_or_more_referrals_in_the_period_per_group) {
  const std::vector<referral_line> lines = {
      {"C1", "2019-03-31", "A", "", std::nullopt},  // before the first quarter: not counted
      {"C1", "2019-04-01", "A", "", std::nullopt}, {"C1", "2019-05-01", "A", "", std::nullopt},
      {"C1", "2019-06-30", "B", "", std::nullopt},  // 3 in Q1, but only 2 in team A
      {"C2", "2019-07-01", "A", "", std::nullopt}, {"C2", "2019-07-01", "A", "", std::nullopt},  // same day: two
      {"C2", "2019-09-30", "A", "", std::nullopt},
      {"C3", "2019-04-01", "A", "", std::nullopt}, {"C3", "2019-07-01", "A", "", std::nullopt},  // 2 in the year
  };
  const inputs in(referrals(lines, {"LAchildID", "CINreferralDate", "Team"}), std::nullopt, "2020-06-30");
  csc::series_table_options o = by("Team");
  o.children_3_plus_referrals = true;
  const auto t = csc::build_series_table(csc::series_kind::quarterly, range("2019-04-01", "2019-09-30"), in.get(), o);
  check_rows(t, {"children_3_plus_referrals"},
             {
                 {"", 0, {"1"}},  // C1
                 {"", 1, {"1"}},  // C2
                 {"A", 0, {"0"}},
                 {"A", 1, {"1"}},
                 {"B", 0, {"0"}},
                 {"B", 1, {"0"}},
             });
  const auto year = csc::build_series_table(csc::series_kind::financial_year, range("2019-04-01", "2020-03-31"),
                                            in.get(), o);
  BOOST_TEST(year.rows[0].at("children_3_plus_referrals").text == "2");  // C1 and C2; C3 has 2
  BOOST_TEST(std::count(year.columns.begin(), year.columns.end(), "children_3_plus_referrals") == 1);
}

BOOST_AUTO_TEST_CASE(referral_outcomes_within_the_days_given) {
  struct outcome_line {
    const char* child;
    const char* date;
    const char* assessment;
    const char* s47;
    bool nfa;
  };
  const std::vector<outcome_line> lines = {
      {"C1", "2019-04-01", "2019-04-11", "2019-04-11", false},  // both on day 10: within
      {"C2", "2019-04-01", "2019-04-12", "", false},            // day 11: not within 10
      {"C3", "2019-04-01", "2019-03-31", "", false},            // before the referral: not an outcome of it
      {"C4", "2019-04-01", "", "", true},                       // NFA
      {"C5", "2020-03-25", "", "", false},                      // its 10 days pass the extract date: a note
  };
  csc::io::referral_table t;
  t.name = t.files.emplace_back("referrals.csv");
  t.items = {"LAchildID", "CINreferralDate", "ReferralNFA", "AssessmentActualStartDate", "S47ActualStartDate"};
  for (std::size_t i = 0; i < lines.size(); ++i)
    t.records.push_back(referral_record{lines[i].child, dy(lines[i].date), std::nullopt, "", lines[i].nfa, "",
                                        {0, i + 2}, {"", "", lines[i].assessment, lines[i].s47}});
  const inputs in(t, std::nullopt, "2020-03-31");
  csc::series_table_options o = by("");
  o.outcome_days = 10;
  BOOST_TEST(o.kept_items() ==
                 (std::vector<std::string>{"", "", "AssessmentActualStartDate", "S47ActualStartDate"}),
             boost::test_tools::per_element());
  const auto r = csc::build_series_table(csc::series_kind::financial_year, range("2019-04-01", "2020-03-31"), in.get(),
                                         o);
  check_rows(r,
             {"referral_count", "referral_assessment_count", "referral_assessment_percent", "referral_s47_count",
              "referral_s47_percent", "referral_nfa_count", "referral_nfa_percent"},
             {{"", 0, {"5", "1", "20.0", "1", "20.0", "1", "20.0"}}});
  BOOST_TEST(r.notes == std::vector<std::string>{"1 referral in 2019-20 is less than 10 days before the extract "
                                                 "date: its assessment and Section 47 may be to come"},
             boost::test_tools::per_element());
  t.records[1].kept[2] = "12/04/2019";
  const inputs bad(t, std::nullopt, "2020-03-31");
  BOOST_CHECK_EXCEPTION(
      csc::build_series_table(csc::series_kind::financial_year, range("2019-04-01", "2020-03-31"), bad.get(), o),
      csc::io::parse_error, [](const csc::io::parse_error& e) {
        return std::string(e.what()).find("AssessmentActualStartDate") != std::string::npos;
      });
  t.items.pop_back();
  const inputs missing(t, std::nullopt, "2020-03-31");
  BOOST_CHECK_THROW(
      csc::build_series_table(csc::series_kind::financial_year, range("2019-04-01", "2020-03-31"), missing.get(), o),
      std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(an_invalid_birth_date_is_an_error_naming_file_line_and_item) {
  const inputs in(referrals({{"C1", "2019-05-01", "2019-01-01", "", std::nullopt},
                             {"C2", "2019-05-01", "2019-02-30", "", std::nullopt}},
                            {"LAchildID", "CINreferralDate", "PersonBirthDate"}),
                  std::nullopt, "2020-06-30");
  try {
    csc::build_series_table(csc::series_kind::financial_year, range("2019-04-01", "2020-03-31"), in.get(),
                            by("age_band"));
    BOOST_FAIL("no error");
  } catch (const csc::io::parse_error& e) {
    BOOST_TEST(std::string(e.what()) ==
               "referrals.csv:3: field PersonBirthDate: '2019-02-30' is not a valid date of the form YYYY-MM-DD");
  }
}

BOOST_AUTO_TEST_CASE(by_previous_referral_nfa_groups_referrals_only) {
  const std::vector<referral_line> lines = {
      {"C1", "2019-04-10", "", "", true},
      {"C1", "2019-06-01", "", "", false},  // previous: NFA
      {"C1", "2019-09-01", "", "", false},  // previous: not NFA
      {"C2", "2019-05-01", "", "", false},
  };
  const inputs in(referrals(lines, {"LAchildID", "CINreferralDate", "ReferralNFA"}), plans(team_plans, team_plan_items),
                  "2020-06-30");
  const auto t = csc::build_series_table(csc::series_kind::financial_year, range("2019-04-01", "2020-03-31"), in.get(),
                                         by("previous_referral_nfa"));
  check_rows(t, {"referral_count", "rereferral_count", "CPP_start"},
             {
                 {"", 0, {"4", "2", "2"}},
                 {"no previous referral", 0, {"2", "0", "-"}},
                 {"previous referral NFA", 0, {"1", "1", "-"}},
                 {"previous referral not NFA", 0, {"1", "1", "-"}},
             });
  BOOST_TEST(t.records_without_key == 0U);
}

BOOST_AUTO_TEST_CASE(options_that_do_not_fit_the_inputs_are_errors) {
  struct error_case {
    const char* by;
    const char* family;
    bool nfa_item;
    const char* message;
  };
  const std::vector<error_case> cases = {
      {"NoSuchColumn", "", true, "--by NoSuchColumn: no input has a column of that name"},
      {"", "NoSuchColumn", true, "--family NoSuchColumn: no input has a column of that name"},
      {"previous_referral_nfa", "", false, "--by previous_referral_nfa needs a ReferralNFA column in referrals.csv"},
      {"age_band", "", true,
       "--by age_band needs a PersonBirthDate column (the age band is worked out from it) in referrals.csv"},
  };
  for (const error_case& c : cases) {
    BOOST_TEST_CONTEXT(c.message) {
      std::vector<std::string> items = {"LAchildID", "CINreferralDate"};
      if (c.nfa_item) items.push_back("ReferralNFA");
      const inputs in(referrals({{"C1", "2019-05-01", "", "", c.nfa_item ? std::optional<bool>(false) : std::nullopt}},
                                items),
                      std::nullopt, "2020-06-30");
      try {
        csc::build_series_table(csc::series_kind::financial_year, range("2019-04-01", "2020-03-31"), in.get(),
                                by(c.by, c.family));
        BOOST_FAIL("no error");
      } catch (const std::invalid_argument& e) {
        BOOST_TEST(std::string(e.what()) == c.message);
      }
    }
  }
  // Records without their classification.
  const inputs in(referrals(team_referrals, team_items), std::nullopt, "2020-06-30");
  csc::series_inputs bare = in.get();
  bare.classified_referrals = nullptr;
  BOOST_CHECK_THROW(csc::build_series_table(csc::series_kind::financial_year, range("2019-04-01", "2020-03-31"), bare,
                                            by("")),
                    std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(columns_follow_the_inputs_population_family_and_breakdown) {
  // CP plans only: step-downs from their timelines.
  const inputs in(referrals(team_referrals, {"LAchildID", "CINreferralDate", "Team", "FamilyID"}),
                  plans(team_plans, team_plan_items), "2020-06-30");
  const auto timelines = csc::build_timelines(csc::episodes(in.plan_records->records, csc::service_level::cp_plan,
                                                            &cp_plan_record::child, &cp_plan_record::start,
                                                            &cp_plan_record::end),
                                              dy("2020-06-30"));
  const auto transitions = csc::classify_transitions(timelines);
  struct column_case {
    const char* by;
    const char* family;
    std::optional<std::size_t> population;
    std::vector<std::string> columns;
  };
  const std::vector<std::string> base = {"referral_count", "rereferral_count", "rereferral_percent", "CPP_start",
                                         "CPP_subsequent", "CPP_subsequent_percent",
                                         "CPP_subsequent_within_2y_percent", "CPP_open"};
  const std::vector<std::string> stepdown = {"step_downs", "step_downs_re_escalated_percent", "bounces"};
  const auto join = [](std::vector<std::string> a, const std::vector<std::string>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
  };
  const std::vector<column_case> cases = {
      {"", "", std::nullopt, join(base, stepdown)},
      {"", "", 5000,
       join({"referral_count", "rereferral_count", "rereferral_percent", "referral_rate_per_10000", "CPP_start",
             "CPP_subsequent", "CPP_subsequent_percent", "CPP_subsequent_within_2y_percent", "CPP_open",
             "CPP_start_rate_per_10000"},
            stepdown)},
      // The family item is in the referrals only: no CPP_family_start.
      {"", "FamilyID", std::nullopt,
       join({"referral_count", "rereferral_count", "rereferral_percent", "referral_family_count", "CPP_start",
             "CPP_subsequent", "CPP_subsequent_percent", "CPP_subsequent_within_2y_percent", "CPP_open"},
            stepdown)},
      // Step-downs are not broken down; the share of all re-referrals needs groups.
      {"Team", "", std::nullopt,
       {"referral_count", "rereferral_count", "rereferral_percent", "rereferral_share_percent", "CPP_start",
        "CPP_subsequent", "CPP_subsequent_percent", "CPP_subsequent_within_2y_percent", "CPP_open"}},
  };
  csc::series_inputs si = in.get();
  si.transitions = &transitions;
  for (const column_case& c : cases) {
    BOOST_TEST_CONTEXT("by '" << c.by << "', family '" << c.family << "'") {
      csc::series_table_options o = by(c.by, c.family);
      o.population = c.population;
      const auto t = csc::build_series_table(csc::series_kind::financial_year, range("2019-04-01", "2020-03-31"), si, o);
      BOOST_TEST(t.columns == c.columns, boost::test_tools::per_element());
      for (const csc::series_row& r : t.rows) {  // step-down cells in the rows of all records only
        BOOST_TEST((r.cells.count("step_downs") == 1) == (r.group.empty() && !*c.by));
      }
    }
  }
  // The step-down cells are csc::measure's.
  const auto t = csc::build_series_table(csc::series_kind::financial_year, range("2019-04-01", "2020-03-31"), si, by(""));
  const auto m = csc::measure(transitions, csc::financial_year<csc::day>(2019), csc::count_stepdowns{});
  BOOST_TEST(t.rows[0].at("step_downs").text == std::to_string(m.step_downs.count));
  BOOST_TEST(t.rows[0].at("bounces").text == std::to_string(m.step_downs.bounces));
}

BOOST_AUTO_TEST_CASE(populations_per_period_by_the_mid_year_rule) {
  csc::population_estimates ons;
  ons.set(335, 2018, 60000);
  ons.set(335, 2019, 61000);
  ons.set(336, 2020, 1);  // another LA
  const csc::published_data data{335, &ons, nullptr, nullptr, nullptr};
  const csc::period_series<csc::day> s(csc::series_kind::financial_year, dy("2018-04-01"), dy("2020-06-30"));
  struct population_case {
    std::optional<std::size_t> fixed;
    const csc::published_data* data;
    std::vector<std::optional<std::size_t>> population;
    std::vector<std::string> notes;
  };
  const csc::published_data none{};
  const std::vector<population_case> cases = {
      // 2018-19 uses mid-2018, 2019-20 mid-2019, the partial 2020-21 mid-2020 (none for LA 335).
      {std::nullopt, &data, {60000, 61000, std::nullopt},
       {"no ONS population for LA 335 in mid-2020: rates for 2020-21 to 2020-06-30 are undefined"}},
      {5000, &data, {5000, 5000, 5000}, {}},  // a fixed population wins
      {std::nullopt, &none, {std::nullopt, std::nullopt, std::nullopt}, {}},
  };
  for (const population_case& c : cases) {
    BOOST_TEST_CONTEXT((c.fixed ? "fixed" : "estimates")) {
      const csc::period_populations p = csc::series_populations(s, c.fixed, *c.data);
      BOOST_TEST(p.population == c.population, boost::test_tools::per_element());
      BOOST_TEST(p.notes == c.notes, boost::test_tools::per_element());
    }
  }
  // In the table: the rate where there is a population, undefined where not, and the note.
  const inputs in(referrals(team_referrals, team_items), std::nullopt, "2020-06-30");
  const auto t = csc::build_series_table(csc::series_kind::financial_year, range("2018-04-01", "2020-06-30"), in.get(),
                                         by(""), data);
  check_rows(t, {"referral_count", "referral_rate_per_10000"},
             {{"", 0, {"0", "0.0"}}, {"", 1, {"4", "0.7"}}, {"", 2, {"0", "-"}}});  // 4 / 61000 * 10000 = 0.66
  BOOST_TEST(t.notes == cases[0].notes, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(families_per_group_with_suppression_and_a_note_for_records_without_one) {
  const std::vector<referral_line> lines = {
      {"C1", "2019-04-10", "A", "F1", std::nullopt}, {"C2", "2019-05-10", "A", "F1", std::nullopt},
      {"C3", "2019-06-10", "B", "", std::nullopt},   {"C4", "2019-07-10", "B", "F2", std::nullopt},
      {"C5", "2019-08-10", "A", "F3", std::nullopt},
  };
  const inputs in(referrals(lines, {"LAchildID", "CINreferralDate", "Team", "FamilyID"}), std::nullopt, "2020-06-30");
  csc::series_table_options o = by("Team", "FamilyID");
  const auto t = csc::build_series_table(csc::series_kind::quarterly, range("2019-04-01", "2019-09-30"), in.get(), o);
  check_rows(t, {"referral_count", "referral_family_count"},
             {
                 {"", 0, {"3", "1"}},  // F1 twice; C3 has no family
                 {"", 1, {"2", "2"}},
                 {"A", 0, {"2", "1"}},
                 {"A", 1, {"1", "1"}},
                 {"B", 0, {"1", "0"}},
                 {"B", 1, {"1", "1"}},
             });
  BOOST_TEST(t.notes == std::vector<std::string>{
                            "Referrals with no FamilyID value (at most 1 in any period) are in no family count"},
             boost::test_tools::per_element());
  o.suppress = true;
  const auto s = csc::build_series_table(csc::series_kind::quarterly, range("2019-04-01", "2019-09-30"), in.get(), o);
  check_rows(s, {"referral_count", "referral_family_count", "rereferral_percent"},
             {
                 {"", 0, {"c", "c", "c"}},  // a percentage of a suppressed count is suppressed
                 {"", 1, {"c", "c", "c"}},
                 {"A", 0, {"c", "c", "c"}},
                 {"A", 1, {"c", "c", "c"}},
                 {"B", 0, {"c", "0", "c"}},  // 0 is shown
                 {"B", 1, {"c", "c", "c"}},
             });
}

BOOST_AUTO_TEST_CASE(published_comparisons_of_c1_and_d3_with_the_local_figure_per_financial_year) {
  const char* header =
      "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,"
      "new_la_code,la_name,category,";
  const auto table = [&](const char* column, const char* rows) {
    std::istringstream text(std::string(header) + column + "\n" + rows);
    return csc::io::published_table::read(text, std::string(column) + ".csv");
  };
  const auto c1 = table("rereferral_percent",
                        "2018,Reporting year,National,E92000001,England,,,,,,Referrals,21.9\n"
                        "2019,Reporting year,National,E92000001,England,,,,,,Referrals,22.6\n"
                        "2019,Reporting year,Local authority,E92000001,England,E12000005,West Midlands,335,E1,Walsall,"
                        "Referrals,30.1\n"
                        "2019,Reporting year,Local authority,E92000001,England,E12000005,West Midlands,401,E2,A,"
                        "Referrals,20\n"
                        "2020,Reporting year,National,E92000001,England,,,,,,Referrals,22.6\n"
                        "2021,Reporting year,National,E92000001,England,,,,,,Referrals,22.7\n");
  const auto d3 = table("CPP_subsequent_percent", "2020,Reporting year,National,E92000001,England,,,,,,Plans,21.9\n");
  csc::io::statistical_neighbours sn;
  sn.la_number = 335;
  sn.neighbours = {401};
  const std::map<int, csc::io::statistical_neighbours> neighbours{{335, sn}};
  const std::vector<referral_line> lines = {
      {"C1", "2018-05-01", "", "", std::nullopt}, {"C1", "2018-06-01", "", "", std::nullopt},  // 2018-19: 1 of 2
      {"C2", "2019-05-01", "", "", std::nullopt}, {"C3", "2019-06-01", "", "", std::nullopt},
      {"C4", "2019-07-01", "", "", std::nullopt}, {"C4", "2019-08-01", "", "", std::nullopt},  // 2019-20: 1 of 4
  };
  const inputs referrals_only(referrals(lines, team_items), std::nullopt, "2020-06-30");
  const csc::published_data data{335, nullptr, &neighbours, &c1, &d3};
  csc::series_table_options o = by("");
  o.suppress = true;  // the local figure is suppressed as the series table's: 1 re-referral of 4 shows c
  // Rolling 12 months from 2019-01-01 reach back to 2018, but the years are those of the range: 2019, 2020;
  // the local figure of 2018-19 counts 2019-01-01 to 2019-03-31 only (a part year, no referrals), never the
  // whole year's referrals outside the range (issue 15).
  const auto t = csc::build_series_table(csc::series_kind::rolling_12, range("2019-01-01", "2020-03-31"),
                                         referrals_only.get(), o, data);
  BOOST_TEST_REQUIRE(t.published.size() == 1U);  // no CP plans: no D3
  const csc::published_comparison& c = t.published[0];
  BOOST_TEST(c.measure == "rereferral_percent");
  BOOST_TEST(c.lower_is_better);
  struct line_case {
    int year;
    const char* local;
    const char* la;
    const char* england;
    const char* sn_mean;
  };
  const std::vector<line_case> want = {{2019, "-", "30.1", "22.6", "20.0"}, {2020, "c", "", "22.6", "-"}};
  BOOST_TEST_REQUIRE(c.lines.size() == want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    BOOST_TEST_CONTEXT("year " << want[i].year) {
      BOOST_TEST(c.lines[i].year == want[i].year);
      BOOST_TEST(csc::figure_text(c.lines[i].local, "-") == want[i].local);
      BOOST_TEST(c.lines[i].la.text == want[i].la);
      BOOST_TEST(c.lines[i].england.text == want[i].england);
      BOOST_TEST(csc::figure_text(c.lines[i].sn_mean, "-") == want[i].sn_mean);
      BOOST_TEST(c.lines[i].partial == (i == 0));
    }
  }
  BOOST_TEST(c.lines[0].local_label == "2018-19 from 2019-01-01");
  BOOST_TEST(c.lines[1].local_label == "2019-20");
  // With CP plans too: C1 then D3.
  const inputs both(referrals(lines, team_items), plans(team_plans, team_plan_items), "2020-06-30");
  const auto b = csc::build_series_table(csc::series_kind::financial_year, range("2019-04-01", "2020-03-31"), both.get(),
                                         by(""), data);
  BOOST_TEST_REQUIRE(b.published.size() == 2U);
  BOOST_TEST(b.published[0].measure == "rereferral_percent");
  BOOST_TEST(b.published[1].measure == "CPP_subsequent_percent");
  BOOST_TEST_REQUIRE(b.published[1].lines.size() == 1U);
  BOOST_TEST(b.published[1].lines[0].local.text == "0.0");  // 2019-20: 2 plans, no repeat
}

// Issue 15: every measure DfE publishes for the inputs (C1 counts, rate, %, NFA %; D3 counts, rate, %; D5),
// rates of England from published counts and ONS estimates, counts and rates of a part year not compared.
BOOST_AUTO_TEST_CASE(every_published_measure_with_rates_nfa_and_d5) {
  const std::string header =
      "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,"
      "new_la_code,la_name,category,";
  const auto table = [&](const std::string& columns, const std::string& rows) {
    std::istringstream text(header + columns + "\n" + rows);
    return csc::io::published_table::read(text, "t.csv");
  };
  const std::string la = ",E12000005,West Midlands,335,E08000030,Walsall,X,";
  const auto c1 = table("referral_count,rereferral_percent,no_further_action_percent",
                        "2020,Reporting year,National,E92000001,England,,,,,,X,642980,22.6,6.3\n"
                        "2020,Reporting year,Local authority,E92000001,England" + la + "4540,19.7,10.5\n");
  const auto d3 = table("CPP_start,CPP_subsequent_percent",
                        "2020,Reporting year,National,E92000001,England,,,,,,X,66380,21.9\n");
  const auto d5 = table("CPP_At31,2_years_or_more_percent",
                        "2020,Reporting year,National,E92000001,England,,,,,,X,51510,3.4\n");
  const auto ons = table("population_estimate",
                         "2019,Reporting year,National,E92000001,England,,,,,,X,11790492\n"
                         "2019,Reporting year,Local authority,E92000001,England" + la + "40000\n");
  const std::vector<referral_line> lines = {
      {"C1", "2019-05-01", "", "", false}, {"C2", "2019-06-01", "", "", true},
      {"C3", "2019-07-01", "", "", false}, {"C4", "2019-08-01", "", "", false},
  };
  const std::vector<plan_line> plan_lines = {{"P1", "2017-06-01", "", "", ""}, {"P2", "2019-10-01", "", "", ""}};
  const inputs in(referrals(lines, {"LAchildID", "CINreferralDate", "ReferralNFA"}),
                  plans(plan_lines, {"LAchildID", "CPPstartDate"}), "2020-06-30");
  csc::published_data data;
  data.la = 335;
  data.c1 = &c1;
  data.d3 = &d3;
  data.d5 = &d5;
  data.ons = &ons;
  const auto t = csc::build_series_table(csc::series_kind::financial_year, range("2019-04-01", "2020-03-31"), in.get(),
                                         by(""), data);
  struct want_case {
    const char* measure;
    const char* local;
    const char* england;
    bool judged;
    const char* vs_england;
  };
  const std::vector<want_case> want = {
      {"referral_count", "4", "642980", false, "lower"},
      {"referral_rate_per_10000", "1.0", "545.3", false, "lower"},  // 642980 / 11790492 (mid-2019)
      {"rereferral_percent", "0.0", "22.6", true, "-"},  // look-back before the data (2019-05-01): marked, not judged
      {"no_further_action_percent", "25.0", "6.3", false, "higher"},
      {"CPP_start", "1", "66380", false, "lower"},
      {"CPP_start_rate_per_10000", "0.3", "56.3", false, "lower"},  // 1 / 40000; 66380 / 11790492
      {"CPP_subsequent_percent", "0.0", "21.9", true, "-"},  // earlier plans before the data, none declared
      {"2_years_or_more_percent", "50.0", "3.4", true, "worse"},  // P1 open since 2017-06-01 at 2020-03-31
  };
  BOOST_TEST_REQUIRE(t.published.size() == want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    const csc::published_comparison& c = t.published[i];
    BOOST_TEST_CONTEXT(want[i].measure) {
      BOOST_TEST(c.measure == want[i].measure);
      BOOST_TEST(!c.label.empty());
      BOOST_TEST(c.judged == want[i].judged);
      BOOST_TEST_REQUIRE(c.lines.size() == 1U);
      BOOST_TEST(csc::figure_text(c.lines[0].local, "-") == want[i].local);
      const std::string measure = want[i].measure;  // what needs history before the year: C1 look-back, D3 any
      BOOST_TEST(c.lines[0].history_incomplete == (measure == "rereferral_percent" || measure == "CPP_subsequent_percent"));
      if (std::string(want[i].england) != "-") {
        BOOST_TEST(c.lines[0].england.text == want[i].england);
        BOOST_TEST(csc::to_string(c.versus_england(c.lines[0])) == want[i].vs_england);
      }
    }
  }
  BOOST_TEST(t.published[1].computed);
  BOOST_TEST(t.published[1].lines[0].la.text == "1135.0");  // 4540 / 40000
  // A part year: counts and rates have no verdict, percentages keep theirs.
  const auto part = csc::build_series_table(csc::series_kind::financial_year, range("2019-04-01", "2019-06-30"),
                                            in.get(), by(""), data);
  BOOST_TEST(part.published[0].lines[0].partial);
  BOOST_TEST(part.published[0].lines[0].local_label == "2019-20 to 2019-06-30");
  BOOST_TEST(csc::figure_text(part.published[0].lines[0].local, "-") == "2");  // May and June only
  BOOST_TEST((part.published[0].versus_england(part.published[0].lines[0]) == csc::comparison_verdict::not_comparable));
  BOOST_TEST(csc::to_string(part.published[3].versus_england(part.published[3].lines[0])) == "higher");  // NFA 50.0
}

BOOST_AUTO_TEST_CASE(any_date_type_gives_the_same_table) {
  const inputs in(referrals(team_referrals, team_items), plans(team_plans, team_plan_items), "2020-06-30");
  const auto t = csc::build_series_table(csc::series_kind::quarterly, range("2019-05-15", "2020-03-31"), in.get(),
                                         by("Team"));
  const auto g = csc::build_series_table(
      csc::series_kind::quarterly, csc::interval<boost::gregorian::date>(csc_test::bd("2019-05-15"), csc_test::bd("2020-03-31")),
      in.get(), by("Team"));
  BOOST_TEST_REQUIRE(t.rows.size() == g.rows.size());
  BOOST_TEST(g.series[0].label == "2019-20 Q1 from 2019-05-15");
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    BOOST_TEST(t.rows[i].group == g.rows[i].group);
    BOOST_TEST(texts(t.rows[i], team_measures) == texts(g.rows[i], team_measures), boost::test_tools::per_element());
  }
}

BOOST_AUTO_TEST_SUITE_END()
