#include "core/classify/byline.h"

#include <algorithm>
#include <array>

#include <unicode/unistr.h>

#include "core/common/punct.h"
#include "core/common/utf8.h"
#include "core/lexicon/lexicon.h"
#include "core/normalize/inline_text.h"

namespace bm::detail {

namespace {

std::string to_utf8(std::u32string_view s) {
  std::string out;
  out.reserve(s.size() * 3);
  for (char32_t c : s) append_cp(out, c);
  return out;
}

// A character of a person's name: Han, or the middle dot that joins
// transliterated names.
bool is_name_char(char32_t c) { return is_han(c) || c == 0x00B7 || c == 0x30FB; }

bool all_han(std::u32string_view s) {
  for (char32_t c : s)
    if (!is_name_char(c)) return false;
  return !s.empty();
}

// What parts the tokens of a credit: spaces, and the marks that are not
// part of names (文/图, 摄影：张伟, 王明、李华).
bool is_token_break(char32_t c) {
  return is_space_cp(c) || c == U'/' || c == 0xFF0F || c == U':' || c == 0xFF1A || c == 0x3001 || c == 0xFF0C ||
         c == U',';
}

// The tokens of a credit: views into the caller's code points, which must
// outlive them. A credit is a few names and roles: the first ones are kept
// in place, and only a credit of more tokens than that allocates.
class Tokens {
 public:
  size_t size() const { return n_; }
  std::u32string_view operator[](size_t i) const { return n_ <= small_.size() ? small_[i] : big_[i]; }
  void push_back(std::u32string_view v) {
    if (n_ < small_.size()) {
      small_[n_++] = v;
      return;
    }
    if (big_.empty()) big_.assign(small_.begin(), small_.end());
    big_.push_back(v);
    ++n_;
  }

 private:
  std::array<std::u32string_view, 16> small_;
  std::vector<std::u32string_view> big_;
  size_t n_ = 0;
};

Tokens tokenize(std::u32string_view s) {
  Tokens t;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i < s.size() && !is_token_break(s[i])) continue;
    if (i > start) t.push_back(s.substr(start, i - start));
    start = i + 1;
  }
  return t;
}

// Tries to read a role word starting at token `ti`, character `ci`, skipping
// the spaces of letter-spacing (记 者). On success returns the role and moves
// ti/ci past it.
const RoleWord *match_role(const Tokens &t, size_t &ti, size_t &ci, const Lexicon &lex) {
  for (const RoleWord &rw : lex.roles()) {
    const std::u32string &w = rw.word32;
    size_t a = ti, b = ci, k = 0;
    bool spaced = false;
    while (k < w.size() && a < t.size()) {
      if (b == t[a].size()) {  // token boundary inside the word: letter-spacing
        ++a;
        b = 0;
        spaced = true;
        continue;
      }
      if (t[a][b] != w[k]) break;
      ++b;
      ++k;
    }
    if (k != w.size()) continue;
    // Letter-spacing is only believable one character per token (记 者).
    if (spaced && t[ti].size() - ci != 1) continue;
    // A one-character role (摄, 图, 文) must stand alone, or it eats names.
    if (w.size() == 1 && (b != t[a].size())) continue;
    ti = a;
    ci = b;
    if (ci == t[ti].size()) {
      ++ti;
      ci = 0;
    }
    return &rw;
  }
  return nullptr;
}

