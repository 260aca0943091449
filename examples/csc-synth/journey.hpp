// csc-synth: one child's journey through children's social care, coherent in
// time: referral -> assessment -> (S47 -> ICPC -> CP plan -> step-down to a
// CIN plan) or a CIN plan, or closure; early help after some closures;
// re-referrals; repeat plans. Dates are day counts since 1970-01-01 (plain
// integers for the generator's arithmetic; csc::day at the edges, main.cpp).
// Deterministic for a seed: each child draws from its own generator, through
// the specified mappings of random.hpp only.
#ifndef CSC_EXAMPLES_SYNTH_JOURNEY_HPP
#define CSC_EXAMPLES_SYNTH_JOURNEY_HPP

#include "random.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace csc_synth {

using day = std::int32_t;  // csc::day(csc::days(d)) is the calendar day

// The knobs of the model. Defaults are calibrated to England 2024-25 (DfE
// C1: 22.6% re-referrals, 6.5% NFA; D3: 24.5% second or subsequent plans);
// docs/csc-synth.md gives the calibration run.
struct model {  // probabilities are exact: per_million / 1,000,000
  probability nfa{66000};                // a referral is NFA (closed the same day, nothing nested)
  probability s47{300000};               // an assessed referral leads to a section 47 enquiry
  probability cp_after_s47{340000};      // a S47 leads to an ICPC and a CP plan
  probability cin_plan{350000};          // an assessed referral without a CP plan gets a CIN plan
  probability step_down{850000};         // a CP plan steps down to a CIN plan (else the episode closes)
  probability early_help{300000};        // a closure is followed by early help
  probability rereferral_soon{335000};   // after closure, a new referral soon (mostly within 12 months)
  probability rereferral_later{200000};  // otherwise, a new referral a year or more later
  probability prior_plans{190000};       // a child's first plan in the data had plans before it (declared)
  int max_referrals = 8;                 // per child
};

struct assessment {
  day start, authorised;
  std::vector<std::string> factors;
};
struct s47 {
  day start, icpc;
};
struct plan {  // a CP plan or a CIN plan: [start, end]
  day start, end;
  int declared_previous = 0;  // CP plans: NumberOfPreviousCPP
};
struct episode {
  day referral, closure;
  bool nfa = false;
  std::string source, need, reason;
  std::optional<assessment> assessed;
  std::optional<s47> enquiry;
  std::optional<plan> cp;
  std::optional<plan> cin;
  std::optional<plan> early_help;  // after closure, not in the census (CSV only)
};
struct child {
  std::string id;
  day birth;
  char sex;
  std::vector<episode> episodes;  // in date order, not overlapping
};

// One child whose first referral falls in [first, last] and whose referrals all
// do. Later dates (closures, plan ends) may run past `last`: each return shows
// only what was known at its ReferenceDate, so the final one has open cases.
inline child make_child(std::uint64_t seed, std::uint64_t n, day first, day last, const model& m) {
  engine rng(seed * 0x9E3779B97F4A7C15ULL + n);  // unsigned 64-bit arithmetic: wraps mod 2^64
  const auto uniform = [&](day a, day b) { return csc_synth::uniform(rng, a, b); };
  const auto chance = [&](probability p) { return csc_synth::chance(rng, p); };
  const auto pick = [&](std::initializer_list<const char*> options) {
    return std::string(csc_synth::pick(rng, options));
  };
  // Draws happen in program order: no expression below makes two unsequenced draws.
  child c;
  c.id = "S" + std::to_string(n);
  day r = first + uniform(0, last - first);
  c.birth = r - uniform(30, 17 * 365);
  c.sex = chance(probability{500000}) ? 'M' : 'F';
  int plans_so_far = 0;
  const int prior = chance(m.prior_plans) ? uniform(1, 2) : 0;  // plans before the data begins
  for (int k = 0; k < m.max_referrals && r <= last; ++k) {
    episode e;
    e.referral = r;
    e.source = pick({"1A", "2A", "3A", "3B", "5A", "6", "6", "6", "8"});
    e.need = pick({"N1", "N1", "N1", "N4", "N5", "N2"});
    if (chance(m.nfa)) {
      e.nfa = true;
      e.closure = r;
      e.reason = "RC7";
    } else {
      assessment a;
      a.start = r + uniform(0, 5);
      a.authorised = a.start + uniform(10, 45);
      const int nf = uniform(1, 3);
      for (int f = 0; f < nf; ++f) a.factors.push_back(pick({"1B", "2B", "3A", "3B", "4B", "16A", "17A", "20"}));
      std::sort(a.factors.begin(), a.factors.end());
      a.factors.erase(std::unique(a.factors.begin(), a.factors.end()), a.factors.end());
      e.assessed = a;
      day end = a.authorised;
      e.reason = "RC8";
      if (chance(m.s47)) {
        s47 s{a.start + uniform(0, 3), 0};
        s.icpc = s.start + uniform(5, 15);
        e.enquiry = s;
        end = std::max(end, s.icpc);
        if (chance(m.cp_after_s47)) {
          plan p{s.icpc, s.icpc + uniform(60, 520), plans_so_far + prior};
          e.cp = p;
          ++plans_so_far;
          end = p.end;
          if (chance(m.step_down)) {
            e.cin = plan{p.end + 1, p.end + 1 + uniform(30, 240), 0};
            end = e.cin->end;
          }
          e.reason = "RC7";
        }
      }
      if (!e.cp && chance(m.cin_plan)) {
        e.cin = plan{a.authorised, a.authorised + uniform(30, 300), 0};
        end = e.cin->end;
        e.reason = "RC7";
      }
      e.closure = end + uniform(0, 10);
    }
    if (chance(m.early_help)) e.early_help = plan{e.closure + 1, e.closure + 1 + uniform(30, 200), 0};
    c.episodes.push_back(e);
    if (e.early_help) {
      r = e.early_help->end + 1;  // referred again (if at all) after early help ends
    } else {
      r = e.closure;              // a new referral may come on the closure day itself (DfE 8820)
    }
    if (chance(m.rereferral_soon)) {
      r += uniform(0, 330);
    } else if (chance(m.rereferral_later)) {
      r += uniform(300, 900);
    } else {
      break;
    }
    r = std::max(r, e.referral + 1);  // one referral per child per day (else DfE 8820)
  }
  return c;
}

}  // namespace csc_synth

#endif
