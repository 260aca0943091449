/// @file
/// @brief `csc::day`: a calendar day as a strong type (days since
/// 1970-01-01, like `date::sys_days`), and `csc::days`, a count of days.
/// Every date inside the library and in every result is a `csc::day`; it
/// converts to and from any host date type through csc::date_traits
/// (docs/custom-date-type.md).
#ifndef CSC_CORE_DAY_HPP
#define CSC_CORE_DAY_HPP

#include <csc/core/civil_date.hpp>

#include <chrono>
#include <cstdint>
#include <limits>
#include <ostream>
#include <ratio>
#include <string>

namespace csc {

/// @brief A number of whole days (a `std::chrono::duration` of 86,400 s):
/// the difference of two csc::day values, gaps and durations.
using days = std::chrono::duration<std::int32_t, std::ratio<86400>>;

/// @brief Customisation point: how csc-metrics reads and makes dates of type
/// @p D (specialised in core/date_traits.hpp; declared here so that
/// csc::day::to() can name it). How to specialise it: docs/custom-date-type.md.
/// @tparam D      the date type described (boost::gregorian::date,
///                std::chrono::year_month_day, csc::civil_date, csc::day, or the host's).
/// @tparam Enable SFINAE hook for partial specialisations; leave it `void`.
template <class D, class Enable = void>
struct date_traits;

/// @brief A calendar day: a point on the proleptic Gregorian calendar,
/// counted in days since 1970-01-01.
///
/// A strong type: no implicit conversion to or from integers, so
/// `c.day + c.child` does not compile. `day - day` is csc::days,
/// `day + days` and `day - days` are days; comparisons are chronological.
/// Convert to a host date with `to<D>()` (or csc::to_date), from one with
/// csc::to_day. Rule source: docs/rules/intervals.md (days, both ends included).
class day {
 public:
  /// @brief 1970-01-01.
  constexpr day() noexcept = default;
  /// @brief The day @p since_epoch days after 1970-01-01 (before it if negative).
  /// @param since_epoch the offset from 1970-01-01, in days.
  constexpr explicit day(days since_epoch) noexcept : count_(since_epoch.count()) {}
  /// @brief The day of the valid calendar date @p c (c.ok() is the caller's duty).
  /// @param c a valid proleptic Gregorian date.
  ///
  /// Counts in 400-year eras of 146,097 days, with years starting on 1 March
  /// so that the leap day is the last day of the counting year.
  constexpr explicit day(const civil_date& c) noexcept : count_(days_from_civil(c)) {}

  /// @brief The latest representable day: the end of an open interval
  /// (docs/rules/intervals.md).
  /// @return the day 2^31 - 1 days after 1970-01-01.
  static constexpr day max() noexcept { return day(days(std::numeric_limits<std::int32_t>::max())); }

  /// @brief Days since 1970-01-01 (a csc::days, not a bare integer).
  /// @return the offset from 1970-01-01, in days (negative before it).
  constexpr days since_epoch() const noexcept { return days(count_); }

  /// @brief Year, month and day of this day.
  /// @return the proleptic Gregorian calendar date (always ok()).
  constexpr civil_date civil() const noexcept {
    const int z = count_ + 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const int day_of_era = z - era * 146097;                                           // [0, 146096]
    const int year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const int day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const int month_from_march = (5 * day_of_year + 2) / 153;                          // [0, 11]
    const unsigned d = static_cast<unsigned>(day_of_year - (153 * month_from_march + 2) / 5 + 1);
    const unsigned m = static_cast<unsigned>(month_from_march < 10 ? month_from_march + 3 : month_from_march - 9);
    return civil_date{year_of_era + era * 400 + (m <= 2 ? 1 : 0), m, d};
  }

