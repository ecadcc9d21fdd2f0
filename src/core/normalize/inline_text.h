// Stage 3 (character level): rules 1-5 of docs/normalization.md applied to one
// piece of text that has no line breaks: NFC, full-width ASCII -> half-width,
// U+3000 as a space, punctuation width in Chinese context, parentheses,
// spaces next to Chinese removed.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace bm::detail {

enum class InlineMode {
  Body,      // paragraphs, notes, captions: every space next to Chinese goes
  Headline,  // one space between two Chinese phrases is kept (迎新春 送祝福)
  Name,      // person names: every space goes (张 伟 -> 张伟)
};

// Rules 1-4 on `text` (UTF-8 without '\n'). Valid UTF-8 in, valid UTF-8 out.
// Text the rules would leave as it is (no space, no half-width punctuation
// they rewrite, nothing to fold or compose) is told in one pass and copied.
std::string normalize_inline(std::string_view text, InlineMode mode = InlineMode::Body);
// The same without that shortcut: every rule applied (tests compare the two).
std::string normalize_inline_by_rules(std::string_view text, InlineMode mode = InlineMode::Body);

// UAX #15 Stream-Safe Text Format: inserts U+034F COMBINING GRAPHEME JOINER
// before a code point that would make more than 30 consecutive non-starters
// (counted in NFKD). Applied before NFC so that normalization stays linear.
std::string stream_safe(std::string_view text);

// Where one line went in the text join_lines made: out[at, at + len) is
// lines[line][from, from + len) (the line without its trimmed spaces).
struct JoinedLine {
  size_t line = 0, at = 0, from = 0, len = 0;
};

// Rule 5: joins the raw lines of one paragraph: each line trimmed, no
// separator, except one space between two Latin letters. Not yet normalized.
// `where`, when given, receives one entry per non-empty line, in order.
std::string join_lines(const std::vector<std::string_view> &lines, std::vector<JoinedLine> *where = nullptr);

// True when the code point is a Han character (Script=Han) or CJK punctuation
// (the "Chinese context" of rule 2). Shared by later stages.
bool is_han(char32_t cp);
bool is_chinese_punct(char32_t cp);

}  // namespace bm::detail
