// Stage 5: gives every piece a type. Local evidence first (byline marks and
// role words, dateline patterns, editor's-note labels, furniture cues), then
// context: masthead lines at the top of the page, ad and weather boxes as
// blocks, byline continuation lines, and headline candidates confirmed by what
// follows them (a byline, a dateline, a caption with its credit, the end).
#pragma once
#include <vector>

#include "core/blocks/layout.h"
#include "core/lines/lines.h"

namespace bm::detail {

class Lexicon;

void classify_pieces(std::vector<Piece> &pieces, const LayoutInfo &layout, const Lexicon &lex);

// Does the text have the shape of a headline line (short, no full stop, not
// ending in a comma-like mark)?
bool headline_shaped(std::string_view text);

// Length of a dateline marker at the start of `text` (bytes), or 0.
size_t match_dateline(std::string_view text, const Lexicon &lex);

}  // namespace bm::detail
