// A recursive reading of the edges of an ICU regular expression (match_edges.h).
// It walks the whole pattern (it has to find where each alternative ends),
// models literals, classes ICU's UnicodeSet reads the same way the regex
// compiler does, properties (\p{Han}, \d), groups and quantifiers, and skips
// the constructs it does not model; one it cannot even skip (\Q..\E, a
// malformed quantifier, inline flags) makes both edges unknown.
#include "core/lexicon/match_edges.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include <unicode/uchar.h>

#include "core/common/utf8.h"

namespace bm::detail {

namespace {

// What a piece of pattern can start and end a match with.
struct Edges {
  bool nullable = true;   // can match the empty string (then its neighbours' edges count too)
  bool any = false;       // it can start with a code point the reading does not know
  bool last_any = false;  // the same for its last code point
  icu::UnicodeSet first, last;
  // The edges of an alternative: this or o.
  void add(const Edges &o) {
    any = any || o.any;
    last_any = last_any || o.last_any;
    first.addAll(o.first);
    last.addAll(o.last);
  }
  // Appends o to this sequence: its first code point counts while all before
  // it can be empty; the sequence's last code point is o's, or also the one
  // before o when o can be empty.
  void then(const Edges &o) {
    if (nullable) {
      any = any || o.any;
      first.addAll(o.first);
    }
    if (o.nullable) {
      last_any = last_any || o.last_any;
      last.addAll(o.last);
    } else {
      last_any = o.last_any;
      last = o.last;
    }
    nullable = nullable && o.nullable;
  }
};

struct Unreadable {};  // a construct the reading cannot even skip

Edges of_set(const icu::UnicodeSet &set) {
  Edges e;
  e.nullable = false;
  e.first = set;
  e.last = set;
  return e;
}

Edges literal(char32_t c) { return of_set(icu::UnicodeSet(static_cast<UChar32>(c), static_cast<UChar32>(c))); }

Edges unknown(bool nullable) {
  Edges e;
  e.any = e.last_any = true;
  e.nullable = nullable;
  return e;
}

// A set written in UnicodeSet syntax ("[\p{Han}]", "[A-Z]"); unknown when ICU
// does not read it. A property's set takes ICU a walk over all of Unicode
// (about a million instructions for \p{Han}), and the built-in lexicon asks
// for the same few in many patterns: sets with a property are kept for the
// process (a bounded number of them; user lexicons may bring more).
Edges set_of(std::string_view pattern) {
  constexpr size_t k_kept_sets = 64;
  static std::mutex lock;
  static std::map<std::string, icu::UnicodeSet, std::less<>> kept;
  const bool property = pattern.find("\\p") != std::string_view::npos || pattern.find("\\P") != std::string_view::npos;
  if (property) {
    std::lock_guard<std::mutex> hold(lock);
    if (const auto it = kept.find(pattern); it != kept.end()) return of_set(it->second);
  }
  UErrorCode st = U_ZERO_ERROR;
  icu::UnicodeSet set(icu::UnicodeString::fromUTF8(icu::StringPiece(pattern.data(), static_cast<int32_t>(pattern.size()))),
                      st);
  if (U_FAILURE(st) || set.isBogus()) return unknown(false);
  if (property) {
    std::lock_guard<std::mutex> hold(lock);
    if (kept.size() < k_kept_sets) kept.emplace(std::string(pattern), set);
  }
  return of_set(set);
}

class Reader {
 public:
  explicit Reader(std::string_view p) : p_(p) {}

  Edges pattern() {
    Edges e = alternation();
    if (i_ < p_.size()) throw Unreadable{};  // a stray ')'
    return e;
  }

 private:
  bool at_end() const { return i_ >= p_.size(); }
  char peek() const { return at_end() ? '\0' : p_[i_]; }
  char32_t take() {
    if (at_end()) throw Unreadable{};
    return next_cp(p_, i_);
  }

  // alt ('|' alt)*, up to a ')' or the end (not consumed).
  Edges alternation() {
    Edges all;
    all.nullable = false;
    for (;;) {
      Edges seq = sequence();
      all.add(seq);
      all.nullable = all.nullable || seq.nullable;
      if (peek() != '|') return all;
      ++i_;
    }
  }

  Edges sequence() {
    Edges seq;
    for (skip_comments(); !at_end() && peek() != '|' && peek() != ')'; skip_comments()) {
      Edges a = atom();
      skip_comments();  // a quantifier after a comment applies to the atom before it: a(?#x)? is a?
      quantifier(a);
      seq.then(a);
    }
    return seq;
  }