// An outlet's name before the credit's first role word, in one token:
// 浙江日报记者 周航 (a story another paper's reporters wrote with this
// one's, or reprinted from it) or 《经济日报》记者 张伟. The name is a whole
// match of the lexicon's [paper] section, or any name in 《》 (at most
// k_outlet_max_cps inside). Returns where the role word starts in the
// token, 0 when the token opens no such way.
constexpr size_t k_outlet_max_cps = 12;
size_t outlet_before_role(std::u32string_view tok, const Lexicon &lex) {
  for (size_t at = 2; at + 2 <= tok.size(); ++at) {
    const std::u32string_view rest = tok.substr(at);
    bool role_here = false;
    for (const RoleWord &rw : lex.roles())
      role_here = role_here || (rw.word32.size() >= 2 && rest.substr(0, rw.word32.size()) == rw.word32);
    if (!role_here) continue;
    const std::u32string_view outlet = tok.substr(0, at);
    if (outlet.front() == U'\u300A' && outlet.back() == U'\u300B')  // 《…》
      return outlet.size() > 2 && outlet.size() - 2 <= k_outlet_max_cps ? at : 0;
    const std::string name = to_utf8(outlet);
    if (!all_han(outlet) || !lex.may_match("paper", name, /*whole=*/true)) return 0;
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(name);
    RegexMatch m;
    return lex.first_match("paper", u, /*whole=*/true, m) ? at : 0;
  }
  return 0;
}

// Whether parse_byline could read s (its marker taken off) as a credit or as
// bare names. A credit needs a role word, matched across token breaks (记 者,
// 记/者): so one in the text with the breaks taken out. Bare names need every
// character to be a name's (Han, the middle dot). Most pieces are prose with
// neither (a 。, a digit, no role word): told here without tokenizing.
bool may_be_byline(std::string_view s, const Lexicon &lex) {
  std::string joined;
  joined.reserve(s.size());
  bool only_name_chars = true;
  for (size_t i = 0; i < s.size();) {
    const size_t at = i;
    const char32_t c = next_cp(s, i);
    if (is_token_break(c)) continue;
    only_name_chars = only_name_chars && is_name_char(c);
    joined.append(s.substr(at, i - at));
  }
  return only_name_chars || lex.has_role_word(joined);
}

// Is the token a word of [photo.source] (新华社发, 视觉中国)?
bool is_photo_source(std::u32string_view tok, const Lexicon &lex) {
  return lex.has_word(Section::photo_source, to_utf8(tok));
}

// The one-character role word `c` is (摄, 图, 文), or nullptr.
const RoleWord *one_character_role(char32_t c, const Lexicon &lex) {
  for (const RoleWord &rw : lex.roles())
    if (rw.word32.size() == 1 && rw.word32[0] == c) return &rw;
  return nullptr;
}

// The text of `first` and the tokens from `from` on, a space between each
// two: what is left of a credit that stopped being one.
std::string leftover_text(std::u32string_view first, const Tokens &t, size_t from) {
  std::string out;
  size_t cps = first.size();
  for (size_t k = from; k < t.size(); ++k) cps += 1 + t[k].size();
  out.reserve(cps * 3);
  for (char32_t c : first) append_cp(out, c);
  for (size_t k = from; k < t.size(); ++k) {
    out.push_back(' ');
    for (char32_t c : t[k]) append_cp(out, c);
  }
  return out;
}

}  // namespace

