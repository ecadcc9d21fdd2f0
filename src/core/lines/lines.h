// Stage 2: decoded text -> lines (byte ranges, display widths) -> pieces.
// A piece is a line or the part of a line that holds one item: extractors glue
// items together (`…的影响。 ■摄影 张 伟` is a caption end and a credit), so a
// line is cut before an embedded byline mark.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/model.h"
#include "core/common/text_store.h"
#include "core/geometry/positioned.h"

namespace bm::detail {

class Lexicon;

// One record per non-blank line, and one per run of blank lines (a page of
// empty lines is one record, not one per input byte). 20 bytes; offsets fit
// in 32 bits (BM_LIMIT_MAX_INPUT_BYTES is 1 GiB, decoding at most triples it;
// split_lines checks).
struct Line {
  uint32_t begin = 0, end = 0;  // trimmed content, byte offsets into the text
  int width = 0;                // display width of the trimmed content
  uint32_t lines = 1;           // source lines it stands for (> 1: a run of blank ones)
  bool blank = true;
  bool merged_columns = false;  // in a run of merged columns put in column order (columns.h)
  Face face = Face::Unknown;    // from the geometry, when there is one
  bool item_break = false;     // an item opens here: the page geometry says so (lay_out.h),
                               // or text follows columns that ended level (columns.h)
};

// The line records of the text; merged columns read apart (columns.h).
std::vector<Line> split_lines(std::string_view text);

// What lines/ (and dedupe/, which cuts repeats out of them) say about a
// piece of the page; what the piece is by itself is classify/'s output
// (PieceClass), kept beside it. Kept for every piece of the page from
// split_pieces to extract: on a page of short lines (a byline mark a line)
// pieces are the peak of the call's memory, so offsets are 32 bits (as in
// Line) and the small fields packed.
struct Piece {
  std::string_view text;      // the raw text: a view into the page's text, or into the
                              // call's TextStore once a stage rewrote it (a repeat cut out)
  uint32_t line = 0;          // index of its line record
  uint32_t begin = 0, end = 0;  // byte range in the text (for spans)
  int width = 0;              // display width of the whole line it came from
  int blanks_before = 0;      // blank lines between this piece and the previous one
  Face face = Face::Unknown;  // its line's
  bool item_break = false;   // its line's, for the line's first piece: an item opens here
  bool first_in_line = true;  // false for the 2nd.. piece cut from one line
  bool last_in_line = true;
  bool duplicate_cut = false; // the dedupe stage removed repeated text from it
  bool ends_paragraph = false;// the text after it was lost (a duplicate stood there)
};

// Cuts every non-blank line into pieces at embedded byline marks.
std::vector<Piece> split_pieces(std::string_view text, const std::vector<Line> &lines, const Lexicon &lex,
                                TextStore &edits);

}  // namespace bm::detail
