/// @file
/// @brief `csc::window`: "within n months / n days", always anchored on the
/// later date and looking back (docs/rules/within-months.md).
#ifndef CSC_CALENDAR_WINDOW_HPP
#define CSC_CALENDAR_WINDOW_HPP

#include <csc/calendar/add_months.hpp>
#include <csc/core/count_text.hpp>

#include <stdexcept>
#include <string>

namespace csc {

/// @brief True iff @p earlier is no later than @p later and no earlier than
/// `add_months(later, -n)`.
///
/// The one month rule of docs/rules/add-months.md. "Within 12 months",
/// "within 2 years" (24), duration bands and ages all use this predicate, so
/// they agree on every boundary: exactly 12 months back is within
/// (2019-03-31 .. 2020-03-31), one day more is not; from a later date of
/// 2021-02-28, 12 months back is 2020-02-28, so 2020-02-29 is within and
/// 2020-02-27 is not. Docs: docs/rules/within-months.md.
/// @tparam D a date type with csc::date_traits (boost::gregorian::date,
///         std::chrono::year_month_day, csc::civil_date, csc::day, or the host's).
/// @param earlier the earlier date (e.g. the previous referral).
/// @param later   the later date the window is anchored on.
/// @param n       the window length, in calendar months.
/// @return true iff `add_months(later, -n) <= earlier <= later`.
/// @throws std::invalid_argument (from csc::date_traits) if either is not a date.
template <class D>
constexpr bool within_months(const D& earlier, const D& later, int n) {
  const civil_date e = to_civil(earlier);
  const civil_date l = to_civil(later);
  return e <= l && e >= add_months(l, -n);
}

/// @brief Day-count policy: true iff `0 <= later - earlier <= n` days.
///
/// The alternative to within_months() where a host counts fixed days (for
/// example 365) instead of calendar months. Docs: docs/rules/within-months.md.
/// @tparam D a date type with csc::date_traits (boost::gregorian::date,
///         std::chrono::year_month_day, csc::civil_date, csc::day, or the host's).
/// @param earlier the earlier date.
/// @param later   the later date the window is anchored on.
/// @param n       the window length, in days.
/// @return true iff `later - earlier` is 0 to @p n days.
/// @throws std::invalid_argument (from csc::date_traits) if either is not a date.
template <class D>
constexpr bool within_days(const D& earlier, const D& later, int n) {
  const int gap = days_between(earlier, later).count();
  return gap >= 0 && gap <= n;
}

/// @brief A look-back window policy: n calendar months (the default rule) or
/// n days, anchored on the later date.
///
/// `includes(earlier, later)` is within_months() or within_days();
/// `first_day(later)` is the earliest date that is still inside the window
/// looking back from @p later, so `includes(e, l)` iff
/// `first_day(l) <= e && e <= l`. Docs: docs/rules/within-months.md.
class window {
 public:
  /// @brief How the length is counted.
  enum class unit : unsigned char {
    months,  ///< calendar months, add_months() clamping rule
    days     ///< whole days
  };

  /// @brief A window of @p n calendar months (n >= 0).
  /// @param n the length, in calendar months.
  /// @return the window.
  /// @throws std::invalid_argument if @p n is negative.
  static constexpr window months(int n) { return window(unit::months, n); }
  /// @brief A window of @p n days (n >= 0).
  /// @param n the length, in days.
  /// @return the window.
  /// @throws std::invalid_argument if @p n is negative.
  static constexpr window days(int n) { return window(unit::days, n); }

  /// @brief The unit the length is counted in.
  /// @return unit::months or unit::days.
  constexpr unit counted_in() const noexcept { return unit_; }
  /// @brief The length, in counted_in() units.
  /// @return the length in months or days (>= 0).
  constexpr int length() const noexcept { return length_; }

  /// @brief The earliest date inside the window that ends on @p later.
  /// @tparam D a date type with csc::date_traits (boost::gregorian::date,
  ///         std::chrono::year_month_day, csc::civil_date, csc::day, or the host's).
  /// @param later the date the window ends on.
  /// @return `add_months(later, -length())` or `add_days(later, -length())`, as a @p D.
  /// @throws std::invalid_argument (from csc::date_traits) if @p later is not a date.
  template <class D>
  constexpr D first_day(const D& later) const {
    return unit_ == unit::months ? add_months(later, -length_) : add_days(later, -length_);
  }


  /// @brief True iff @p earlier lies in the window ending on @p later.
  /// @tparam D a date type with csc::date_traits (boost::gregorian::date,
  ///         std::chrono::year_month_day, csc::civil_date, csc::day, or the host's).
  /// @param earlier the earlier date.
  /// @param later   the date the window ends on.
  /// @return within_months() or within_days() of the two, by counted_in().
  /// @throws std::invalid_argument (from csc::date_traits) if either is not a date.
  template <class D>
  constexpr bool includes(const D& earlier, const D& later) const {
    return unit_ == unit::months ? within_months(earlier, later, length_) : within_days(earlier, later, length_);
  }

  /// @brief Human-readable description, e.g. "12 months", "1 month" or "365 days".
  /// @return the length and unit as text (csc::count_text).
  std::string describe() const {
    return count_text(static_cast<std::size_t>(length_), unit_ == unit::months ? "month" : "day");
  }

  /// @brief Two windows are equal when unit and length are.
  /// @param a, b the windows compared.
  /// @return true iff unit and length are equal.
  friend constexpr bool operator==(const window& a, const window& b) noexcept {
    return a.unit_ == b.unit_ && a.length_ == b.length_;
  }
  /// @brief Negation of operator==.
  /// @param a, b the windows compared.
  /// @return true iff unit or length differ.
  friend constexpr bool operator!=(const window& a, const window& b) noexcept { return !(a == b); }

 private:
  constexpr window(unit u, int n) : unit_(u), length_(n) {
    if (n < 0) throw std::invalid_argument("csc::window: length must not be negative");
  }
  unit unit_;
  int length_;
};

}  // namespace csc

#endif  // CSC_CALENDAR_WINDOW_HPP
