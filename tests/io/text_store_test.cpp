// Tests for include/csc/io/text_store.hpp and the text of record tables
// (docs/inputs.md, "Text without a string per record"): views stay valid while
// any copy of the table lives, whatever route read it (the census route:
// census_records_test census_tables_outlive_the_census). Run under ASan in CI,
// which turns a dangling view into a failure.
#include <csc/io/csv_records.hpp>
#include <csc/io/merge_extracts.hpp>
#include <csc/io/text_store.hpp>
#include <csc/measure/rereferrals.hpp>

#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace {
csc::io::referral_table extract(const std::string& name, const std::string& rows) {
  std::istringstream in("LAchildID,CINreferralDate,CINclosureDate,ReferralSource,Team\n" + rows);
  csc::io::extract_options o;
  o.keep = {"Team"};
  return csc::io::read_referrals_csv(in, name, o);
}
}  // namespace

// A record's text cannot view a temporary string (it would dangle at the end of
// the statement); strings the host keeps, views, literals and stores' text can.
static_assert(!std::is_convertible_v<std::string, csc::io::text_view>);
static_assert(!std::is_constructible_v<csc::io::text_view, std::string&&>);
static_assert(std::is_convertible_v<const std::string&, csc::io::text_view>);
static_assert(std::is_convertible_v<std::string&, csc::io::text_view>);
static_assert(std::is_convertible_v<std::string_view, csc::io::text_view>);
static_assert(std::is_convertible_v<const char*, csc::io::text_view>);
static_assert(!std::is_constructible_v<csc::io::referral_record, std::string, csc::day>);

BOOST_AUTO_TEST_SUITE(text_store_test)

// Every kept text reads back as given, through block ends and long texts, while
// later keeps fill new blocks (blocks never move).
BOOST_AUTO_TEST_CASE(views_stay_valid_as_the_store_grows) {
  csc::io::text_store s;
  BOOST_TEST(s.keep("").empty());
  std::vector<std::string> texts;
  std::vector<std::string_view> views;
  for (int i = 0; i < 20000; ++i) {
    std::string t = "child-" + std::to_string(i);
    if (i % 997 == 0) t.assign(20000 + i, static_cast<char>('a' + i % 26));  // over a quarter block: a block of its own
    if (i % 13 == 0) t.push_back('\0');                                      // any bytes
    texts.push_back(t);
    views.push_back(s.keep(t));
  }
  for (std::size_t i = 0; i < texts.size(); ++i) BOOST_TEST(views[i] == texts[i]);
  BOOST_TEST(s.bytes() >= 20000u * 6u);
}

// A table's copies share its stores: the original, the mapped file and the
// stream may all be gone.
BOOST_AUTO_TEST_CASE(copies_of_a_table_keep_its_text) {
  std::optional<csc::io::referral_table> t = extract("a.csv", " A1 ,2020-01-01,,1A,North\nB2,2020-02-01,,9Z,South\n");
  const csc::io::referral_table copy = *t;
  t.reset();
  BOOST_TEST(copy.records[0].child == "A1");  // trimmed
  BOOST_TEST(copy.records[1].referral_source == "9Z");
  BOOST_TEST((copy.records[1].kept == std::vector<std::string_view>{"South"}));
  BOOST_TEST(copy.texts.size() == 1u);
}

// merge_extracts gives the merged table every extract's stores.
BOOST_AUTO_TEST_CASE(a_merged_table_keeps_every_extracts_text) {
  std::optional<csc::io::referral_table> m;
  {
    std::vector<csc::io::referral_table> x;
    x.push_back(extract("2020.csv", "A,2019-05-01,,1A,North\nB,2019-06-01,,1A,North\n"));
    x.push_back(extract("2021.csv", "A,2019-05-01,2020-06-01,1A,East\nC,2020-09-01,,2A,West\n"));
    m = csc::io::merge_extracts(std::move(x));
  }
  BOOST_REQUIRE(m->records.size() == 3u);
  BOOST_TEST(m->records[0].child == "B");
  BOOST_TEST(m->records[1].child == "A");
  BOOST_TEST((m->records[1].kept == std::vector<std::string_view>{"East"}));
  BOOST_TEST(m->records[2].referral_source == "2A");
  BOOST_TEST(m->texts.size() == 2u);
}

