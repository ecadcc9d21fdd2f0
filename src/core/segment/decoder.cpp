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

// The transitions the grammar allows (row 0: the start of the page; row
// f + 1: from state f), in row-major order. A page's transition scores are
// kept for these only (100 of the (S + 1) x S pairs), so a table of them is
// a few hundred bytes, not two thousand; every sum over a row or a column
// visits them in the order the full table would, and a pair left out only
// ever added zero (probability space) or was skipped (log space), so the
// numbers are the same.
struct Transitions {
  struct Pair {
    uint8_t row, to;
  };
  std::vector<Pair> pairs;                     // by row, then by to
  std::array<std::vector<uint16_t>, S> into;   // per state: its pairs' indices, rows ascending
  std::array<uint16_t, S + 2> row_begin{};     // the pairs of row r: [row_begin[r], row_begin[r + 1])
  Transitions() {
    for (size_t row = 0; row <= S; ++row) {
      row_begin[row] = static_cast<uint16_t>(pairs.size());
      for (size_t to = 0; to < S; ++to) {
        const State f = static_cast<State>(row == 0 ? 0 : row - 1);
        if (!allowed(row == 0 ? nullptr : &f, static_cast<State>(to))) continue;
        into[to].push_back(static_cast<uint16_t>(pairs.size()));
        pairs.push_back({static_cast<uint8_t>(row), static_cast<uint8_t>(to)});
      }
    }
    row_begin[S + 1] = static_cast<uint16_t>(pairs.size());
  }
};
const Transitions &transitions() {
  static const Transitions t;
  return t;
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
// A table: the scores of the allowed transitions (Transitions::pairs order)
// for one set of edge features, a pointer to its first in the page's pool.
using Table = const double *;

// A table's entry for the page start into state `to`, or `none` when the
// grammar has none.
double from_start(Table t, size_t to, double none) {
  const auto &into = transitions().into[to];
  return !into.empty() && transitions().pairs[into[0]].row == 0 ? t[into[0]] : none;
}

// The forward-backward passes keep every k_checkpoint-th forward row and
// compute the rest again, a block at a time, when the backward pass reaches
// them (the same operations in the same order: the same numbers). Memory per
// piece is what bounds the parser's peak on pages of many short lines.
constexpr size_t k_checkpoint = 32;

// Scaled forward-backward. Potentials exp(score - max) per piece; each
// forward row is normalised to sum 1 (its scale kept), and each backward row
// divided by the same scale, so that alpha[k][s] * beta[k][s] is the
// probability of state s at piece k. The forward rows are fed one piece at a
// time by the Viterbi pass (one emission sum per piece for both); a row that
// underflows to zero (one piece's scores hundreds apart) makes ok() false,
// and the log-space pass below is used instead.
class ScaledPosteriors {
 public:
  // `pool` holds the page's distinct tables of log scores; piece k's starts at at[k].
  ScaledPosteriors(size_t n, const std::vector<double> &pool, const std::vector<uint32_t> &at)
      : n_(n), at_(at), exp_pool_(pool.size()), scale_(n), checkpoints_((n + k_checkpoint - 1) / k_checkpoint) {
    for (size_t i = 0; i < pool.size(); ++i) exp_pool_[i] = pool[i] == k_none ? 0.0 : std::exp(pool[i]);
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
        const Table t = exp_table(k);
        const Transitions &tt = transitions();
        for (size_t from = 0; from < S; ++from) {
          double b = 0;
          for (size_t i = tt.row_begin[from + 1]; i < tt.row_begin[from + 2]; ++i) {
            const size_t to = tt.pairs[i].to;
            b += t[i] * pot[to] * bwd[to];
          }
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
  Table exp_table(size_t k) const { return exp_pool_.data() + at_[k]; }
  // Forward row k (scaled) from row k - 1; false when it sums to zero.
  bool forward_row(size_t k, const Row *prev, const Row &pot, Row &row) {
    const Table t = exp_table(k);
    const Transitions &tt = transitions();
    Row next;
    double sum = 0;
    for (size_t to = 0; to < S; ++to) {
      double f = 0;
      if (k == 0) {
        f = from_start(t, to, 0.0);
      } else {
        for (uint16_t i : tt.into[to])
          if (tt.pairs[i].row > 0) f += (*prev)[tt.pairs[i].row - 1] * t[i];
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
  const std::vector<uint32_t> &at_;  // piece k's table in the pools
  std::vector<double> exp_pool_;      // exp of each score of the page's distinct tables, once
  std::vector<double> scale_;
  std::vector<Row> checkpoints_;
  Row fwd_{};
  bool ok_ = true;
};

// The same in log space: one exp per term of every sum.
template <class Emission>
void posteriors_logspace(size_t n, const std::vector<double> &pool, const std::vector<uint32_t> &at,
                         const Emission &emission, Reading &r) {
  auto table = [&](size_t k) -> Table { return pool.data() + at[k]; };
  const Transitions &tt = transitions();
  auto forward_row = [&](size_t k, const Row *prev, const Row &emit, Row &row) {
    for (size_t to = 0; to < S; ++to) {
      double f;
      if (k == 0) {
        f = from_start(table(0), to, k_none);
      } else {
        Row terms;
        size_t count = 0;
        for (uint16_t i : tt.into[to]) {
          if (tt.pairs[i].row == 0) continue;
          const size_t from = tt.pairs[i].row - 1;
          const double t = table(k)[i];
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
        for (size_t i = tt.row_begin[from + 1]; i < tt.row_begin[from + 2]; ++i) {
          const size_t to = tt.pairs[i].to;
          const double t = table(k)[i];
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
  const Transitions &tt = transitions();
  // Emission score of each state at a piece, feature by feature over all
  // states (each state's sum in the order of the piece's features): one
  // contiguous row of weights per feature. Computed when needed, not kept
  // for the page.
  // A piece a dateline opens (本报讯 …) opens a story's text: it gets no
  // headline state and no box state, whatever its scores.
  auto emission = [&](size_t k) {
    std::array<double, S> v{};
    features.for_each_emit(k, [&](uint16_t f) {
      const float *w = model.emit_row(f);
      for (size_t s = 0; s < S; ++s) v[s] += w[s];
    });
    if (features[k].opens_text)
      for (State h : {State::HeadStart, State::Head, State::HeadAfter, State::BoxStart, State::Box})
        v[static_cast<size_t>(h)] = k_none;
    return v;
  };
  // Transition scores depend on the piece only through its edge features:
  // one table (the allowed transitions' scores) per distinct set of them,
  // in one pool sized once (it is alive through the whole decoding, the
  // peak of a parse). A piece the page's drawing parts from the one before
  // may only open an item: the other states (page furniture, which runs on
  // from the page's start, included) get no transition into it.
  std::vector<uint64_t> masks(n);
  for (size_t k = 0; k < n; ++k) {
    const bool must_open = k > 0 && features[k].opens_item;
    uint64_t mask = k == 0 ? 1u : 0u;  // bit 0: the page start (only row 0 allowed)
    if (must_open) mask |= uint64_t{1} << 63;
    masks[k] = mask | uint64_t{features[k].edges} << 1;  // bit g + 1: edge feature g
  }
  std::unordered_map<uint64_t, uint32_t> table_at;  // edge-feature set -> its table in `pool`
  std::vector<uint32_t> at(n);                      // piece k's table
  for (size_t k = 0; k < n; ++k)
    at[k] = table_at.try_emplace(masks[k], static_cast<uint32_t>(table_at.size() * tt.pairs.size())).first->second;
  std::vector<double> pool(table_at.size() * tt.pairs.size());  // the page's distinct tables, one after another
  // Tables are numbered in the order their sets first occur: the piece that
  // meets table `filled` first fills it.
  size_t filled = 0;
  for (size_t k = 0; k < n && filled < table_at.size(); ++k) {
    if (at[k] / tt.pairs.size() < filled) continue;
    ++filled;
    const bool must_open = masks[k] >> 63;
    double *t = pool.data() + at[k];
    for (size_t i = 0; i < tt.pairs.size(); ++i) {
      const size_t row = tt.pairs[i].row, to = tt.pairs[i].to;
      const State target = static_cast<State>(to);
      const bool ok = (k == 0 ? row == 0 : row > 0) && (!must_open || opens_item(target));
      double v = 0;
      if (ok) {
        const State fs = static_cast<State>(row == 0 ? 0 : row - 1);
        features.for_each_edge(k, [&](EdgeFeature g) { v += model.edge(row == 0 ? nullptr : &fs, target, g); });
      }
      t[i] = ok ? v : k_none;
    }
  }
  auto table = [&](size_t k) -> Table { return pool.data() + at[k]; };
  // Viterbi: max-plus over the log scores, back pointers kept per piece (S
  // bytes each); the same pass feeds the scaled forward rows.
  std::vector<std::array<uint8_t, S>> back(n);
  std::array<double, S> best{}, best_next{};
  ScaledPosteriors scaled(n, pool, at);
  for (size_t k = 0; k < n; ++k) {
    const std::array<double, S> emit = emission(k);
    scaled.forward(k, emit);
    for (size_t to = 0; to < S; ++to) {
      double b = k_none;
      uint8_t arg = 0;
      if (k == 0) {
        b = from_start(table(0), to, k_none);
      } else {
        for (uint16_t i : tt.into[to]) {
          if (tt.pairs[i].row == 0) continue;
          const size_t from = tt.pairs[i].row - 1;
          const double t = table(k)[i];
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
    posteriors_logspace(n, pool, at, emission, r);
  return r;
}

}  // namespace bm::detail
