// Reading overlapping CSV extracts with csc-metrics' own readers, then
// counting re-referrals (docs/inputs.md). Usage: read-extracts OLDER.csv NEWER.csv ...
#include <csc/core/extract_date.hpp>
#include <csc/io/csv_records.hpp>
#include <csc/io/merge_extracts.hpp>
#include <csc/measure/measure.hpp>
#include <csc/measure/rereferrals.hpp>

#include <iostream>
#include <vector>

int main(int argc, char** argv) try {
  if (argc < 2) {
    std::cerr << "usage: read-extracts REFERRALS.csv... (extracts of one input, oldest first)\n";
    return 2;
  }
  csc::io::extract_options options;
  options.dates = csc::io::date_format::dmy;  // a UK spreadsheet export
  options.skip_invalid_records = true;        // leave bad rows out, listed in `rejected`
  std::vector<csc::io::referral_table> extracts;
  for (int i = 1; i < argc; ++i) {
    const csc::io::mapped_file file(argv[i]);  // memory-mapped: fields are read as views
    extracts.push_back(csc::io::read_referrals_csv(file, options));
  }
  const csc::io::referral_table referrals = csc::io::merge_extracts(std::move(extracts));
  using record = csc::io::referral_record;
  const auto extract_date = csc::io::latest_date(referrals).value();  // throws for no records
  const auto classified = csc::classify_rereferrals(referrals.records, &record::child, &record::referral, extract_date);
  const auto m = csc::measure(classified, csc::financial_year<csc::day>(2019), csc::count_rereferrals{});
  std::cout << "2019-20: " << m.rereferral_count << " of " << m.referral_count << " referrals were re-referrals; "
            << referrals.superseded << " superseded, " << referrals.rejected.size() << " left out\n";
  for (const csc::io::parse_error& e : referrals.rejected) std::cout << "  " << e.what() << '\n';
} catch (const std::exception& e) {
  std::cerr << e.what() << '\n';
  return 1;
}
