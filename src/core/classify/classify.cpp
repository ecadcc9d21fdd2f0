#include "core/classify/classify.h"

#include <unicode/regex.h>

#include "core/classify/byline.h"
#include "core/classify/cues.h"
#include "core/common/utf8.h"
#include "core/lexicon/lexicon.h"
#include "core/normalize/inline_text.h"

namespace bm::detail {

namespace {

// Headline lines are short; a merged two-part headline line is at most ~2x24.
constexpr size_t k_headline_max_cps = 50;
// A caption between a photo title and its credit is short.
constexpr size_t k_caption_max_pieces = 12;
// Furniture blocks (ads) are a few lines.
constexpr size_t k_ad_block_max_pieces = 10;
constexpr size_t k_ad_line_max_cps = 80;

size_t cps_without_spaces(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size();) n += !is_space_cp(next_cp(s, i));
  return n;
}

bool is_story_piece(const Piece &p) {
  return p.type == PieceType::Body || p.type == PieceType::Dateline || p.type == PieceType::Byline ||
         p.type == PieceType::EditorNote || p.type == PieceType::Headline;
}

bool is_furniture(PieceType t) {
  return t == PieceType::Ad || t == PieceType::Weather || t == PieceType::Other || t == PieceType::Masthead ||
         t == PieceType::Edition;
}

bool starts_with_editor_note(std::string_view s, const Lexicon &lex) {
  for (const auto &w : lex.words("editor_note")) {
    if (w.empty() || s.substr(0, w.size()) != w) continue;
    std::string_view rest = s.substr(w.size());
    if (rest.empty()) return true;
    size_t i = 0;
    char32_t c = next_cp(rest, i);
    if (c == U':' || c == 0xFF1A || is_space_cp(c) || c == 0x3011 || c == 0xFF09 || c == U')') return true;
  }
  return false;
}

// 1. What a piece is by itself.
void classify_locally(std::vector<Piece> &pieces, const Lexicon &lex) {
  std::vector<Piece> out;
  out.reserve(pieces.size());
  for (Piece &p : pieces) {
    const size_t cps = cps_without_spaces(p.text);
    std::optional<Piece> glued;  // text glued after a credit's names
    if (auto by = parse_byline(p.text, lex, /*allow_bare=*/true)) {
      p.type = PieceType::Byline;
      p.people = by->people;
      p.marked = by->marked;
      p.bare = !p.people.empty() && p.people.front().role.empty();
      // A credit names a photographer (with or without the reporter or
      // correspondent who wrote the caption).
      p.credit = false;
      for (const auto &b : p.people) p.credit = p.credit || b.role == "photographer";
      if (!by->leftover.empty()) {
        Piece g = p;
        g.type = PieceType::Headline;
        g.people.clear();
        g.text = by->leftover;
        // Where the glued text starts in the page: only knowable while the
        // piece's text is still the line's own (no repeat cut out of it).
        const size_t at = p.text.rfind(by->leftover.substr(0, std::min<size_t>(by->leftover.size(), 3)));
        const bool exact = at != std::string::npos && !p.duplicate_cut && p.text.size() == p.end - p.begin &&
                           (static_cast<unsigned char>(p.text[at]) & 0xC0) != 0x80;
        g.begin = exact ? p.begin + at : p.end;
        p.end = g.begin;  // the byline ends where the glued text starts: spans do not overlap
        g.blanks_before = 0;
        g.first_in_line = false;
        g.block_start = true;
        glued = std::move(g);
        p.last_in_line = false;
      }
    } else if (size_t n = match_dateline(p.text, lex)) {
      p.type = PieceType::Dateline;
      p.dateline_bytes = n;
    } else if (starts_with_editor_note(p.text, lex)) {
      p.type = PieceType::EditorNote;
    } else if (cps <= 30 && has_cue(p.text, lex, "other")) {
      p.type = PieceType::Other;
    } else if (cps <= 30 && has_cue(p.text, lex, "ad.strong")) {
      p.type = PieceType::Ad;
    } else if (headline_shaped(p.text)) {
      p.type = PieceType::Headline;
    } else {
      p.type = PieceType::Body;
    }
    out.push_back(std::move(p));
    if (glued) out.push_back(std::move(*glued));
  }
  pieces = std::move(out);
}

// 2. Masthead and edition lines: short furniture before the first story text.
void mark_masthead(std::vector<Piece> &pieces, const Lexicon &lex) {
  for (Piece &p : pieces) {
    // Checked before the stop conditions: "海宁版" also reads as a bare name.
    if (is_edition_line(p.text, lex)) {
      p.type = PieceType::Edition;
    } else if (is_masthead_line(p.text, lex)) {
      p.type = PieceType::Masthead;
    } else if ((p.type == PieceType::Byline && !p.bare) || p.type == PieceType::Dateline ||
               p.type == PieceType::EditorNote || cps_without_spaces(p.text) > 30) {
      return;
    }
    if (p.type == PieceType::Edition || p.type == PieceType::Masthead) p.people.clear(), p.bare = false;
  }
}

// Ad boxes are set in short lines; a long paragraph that names an address
// and a hotline is a story's text.
bool short_lines(const std::vector<Piece> &pieces, size_t b, size_t e) {
  for (size_t k = b; k < e; ++k)
    if (cps_without_spaces(pieces[k].text) > k_ad_line_max_cps) return false;
  return true;
}

// 3. Ad and weather boxes, judged a block (lines without a blank between) at a time.
void mark_furniture_blocks(std::vector<Piece> &pieces, const Lexicon &lex) {
  size_t b = 0;
  while (b < pieces.size()) {
    size_t e = b + 1;
    while (e < pieces.size() && pieces[e].blanks_before == 0) ++e;
    std::string all;
    bool has_story_marks = false;
    for (size_t k = b; k < e; ++k) {
      all += pieces[k].text;
      all += '\n';
      has_story_marks = has_story_marks || pieces[k].type == PieceType::Byline ||
                        pieces[k].type == PieceType::Dateline || pieces[k].type == PieceType::EditorNote;
    }
    // Cheapest tests first: most blocks are prose and fail the strong cue.
    const bool weather = !has_story_marks && has_cue(all, lex, "weather.strong") &&
                         has_cue(all, lex, "weather.time") && count_cues(all, lex, "weather") >= 3;
    if (weather) {
      // Lines with a weather cue are the forecast; the lines before the first
      // of them are a box of their own (an ad when it has ad cues).
      size_t first_weather = e;
      for (size_t k = b; k < e; ++k)
        if (has_cue(pieces[k].text, lex, "weather") && first_weather == e) first_weather = k;
      std::string rest;
      for (size_t k = b; k < first_weather; ++k) rest += pieces[k].text;
      const PieceType lead = count_cues(rest, lex, "ad") + has_phone_number(rest) >= 1 ? PieceType::Ad
                                                                                     : PieceType::Other;
      for (size_t k = b; k < e; ++k) pieces[k].type = k < first_weather ? lead : PieceType::Weather;
    } else if (!has_story_marks && e - b <= k_ad_block_max_pieces && short_lines(pieces, b, e) &&
               count_cues(all, lex, "ad") + has_phone_number(all) >= 2) {
      for (size_t k = b; k < e; ++k) pieces[k].type = PieceType::Ad;
    }
    b = e;
  }
  // A weather-minded line at the foot of the box just above a forecast
  // (`友情提醒：关注天气…`) belongs to the forecast.
  for (size_t k = 1; k < pieces.size(); ++k) {
    if (pieces[k].type != PieceType::Weather || pieces[k - 1].type == PieceType::Weather) continue;
    for (size_t j = k; j > 0; --j) {
      Piece &q = pieces[j - 1];
      if (q.type != PieceType::Ad && q.type != PieceType::Other) break;
      if (!has_cue(q.text, lex, "weather") || has_phone_number(q.text) || count_cues(q.text, lex, "ad") > 0) break;
      q.type = PieceType::Weather;
      if (q.blanks_before > 0) break;
    }
  }
}

// 4. Names-only lines continue the byline just before them.
void mark_byline_continuations(std::vector<Piece> &pieces) {
  for (size_t k = 0; k < pieces.size(); ++k) {
    Piece &p = pieces[k];
    if (!(p.type == PieceType::Byline && p.bare)) continue;
    const bool after_byline = k > 0 && pieces[k - 1].type == PieceType::Byline && !pieces[k - 1].credit &&
                              p.blanks_before <= 2;
    const bool before_story = k + 1 < pieces.size() &&
                              (pieces[k + 1].type == PieceType::Dateline || pieces[k + 1].type == PieceType::Byline);
    if (after_byline && (p.blanks_before == 0 || before_story)) continue;
    // Not a continuation: a short headline-like line after all (抗旱情).
    p.type = headline_shaped(p.text) ? PieceType::Headline : PieceType::Body;
    p.people.clear();
    p.bare = false;
  }
}

// Is piece k the direct continuation of a wrapped body line before it?
bool continues_wrapped_line(const std::vector<Piece> &pieces, size_t k, const LayoutInfo &layout) {
  if (k == 0 || layout.layout != Layout::HardWrapped) return false;
  const Piece &prev = pieces[k - 1];
  if (prev.type != PieceType::Body && prev.type != PieceType::Dateline) return false;
  if (ends_sentence(prev.text)) return false;
  // A full line runs on; so does any line straight under an unfinished one.
  return pieces[k].blanks_before == 0 || prev.width >= layout.column[prev.line] - 2;
}

bool has_clause_punct(std::string_view s) {
  for (const char *p : {"\xEF\xBC\x8C", "\xE3\x80\x81", "\xEF\xBC\x9B", "\xEF\xBC\x9A", ",", ";"})  // ，、；：
    if (s.find(p) != std::string_view::npos) return true;
  return false;
}

// 5a. In hard-wrapped text, headline-shaped lines that are really lines of a
// paragraph: the first line of a caption (`近日，随着大批油菜花开`) runs
// straight into the next line, and the lines under an unfinished line continue it.
void demote_wrapped_candidates(std::vector<Piece> &pieces, const LayoutInfo &layout) {
  if (layout.layout != Layout::HardWrapped) return;
  for (size_t k = 0; k < pieces.size(); ++k) {
    Piece &p = pieces[k];
    if (p.type != PieceType::Headline) continue;
    if (continues_wrapped_line(pieces, k, layout)) {
      p.type = PieceType::Body;
      continue;
    }
    const bool runs_on = k + 1 < pieces.size() && pieces[k + 1].blanks_before == 0 && p.last_in_line &&
                         (pieces[k + 1].type == PieceType::Body || pieces[k + 1].type == PieceType::Headline);
    if (runs_on && has_clause_punct(p.text) && !ends_sentence(p.text)) p.type = PieceType::Body;
  }
}

// 5. Headline candidates stand if what follows them fits a headline.
void confirm_headlines(std::vector<Piece> &pieces, const LayoutInfo &layout) {
  size_t k = 0;
  while (k < pieces.size()) {
    if (pieces[k].type != PieceType::Headline) {
      ++k;
      continue;
    }
    size_t e = k;
    while (e < pieces.size() && pieces[e].type == PieceType::Headline && pieces[e].blanks_before <= 3) {
      if (e > k && !pieces[e].first_in_line && pieces[e - 1].type != PieceType::Headline) break;
      ++e;
    }
    if (e == k) e = k + 1;
    bool ok = false;
    if (e == pieces.size()) {
      ok = true;
    } else {
      const Piece &next = pieces[e];
      if (next.type == PieceType::Byline || next.type == PieceType::Dateline ||
          next.type == PieceType::EditorNote || is_furniture(next.type)) {
        ok = true;
      } else if (next.type == PieceType::Body) {
        // A photo title: a short caption and then its credit.
        for (size_t j = e; j < pieces.size() && j < e + k_caption_max_pieces; ++j) {
          if (pieces[j].type == PieceType::Byline) {
            ok = pieces[j].credit;
            break;
          }
          if (pieces[j].type != PieceType::Body) break;
        }
      }
    }
    // In hard-wrapped text a full-width line that runs straight on into
    // body text is the first line of a paragraph, whatever its shape.
    if (ok && layout.layout == Layout::HardWrapped && e == k + 1 && e < pieces.size() &&
        pieces[e].type == PieceType::Body && pieces[e].blanks_before == 0 && pieces[k].last_in_line &&
        !ends_sentence(pieces[k].text) && pieces[k].width >= layout.column[pieces[k].line] - 2)
      ok = false;
    // A title printed after its photo's credit (caption, credit, title).
    if (!ok && k > 0 && pieces[k - 1].type == PieceType::Byline && pieces[k - 1].credit) ok = true;
    for (size_t j = k; j < e; ++j) {
      if (!ok || continues_wrapped_line(pieces, j, layout)) pieces[j].type = PieceType::Body;
      else pieces[j].block_start = j == k || pieces[j].blanks_before > 0 || !pieces[j].first_in_line;
    }
    k = e;
  }
}

}  // namespace

