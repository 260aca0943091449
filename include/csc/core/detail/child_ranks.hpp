/// @file
/// @brief Internal: children numbered once. `child_interner` gives each
/// distinct host child id a dense ordinal through one hash lookup per record
/// (no per-record allocation), and `child_interner::ranks()` orders the
/// distinct ids by the id's operator<, so that records can be grouped by
/// child with a counting sort of small integers instead of comparing ids.
#ifndef CSC_CORE_DETAIL_CHILD_RANKS_HPP
#define CSC_CORE_DETAIL_CHILD_RANKS_HPP

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <numeric>
#include <string_view>
#include <stdexcept>
#include <type_traits>
#include <utility>
#include <vector>

namespace csc::detail {

// Whether ids of type Id can be numbered through a hash: std::hash<Id> is
// enabled (a disabled specialisation is not default constructible) and ids
// compare with ==. Other id types (only operator< given) are grouped by the
// comparison sort instead.
template <class Id, class = void>
struct is_internable : std::false_type {};
template <class Id>
struct is_internable<Id, std::void_t<decltype(std::declval<const std::hash<Id>&>()(std::declval<const Id&>())),
                                     decltype(std::declval<const Id&>() == std::declval<const Id&>())>>
    : std::is_default_constructible<std::hash<Id>> {};
template <class Id>
inline constexpr bool is_internable_v = is_internable<Id>::value;

// Distinct ids in first-appearance order, each with the ordinal of its
// position; an open-addressing table (linear probing, power-of-two size,
// load at most 1/2) of ordinal + 1 (0: empty slot), tagged with the high half
// of the id's hash so that a probe rarely touches another id, finds an id's ordinal.
template <class Id>
class child_interner {
 public:
  // Room for about `expected` distinct ids before the table grows.
  explicit child_interner(std::size_t expected = 0) {
    ids_.reserve(expected);
    hashes_.reserve(expected);
    rehash(table_size_for(expected));
  }

  // The ordinal of `id`, numbering it (and copying it once) on first sight.
  template <class Key>
  std::uint32_t intern(const Key& id) {
    return intern(id, hash(id));
  }
  // The hash intern() uses for `id`.
  template <class Key>
  static std::uint64_t hash(const Key& id) {
    return mixed_hash(id);
  }
  // Asks the processor to fetch the table slot of hash `h` (a hint: interning
  // many ids, fetch a few ahead so that their cache misses overlap).
  void prefetch(std::uint64_t h) const noexcept {
#if defined(__GNUC__) || defined(__clang__)
    __builtin_prefetch(slots_.data() + (static_cast<std::size_t>(h) & mask_));
#else
    (void)h;
#endif
  }
  // The ordinal of `id`, whose hash() is `h`.
  template <class Key>
  std::uint32_t intern(const Key& id, std::uint64_t h) {
    std::size_t slot = static_cast<std::size_t>(h) & mask_;
    const std::uint64_t tag = static_cast<std::uint64_t>(h) & 0xffffffff00000000ull;
    for (;;) {
      const std::uint64_t held = slots_[slot];
      if (held == 0) break;
      const auto ordinal = static_cast<std::uint32_t>((held & 0xffffffffu) - 1);
      if ((held & 0xffffffff00000000ull) == tag && ids_[ordinal] == id) return ordinal;
      slot = (slot + 1) & mask_;
    }
    if (ids_.size() >= std::numeric_limits<std::uint32_t>::max() - 1) {
      throw std::length_error("csc: more than 4294967294 distinct child ids");
    }
    const auto ordinal = static_cast<std::uint32_t>(ids_.size());
    ids_.emplace_back(id);
    hashes_.push_back(h);
    slots_[slot] = tag | (ordinal + 1);
    if (2 * ids_.size() > slots_.size()) rehash(2 * slots_.size());
    return ordinal;
  }

  // Frees the lookup table (ids and ranks() stay): intern() must not be called again.
  void release_table() noexcept {
    std::vector<std::uint64_t>().swap(slots_);
    std::vector<std::uint64_t>().swap(hashes_);
    mask_ = 0;
  }

  // Number of distinct ids so far.
  std::size_t size() const noexcept { return ids_.size(); }
  // The distinct ids, ordinal k at [k].
  const std::vector<Id>& ids() const noexcept { return ids_; }
  std::vector<Id>& ids() noexcept { return ids_; }

  // rank[k]: the position of ordinal k's id among the distinct ids in
  // ascending operator< order. O(k) when the ids were first seen in that
  // order, O(k log k) comparisons of distinct ids otherwise.
  std::vector<std::uint32_t> ranks() const {
    const std::size_t k = ids_.size();
    std::vector<std::uint32_t> by_id(k);
    std::iota(by_id.begin(), by_id.end(), std::uint32_t{0});
    bool ascending = true;
    for (std::size_t i = 1; i < k && ascending; ++i) ascending = ids_[i - 1] < ids_[i];
    if (!ascending) {
      if constexpr (std::is_convertible_v<const Id&, std::string_view>) {
        sort_text_ids(by_id);
      } else {
        std::sort(by_id.begin(), by_id.end(), [&](std::uint32_t a, std::uint32_t b) { return ids_[a] < ids_[b]; });
      }
    }
    std::vector<std::uint32_t> rank(k);
    for (std::size_t r = 0; r < k; ++r) rank[by_id[r]] = static_cast<std::uint32_t>(r);
    return rank;
  }

