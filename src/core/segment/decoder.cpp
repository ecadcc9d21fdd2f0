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


using Row = std::array<double, S>;
using Table = std::array<std::array<double, S>, S + 1>;  // [from + 1, or 0 at the page start][to]

// The forward-backward passes keep every k_checkpoint-th forward row and
// compute the rest again, a block at a time, when the backward pass reaches
// them (the same operations in the same order: the same numbers). Memory per
// piece is what bounds the parser's peak on pages of many short lines.
constexpr size_t k_checkpoint = 64;

// Scaled forward-backward. Potentials exp(score - max) per piece; each
// forward row is normalised to sum 1 (its scale kept), and each backward row
// divided by the same scale, so that alpha[k][s] * beta[k][s] is the
// probability of state s at piece k. The forward rows are fed one piece at a
// time by the Viterbi pass (one emission sum per piece for both); a row that
// underflows to zero (one piece's scores hundreds apart) makes ok() false,
// and the log-space pass below is used instead.
class ScaledPosteriors {
 public:
  ScaledPosteriors(size_t n, const std::vector<const Table *> &tr)
      : n_(n), et_(n), scale_(n), checkpoints_((n + k_checkpoint - 1) / k_checkpoint) {
    for (size_t k = 0; k < n; ++k) {
      auto it = exp_of_.find(tr[k]);
      if (it == exp_of_.end()) {
        Table e;
        for (size_t row = 0; row <= S; ++row)
          for (size_t to = 0; to < S; ++to)
            e[row][to] = (*tr[k])[row][to] == k_none ? 0.0 : std::exp((*tr[k])[row][to]);
        it = exp_of_.emplace(tr[k], e).first;
      }
      et_[k] = &it->second;
    }
  }
  bool ok() const { return ok_; }

  // Forward row k from its emission scores (pieces in order).
  void forward(size_t k, const Row &emit) {
    if (!ok_) return;
    ok_ = forward_row(k, k > 0 ? &fwd_ : nullptr, potentials(emit), fwd_);
    if (ok_ && k % k_checkpoint == 0) checkpoints_[k / k_checkpoint] = fwd_;
  }

  // After forward() over every piece: r.probability from r.states.
  template <class Emission>
  void backward(const Emission &emission, Reading &r) {
    std::vector<Row> rows(k_checkpoint), pots(k_checkpoint);
    Row bwd, bwd_prev;
    bwd.fill(1.0);
    for (size_t block = checkpoints_.size(); block-- > 0;) {
      const size_t b0 = block * k_checkpoint, e0 = std::min(n_, b0 + k_checkpoint);
      rows[0] = checkpoints_[block];
      pots[0] = potentials(emission(b0));
      for (size_t k = b0 + 1; k < e0; ++k) {
        pots[k - b0] = potentials(emission(k));
        forward_row(k, &rows[k - b0 - 1], pots[k - b0], rows[k - b0]);  // as in forward(): cannot fail
      }
      for (size_t k = e0; k-- > b0;) {
        const size_t st = static_cast<size_t>(r.states[k]);
        const double p = rows[k - b0][st] * bwd[st];
        r.probability[k] = std::isfinite(p) ? std::clamp(p, 0.0, 1.0) : 0.0;
        if (k == 0) break;
        const Row &pot = pots[k - b0];
        const Table &t = *et_[k];
        for (size_t from = 0; from < S; ++from) {
          double b = 0;
          for (size_t to = 0; to < S; ++to) b += t[from + 1][to] * pot[to] * bwd[to];
          bwd_prev[from] = b / scale_[k];
        }
        bwd = bwd_prev;
      }
    }
  }

 private:
  static Row potentials(const Row &e) {
    Row p;
    const double m = *std::max_element(e.begin(), e.end());
    for (size_t s = 0; s < S; ++s) p[s] = std::exp(e[s] - m);
    return p;
  }
  // Forward row k (scaled) from row k - 1; false when it sums to zero.
  bool forward_row(size_t k, const Row *prev, const Row &pot, Row &row) {
    const Table &t = *et_[k];
    Row next;
    double sum = 0;
    for (size_t to = 0; to < S; ++to) {
      double f = 0;
      if (k == 0) {
        f = t[0][to];
      } else {
        for (size_t from = 0; from < S; ++from) f += (*prev)[from] * t[from + 1][to];
      }
      next[to] = f * pot[to];
      sum += next[to];
    }
    if (!(sum > 0) || !std::isfinite(sum)) return false;
    for (size_t to = 0; to < S; ++to) row[to] = next[to] / sum;
    scale_[k] = sum;
    return true;
  }

