// libFuzzer target: the CIN census XML reader, merge and DfE checks on any
// bytes, records that cannot be read left out (cin_read_options). Malformed
// input must end in csc::io::parse_error (or a clean read);
// anything else (a crash, a leak, undefined behaviour, another exception) is
// a finding. Run by tests/fuzz/run.sh.
#include <csc/checks/cin_census_checks.hpp>

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  csc::io::cin_census census;
  try {
    csc::io::read_cin_census(in, "fuzz.xml", census, csc::io::cin_read_options{true});
  } catch (const csc::io::parse_error&) {
    return 0;
  }
  // What is left after rejections must hang together: every record's parent exists.
  for (const auto& e : census.episodes)
    if (e.child >= census.children.size()) __builtin_trap();
  for (const auto& p : census.cp_plans)
    if (p.episode >= census.episodes.size()) __builtin_trap();
  csc::io::merge(census);
  const auto findings = csc::io::check_cin_census(census);
  for (const auto& f : findings) {
    (void)census.where(f);
    (void)census.where_related(f);
    if (!census.child_of(f)) __builtin_trap();  // every check finding names a child
  }
  for (const auto& n : census.notes) {
    (void)census.where(n);
    (void)census.where_related(n);
  }
  return 0;
}
