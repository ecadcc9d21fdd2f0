#include "core/extract/extract.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <stdexcept>

#include "banmian/banmian.h"
#include "core/classify/byline.h"
#include "core/classify/classify.h"
#include "core/classify/cues.h"
#include "core/common/utf8.h"
#include "core/extract/headline.h"
#include "core/extract/source_map.h"
#include "core/lexicon/lexicon.h"
#include "core/normalize/inline_text.h"

namespace bm::detail {

namespace {

// A photo item is a short caption with a credit and no dateline.
constexpr size_t k_photo_max_paragraphs = 3;
constexpr size_t k_photo_max_cps = 400;
// A story headline has at most this many lines (kicker, title, subtitle);
// blocks above that are banners or slogans set over the story.
constexpr size_t k_headline_max_lines = 3;
// A pen name or bare author name read without the surname list: at most this long.
constexpr size_t k_author_max_cps = 8;
// A person's name standing alone, family name included (2 to 3 characters).
constexpr size_t k_bare_name_max_cps = 3;
// A byline's name is looked for this far after the previous name (or the
// start of the text it was read from); further is not the same byline.
constexpr size_t k_name_search_bytes = 512;

bool contains_replacement(std::string_view s) { return s.find("\xEF\xBF\xBD") != std::string_view::npos; }

// Does a lenient byline reading give someone a role (记者, 通讯员 ...)? Bare
// names alone are no evidence that a bracket holds a byline.
bool gives_a_role(const std::vector<Byline> &people) {
  for (const Byline &b : people)
    if (b.role != BylineRole::None) return true;
  return false;
}

void add_editor_note(Article &art, const std::string &note) {
  art.editor_note = art.editor_note ? *art.editor_note + note : note;
}

FieldSpans &spans_of(Article &art) {
  if (!art.spans) art.spans.emplace();
  return *art.spans;
}

// Strips an opening "（记者 张三 李四）" after a dateline; returns its people.
// `para` is left a view of the rest of the text.
std::vector<Byline> take_bracket_byline(std::string_view &para, const Lexicon &lex) {
  std::string_view t = trim(para);
  size_t i = 0;
  if (t.empty()) return {};
  const char32_t open = next_cp(t, i);
  if (open != 0xFF08 && open != U'(') return {};
  const size_t close = t.find(open == U'(' ? ")" : "\xEF\xBC\x89");
  if (close == std::string_view::npos || close > 120) return {};
  std::string inner(t.substr(i, close - i));
  std::vector<Byline> people;
  if (auto by = parse_byline(inner, lex, false); by && by->leftover.empty()) {
    people = by->people;
  } else {
    // Right after a dateline a bracket with a role word is the byline, even
    // with names the surname list does not know (（记者X））.
    people = parse_byline_lenient(inner, lex);
    if (!gives_a_role(people)) return {};
  }
  const size_t close_len = open == U'(' ? 1 : 3;
  para = trim(t.substr(close + close_len));
  return people;
}

// Strips a credit closing a paragraph: "…写春联。 张伟 摄" or
// "…赏梅。（记者 周涛 摄）"; returns its people (nothing when the tail does
// not read wholly as roles and names, with at least one role word). `para` is
// left a view of the rest of the text.
std::vector<Byline> take_trailing_credit(std::string_view &para, const Lexicon &lex) {
  std::string_view t = trim(para);
  if (t.empty()) return {};
  size_t i = t.size();
  const char32_t last = prev_cp(t, i);
  std::string_view tail;
  size_t cut = 0;
  // A bracket that is a photo's source (…作业。 张伟摄（新华社发）) closes an
  // unbracketed credit: parse_byline reads the credit and its note together.
  const bool source_note = photo_source_note(t, lex) < t.size();
  if ((last == 0xFF09 || last == U')') && !source_note) {
    const std::string_view opener = last == U')' ? "(" : "\xEF\xBC\x88";
    const size_t open = t.rfind(opener);
    if (open == std::string_view::npos || t.size() - open > 120) return {};
    tail = t.substr(open + opener.size(), i - open - opener.size());
    cut = open;
  } else {
    // Unbracketed: the words after the last sentence end, set off by a space
    // (the credit may hold spaces itself: 张 伟 摄).
    size_t sp = t.size();
    bool found = false;
    while (!found) {
      sp = t.rfind(' ', sp - 1);
      if (sp == std::string_view::npos || sp == 0 || t.size() - sp > 60) return {};
      size_t k = sp;
      while (k > 0 && t[k - 1] == ' ') --k;
      if (k > 0 && ends_sentence(t.substr(0, k))) {
        found = true;
        sp = k;
      }
    }
    tail = t.substr(sp);
    cut = sp;
  }
  auto by = parse_byline(std::string(trim(tail)), lex, false);
  if (!by || !by->leftover.empty() || by->people.empty()) return {};
  para = trim(t.substr(0, cut));
  return by->people;
}

// A dateline as reported: without spaces, without the brackets and
// separators that set it off (（漢口廿日電）, 【台北報導】, 記者X／).
std::string dateline_text(const std::string &marker) {
  std::string out;
  const std::string n = normalize_inline(marker, InlineMode::Name);
  for (size_t i = 0; i < n.size();) {
    const size_t at = i;
    const char32_t c = next_cp(n, i);
    const bool frame = c == 0xFF08 || c == 0xFF09 || c == U'(' || c == U')' || c == 0x3010 || c == 0x3011 ||
                       c == 0xFF0F || c == U'/';
    if (!frame) out.append(n, at, i - at);
  }
  return out;
}

std::string editor_note_text(std::string_view raw, const Lexicon &lex) {
  std::string_view t = trim(raw);
  for (const auto &w : lex.words(Section::editor_note)) {
    if (w.empty() || t.substr(0, w.size()) != w) continue;
    t = t.substr(w.size());
    size_t i = 0;
    while (i < t.size()) {  // the label's colon / closing bracket / spaces
      size_t j = i;
      char32_t c = next_cp(t, j);
      if (!(c == U':' || c == 0xFF1A || is_space_cp(c) || c == 0x3011 || c == 0xFF09 || c == U')')) break;
      i = j;
    }
    t = t.substr(i);
    break;
  }
  return normalize_inline(t, InlineMode::Body);
}

class DraftExtractor {
 public:
  DraftExtractor(const Assembly &a, const std::vector<Line> &lines, const Lexicon &lex, std::string_view text)
      : a_(a), lines_(lines), lex_(lex), text_(text) {}

