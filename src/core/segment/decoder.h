// Stage 5c: the best reading of the whole page at once. A Viterbi pass over
// the pieces finds the sequence of grammar states with the highest total
// score (emission + transition weights of the model); nothing is decided
// early, so a missing cue on one line is outweighed by the rest of the page.
// Linear in the number of pieces (the grammar has a fixed number of states).
// A forward-backward pass gives each piece the probability of its state
// (scores read as log-potentials): the items' confidence.
#pragma once
#include <vector>

#include "core/segment/features.h"
#include "core/segment/grammar.h"
#include "core/segment/model.h"

namespace bm::detail {

struct Reading {
  std::vector<State> states;        // one per piece
  std::vector<double> probability;  // P(states[k] at piece k | page), in [0, 1]
};

Reading decode_page(const PageFeatures &features, const SegmentModel &model);

}  // namespace bm::detail
