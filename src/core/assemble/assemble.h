// Stage 6: the decoded page -> draft articles. The decoder (segment/) has
// given every piece a grammar state; an item starts at every state that opens
// one, and each piece goes to the part of its draft that its state names
// (assemble.cpp). Then the readings a decoder gets wrong in ways the layout
// gives away are mended, each by a rule of its own: lines given to the wrong
// one of two neighbouring items (rereads.h), and items that are part of the
// story before them (joins.h).
#pragma once
#include <string_view>
#include <vector>

#include "core/blocks/layout.h"
#include "core/classify/classify.h"
#include "core/lines/lines.h"
#include "core/segment/grammar.h"

namespace bm::detail {

class Lexicon;
class SegmentModel;

struct Draft {
  Kind kind_hint = Kind::News;     // Ad / Weather / Other for box drafts
  std::vector<size_t> headline;    // piece indices, reading order
  std::vector<size_t> bylines;     // byline pieces before or around the body
  std::vector<size_t> credits;     // photo credits after a caption
  std::vector<size_t> notes;       // editor's note pieces
  std::vector<size_t> body;        // body pieces (the first may hold the dateline)
  std::vector<size_t> endnotes;    // closing notes after the body
  std::vector<size_t> furniture;   // the pieces of an ad / weather / other box
  std::vector<size_t> all;         // every piece of the draft (for spans)
  bool unattached_byline = false;  // a byline no story could take
  bool box_inside = false;         // a box item printed inside its text lies within its span
  double confidence = 1.0;         // how sure the decoder is of this item
};

struct Assembly {
  TextStore edits;  // the text of pieces a stage rewrote (Piece::text views into it)
  std::vector<Piece> pieces;        // classify/'s output: the pieces ...
  std::vector<PieceClass> classes;  // ... and what each is by itself
  LayoutInfo layout;
  std::vector<State> states;        // the decoder's reading, one per piece
  std::vector<double> probability;  // and how sure it is of each
  std::vector<Draft> drafts;
  std::vector<size_t> masthead;  // Masthead pieces
  std::vector<size_t> edition;   // Edition pieces
};

// Does the i-th headline piece of `d` open a headline block (the first, one
// after a blank line, or text glued after a byline on its line)?
bool opens_headline_block(const Draft &d, size_t i, const std::vector<Piece> &pieces);

// The decoder's reading (a.pieces, a.classes, a.states, a.probability) as
// drafts of items, masthead and edition (assemble_page's last step; its own
// function for the tests).
void build_drafts(Assembly &a, const Lexicon &lex);

Assembly assemble_page(std::string_view text, const std::vector<Line> &lines, const Lexicon &lex,
                       const SegmentModel &model);

// Paragraphs of a whole text, every line taken as body (bm_normalize).
std::vector<std::string> reflow_all(std::string_view text, const std::vector<Line> &lines);

}  // namespace bm::detail
