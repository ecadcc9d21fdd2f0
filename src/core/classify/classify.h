// Stage 5: what each piece is by itself — the local evidence the decoder
// (segment/) weighs: byline marks and role words (with the people they
// name), dateline patterns, editor's-note labels, furniture cues, headline
// shape. No decision about the page is taken here; a piece's type is only
// its own evidence.
#pragma once
#include <vector>

#include "core/lines/lines.h"

namespace bm::detail {

class Lexicon;

void classify_pieces(std::vector<Piece> &pieces, const Lexicon &lex, TextStore &edits);

// Does the text have the shape of a headline line (short, no full stop, not
// ending in a comma-like mark)?
bool headline_shaped(std::string_view text);

// A dateline marker at the start of `text`: its end (bytes, 0 = none) and,
// when the pattern names a group `byline` (中央社記者X台北報導, 【記者X／台北報導】),
// where that group stands (bytes; empty when none).
struct DatelineMatch {
  size_t end = 0;
  size_t byline_begin = 0, byline_end = 0;
};
DatelineMatch find_dateline(std::string_view text, const Lexicon &lex);
// find_dateline(text, lex).end.
size_t match_dateline(std::string_view text, const Lexicon &lex);

}  // namespace bm::detail
