// What the assemble stage's rules ask of a piece or a draft: a full line of
// a hard-wrapped column, a headline that leads its text, a byline of
// editors only, a kicker that ends in a dash, a subhead under text, the one
// way an item's lines join a story as its text, and taking a piece out of a
// draft's list. Shared by the draft builder (assemble.cpp),
// the rereadings between neighbouring items (rereads.h) and the joins of an
// item to the story before (joins.h).
#pragma once
#include <optional>
#include <string_view>
#include <vector>

#include "core/assemble/assemble.h"

namespace bm::detail {

// A hard-wrapped column wide enough for its line widths to tell a short
// line (a headline's, a paragraph's last) from a full one.
bool wide_column(const Piece &p, const LayoutInfo &layout);

// A hard-wrapped line that runs to its column's edge (as layout/ measures
// the column): the text goes on on the next line. In a narrow column (a few
// characters a line) a headline line is as wide as the text's: fullness
// tells them apart only in a column at least k_min_column_cells wide.
bool full_line(const Piece &p, const LayoutInfo &layout);

// Does the draft open with its headline, every headline line before its
// text (and both present)?
bool headline_leads(const Draft &d);

// Does a byline piece name editors only (责任编辑 X: the page's editor line)?
bool editors_only(const PieceClass &c);

// Takes `piece` out of one of a draft's lists of pieces.
void drop_piece(std::vector<size_t> &pieces, size_t piece);

// `d`'s text, closing notes, pieces and confidence join `story` (its
// headline is the caller's to place).
void absorb_text(Draft &story, const Draft &d);

// A whole line that runs to its column's edge and ends no sentence: its
// sentence goes on on the next line.
bool breaks_off(const Piece &p, const LayoutInfo &layout);

// `d`'s headline and text go on as `story`'s text (a story resumed after a
// box, its next section): its pieces, closing notes and confidence join.
void append_as_text(Draft &story, const Draft &d);

// Does the line end in a dash (三座城市——): a kicker leading into the line
// under it?
bool ends_in_dash(std::string_view text);

// A subhead straight under a column's text: a whole line shaped as a
// headline that ends no sentence, with no box cue, no blank line before it.
bool ends_on_subhead(const Piece &p, const PieceClass &c);

}  // namespace bm::detail
