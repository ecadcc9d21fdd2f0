// Reading one byline or credit piece: role words (from the lexicon, letter-
// spacing allowed: 记 者), names (letter-spaced two-character names joined:
// 张 伟 -> 张伟), several roles on one line, the trailing form (张伟 摄), and
// text glued after the names (a title: `李 明迎新春 送祝福`).
#pragma once
#include <optional>
#include <string_view>
#include <string>
#include <vector>

#include "core/common/model.h"

namespace bm::detail {

class Lexicon;

struct BylineParse {
  std::vector<Byline> people;  // role may be "" for a bare-name continuation line
  std::string leftover;        // raw text after the names (e.g. a glued title)
  bool marked = false;         // the piece began with a byline mark (■)
};

// A byline piece, or nothing when `text` is not one. `allow_bare` accepts a
// piece of names only (a continuation of the byline before it).
std::optional<BylineParse> parse_byline(std::string_view text, const Lexicon &lex, bool allow_bare);

// A piece the decoder has already read as a byline or credit, read without
// the surname list: role words anywhere (also at the end of a token:
// 江南日报记者, 张伟摄), every other Han token of 2-4 characters a name
// (letter-spaced single characters joined: 王 强). Empty when some token is
// neither.
std::vector<Byline> parse_byline_lenient(std::string_view text, const Lexicon &lex);

// Where the source of a photo credit starts (`张伟摄（新华社发）`: a short
// bracketed note after a photographer's role word), or text.size() when the
// text ends in none. The note names nobody; the credit is what precedes it.
size_t photo_source_note(std::string_view text, const Lexicon &lex);

// Does the text hold a role word of two characters or more (记者, 通讯员)?
// (One-character roles such as 摄 or 文 stand in ordinary prose.)
bool has_role_word(std::string_view text, const Lexicon &lex);

// True when every character is Han and the count fits a personal name (2-4).
bool looks_like_name(const std::u32string &s);

// Does the text hold a digit or a Latin letter? No Chinese name does, so a
// short line that holds one is text however it stands (300万辆, 5G专网),
// never a name the surname list does not know.
bool has_digit_or_latin(std::string_view text);

}  // namespace bm::detail
