// Generators of hostile page text, each parameterised by its size in bytes
// (the result is within a few bytes of `bytes`). Used by the pathological
// suite (linear-time ratio checks) and by the fuzz seed corpus (small sizes).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace bmpath {

using Gen = std::string (*)(size_t bytes);

struct Generator {
  const char *name;
  const char *what;
  Gen gen;
};

inline std::string repeat_to(const std::string &unit, size_t bytes) {
  std::string s;
  s.reserve(bytes + unit.size());
  while (s.size() + unit.size() <= bytes) s += unit;
  if (s.empty()) s = unit;
  return s;
}

// A sentence of ordinary page text (~150 bytes).
inline const std::string &sentence() {
  static const std::string s =
      "\xE6\x98\xA8\xE5\xA4\xA9\xEF\xBC\x8C\xE8\xAE\xB0\xE8\x80\x85\xE4\xBB\x8E\xE6\x9C\x89\xE5\x85\xB3\xE9\x83\xA8"
      "\xE9\x97\xA8\xE4\xBA\x86\xE8\xA7\xA3\xE5\x88\xB0\xEF\xBC\x8C\xE4\xBB\x8A\xE5\xB9\xB4\xE4\xB8\x8A\xE5\x8D\x8A"
      "\xE5\xB9\xB4\xEF\xBC\x8C\xE6\x88\x91\xE5\xB8\x82\xE8\xA7\x84\xE4\xB8\x8A\xE5\xB7\xA5\xE4\xB8\x9A\xE5\xA2\x9E"
      "\xE5\x8A\xA0\xE5\x80\xBC\xE8\x83\xBD\xE8\x80\x97\xE4\xB8\x8B\xE9\x99\x8D" "15.7%"
      "\xE3\x80\x82";  // 昨天，记者从有关部门了解到，今年上半年，我市规上工业增加值能耗下降15.7%。
  return s;
}

// One line without any newline.
inline std::string one_line(size_t bytes) { return repeat_to(sentence(), bytes); }

inline std::string empty_lf(size_t bytes) { return std::string(bytes, '\n'); }
inline std::string empty_crlf(size_t bytes) { return repeat_to("\r\n", bytes); }
inline std::string empty_cr(size_t bytes) { return std::string(bytes, '\r'); }

// One character repeated (the doubled-text detector): 好好好好...
inline std::string one_char(size_t bytes) { return repeat_to("\xE5\xA5\xBD", bytes); }

// One Han character repeated in short lines.
inline std::string one_char_lines(size_t bytes) { return repeat_to(repeat_to("\xE5\xA5\xBD", 171) + "\n", bytes); }

// A paragraph repeated (the repeated-text detector).
inline std::string paragraph_repeat(size_t bytes) { return repeat_to(sentence() + "\n", bytes); }

// The same paragraph repeated inside one line (repeat inside a paragraph).
inline std::string paragraph_repeat_inline(size_t bytes) { return repeat_to(sentence(), bytes - bytes % sentence().size()); }

// Byline and dateline markers repeated.
inline std::string markers(size_t bytes) {
  return repeat_to(
      "\xE2\x96\xA0\xE6\x9C\xAC\xE6\x8A\xA5\xE8\xAE\xB0\xE8\x80\x85 \xE7\x8E\x8B \xE5\xBC\xBA "  // ■本报记者 王 强
      "\xE9\x80\x9A\xE8\xAE\xAF\xE5\x91\x98 \xE6\x9D\x8E\xE6\x98\x8E "                           // 通讯员 李明
      "\xE6\x9C\xAC\xE6\x8A\xA5\xE8\xAE\xAF \xE6\x91\x84\xE5\xBD\xB1 \xE7\xBC\x96\xE8\x80\x85\xE6\x8C\x89\xEF\xBC\x9A"
      "\n",  // 本报讯 摄影 编者按：
      bytes);
}

// The same markers on one line without newlines.
inline std::string markers_one_line(size_t bytes) {
  return repeat_to("\xE6\x9C\xAC\xE6\x8A\xA5\xE8\xAE\xAF\xEF\xBC\x88\xE8\xAE\xB0\xE8\x80\x85 \xE7\x8E\x8B\xE5\xBC\xBA\xEF\xBC\x89 ",
                   bytes);  // 本报讯（记者 王强）
}

