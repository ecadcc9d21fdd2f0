// Load-time check of a user regex (lexicon.h, check_pattern): rejects the
// shapes that make a backtracking matcher take exponential time, before any
// page is read. The check is conservative and syntactic; what it lets through
// still runs under the match limit (regex_run.cpp).
//
//   back-reference            \1 .. \9, \k<name>   (no linear bound exists)
//   nested quantifier         (a+)+  (?:x\d*)*  (a{1,3}){2,}
//   overlapping alternation   (a|aa)+  (\d|x)*     under a repeat
//
// A repeat is a quantifier with a variable count above one (* + {n,} {n,m}
// with m > n > ... ; not ? and not {n}); a possessive repeat (x)++ and an
// atomic group (?>...) never backtrack into their iterations and are allowed.
#include "core/lexicon/lexicon.h"

#include <string>
#include <vector>

namespace bm::detail {

namespace {

struct Group {
  size_t open = 0;              // index of its '('
  bool atomic = false;          // (?>...)
  bool has_variable = false;    // a variable quantifier somewhere inside
  bool has_alternation = false; // '|' at this level
  bool alt_overlap = false;     // two alternatives may start alike
  std::vector<std::string> firsts;  // first atom of each alternative ("" = none yet)
  bool at_alt_start = true;
};

// Skips a character class starting at s[i] == '['; returns the index after its ']'.
size_t skip_class(const std::string &s, size_t i) {
  int depth = 0;
  for (; i < s.size(); ++i) {
    if (s[i] == '\\') { ++i; continue; }
    if (s[i] == '[') ++depth;
    else if (s[i] == ']' && --depth == 0) return i + 1;
  }
  return s.size();
}

// Length in bytes of the UTF-8 character at s[i].
size_t cp_len(const std::string &s, size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  return i + n > s.size() ? s.size() - i : n;
}

// A quantifier at s[i]: returns its length (0 = none) and whether it repeats
// a variable number of times above one and may backtrack.
size_t quantifier(const std::string &s, size_t i, bool &variable, bool &repeats) {
  variable = repeats = false;
  if (i >= s.size()) return 0;
  size_t n = 0;
  if (s[i] == '*' || s[i] == '+') { variable = repeats = true; n = 1; }
  else if (s[i] == '?') { variable = true; n = 1; }
  else if (s[i] == '{') {
    size_t j = i + 1;
    long lo = 0, hi = -1;
    bool digits = false;
    while (j < s.size() && s[j] >= '0' && s[j] <= '9') { lo = std::min(lo * 10 + (s[j] - '0'), 100000L); ++j; digits = true; }
    if (!digits) return 0;
    hi = lo;
    if (j < s.size() && s[j] == ',') {
      ++j;
      hi = -2;  // unbounded unless digits follow
      if (j < s.size() && s[j] >= '0' && s[j] <= '9') {
        hi = 0;
        while (j < s.size() && s[j] >= '0' && s[j] <= '9') { hi = std::min(hi * 10 + (s[j] - '0'), 100000L); ++j; }
      }
    }
    if (j >= s.size() || s[j] != '}') return 0;
    n = j + 1 - i;
    variable = hi == -2 || hi > lo;
    repeats = variable && (hi == -2 || hi > 1);
  } else {
    return 0;
  }
  if (i + n < s.size() && s[i + n] == '+') { repeats = false; ++n; }  // possessive: no backtracking
  else if (i + n < s.size() && s[i + n] == '?') ++n;                 // lazy
  return n;
}

}  // namespace

std::string check_pattern(const std::string &s) {
  std::vector<Group> stack(1);
  size_t i = 0;
  while (i < s.size()) {
    const size_t at = i;
    bool group_atom = false;
    Group closed;
    std::string atom;  // the atom's source text, for the alternation check
    const char c = s[i];
    if (c == '\\') {
      if (i + 1 >= s.size()) return "";  // ICU reports the bad escape
      const char e = s[i + 1];
      if (e >= '1' && e <= '9') return "a back-reference (\\" + std::string(1, e) + ") has no linear-time bound";
      if (e == 'k' && i + 2 < s.size() && s[i + 2] == '<') return "a back-reference (\\k<name>) has no linear-time bound";
      if (e == 'Q') {
        const size_t q = s.find("\\E", i + 2);
        i = q == std::string::npos ? s.size() : q + 2;
        atom = "\\Q";
      } else if ((e == 'p' || e == 'P' || e == 'N' || e == 'x') && i + 2 < s.size() && s[i + 2] == '{') {
        const size_t q = s.find('}', i + 3);
        i = q == std::string::npos ? s.size() : q + 1;
        atom = "\\";  // a class: may overlap anything
      } else {
        i += 2;
        atom = (e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z') ? "\\" : s.substr(at, 2);
      }
    } else if (c == '[') {
      i = skip_class(s, i);
      atom = "\\";
    } else if (c == '(') {
      Group g;
      g.open = at;
      i += 1;
      if (i < s.size() && s[i] == '?') {
        if (i + 1 < s.size() && s[i + 1] == '#') {  // comment
          const size_t q = s.find(')', i);
          i = q == std::string::npos ? s.size() : q + 1;
          continue;
        }
        g.atomic = i + 1 < s.size() && s[i + 1] == '>';
      }
      // Skip the group's prefix up to its body: (?: (?> (?= (?! (?<= (?<! (?<name> (?i:
      if (i < s.size() && s[i] == '?') {
        ++i;
        if (i < s.size() && s[i] == '<' && i + 1 < s.size() && s[i + 1] != '=' && s[i + 1] != '!') {
          const size_t q = s.find('>', i);
          i = q == std::string::npos ? s.size() : q + 1;
        } else {
          while (i < s.size() && s[i] != ':' && s[i] != ')' && s[i] != '>' && s[i] != '=' && s[i] != '!') ++i;
          if (i < s.size() && s[i] != ')') ++i;
          else if (i < s.size()) {  // (?i) flag setting: not a group
            ++i;
            continue;
          }
        }
      }
      stack.push_back(g);
      continue;
    } else if (c == ')') {
      if (stack.size() == 1) return "";  // ICU reports the unbalanced ')'
      closed = stack.back();
      stack.pop_back();
      i += 1;
      group_atom = true;
      atom = "(";
    } else if (c == '|') {
      Group &g = stack.back();
      g.has_alternation = true;
      g.at_alt_start = true;
      i += 1;
      continue;
    } else {
      i += cp_len(s, i);
      atom = c == '.' || c == '^' || c == '$' ? "\\" : s.substr(at, i - at);
    }
    Group &top = stack.back();
    if (top.at_alt_start) {
      top.at_alt_start = false;
      for (const std::string &f : top.firsts)
        if (f == atom || atom == "\\" || atom == "(" || f == "\\" || f == "(") top.alt_overlap = true;
      top.firsts.push_back(atom);
    }
    bool variable = false, repeats = false;
    const size_t q = quantifier(s, i, variable, repeats);
    if (group_atom) {
      const bool alternation = closed.has_alternation && closed.alt_overlap;
      if (repeats && !closed.atomic && (closed.has_variable || alternation)) {
        return std::string(closed.has_variable ? "a nested quantifier" : "an alternation whose branches may start alike") +
               " under a repeat ('" + s.substr(closed.open, i + q - closed.open) +
               "') can take exponential time; use a possessive quantifier (x)++ or an atomic group (?>...)";
      }
      if (closed.has_variable || alternation) top.has_variable = true;
    }
    if (variable) top.has_variable = true;
    i += q;
  }
  return "";
}

}  // namespace bm::detail
