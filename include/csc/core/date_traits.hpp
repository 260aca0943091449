/// @file
/// @brief `csc::date_traits<D>`: the one place where a date type is plugged
/// into csc-metrics, with specialisations for csc::civil_date,
/// boost::gregorian::date and (C++20) std::chrono::year_month_day.
#ifndef CSC_CORE_DATE_TRAITS_HPP
#define CSC_CORE_DATE_TRAITS_HPP

#include <csc/core/civil_date.hpp>
#include <csc/core/day.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <stdexcept>
#include <string>
#include <type_traits>

#if __cplusplus >= 202002L
#include <chrono>
#endif

/// @brief 1 when std::chrono::year_month_day is available and csc::date_traits
/// supports it (C++20 with the calendar types), else 0.
///
/// Library feature macros lag behind: libstdc++ 11-13 ship the C++20 calendar
/// types but report `__cpp_lib_chrono` 201611, so their release is checked too.
#if __cplusplus >= 202002L &&                                                    \
    ((defined(__cpp_lib_chrono) && __cpp_lib_chrono >= 201907L) ||               \
     (defined(_GLIBCXX_RELEASE) && _GLIBCXX_RELEASE >= 11) ||                    \
     (defined(_LIBCPP_VERSION) && _LIBCPP_VERSION >= 170000))
#define CSC_HAS_CHRONO_CALENDAR 1
#else
#define CSC_HAS_CHRONO_CALENDAR 0
#endif

