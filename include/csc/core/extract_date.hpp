/// @file
/// @brief `csc::latest_date`: the latest date a range of host records holds,
/// for hosts that derive the extract date from their data rather than know it
/// (docs/rules/extract-date.md).
#ifndef CSC_CORE_EXTRACT_DATE_HPP
#define CSC_CORE_EXTRACT_DATE_HPP

#include <csc/core/date_traits.hpp>
#include <csc/core/detail/projected.hpp>
#include <csc/core/detail/records.hpp>

#include <algorithm>
#include <functional>
#include <optional>

namespace csc {

/// @brief The latest date given by any of @p dates over the records of
/// @p records: the extract date a host can pass to every classifier when it
/// has no extract date of its own.
///
/// Pass the same date to every family (classify_rereferrals,
/// classify_cp_plans, build_timelines), combining several inputs with
/// csc::latest_of, so that every family sees the same extract date.
/// Rule source: docs/rules/extract-date.md.
/// @tparam Range any input range (forward ranges and views included).
/// @tparam DateProj projections record -> date, or record -> optional date
///         (empty = none, e.g. an open plan's end); any type with csc::date_traits.
/// @param records the host's records (not copied; not kept).
/// @param dates   one or more date projections, e.g. `&plan::start, &plan::end`.
/// @return the latest of all those dates, or std::nullopt if there is none.
/// @throws std::invalid_argument (from csc::date_traits) for a value that is not a date.
template <class Range, class... DateProj>
std::optional<day> latest_date(Range&& records, DateProj... dates) {
  static_assert(sizeof...(DateProj) > 0, "csc::latest_date: give at least one date projection");
  std::optional<day> latest;
  const detail::indexed_records<std::remove_reference_t<Range>> r(records);
  for (std::size_t i = 0; i < r.size(); ++i) {
    const auto consider = [&](const auto& projection) {
      if (const auto d = detail::projected_end(std::invoke(projection, r[i])))
        if (!latest || *d > *latest) latest = *d;
    };
    (consider(dates), ...);
  }
  return latest;
}

/// @brief The latest of several optional days (e.g. csc::latest_date of each input;
/// docs/rules/extract-date.md).
/// @tparam Rest each `std::optional<csc::day>`.
/// @param first the first optional day (empty = none).
/// @param rest  more optional days (empty = none).
/// @return the latest day given, or std::nullopt if none is.
template <class... Rest>
constexpr std::optional<day> latest_of(std::optional<day> first, Rest... rest) {
  std::optional<day> latest = first;
  ((latest = !rest ? latest : (!latest || *rest > *latest ? rest : latest)), ...);
  return latest;
}

}  // namespace csc

#endif  // CSC_CORE_EXTRACT_DATE_HPP
