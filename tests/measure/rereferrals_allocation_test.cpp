// "No per-record heap allocation in the hot loop": classify_rereferrals makes
// a fixed number of allocations whatever the input size. Counted by replacing
// the global operator new in this test program only.
#include <csc/measure/rereferrals.hpp>

#include <cstdio>
#include <cstdlib>
#include <new>
#include <vector>

namespace {
std::size_t allocations = 0;
}

void* operator new(std::size_t n) {
  ++allocations;
  if (void* p = std::malloc(n == 0 ? 1 : n)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

namespace {
struct referral {
  long child;
  csc::civil_date date;
};

std::size_t allocations_for(std::size_t children, bool sorted) {
  std::vector<referral> v;
  for (std::size_t c = 0; c < children; ++c) {
    const long id = sorted ? static_cast<long>(c) : static_cast<long>((c * 7919) % children);
    v.push_back({id, csc::civil_date{2019, 1 + static_cast<unsigned>(c % 12), 10}});
    v.push_back({id, csc::civil_date{2019, 1 + static_cast<unsigned>(c % 12), 10}});  // same day: a finding
    v.push_back({id, csc::civil_date{2020, 1 + static_cast<unsigned>(c % 12), 11}});
  }
  if (!sorted) std::swap(v.front(), v.back());
  const csc::civil_date extract_date{2020, 12, 31};  // the latest referral date is 2020-12-11
  const std::size_t before = allocations;
  const auto c = csc::classify_rereferrals(v, &referral::child, &referral::date, extract_date);
  const std::size_t used = allocations - before;
  if (c.size() != v.size()) std::abort();
  return used;
}
}  // namespace

int main() {
  int failures = 0;
  for (const bool sorted : {true, false}) {
    const std::size_t small = allocations_for(100, sorted);
    const std::size_t large = allocations_for(100000, sorted);
    // Findings grow geometrically (amortised), so allow a logarithmic difference only.
    const bool ok = large <= small + 20;
    std::printf("%s input: %zu allocations for 300 referrals, %zu for 300000 -> %s\n", sorted ? "sorted" : "unsorted",
                small, large, ok ? "ok" : "FAIL (allocations grow with input size)");
    failures += !ok;
  }
  return failures;
}
