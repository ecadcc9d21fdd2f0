// The decoder's weights: data, fitted by tools/fit/fit.py on the gold of the
// public corpora and embedded from data/model/segment.model. A line is
//   emit STATE FEATURE WEIGHT        weight of an emission feature in a state
//   edge FROM TO FEATURE WEIGHT      weight of an edge feature on a transition
//                                    (FROM "^" is the start of the page)
// with the names of grammar.h and features.h; "#" starts a comment line.
// Unknown names fail the load: a model is only used with the code it was
// fitted for.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/segment/features.h"
#include "core/segment/grammar.h"

namespace bm::detail {

class SegmentModel {
 public:
  // Parses model text; throws Error(BM_E_INTERNAL) naming the bad line.
  static SegmentModel parse(std::string_view text, const std::string &origin);
  // The built-in model.
  static const SegmentModel &builtin();

  float emit(State s, uint16_t id) const { return emit_[static_cast<size_t>(id) * k_state_count + static_cast<size_t>(s)]; }
  // The weights of one emission feature in every state, in State order: the
  // decoder adds a piece's features row by row.
  const float *emit_row(uint16_t id) const { return &emit_[static_cast<size_t>(id) * k_state_count]; }
  // `from` = nullptr for the start of the page.
  float edge(const State *from, State to, EdgeFeature f) const {
    const size_t fi = from ? static_cast<size_t>(*from) + 1 : 0;
    return edge_[(fi * k_state_count + static_cast<size_t>(to)) * k_edge_feature_count + static_cast<size_t>(f)];
  }

 private:
  std::vector<float> emit_ = std::vector<float>(k_emit_id_count * k_state_count, 0.0f);  // [feature][state]
  std::vector<float> edge_ = std::vector<float>((k_state_count + 1) * k_state_count * k_edge_feature_count, 0.0f);
};

// The built-in model text (generated from data/model/segment.model).
extern const std::string_view k_segment_model;

}  // namespace bm::detail
