// csc-synth's random draws: every random quantity is one of the functions
// below, each an exact, specified function of std::mt19937_64's output, on
// fixed-width unsigned integers. The engine's sequence is fixed by the C++
// standard; std::uniform_int_distribution and its kin are not (each standard
// library chooses its own algorithm: libstdc++ and libc++ differ), so none is
// used, nor std::size_t (32-bit on wasm32), nor any floating point. Same seed,
// same draws, on every conforming platform (docs/csc-synth.md).
#ifndef CSC_EXAMPLES_SYNTH_RANDOM_HPP
#define CSC_EXAMPLES_SYNTH_RANDOM_HPP

#include <cstdint>
#include <initializer_list>
#include <random>

namespace csc_synth {

using engine = std::mt19937_64;

// A probability as an exact fraction: per_million / 1,000,000.
struct probability {
  std::uint32_t per_million;
};

// The next engine output, in [0, 2^64).
inline std::uint64_t next(engine& g) { return static_cast<std::uint64_t>(g()); }

// The full 128-bit product a * b: returns the high 64 bits, stores the low 64
// bits in `low`. Exact, from 32-bit halves (no compiler extension).
inline std::uint64_t multiply_128(std::uint64_t a, std::uint64_t b, std::uint64_t& low) {
  const std::uint64_t mask = 0xFFFFFFFFULL;
  const std::uint64_t a0 = a & mask, a1 = a >> 32, b0 = b & mask, b1 = b >> 32;
  const std::uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
  const std::uint64_t middle = (p00 >> 32) + (p01 & mask) + (p10 & mask);  // < 3 * 2^32
  low = (middle << 32) | (p00 & mask);
  return p11 + (p01 >> 32) + (p10 >> 32) + (middle >> 32);
}

// below(g, s), s >= 1: uniform on [0, s). Lemire's nearly divisionless method
// ("Fast Random Integer Generation in an Interval", ACM TOMACS 29(1), 2019):
// x = next(g), m = x * s (128 bits); if low64(m) < s, let t = (2^64 - s) mod s
// and, while low64(m) < t, draw x again and recompute m. Result: high64(m),
// i.e. floor(x * s / 2^64). Rejection makes it exactly uniform; most draws use
// one engine output (another is needed with probability t / 2^64 < s / 2^64).
inline std::uint64_t below(engine& g, std::uint64_t s) {
  std::uint64_t low = 0;
  std::uint64_t high = multiply_128(next(g), s, low);
  if (low < s) {
    const std::uint64_t t = (std::uint64_t{0} - s) % s;  // (2^64 - s) mod s
    while (low < t) high = multiply_128(next(g), s, low);
  }
  return high;
}

// uniform(g, a, b), a <= b: uniform on [a, b], as a + below(g, b - a + 1).
inline std::int32_t uniform(engine& g, std::int32_t a, std::int32_t b) {
  const auto span = static_cast<std::uint64_t>(static_cast<std::int64_t>(b) - a) + 1;
  return static_cast<std::int32_t>(a + static_cast<std::int64_t>(below(g, span)));
}

// chance(g, p): true with probability exactly p, as below(g, 1,000,000) < per_million.
inline bool chance(engine& g, probability p) { return below(g, 1000000) < p.per_million; }

// pick(g, {o_0, ..., o_(n-1)}): o_k with k = below(g, n).
template <class T>
T pick(engine& g, std::initializer_list<T> options) {
  return *(options.begin() + below(g, options.size()));
}

}  // namespace csc_synth

#endif