bool headline_shaped(std::string_view text) {
  std::string_view t = trim(text);
  const size_t cps = cps_without_spaces(t);
  if (cps < 2 || cps > k_headline_max_cps) return false;
  if (t.find("\xE3\x80\x82") != std::string_view::npos) return false;  // 。
  if (t.find("\xEF\xBC\x9B") != std::string_view::npos) return false;  // ；
  size_t i = t.size();
  const char32_t last = prev_cp(t, i);
  switch (last) {
    case 0xFF0C: case 0x3001: case 0xFF1A: case U',': case U':': case U';':  // ，、：
    case 0x201C: case 0x300A: case 0xFF08: case U'(': case 0x2014:           // “《（(—
      return false;
    default:
      break;
  }
  size_t j = 0;
  const char32_t first = next_cp(t, j);
  if (first == 0x3010) return false;  // 【 opens a section of a body
  bool any_han = false;
  for (size_t k = 0; k < t.size() && !any_han;) any_han = is_han(next_cp(t, k));
  return any_han;
}

size_t match_dateline(std::string_view text, const Lexicon &lex) {
  std::string_view t = trim(text);
  if (t.empty()) return 0;
  const size_t lead = static_cast<size_t>(t.data() - text.data());
  // Only the first few dozen characters can hold a dateline.
  std::string_view head = t.substr(0, std::min<size_t>(t.size(), 120));
  while (!head.empty() && (static_cast<unsigned char>(head.back()) & 0xC0) == 0x80) head.remove_suffix(1);
  if (!head.empty() && static_cast<unsigned char>(head.back()) >= 0xC0) head.remove_suffix(1);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(head.data(), static_cast<int32_t>(head.size())));
  for (const icu::RegexPattern *p : lex.search_patterns("dateline")) {
    UErrorCode st = U_ZERO_ERROR;
    std::unique_ptr<icu::RegexMatcher> m(p->matcher(u, st));
    if (U_FAILURE(st) || !m->lookingAt(st) || U_FAILURE(st)) continue;
    const int32_t end16 = m->end(st);
    if (U_FAILURE(st) || end16 <= 0) continue;
    std::string matched;
    u.tempSubString(0, end16).toUTF8String(matched);
    return lead + matched.size();
  }
  return 0;
}

void classify_pieces(std::vector<Piece> &pieces, const LayoutInfo &layout, const Lexicon &lex) {
  classify_locally(pieces, lex);
  mark_masthead(pieces, lex);
  mark_furniture_blocks(pieces, lex);
  mark_byline_continuations(pieces);
  demote_wrapped_candidates(pieces, layout);
  confirm_headlines(pieces, layout);
  (void)is_story_piece;
}

}  // namespace bm::detail
