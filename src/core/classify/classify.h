// Stage 5: what each piece is by itself — the local evidence the decoder
// (segment/) weighs: byline marks and role words (with the people they
// name), dateline patterns, editor's-note labels, furniture cues, headline
// shape. No decision about the page is taken here; a piece's type is only
// its own evidence.
#pragma once
#include <cstdint>
#include <vector>

#include "core/common/model.h"
#include "core/lexicon/lexicon.h"
#include "core/lines/lines.h"

namespace bm::detail {

class Lexicon;

enum class PieceType : uint8_t { Body, Headline, Byline, Dateline, EditorNote, Ad, Other };

// What one piece is by itself (classify/'s output, one per piece).
struct PieceClass {
  PieceType type = PieceType::Body;
  bool credit = false;        // a Byline piece naming photographers only
  bool marked = false;        // a Byline piece that began with a byline mark
  bool bare = false;          // names only: continues the byline before it
  uint32_t dateline_bytes = 0;  // Dateline pieces: length of the marker in the piece's text
  uint32_t dateline_byline_begin = 0, dateline_byline_end = 0;  // a byline inside the marker, bytes in the text
  std::vector<Byline> people; // Byline pieces: who, in order (role None = bare names)
  // Evidence of every piece, whatever its type, read once here for the
  // stages after this one (segment/ reads them as features):
  bool headline_shaped = false;  // headline_shaped(text)
  CueSet cues;                   // the lexicon's cue sections with a word in the text
};

// The pieces of a page, each with its class: `pieces` are the pieces given,
// plus a piece after each byline whose line ran on into other text
// (`李  明摄 本报讯…`: the glued text is a piece of its own).
struct Classified {
  std::vector<Piece> pieces;
  std::vector<PieceClass> classes;  // classes[k] is pieces[k]'s
};

Classified classify_pieces(std::vector<Piece> pieces, const Lexicon &lex, TextStore &edits);

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