// Unbalanced brackets and quotes, never closed.
inline std::string brackets(size_t bytes) {
  return repeat_to("(\xEF\xBC\x88\xE3\x80\x90\xE2\x80\x9C\xE3\x80\x8A\xE2\x80\x98[\"\xE5\xB9\xB3\xE6\xB9\x96", bytes);  // (（【“《‘["平湖
}

// Closing brackets and quotes only.
inline std::string brackets_close(size_t bytes) {
  return repeat_to(")\xEF\xBC\x89\xE3\x80\x91\xE2\x80\x9D\xE3\x80\x8B\xE2\x80\x99]\"\xE5\xB9\xB3\n", bytes);
}

// Every other byte invalid (auto decoding: not UTF-8 at all).
inline std::string every_other_invalid(size_t bytes) { return repeat_to("a\xFF", bytes); }

// A few invalid bytes in otherwise valid UTF-8 (replacement path).
inline std::string sparse_invalid(size_t bytes) { return repeat_to(sentence() + "\xFF\n", bytes); }

// Runs of spaces (1..64, ASCII and U+3000) between Han characters.
inline std::string space_runs(size_t bytes) {
  std::string s;
  s.reserve(bytes + 256);
  unsigned k = 0;
  while (s.size() < bytes) {
    s += "\xE5\xB9\xB3";
    const unsigned run = 1 + (k * 7) % 64;
    if (k % 3 == 2) for (unsigned i = 0; i < run / 3 + 1; ++i) s += "\xE3\x80\x80";
    else s.append(run, ' ');
    if (++k % 40 == 0) s += "\n";
  }
  return s;
}

// A page as `pdftotext -layout` prints it, repeated: three columns side by
// side, each line padded with spaces to where the next column starts, the
// columns' lines of varying length (paragraph ends), a blank row now and
// then (lines/grid reads it by gutters).
inline std::string layout_grid(size_t bytes) {
  std::string s;
  s.reserve(bytes + 256);
  unsigned k = 0;
  while (s.size() < bytes) {
    if (++k % 37 == 0) {
      s += "\n";
      continue;
    }
    size_t cells = 0;
    for (unsigned col = 0; col < 3; ++col) {
      for (; cells < col * 20u; ++cells) s += ' ';
      const unsigned n = 8 + (k * 5 + col * 3) % 11;  // 8-18 characters
      for (unsigned i = 0; i < n; ++i, ++cells) s += (i % 9 == 8) ? "\xEF\xBC\x8C" : "\xE5\x8F\x91";  // 发…，
      s += ' ';
      ++cells;
    }
    s += "\n";
  }
  return s;
}

// Hard-wrapped column lines (20 characters) with blank lines between.
inline std::string hard_wrapped(size_t bytes) {
  std::string line;
  for (int i = 0; i < 20; ++i) line += (i % 7 == 6) ? "\xEF\xBC\x8C" : "\xE5\x8F\x91";  // 发…，
  return repeat_to(line + "\n\n", bytes);
}

// 【…】 section tags.
inline std::string tags(size_t bytes) {
  return repeat_to("\xE3\x80\x90\xE6\x9C\xAC\xE6\x8A\xA5\xE7\xBB\xBC\xE5\x90\x88\xE3\x80\x91\xE5\xB9\xB3\xE6\xB9\x96\xE5\xB8\x82\n",
                   bytes);  // 【本报综合】平湖市
}

// One run of combining marks after one letter, as long as the input
// (quadratic in NFC without the Stream-Safe Text Format of UAX #15).
inline std::string combining(size_t bytes) { return "a" + repeat_to("\xCC\x81", bytes - 1); }

// Han text with a run of 40 combining marks after every character.
inline std::string combining_runs(size_t bytes) { return repeat_to("\xE5\xB9\xB3" + repeat_to("\xCC\x81", 80), bytes); }

// Half-width punctuation between Han characters (the rule 2 rewriter).
inline std::string halfwidth_punct(size_t bytes) { return repeat_to("\xE5\xB9\xB3,\xE6\xB9\x96:(\xE5\xB8\x82)?!;", bytes); }

