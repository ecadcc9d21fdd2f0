#include "core/classify/classify.h"

#include <unicode/regex.h>

#include <utility>

#include "core/classify/byline.h"
#include "core/classify/cues.h"
#include "core/common/utf8.h"
#include "core/lexicon/lexicon.h"
#include "core/normalize/inline_text.h"

namespace bm::detail {

namespace {

// Headline lines are short; a merged two-part headline line is at most ~2x24.
constexpr size_t k_headline_max_cps = 50;
// A dateline stands in the first bytes of its paragraph.
constexpr size_t k_dateline_head_bytes = 120;




bool starts_with_editor_note(std::string_view s, const Lexicon &lex) {
  for (const auto &w : lex.words(Section::editor_note)) {
    if (w.empty() || s.substr(0, w.size()) != w) continue;
    std::string_view rest = s.substr(w.size());
    if (rest.empty()) return true;
    size_t i = 0;
    char32_t c = next_cp(rest, i);
    if (c == U':' || c == 0xFF1A || is_space_cp(c) || c == 0x3011 || c == 0xFF09 || c == U')') return true;
  }
  return false;
}

// The evidence the stages after this one read of every piece (PieceClass).
void read_evidence(std::string_view text, const Lexicon &lex, PieceClass &c) {
  c.cues = lex.cues_in(text);
  c.headline_shaped = headline_shaped(text);
}

// 1. What a piece is by itself.
Classified classify_locally(std::vector<Piece> pieces, const Lexicon &lex, TextStore &edits) {
  Classified out;
  out.classes.resize(pieces.size());
  // The few pieces glued after a byline are inserted after the loop (a
  // second vector of every piece was the peak on pages of short lines).
  std::vector<std::pair<size_t, Piece>> glued_after;  // (index of the byline, the glued piece)
  for (size_t pi = 0; pi < pieces.size(); ++pi) {
    Piece &p = pieces[pi];
    PieceClass &c = out.classes[pi];
    const size_t cps = cps_without_spaces(p.text);
    std::optional<Piece> glued;  // text glued after a credit's names
    read_evidence(p.text, lex, c);
    if (opens_with_page_credit(p.text, lex)) {
      c.type = PieceType::Other;  // 本版责编：X: the page's credit, furniture
    } else if (auto by = parse_byline(p.text, lex, /*allow_bare=*/true)) {
      c.type = PieceType::Byline;
      c.people = by->people;
      c.marked = by->marked;
      c.bare = !c.people.empty() && c.people.front().role == BylineRole::None;
      // A credit names a photographer (with or without the reporter or
      // correspondent who wrote the caption).
      for (const auto &b : c.people) c.credit = c.credit || b.role == BylineRole::Photographer;
      if (!by->leftover.empty()) {
        Piece g = p;
        g.text = edits.keep(by->leftover);
        // Where the glued text starts in the page: only knowable while the
        // piece's text is still the line's own (no repeat cut out of it).
        const size_t at = p.text.rfind(by->leftover.substr(0, std::min<size_t>(by->leftover.size(), 3)));
        const bool exact = at != std::string::npos && !p.duplicate_cut && p.text.size() == p.end - p.begin &&
                           (static_cast<unsigned char>(p.text[at]) & 0xC0) != 0x80;
        g.begin = exact ? p.begin + at : p.end;
        p.end = g.begin;  // the byline ends where the glued text starts: spans do not overlap
        g.blanks_before = 0;
        g.first_in_line = false;  // and so it opens a headline block, where it is one
        glued = std::move(g);
        p.last_in_line = false;
      }
    } else if (const DatelineMatch d = find_dateline(p.text, lex); d.end > 0) {
      c.type = PieceType::Dateline;
      c.dateline_bytes = d.end;
      c.dateline_byline_begin = d.byline_begin;
      c.dateline_byline_end = d.byline_end;
    } else if (starts_with_editor_note(p.text, lex)) {
      c.type = PieceType::EditorNote;
    } else if ((cps <= 30 && (c.cues.has(Cue::other) || p.face == Face::Banner)) || p.face == Face::Boxed) {
      // A column or series name (by its words, or boxed alone over a
      // headline), or a line of a small frame drawn on the page.
      c.type = PieceType::Other;
    } else if (cps <= 30 && c.cues.has(Cue::ad_strong)) {
      c.type = PieceType::Ad;
    } else if (c.headline_shaped) {
      c.type = PieceType::Headline;
    } else {
      c.type = PieceType::Body;
    }
    if (glued) glued_after.emplace_back(pi, std::move(*glued));
  }
  if (glued_after.empty()) {
    out.pieces = std::move(pieces);
    return out;
  }
  out.pieces.reserve(pieces.size() + glued_after.size());
  std::vector<PieceClass> classes;
  classes.reserve(pieces.size() + glued_after.size());
  size_t next = 0;
  for (size_t pi = 0; pi < pieces.size(); ++pi) {
    out.pieces.push_back(std::move(pieces[pi]));
    classes.push_back(std::move(out.classes[pi]));
    if (next < glued_after.size() && glued_after[next].first == pi) {
      out.pieces.push_back(std::move(glued_after[next++].second));
      PieceClass g;
      g.type = PieceType::Headline;  // what the glued text is read as
      read_evidence(out.pieces.back().text, lex, g);
      classes.push_back(std::move(g));
    }
  }
  out.classes = std::move(classes);
  return out;
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

DatelineMatch find_dateline(std::string_view text, const Lexicon &lex) {
  DatelineMatch out;
  std::string_view t = trim(text);
  if (t.empty()) return out;
  const size_t lead = static_cast<size_t>(t.data() - text.data());
  if (!lex.may_match("dateline", t, /*whole=*/false)) return out;  // t is trimmed: it opens with no space
  // Only the first few dozen characters can hold a dateline. Justified
  // columns put spaces inside it (本报北京 3月19日电): match without them and
  // map positions back to the text's own bytes by walking t again.
  icu::UnicodeString u;
  size_t scanned = 0;  // bytes of t read; the matched text holds its non-space characters
  for (size_t i = 0, kept = 0; i < t.size() && kept < k_dateline_head_bytes; scanned = i) {
    const size_t at = i;
    const char32_t c = next_cp(t, i);
    if (is_space_cp(c)) continue;
    u.append(static_cast<UChar32>(c));
    kept += i - at;
  }
  // Where in t the character at UTF-16 offset `units` of u starts (start =
  // true) or where the one before it ends.
  auto in_t = [&](int32_t units, bool start) {
    int32_t seen = 0;
    for (size_t i = 0; i < scanned;) {
      const size_t at = i;
      const char32_t c = next_cp(t, i);
      if (is_space_cp(c)) continue;
      if (start && seen == units) return at;
      seen += c > 0xFFFF ? 2 : 1;
      if (!start && seen == units) return i;
    }
    return scanned;
  };
  RegexMatch found;
  if (!lex.first_match("dateline", u, /*whole=*/false, found)) return out;
  const icu::RegexPattern *p = found.pattern;
  icu::RegexMatcher *m = found.matcher;
  UErrorCode st = U_ZERO_ERROR;
  const int32_t end16 = m->end(st);
  if (U_FAILURE(st) || end16 <= 0 || end16 > u.length()) return out;
  out.end = lead + in_t(end16, /*start=*/false);
  // The group named byline, byline1 .. byline9 that took part in the match.
  static const char16_t *const names[] = {u"byline",  u"byline1", u"byline2", u"byline3", u"byline4",
                                           u"byline5", u"byline6", u"byline7", u"byline8", u"byline9"};
  for (const char16_t *name : names) {
    UErrorCode gs = U_ZERO_ERROR;
    const int32_t g = p->groupNumberFromName(icu::UnicodeString(name), gs);
    if (U_FAILURE(gs)) continue;
    const int32_t b16 = m->start(g, gs), e16 = m->end(g, gs);
    if (U_SUCCESS(gs) && b16 >= 0 && e16 > b16) {
      if (b16 < u.length() && e16 <= u.length()) {
        out.byline_begin = lead + in_t(b16, /*start=*/true);
        out.byline_end = lead + in_t(e16, /*start=*/false);
      }
      break;
    }
  }
  return out;
}

size_t match_dateline(std::string_view text, const Lexicon &lex) { return find_dateline(text, lex).end; }

Classified classify_pieces(std::vector<Piece> pieces, const Lexicon &lex, TextStore &edits) {
  return classify_locally(std::move(pieces), lex, edits);
}

}  // namespace bm::detail
