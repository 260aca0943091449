/// @file
/// @brief `csc::interval<D>`: a closed interval of days [first, last] whose
/// last day may be unknown (an open, ongoing episode). Used for episodes and
/// for reporting periods (docs/rules/intervals.md).
#ifndef CSC_CORE_INTERVAL_HPP
#define CSC_CORE_INTERVAL_HPP

#include <csc/core/date_traits.hpp>

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
/// periods), there is no empty interval. Rule source: docs/rules/intervals.md.
/// @tparam D a date type with csc::date_traits (boost::gregorian::date,
///         std::chrono::year_month_day, csc::civil_date, csc::day, or the host's).
template <class D>
class interval {
 public:
  /// @brief The date type.
  using date_type = D;

  /// @brief [first, last], or [first, open) when @p last is empty.
  /// @param first the first day (included).
  /// @param last  the last day (included), or std::nullopt for an open interval.
  /// @throws invalid_interval if @p last is before @p first.
  /// @throws std::invalid_argument (from csc::date_traits) if @p first or @p last is not a date.
  constexpr interval(const D& first, const std::optional<D>& last = std::nullopt)
      : first_(first), last_(last), first_day_(to_day(first)), last_day_(last ? to_day(*last) : day::max()) {
    if (last_day_ < first_day_) {
      throw invalid_interval("csc::interval: end " + to_iso_string(*last) + " precedes start " +
                             to_iso_string(first));
    }
  }

  /// @brief The first day (included).
  /// @return the first day, as a @p D.
  constexpr const D& first() const noexcept { return first_; }
  /// @brief The last day (included), or empty if the interval is open.
  /// @return the last day as a @p D; std::nullopt when the interval is open.
  constexpr const std::optional<D>& last() const noexcept { return last_; }
  /// @brief True iff there is no last day.
  /// @return whether the interval is open.
  constexpr bool is_open() const noexcept { return !last_.has_value(); }

  /// @brief True iff first() <= @p d and (open or @p d <= last()).
  /// @tparam T any date type with csc::date_traits (@p D, boost::gregorian::date,
  ///         std::chrono::year_month_day, csc::civil_date, csc::day, or the host's).
  /// @param d the day asked about.
  /// @return whether the interval includes @p d.
  /// @throws std::invalid_argument (from csc::date_traits) if @p d is not a date.
  template <class T>
  constexpr bool contains(const T& d) const {
    const day x = to_day(d);
    return first_day_ <= x && x <= last_day_;
  }

  /// @brief True iff the two intervals share at least one day (closed ends:
  /// [a, b] and [b, c] overlap on day b).
  /// @param other the other interval.
  /// @return whether the intervals have a day in common.
  constexpr bool overlaps(const interval& other) const noexcept {
    return first_day_ <= other.last_day_ && other.first_day_ <= last_day_;
  }

  /// @brief Number of days included, counting both ends; empty if open.
  /// @return the length in days (>= 1); std::nullopt when the interval is open.
  constexpr std::optional<int> length_in_days() const noexcept {
    if (is_open()) return std::nullopt;
    return (last_day_ - first_day_).count() + 1;
  }

  /// @brief first() as a csc::day.
  /// @return the first day.
  constexpr day first_day() const noexcept { return first_day_; }
  /// @brief last() as a csc::day, or day::max() if open.
  /// @return the last day; day::max() when the interval is open.
  constexpr day last_day() const noexcept { return last_day_; }

  /// @brief Same first day and same last day (or both open).
  /// @param a, b the intervals compared.
  /// @return true iff @p a and @p b cover the same days.
  friend constexpr bool operator==(const interval& a, const interval& b) noexcept {
    return a.first_day_ == b.first_day_ && a.last_day_ == b.last_day_;
  }
  /// @brief Negation of operator==.
  /// @param a, b the intervals compared.
  /// @return true iff @p a and @p b differ.
  friend constexpr bool operator!=(const interval& a, const interval& b) noexcept { return !(a == b); }

  /// @brief Writes `[first, last]` or `[first, open)`.
  /// @param os the stream written to.
  /// @param i  the interval written.
  /// @return @p os.
  friend std::ostream& operator<<(std::ostream& os, const interval& i) {
    os << '[' << to_iso_string(i.first_) << ", ";
    if (i.last_) return os << to_iso_string(*i.last_) << ']';
    return os << "open)";
  }

 private:
  D first_;
  std::optional<D> last_;
  day first_day_;
  day last_day_;
};

}  // namespace csc

#endif  // CSC_CORE_INTERVAL_HPP
