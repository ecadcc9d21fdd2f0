// Stage 4c: page furniture a PDF extractor emitted in the middle of the page.
// poppler reads the header's parts (`第10版`, `人民日报 2025年7月17日`, a
// page number) where their boxes fall, between a story's byline and its body
// or between two columns. The decoder's grammar reads page furniture only
// before the first item, so such a block would cut the story it stands in.
// A block of nothing but masthead lines (one of them naming the page), set
// apart by blank lines on both sides, with text before and after it, is
// moved to the page's start, where the header is read.
#pragma once
#include <vector>

#include "core/lines/lines.h"

namespace bm::detail {

class Lexicon;

// Returns the number of pieces moved. Their byte ranges do not change (the
// masthead keeps its spans); pieces stay in page order otherwise.
size_t lift_page_furniture(std::vector<Piece> &pieces, const Lexicon &lex);

// A line of page furniture only: every space-separated part is a masthead
// word (the lexicon's, or a word in capitals), an edition, a page number, a
// section name, a date or a weekday, and at least one part is a masthead
// word of the lexicon or an edition (6 社会 江南晨报 2026年5月3日 星期日).
bool is_furniture_line(std::string_view text, const Lexicon &lex);

}  // namespace bm::detail
