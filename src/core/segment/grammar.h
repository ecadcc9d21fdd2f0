// Stage 5b: the page grammar the decoder reads a page with. Every piece gets
// one state; the states say what the piece is (headline, byline, body, ...)
// and whether it opens a new item. A page is a sequence of items:
//
//   item := note* head+ (byline | note)* body+ (credit | endnote)* head-after*
//         | byline+ note* body+ (credit | endnote)* head-after*
//         | note+ body+ ...          | body+ (credit | endnote)* head-after*
//         | head* caption+ credit+ endnote* head-after*      (a photo item)
//         | box+
//   page := header* item*
//
// Only the transitions of allowed() exist; the decoder (decoder.h) picks the
// best-scoring path through them, with scores from the model (model.h).
// The fitting script (tools/fit) reads the same grammar from `bm_debug
// --features` output, so it is written only here.
#pragma once
#include <cstddef>
#include <cstdint>

namespace bm::detail {

enum class State : uint8_t {
  Header,       // masthead, edition and page furniture before the first item
  BoxStart,     // first line of an ad, weather box, notice or other box
  Box,          // further lines of that box
  HeadStart,    // first headline line of an item that opens with its headline
  Head,         // further headline lines (kicker, title, subtitle, deck)
  BylineStart,  // byline opening an item (byline -> body -> headline pages)
  Byline,       // byline inside an item (under its headline)
  NoteStart,    // editor's note opening an item (set above its headline)
  Note,         // editor's note inside an item
  BodyStart,    // first body line of an item with no headline or byline before it
  Body,         // body lines (pull quotes, dateline line, paragraphs)
  CaptionStart, // first caption line of a photo item with no title before it
  Caption,      // caption lines of a photo item (they end in its credit)
  Credit,       // photo credit after a caption
  EndNote,      // closing notes after the body: （作者为…）, （X参与采写）, bracketed author
  HeadAfter,    // headline printed after its item's text
};
constexpr size_t k_state_count = 16;

// What a state says about its piece, whatever the item's order.
enum class Role : uint8_t { Header, Box, Headline, Byline, Note, Body, Caption, Credit, EndNote };

Role role_of(State s);
// Does the state open a new item?
bool opens_item(State s);
const char *state_name(State s);
// May `to` follow `from`? (`from` = nullptr: may the page start with `to`.)
bool allowed(const State *from, State to);

}  // namespace bm::detail
