// Where the text the extractor works on came from in the page ("spans"):
// byte offsets of a piece's text, of a paragraph joined from several pieces,
// and of a word searched for in a stretch of the source. Used by extract/ to
// give every field its span and by metadata.cpp to place day expressions.
#pragma once
#include <cstddef>
#include <string_view>
#include <vector>

#include "core/blocks/layout.h"
#include "core/common/model.h"
#include "core/lines/lines.h"

namespace bm::detail {

// Offsets of one piece's text in the page text. A piece's text is its source
// bytes [begin, end) (or past `end`: a byline piece whose glued text classify/
// cut off its range keeps it), except where dedupe/ cut a repeat out of it, or
// lines/ appended a line of closing punctuation, or classify/ split off glued text:
// then an offset before the first difference maps from the start, one after
// the last difference from the end, and one in between to the bound that keeps
// a span covering its text (a start to the earliest, an end to the latest
// place it can be), on a character boundary. Always within [begin, end] (end
// as above).
class PieceMap {
 public:
  PieceMap(std::string_view page_text, const Piece &piece);
  size_t start_of(size_t offset) const;  // where the byte at text offset `offset` starts
  size_t end_of(size_t offset) const;    // where the bytes before text offset `offset` end

 private:
  size_t clamp(size_t at) const;
  size_t start_char(size_t at) const;  // at, or the start of the character it is inside
  size_t end_char(size_t at) const;    // at, or the end of the character it is inside
  std::string_view page_;
  size_t begin_, end_, size_;   // the piece's source range and text size
  size_t prefix_, suffix_;      // bytes its text shares with the source at each end
};

// The source span of bytes [a, b) of a paragraph that reflow() joined from
// `pieces` (RawParagraph::parts says which bytes came from which piece).
Span joined_span(std::string_view page_text, const std::vector<const Piece *> &pieces, const RawParagraph &paragraph,
                 size_t a, size_t b);

// Where `needle` is in text[from, to), its characters possibly separated by
// spaces and line breaks (letter-spaced names, wrapped lines) and full-width
// ASCII read as ASCII; false if nowhere. Linear in (to - from) x needle.
bool find_in_source(std::string_view text, size_t from, size_t to, std::string_view needle, size_t &b, size_t &e);

}  // namespace bm::detail
