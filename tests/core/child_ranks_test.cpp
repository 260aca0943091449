// Tests for include/csc/core/detail/child_ranks.hpp: children numbered once
// (child_interner), ranked by the id's <, and records ordered by child rank,
// then key, then input index; the same order as one comparison sort, whatever
// the hash (all ids colliding included) and whatever the id type.
#include <csc/core/detail/child_ranks.hpp>
#include <csc/measure/rereferrals.hpp>

#include "../support/test_dates.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstddef>
#include <functional>
#include <numeric>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace {
// An id whose hash is the same for every value: every lookup probes past every other id.
struct colliding_id {
  int value;
  bool operator==(const colliding_id& o) const { return value == o.value; }
  bool operator<(const colliding_id& o) const { return value < o.value; }
};
// An id without std::hash: not internable, ordered by the comparison sort.
struct ordered_only_id {
  int value;
  bool operator==(const ordered_only_id& o) const { return value == o.value; }
  bool operator<(const ordered_only_id& o) const { return value < o.value; }
};
}  // namespace

namespace std {
template <>
struct hash<colliding_id> {
  std::size_t operator()(const colliding_id&) const noexcept { return 42; }
};
}  // namespace std

BOOST_AUTO_TEST_SUITE(child_ranks_test)

template <class Id>
void check_order_matches_comparison_sort(const std::vector<Id>& ids, const std::vector<int>& key) {
  std::vector<std::size_t> got, starts;
  csc::detail::order_by_child_rank(
      ids.size(), [&](std::size_t i) -> const Id& { return ids[i]; },
      [&](std::size_t a, std::size_t b) { return key[a] < key[b]; }, got, starts);
  std::vector<std::size_t> want(ids.size());
  std::iota(want.begin(), want.end(), std::size_t{0});
  std::sort(want.begin(), want.end(), [&](std::size_t a, std::size_t b) {
    if (ids[a] < ids[b]) return true;
    if (ids[b] < ids[a]) return false;
    if (key[a] != key[b]) return key[a] < key[b];
    return a < b;
  });
  BOOST_TEST(got == want, boost::test_tools::per_element());
  // starts: where each distinct id's run begins in `got`, then n.
  std::vector<std::size_t> want_starts;
  for (std::size_t g = 0; g < want.size(); ++g)
    if (g == 0 || ids[want[g]] < ids[want[g - 1]] || ids[want[g - 1]] < ids[want[g]]) want_starts.push_back(g);
  want_starts.push_back(want.size());
  BOOST_TEST(starts == want_starts, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(string_ids_in_any_order_are_ordered_as_a_comparison_sort_orders_them) {
  std::vector<std::string> ids;
  std::vector<int> key;
  for (int i = 0; i < 5000; ++i) {
    ids.push_back("C" + std::to_string((i * 7919) % 1700));  // repeats, unsorted
    key.push_back((i * 31) % 7);                               // ties within a child
  }
  check_order_matches_comparison_sort(ids, key);
}

BOOST_AUTO_TEST_CASE(text_ids_ranked_by_their_first_eight_bytes_then_whole_agree_with_less) {
  // The radix path for text ids: ids sharing eight-byte prefixes, ids that are
  // prefixes of each other, embedded NULs (padding is NUL too), bytes >= 0x80
  // (compared unsigned), empty ids; as std::string and as std::string_view.
  std::vector<std::string> distinct{"",          std::string("a\0", 2), "a",        "a0",        "LA000001",
                                    "LA0000010", "LA0000010x", "LA000001\xff", "LA000001\x01", "\xe9t\xe9",
                                    "zz",        "Z",          "LA00000",    "LA000002",  std::string("LA000001\0", 9)};
  std::vector<std::string> ids;
  std::vector<int> key;
  for (int i = 0; i < 3000; ++i) {
    const std::size_t j = static_cast<std::size_t>((i * 7) % 3001) % distinct.size();
    ids.push_back(i % 4 == 0 ? distinct[j] : distinct[j] + std::to_string((i * 13) % 97));
    key.push_back(i % 5);
  }
  check_order_matches_comparison_sort(ids, key);
  std::vector<std::string_view> views(ids.begin(), ids.end());
  check_order_matches_comparison_sort(views, key);
}

BOOST_AUTO_TEST_CASE(integer_ids_with_a_common_stride_and_colliding_hashes) {
  std::vector<long> strided;
  std::vector<colliding_id> colliding;
  std::vector<int> key;
  for (int i = 0; i < 600; ++i) {
    strided.push_back(static_cast<long>((i * 37) % 150) * 4096);
    colliding.push_back(colliding_id{(i * 37) % 150});
    key.push_back(i % 3);
  }
  check_order_matches_comparison_sort(strided, key);
  check_order_matches_comparison_sort(colliding, key);
}

BOOST_AUTO_TEST_CASE(interner_numbers_each_distinct_id_once_and_ranks_by_less) {
  csc::detail::child_interner<std::string> interner;
  const std::vector<std::string> ids{"b", "a", "c", "a", "b", "d"};
  std::vector<std::uint32_t> ordinal;
  for (const auto& id : ids) ordinal.push_back(interner.intern(id));
  BOOST_TEST(ordinal == (std::vector<std::uint32_t>{0, 1, 2, 1, 0, 3}), boost::test_tools::per_element());
  BOOST_TEST(interner.ranks() == (std::vector<std::uint32_t>{1, 0, 2, 3}), boost::test_tools::per_element());
  static_assert(csc::detail::is_internable_v<std::string>);
  static_assert(csc::detail::is_internable_v<colliding_id>);
  static_assert(!csc::detail::is_internable_v<ordered_only_id>);
}

BOOST_AUTO_TEST_CASE(classification_is_the_same_for_hashable_and_ordered_only_ids) {
  struct referral {
    int child;
    csc::civil_date date;
  };
  std::vector<referral> v;
  for (int i = 0; i < 400; ++i) {
    v.push_back({(i * 13) % 90, csc::civil_date{2019 + i % 3, 1 + static_cast<unsigned>(i % 12), 1 + static_cast<unsigned>(i % 5)}});
  }
  const csc::civil_date extract{2022, 3, 31};
  const auto hashed = csc::classify_rereferrals(v, &referral::child, &referral::date, extract);
  const auto ordered = csc::classify_rereferrals(
      v, [](const referral& r) { return ordered_only_id{r.child}; }, &referral::date, extract);
  BOOST_TEST_REQUIRE(hashed.size() == ordered.size());
  BOOST_TEST(hashed.child_count() == ordered.child_count());
  for (std::size_t k = 0; k < hashed.size(); ++k) {
    BOOST_TEST(hashed.by_child()[k].record == ordered.by_child()[k].record);
    BOOST_TEST(hashed.by_child()[k].child == ordered.by_child()[k].child);
    BOOST_TEST(static_cast<int>(hashed.by_child()[k].type) == static_cast<int>(ordered.by_child()[k].type));
  }
  BOOST_TEST(hashed.findings().size() == ordered.findings().size());
}

// Numbering ids behind their prefetches (timelines) gives each id the ordinal
// numbering it at once gives, for runs shorter than, equal to and longer than the
// look-ahead, with std::string ids of changing lengths (slots reused).
BOOST_AUTO_TEST_CASE(prefetching_interner_numbers_as_intern_does) {
  for (const std::size_t n : {0u, 1u, 15u, 16u, 17u, 33u, 5000u}) {
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < n; ++i)
      ids.push_back(std::string(1 + (i * 7) % 40, 'x') + std::to_string((i * 2654435761u) % (n / 3 + 1)));
    csc::detail::child_interner<std::string> direct(0);
    std::vector<std::uint32_t> want;
    for (const std::string& id : ids) want.push_back(direct.intern(id));
    csc::detail::child_interner<std::string> deferred(0);
    std::vector<std::uint32_t> got(n, 999999u);
    csc::detail::prefetching_interner<std::string> numbering(deferred, got);
    for (std::size_t i = 0; i < n; ++i) numbering.push(ids[i], i);
    numbering.finish();
    BOOST_TEST(got == want, boost::test_tools::per_element());
    BOOST_TEST(deferred.ids() == direct.ids(), boost::test_tools::per_element());
  }
}

// Items index records with 32 bits: the classifiers refuse more than 4294967294
// records rather than wrap an index (checked on the bound itself; no such input is built).
BOOST_AUTO_TEST_CASE(more_than_32_bit_record_counts_are_refused) {
  BOOST_CHECK_NO_THROW(csc::detail::require_32_bit_record_count(0, "x"));
  BOOST_CHECK_NO_THROW(csc::detail::require_32_bit_record_count(4294967294u, "x"));
  if constexpr (sizeof(std::size_t) > 4) {
    BOOST_CHECK_THROW(csc::detail::require_32_bit_record_count(std::size_t{4294967295u}, "x"), std::length_error);
    BOOST_CHECK_THROW(csc::detail::require_32_bit_record_count(std::size_t{1} << 33, "x"), std::length_error);
  }
}

BOOST_AUTO_TEST_SUITE_END()