// A seeded random mix of all the pieces above.
inline std::string random_mix(size_t bytes) {
  static const char *const pieces[] = {
      "\xE5\xB9\xB3\xE6\xB9\x96", "\xE6\x9C\xAC\xE6\x8A\xA5\xE8\xAE\xAF", "\xE8\xAE\xB0\xE8\x80\x85 ", "\xE2\x96\xA0",
      "\xE3\x80\x90", "\xE3\x80\x91", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xEF\xBC\x8C", "\xE3\x80\x82", "\n", "\n\n",
      "\r\n", "\r", " ", "   ", "\xE3\x80\x80", ",", ":", "(", ")", "\xFF", "\xE5", "a", "JIAXING ", "2021", "\xCC\x81",
      "\t", "\xE7\xBC\x96\xE8\x80\x85\xE6\x8C\x89", "\xE6\x91\x84", "\xE2\x80\xA6\xE2\x80\xA6", "\xEF\xBC\xA1\xEF\xBC\x91"};
  const size_t n = sizeof pieces / sizeof pieces[0];
  uint64_t x = 0x9E3779B97F4A7C15ull;
  std::string s;
  s.reserve(bytes + 16);
  while (s.size() < bytes) {
    x ^= x << 13; x ^= x >> 7; x ^= x << 17;  // xorshift64
    s += pieces[x % n];
  }
  return s;
}

// One byline mark per line, nothing else (■记者): the most pieces per byte a
// page of real items gives, so the per-piece memory of every stage shows
// (issue 16: 95x the input in RSS).
inline std::string byline_lines(size_t bytes) { return repeat_to("\xE2\x96\xA0\xE8\xAE\xB0\xE8\x80\x85\n", bytes); }

// Seeded random Han characters (U+4E00..U+9FFF), one line, no punctuation:
// no repeat, no sentence end, one piece as long as the input.
inline std::string random_han_line(size_t bytes) {
  uint64_t x = 0x2545F4914F6CDD1Dull;
  std::string s;
  s.reserve(bytes + 3);
  while (s.size() + 3 <= bytes || s.empty()) {
    x ^= x << 13; x ^= x >> 7; x ^= x << 17;  // xorshift64
    const uint32_t cp = 0x4E00 + static_cast<uint32_t>(x % (0x9FFF - 0x4E00 + 1));
    s += static_cast<char>(0xE0 | (cp >> 12));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return s;
}

inline const std::vector<Generator> &generators() {
  static const std::vector<Generator> g = {
      {"one_line", "one line without newline", one_line},
      {"empty_lf", "empty lines (LF)", empty_lf},
      {"empty_crlf", "empty lines (CRLF)", empty_crlf},
      {"empty_cr", "empty lines (CR)", empty_cr},
      {"one_char", "one character repeated, one line", one_char},
      {"one_char_lines", "one character repeated, 57-char lines", one_char_lines},
      {"paragraph_repeat", "a paragraph repeated", paragraph_repeat},
      {"paragraph_repeat_inline", "a sentence repeated inside one line", paragraph_repeat_inline},
      {"markers", "byline/dateline markers repeated", markers},
      {"markers_one_line", "dateline+byline markers, one line", markers_one_line},
      {"brackets", "unbalanced opening brackets/quotes", brackets},
      {"brackets_close", "unbalanced closing brackets/quotes", brackets_close},
      {"every_other_invalid", "every other byte invalid", every_other_invalid},
      {"sparse_invalid", "one invalid byte per line", sparse_invalid},
      {"space_runs", "space runs between Han characters", space_runs},
      {"hard_wrapped", "hard-wrapped lines, blank lines between", hard_wrapped},
      {"tags", "section tags", tags},
      {"combining", "one run of combining marks", combining},
      {"combining_runs", "40 combining marks after each Han", combining_runs},
      {"halfwidth_punct", "half-width punctuation between Han", halfwidth_punct},
      {"random_mix", "seeded random mix", random_mix},
      {"byline_lines", "a byline mark alone on every line", byline_lines},
      {"random_han_line", "seeded random Han characters, one line", random_han_line},
      {"layout_grid", "three columns side by side, padded (pdftotext -layout)", layout_grid},
  };
  return g;
}

}  // namespace bmpath
