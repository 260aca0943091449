/// @file
/// @brief `csc::build_timelines`: per child, the sequence of service levels
/// (early help, CIN, CIN plan, CP plan, looked after) built from any number of
/// host episode ranges by "the highest level covering the day", with gap
/// bridging (docs/rules/stepdown.md).
/// @ingroup stepdown
#ifndef CSC_EPISODE_TIMELINE_HPP
#define CSC_EPISODE_TIMELINE_HPP

#include <csc/core/date_traits.hpp>
#include <csc/core/detail/child_lookup.hpp>
#include <csc/core/detail/child_ranks.hpp>
#include <csc/core/detail/projected.hpp>
#include <csc/core/detail/records.hpp>
#include <csc/core/finding.hpp>
#include <csc/episode/service_level.hpp>

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
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

/// @defgroup stepdown Step-down (service-level timelines and transitions)
/// @brief episodes, build_timelines, classify_transitions and the accumulator count_stepdowns.

namespace csc {

/// @addtogroup stepdown
/// @{

/// @brief Policy switches for build_timelines(); the defaults are the rules.
struct timeline_policy {
  /// Gaps of up to this many days between two episodes of a child (days at
  /// level none with a covered day on both sides) are bridged at the lower of
  /// the two levels either side. Default 0: no bridging.
  int bridge_gap_days = 0;
};

/// @brief One host episode range with its service level and projections, as
/// made by csc::episodes(). Refers to an lvalue range (which must outlive
/// build_timelines()); owns an rvalue range, moved in, so that
/// `auto cp = csc::episodes(load(), ...)` is safe. Owning the records does not
/// keep alive what they view: records of a csc::io::record_table view the
/// table's `texts` (docs/inputs.md), so pass such records as an lvalue of a table
/// that lives, not `read_cp_plans_csv(f).records`.
/// @tparam Range the range type: `R&` (referred to) or `R` (owned).
/// @tparam ChildProj projection record -> child id.
/// @tparam StartProj projection record -> first day (a date).
/// @tparam EndProj projection record -> last day: a date, or an optional date (empty = open).
template <class Range, class ChildProj, class StartProj, class EndProj>
struct episode_source {
  /// @brief The range held: a reference for an lvalue range, the range itself for an rvalue.
  using stored_range = std::conditional_t<std::is_lvalue_reference_v<Range>,
                                          std::reference_wrapper<std::remove_reference_t<Range>>, Range>;
  mutable stored_range records;  ///< The host's episode records (mutable: views such as std::views::filter iterate non-const).
  service_level level;   ///< The level every episode of this range stands for.
  ChildProj child_of;    ///< Projection record -> child id.
  StartProj start_of;    ///< Projection record -> first day (a date).
  EndProj end_of;        ///< Projection record -> last day: a date, or an optional date (empty = open).

  /// @brief The records.
  /// @return a reference to the range.
  std::remove_reference_t<Range>& range() const { return records; }
};

/// @brief Describes the episode range @p records at service level @p level
/// for build_timelines().
/// @tparam Range an input range of episode records; an rvalue range is moved into the source (owned).
/// @tparam ChildProj projection record -> child id (`<` and `==`).
/// @tparam StartProj projection record -> first day (a date with csc::date_traits).
/// @tparam EndProj   projection record -> last day: a date, or an optional date (empty = open).
/// @param records  the episodes.
/// @param level    the level they stand for (not service_level::none).
/// @param child_of the child id projection.
/// @param start_of the start projection.
/// @param end_of   the end projection.
/// @return an episode_source.
/// @throws std::invalid_argument if @p level is service_level::none.
template <class Range, class ChildProj, class StartProj, class EndProj>
episode_source<Range, ChildProj, StartProj, EndProj> episodes(Range&& records, service_level level, ChildProj child_of,
                                                              StartProj start_of, EndProj end_of) {
  if (level == service_level::none) throw std::invalid_argument("csc::episodes: an episode range cannot be at level none");
  return {std::forward<Range>(records), level, std::move(child_of), std::move(start_of), std::move(end_of)};
}

/// @brief A maximal run of days [first, last] (both included) at one level.
struct level_segment {
  service_level level = service_level::none;  ///< The level on every day of the run.
  day first;                                  ///< First day.
  day last;                                   ///< Last day.
};

/// @brief The segments of one child's timeline, in day order (a view into
/// service_timelines).
class segment_range {
 public:
  /// @brief A view of [@p first, @p last).
  /// @param first the first segment.
  /// @param last  one past the last segment.
  segment_range(const level_segment* first, const level_segment* last) noexcept : first_(first), last_(last) {}
  /// @brief First segment.
  /// @return a pointer to it.
  const level_segment* begin() const noexcept { return first_; }
  /// @brief One past the last segment.
  /// @return a pointer past it.
  const level_segment* end() const noexcept { return last_; }
  /// @brief Number of segments.
  /// @return the count.
  std::size_t size() const noexcept { return static_cast<std::size_t>(last_ - first_); }
  /// @brief Segment @p i (0 = the first).
  /// @param i an index `< size()`.
  /// @return the segment.
  const level_segment& operator[](std::size_t i) const noexcept { return first_[i]; }

