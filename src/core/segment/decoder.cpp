#include "core/segment/decoder.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <unordered_map>

namespace bm::detail {

namespace {

constexpr size_t S = k_state_count;
constexpr double k_none = -std::numeric_limits<double>::infinity();

// allowed(from, to) as a table; row 0 is the start of the page.
struct Allowed {
  std::array<std::array<bool, S>, S + 1> ok{};
  Allowed() {
    for (size_t to = 0; to < S; ++to) {
      ok[0][to] = allowed(nullptr, static_cast<State>(to));
      for (size_t from = 0; from < S; ++from) {
        const State f = static_cast<State>(from);
        ok[from + 1][to] = allowed(&f, static_cast<State>(to));
      }
    }
  }
};
const Allowed &allowed_table() {
  static const Allowed a;
  return a;
}

// log(sum(exp(x))) over the finite terms: one exp per term, one log per sum.
template <size_t N>
double log_sum(const std::array<double, N> &x, size_t count) {
  double m = k_none;
  for (size_t i = 0; i < count; ++i) m = std::max(m, x[i]);
  if (m == k_none) return k_none;
  double sum = 0;
  for (size_t i = 0; i < count; ++i) sum += std::exp(x[i] - m);
  return m + std::log(sum);
}


}  // namespace

Reading decode_page(const std::vector<PieceFeatures> &features, const SegmentModel &model) {
  const size_t n = features.size();
  Reading r;
  if (n == 0) return r;
  const Allowed &al = allowed_table();
  // Emission score of each state at a piece, feature by feature over all
  // states (each state's sum in the order of the piece's features): one
  // contiguous row of weights per feature. Computed when needed, not kept
  // for the page.
  auto emission = [&](size_t k) {
    std::array<double, S> v{};
    features[k].for_each_emit([&](uint16_t f) {
      const float *w = model.emit_row(f);
      for (size_t s = 0; s < S; ++s) v[s] += w[s];
    });
    return v;
  };
  // Transition scores depend on the piece only through its edge features:
  // one (S+1) x S table per distinct set of them (a handful per page).
  using Table = std::array<std::array<double, S>, S + 1>;
  std::unordered_map<uint32_t, Table> tables;
  std::vector<const Table *> tr(n);
  for (size_t k = 0; k < n; ++k) {
    uint32_t mask = k == 0 ? 1u : 0u;  // bit 0: the page start (only row 0 allowed)
    for (EdgeFeature g : features[k].edge) mask |= 2u << static_cast<unsigned>(g);
    auto it = tables.find(mask);
    if (it == tables.end()) {
      Table t;
      for (size_t row = 0; row <= S; ++row)
        for (size_t to = 0; to < S; ++to) {
          const bool ok = k == 0 ? row == 0 && al.ok[0][to] : row > 0 && al.ok[row][to];
          double v = 0;
          if (ok) {
            const State ts = static_cast<State>(to);
            const State fs = static_cast<State>(row == 0 ? 0 : row - 1);
            for (EdgeFeature g : features[k].edge) v += model.edge(row == 0 ? nullptr : &fs, ts, g);
          }
          t[row][to] = ok ? v : k_none;
        }
      it = tables.emplace(mask, t).first;
    }
    tr[k] = &it->second;
  }
  // Forward scores of piece k from those of piece k - 1 (none for k = 0).
  auto forward_row = [&](size_t k, const std::array<double, S> *prev, const std::array<double, S> &emit,
                         std::array<double, S> &row) {
    for (size_t to = 0; to < S; ++to) {
      double f;
      if (k == 0) {
        f = (*tr[0])[0][to];
      } else {
        std::array<double, S> terms;
        size_t count = 0;
        for (size_t from = 0; from < S; ++from) {
          const double t = (*tr[k])[from + 1][to];
          if (t == k_none || (*prev)[from] == k_none) continue;
          terms[count++] = (*prev)[from] + t;
        }
        f = log_sum(terms, count);
      }
      row[to] = f == k_none ? k_none : f + emit[to];
    }
  };
  // Viterbi and forward in one pass. Kept per piece: the back pointers (S
  // bytes); of the forward scores only every k_checkpoint-th row, the rest
  // computed again, a block at a time, when the backward pass reaches them
  // (the same operations in the same order: the same numbers). Memory per
  // piece is what bounds the parser's peak on pages of many short lines.
  constexpr size_t k_checkpoint = 64;
  std::vector<std::array<double, S>> checkpoints((n + k_checkpoint - 1) / k_checkpoint);
  std::vector<std::array<uint8_t, S>> back(n);
  std::array<double, S> best{}, best_next{}, fwd{}, fwd_prev{};
  for (size_t k = 0; k < n; ++k) {
    const std::array<double, S> emit = emission(k);
    forward_row(k, k > 0 ? &fwd_prev : nullptr, emit, fwd);
    for (size_t to = 0; to < S; ++to) {
      double b = k_none;
      uint8_t arg = 0;
      if (k == 0) {
        b = (*tr[0])[0][to];
      } else {
        for (size_t from = 0; from < S; ++from) {
          const double t = (*tr[k])[from + 1][to];
          if (t == k_none || best[from] == k_none) continue;
          const double v = best[from] + t;
          if (v > b) b = v, arg = static_cast<uint8_t>(from);
        }
      }
      best_next[to] = b == k_none ? k_none : b + emit[to];
      back[k][to] = arg;
    }
    best = best_next;
    if (k % k_checkpoint == 0) checkpoints[k / k_checkpoint] = fwd;
    fwd_prev = fwd;
  }
  const double z = log_sum(fwd, S);
  // Best path, back to front.
  r.states.resize(n);
  r.probability.resize(n);
  size_t s = static_cast<size_t>(std::max_element(best.begin(), best.end()) - best.begin());
  for (size_t k = n; k-- > 0;) {
    r.states[k] = static_cast<State>(s);
    if (k > 0) s = back[k][s];
  }
  // Backward, one row at a time, block by block from the end: each piece's
  // probability of its state on the path.
  std::vector<std::array<double, S>> rows(k_checkpoint), emits(k_checkpoint);
  std::array<double, S> bwd{}, bwd_prev{};  // backward scores at piece k, then k - 1
  for (size_t st = 0; st < S; ++st) bwd[st] = 0;
  for (size_t block = checkpoints.size(); block-- > 0;) {
    const size_t b0 = block * k_checkpoint, e0 = std::min(n, b0 + k_checkpoint);
    rows[0] = checkpoints[block];
    emits[0] = emission(b0);
    for (size_t k = b0 + 1; k < e0; ++k) {
      emits[k - b0] = emission(k);
      forward_row(k, &rows[k - b0 - 1], emits[k - b0], rows[k - b0]);
    }
    for (size_t k = e0; k-- > b0;) {
      const size_t st = static_cast<size_t>(r.states[k]);
      const double lp = rows[k - b0][st] + bwd[st] - z;
      r.probability[k] = std::isfinite(lp) ? std::clamp(std::exp(lp), 0.0, 1.0) : 0.0;
      if (k == 0) break;
      const std::array<double, S> &emit = emits[k - b0];
      for (size_t from = 0; from < S; ++from) {
        std::array<double, S> terms;
        size_t count = 0;
        for (size_t to = 0; to < S; ++to) {
          const double t = (*tr[k])[from + 1][to];
          if (t == k_none || bwd[to] == k_none) continue;
          terms[count++] = t + emit[to] + bwd[to];
        }
        bwd_prev[from] = log_sum(terms, count);
      }
      bwd = bwd_prev;
    }
  }
  return r;
}

}  // namespace bm::detail