  // One draft gives one article, plus one "other" article per banner block
  // split off its headline (before it, in page order).
  void run(const Draft &draft, std::vector<Article> &out) {
    if (!draft.furniture.empty()) {
      out.push_back(furniture(draft));
      return;
    }
    Draft d = draft;
    Article art;
    art.spans.emplace();
    // Byline text that names nobody opens the body; credit text closes it.
    const Paragraphs unread_bylines = read_bylines(d.bylines, art);
    for (size_t k : d.notes) add_editor_note(art, editor_note_text(a_.pieces[k].text, lex_));
    body(d, art);
    art.paragraphs.insert(art.paragraphs.begin(), unread_bylines.text.begin(), unread_bylines.text.end());
    art.spans->paragraphs.insert(art.spans->paragraphs.begin(), unread_bylines.spans.begin(), unread_bylines.spans.end());
    const Paragraphs unread_credits = read_bylines(d.credits, art);
    art.paragraphs.insert(art.paragraphs.end(), unread_credits.text.begin(), unread_credits.text.end());
    art.spans->paragraphs.insert(art.spans->paragraphs.end(), unread_credits.spans.begin(), unread_credits.spans.end());
    closing_paragraph(art);
    for (size_t k : d.endnotes) end_note(a_.pieces[k], art);
    kind(d, art);
    art.confidence = draft.confidence;
    // Headline lines and nothing else read (a dateline or a closing byline is
    // something: it stays the item's, not text lost with a banner).
    if (art.paragraphs.empty() && !art.editor_note && !art.dateline && art.bylines.empty() && !d.headline.empty() &&
        d.bylines.empty()) {
      headline_only(d, out);
      return;
    }
    std::vector<std::vector<size_t>> banners = split_banners(d, art.kind);
    author_under_headline(d, art);
    if (!banners.empty()) {
      std::vector<size_t> gone;
      for (std::vector<size_t> &banner : banners) {
        Draft b;
        b.furniture = banner;
        b.all = banner;
        b.kind_hint = Kind::Other;
        b.confidence = draft.confidence;
        out.push_back(furniture(b));
        gone.insert(gone.end(), banner.begin(), banner.end());
      }
      std::sort(gone.begin(), gone.end());  // one pass, not one erase per banner
      d.all.erase(std::remove_if(d.all.begin(), d.all.end(),
                                 [&](size_t k) { return std::binary_search(gone.begin(), gone.end(), k); }),
                  d.all.end());
    }
    headline(d, art);
    flags(d, art);
    span(d, art);
    out.push_back(std::move(art));
  }