  size_t n_;
  std::unordered_map<const Table *, Table> exp_of_;  // exp of each distinct table, once
  std::vector<const Table *> et_;
  std::vector<double> scale_;
  std::vector<Row> checkpoints_;
  Row fwd_{};
  bool ok_ = true;
};

// The same in log space: one exp per term of every sum.
template <class Emission>
void posteriors_logspace(size_t n, const std::vector<const Table *> &tr, const Emission &emission, Reading &r) {
  auto forward_row = [&](size_t k, const Row *prev, const Row &emit, Row &row) {
    for (size_t to = 0; to < S; ++to) {
      double f;
      if (k == 0) {
        f = (*tr[0])[0][to];
      } else {
        Row terms;
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
  std::vector<Row> checkpoints((n + k_checkpoint - 1) / k_checkpoint);
  Row fwd{}, fwd_prev{};
  for (size_t k = 0; k < n; ++k) {
    forward_row(k, k > 0 ? &fwd_prev : nullptr, emission(k), fwd);
    if (k % k_checkpoint == 0) checkpoints[k / k_checkpoint] = fwd;
    fwd_prev = fwd;
  }
  const double z = log_sum(fwd, S);
  std::vector<Row> rows(k_checkpoint), emits(k_checkpoint);
  Row bwd{}, bwd_prev{};  // backward scores at piece k, then k - 1
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
      const Row &emit = emits[k - b0];
      for (size_t from = 0; from < S; ++from) {
        Row terms;
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
}

}  // namespace

Reading decode_page(const PageFeatures &features, const SegmentModel &model) {
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
    features.for_each_emit(k, [&](uint16_t f) {
      const float *w = model.emit_row(f);
      for (size_t s = 0; s < S; ++s) v[s] += w[s];
    });
    return v;
  };
  // Transition scores depend on the piece only through its edge features:
  // one (S+1) x S table per distinct set of them (a handful per page).
  // A piece the page's drawing parts from the one before may only open an
  // item: the other states (page furniture, which runs on from the page's
  // start, included) get no transition into it.
  std::unordered_map<uint64_t, Table> tables;
  std::vector<const Table *> tr(n);
  for (size_t k = 0; k < n; ++k) {
    const bool must_open = k > 0 && features[k].opens_item;
    uint64_t mask = k == 0 ? 1u : 0u;  // bit 0: the page start (only row 0 allowed)
    if (must_open) mask |= uint64_t{1} << 63;
    mask |= uint64_t{features[k].edges} << 1;  // bit g + 1: edge feature g
    auto it = tables.find(mask);
    if (it == tables.end()) {
      Table t;
      for (size_t row = 0; row <= S; ++row)
        for (size_t to = 0; to < S; ++to) {
          const State target = static_cast<State>(to);
          const bool ok = (k == 0 ? row == 0 && al.ok[0][to] : row > 0 && al.ok[row][to]) &&
                          (!must_open || opens_item(target));
          double v = 0;
          if (ok) {
            const State ts = static_cast<State>(to);
            const State fs = static_cast<State>(row == 0 ? 0 : row - 1);
            features.for_each_edge(k, [&](EdgeFeature g) { v += model.edge(row == 0 ? nullptr : &fs, ts, g); });
          }
          t[row][to] = ok ? v : k_none;
        }
      it = tables.emplace(mask, t).first;
    }
    tr[k] = &it->second;
  }
  // Viterbi: max-plus over the log scores, back pointers kept per piece (S
  // bytes each); the same pass feeds the scaled forward rows.
  std::vector<std::array<uint8_t, S>> back(n);
  std::array<double, S> best{}, best_next{};
  ScaledPosteriors scaled(n, tr);
  for (size_t k = 0; k < n; ++k) {
    const std::array<double, S> emit = emission(k);
    scaled.forward(k, emit);
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
  }
  r.states.resize(n);
  r.probability.resize(n);
  size_t s = static_cast<size_t>(std::max_element(best.begin(), best.end()) - best.begin());
  for (size_t k = n; k-- > 0;) {
    r.states[k] = static_cast<State>(s);
    if (k > 0) s = back[k][s];
  }
  // Each piece's probability of its state on the path: forward-backward,
  // in probability space with per-piece scaling (one exp per state and
  // piece) when its numbers stay representable, which they do unless one
  // piece's emission scores differ by hundreds; in log space (an exp per
  // transition) otherwise.
  if (scaled.ok())
    scaled.backward(emission, r);
  else
    posteriors_logspace(n, tr, emission, r);
  return r;
}

}  // namespace bm::detail