  /// @brief This day as a value of host date type @p D (through csc::date_traits<D>).
  /// @tparam D a date type with csc::date_traits (boost::gregorian::date,
  ///         std::chrono::year_month_day, csc::civil_date, csc::day, or the
  ///         host's; docs/custom-date-type.md).
  /// @return `date_traits<D>::from_civil(civil())`.
  /// @throws what the traits' from_civil throws (for boost::gregorian::date,
  ///         std::out_of_range outside the years 1400-9999).
  template <class D>
  constexpr D to() const {
    return date_traits<D>::from_civil(civil());
  }

  /// @brief The next day.
  /// @return this day plus one day.
  constexpr day next() const noexcept { return day(days(count_ + 1)); }
  /// @brief The previous day.
  /// @return this day minus one day.
  constexpr day previous() const noexcept { return day(days(count_ - 1)); }

  /// @brief The day @p n days after @p d.
  /// @param d the day counted from.
  /// @param n the number of days to add (negative: subtract).
  /// @return the day @p n days later.
  friend constexpr day operator+(day d, days n) noexcept { return day(days(d.count_ + n.count())); }
  /// @brief The day @p n days before @p d.
  /// @param d the day counted from.
  /// @param n the number of days to subtract (negative: add).
  /// @return the day @p n days earlier.
  friend constexpr day operator-(day d, days n) noexcept { return day(days(d.count_ - n.count())); }
  /// @brief Exact number of days from @p b to @p a (negative if @p a is earlier).
  /// @param a the later day.
  /// @param b the earlier day.
  /// @return `a - b` in days.
  friend constexpr days operator-(day a, day b) noexcept { return days(a.count_ - b.count_); }

  /// @brief Same day.
  /// @param a, b the days compared.
  /// @return true iff @p a and @p b are the same day.
  friend constexpr bool operator==(day a, day b) noexcept { return a.count_ == b.count_; }
  /// @brief Different days.
  /// @param a, b the days compared.
  /// @return true iff @p a and @p b differ.
  friend constexpr bool operator!=(day a, day b) noexcept { return a.count_ != b.count_; }
  /// @brief @p a is earlier than @p b.
  /// @param a, b the days compared.
  /// @return whether @p a precedes @p b.
  friend constexpr bool operator<(day a, day b) noexcept { return a.count_ < b.count_; }
  /// @brief @p a is later than @p b.
  /// @param a, b the days compared.
  /// @return whether @p a follows @p b.
  friend constexpr bool operator>(day a, day b) noexcept { return a.count_ > b.count_; }
  /// @brief @p a is not later than @p b.
  /// @param a, b the days compared.
  /// @return whether @p a is on or before @p b.
  friend constexpr bool operator<=(day a, day b) noexcept { return a.count_ <= b.count_; }
  /// @brief @p a is not earlier than @p b.
  /// @param a, b the days compared.
  /// @return whether @p a is on or after @p b.
  friend constexpr bool operator>=(day a, day b) noexcept { return a.count_ >= b.count_; }

 private:
  static constexpr std::int32_t days_from_civil(const civil_date& d) noexcept {
    const int y = d.year - (d.month <= 2 ? 1 : 0);
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int year_of_era = y - era * 400;                                                // [0, 399]
    const int month_from_march = static_cast<int>(d.month) + (d.month > 2 ? -3 : 9);      // [0, 11]
    const int day_of_year = (153 * month_from_march + 2) / 5 + static_cast<int>(d.day) - 1;
    const int day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;  // 719468 = days from 0000-03-01 to 1970-01-01
  }
  std::int32_t count_ = 0;
};

/// @brief Formats @p d as `YYYY-MM-DD`.
/// @param d the day to format.
/// @return the ISO 8601 calendar date, e.g. "2020-02-29".
inline std::string to_iso_string(day d) { return to_iso_string(d.civil()); }

/// @brief Writes @p d as `YYYY-MM-DD`.
/// @param os the stream written to.
/// @param d  the day written.
/// @return @p os.
inline std::ostream& operator<<(std::ostream& os, day d) { return os << to_iso_string(d); }

}  // namespace csc

#endif  // CSC_CORE_DAY_HPP
