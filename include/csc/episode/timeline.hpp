/// @file
/// @brief `csc::build_timelines`: per child, the sequence of service levels
/// (early help, CIN, CIN plan, CP plan, looked after) built from any number of
/// host episode ranges by "the highest level covering the day", with gap
/// bridging (counting-rules.md section 4).
#ifndef CSC_EPISODE_TIMELINE_HPP
#define CSC_EPISODE_TIMELINE_HPP

#include <csc/calendar/date_traits.hpp>
#include <csc/detail/child_order.hpp>
#include <csc/detail/projected.hpp>
#include <csc/episode/service_level.hpp>
#include <csc/finding.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <iterator>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace csc {

/// @brief Policy switches for build_timelines(); the defaults are the rules.
struct timeline_policy {
  /// Gaps of up to this many days between two episodes of a child (days at
  /// level none with a covered day on both sides) are bridged at the lower of
  /// the two levels either side. Default 0: no bridging.
  int bridge_gap_days = 0;
};

/// @brief Rule names of the findings of build_timelines() (docs/rules/stepdown.md).
namespace timeline_rule {
/// The episode ends before it starts: it is left out of the timeline (`counted = false`).
inline constexpr std::string_view end_before_start = "episode_end_before_start";
/// The episode shares a day with an earlier-starting episode of the same child
/// at the same level; the two are merged for the timeline (`counted = true`).
inline constexpr std::string_view same_level_overlap = "episode_same_level_overlap";
}  // namespace timeline_rule

/// @brief One host episode range with its service level and projections, as
/// made by csc::episodes(). Holds a pointer to the range: no copy.
template <class Range, class ChildProj, class StartProj, class EndProj>
struct episode_source {
  const Range* records;  ///< The host's episode records.
  service_level level;   ///< The level every episode of this range stands for.
  ChildProj child_of;    ///< Projection record -> child id.
  StartProj start_of;    ///< Projection record -> first day (a date).
  EndProj end_of;        ///< Projection record -> last day: a date, or an optional date (empty = open).
};

/// @brief Describes the episode range @p records at service level @p level
/// for build_timelines(). The range must outlive the call.
/// @throws std::invalid_argument if @p level is service_level::none.
template <class Range, class ChildProj, class StartProj, class EndProj>
episode_source<Range, ChildProj, StartProj, EndProj> episodes(const Range& records, service_level level,
                                                              ChildProj child_of, StartProj start_of, EndProj end_of) {
  if (level == service_level::none) throw std::invalid_argument("csc::episodes: an episode range cannot be at level none");
  return {&records, level, std::move(child_of), std::move(start_of), std::move(end_of)};
}

/// @brief A maximal run of days [first, last] (both included) at one level.
struct level_segment {
  service_level level = service_level::none;  ///< The level on every day of the run.
  serial_day first = 0;                       ///< First day, as a serial day.
  serial_day last = 0;                        ///< Last day, as a serial day.
};

/// @brief The segments of one child's timeline, in day order (a view into
/// service_timelines).
class segment_range {
 public:
  /// @brief A view of [@p first, @p last).
  segment_range(const level_segment* first, const level_segment* last) noexcept : first_(first), last_(last) {}
  /// @brief First segment.
  const level_segment* begin() const noexcept { return first_; }
  /// @brief One past the last segment.
  const level_segment* end() const noexcept { return last_; }
  /// @brief Number of segments.
  std::size_t size() const noexcept { return static_cast<std::size_t>(last_ - first_); }
  /// @brief Segment @p i (0 = the first).
  const level_segment& operator[](std::size_t i) const noexcept { return first_[i]; }

 private:
  const level_segment* first_;
  const level_segment* last_;
};

template <class ChildId>
class service_timelines;

namespace detail {
template <class Id, class... Sources>
service_timelines<Id> build_timelines(std::optional<serial_day>, const timeline_policy&, const Sources&...);
}  // namespace detail

/// @brief Result of build_timelines(): every child's level segments from its
/// first episode to the horizon H, plus findings.
///
/// Consecutive segments of a child have different levels; together they cover
/// every day from the child's first episode start to H, with level `none`
/// where no episode covers a day (and no bridging applies). Before the first
/// segment the child is at `none`.
template <class ChildId>
class service_timelines {
 public:
  /// @brief The child id type (the common type of the sources' child ids).
  using child_id_type = ChildId;

