/// @file
/// @brief `csc::interval<D>`: a closed interval of days [first, last] whose
/// last day may be unknown (an open, ongoing episode). Used for episodes and
/// for reporting periods (counting-rules.md section 0).
#ifndef CSC_EPISODE_INTERVAL_HPP
#define CSC_EPISODE_INTERVAL_HPP

#include <csc/calendar/date_traits.hpp>

#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>

namespace csc {

/// @brief Thrown when an interval would end before it starts.
class invalid_interval : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

/// @brief A closed interval of calendar days [first, last], both ends
/// included; with no last day it is open (it extends to every later day).
///
/// A one-day interval has first == last. Construction with a last day before
/// the first day throws csc::invalid_interval naming both dates: such an
/// interval is an error (DfE rules 8630, 8925), never silently swapped or
/// emptied. Unlike `boost::gregorian::date_period` (half-open, with "null"
/// periods), there is no empty interval.
template <class D>
class interval {
 public:
  /// @brief The date type.
  using date_type = D;

  /// @brief [first, last], or [first, open) when @p last is empty.
  /// @throws invalid_interval if @p last is before @p first.
  constexpr interval(const D& first, const std::optional<D>& last = std::nullopt)
      : first_(first), last_(last), first_serial_(to_serial(first)),
        last_serial_(last ? to_serial(*last) : open_end) {
    if (last_serial_ < first_serial_) {
      throw invalid_interval("csc::interval: end " + to_iso_string(*last) + " precedes start " +
                             to_iso_string(first));
    }
  }

  /// @brief The first day (included).
  constexpr const D& first() const noexcept { return first_; }
  /// @brief The last day (included), or empty if the interval is open.
  constexpr const std::optional<D>& last() const noexcept { return last_; }
  /// @brief True iff there is no last day.
  constexpr bool is_open() const noexcept { return !last_.has_value(); }

  /// @brief True iff first() <= @p day and (open or @p day <= last()).
  constexpr bool contains(const D& day) const { return contains_serial(to_serial(day)); }
  /// @brief contains() for a serial day number.
  constexpr bool contains_serial(serial_day day) const noexcept {
    return first_serial_ <= day && day <= last_serial_;
  }

  /// @brief True iff the two intervals share at least one day (closed ends:
  /// [a, b] and [b, c] overlap on day b).
  constexpr bool overlaps(const interval& other) const noexcept {
    return first_serial_ <= other.last_serial_ && other.first_serial_ <= last_serial_;
  }

  /// @brief Number of days included, counting both ends; empty if open.
  constexpr std::optional<int> length_in_days() const noexcept {
    if (is_open()) return std::nullopt;
    return static_cast<int>(last_serial_ - first_serial_) + 1;
  }

  /// @brief Serial day of first().
  constexpr serial_day first_serial() const noexcept { return first_serial_; }
  /// @brief Serial day of last(), or the largest serial day if open.
  constexpr serial_day last_serial() const noexcept { return last_serial_; }

  /// @brief Same first day and same last day (or both open).
  friend constexpr bool operator==(const interval& a, const interval& b) noexcept {
    return a.first_serial_ == b.first_serial_ && a.last_serial_ == b.last_serial_;
  }
  /// @brief Negation of operator==.
  friend constexpr bool operator!=(const interval& a, const interval& b) noexcept { return !(a == b); }

  /// @brief Writes `[first, last]` or `[first, open)`.
  friend std::ostream& operator<<(std::ostream& os, const interval& i) {
    os << '[' << to_iso_string(i.first_) << ", ";
    if (i.last_) return os << to_iso_string(*i.last_) << ']';
    return os << "open)";
  }

 private:
  static constexpr serial_day open_end = 2147483647;
  D first_;
  std::optional<D> last_;
  serial_day first_serial_;
  serial_day last_serial_;
};

}  // namespace csc

#endif  // CSC_EPISODE_INTERVAL_HPP
