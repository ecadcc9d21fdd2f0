// A recursive reading of the start of an ICU regular expression (lead_set.h).
// It walks the whole pattern (it has to find where each alternative ends),
// models literals, simple classes, groups and quantifiers, and skips the
// constructs it does not model; one it cannot even skip (\Q..\E, a
// malformed quantifier) makes the whole set unknown.
#include "core/lexicon/lead_set.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "core/common/utf8.h"

namespace bm::detail {

namespace {

// What a piece of pattern can start a match with.
struct Start {
  bool any = false;       // a code point the reading does not know (\p{Han}, .)
  bool nullable = true;   // can match the empty string (then what follows counts too)
  std::vector<char32_t> cps;
  void add(const Start &o) {
    any = any || o.any;
    cps.insert(cps.end(), o.cps.begin(), o.cps.end());
  }
};

struct Unreadable {};  // a construct the reading cannot even skip

class Reader {
 public:
  explicit Reader(std::string_view p) : p_(p) {}

  Start pattern() {
    Start s = alternation();
    if (i_ < p_.size()) throw Unreadable{};  // a stray ')'
    return s;
  }

 private:
  bool at_end() const { return i_ >= p_.size(); }
  char peek() const { return at_end() ? '\0' : p_[i_]; }
  char32_t take() {
    if (at_end()) throw Unreadable{};
    return next_cp(p_, i_);
  }

  // alt ('|' alt)*, up to a ')' or the end (not consumed).
  Start alternation() {
    Start all;
    all.nullable = false;
    for (;;) {
      Start seq = sequence();
      all.add(seq);
      all.nullable = all.nullable || seq.nullable;
      if (peek() != '|') return all;
      ++i_;
    }
  }

  Start sequence() {
    Start seq;
    while (!at_end() && peek() != '|' && peek() != ')') {
      Start a = atom();
      quantifier(a);
      if (seq.nullable) seq.add(a);
      seq.nullable = seq.nullable && a.nullable;
    }
    return seq;
  }

  static Start literal(char32_t c) {
    Start s;
    s.nullable = false;
    s.cps.push_back(c);
    return s;
  }
  static Start unknown(bool nullable) {
    Start s;
    s.any = true;
    s.nullable = nullable;
    return s;
  }

  Start atom() {
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
  // atomic groups are skipped and known nothing about, a comment is empty;
  // inline flags make the pattern unreadable (they change how the rest reads).
  Start group() {
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
      } else if (k == '#') {
        const size_t close = p_.find(')', i_);
        if (close == std::string_view::npos) throw Unreadable{};
        i_ = close + 1;
        return Start();  // matches the empty string, starts nothing
      } else if (k == '=' || k == '!' || k == '>' || k == '<') {
        // (?=, (?!, (?<=, (?<!, (?>: read the body only to find its end.
        modelled = false;
        i_ += k == '<' ? 2 : 1;
      } else {
        throw Unreadable{};  // inline flags ((?i), (?x:...)) change how the rest reads
      }
    }
    Start inner = alternation();
    if (peek() != ')') throw Unreadable{};
    ++i_;
    return modelled ? inner : unknown(true);
  }

  // After '[': a list of literal code points is modelled; anything else in
  // a class (a range, an escape, a negation, a nested set) is skipped.
  Start char_class() {
    Start s;
    s.nullable = false;
    bool simple = true;
    if (peek() == '^') simple = false, ++i_;
    if (peek() == ']') throw Unreadable{};
    int depth = 1;
    while (depth > 0) {
      const char32_t c = take();
      if (c == U'\\') {
        simple = false;
        take();
      } else if (c == U'[') {
        simple = false;
        ++depth;
      } else if (c == U']') {
        --depth;
      } else if (c == U'-' || c == U'&' || c == U':' || c == U'{' || c == U'$' || is_space_cp(c)) {
        simple = false;  // ranges, set operations, [:posix:], \p-like forms, spaces
      } else if (depth == 1) {
        s.cps.push_back(c);
      }
    }
    if (!simple) return unknown(false);
    return s;
  }

  // After '\': an escaped ASCII punctuation mark is that mark; other escapes
  // (\d, \p{..}, \x{..}, \b, back references) are skipped.
  Start escape() {
    const char32_t c = take();
    if (c < 0x80 && std::strchr("\\.^$|?*+()[]{}/-#&~!\"%',:;<=>@`_ ", static_cast<int>(c)) != nullptr &&
        c != 0)
      return literal(c);
    switch (c) {
      case U'Q': throw Unreadable{};  // quoted run: not read
      case U'b': case U'B': case U'A': case U'z': case U'Z': case U'G': return unknown(true);
      case U'p': case U'P': case U'N': case U'x':
        if (peek() == '{') {
          const size_t close = p_.find('}', i_);
          if (close == std::string_view::npos) throw Unreadable{};
          i_ = close + 1;
        } else if (c == U'p' || c == U'P') {
          take();  // one-letter property (\pL)
        } else if (c == U'x') {
          for (int k = 0; k < 2 && std::isxdigit(static_cast<unsigned char>(peek())); ++k) ++i_;
        }
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
        return unknown(false);  // \d \w \s \t \n and the like: one code point of some class
    }
  }

  // ?, *, +, {n}, {n,}, {n,m}, each maybe followed by ? or + (lazy, possessive).
  void quantifier(Start &a) {
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
      while (std::isdigit(static_cast<unsigned char>(peek()))) low = low * 10 + static_cast<unsigned long>(peek() - '0'), ++i_, ++digits;
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

LeadSet LeadSet::of_pattern(std::string_view pattern) {
  LeadSet out;
  try {
    Start s = Reader(pattern).pattern();
    if (s.any || s.nullable) return out;
    std::sort(s.cps.begin(), s.cps.end());
    s.cps.erase(std::unique(s.cps.begin(), s.cps.end()), s.cps.end());
    out.known_ = true;
    out.cps_ = std::move(s.cps);
  } catch (const Unreadable &) {
    return LeadSet();
  }
  return out;
}

LeadSet LeadSet::of_patterns(const std::vector<std::string_view> &patterns) {
  LeadSet out;
  if (patterns.empty()) return out;
  for (std::string_view p : patterns) {
    const LeadSet one = of_pattern(p);
    if (!one.known_) return LeadSet();
    out.cps_.insert(out.cps_.end(), one.cps_.begin(), one.cps_.end());
  }
  std::sort(out.cps_.begin(), out.cps_.end());
  out.cps_.erase(std::unique(out.cps_.begin(), out.cps_.end()), out.cps_.end());
  out.known_ = true;
  return out;
}

bool LeadSet::admits(char32_t c) const {
  return !known_ || std::binary_search(cps_.begin(), cps_.end(), c);
}

}  // namespace bm::detail