namespace csc {

/// @brief Customisation point (declared in core/day.hpp): how csc-metrics
/// reads and makes dates of type @p D.
///
/// The primary template is deliberately undefined. A specialisation provides:
/// - `static civil_date to_civil(const D&)`: the calendar date of a value; it
///   throws `std::invalid_argument` for a value that is not a date (a "null"
///   or special value), never returns a made-up date (csc::to_civil and
///   csc::to_day check the result: a year, month and day that are not a
///   calendar date raise std::invalid_argument);
/// - `static D from_civil(const civil_date&)`: a value for a valid date.
///
/// It may also provide `static csc::day to_day(const D&)` as a faster route
/// to the day (used when present; it must agree with `csc::day(to_civil(d))`).
///
/// Example, for a host struct of three ints:
/// @code
/// struct host_date { int y, m, d; };
/// template <> struct csc::date_traits<host_date> {
///   static constexpr csc::civil_date to_civil(const host_date& h) {
///     return {h.y, static_cast<unsigned>(h.m), static_cast<unsigned>(h.d)};
///   }
///   static constexpr host_date from_civil(const csc::civil_date& c) {
///     return {c.year, static_cast<int>(c.month), static_cast<int>(c.day)};
///   }
/// };
/// @endcode
/// @brief Identity traits: csc::civil_date is its own calendar date.
template <>
struct date_traits<civil_date> {
  /// @brief Returns @p d.
  /// @param d a calendar date.
  /// @return @p d unchanged.
  static constexpr civil_date to_civil(const civil_date& d) noexcept { return d; }
  /// @brief Returns @p d.
  /// @param d a valid calendar date.
  /// @return @p d unchanged.
  static constexpr civil_date from_civil(const civil_date& d) noexcept { return d; }
};

/// @brief Traits for csc::day itself, so that every algorithm also takes days.
template <>
struct date_traits<day> {
  /// @brief The calendar date of @p d.
  /// @param d a day.
  /// @return year, month and day of @p d (`d.civil()`).
  static constexpr civil_date to_civil(const day& d) noexcept { return d.civil(); }
  /// @brief The day of @p c.
  /// @param c a valid calendar date (`c.ok()`).
  /// @return the csc::day of @p c.
  static constexpr day from_civil(const civil_date& c) noexcept { return day(c); }
  /// @brief Returns @p d.
  /// @param d a day.
  /// @return @p d unchanged.
  static constexpr day to_day(const day& d) noexcept { return d; }
};

/// @brief Traits for boost::gregorian::date (the library's default date type).
///
/// Special values (not_a_date_time, +/-infinity) are rejected with
/// std::invalid_argument: they are not calendar dates.
template <>
struct date_traits<boost::gregorian::date> {
  /// @brief Year, month, day of @p d; throws std::invalid_argument for a special value.
  /// @param d a Boost date.
  /// @return the calendar date of @p d.
  /// @throws std::invalid_argument if @p d is a special value (not_a_date_time, +/-infinity).
  static civil_date to_civil(const boost::gregorian::date& d) {
    if (d.is_special()) throw std::invalid_argument("csc: boost::gregorian::date is a special value, not a calendar date");
    const auto ymd = d.year_month_day();
    return civil_date{static_cast<int>(ymd.year), static_cast<unsigned>(ymd.month), static_cast<unsigned>(ymd.day)};
  }
  /// @brief The day straight from Boost's day number (no year/month/day split);
  /// throws std::invalid_argument for a special value.
  /// @param d a Boost date.
  /// @return the csc::day of @p d.
  /// @throws std::invalid_argument if @p d is a special value (not_a_date_time, +/-infinity).
  static day to_day(const boost::gregorian::date& d) {
    if (d.is_special()) throw std::invalid_argument("csc: boost::gregorian::date is a special value, not a calendar date");
    return day(days(static_cast<std::int32_t>(static_cast<long long>(d.day_number()) - 2440588LL)));  // JDN of 1970-01-01
  }
  /// @brief The Boost date for @p c (throws Boost's out-of-range errors outside 1400-9999).
  /// @param c a valid calendar date.
  /// @return the boost::gregorian::date of @p c.
  /// @throws std::out_of_range (Boost's bad_year, bad_month, bad_day_of_month) outside 1400-9999.
  static boost::gregorian::date from_civil(const civil_date& c) {
    return boost::gregorian::date(static_cast<unsigned short>(c.year), static_cast<unsigned short>(c.month),
                                  static_cast<unsigned short>(c.day));
  }
};

#if CSC_HAS_CHRONO_CALENDAR
/// @brief Traits for std::chrono::year_month_day (C++20 builds only).
///
/// A value that is not ok() (e.g. 2019-02-30) is rejected with
/// std::invalid_argument rather than normalised.
template <>
struct date_traits<std::chrono::year_month_day> {
  /// @brief Year, month, day of @p d; throws std::invalid_argument if `!d.ok()`.
  /// @param d a std::chrono date.
  /// @return the calendar date of @p d.
  /// @throws std::invalid_argument if `!d.ok()`.
  static constexpr civil_date to_civil(const std::chrono::year_month_day& d) {
    if (!d.ok()) throw std::invalid_argument("csc: std::chrono::year_month_day is not a valid date");
    return civil_date{static_cast<int>(d.year()), static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day())};
  }
  /// @brief The year_month_day for @p c.
  /// @param c a valid calendar date.
  /// @return the std::chrono::year_month_day of @p c.
  static constexpr std::chrono::year_month_day from_civil(const civil_date& c) {
    return std::chrono::year_month_day{std::chrono::year{c.year}, std::chrono::month{c.month}, std::chrono::day{c.day}};
  }
};
#endif

namespace detail {
template <class D, class = void>
struct has_date_traits : std::false_type {};
template <class D>
struct has_date_traits<D, std::void_t<decltype(date_traits<D>::to_civil(std::declval<const D&>())),
                                      decltype(date_traits<D>::from_civil(std::declval<const civil_date&>()))>>
    : std::true_type {};

template <class D, class = void>
struct has_fast_day : std::false_type {};
template <class D>
struct has_fast_day<D, std::void_t<decltype(date_traits<D>::to_day(std::declval<const D&>()))>> : std::true_type {};
}  // namespace detail

/// @brief True iff csc::date_traits<D> is specialised with `to_civil` and `from_civil`
/// (docs/custom-date-type.md).
/// @tparam D any type; cv and reference qualifiers are ignored.
template <class D>
inline constexpr bool is_date_v = detail::has_date_traits<std::remove_cv_t<std::remove_reference_t<D>>>::value;

namespace detail {
// The one place that explains a missing date_traits specialisation.
template <class D>
constexpr void require_date_traits() {
  static_assert(is_date_v<D>,
                "csc: no csc::date_traits<D> specialisation for this date type; specialise "
                "csc::date_traits with to_civil() and from_civil() (see docs/custom-date-type.md)");
}
}  // namespace detail