std::vector<Byline> parse_byline_lenient(std::string_view text, const Lexicon &lex) {
  std::string_view s = trim(text);
  for (const auto &m : lex.words(Section::byline_marker))
    if (!m.empty() && s.substr(0, m.size()) == m) {
      s = trim(s.substr(m.size()));
      break;
    }
  s = trim(s.substr(0, photo_source_note(s, lex)));  // the photo's source (顾晨摄（视觉中国）) names no one
  std::u32string chars;
  for (size_t i = 0; i < s.size();) {
    const char32_t c = next_cp(s, i);
    // brackets around the whole credit are not part of it
    chars.push_back(c == 0xFF08 || c == 0xFF09 || c == U'(' || c == U')' || c == 0x3010 || c == 0x3011 ? U' ' : c);
  }
  const Tokens t = tokenize(chars);
  std::vector<Byline> out;
  BylineRole role = BylineRole::None;
  std::u32string single;  // a letter-spaced first character waiting for its second
  for (size_t ti = 0; ti < t.size(); ++ti) {
    const std::u32string_view tok = t[ti];
    if (!all_han(tok)) return {};
    if (is_photo_source(tok, lex)) continue;  // 新华社发（张伟摄）: where the photo came from
    // A role word that is the token, ends it (江南日报记者, 张伟摄) or starts it (记者张伟).
    const RoleWord *hit = nullptr;
    bool at_end = false;
    for (const RoleWord &rw : lex.roles()) {
      const std::u32string &w = rw.word32;
      if (w.empty() || w.size() > tok.size()) continue;
      if (tok.compare(tok.size() - w.size(), w.size(), w) == 0 && (w.size() > 1 || tok.size() <= 5)) {
        hit = &rw, at_end = true;
        break;
      }
      if (w.size() > 1 && tok.compare(0, w.size(), w) == 0) {
        hit = &rw;
        break;
      }
    }
    std::u32string name(tok);
    if (hit) {
      name = at_end ? tok.substr(0, tok.size() - hit->word32.size()) : tok.substr(hit->word32.size());
      role = hit->role;
      if (at_end && hit->word32.size() > 1) continue;  // 江南日报记者: the paper before the role word
    }
    // 张伟摄, 记者王建民攝: a one-character role closing the token credits the name before it.
    if (!at_end || (hit && hit->word32.size() == 1)) {
      for (const RoleWord &rw : lex.roles()) {
        const std::u32string &w = rw.word32;
        if (w.size() != 1 || name.size() < 3 || name.size() > 5 || name.back() != w[0]) continue;
        name.pop_back();
        role = rw.role;
        break;
      }
    }
    if (name.empty()) continue;
    if (name.size() == 1) {
      if (single.empty()) {
        single = name;
        continue;
      }
      name = single + name;
      single.clear();
    }
    if (name.size() > 4) return {};
    out.push_back({role, to_utf8(name)});
  }
  if (!single.empty()) return {};
  return out;
}

size_t photo_source_note(std::string_view text, const Lexicon &lex) {
  const size_t note = trailing_bracket_note(text);
  if (note == text.size() || !ends_with_any(trim(text.substr(0, note)), lex.words(Section::role_photographer)))
    return text.size();
  return note;
}

bool has_role_word(std::string_view text, const Lexicon &lex) { return lex.has_long_role_word(text); }

bool has_digit_or_latin(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    const char32_t c = next_cp(text, i);
    const bool latin = (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z') || (c >= 0xFF21 && c <= 0xFF3A) ||
                       (c >= 0xFF41 && c <= 0xFF5A);
    if (is_digit_cp(c) || latin) return true;
  }
  return false;
}

bool looks_like_name(std::u32string_view s) { return s.size() >= 2 && s.size() <= 4 && all_han(s); }

constexpr size_t k_byline_max_bytes = 240;  // about 80 Han characters