 private:
  const level_segment* first_;
  const level_segment* last_;
};

template <class ChildId>
class service_timelines;

namespace detail {
template <class Id, class... Sources>
service_timelines<Id> build_timelines(day, const timeline_policy&, const Sources&...);
}  // namespace detail

/// @brief Result of build_timelines(): every child's level segments from its
/// first episode to the extract date E, plus findings.
/// @tparam ChildId the common type of the sources' child ids.
///
/// Consecutive segments of a child have different levels; together they cover
/// every day from the child's first episode start to E, with level `none`
/// where no episode covers a day (and no bridging applies). Before the first
/// segment the child is at `none`.
template <class ChildId>
class service_timelines {
 public:
  /// @brief The child id type (the common type of the sources' child ids).
  using child_id_type = ChildId;

  /// @brief Number of children with at least one episode (valid or not).
  /// @return a count of children.
  std::size_t child_count() const noexcept { return ids_.size(); }
  /// @brief Id of the child with ordinal @p child (ordinals follow id order).
  /// @param child an ordinal `< child_count()`.
  /// @return the host's child id.
  /// @throws std::out_of_range if @p child is not an ordinal.
  const ChildId& child_id(std::size_t child) const { return ids_.at(child); }
  /// @brief Ordinal of the child with id @p id, if it has an episode.
  /// @param id a child id.
  /// @return its ordinal, or std::nullopt.
  std::optional<std::size_t> find_child(const ChildId& id) const {
    return detail::find_child_ordinal(ids_, id);
  }
  /// @brief The segments of child @p child, in day order (empty if all its episodes were invalid).
  /// @param child an ordinal `< child_count()`.
  /// @return a view of the segments.
  /// @throws std::out_of_range if @p child is not an ordinal.
  segment_range segments(std::size_t child) const {
    return segment_range(segments_.data() + offsets_.at(child), segments_.data() + offsets_.at(child + 1));
  }
  /// @brief The level of child @p child on day @p on.
  /// @tparam D any date type with csc::date_traits (the host's, or csc::day).
  /// @param child an ordinal `< child_count()`.
  /// @param on    the day asked about.
  /// @return the level; `none` before the child's first episode; std::nullopt
  ///         after the extract date (unknown).
  /// @throws std::out_of_range if @p child is not an ordinal.
  template <class D>
  std::optional<service_level> level_on(std::size_t child, const D& on) const {
    const day d = to_day(on);
    if (d > extract_date_) return std::nullopt;
    for (const level_segment& s : segments(child)) {
      if (s.first <= d && d <= s.last) return s.level;
    }
    return service_level::none;
  }
  /// @brief Findings (rule::episode_end_before_start, rule::episode_same_level_overlap), by child and episode start.
  /// @return the findings; `source` is the episode source's position in the argument list.
  const std::vector<finding>& findings() const noexcept { return findings_; }
  /// @brief The extract date E: open episodes cover every day to it.
  /// @return the extract date.
  day extract_date() const noexcept { return extract_date_; }
  /// @brief The policy used.
  /// @return the timeline policy.
  const timeline_policy& policy() const noexcept { return policy_; }