 private:
  // Sorts the ordinals in @p by_id by their text ids' operator< (bytes compared
  // as unsigned, then length): a least-significant-digit radix sort of each
  // id's first eight bytes read big-endian (zero-padded; a byte position all ids
  // share is skipped), then a comparison sort of each run of equal prefixes.
  void sort_text_ids(std::vector<std::uint32_t>& by_id) const {
    const std::size_t k = by_id.size();
    struct keyed {
      std::uint64_t prefix;
      std::uint32_t ordinal;
    };
    std::vector<keyed> a(k), b(k);
    for (std::size_t i = 0; i < k; ++i) {
      const std::string_view id = ids_[by_id[i]];
      std::uint64_t prefix = 0;
      for (std::size_t j = 0; j < 8; ++j)
        prefix = (prefix << 8) | (j < id.size() ? static_cast<unsigned char>(id[j]) : 0u);
      a[i] = keyed{prefix, by_id[i]};
    }
    for (unsigned shift = 0; shift < 64; shift += 8) {
      std::size_t count[257] = {};
      for (const keyed& x : a) ++count[((x.prefix >> shift) & 0xff) + 1];
      if (std::find(count + 1, count + 257, k) != count + 257) continue;  // one byte value: nothing to do
      for (std::size_t d = 0; d < 256; ++d) count[d + 1] += count[d];
      for (const keyed& x : a) b[count[(x.prefix >> shift) & 0xff]++] = x;
      a.swap(b);
    }
    for (std::size_t g = 0; g < k;) {  // equal prefixes: [g, e)
      std::size_t e = g + 1;
      while (e < k && a[e].prefix == a[g].prefix) ++e;
      if (e - g > 1)
        std::sort(a.begin() + static_cast<std::ptrdiff_t>(g), a.begin() + static_cast<std::ptrdiff_t>(e),
                  [&](const keyed& x, const keyed& y) { return ids_[x.ordinal] < ids_[y.ordinal]; });
      g = e;
    }
    for (std::size_t i = 0; i < k; ++i) by_id[i] = a[i].ordinal;
  }

  static std::size_t table_size_for(std::size_t expected) {
    std::size_t size = 16;
    while (size < 2 * expected) size *= 2;
    return size;
  }
  // std::hash of integers is the identity in common libraries: mix the bits
  // (Fibonacci hashing, the high half folded in) so that ids with a common
  // stride do not share low bits.
  template <class Key>
  static std::uint64_t mixed_hash(const Key& id) {
    const std::uint64_t x = static_cast<std::uint64_t>(std::hash<Id>{}(id)) * 0x9E3779B97F4A7C15ull;
    return x ^ (x >> 29);
  }
  void rehash(std::size_t size) {
    slots_.assign(size, 0);
    mask_ = size - 1;
    for (std::size_t k = 0; k < ids_.size(); ++k) {
      std::size_t slot = static_cast<std::size_t>(hashes_[k]) & mask_;
      while (slots_[slot] != 0) slot = (slot + 1) & mask_;
      slots_[slot] = (static_cast<std::uint64_t>(hashes_[k]) & 0xffffffff00000000ull) | (k + 1);
    }
  }

  std::vector<Id> ids_;
  std::vector<std::uint64_t> hashes_;
  std::vector<std::uint64_t> slots_;  // 0: empty; else the hash's high half << 32 | ordinal + 1
  std::size_t mask_ = 0;
};

// Numbers ids one at a time as they come (timelines collect them source by
// source, so they cannot all be hashed first), each looked up `ahead` ids after
// its table slot was fetched: push(id, k) writes its ordinal to out[k] once it is
// interned; finish() interns the rest. The last `ahead` ids are held as copies
// (assigned into the same slots, so a std::string id reuses its buffer); push()
// needs a default-constructible, copy-assignable Id.
template <class Id>
class prefetching_interner {
 public:
  static constexpr std::size_t ahead = 16;
  prefetching_interner(child_interner<Id>& interner, std::vector<std::uint32_t>& out)
      : interner_(interner), out_(out) {
    if constexpr (std::is_default_constructible_v<Id>) ring_.resize(ahead);  // push() needs it
  }
  template <class Key>
  void push(const Key& id, std::size_t k) {
    const std::uint64_t h = interner_.hash(id);
    interner_.prefetch(h);
    pending& p = ring_[next_ % ahead];
    if (next_ >= ahead) out_[p.k] = interner_.intern(p.id, p.h);
    p.id = id;
    p.h = h;
    p.k = k;
    ++next_;
  }
  void finish() {
    const std::size_t held = std::min(next_, ahead);
    for (std::size_t j = next_ - held; j < next_; ++j) {
      const pending& p = ring_[j % ahead];
      out_[p.k] = interner_.intern(p.id, p.h);
    }
    next_ = 0;
  }

