// Stage 4: layout features of the page and paragraph reflow.
// Two layouts occur in extracted page text:
//  - one paragraph per line (long lines; a blank line after a line without
//    sentence-final punctuation is a column break, not a paragraph break);
//  - hard-wrapped columns (every line about as wide as its column; the first
//    line of a paragraph is about two characters narrower: the lost indent).
#pragma once
#include <string>
#include <vector>

#include "core/common/punct.h"  // ends_sentence, used with the layout

#include "core/lines/lines.h"
#include "core/normalize/inline_text.h"

namespace bm::detail {

enum class Layout { OneParagraphPerLine, HardWrapped };

struct LayoutInfo {
  Layout layout = Layout::OneParagraphPerLine;
  std::vector<int> column;  // per line: estimated full column width (display cells)
  // Hard-wrapped columns whose paragraphs open without an indent (the text a
  // PDF extractor gives): only a line that stops short ends a paragraph, so
  // a short line ends one even without a full stop (an in-body subhead, a
  // paragraph ending in a quote or a colon).
  bool unindented = false;
};

LayoutInfo detect_layout(std::string_view text, const std::vector<Line> &lines);

// The same from the non-blank lines as they will be read (`text` each line's
// text, the repeat remover's cuts made; `width` and `line` as in Line and
// the line's index among `line_count` lines), in page order.
struct LayoutLine {
  std::string_view text;
  int width = 0;
  size_t line = 0;
};
LayoutInfo detect_layout(const std::vector<LayoutLine> &lines, size_t line_count);

// How to read a short line without punctuation before a break.
enum class Subheads {
  // Text alone (bm_normalize): a blank line after it is a column break, as
  // the normalization spec's rule 6 says for every unfinished line.
  AreText,
  // A story's body (bm_parse): such a line set off by a blank line, or
  // followed by an indented first line, is an in-body subhead, a paragraph
  // of its own (推动产业提质增效).
  AreParagraphs,
};

// Does piece `b` start a new paragraph after piece `a` (rule 6)?
bool paragraph_break(const Piece &a, const Piece &b, const LayoutInfo &layout, Subheads subheads = Subheads::AreText);

// Groups body pieces (in page order) into raw paragraphs (lines joined by
// rule 5, not yet normalized). Returns for each paragraph its first piece
// index and where each piece's text went in it (JoinedLine::line indexes
// `pieces`), so that a part of the paragraph can be found in the source.
struct RawParagraph {
  std::string text;
  size_t first_piece = 0;
  std::vector<JoinedLine> parts;
};
std::vector<RawParagraph> reflow(const std::vector<const Piece *> &pieces, const LayoutInfo &layout,
                                 Subheads subheads = Subheads::AreText);

}  // namespace bm::detail