 private:
  template <class Id, class... Sources>
  friend service_timelines<Id> detail::build_timelines(day, const timeline_policy&, const Sources&...);
  std::vector<ChildId> ids_;
  std::vector<std::size_t> offsets_{0};
  std::vector<level_segment> segments_;
  std::vector<finding> findings_;
  day extract_date_;
  timeline_policy policy_;
};

namespace detail {
struct raw_episode {
  day start;
  day end;  // day::max() while open
  std::size_t record;
  std::uint32_t source;
  service_level level;
};

template <class Source>
using source_records_t = indexed_records<std::remove_reference_t<decltype(std::declval<const Source&>().range())>>;
template <class Source>
using source_child_t = std::decay_t<std::invoke_result_t<decltype(std::declval<const Source&>().child_of)&,
                                                         decltype(std::declval<const source_records_t<Source>&>()[0])>>;

// How many episodes `src` holds, when its range says without being read (random
// access); else 0 (a single-pass range is read once, by collect_episodes).
template <class Source>
std::size_t episode_count_hint(const Source& src) {
  auto&& r = src.range();
  using range = std::remove_reference_t<decltype(r)>;
  if constexpr (is_random_access_range<range>::value) {
    return static_cast<std::size_t>(std::end(r) - std::begin(r));
  } else {
    return 0;
  }
}

// The episodes of `src` appended to `out`, each one's child given to add_child.
template <class Source, class AddChild>
void collect_episodes(const Source& src, std::uint32_t source, day extract, const AddChild& add_child,
                      std::vector<raw_episode>& out) {
  const source_records_t<Source> r(src.range());
  const auto where = [&](std::size_t i, const char* field) {
    return "csc::build_timelines: source " + std::to_string(source) + " (" + std::string(to_string(src.level)) +
           ") record " + std::to_string(i) + ": " + field;
  };
  for (std::size_t i = 0; i < r.size(); ++i) {
    raw_episode e{day(), day::max(), i, source, src.level};
    try {
      e.start = to_day(std::invoke(src.start_of, r[i]));
    } catch (const std::invalid_argument& x) {
      throw std::invalid_argument(where(i, "start") + ": " + x.what());
    }
    try {
      if (const auto end = projected_end(std::invoke(src.end_of, r[i]))) e.end = *end;
    } catch (const std::invalid_argument& x) {
      throw std::invalid_argument(where(i, "end") + ": " + x.what());
    }
    require_not_after_extract_date(e.start, extract, [&] { return where(i, "start"); });
    if (e.end != day::max()) require_not_after_extract_date(e.end, extract, [&] { return where(i, "end"); });
    add_child(std::invoke(src.child_of, r[i]));
    out.push_back(e);
  }
}

template <class Id, class... Sources>
service_timelines<Id> build_timelines(day h, const timeline_policy& policy, const Sources&... sources) {
  if (policy.bridge_gap_days < 0) throw std::invalid_argument("csc::build_timelines: bridge_gap_days must be >= 0");
  std::vector<raw_episode> eps;
  std::uint32_t source = 0;
  service_timelines<Id> out;
  out.policy_ = policy;
  out.extract_date_ = h;

  // By child (ascending id), then start, then input order.
  const auto start_less = [&](std::size_t a, std::size_t b) { return eps[a].start < eps[b].start; };
  std::vector<std::size_t> order;
  std::vector<std::uint32_t> rank_of;  // hashable ids: each episode's child rank
  std::vector<Id> ids;                 // other ids: each episode's child
  if constexpr (is_internable_v<Id>) {
    // Each child numbered as its episodes are collected, its table slot fetched
    // 16 ids ahead (the id held meanwhile in one of 16 reused slots, not copied
    // per episode into a table), the distinct ids ranked, a counting sort by rank
    // (core/detail/child_ranks.hpp); the distinct ids then moved out in rank order.
    const std::size_t expected = (std::size_t{0} + ... + episode_count_hint(sources));
    child_interner<Id> interner(expected);
    prefetching_interner<Id> numbering(interner, rank_of);  // each child's slot fetched a few ids ahead
    rank_of.reserve(expected);
    eps.reserve(expected);
    const auto add_child = [&](const auto& child) {
      if constexpr (std::is_default_constructible_v<Id> && std::is_copy_assignable_v<Id>) {
        rank_of.push_back(0);  // written by `numbering` a few ids later
        if constexpr (std::is_same_v<std::decay_t<decltype(child)>, Id>) {
          numbering.push(child, rank_of.size() - 1);
        } else {
          numbering.push(Id(child), rank_of.size() - 1);
        }
      } else if constexpr (std::is_same_v<std::decay_t<decltype(child)>, Id>) {
        rank_of.push_back(interner.intern(child));
      } else {
        rank_of.push_back(interner.intern(Id(child)));
      }
    };
    (collect_episodes(sources, source++, h, add_child, eps), ...);
    numbering.finish();
    const std::vector<std::uint32_t> rank = interner.ranks();
    for (auto& r : rank_of) r = rank[r];
    std::vector<std::size_t> starts;  // not needed: runs of equal rank are found below
    order_by_rank(rank_of, interner.size(), start_less, order, starts);
    std::vector<std::uint32_t> by_rank(rank.size());
    for (std::size_t o = 0; o < rank.size(); ++o) by_rank[rank[o]] = static_cast<std::uint32_t>(o);
    out.ids_.reserve(rank.size());
    for (const std::uint32_t o : by_rank) out.ids_.push_back(std::move(interner.ids()[o]));
  } else {
    const auto add_child = [&](const auto& child) { ids.push_back(Id(child)); };
    (collect_episodes(sources, source++, h, add_child, eps), ...);
    order.resize(eps.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      if (ids[a] < ids[b]) return true;
      if (ids[b] < ids[a]) return false;
      if (eps[a].start != eps[b].start) return eps[a].start < eps[b].start;
      return a < b;
    });
  }
  const auto same_child = [&](std::size_t a, std::size_t b) {
    if constexpr (is_internable_v<Id>) {
      return rank_of[a] == rank_of[b];
    } else {
      return !(ids[a] < ids[b]);
    }
  };