  // Comments, (?#...), are gone before ICU reads the pattern's items.
  void skip_comments() {
    while (i_ < p_.size() && p_.substr(i_, 3) == "(?#") {
      const size_t close = p_.find(')', i_);
      if (close == std::string_view::npos) throw Unreadable{};
      i_ = close + 1;
    }
  }

  Edges atom() {
    const char32_t c = take();
    switch (c) {
      case U'(': return group();
      case U'[': return char_class();
      case U'\\': return escape();
      case U'.': return unknown(false);
      case U'^': case U'$': return unknown(true);  // anchors: zero width
      case U'*': case U'+': case U'?': case U'{': case U'}': case U']': throw Unreadable{};
      default: return literal(c);
    }
  }

  // After '(' : (?:..), (?<name>..) and (..) are read; look-arounds and
  // atomic groups are skipped and known nothing about (comments are skipped
  // before an atom is read); inline flags make the pattern unreadable (they
  // change how the rest reads).
  Edges group() {
    bool modelled = true;
    if (peek() == '?') {
      ++i_;
      const char k = peek();
      if (k == ':') {
        ++i_;
      } else if (k == '<' && i_ + 1 < p_.size() && p_[i_ + 1] != '=' && p_[i_ + 1] != '!') {
        const size_t close = p_.find('>', i_);
        if (close == std::string_view::npos) throw Unreadable{};
        i_ = close + 1;
      } else if (k == '=' || k == '!' || k == '>' || k == '<') {
        // (?=, (?!, (?<=, (?<!, (?>: read the body only to find its end.
        modelled = false;
        i_ = std::min(p_.size(), i_ + (k == '<' ? 2 : 1));
      } else {
        throw Unreadable{};
      }
    }
    Edges inner = alternation();
    if (peek() != ')') throw Unreadable{};
    ++i_;
    return modelled ? inner : unknown(true);
  }

  // After '[': the class up to its ']' is given to UnicodeSet when it holds
  // only what both read alike (code points, ranges, a leading ^, \p{..} and
  // \P{..}); set operations, nested sets, other escapes, $ and { (which
  // UnicodeSet reads otherwise) and white space (which it ignores: CR, LF,
  // tab, U+2028 and the like) leave it unknown.
  Edges char_class() {
    const size_t open = i_ - 1;
    bool alike = true;
    if (peek() == '^') ++i_;
    if (peek() == ']') throw Unreadable{};
    int depth = 1;
    while (depth > 0) {
      const char32_t c = take();
      if (c == U'\\') {
        const char32_t e = take();
        if ((e == U'p' || e == U'P') && peek() == '{') {
          const size_t close = p_.find('}', i_);
          if (close == std::string_view::npos) throw Unreadable{};
          i_ = close + 1;
        } else {
          alike = false;
        }
      } else if (c == U'[') {
        alike = false;
        ++depth;
      } else if (c == U']') {
        --depth;
      } else if (c == U'&' || c == U':' || c == U'{' || c == U'}' || c == U'$' || is_space_cp(c) ||
                 u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_PATTERN_WHITE_SPACE)) {
        alike = false;  // UnicodeSet skips pattern white space ([\r-Z] would read as [-Z])
      } else if (c == U'-' && peek() == '-') {
        alike = false;  // [a--b]: a set difference in regex syntax
      }
    }
    if (!alike) return unknown(false);
    return set_of(p_.substr(open, i_ - open));
  }