 private:
  // Paragraph texts and their spans, in order.
  struct Paragraphs {
    std::vector<std::string> text;
    std::vector<Span> spans;
  };

  // classify/'s reading of a piece of the page (one of a_.pieces).
  const PieceClass &class_of(const Piece &p) const {
    const std::less_equal<const Piece *> le;
    if (a_.pieces.empty() || !le(a_.pieces.data(), &p) || !le(&p, &a_.pieces.back()))
      throw std::logic_error("extract: a piece that is not the page's");
    return a_.classes[static_cast<size_t>(&p - a_.pieces.data())];
  }

  // The source of a whole piece: its range, or all of its text where it still
  // stands in the source (a byline piece keeps the text glued after its names,
  // which classify/ cut off its range).
  Span whole(const Piece &p) const {
    Span s{p.begin, std::max(p.begin, p.end)};
    if (p.begin + p.text.size() > s.end && p.begin <= text_.size() && text_.substr(p.begin, p.text.size()) == p.text)
      s.end = p.begin + p.text.size();
    return s;
  }

  // From the first to the last source byte of some whole pieces.
  Span whole_pieces(const std::vector<const Piece *> &ps, size_t from, size_t to) const {
    Span s = whole(*ps[from]);
    for (size_t i = from + 1; i <= to; ++i) {
      const Span w = whole(*ps[i]);
      s.begin = std::min(s.begin, w.begin);
      s.end = std::max(s.end, w.end);
    }
    return s;
  }

  // The people of a byline to the article, each with the span of its name as
  // printed in `where` (the source the people were read from), else `where`.
  void add_people(Article &art, const std::vector<Byline> &people, Span where) const {
    BylineRole last_role = art.bylines.empty() ? BylineRole::Author : art.bylines.back().role;
    FieldSpans &sp = spans_of(art);
    size_t cursor = where.begin;
    for (const auto &b : people) {
      Byline x{b.role == BylineRole::None ? last_role : b.role, normalize_inline(b.name, InlineMode::Name)};
      if (x.name.empty()) continue;
      last_role = x.role;
      Span s = where;
      size_t fb = 0, fe = 0;
      const size_t to = std::min(where.end, cursor + k_name_search_bytes + 4 * x.name.size());
      if (find_in_source(text_, cursor, to, x.name, fb, fe)) {
        s = {fb, fe};
        cursor = fe;
      }
      art.bylines.push_back(std::move(x));
      sp.bylines.push_back(s);
    }
  }

  void add_paragraph(Article &art, std::string text, Span where) const {
    art.paragraphs.push_back(std::move(text));
    spans_of(art).paragraphs.push_back(where);
  }

  Article furniture(const Draft &d) {
    Article art;
    art.spans.emplace();
    art.kind = d.kind_hint;
    art.confidence = d.confidence;
    std::vector<const Piece *> ps;
    for (size_t k : d.furniture) ps.push_back(&a_.pieces[k]);
    // Furniture lines are boxes, not prose: their lines run together until
    // one ends a sentence (blank lines inside a box are layout, not breaks).
    std::string para;
    size_t from = 0;  // the paragraph's first piece
    for (size_t i = 0; i < ps.size(); ++i) {
      if (para.empty()) from = i;
      para += ps[i]->text;
      if (ends_sentence(ps[i]->text)) {
        add_paragraph(art, normalize_inline(para, InlineMode::Body), whole_pieces(ps, from, i));
        para.clear();
      }
    }
    if (!para.empty()) add_paragraph(art, normalize_inline(para, InlineMode::Body), whole_pieces(ps, from, ps.size() - 1));
    flags(d, art);
    span(d, art);
    return art;
  }