  out.segments_.reserve(2 * eps.size());  // at most one segment per event: two events an episode
  out.offsets_.reserve(out.ids_.size() + 1);
  std::vector<std::pair<day, int>> events;  // (day, +level+1 at a start, -(level+1) the day after an end)
  std::vector<level_segment> built;
  for (std::size_t g = 0; g < order.size();) {
    std::size_t e = g + 1;
    while (e < order.size() && same_child(order[g], order[e])) ++e;
    if constexpr (!is_internable_v<Id>) out.ids_.push_back(ids[order[g]]);
    // Checks, and the events of the valid episodes.
    events.clear();
    std::array<day, service_level_count> level_end{};
    std::array<std::optional<std::size_t>, service_level_count> level_holder{};
    for (std::size_t k = g; k < e; ++k) {
      const raw_episode& ep = eps[order[k]];
      if (ep.end < ep.start) {
        finding f;
        f.rule = rule::episode_end_before_start;
        f.record = ep.record;
        f.source = ep.source;
        f.counted = false;
        out.findings_.push_back(std::move(f));
        continue;
      }
      const auto lv = static_cast<std::size_t>(ep.level);
      if (level_holder[lv] && ep.start <= level_end[lv]) {
        const raw_episode& other = eps[*level_holder[lv]];
        finding f;
        f.rule = rule::episode_same_level_overlap;
        f.record = ep.record;
        f.source = ep.source;
        f.related_record = other.record;
        f.related_source = other.source;
        out.findings_.push_back(std::move(f));
      }
      if (!level_holder[lv] || ep.end >= level_end[lv]) {
        level_holder[lv] = order[k];
        level_end[lv] = ep.end;
      }
      const day last = ep.end == day::max() ? h : ep.end;
      events.emplace_back(ep.start, static_cast<int>(lv) + 1);
      events.emplace_back(last.next(), -(static_cast<int>(lv) + 1));
    }
    // Sweep: the highest level with a covering episode, day by day in runs.
    std::sort(events.begin(), events.end());
    built.clear();
    std::array<int, service_level_count> covering{};
    for (std::size_t k = 0; k < events.size();) {
      const day d = events[k].first;
      for (; k < events.size() && events[k].first == d; ++k) {
        covering[static_cast<std::size_t>(std::abs(events[k].second) - 1)] += events[k].second > 0 ? 1 : -1;
      }
      std::size_t top = service_level_count - 1;
      while (top > 0 && covering[top] == 0) --top;
      const auto level = static_cast<service_level>(top);
      if (!built.empty() && built.back().level == level) continue;
      if (!built.empty()) built.back().last = d.previous();
      if (d > h) break;
      built.push_back(level_segment{level, d, h});
    }
    // Bridging: a run of `none` with a segment on both sides, at most g days long,
    // takes the lower of its neighbours' levels; equal neighbours then merge.
    const std::size_t child_first = out.segments_.size();
    for (std::size_t k = 0; k < built.size(); ++k) {
      level_segment s = built[k];
      if (s.level == service_level::none && k > 0 && k + 1 < built.size() &&
          (s.last - s.first).count() + 1 <= policy.bridge_gap_days) {
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

/// @brief Builds every child's service-level timeline from the episode
/// sources @p sources (a std::tuple of csc::episodes()), up to the extract date.
///
/// Rules (docs/rules/stepdown.md, docs/rules/extract-date.md):
/// - a child's level on day d is the highest level of its episodes covering d
///   (closed intervals [start, end]); an open episode covers every day from
///   its start to the extract date E; before its first episode a child is at `none`;
/// - a run of at most `policy.bridge_gap_days` days at `none` between two
///   covered days is bridged at the lower of the two levels either side
///   (default 0: never);
/// - an episode ending before it starts is left out (finding
///   rule::episode_end_before_start, not counted); episodes of one child at one
///   level that share a day are merged by the rule above (finding
///   rule::episode_same_level_overlap, counted);
/// - a start or end after E is an error.
///
/// Child ids from all sources must be convertible to their common type, with
/// `<` and `==`; a hashable id (std::hash) is copied once per child, other ids
/// once per episode while building.
/// O(n log n) in the total number of episodes.
/// @tparam Sources csc::episode_source types.
/// @tparam D the extract date's type (any type with csc::date_traits).
/// @param sources      the episode sources, e.g. `std::tuple(csc::episodes(...), csc::episodes(...))`.
/// @param extract_date the extract date E.
/// @param policy       the bridging policy.
/// @return the service_timelines of every child with an episode.
/// @throws std::invalid_argument naming the source, record and field for a
///         value that is not a date or is after @p extract_date, or for a
///         negative bridge_gap_days.
template <class... Sources, class D, std::enable_if_t<is_date_v<D>, int> = 0>
auto build_timelines(const std::tuple<Sources...>& sources, const D& extract_date, const timeline_policy& policy = {}) {
  static_assert(sizeof...(Sources) > 0, "csc::build_timelines: give at least one episode source (csc::episodes)");
  using id = std::common_type_t<detail::source_child_t<Sources>...>;
  return std::apply(
      [&](const auto&... s) { return detail::build_timelines<id>(to_day(extract_date), policy, s...); }, sources);
}

/// @brief build_timelines() from one episode source.
/// @param source       the episodes, from csc::episodes().
/// @param extract_date the extract date E.
/// @param policy       the bridging policy.
/// @return the service_timelines of every child with an episode.
/// @throws std::invalid_argument as the tuple overload.
template <class Range, class ChildProj, class StartProj, class EndProj, class D,
          std::enable_if_t<is_date_v<D>, int> = 0>
auto build_timelines(const episode_source<Range, ChildProj, StartProj, EndProj>& source, const D& extract_date,
                     const timeline_policy& policy = {}) {
  using id = detail::source_child_t<episode_source<Range, ChildProj, StartProj, EndProj>>;
  return detail::build_timelines<id>(to_day(extract_date), policy, source);
}

/// @}

}  // namespace csc

#endif  // CSC_EPISODE_TIMELINE_HPP
