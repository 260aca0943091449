/// @file
/// @brief `csc::window`: "within n months / n days", always anchored on the
/// later date and looking back (counting-rules.md section 0).
#ifndef CSC_CALENDAR_WINDOW_HPP
#define CSC_CALENDAR_WINDOW_HPP

#include <csc/calendar/add_months.hpp>

#include <stdexcept>
#include <string>

namespace csc {

/// @brief True iff @p earlier is no later than @p later and no earlier than
/// `add_months(later, -n)`.
///
/// The one month rule of counting-rules.md section 0. "Within 12 months",
/// "within 2 years" (24), duration bands and ages all use this predicate, so
/// they agree on every boundary: exactly 12 months back is within
/// (2019-03-31 .. 2020-03-31), one day more is not; from a later date of
/// 2021-02-28, 12 months back is 2020-02-28, so 2020-02-29 is within and
/// 2020-02-27 is not. Docs: docs/rules/within-months.md.
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
/// `first_day(l) <= e && e <= l`.
class window {
 public:
  /// @brief How the length is counted.
  enum class unit : unsigned char {
    months,  ///< calendar months, add_months() clamping rule
    days     ///< whole days
  };

  /// @brief A window of @p n calendar months (n >= 0).
  static constexpr window months(int n) { return window(unit::months, n); }
  /// @brief A window of @p n days (n >= 0).
  static constexpr window days(int n) { return window(unit::days, n); }

  /// @brief The unit the length is counted in.
  constexpr unit counted_in() const noexcept { return unit_; }
  /// @brief The length, in counted_in() units.
  constexpr int length() const noexcept { return length_; }

  /// @brief The earliest date inside the window that ends on @p later.
  template <class D>
  constexpr D first_day(const D& later) const {
    return unit_ == unit::months ? add_months(later, -length_) : add_days(later, -length_);
  }


  /// @brief True iff @p earlier lies in the window ending on @p later.
  template <class D>
  constexpr bool includes(const D& earlier, const D& later) const {
    return unit_ == unit::months ? within_months(earlier, later, length_) : within_days(earlier, later, length_);
  }

  /// @brief Human-readable description, e.g. "12 months" or "365 days".
  std::string describe() const {
    return std::to_string(length_) + (unit_ == unit::months ? " months" : " days");
  }

  /// @brief Two windows are equal when unit and length are.
  friend constexpr bool operator==(const window& a, const window& b) noexcept {
    return a.unit_ == b.unit_ && a.length_ == b.length_;
  }
  /// @brief Negation of operator==.
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
