// The floor program of the England-scale benchmark (benchmarks/england/run.py):
// the least a C++ program must do to count C1 from a referrals extract, with
// no checks, no findings and no classification kept. It memory-maps the file,
// splits lines and fields (no quoting; the csc-synth extracts have none),
// numbers children with a std::unordered_map<std::string_view, uint32_t>,
// parses ISO dates, sorts 64-bit (child, day) keys with std::sort and counts
// in one pass: referrals dated in the financial year and, of those,
// re-referrals (a strictly earlier referral of the child on or after the day
// 12 months before, month ends clamped: counting-rules.md).
//
// Usage: csc-floor-referrals referrals.csv 2023-24   (prints one JSON object)
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

unsigned days_in_month(std::int64_t y, unsigned m) {
  static const unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : days[m - 1];
}

bool digits(std::string_view s, std::size_t at, std::size_t n, unsigned& out) {
  out = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + static_cast<unsigned>(s[i] - '0');
  }
  return true;
}

struct ymd {
  unsigned y, m, d;
};

bool parse_iso(std::string_view s, ymd& out) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return false;
  return digits(s, 0, 4, out.y) && digits(s, 5, 2, out.m) && digits(s, 8, 2, out.d) && out.m >= 1 && out.m <= 12 &&
         out.d >= 1 && out.d <= days_in_month(out.y, out.m);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3 || std::strlen(argv[2]) != 7) {
    std::fprintf(stderr, "usage: csc-floor-referrals referrals.csv 2023-24\n");
    return 2;
  }
  const auto started = std::chrono::steady_clock::now();
  const int fd = open(argv[1], O_RDONLY);
  struct stat st {};
  if (fd < 0 || fstat(fd, &st) != 0) {
    std::perror(argv[1]);
    return 1;
  }
  const auto size = static_cast<std::size_t>(st.st_size);
  const char* data = static_cast<const char*>(size ? mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0) : nullptr);
  if (size && data == MAP_FAILED) {
    std::perror("mmap");
    return 1;
  }
  const std::string_view text(data, size);
  const int fy = std::atoi(argv[2]);
  const std::int64_t fy_start = days_from_civil(fy, 4, 1), fy_end = days_from_civil(fy + 1, 3, 31);

  // The header: which fields are LAchildID and CINreferralDate.
  std::size_t pos = text.find('\n');
  const std::string_view header = text.substr(0, pos == std::string_view::npos ? text.size() : pos);
  int child_col = -1, date_col = -1, col = 0;
  for (std::size_t a = 0; a <= header.size(); ++col) {
    std::size_t b = header.find(',', a);
    if (b == std::string_view::npos) b = header.size();
    std::string_view name = header.substr(a, b - a);
    if (!name.empty() && name.back() == '\r') name.remove_suffix(1);
    if (name == "LAchildID") child_col = col;
    if (name == "CINreferralDate") date_col = col;
    a = b + 1;
  }
  if (child_col < 0 || date_col < 0) {
    std::fprintf(stderr, "%s: no LAchildID or CINreferralDate column\n", argv[1]);
    return 1;
  }

  std::unordered_map<std::string_view, std::uint32_t> ordinal;
  ordinal.reserve(size / 64);
  std::vector<std::uint64_t> keys;  // child << 32 | (day + 2^31)
  keys.reserve(size / 48);
  std::size_t line = 1;
  for (pos = pos == std::string_view::npos ? text.size() : pos + 1; pos < text.size();) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view row = text.substr(pos, end - pos);
    pos = end + 1;
    ++line;
    if (!row.empty() && row.back() == '\r') row.remove_suffix(1);
    if (row.empty()) continue;
    std::string_view child, date;
    col = 0;
    for (std::size_t a = 0; a <= row.size(); ++col) {
      std::size_t b = row.find(',', a);
      if (b == std::string_view::npos) b = row.size();
      if (col == child_col) child = row.substr(a, b - a);
      if (col == date_col) date = row.substr(a, b - a);
      a = b + 1;
    }
    ymd d{};
    if (child.empty() || !parse_iso(date, d)) {
      std::fprintf(stderr, "%s:%zu: no child id or no ISO date\n", argv[1], line);
      return 1;
    }
    const auto k = ordinal.emplace(child, static_cast<std::uint32_t>(ordinal.size())).first->second;
    const std::int64_t day = days_from_civil(d.y, d.m, d.d);
    keys.push_back(static_cast<std::uint64_t>(k) << 32 | static_cast<std::uint32_t>(day + (std::int64_t{1} << 31)));
  }
  std::sort(keys.begin(), keys.end());

  std::size_t referrals = 0, rereferrals = 0;
  std::int64_t previous_day = 0;  // the child's latest date before the current date
  std::int64_t current_day = 0;
  bool has_previous = false;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const std::uint64_t child = keys[i] >> 32;
    const std::int64_t day = static_cast<std::int64_t>(keys[i] & 0xffffffffu) - (std::int64_t{1} << 31);
    if (i == 0 || child != keys[i - 1] >> 32) {
      has_previous = false;
    } else if (day != current_day) {
      has_previous = true;
      previous_day = current_day;
    }
    current_day = day;
    if (day < fy_start || day > fy_end) continue;
    ++referrals;
    if (!has_previous) continue;
    // 12 months before, month end clamped: from the civil date of `day`.
    const std::int64_t z = day + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned dd = doy - (153 * mp + 2) / 5 + 1;
    const unsigned mm = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t yy = static_cast<std::int64_t>(yoe) + era * 400 + (mm <= 2);
    const std::int64_t window_start = days_from_civil(yy - 1, mm, std::min(dd, days_in_month(yy - 1, mm)));
    if (previous_day >= window_start) ++rereferrals;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf("{\"referral_count\": %zu, \"rereferral_count\": %zu, \"rows\": %zu, \"children\": %zu, \"seconds\": %.4f}\n",
              referrals, rereferrals, keys.size(), ordinal.size(), seconds);
  return 0;
}
