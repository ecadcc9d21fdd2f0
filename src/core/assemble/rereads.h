// Lines the decoder gave to the wrong one of two neighbouring items, given
// back (assemble's second pass, after the draft builder): a headline cut by
// its column, a kicker that ends in a dash, a text line read as an item of
// its own, a title and byline printed inside a story, a photo group's lead,
// a short item under a story, a row of side-by-side heads, a story resumed
// after a box. Each rule reads the drafts and the pieces' layout, never the
// text of any particular page.
#pragma once
#include <optional>
#include <string_view>
#include <vector>

#include "core/assemble/assemble.h"

namespace bm::detail {

// Is `c` the rest of story `a`, the story's text resumed after a box that a
// PDF extractor printed inside it (今日天气 / 多云 / … between two lines of one
// sentence)? The box's lines are read as a box of their own or as the
// story's closing notes (`boxes_between`: how many box items stand between
// the two); what follows is read as a new item whose "headline" is a full
// column line of running text. All of these hold:
//  - a box between: box items, or lines after the story's last text line
//    read as its closing notes (a story that ends in the middle of a
//    sentence has no closing note of its own);
//  - `a` is a story with no headline after its text;
//  - `c` opens with its text, or with one headline line that runs on into
//    its body on the next line (no blank between); that first line is full
//    and ends no sentence; and `c` has nothing else of an item's opening: no
//    byline, note, dateline line, closing headline or photo credit (its
//    closing notes become the story's);
//  - the story's last line is full and ends no sentence (it broke off in a
//    sentence), or it ends one and `c`'s line has a clause mark inside
//    (running text, the story's next paragraph).
bool resumes(const Draft &a, const Draft &c, size_t boxes_between, const Assembly &as);

// A headline line the column's width cut, whose last character or two open
// the next item (城南老旧小区加装电梯惠及三百余 / 户 / 记者 X / text): the
// decoder read the long line as the closing headline of the item before.
// The two lines are one headline, and it is the item's that holds the rest.
// Moves the line from `prev` to `next` when so.
void rejoin_cut_headline(Draft &prev, Draft &next, const Assembly &a);

// A line that ends in a dash (三座城市——) leads into the line under it:
// a kicker into its title, a section's kicker into its subhead. Where the
// decoder closed an item with it (as its last text line or headline line,
// or as an item of its own) and the next item opens with its headline
// straight under it, the line is that headline's first. Returns whether the
// line moved; `prev` may be left empty.
bool lead_into_next_headline(Draft &prev, Draft &next, const Assembly &a);

// A full line of a hard-wrapped column that ends no sentence, read as an
// item of its own (a headline with nothing under it, or a box with no box
// cue in it that is no page furniture: a folio line runs the column's width
// too), straight over the next item's first text line (no blank line
// between): it is that text's first line (a section's first line under its
// subhead, which the decoder took for something between two items).
// Returns whether the line moved; `lone` is left empty.
bool lone_line_runs_on(Draft &lone, Draft &next, const Assembly &a, const Lexicon &lex);

// The same inside an item whose headline closes it: its first text line, a
// full line that ends no sentence, read as an opening headline over the
// rest of its text (no blank line between). The line is text. Returns
// whether it moved.
bool first_line_read_as_headline(Draft &d, const Assembly &a);

// A story's title and byline that a PDF extractor printed inside its text.
// A story set under a headline that spans the columns, with its title and
// byline in a box in the first column, comes out as the headline, the first
// column's text, then the title and the byline, then the rest of the text:
// the decoder reads a new item at the title. The story before it gives it
// away by ending on a subhead (a headline-shaped line that ends no
// sentence, straight under the column's text with no blank line between,
// read as its last text line, as its closing headline or as a box of its
// own): no story ends on a subhead, whose section is still to come (a line
// set off by a blank line may as well be the next item's kicker). So where
// a story that opens with its headline and has no byline ends so, and the
// next item opens with one headline line and a byline that names a role,
// that item is the story's title, byline and rest. `x` is the first draft
// after the story; returns how many drafts (a subhead box and the item) it
// took in.
size_t take_title_and_byline(Draft &story, std::vector<Draft> &drafts, size_t x, const Assembly &a);

// A group of photos under one title: the title, a lead that says what the
// photos show (`春节假期，各行各业的值守人员坚守一线。`), then the captions, each
// opening with the day it was taken (`1月2日，…`) and closing with its
// credit. Where the page sets no blank line between them the decoder may read
// the title, the lead and the first caption as one photo item. The lead is a
// story of its own, with the title: it is cut off at the first caption that
// opens a line with a day after a line that ends a sentence (the lead itself
// opens with no day: a caption under its own title opens with one). Returns
// the lead's draft, the caption keeps the rest.
std::optional<Draft> cut_photo_group_lead(Draft &d, const Assembly &a);

// A short item set under a story with only a blank line between, read as
// the story's last block: a title (a whole line shaped as a headline, ending
// no sentence, with no box cue) straight over a line or two of text that end
// a sentence, after the story's text ended one, and nothing after it before
// the next blank line or item (坚守岗位 / 元旦假期，…。 under a story, as an
// extractor that reads across columns gives a photo group's lead). A subhead
// at the top of a column has the rest of its section under it; only at the
// story's end is the block this short. The title is a short line of a wide
// column (at most three quarters of it: an indented paragraph's first line
// is nearly full; in a narrow column any line may be short) with no clause
// mark inside. Returns the item cut from `story`.
std::optional<Draft> cut_trailing_item(Draft &story, const Assembly &a);

// Two items' heads printed one under the other before both texts (an
// extractor reading a row of items across: title 1 and its author, title 2
// and its subtitle, then text 1, a blank line, text 2). The decoder reads
// the first title either as text (of whatever heads the page's top: a
// series banner, a column's name) or as a box with its author, and both
// texts under the second title. The shape: an item whose only text is one
// lone line shaped as a title (no sentence in it), or a box whose last
// lines are such a title and a name, with at most a name under the title (a
// byline read without the surname list), in a column wide enough to tell a
// title from text, straight over an item whose headline leads and whose
// text holds, after a finished sentence, a blank line with long text on
// both sides. The text before that blank line is the first title's; the
// heads over the title become an item of their own (page furniture), and
// so does an item straight before them read as a story with no sentence in
// it. `x` is the first item's draft; returns whether the heads were dealt
// (a furniture draft is then inserted at `x`).
bool deal_stacked_heads(std::vector<Draft> &drafts, size_t x, const Assembly &a, const Lexicon &lex);

// The heads of side-by-side items, read as rows. An extractor that reads a
// page line by line across its columns (poppler) gives two items set side
// by side as their titles in a row, then each item's text in turn, then
// their subtitles in a row: H1, H2, B1, B2, S1, S2. The decoder reads the
// first item with both titles, and the second with both subtitles at its
// end. The shape gives the row away: k titles, each a line alone, over the
// first item's text; then k-1 more items that open with their dateline or
// byline and no headline; then, closing the last of them, k lines alone
// that end no sentence (its subtitles) and nothing else read as headline.
// Each item gets its title and subtitle in row order. `x` is the first
// item's draft; returns whether the row was dealt.
bool deal_row_of_heads(std::vector<Draft> &drafts, size_t x, const Assembly &a);

}  // namespace bm::detail