  /// @brief Number of children with at least one episode (valid or not).
  std::size_t child_count() const noexcept { return ids_.size(); }
  /// @brief Id of the child with ordinal @p child (ordinals follow id order).
  const ChildId& child_id(std::size_t child) const { return ids_.at(child); }
  /// @brief Ordinal of the child with id @p id, if it has an episode.
  std::optional<std::size_t> find_child(const ChildId& id) const {
    const auto it = std::lower_bound(ids_.begin(), ids_.end(), id);
    if (it == ids_.end() || id < *it) return std::nullopt;
    return static_cast<std::size_t>(it - ids_.begin());
  }
  /// @brief The segments of child @p child, in day order (empty if all its episodes were invalid).
  segment_range segments(std::size_t child) const {
    return segment_range(segments_.data() + offsets_.at(child), segments_.data() + offsets_.at(child + 1));
  }
  /// @brief The level of child @p child on serial day @p day; `none` before
  /// its first episode; nullopt after the horizon (unknown).
  std::optional<service_level> level_on(std::size_t child, serial_day day) const {
    if (day > horizon_) return std::nullopt;
    for (const level_segment& s : segments(child)) {
      if (s.first <= day && day <= s.last) return s.level;
    }
    return service_level::none;
  }
  /// @brief Findings (rules in csc::timeline_rule), by child and episode start.
  const std::vector<finding>& findings() const noexcept { return findings_; }
  /// @brief The horizon H (extract date) as a serial day: open episodes cover every day to it.
  serial_day horizon() const noexcept { return horizon_; }
  /// @brief The policy used.
  const timeline_policy& policy() const noexcept { return policy_; }

 private:
  template <class Id, class... Sources>
  friend service_timelines<Id> detail::build_timelines(std::optional<serial_day>, const timeline_policy&,
                                                       const Sources&...);
  std::vector<ChildId> ids_;
  std::vector<std::size_t> offsets_{0};
  std::vector<level_segment> segments_;
  std::vector<finding> findings_;
  serial_day horizon_ = 0;
  timeline_policy policy_;
};

namespace detail {
struct raw_episode {
  serial_day start;
  serial_day end;  // open_end_serial while open
  std::size_t record;
  std::uint32_t source;
  service_level level;
};

template <class Source>
using source_child_t = std::decay_t<std::invoke_result_t<decltype(std::declval<const Source&>().child_of),
                                                         decltype(*std::begin(*std::declval<const Source&>().records))>>;

template <class Id, class Source>
void collect_episodes(const Source& src, std::uint32_t source, std::vector<Id>& ids, std::vector<raw_episode>& out) {
  const std::size_t n = random_access_size(*src.records);
  const auto first = std::begin(*src.records);
  const auto fail = [&](std::size_t i, const char* field, const char* what) {
    return std::invalid_argument("csc::build_timelines: source " + std::to_string(source) + " (" +
                                 std::string(to_string(src.level)) + ") record " + std::to_string(i) + ": " + field +
                                 ": " + what);
  };
  for (std::size_t i = 0; i < n; ++i) {
    raw_episode e{0, open_end_serial, i, source, src.level};
    try {
      e.start = to_serial(std::invoke(src.start_of, first[i]));
    } catch (const std::invalid_argument& x) {
      throw fail(i, "start", x.what());
    }
    try {
      if (const auto end = projected_end(std::invoke(src.end_of, first[i]))) e.end = *end;
    } catch (const std::invalid_argument& x) {
      throw fail(i, "end", x.what());
    }
    ids.push_back(Id(std::invoke(src.child_of, first[i])));
    out.push_back(e);
  }
}

template <class Id, class... Sources>
service_timelines<Id> build_timelines(std::optional<serial_day> horizon, const timeline_policy& policy,
                                      const Sources&... sources) {
  if (policy.bridge_gap_days < 0) throw std::invalid_argument("csc::build_timelines: bridge_gap_days must be >= 0");
  std::vector<Id> ids;
  std::vector<raw_episode> eps;
  const std::size_t total = (std::size_t{0} + ... + random_access_size(*sources.records));
  ids.reserve(total);
  eps.reserve(total);
  std::uint32_t source = 0;
  (collect_episodes(sources, source++, ids, eps), ...);

  service_timelines<Id> out;
  out.policy_ = policy;
  const serial_day h = resolve_horizon(
      eps.size(), [&](std::size_t i) { return eps[i].start; }, [&](std::size_t i) { return eps[i].end; }, horizon,
      [&](std::size_t i, bool is_start) {
        return "csc::build_timelines: source " + std::to_string(eps[i].source) + " (" +
               std::string(to_string(eps[i].level)) + ") record " + std::to_string(eps[i].record) + ": " +
               (is_start ? "start" : "end");
      });
  out.horizon_ = h;

  std::vector<std::size_t> order;
  order_by_child(
      eps.size(), [&](std::size_t i) -> const Id& { return ids[i]; },
      [&](std::size_t a, std::size_t b) { return eps[a].start < eps[b].start; }, order, false,
      "csc::build_timelines");

  std::vector<std::pair<serial_day, int>> events;  // (day, +level+1 at a start, -(level+1) the day after an end)
  std::vector<level_segment> built;
  for (std::size_t g = 0; g < order.size();) {
    std::size_t e = g + 1;
    while (e < order.size() && !(ids[order[g]] < ids[order[e]])) ++e;
    out.ids_.push_back(ids[order[g]]);
    // Checks, and the events of the valid episodes.
    events.clear();
    std::array<serial_day, service_level_count> level_end{};
    std::array<std::size_t, service_level_count> level_holder;
    level_holder.fill(no_record);
    for (std::size_t k = g; k < e; ++k) {
      const raw_episode& ep = eps[order[k]];
      if (ep.end < ep.start) {
        out.findings_.push_back(finding{timeline_rule::end_before_start, ep.record, no_record, false, ep.source, 0});
        continue;
      }
      const auto lv = static_cast<std::size_t>(ep.level);
      if (level_holder[lv] != no_record && ep.start <= level_end[lv]) {
        const raw_episode& other = eps[level_holder[lv]];
        out.findings_.push_back(
            finding{timeline_rule::same_level_overlap, ep.record, other.record, true, ep.source, other.source});
      }
      if (level_holder[lv] == no_record || ep.end >= level_end[lv]) {
        level_holder[lv] = order[k];
        level_end[lv] = ep.end;
      }
      const serial_day last = ep.end == open_end_serial ? h : ep.end;
      events.emplace_back(ep.start, static_cast<int>(lv) + 1);
      events.emplace_back(last + 1, -(static_cast<int>(lv) + 1));
    }
    // Sweep: the highest level with a covering episode, day by day in runs.
    std::sort(events.begin(), events.end());
    built.clear();
    std::array<int, service_level_count> covering{};
    for (std::size_t k = 0; k < events.size();) {
      const serial_day day = events[k].first;
      for (; k < events.size() && events[k].first == day; ++k) {
        covering[static_cast<std::size_t>(std::abs(events[k].second) - 1)] += events[k].second > 0 ? 1 : -1;
      }
      std::size_t top = service_level_count - 1;
      while (top > 0 && covering[top] == 0) --top;
      const auto level = static_cast<service_level>(top);
      if (!built.empty() && built.back().level == level) continue;
      if (!built.empty()) built.back().last = day - 1;
      if (day > h) break;
      built.push_back(level_segment{level, day, h});
    }
    // Bridging: a run of `none` with a segment on both sides, at most g days long,
    // takes the lower of its neighbours' levels; equal neighbours then merge.
    const std::size_t child_first = out.segments_.size();
    for (std::size_t k = 0; k < built.size(); ++k) {
      level_segment s = built[k];
      if (s.level == service_level::none && k > 0 && k + 1 < built.size() &&
          s.last - s.first + 1 <= policy.bridge_gap_days) {
        s.level = std::min(built[k - 1].level, built[k + 1].level);
      }
      if (out.segments_.size() > child_first && out.segments_.back().level == s.level) {
        out.segments_.back().last = s.last;
      } else {
        out.segments_.push_back(s);
      }
    }
    out.offsets_.push_back(out.segments_.size());
    g = e;
  }
  return out;
}
}  // namespace detail

