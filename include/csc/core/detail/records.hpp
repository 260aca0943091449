/// @file
/// @brief Internal: indexed access to the records of any input range
/// (random-access ranges directly; forward ranges and views such as
/// `std::views::filter` through one pass of pointers; ranges of prvalues
/// such as `std::views::iota` through one pass of copies).
#ifndef CSC_CORE_DETAIL_RECORDS_HPP
#define CSC_CORE_DETAIL_RECORDS_HPP

#include <cstddef>
#include <iterator>
#include <type_traits>
#include <utility>
#include <vector>

namespace csc::detail {

template <class Range>
using range_iterator_t = decltype(std::begin(std::declval<Range&>()));
template <class Range>
using range_reference_t = decltype(*std::declval<range_iterator_t<Range>&>());

template <class Range, class = void>
struct is_random_access_range : std::false_type {};
template <class Range>
struct is_random_access_range<
    Range, std::void_t<decltype(std::declval<range_iterator_t<Range>&>()[0]),
                       decltype(std::end(std::declval<Range&>()) - std::declval<range_iterator_t<Range>&>())>>
    : std::true_type {};

// Records 0..size()-1 of a range; record(i) is the i-th element as the range
// gives it (a reference for ranges of lvalues, a stored copy for ranges of prvalues).
template <class Range>
class indexed_records {
  using reference = range_reference_t<Range>;
  static constexpr bool lvalues = std::is_lvalue_reference_v<reference>;
  static constexpr bool direct = lvalues && is_random_access_range<Range>::value;
  using value = std::remove_cv_t<std::remove_reference_t<reference>>;
  using stored = std::conditional_t<direct, char, std::conditional_t<lvalues, std::add_pointer_t<std::remove_reference_t<reference>>, value>>;

 public:
  explicit indexed_records(Range& r) : first_(std::begin(r)) {
    if constexpr (direct) {
      size_ = static_cast<std::size_t>(std::end(r) - first_);
    } else {
      for (auto it = std::begin(r); it != std::end(r); ++it) {
        if constexpr (lvalues) {
          items_.push_back(&*it);
        } else {
          items_.push_back(*it);
        }
      }
      size_ = items_.size();
    }
  }
  std::size_t size() const noexcept { return size_; }
  decltype(auto) operator[](std::size_t i) const {
    if constexpr (direct) {
      return first_[static_cast<std::ptrdiff_t>(i)];
    } else if constexpr (lvalues) {
      return static_cast<reference>(*items_[i]);
    } else {
      return static_cast<const value&>(items_[i]);
    }
  }

 private:
  range_iterator_t<Range> first_;
  std::vector<stored> items_;
  std::size_t size_ = 0;
};

}  // namespace csc::detail

#endif  // CSC_CORE_DETAIL_RECORDS_HPP