  // Headline blocks (lines without a blank between) in reading order.
  std::vector<std::vector<size_t>> headline_blocks(const Draft &d) const {
    std::vector<std::vector<size_t>> blocks;
    for (size_t i = 0; i < d.headline.size(); ++i) {
      if (opens_headline_block(d, i, a_.pieces)) blocks.emplace_back();
      blocks.back().push_back(d.headline[i]);
    }
    return blocks;
  }

  // A line that is a person's name by itself: two or three Han characters
  // (letter-spaced or not) after a family name of the lexicon's list.
  bool is_author_name(std::string_view text) const {
    std::string name;
    for (size_t i = 0; i < text.size();) {
      const char32_t c = next_cp(text, i);
      if (is_han(c)) append_cp(name, c);
      else if (!is_space_cp(c)) return false;
    }
    const size_t n = cp_count(name);
    return n >= 2 && n <= k_bare_name_max_cps && lex_.starts_with_surname(name);
  }

  // Is the headline set above its story? After the story (byline -> body ->
  // headline pages), its first block or last line sits inside the story's span.
  static bool headline_above_story(const Draft &d) {
    for (const std::vector<size_t> *part : {&d.body, &d.bylines, &d.notes, &d.credits, &d.endnotes})
      if (!part->empty() && !d.headline.empty() && part->front() < d.headline.back()) return false;
    return true;
  }

  // A photo's title is one block; a story's headline at most three lines.
  // Earlier blocks are banners over the item: they leave the headline.
  std::vector<std::vector<size_t>> split_banners(Draft &d, Kind kind) const {
    // Only a headline set above its story can carry banners above it.
    if (!headline_above_story(d)) return {};
    std::vector<std::vector<size_t>> blocks = headline_blocks(d);
    std::vector<std::vector<size_t>> banners;
    size_t lines = d.headline.size();
    size_t first = 0;
    while (blocks.size() - first > 1 &&
           (kind == Kind::Photo || (kind == Kind::News && lines > k_headline_max_lines))) {
      lines -= blocks[first].size();
      banners.push_back(blocks[first]);
      ++first;
    }
    if (first > 0) {
      d.headline.clear();
      for (size_t b = first; b < blocks.size(); ++b) d.headline.insert(d.headline.end(), blocks[b].begin(), blocks[b].end());
    }
    // A column's name set over the story's headline leaves it the same way.
    if (kind == Kind::News && d.headline.size() >= 2 &&
        is_column_label(normalize_inline(a_.pieces[d.headline[0]].text, InlineMode::Headline),
                        normalize_inline(a_.pieces[d.headline[1]].text, InlineMode::Headline))) {
      banners.push_back({d.headline.front()});
      d.headline.erase(d.headline.begin());
    }
    return banners;
  }

  // A person's name set apart under a story's headline (a block of its own,
  // a family name of the lexicon, two or three characters) is the author's
  // byline, not a headline part: the column's way (title, then the writer).
  // Any other such line (a column's name) stays a headline part: as an item
  // of its own it would lie inside the story's span. Runs after the bylines
  // were read (the kind needs them), so the author is put before them.
  void author_under_headline(Draft &d, Article &art) const {
    if (art.kind != Kind::News || d.headline.size() < 2 || !headline_above_story(d)) return;
    const Piece &last = a_.pieces[d.headline.back()];
    if (!opens_headline_block(d, d.headline.size() - 1, a_.pieces) || !is_author_name(last.text) ||
        !is_column_label(normalize_inline(last.text, InlineMode::Headline),
                         normalize_inline(a_.pieces[d.headline[d.headline.size() - 2]].text, InlineMode::Headline)))
      return;
    d.headline.pop_back();
    Article named;
    named.spans.emplace();
    add_people(named, people_of(last), whole(last));
    art.bylines.insert(art.bylines.begin(), named.bylines.begin(), named.bylines.end());
    if (art.spans)
      art.spans->bylines.insert(art.spans->bylines.begin(), named.spans->bylines.begin(), named.spans->bylines.end());
  }

