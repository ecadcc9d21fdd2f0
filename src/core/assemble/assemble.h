// Stage 6: classified pieces -> draft articles. The page itself tells the
// order its stories use: headline -> byline -> body (the first story piece is a
// headline) or byline -> body -> headline (the first is a byline or body).
#pragma once
#include <string_view>
#include <vector>

#include "core/blocks/layout.h"
#include "core/lines/lines.h"

namespace bm::detail {

class Lexicon;

enum class StoryOrder { HeadlineFirst, HeadlineAfter };

struct Draft {
  Kind kind_hint = Kind::News;     // Ad / Weather / Other for furniture drafts
  std::vector<size_t> headline;    // piece indices, reading order
  std::vector<size_t> bylines;     // byline pieces before or around the body
  std::vector<size_t> credits;     // photo credits after a caption
  std::vector<size_t> notes;       // editor's note pieces
  std::vector<size_t> body;        // Body and Dateline pieces
  std::vector<size_t> furniture;   // the pieces of an ad / weather / other draft
  std::vector<size_t> all;         // every piece of the draft (for spans)
  bool unattached_byline = false;  // a byline no story could take
  bool headline_closed = false;    // (HeadlineAfter) a headline ended this story
};

struct Assembly {
  std::vector<Piece> pieces;
  LayoutInfo layout;
  StoryOrder order = StoryOrder::HeadlineFirst;
  std::vector<Draft> drafts;
  std::vector<size_t> masthead;  // Masthead pieces
  std::vector<size_t> edition;   // Edition pieces
};

Assembly assemble_page(std::string_view text, const std::vector<Line> &lines, const Lexicon &lex);

// Paragraphs of a whole text, every line taken as body (bm_normalize).
std::vector<std::string> reflow_all(std::string_view text, const std::vector<Line> &lines);

}  // namespace bm::detail
