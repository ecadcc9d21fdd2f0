// Stage 2: decoded text -> lines (byte ranges, display widths) -> pieces.
// A piece is a line or the part of a line that holds one item: extractors glue
// items together (`…的影响。 ■摄影 张 伟` is a caption end and a credit), so a
// line is cut before an embedded byline mark.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/model.h"
#include "core/geometry/positioned.h"

namespace bm::detail {

class Lexicon;

struct Line {
  size_t begin = 0, end = 0;  // trimmed content, byte offsets into the text
  int width = 0;              // display width of the trimmed content
  bool blank = true;
  bool merged_columns = false;  // neighbouring columns read as one line (columns.h)
  Face face = Face::Unknown;    // from the geometry, when there is one
  bool item_break = false;     // the page geometry says an item opens here (lay_out.h)
};

// The lines of the text, with merged_columns set (columns.h).
std::vector<Line> split_lines(std::string_view text);

enum class PieceType { Body, Headline, Byline, Dateline, EditorNote, Masthead, Edition, Ad, Weather, Other };

struct Piece {
  PieceType type = PieceType::Body;
  size_t line = 0;            // index of its line
  size_t begin = 0, end = 0;  // byte range in the text (for spans)
  std::string text;           // the raw text (a duplicate span may have been cut out)
  int width = 0;              // display width of the whole line it came from
  Face face = Face::Unknown;  // its line's
  bool item_break = false;   // its line's, for the line's first piece: an item opens here
  int blanks_before = 0;      // blank lines between this piece and the previous one
  bool first_in_line = true;  // false for the 2nd.. piece cut from one line
  bool last_in_line = true;
  bool duplicate_cut = false; // the dedupe stage removed repeated text from it
  bool ends_paragraph = false;// the text after it was lost (a duplicate stood there)
  // Filled in by classify/:
  std::vector<Byline> people; // Byline pieces: who, in order (role "" = bare names)
  bool credit = false;        // a Byline piece naming photographers only
  bool marked = false;        // a Byline piece that began with a byline mark
  bool bare = false;          // names only: continues the byline before it
  size_t dateline_bytes = 0;  // Dateline pieces: length of the marker in `text`
  size_t dateline_byline_begin = 0, dateline_byline_end = 0;  // a byline inside the marker, bytes in `text`
  bool block_start = true;    // Headline pieces: starts a new headline block
};

// Cuts every non-blank line into pieces at embedded byline marks.
std::vector<Piece> split_pieces(std::string_view text, const std::vector<Line> &lines, const Lexicon &lex);

}  // namespace bm::detail
