// An item the decoder read as a story of its own that is part of the story
// before it (assemble's last pass): a section under its subhead (either
// headline order), the section that gives a report its owed names, a
// sidebar (延伸阅读), text over the page's editor line, a caption printed
// inside the story's text. Each returns whether the item joined.
#pragma once
#include <optional>
#include <string_view>
#include <vector>

#include "core/assemble/assemble.h"

namespace bm::detail {

// A story's section read as a story of its own. A story carries its
// credit (a byline or a dateline) under its headline; a section of one
// carries none, only its subhead and text. Where an item that opens with
// one headline line and runs on with text of its own (two sentences at
// least: a photo group's lead is one) has no byline, dateline, note, credit
// or closing note (an author's, a commentary's), and follows straight on a
// story that opened with its headline and its credit and closed with no end
// note, it is that story's next section: the subhead and text join the
// story. Returns whether it joined.
bool joins_as_section(Draft &story, const Draft &d, const Assembly &a);

// The same on a page whose headlines follow their text: a story opens with
// its credit (a byline, a dateline) and its sections each end above the
// next one's subhead, so the decoder reads each subhead as the closing
// headline of the text above it, and each section as an item of its own
// whose headline is the next subhead (the last one's, the story's title).
// Where an item with no credit of any kind, two sentences (80 characters)
// of text at least and a closing headline follows straight on a credited
// story closed by one headline line (or a kicker that ends in a dash over
// it), that line is the story's subhead and the item its next section: its
// text and closing headline join.
bool joins_as_section_above_subhead(Draft &story, const Draft &d, const Assembly &a);

// A report credited by role alone (本报记者 under its headline, no name)
// gives the names at its end, in brackets under its last section:
// （本报记者 甲、乙）. Where the decoder reads that last section as an item of
// its own (its subhead as a headline, often after a photo's title that the
// extractor printed between), the item opens with no credit of its own and
// closes with the names the report still owes. All of these hold: the story
// opens with its headline and a credit that names nobody, and has no
// closing notes or dateline; its text has a subhead of its own (a report in
// sections, not a story with one brief under it); the item follows straight
// on, opens with at most k_owed_heads headline lines and runs on with its
// text, with no byline, dateline, note or credit, and its first closing note
// is a credit that names people. Returns whether the item joined.
bool joins_as_owed_section(Draft &story, Draft &d, const Assembly &a, const Lexicon &lex,
                           std::vector<Draft> &boxes);

// A story's sidebar (延伸阅读, 相关链接: a label of [story.sidebar] on a line
// of its own, then the reading's title and text, set in a box inside the
// story or under it) is the story's text. The decoder may read the label as
// a box or as a new item's headline (a story that opens with its headline),
// or with the title as the story's closing headline and the reading's text
// as the next item's, the story's own headline closing that (a story whose
// headline follows its text). `x` is the draft after the last story kept in
// `stories`; returns how many drafts the story took in (0: none).
size_t takes_sidebar(Draft &story, std::vector<Draft> &drafts, size_t x, const Assembly &a, const Lexicon &lex);

// Text read as a photo's caption over a credit that names editors only
// (责任编辑 X: the page's editor line) is no photo: a photo's credit names its
// photographer. Where such an item has no headline and follows straight on
// a story's text, its lines are the story's last paragraphs, and the editor
// line stands alone, as the page's. Returns the editor line's item when the
// text joined the story.
std::optional<Draft> editors_line_under_text(Draft &story, Draft &d, const Assembly &a);

// A caption printed inside a story's text (图为孩子们在社区书屋读绘本。 周 航摄)
// read as a photo item of its own: a caption with no headline that opens
// with a word of [photo.in_story], straight after the story's text, is the
// story's, and its credit names the story's photographer. Returns whether
// it joined.
bool joins_as_story_photo(Draft &story, const Draft &d, const Assembly &a, const Lexicon &lex);

}  // namespace bm::detail
