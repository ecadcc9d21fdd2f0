// Stage 5a: what the decoder sees of each piece. Every feature is a yes/no
// fact about a piece and its neighbours: its length and width against the
// column, its punctuation, what the lexicon finds in it (byline, dateline,
// note label, furniture cues), the shape of a name, the block of lines it
// stands in, the blank lines around it. No feature names a page's text.
//
// Emission features are weighed per state ("a short line without
// punctuation is likely a headline"); edge features per pair of states ("no
// blank line between two pieces: a new item is unlikely"). Their names are
// the vocabulary of the model file (model.h); `bm_debug --features` prints
// them for the fitting script in tools/fit.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/blocks/layout.h"
#include "core/classify/classify.h"
#include "core/lines/lines.h"

namespace bm::detail {

class Lexicon;

#define BM_EMIT_FEATURES(X)                                                                             \
  X(bias) X(len_1) X(len_2_3) X(len_4_6) X(len_7_10) X(len_11_16) X(len_17_24) X(len_25_35)          \
  X(len_36_50) X(len_51_80) X(len_81_up) X(layout_wrapped) X(wrapped_full) X(wrapped_indent)           \
  X(wrapped_short) X(end_sentence) X(end_clause) X(end_dash) X(end_close_bracket) X(end_plain)         \
  X(start_dash) X(start_open_bracket) X(start_mark) X(start_symbol) X(start_tag) X(start_quote)        \
  X(start_digit) X(inner_period) X(inner_clause) X(no_punct) X(all_bracketed) X(ev_byline)             \
  X(ev_byline_marked) X(ev_byline_bare) X(ev_credit) X(ev_dateline) X(ev_note) X(ev_other_cue)         \
  X(ev_ad_strong) X(headline_shaped) X(ev_end_mark) X(ev_end_note) X(ev_role_word) X(name_shape)       \
  X(bracket_name) X(letter_spaced) X(masthead_line) X(edition_line) X(block_1) X(block_2_3)            \
  X(block_4_8) X(block_9_up) X(block_first) X(block_last) X(block_weather) X(block_ad) X(block_other)   \
  X(blank_before_0) X(blank_before_1) X(blank_before_2) X(blank_before_3_up) X(blank_after_0)          \
  X(blank_after_1) X(blank_after_2_up) X(page_first) X(page_last) X(page_top) X(prev_end_sentence)     \
  X(prev_headline_shaped) X(prev_short) X(prev_long) X(prev_byline) X(prev_dateline) X(next_short)     \
  X(next_long) X(next_byline) X(next_dateline) X(next_headline_shaped) X(next_end_sentence)            \
  X(next_bracket_name) X(han_low) X(digits_high) X(doubled) X(phone) X(ad_cue) X(weather_cue)          \
  X(repeat_cut) X(glued_piece) X(longer_than_prev) X(shorter_than_next) X(page_text_first)           \
  X(page_head_first) X(isolated_short) X(prev_unfinished) X(next2_byline) X(next2_dateline)           \
  X(prev2_end_sentence) X(wrapped_x_headline_shaped) X(wrapped_x_next_byline) X(box_cue_line)         \
  X(next_box_cue) X(prev_box_cue) X(page_no_period) X(credit_ahead_1) X(credit_ahead_2_4)          \
  X(credit_ahead_5_10) X(prev_credit) X(prev_tiny) X(end_comma) X(prev_end_comma)   \
  X(next_full) X(next_indent) X(prev_full) X(prev_ends_author) X(ends_author)   \
  X(start_continuation) X(next_continuation) X(separator_line) X(prev_separator)

#define BM_EDGE_FEATURES(X)                                                                             \
  X(e_bias) X(e_blank_0) X(e_blank_1) X(e_blank_2_up) X(e_prev_end_sentence) X(e_prev_full)            \
  X(e_cur_indent) X(e_same_line) X(e_prev_short) X(e_cur_byline) X(e_cur_dateline) X(e_cur_headline_shaped) \
  X(e_prev_headline_shaped) X(e_cur_box_cue) X(e_cur_long) X(e_prev_unfinished) X(e_cur_note) X(e_prev_credit) \
  X(e_cur_continuation)

enum class EmitFeature : uint16_t {
#define X(name) name,
  BM_EMIT_FEATURES(X)
#undef X
  kCount
};
enum class EdgeFeature : uint16_t {
#define X(name) name,
  BM_EDGE_FEATURES(X)
#undef X
  kCount
};
constexpr size_t k_emit_feature_count = static_cast<size_t>(EmitFeature::kCount);
// Every emission feature also exists conjoined with four page habits: id
// f + k_emit_feature_count is "wrapped&f" (the page is hard-wrapped), id
// f + 2 * k_emit_feature_count is "textfirst&f" (the page's first item opens
// with its text, not a headline), id f + 3 * k_emit_feature_count is
// "noperiod&f" (historic punctuation: 、 serves as comma and full stop), id
// f + 4 * k_emit_feature_count is "narrow&f" (columns of a few characters,
// where a headline line is as wide as a body line and blank lines part
// paragraphs). So one model holds what each kind of page teaches separately
// and what all share.
constexpr size_t k_emit_groups = 5;
constexpr size_t k_emit_id_count = k_emit_groups * k_emit_feature_count;
constexpr size_t k_edge_feature_count = static_cast<size_t>(EdgeFeature::kCount);

const char *emit_feature_name(EmitFeature f);
// "name", "wrapped&name", "textfirst&name", "noperiod&name" or "narrow&name" for an emission id.
std::string emit_id_name(uint16_t id);
const char *edge_feature_name(EdgeFeature f);

// Kept for every piece of the page until the decoder has read it, so kept
// small: the emission ids in one pool for the page (PageFeatures), the
// conjoined ids a bit each, the edge features a bit each (a vector of each
// per piece was ~100 bytes a piece, the peak on pages of short lines).
struct PieceFeatures {
  uint32_t emit_begin = 0, emit_end = 0;  // its emission ids (EmitFeature): the page's pool [begin, end)
  uint32_t edges = 0;      // bit g: EdgeFeature g holds between the piece before and this one
  uint8_t conjoined = 0;   // bit c-1: every id of its list also holds conjoined with
                           // context c (id + c * k_emit_feature_count; c = 1 wrapped,
                           // 2 text first, 3 no period, 4 narrow)
  bool opens_item = false; // not a feature but a fact of the page's geometry (a
                           // frame's edge, a picture, a headline set apart: lay_out.h;
                           // text after merged columns that ended level: columns.h)
                           // so the decoder reads only item-opening states here
  bool opens_text = false;  // a fact of its text: a dateline opens it (本报讯 …),
                            // which opens a story's text, never a headline's or a box's
};
static_assert(k_edge_feature_count <= 32, "edge features are bits of PieceFeatures::edges");

class PageFeatures {
 public:
  size_t size() const { return pieces_.size(); }
  bool empty() const { return pieces_.empty(); }
  const PieceFeatures &operator[](size_t k) const { return pieces_[k]; }

