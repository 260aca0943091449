// Tests for include/csc/report/secondary_suppression.hpp (docs/rules/suppression.md).
#include <csc/report/secondary_suppression.hpp>

#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <stdexcept>
#include <vector>

BOOST_AUTO_TEST_SUITE(secondary_suppression_test)

namespace {
// A rows x columns table with its row totals, column totals and grand total:
// cells r*columns+c, then row totals, then column totals, then the grand total.
struct cross_tab {
  std::vector<std::size_t> counts;
  std::vector<csc::additive_relation> relations;
};
cross_tab make_cross_tab(const std::vector<std::vector<std::size_t>>& cells) {
  cross_tab t;
  const std::size_t rows = cells.size(), columns = cells.front().size();
  for (const auto& row : cells) t.counts.insert(t.counts.end(), row.begin(), row.end());
  const std::size_t row_total = t.counts.size(), column_total = row_total + rows, grand = column_total + columns;
  t.counts.resize(grand + 1, 0);
  csc::additive_relation all_rows{grand, {}}, all_columns{grand, {}};
  for (std::size_t r = 0; r < rows; ++r) {
    csc::additive_relation rel{row_total + r, {}};
    for (std::size_t c = 0; c < columns; ++c) {
      rel.parts.push_back(r * columns + c);
      t.counts[row_total + r] += cells[r][c];
    }
    t.relations.push_back(rel);
    all_rows.parts.push_back(row_total + r);
  }
  for (std::size_t c = 0; c < columns; ++c) {
    csc::additive_relation rel{column_total + c, {}};
    for (std::size_t r = 0; r < rows; ++r) {
      rel.parts.push_back(r * columns + c);
      t.counts[column_total + c] += cells[r][c];
    }
    t.relations.push_back(rel);
    all_columns.parts.push_back(column_total + c);
  }
  for (std::size_t r = 0; r < rows; ++r) t.counts[grand] += t.counts[row_total + r];
  t.relations.push_back(all_rows);
  t.relations.push_back(all_columns);
  return t;
}
std::size_t hidden_count(const std::vector<bool>& h) {
  std::size_t n = 0;
  for (const bool b : h) n += b ? 1 : 0;
  return n;
}
}  // namespace

BOOST_AUTO_TEST_CASE(the_issue_case_13_minus_10_is_no_longer_3) {
  // The all-records row is 13, two groups 10 and 3: primary hides only the 3.
  const std::vector<std::size_t> counts{13, 10, 3};
  const std::vector<csc::additive_relation> relations{{0, {1, 2}}};
  const std::vector<bool> hidden = csc::suppress_with_totals(counts, relations);
  BOOST_TEST(hidden == (std::vector<bool>{false, true, true}));
  BOOST_TEST(csc::recoverable_by_subtraction(hidden, relations).empty());
}

BOOST_AUTO_TEST_CASE(without_a_small_count_nothing_is_hidden) {
  const std::vector<std::size_t> counts{30, 10, 20, 0};
  const std::vector<csc::additive_relation> relations{{0, {1, 2, 3}}};
  BOOST_TEST(hidden_count(csc::suppress_with_totals(counts, relations)) == 0u);
}

BOOST_AUTO_TEST_CASE(the_secondary_cell_is_the_smallest_visible_non_zero_part_then_a_zero_then_the_total) {
  // 3 hidden; parts 0, 9, 7: the 7 is hidden, not the 0.
  BOOST_TEST(csc::suppress_with_totals({19, 3, 0, 9, 7}, {{0, {1, 2, 3, 4}}}) ==
             (std::vector<bool>{false, true, false, false, true}));
  // Only a zero beside the 3: the zero is hidden.
  BOOST_TEST(csc::suppress_with_totals({3, 3, 0}, {{0, {1, 2}}}) == (std::vector<bool>{true, true, false}));
  BOOST_TEST(csc::suppress_with_totals({9, 0, 9}, {{0, {1, 2}}}, std::vector<bool>{false, false, true}) ==
             (std::vector<bool>{false, true, true}));
  // One part, equal to its total: a hidden part hides the total.
  BOOST_TEST(csc::suppress_with_totals({8, 8}, {{0, {1}}}, std::vector<bool>{false, true}) ==
             (std::vector<bool>{true, true}));
  // A hidden total hides the smallest part (ties: the first).
  BOOST_TEST(csc::suppress_with_totals({20, 10, 10}, {{0, {1, 2}}}, std::vector<bool>{true, false, false}) ==
             (std::vector<bool>{true, true, false}));
}

BOOST_AUTO_TEST_CASE(a_cross_tab_has_no_cell_recoverable_from_its_row_or_column) {
  const std::vector<std::vector<std::vector<std::size_t>>> tables{
      {{3, 10, 12}, {8, 9, 20}, {15, 6, 7}},
      {{1, 0, 0}, {0, 0, 0}, {0, 0, 40}},
      {{2, 40}, {30, 50}},
      {{4, 4, 4, 4}, {4, 4, 4, 4}},
      {{0, 6, 6, 2}, {6, 6, 6, 6}, {5, 6, 6, 6}},
      {{100}},
      {{3}}};
  for (const auto& cells : tables) {
    const cross_tab t = make_cross_tab(cells);
    const std::vector<bool> hidden = csc::suppress_with_totals(t.counts, t.relations);
    BOOST_TEST(csc::recoverable_by_subtraction(hidden, t.relations).empty());
    for (std::size_t i = 0; i < t.counts.size(); ++i)
      if (csc::is_suppressed_count(t.counts[i])) BOOST_TEST(hidden[i]);
  }
}

BOOST_AUTO_TEST_CASE(recoverable_cells_are_the_single_hidden_cells_of_a_relation) {
  const std::vector<csc::additive_relation> relations{{0, {1, 2}}, {3, {1, 4}}};
  BOOST_TEST(csc::recoverable_by_subtraction({false, true, false, false, false}, relations) ==
             (std::vector<std::size_t>{1, 1}));
  BOOST_TEST(csc::recoverable_by_subtraction({false, true, true, false, true}, relations).empty());
}

BOOST_AUTO_TEST_CASE(bad_indices_and_sizes_are_errors) {
  BOOST_CHECK_THROW(csc::suppress_with_totals({1, 2}, {{0, {5}}}), std::out_of_range);
  BOOST_CHECK_THROW(csc::suppress_with_totals({1, 2}, {{0, {1}}}, std::vector<bool>{true}), std::invalid_argument);
  BOOST_CHECK_THROW(csc::recoverable_by_subtraction({true}, {{0, {1}}}), std::out_of_range);
}

BOOST_AUTO_TEST_SUITE_END()