  // After '\': an escaped ASCII punctuation mark is that mark; \p{..}, \P{..},
  // \pL and \d are their sets; other escapes (\w, \x{..}, \b, back
  // references) are skipped.
  Edges escape() {
    const size_t backslash = i_ - 1;
    const char32_t c = take();
    if (c < 0x80 && c != 0 && std::strchr("\\.^$|?*+()[]{}/-#&~!\"%',:;<=>@`_ ", static_cast<int>(c)) != nullptr)
      return literal(c);
    switch (c) {
      case U'Q': throw Unreadable{};  // quoted run: not read
      case U'b': case U'B': case U'A': case U'z': case U'Z': case U'G': return unknown(true);
      case U'd': return set_of("[\\p{Nd}]");  // ICU: \d is General_Category Nd
      case U'p': case U'P':
        if (peek() == '{') {
          const size_t close = p_.find('}', i_);
          if (close == std::string_view::npos) throw Unreadable{};
          i_ = close + 1;
        } else {
          take();  // one-letter property (\pL)
        }
        return set_of("[" + std::string(p_.substr(backslash, i_ - backslash)) + "]");
      case U'N': case U'x':
        if (peek() == '{') {
          const size_t close = p_.find('}', i_);
          if (close == std::string_view::npos) throw Unreadable{};
          i_ = close + 1;
        } else if (c == U'x') {
          for (int k = 0; k < 2 && std::isxdigit(static_cast<unsigned char>(peek())); ++k) ++i_;
        }
        return unknown(false);
      case U'c':  // \cX: the control character of X (one code point, X included)
        take();
        return unknown(false);
      case U'0':  // \0ooo: an octal code (up to three more digits)
        for (int k = 0; k < 3 && peek() >= '0' && peek() <= '7'; ++k) ++i_;
        return unknown(false);
      case U'u':
        for (int k = 0; k < 4 && std::isxdigit(static_cast<unsigned char>(peek())); ++k) ++i_;
        return unknown(false);
      case U'U':
        for (int k = 0; k < 8 && std::isxdigit(static_cast<unsigned char>(peek())); ++k) ++i_;
        return unknown(false);
      case U'k':
        if (peek() == '<') {
          const size_t close = p_.find('>', i_);
          if (close == std::string_view::npos) throw Unreadable{};
          i_ = close + 1;
        }
        return unknown(true);  // a back reference may be empty
      default:
        if (c >= U'1' && c <= U'9') {
          while (std::isdigit(static_cast<unsigned char>(peek()))) ++i_;
          return unknown(true);
        }
        return unknown(false);  // \w \s \t \n and the like: one code point of some class
    }
  }

  // ?, *, +, {n}, {n,}, {n,m}, each maybe followed by ? or + (lazy, possessive).
  void quantifier(Edges &a) {
    const char q = peek();
    if (q == '?' || q == '*') {
      ++i_;
      a.nullable = true;
    } else if (q == '+') {
      ++i_;
    } else if (q == '{') {
      ++i_;
      size_t digits = 0;
      unsigned long low = 0;
      while (std::isdigit(static_cast<unsigned char>(peek()))) {
        low = low * 10 + static_cast<unsigned long>(peek() - '0');
        ++i_;
        ++digits;
      }
      if (digits == 0) throw Unreadable{};
      if (peek() == ',') {
        ++i_;
        while (std::isdigit(static_cast<unsigned char>(peek()))) ++i_;
      }
      if (peek() != '}') throw Unreadable{};
      ++i_;
      if (low == 0) a.nullable = true;
    } else {
      return;
    }
    if (peek() == '?' || peek() == '+') ++i_;
  }

  std::string_view p_;
  size_t i_ = 0;
};

}  // namespace

namespace {
// The edges of one pattern, or nothing when it cannot be read.
std::optional<Edges> read_edges(std::string_view pattern) {
  try {
    return Reader(pattern).pattern();
  } catch (const Unreadable &) {
    return std::nullopt;
  }
}
}  // namespace

MatchEdges MatchEdges::of_pattern(std::string_view pattern) { return of_patterns({pattern}); }

MatchEdges MatchEdges::of_patterns(const std::vector<std::string_view> &patterns) {
  MatchEdges out;
  if (patterns.empty()) return out;
  bool first = true, last = true;
  icu::UnicodeSet firsts, lasts;
  for (std::string_view p : patterns) {
    const std::optional<Edges> e = read_edges(p);
    if (!e || e->nullable) return out;  // unreadable, or can match the empty text: no edge is sure
    first = first && !e->any;
    last = last && !e->last_any;
    if (first) firsts.addAll(e->first);
    if (last) lasts.addAll(e->last);
  }
  if (first) {
    out.first_known_ = true;
    out.first_ = std::move(firsts);
    out.first_.freeze();
  }
  if (last) {
    out.last_known_ = true;
    out.last_ = std::move(lasts);
    out.last_.freeze();
  }
  return out;
}

bool MatchEdges::may_start_with(char32_t c) const {
  return !first_known_ || first_.contains(static_cast<UChar32>(c));
}

bool MatchEdges::may_end_with(char32_t c) const { return !last_known_ || last_.contains(static_cast<UChar32>(c)); }

}  // namespace bm::detail