  // Headline-shaped lines with nothing under them: a slogan box or a public
  // service notice, not a story. Their text becomes one paragraph.
  void headline_only(const Draft &d, std::vector<Article> &out) {
    Draft b;
    b.furniture = d.headline;
    b.all = d.all;
    b.confidence = d.confidence;
    std::string all;
    for (size_t k : d.headline) all += a_.pieces[k].text;
    b.kind_hint = count_cues(all, lex_, Cue::ad) + has_phone_number(all) >= 1 ? Kind::Ad : Kind::Other;
    // Straight under an ad box (nothing between), the lines are the rest of
    // that box: a public-service notice's slogan lines, its sponsor.
    if (!out.empty() && out.back().kind == Kind::Ad && !out.back().pieces.empty() &&
        out.back().pieces.back() + 1 == d.headline.front()) {
      Article &ad = out.back();
      std::string text;
      std::vector<const Piece *> ps;
      for (size_t k : d.headline) {
        text += a_.pieces[k].text;
        ps.push_back(&a_.pieces[k]);
      }
      text = normalize_inline(text, InlineMode::Body);
      const Span where = whole_pieces(ps, 0, ps.size() - 1);
      if (ad.paragraphs.empty() || ends_sentence(ad.paragraphs.back())) {
        add_paragraph(ad, text, where);
      } else {
        ad.paragraphs.back() += text;
        FieldSpans &sp = spans_of(ad);
        if (!sp.paragraphs.empty()) sp.paragraphs.back().end = std::max(sp.paragraphs.back().end, where.end);
      }
      ad.pieces.insert(ad.pieces.end(), d.all.begin(), d.all.end());
      for (size_t k : d.all) ad.span_end = std::max<size_t>(ad.span_end, a_.pieces[k].end);
      return;
    }
    Article art = furniture(b);
    if (art.paragraphs.size() > 1) {  // one box, one paragraph
      std::string joined;
      for (const auto &p : art.paragraphs) joined += p;
      art.paragraphs = {joined};
      std::vector<Span> &sp = spans_of(art).paragraphs;
      if (!sp.empty()) sp = {Span{sp.front().begin, sp.back().end}};
    }
    out.push_back(std::move(art));
  }

  void headline(const Draft &d, Article &art) {
    std::vector<HeadlineLine> lines;
    std::vector<Span> spans;
    std::vector<std::pair<size_t, size_t>> ranges;  // each part's bytes in the piece's text
    for (size_t i = 0; i < d.headline.size(); ++i) {
      const Piece &p = a_.pieces[d.headline[i]];
      const bool opens_block = opens_headline_block(d, i, a_.pieces);
      const PieceMap map(text_, p);
      bool first = true;
      const std::vector<std::string> parts = split_headline_line(p.text, &ranges);
      for (size_t j = 0; j < parts.size(); ++j) {
        std::string n = normalize_inline(parts[j], InlineMode::Headline);
        if (undouble(n)) art.flags |= BM_FLAG_DOUBLED_CHARACTERS_FIXED;
        if (n.empty()) continue;
        lines.push_back({n, first ? opens_block : true});
        spans.push_back({map.start_of(ranges[j].first), map.end_of(ranges[j].second)});
        first = false;
      }
    }
    spans_of(art).headline = std::move(spans);
    HeadlineRoles r = assign_roles(lines);
    art.headline = std::move(r.parts);
    art.kicker = std::move(r.kicker);
    art.title = std::move(r.title);
    art.subtitle = std::move(r.subtitle);
  }