 private:
  struct pending {
    Id id{};
    std::uint64_t h = 0;
    std::size_t k = 0;
  };
  child_interner<Id>& interner_;
  std::vector<std::uint32_t>& out_;
  std::vector<pending> ring_;
  std::size_t next_ = 0;
};

// Stable counting sort of the indices 0..n-1 by key[i] < key_count: `order`
// lists each key's indices together, keys ascending, indices ascending within
// a key; `starts` (key_count + 1 entries) the position where each key's indices
// start, then n. O(n + key_count).
// Index: the type of `order` and `starts` (std::size_t, or std::uint32_t where
// the caller has checked that n fits).
template <class Index>
void counting_sort_by_key(const std::vector<std::uint32_t>& key, std::size_t key_count, std::vector<Index>& order,
                          std::vector<Index>& starts) {
  starts.assign(key_count + 1, 0);
  for (const std::uint32_t k : key) ++starts[k + 1];
  for (std::size_t k = 0; k < key_count; ++k) starts[k + 1] += starts[k];
  std::vector<Index> next(starts.begin(), starts.end() - 1);
  order.resize(key.size());
  for (std::size_t i = 0; i < key.size(); ++i) order[next[key[i]]++] = static_cast<Index>(i);
}

// Orders the indices 0..n-1 (n = rank_of.size()) by rank_of[i] (each < rank_count),
// then key_less, then index, into `order`: a counting sort by rank, then a sort of
// each rank's own indices by key_less (usually a handful). `starts`: where each
// rank's indices start in `order`, then n (rank_count + 1 entries).
template <class KeyLess, class Index>
void order_by_rank(const std::vector<std::uint32_t>& rank_of, std::size_t rank_count, const KeyLess& key_less,
                   std::vector<Index>& order, std::vector<Index>& starts) {
  counting_sort_by_key(rank_of, rank_count, order, starts);
  const auto by_key_then_index = [&](std::size_t a, std::size_t b) {
    if (key_less(a, b)) return true;
    if (key_less(b, a)) return false;
    return a < b;
  };
  for (std::size_t r = 0; r < rank_count; ++r) {  // one rank: positions [starts[r], starts[r + 1])
    if (starts[r + 1] - starts[r] > 1)
      std::sort(order.begin() + static_cast<std::ptrdiff_t>(starts[r]),
                order.begin() + static_cast<std::ptrdiff_t>(starts[r + 1]), by_key_then_index);
  }
}

// Fills `order` with 0..n-1 sorted by child(i) (ascending by the id's <),
// then key_less, then index, for hashable ids (is_internable_v): each child
// numbered once (the table's slots fetched a few ids ahead), the distinct ids
// ranked, and order_by_rank(); `starts` where each child's records start in
// `order`, then n. O(n) hash lookups, O(k log k) comparisons of the
// k distinct ids (text ids: a radix sort), and small per-child sorts.
template <class ChildAt, class KeyLess, class Index>
void order_by_child_rank(std::size_t n, const ChildAt& child, const KeyLess& key_less, std::vector<Index>& order,
                         std::vector<Index>& starts) {
  using child_id = std::decay_t<decltype(child(std::size_t{0}))>;
  static_assert(is_internable_v<child_id>, "csc: order_by_child_rank needs a hashable child id");
  child_interner<child_id> interner(n);  // room for every record a child of its own: no growth
  std::vector<std::uint32_t> rank_of(n);
  // Each record's hash taken `ahead` records before its lookup, and its table
  // slot fetched then, so that the lookups' cache misses overlap.
  constexpr std::size_t ahead = 16;
  std::uint64_t hash_ahead[ahead];
  for (std::size_t i = 0; i < n && i < ahead; ++i) {
    hash_ahead[i] = interner.hash(child(i));
    interner.prefetch(hash_ahead[i]);
  }
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint64_t h = hash_ahead[i % ahead];
    if (i + ahead < n) {
      hash_ahead[i % ahead] = interner.hash(child(i + ahead));
      interner.prefetch(hash_ahead[i % ahead]);
    }
    rank_of[i] = interner.intern(child(i), h);
  }
  interner.release_table();  // ranking needs only the ids
  const std::vector<std::uint32_t> rank = interner.ranks();
  for (auto& r : rank_of) r = rank[r];
  order_by_rank(rank_of, interner.size(), key_less, order, starts);
}

}  // namespace csc::detail

#endif  // CSC_CORE_DETAIL_CHILD_RANKS_HPP