/// @brief Builds every child's service-level timeline from the episode ranges
/// @p sources (each made by csc::episodes()), up to the horizon @p horizon.
///
/// Rules (counting-rules.md section 4, docs/rules/stepdown.md):
/// - a child's level on day d is the highest level of its episodes covering d
///   (closed intervals [start, end]); an open episode covers every day from
///   its start to the horizon H; before its first episode a child is at `none`;
/// - a run of at most `policy.bridge_gap_days` days at `none` between two
///   covered days is bridged at the lower of the two levels either side
///   (default 0: never);
/// - an episode ending before it starts is left out (finding
///   `episode_end_before_start`, not counted); episodes of one child at one
///   level that share a day are merged by the rule above (finding
///   `episode_same_level_overlap`, counted).
///
/// Child ids from all sources must be convertible to their common type, with
/// `<` and `==`; ids are copied once per episode while building.
/// O(n log n) in the total number of episodes.
/// @throws std::invalid_argument naming the source, record and field for a
///         value that is not a date, or a start or end after @p horizon.
template <class D, class... Sources, std::enable_if_t<is_date_v<D>, int> = 0>
auto build_timelines(const D& horizon, const timeline_policy& policy, const Sources&... sources) {
  static_assert(sizeof...(Sources) > 0, "csc::build_timelines: give at least one episode source (csc::episodes)");
  using id = std::common_type_t<detail::source_child_t<Sources>...>;
  return detail::build_timelines<id>(std::optional<serial_day>(to_serial(horizon)), policy, sources...);
}

/// @brief build_timelines() with the horizon H taken as the latest start or
/// end date in the sources.
template <class... Sources>
auto build_timelines(const timeline_policy& policy, const Sources&... sources) {
  static_assert(sizeof...(Sources) > 0, "csc::build_timelines: give at least one episode source (csc::episodes)");
  using id = std::common_type_t<detail::source_child_t<Sources>...>;
  return detail::build_timelines<id>(std::nullopt, policy, sources...);
}

}  // namespace csc

#endif  // CSC_EPISODE_TIMELINE_HPP
