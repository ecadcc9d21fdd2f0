// Punctuation facts shared by the stages that cut lines and paragraphs and
// the decoder's features.
#pragma once
#include <optional>
#include <string_view>

namespace bm::detail {

// Punctuation that closes what comes before it and never opens a line of
// running text: ，、。；：！？ and the closing brackets and quotes (full and
// half width). Vertical print and narrow columns carry it to the start of
// the next line (`，生意雖尚稱不惡`), or leave it alone on a line.
bool is_closing_punct(char32_t c);

// A mark inside a sentence that ends a clause: ，、：； and , : ; (the
// half-width ones as an extractor may give them).
bool is_clause_mark(char32_t c);

// Does a clause mark stand inside the text (before its last character)?
// Running text has them; a headline line seldom does.
bool has_inner_clause_mark(std::string_view text);

// The line opens with closing punctuation: it continues the line before.
bool starts_with_closing_punct(std::string_view text);

// The line holds only closing punctuation (and spaces): `，`, `。」`.
bool is_closing_punct_only(std::string_view text);

// A separator line between the short notes of one column: only ornaments
// and spaces, at least two ornaments (`×　×　×`, `＊＊＊`, `●　●`).
bool is_separator_line(std::string_view text);

// Does the text end a sentence (。！？… and closing quotes/brackets after
// them, or a bracketed note after such an end: `…300个。（完）`)?
bool ends_sentence(std::string_view text);

// Where a short bracketed note closing the text starts (`（新华社发）`,
// `(资料图片)`: where a photo came from, after its credit `张伟摄（新华社发）`),
// or text.size() when the text ends in no such note. The note holds 2 to 10
// Han characters and nothing else, and some text stands before it.
size_t trailing_bracket_note(std::string_view text);

// The text inside brackets that enclose the whole of `t` (（…） or (…)), or
// nothing.
std::optional<std::string_view> bracketed(std::string_view t);

}  // namespace bm::detail
