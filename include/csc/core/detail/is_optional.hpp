/// @file
/// @brief Internal: `is_optional<T>`, true for std::optional.
#ifndef CSC_CORE_DETAIL_IS_OPTIONAL_HPP
#define CSC_CORE_DETAIL_IS_OPTIONAL_HPP

#include <optional>
#include <type_traits>

namespace csc::detail {
template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};
}  // namespace csc::detail

#endif  // CSC_CORE_DETAIL_IS_OPTIONAL_HPP