std::optional<BylineParse> parse_byline(std::string_view text, const Lexicon &lex, bool allow_bare) {
  BylineParse out;
  std::string_view s = trim(text);
  for (const auto &m : lex.words(Section::byline_marker)) {
    if (!m.empty() && s.substr(0, m.size()) == m) {
      out.marked = true;
      s = trim(s.substr(m.size()));
      break;
    }
  }
  // A photo credit may name its source after it (张伟摄（新华社发）): the
  // credit is what stands before the note.
  const size_t note = photo_source_note(s, lex);
  const bool noted = note < s.size();
  s = trim(s.substr(0, note));
  // A byline is a short line (a dozen names at most); longer text is prose.
  if (s.empty() || s.size() > k_byline_max_bytes || !may_be_byline(s, lex)) return std::nullopt;
  // The credit's code points, on the stack (it is at most k_byline_max_bytes
  // long, and a code point takes a byte at least).
  std::array<char32_t, k_byline_max_bytes> buf;
  size_t n = 0;
  for (size_t i = 0; i < s.size();) buf[n++] = next_cp(s, i);
  const Tokens t = tokenize(std::u32string_view(buf.data(), n));
  BylineRole role = BylineRole::None;
  bool any_role = false;
  size_t ti = 0, ci = 0;
  std::vector<std::u32string> pending;  // names read before any role (for "张伟 摄")
  size_t since_role = 0;                 // people credited since the last role word
  const RoleWord *glued_role = nullptr;  // a one-character role glued to the last name
  while (ti < t.size()) {
    if (ci == 0) ci = outlet_before_role(t[ti], lex);
    if (const RoleWord *rw = match_role(t, ti, ci, lex)) {
      // A one-character role closing the line (本报记者 张伟 摄) credits the
      // names just before it: the photo is theirs, whatever came first.
      if (ti >= t.size() && cp_count(rw->word) == 1 && since_role < out.people.size()) {
        for (size_t k = since_role; k < out.people.size(); ++k) out.people[k].role = rw->role;
      }
      since_role = out.people.size();
      role = rw->role;
      any_role = true;
      if (!pending.empty()) {  // trailing role: the names before it are its people
        for (auto &n : pending) out.people.push_back({role, to_utf8(n)});
        pending.clear();
      }
      continue;
    }
    const std::u32string_view tok = t[ti];
    const std::u32string_view rest = tok.substr(ci);
    if (ci == 0 && is_photo_source(tok, lex)) {  // 新华社发 张伟摄: the photo's source names nobody
      ++ti;
      continue;
    }
    std::u32string name;
    size_t consumed_tokens = 1;
    if (rest.size() == 1 && all_han(rest) && ti + 1 < t.size() && all_han(t[ti + 1].substr(0, 1))) {
      // Letter-spaced two-character name: 张 伟. When the second character
      // has text glued after it (李 明迎新春), the name ends after one char.
      const std::u32string_view next = t[ti + 1];
      name.assign(rest);
      name += next.substr(0, 1);
      if (!lex.starts_with_surname(to_utf8(rest))) {  // not a letter-spaced name after all
        out.leftover = leftover_text(rest, t, ti + 1);
        break;
      }
      // 顾 晨摄 closing the line: a one-character role glued to the name.
      if (next.size() == 2 && ti + 2 == t.size()) glued_role = one_character_role(next[1], lex);
      if (next.size() > 1 && !glued_role) {
        // Is the next token itself a role word glued (张 伟记者)? Rare: ignore.
        out.people.push_back({role, to_utf8(name)});
        out.leftover = leftover_text(next.substr(1), t, ti + 2);
        ti = t.size();
        break;
      }
      consumed_tokens = 2;
    } else if (looks_like_name(rest) && lex.starts_with_surname(to_utf8(rest))) {
      name.assign(rest);
      // X摄 closing the line: a one-character role glued to the last name
      // credits the names since the last role word (新华社记者 张建华摄).
      if (ti + 1 == t.size() && rest.size() >= 3) {
        glued_role = one_character_role(rest.back(), lex);
        if (glued_role) name.pop_back();
      }
    } else {
      // Not a name: the rest of the piece is leftover text.
      out.leftover = leftover_text(rest, t, ti + 1);
      break;
    }
    if (any_role) out.people.push_back({role, to_utf8(name)});
    else pending.push_back(name);
    ti += consumed_tokens;
    ci = 0;
    if (glued_role) {
      for (auto &n : pending) out.people.push_back({glued_role->role, to_utf8(n)});
      pending.clear();
      for (size_t k = since_role; k < out.people.size(); ++k) out.people[k].role = glued_role->role;
      any_role = true;
    }
  }
  if (!pending.empty()) {
    if (any_role || !allow_bare || noted || !out.leftover.empty() || pending.size() > 4) return std::nullopt;
    for (auto &n : pending) out.people.push_back({BylineRole::None, to_utf8(n)});
    return out;  // bare names: a continuation line
  }
  if (!any_role || out.people.empty()) return std::nullopt;
  // Without a mark, a role word can open a sentence (记者了解到…): demand that
  // the whole piece was read as roles and names.
  if (!out.marked && !out.leftover.empty()) return std::nullopt;
  return out;
}

}  // namespace bm::detail