  void body(const Draft &d, Article &art) {
    std::vector<const Piece *> ps;
    for (size_t k : d.body) ps.push_back(&a_.pieces[k]);
    std::vector<RawParagraph> raw = reflow(ps, a_.layout, Subheads::AreParagraphs);
    for (size_t i = 0; i < raw.size(); ++i) {
      const std::string &joined = raw[i].text;
      // Every cut below leaves a view into `joined`: its source is known.
      auto source = [&](std::string_view part) {
        const size_t at = static_cast<size_t>(part.data() - joined.data());
        return joined_span(text_, ps, raw[i], at, at + part.size());
      };
      std::string_view text = joined;
      const PieceClass &first = class_of(*ps[raw[i].first_piece]);
      if (i == 0 && first.type == PieceType::Dateline && first.dateline_bytes > 0) {
        // join_lines trims, so the paragraph starts with the piece's marker.
        const size_t n = std::min<size_t>(text.size(), first.dateline_bytes);
        std::string marker(text.substr(0, n));
        if (first.dateline_byline_end > first.dateline_byline_begin && first.dateline_byline_end <= n) {
          // 中央社記者X台北報導: the reporter is a byline, the rest the dateline.
          const size_t b = first.dateline_byline_begin, e = first.dateline_byline_end;
          add_people(art, parse_byline_lenient(marker.substr(b, e - b), lex_), source(text.substr(b, e - b)));
          marker = marker.substr(0, b) + marker.substr(e);
        }
        art.dateline = dateline_text(marker);
        spans_of(art).dateline = source(text.substr(0, n));
        text = trim(text.substr(n));
        const std::string_view before = text;
        const std::vector<Byline> people = take_bracket_byline(text, lex_);
        if (!people.empty())  // the bracket: what was cut off the front
          add_people(art, people, source(before.substr(0, static_cast<size_t>(text.data() - before.data()))));
      }
      const std::string_view before = text;
      const std::vector<Byline> credit = take_trailing_credit(text, lex_);
      if (!credit.empty())  // the credit: what was cut off the end
        add_people(art, credit, source(before.substr(static_cast<size_t>(text.data() - before.data()) + text.size())));
      std::string n = normalize_inline(text, InlineMode::Body);
      if (!n.empty()) add_paragraph(art, std::move(n), source(text));
    }
  }

  // The people of byline or credit pieces go to the article. The text of a
  // piece that names nobody is kept: an editor's note as the note, anything
  // else returned (normalized) for the caller to keep as body.
  Paragraphs read_bylines(const std::vector<size_t> &pieces, Article &art) const {
    Paragraphs unread;
    for (size_t k : pieces) {
      const Piece &p = a_.pieces[k];
      const std::vector<Byline> people = people_of(p);
      if (people.empty() && !unread_text(p, art)) {
        std::string n = normalize_inline(trim(p.text), InlineMode::Body);
        if (!n.empty()) {
          unread.text.push_back(std::move(n));
          unread.spans.push_back(whole(p));
        }
      }
      add_people(art, people, whole(p));
    }
    return unread;
  }

  // The people of a piece the decoder read as a byline or credit: what
  // classify/ parsed, else the piece as a bare author name (a pen name in
  // brackets, a name the surname list does not know).
  std::vector<Byline> people_of(const Piece &p) const {
    const PieceClass &c = class_of(p);
    if (c.type == PieceType::Other) return {};  // a page credit (本版责编：X): kept as text
    if (!c.people.empty()) return c.people;
    if (auto by = parse_byline(p.text, lex_, /*allow_bare=*/true); by && by->leftover.empty()) return by->people;
    std::vector<Byline> lenient = parse_byline_lenient(p.text, lex_);
    if (!lenient.empty() || has_role_word(p.text, lex_)) return lenient;  // 新华社记者 alone names nobody
    if (has_digit_or_latin(p.text)) return {};  // no name: the caller keeps the text, digits and all
    std::string name;
    for (size_t i = 0; i < p.text.size();) {
      const char32_t c = next_cp(p.text, i);
      if (is_han(c)) append_cp(name, c);
    }
    if (name.empty() || cp_count(name) > k_author_max_cps) return {};
    return {Byline{BylineRole::Author, name}};
  }

  // Text of a byline or credit piece that names nobody: true when it is
  // nothing worth keeping (a role word alone, 新华社记者) or was kept as the
  // editor's note; false when the caller must keep it as body text.
  bool unread_text(const Piece &p, Article &art) const {
    std::string_view t = trim(p.text);
    if (has_role_word(t, lex_) && parse_byline_lenient(t, lex_).empty() && cp_count(t) <= k_author_max_cps + 4)
      return true;
    for (const auto &w : lex_.words(Section::editor_note))
      if (!w.empty() && t.substr(0, w.size()) == w) {
        add_editor_note(art, editor_note_text(t, lex_));
        return true;
      }
    return false;
  }