// Read in parts, each part's store goes with the table.
BOOST_AUTO_TEST_CASE(a_table_read_in_parts_keeps_every_parts_text) {
  const std::string path = "csc-text-store-test-parts.csv";
  {
    std::ofstream out(path, std::ios::binary);
    out << "LAchildID,CINreferralDate,ReferralSource\n";
    for (int i = 0; i < 5000; ++i) out << "child" << i << ",2020-01-0" << (1 + i % 9) << ",1A\n";
  }
  std::optional<csc::io::referral_table> t;
  {
    const csc::io::mapped_file file(path);
    t = csc::io::read_referrals_csv(file, {}, 4, csc::io::one_after_another{});
  }
  std::remove(path.c_str());
  BOOST_REQUIRE(t->records.size() == 5000u);
  BOOST_TEST(t->texts.size() == 4u);
  for (int i = 0; i < 5000; i += 499) BOOST_TEST(t->records[static_cast<std::size_t>(i)].child == "child" + std::to_string(i));
}

// `kept` holds one value per name asked for; none when no name is (csc-report
// without a breakdown): no vector per record.
BOOST_AUTO_TEST_CASE(kept_is_empty_when_no_item_is_named) {
  const auto read = [](std::vector<std::string> keep) {
    std::istringstream in("LAchildID,CINreferralDate,Team\nA,2020-01-01,North\n");
    csc::io::extract_options o;
    o.keep = std::move(keep);
    const auto t = csc::io::read_referrals_csv(in, "k.csv", o);
    return std::vector<std::string>(t.records.at(0).kept.begin(), t.records.at(0).kept.end());  // copied: t dies here
  };
  BOOST_TEST(read({}).empty());
  BOOST_TEST(read({"", ""}).empty());
  BOOST_TEST((read({"", "Team"}) == std::vector<std::string>{"", "North"}));
  BOOST_TEST((read({"Missing"}) == std::vector<std::string>{""}));
}

#ifdef __linux__
// A file read whole (here /proc/self/comm: st_size 0, a few bytes) keeps its bytes
// where they are when the mapped_file is moved (a short std::string would not).
BOOST_AUTO_TEST_CASE(a_file_read_whole_keeps_its_bytes_through_a_move) {
  auto a = std::make_unique<csc::io::mapped_file>("/proc/self/comm");
  BOOST_TEST(!a->mapped());
  const std::string want(a->bytes());
  const std::string_view view = a->bytes();
  const csc::io::mapped_file b(std::move(*a));
  a.reset();
  BOOST_TEST(!want.empty());
  BOOST_TEST(std::string(view) == want);
  BOOST_TEST(b.bytes() == want);
  BOOST_TEST((static_cast<const void*>(b.bytes().data()) == static_cast<const void*>(view.data())));  // not moved
}
#endif

// The host's own table (docs/inputs.md): its text kept in a store it adds to `texts`.
BOOST_AUTO_TEST_CASE(a_host_table_keeps_its_text_in_a_store) {
  csc::io::referral_table t;
  {
    const std::string id_from_my_system = std::string("HOST-") + "0042";  // gone at the end of the block
    auto store = std::make_shared<csc::io::text_store>();
    t.records.push_back({store->keep(id_from_my_system), csc::day(csc::civil_date{2024, 5, 1}), std::nullopt, {},
                         std::nullopt, {}, {}, {}});
    t.texts.push_back(store);
  }
  t.records.push_back({"HOST-0042", csc::day(csc::civil_date{2024, 8, 1}), std::nullopt, {}, std::nullopt, {}, {}, {}});
  using record = csc::io::referral_record;
  const auto c = csc::classify_rereferrals(t.records, &record::child, &record::referral, csc::day(csc::civil_date{2025, 1, 1}));
  BOOST_TEST(c.child_count() == 1u);
  BOOST_TEST(c.child_id(0) == "HOST-0042");
  BOOST_TEST((c[1].type == csc::referral_type::rereferral));
}

BOOST_AUTO_TEST_SUITE_END()