namespace detail {
// Throws std::invalid_argument unless the traits gave a real calendar date: a
// host's to_civil that passes {2019, 2, 30} or {2019, 13, 1} through would
// otherwise be read as 2019-03-02 or 2020-01-01.
inline void require_calendar_date(const civil_date& c) {
  if (!c.ok()) {
    throw std::invalid_argument("csc: year " + std::to_string(c.year) + " month " + std::to_string(c.month) +
                                " day " + std::to_string(c.day) +
                                " is not a calendar date (date_traits::to_civil must not make up dates)");
  }
}
}  // namespace detail

/// @brief The calendar date of @p d through csc::date_traits (docs/custom-date-type.md).
/// @tparam D a date type with csc::date_traits (boost::gregorian::date,
///         std::chrono::year_month_day, csc::civil_date, csc::day, or the host's).
/// @param d the host date.
/// @return year, month and day of @p d (always `ok()`).
/// @throws std::invalid_argument (from the traits) if @p d is not a calendar date, or if
///         the traits return a year, month and day that are not one (month 13, 30 February).
template <class D>
constexpr civil_date to_civil(const D& d) {
  detail::require_date_traits<D>();
  const civil_date c = date_traits<D>::to_civil(d);
  // A csc::day or a Boost date is always a calendar date: checked for other types only.
  if constexpr (!std::is_same_v<D, day> && !std::is_same_v<D, boost::gregorian::date>) {
    if (!c.ok()) detail::require_calendar_date(c);
  }
  return c;
}

/// @brief A value of date type @p D for the valid civil date @p c (docs/custom-date-type.md).
/// @tparam D a date type with csc::date_traits (boost::gregorian::date,
///         std::chrono::year_month_day, csc::civil_date, csc::day, or the host's).
/// @param c a valid calendar date (`c.ok()`).
/// @return `date_traits<D>::from_civil(c)`.
/// @throws what the traits' from_civil throws (for boost::gregorian::date,
///         std::out_of_range outside the years 1400-9999).
template <class D>
constexpr D from_civil(const civil_date& c) {
  detail::require_date_traits<D>();
  return date_traits<D>::from_civil(c);
}

/// @brief The csc::day of host date @p d, through the traits' `to_day` fast
/// path when there is one (docs/custom-date-type.md).
/// @tparam D a date type with csc::date_traits (boost::gregorian::date,
///         std::chrono::year_month_day, csc::civil_date, csc::day, or the host's).
/// @param d the host date.
/// @return the day of @p d.
/// @throws std::invalid_argument (from the traits) if @p d is not a calendar date, or if
///         the traits' to_civil returns a year, month and day that are not one.
template <class D>
constexpr day to_day(const D& d) {
  detail::require_date_traits<D>();
  if constexpr (detail::has_fast_day<D>::value) {
    return date_traits<D>::to_day(d);
  } else {
    return day(to_civil(d));
  }
}

/// @brief The host date of type @p D for day @p d (the same as `d.to<D>()`;
/// docs/custom-date-type.md).
/// @tparam D a date type with csc::date_traits (boost::gregorian::date,
///         std::chrono::year_month_day, csc::civil_date, csc::day, or the host's).
/// @param d the day.
/// @return `from_civil<D>(d.civil())`.
/// @throws what the traits' from_civil throws (for boost::gregorian::date,
///         std::out_of_range outside the years 1400-9999).
template <class D>
constexpr D to_date(day d) {
  return from_civil<D>(d.civil());
}

/// @brief Formats any supported date as `YYYY-MM-DD`.
/// @tparam D a date type with csc::date_traits (boost::gregorian::date,
///         std::chrono::year_month_day, csc::civil_date, csc::day, or the host's).
/// @param d the host date.
/// @return the ISO 8601 calendar date, e.g. "2020-02-29".
/// @throws std::invalid_argument (from the traits) if @p d is not a calendar date.
template <class D>
std::string to_iso_string(const D& d) {
  return to_iso_string(to_civil(d));
}

}  // namespace csc

#endif  // CSC_CORE_DATE_TRAITS_HPP