  // Reads a closing note into the article: a bracketed dateline
  // (（新华社北京3月5日电）) is the story's dateline, bracketed names are its
  // bylines, a note with an end-note cue (作者为…, …参与采写) is neither body
  // nor byline. False when it is none of these: the caller keeps it as text.
  // `where` is the note's source.
  bool read_end_note(std::string_view note, Article &art, Span where) {
    const std::string_view t = trim(note);
    const std::optional<std::string_view> in_brackets = bracketed(t);
    const std::string inner(in_brackets ? *in_brackets : t);
    if (size_t n = match_dateline(inner, lex_); n > 0 && trim(std::string_view(inner).substr(n)).empty()) {
      const std::string dateline = dateline_text(inner.substr(0, n));
      if (!art.dateline) {
        art.dateline = dateline;
        spans_of(art).dateline = where;
      }
      return *art.dateline == dateline;  // another source than the opening one stays text
    }
    if (auto by = parse_byline(inner, lex_, false); by && by->leftover.empty() && !by->people.empty()) {
      add_people(art, by->people, where);
      return true;
    }
    if (has_role_word(inner, lex_)) {  // （本报记者X、Y）: names the surname list may not know
      std::vector<Byline> people = parse_byline_lenient(inner, lex_);
      if (gives_a_role(people)) {
        add_people(art, people, where);
        return true;
      }
    }
    if (has_cue(inner, lex_, Cue::end_note)) return true;
    for (const auto &m : lex_.words(Section::end_mark))
      if (!m.empty() && t == m) return false;  // （完） ends the text, it names nobody
    if (in_brackets && cp_count(inner) >= 2 && cp_count(inner) <= k_author_max_cps) {
      bool han = true;
      for (size_t k = 0; k < inner.size();) han = is_han(next_cp(inner, k)) && han;
      if (han) {
        add_people(art, {Byline{BylineRole::Author, inner}}, where);
        return true;
      }
    }
    return false;
  }

  void end_note(const Piece &p, Article &art) {
    // A page credit (本版责编：X) names the page's staff, not the story's.
    if (class_of(p).type != PieceType::Other && read_end_note(p.text, art, whole(p))) return;
    std::string n = normalize_inline(trim(p.text), InlineMode::Body);
    if (!n.empty()) add_paragraph(art, std::move(n), whole(p));
  }

  // A last paragraph wholly in brackets that reads as a closing note
  // (（新华社北京3月5日电）, （本报记者X、Y）) is one, wherever the
  // decoder put it.
  void closing_paragraph(Article &art) {
    if (art.paragraphs.size() < 2) return;
    const std::string_view last = trim(art.paragraphs.back());
    if (!bracketed(last)) return;
    const std::string note(last);
    const size_t before = art.bylines.size();
    const bool had_dateline = art.dateline.has_value();
    FieldSpans &sp = spans_of(art);
    const Span where = sp.paragraphs.empty() ? Span{art.span_begin, art.span_end} : sp.paragraphs.back();
    if (!read_end_note(note, art, where)) return;
    // Only a byline or a dateline makes it a closing note here; an author
    // note (作者为…) in the body stays text.
    if (art.bylines.size() == before && had_dateline == art.dateline.has_value()) return;
    art.paragraphs.pop_back();
    if (!sp.paragraphs.empty()) sp.paragraphs.pop_back();
  }

  void kind(const Draft &d, Article &art) {
    size_t cps = 0;
    for (const auto &p : art.paragraphs) cps += cp_count(p);
    bool credited = !d.credits.empty();
    for (const auto &b : art.bylines) credited = credited || b.role == BylineRole::Photographer;
    if (d.unattached_byline || (art.paragraphs.empty() && !art.editor_note)) {
      art.kind = Kind::Other;
    } else if (!art.dateline && credited && art.paragraphs.size() <= k_photo_max_paragraphs &&
               cps <= k_photo_max_cps) {
      art.kind = Kind::Photo;
    } else {
      art.kind = Kind::News;
    }
  }

  void flags(const Draft &d, Article &art) {
    bool invalid = false;
    for (size_t k : d.all) {
      const Piece &p = a_.pieces[k];
      if (p.duplicate_cut) art.flags |= BM_FLAG_DUPLICATE_TEXT_REMOVED;
      if (lines_[p.line].merged_columns) art.flags |= BM_FLAG_COLUMNS_INTERLEAVED;
      invalid = invalid || contains_replacement(p.text);
    }
    if (invalid) art.flags |= BM_FLAG_INVALID_TEXT;
    if (d.unattached_byline) art.flags |= BM_FLAG_BYLINE_UNATTACHED;
    if (d.box_inside) art.flags |= BM_FLAG_BOX_INSIDE;
    if ((art.kind == Kind::News || art.kind == Kind::Photo) && !art.paragraphs.empty()) {
      const std::string &last = art.paragraphs.back();
      if (!ends_sentence(last)) art.flags |= BM_FLAG_TRUNCATED;
    }
  }