  // Appends the next piece's features.
  void add(const std::vector<uint16_t> &emit, uint8_t conjoined, uint32_t edges, bool opens_item,
           bool opens_text = false) {
    PieceFeatures f;
    f.opens_text = opens_text;
    f.emit_begin = static_cast<uint32_t>(ids_.size());
    ids_.insert(ids_.end(), emit.begin(), emit.end());
    f.emit_end = static_cast<uint32_t>(ids_.size());
    f.conjoined = conjoined;
    f.edges = edges;
    f.opens_item = opens_item;
    pieces_.push_back(f);
  }
  void reserve(size_t pieces, size_t ids) {
    pieces_.reserve(pieces);
    ids_.reserve(ids);
  }
  // Gives back the room reserved and not used (the ids are sized for more
  // than most pieces hold): the pool stays alive while the decoder's tables
  // are built, the peak of a parse.
  void shrink_to_fit() { ids_.shrink_to_fit(); }

  // Every emission id that holds for piece k, in order: its list, then its
  // conjoined copies.
  template <class F>
  void for_each_emit(size_t k, F &&f) const {
    const PieceFeatures &p = pieces_[k];
    for (uint32_t i = p.emit_begin; i < p.emit_end; ++i) f(ids_[i]);
    for (unsigned c = 1; c < k_emit_groups; ++c)
      if (p.conjoined & (1u << (c - 1)))
        for (uint32_t i = p.emit_begin; i < p.emit_end; ++i)
          f(static_cast<uint16_t>(ids_[i] + c * k_emit_feature_count));
  }
  // Every edge feature that holds before piece k, in the enum's order.
  template <class F>
  void for_each_edge(size_t k, F &&f) const {
    for (uint32_t bits = pieces_[k].edges; bits; bits &= bits - 1)
      f(static_cast<EdgeFeature>(__builtin_ctz(bits)));
  }

 private:
  std::vector<uint16_t> ids_;
  std::vector<PieceFeatures> pieces_;
};

// One entry per piece of classify/'s output: the pieces and the local
// evidence of each (classes[k]: type, people, credit, marked, bare).
PageFeatures compute_features(const std::vector<Piece> &pieces, const std::vector<PieceClass> &classes,
                              const LayoutInfo &layout, const Lexicon &lex);

}  // namespace bm::detail