  void span(const Draft &d, Article &art) {
    art.pieces = d.all;
    bool any = false;
    for (size_t k : d.all) {
      const Piece &p = a_.pieces[k];
      if (!any || p.begin < art.span_begin) art.span_begin = p.begin;
      if (!any || p.end > art.span_end) art.span_end = p.end;
      any = true;
    }
  }

  const Assembly &a_;
  const std::vector<Line> &lines_;
  const Lexicon &lex_;
  std::string_view text_;  // the page text the pieces point into
};

// Field spans lie inside the article's span: a byline piece's text can run
// past its range into text glued after it that went to another item (the
// span then stops where the article does). Spans that do not match their
// fields one for one (a bug) are dropped rather than written wrong.
void fit_spans(Article &art, size_t text_size) {
  if (!art.spans) return;
  FieldSpans &sp = *art.spans;
  const bool ok = sp.headline.size() == art.headline.size() && sp.bylines.size() == art.bylines.size() &&
                  sp.paragraphs.size() == art.paragraphs.size() && sp.dateline.has_value() == art.dateline.has_value() &&
                  art.span_begin <= art.span_end && art.span_end <= text_size;
  if (!ok) {
    art.spans.reset();
    return;
  }
  auto fit = [&](Span &s) {
    s.begin = std::min(std::max(s.begin, art.span_begin), art.span_end);
    s.end = std::min(std::max(s.end, s.begin), art.span_end);
  };
  for (auto *v : {&sp.headline, &sp.bylines, &sp.paragraphs})
    for (Span &s : *v) fit(s);
  if (sp.dateline) fit(*sp.dateline);
}

// Page order (by where each starts, ties kept in order), whatever order the
// drafts were closed in. Usually they already are; otherwise the order is
// sorted as indices and applied by swaps along its cycles: a stable sort of
// the articles themselves would hold a second copy of all of them.
void put_in_page_order(std::vector<Article> &articles) {
  const auto starts_before = [](const Article &a, const Article &b) { return a.span_begin < b.span_begin; };
  if (std::is_sorted(articles.begin(), articles.end(), starts_before)) return;
  std::vector<size_t> order(articles.size());  // order[i]: the article that goes to slot i
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return starts_before(articles[a], articles[b]); });
  for (size_t i = 0; i < order.size(); ++i) {
    size_t cur = i;
    while (order[cur] != i) {  // follow the cycle through slot i
      const size_t next = order[cur];
      std::swap(articles[cur], articles[next]);
      order[cur] = cur;
      cur = next;
    }
    order[cur] = cur;
  }
}

}  // namespace

void extract_page(const Assembly &assembly, const std::vector<Line> &lines, const Lexicon &lex, Page &page) {
  page.header_pieces = assembly.masthead;
  page.header_pieces.insert(page.header_pieces.end(), assembly.edition.begin(), assembly.edition.end());
  for (size_t k : assembly.edition) {
    if (!page.edition) page.edition = normalize_inline(assembly.pieces[k].text, InlineMode::Name);
  }
  for (size_t k : assembly.masthead) {
    std::string_view t = assembly.pieces[k].text;
    size_t pos = 0;
    bool prev_latin = false;
    while (pos < t.size()) {  // one entry per space-separated name; Latin words stay together
      size_t sp = t.find(' ', pos);
      if (sp == std::string_view::npos) sp = t.size();
      std::string_view tok = trim(t.substr(pos, sp - pos));
      pos = sp + 1;
      if (tok.empty()) continue;
      const bool latin = std::all_of(tok.begin(), tok.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
      std::string n = normalize_inline(tok, InlineMode::Headline);
      if (latin && prev_latin && !page.masthead.empty()) page.masthead.back() += " " + n;
      else page.masthead.push_back(std::move(n));
      prev_latin = latin;
    }
  }
  DraftExtractor ex(assembly, lines, lex, page.text.utf8);
  for (const Draft &d : assembly.drafts) ex.run(d, page.articles);
  for (Article &art : page.articles) fit_spans(art, page.text.utf8.size());
  put_in_page_order(page.articles);
}

}  // namespace bm::detail
