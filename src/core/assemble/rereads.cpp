#include "core/assemble/rereads.h"

#include <algorithm>
#include <optional>

#include "core/blocks/furniture.h"
#include "core/classify/byline.h"
#include "core/classify/classify.h"
#include "core/classify/cues.h"
#include "core/common/punct.h"
#include "core/common/utf8.h"
#include "core/lexicon/lexicon.h"
#include "core/assemble/draft_shape.h"

namespace bm::detail {

namespace {

// Words that make a line a box's (an ad's, a notice's): a weather word
// (级, 以上) stands in running text as well.
bool box_words(CueSet cues) { return cues.has(Cue::ad) || cues.has(Cue::ad_strong) || cues.has(Cue::other); }

// A headline line standing alone: a whole line, blank lines before it.
bool lone_head_line(const Piece &p) { return p.first_in_line && p.last_in_line && p.blanks_before > 0; }

// Piece `k` reads as text that runs on into the piece after it: a line that
// breaks off at its column's edge, no box word in it, and the next line
// straight under it (no blank line between).
bool runs_on_as_text(size_t k, const Assembly &a) {
  return k + 1 < a.pieces.size() && breaks_off(a.pieces[k], a.layout) && !box_words(a.classes[k].cues) &&
         a.pieces[k + 1].blanks_before == 0;
}

}  // namespace

bool resumes(const Draft &a, const Draft &c, size_t boxes_between, const Assembly &as) {
  if (a.kind_hint != Kind::News || !a.furniture.empty() || a.body.empty() || !c.furniture.empty()) return false;
  if (!a.headline.empty() && !headline_leads(a)) return false;  // closed by its headline
  const bool box_as_notes = !a.endnotes.empty() && a.endnotes.front() > a.body.back();
  if (boxes_between == 0 && !box_as_notes) return false;
  if (c.headline.size() > 1 || c.body.empty() || !c.bylines.empty() || !c.notes.empty() || !c.credits.empty())
    return false;
  const size_t b = c.body.front(), h = c.headline.empty() ? b : c.headline.front();
  const Piece &head = as.pieces[h];
  if (h != b && (h > b || b != h + 1 || as.pieces[b].blanks_before > 0)) return false;
  if (!full_line(head, as.layout) || ends_sentence(head.text)) return false;
  // The story broke off in a sentence (its last line full), or between two
  // of its paragraphs, and then the line after the box is plainly running
  // text (a clause mark inside it).
  const Piece &last = as.pieces[a.body.back()];
  const bool mid_sentence = breaks_off(last, as.layout);
  if (!mid_sentence && !(ends_sentence(last.text) && has_inner_clause_mark(head.text))) return false;
  return as.classes[h].type != PieceType::Dateline && as.classes[b].type != PieceType::Dateline;
}

void rejoin_cut_headline(Draft &prev, Draft &next, const Assembly &a) {
  if (prev.headline.empty() || next.headline.empty() || prev.all.size() < 2 || next.all.empty()) return;
  const size_t k = prev.all.back();
  if (prev.headline.back() != k || a.states[k] != State::HeadAfter || next.headline.front() != k + 1 ||
      next.all.front() != k + 1 || a.pieces[k + 1].blanks_before > 0 ||
      !finishes_cut_headline(a.pieces[k].text, a.pieces[k + 1].text))
    return;
  prev.headline.pop_back();
  prev.all.pop_back();
  next.headline.insert(next.headline.begin(), k);
  next.all.insert(next.all.begin(), k);
}

// A kicker line is short: running text that breaks off at a dash is longer.
constexpr size_t k_dash_kicker_max_cps = 30;
bool lead_into_next_headline(Draft &prev, Draft &next, const Assembly &a) {
  if (prev.all.empty() || next.all.empty() || next.headline.empty() || !prev.furniture.empty()) return false;
  const size_t k = prev.all.back();
  const Piece &p = a.pieces[k];
  if (next.all.front() != k + 1 || next.headline.front() != k + 1 || !p.first_in_line || !p.last_in_line ||
      !a.pieces[k + 1].first_in_line || !ends_in_dash(p.text) || cps_without_spaces(p.text) > k_dash_kicker_max_cps)
    return false;
  drop_piece(prev.headline, k);
  drop_piece(prev.body, k);
  drop_piece(prev.endnotes, k);
  prev.all.pop_back();
  next.headline.insert(next.headline.begin(), k);
  next.all.insert(next.all.begin(), k);
  return true;
}

bool lone_line_runs_on(Draft &lone, Draft &next, const Assembly &a, const Lexicon &lex) {
  if (lone.all.size() != 1 || next.body.empty() || !next.furniture.empty()) return false;
  const size_t k = lone.all.front();
  const std::string_view text = a.pieces[k].text;
  const bool as_box = lone.furniture.size() == 1 && lone.kind_hint == Kind::Other &&
                      (a.states[k] == State::BoxStart || a.states[k] == State::HeadStart) &&
                      !is_furniture_line(text, lex) && !is_masthead_line(text, lex);
  const bool as_headline = lone.furniture.empty() && lone.headline.size() == 1;
  if (!as_box && !as_headline) return false;
  if (next.all.front() != k + 1 || next.body.front() != k + 1 || !runs_on_as_text(k, a) ||
      (a.classes[k].type != PieceType::Body && a.classes[k].type != PieceType::Headline))
    return false;
  lone.furniture.clear();
  lone.headline.clear();
  lone.all.clear();
  next.body.insert(next.body.begin(), k);
  next.all.insert(next.all.begin(), k);
  return true;
}

bool first_line_read_as_headline(Draft &d, const Assembly &a) {
  if (d.headline.size() < 2 || d.body.empty() || d.headline.front() != d.all.front() ||
      d.headline.back() < d.body.back())
    return false;
  const size_t k = d.headline.front();
  if (d.headline[1] < d.body.front() || d.body.front() != k + 1 || !runs_on_as_text(k, a)) return false;
  d.headline.erase(d.headline.begin());
  d.body.insert(d.body.begin(), k);
  return true;
}

size_t take_title_and_byline(Draft &story, std::vector<Draft> &drafts, size_t x, const Assembly &a) {
  if (story.kind_hint != Kind::News || !story.furniture.empty() || story.headline.empty() ||
      !story.bylines.empty() || story.body.empty() || x >= drafts.size())
    return 0;
  // The subhead may also have been read as a closing headline of the story
  // that opened with its own.
  const size_t last = story.all.back();
  const size_t heads = story.headline.size();
  const bool closing_subhead = heads >= 2 && story.headline.back() == last && a.states[last] == State::HeadAfter &&
                               story.headline[heads - 2] < story.body.front();
  if (closing_subhead ? !ends_on_subhead(a.pieces[last], a.classes[last]) : !headline_leads(story)) return 0;
  size_t item = x;
  std::vector<size_t> subhead;
  const Draft &box = drafts[x];
  if (closing_subhead) {
    subhead.push_back(last);
  } else if (!box.furniture.empty()) {  // a subhead read as a box of its own
    if (box.furniture.size() != 1 || box.all.size() != 1 ||
        !ends_on_subhead(a.pieces[box.furniture[0]], a.classes[box.furniture[0]]))
      return 0;
    subhead = box.furniture;
    ++item;
  } else if (!ends_on_subhead(a.pieces[story.body.back()], a.classes[story.body.back()])) {
    return 0;
  }
  if (item >= drafts.size()) return 0;
  const Draft &d = drafts[item];
  if (d.kind_hint != Kind::News || !d.furniture.empty() || d.headline.size() != 1 || d.bylines.empty() ||
      d.body.empty() || !d.notes.empty() || !d.credits.empty() || d.all.front() != d.headline.front() ||
      d.bylines.front() != d.headline.front() + 1)
    return 0;
  for (size_t k : d.bylines) {
    const PieceClass &c = a.classes[k];
    if (c.type != PieceType::Byline || c.credit || c.bare || c.people.empty()) return 0;  // bare: names, no role
  }
  if (closing_subhead) {
    story.headline.pop_back();
    story.all.pop_back();  // back below, with the body
  }
  story.body.insert(story.body.end(), subhead.begin(), subhead.end());
  story.headline.push_back(d.headline.front());
  story.bylines.insert(story.bylines.end(), d.bylines.begin(), d.bylines.end());
  story.body.insert(story.body.end(), d.body.begin(), d.body.end());
  story.endnotes.insert(story.endnotes.end(), d.endnotes.begin(), d.endnotes.end());
  story.all.insert(story.all.end(), subhead.begin(), subhead.end());
  story.all.insert(story.all.end(), d.all.begin(), d.all.end());
  story.confidence = std::min(story.confidence, d.confidence);
  return item - x + 1;
}

std::optional<Draft> cut_photo_group_lead(Draft &d, const Assembly &a) {
  if (d.credits.empty() || d.headline.empty() || !headline_leads(d) || !d.bylines.empty() || !d.notes.empty() ||
      !d.furniture.empty() || d.body.size() < 2 || opens_with_day(a.pieces[d.body.front()].text))
    return std::nullopt;
  for (size_t i = 1; i < d.body.size(); ++i) {
    const Piece &p = a.pieces[d.body[i]], &before = a.pieces[d.body[i - 1]];
    if (d.body[i] > d.credits.front()) return std::nullopt;  // a caption with its credit already
    if (!p.first_in_line || !before.last_in_line || !ends_sentence(before.text) || !opens_with_day(p.text)) continue;
    const size_t cut = d.body[i];
    Draft lead;
    lead.headline = d.headline;
    lead.body.assign(d.body.begin(), d.body.begin() + static_cast<std::ptrdiff_t>(i));
    for (size_t k : d.all)
      if (k < cut) lead.all.push_back(k);
    lead.confidence = d.confidence;
    d.headline.clear();
    d.body.erase(d.body.begin(), d.body.begin() + static_cast<std::ptrdiff_t>(i));
    d.all.erase(d.all.begin(), d.all.begin() + static_cast<std::ptrdiff_t>(lead.all.size()));
    return lead;
  }
  return std::nullopt;
}

// Lines of text under the short item's title, at most.
constexpr size_t k_trailing_item_max_text_lines = 2;
std::optional<Draft> cut_trailing_item(Draft &story, const Assembly &a) {
  if (story.kind_hint != Kind::News || !story.furniture.empty() || !story.credits.empty() || story.body.size() < 4 ||
      (!story.headline.empty() && !headline_leads(story)) || story.all.back() != story.body.back())
    return std::nullopt;
  size_t j = story.body.size() - 1;
  while (j > 0 && a.pieces[story.body[j]].blanks_before == 0) --j;
  const size_t lines = story.body.size() - j - 1;
  if (j < 2 || lines < 1 || lines > k_trailing_item_max_text_lines) return std::nullopt;
  const size_t head = story.body[j];
  const Piece &h = a.pieces[head], &before = a.pieces[story.body[j - 1]];
  const PieceClass &c = a.classes[head];
  if (!h.first_in_line || !h.last_in_line || !c.headline_shaped || c.cues.bits != 0 || ends_sentence(h.text) ||
      !wide_column(h, a.layout) || h.width * 4 > a.layout.column[h.line] * 3 || has_inner_clause_mark(h.text) ||
      !before.last_in_line || !ends_sentence(before.text) || !ends_sentence(a.pieces[story.body.back()].text))
    return std::nullopt;
  for (size_t i = j; i + 1 < story.body.size(); ++i)
    if (story.body[i + 1] != story.body[i] + 1 || a.pieces[story.body[i + 1]].blanks_before > 0)
      return std::nullopt;  // the text runs straight under the title
  const size_t after = story.body.back() + 1;
  if (after < a.pieces.size() && a.pieces[after].blanks_before == 0) return std::nullopt;
  Draft item;
  item.headline = {head};
  item.body.assign(story.body.begin() + static_cast<std::ptrdiff_t>(j) + 1, story.body.end());
  item.all.assign(story.body.begin() + static_cast<std::ptrdiff_t>(j), story.body.end());
  item.confidence = story.confidence;
  story.body.resize(j);
  story.all.resize(story.all.size() - item.all.size());
  return item;
}

namespace {
// A title has at most this many code points; a name line at most this many.
constexpr size_t k_stacked_title_max_cps = 30;
constexpr size_t k_stacked_name_max_cps = 6;
// Each of the two texts holds at least this many pieces (lines): a short
// item's text stays where the decoder put it.
constexpr size_t k_stacked_text_min_pieces = 8;
// An item of heads above a stacked title has at most this many lines.
constexpr size_t k_sentence_free_max_pieces = 3;

// A lone line shaped as a title: no sentence end, no comma or full stop
// inside (a title may hold 、 or a dash).
bool title_line(const Piece &p) {
  if (!lone_head_line(p) || ends_sentence(p.text) || cp_count(p.text) > k_stacked_title_max_cps) return false;
  for (size_t i = 0; i < p.text.size();) {
    const char32_t c = next_cp(p.text, i);
    if (c == U'，' || c == U'。' || c == U',' || c == U'；') return false;
  }
  return true;
}

// A title and at most a name under it (a byline read without the surname
// list), left of an item with no text of its own, and the heads above them.
struct StackedHead {
  size_t title;
  std::vector<size_t> names;
  std::vector<size_t> above;  // heads over the title (a series banner, a column's name)
};

// An item read as a story that holds no sentence: a few lone lines, none of
// which ends a sentence or holds a clause mark, and nothing else.
bool sentence_free_item(const Draft &d, const Assembly &a) {
  if (d.kind_hint != Kind::News || !d.bylines.empty() || !d.credits.empty() || !d.notes.empty() ||
      !d.endnotes.empty() || !d.furniture.empty() || d.all.empty() || d.all.size() > k_sentence_free_max_pieces)
    return false;
  return std::all_of(d.all.begin(), d.all.end(), [&](size_t p) {
    const Piece &piece = a.pieces[p];
    return piece.first_in_line && piece.last_in_line && !ends_sentence(piece.text) && !has_inner_clause_mark(piece.text);
  });
}

std::optional<StackedHead> stacked_head_of(const Draft &d, const Assembly &a, const Lexicon &lex) {
  StackedHead h;
  if (d.kind_hint == Kind::News) {
    // Read as text under other heads: the title the item's one line of
    // text, the name its byline or closing note.
    if (d.body.size() != 1 || !d.credits.empty() || !d.notes.empty() || !d.furniture.empty()) return std::nullopt;
    h.title = d.body.front();
    h.names = d.bylines;
    h.names.insert(h.names.end(), d.endnotes.begin(), d.endnotes.end());
    h.above = d.headline;
  } else if (d.kind_hint == Kind::Other && !d.furniture.empty() && d.body.empty() && d.headline.empty()) {
    // Read as a box: the title and the name its last lines.
    const size_t n = d.furniture.size();
    const bool named = n >= 2 && a.pieces[d.furniture[n - 1]].blanks_before == 0;
    h.title = d.furniture[n - (named ? 2 : 1)];
    if (named) h.names = {d.furniture[n - 1]};
    h.above.assign(d.furniture.begin(), d.furniture.end() - (named ? 2 : 1));
  } else {
    return std::nullopt;
  }
  if (!title_line(a.pieces[h.title]) || !wide_column(a.pieces[h.title], a.layout) || h.names.size() > 1)
    return std::nullopt;
  for (size_t n : h.names)
    if (n < h.title || a.pieces[n].blanks_before > 0 || cp_count(a.pieces[n].text) > k_stacked_name_max_cps ||
        parse_byline_lenient(a.pieces[n].text, lex).empty())
      return std::nullopt;
  if (std::any_of(h.above.begin(), h.above.end(), [&](size_t p) { return p > h.title; })) return std::nullopt;
  return h;
}
}  // namespace

bool deal_stacked_heads(std::vector<Draft> &drafts, size_t x, const Assembly &a, const Lexicon &lex) {
  if (x + 1 >= drafts.size()) return false;
  Draft &first = drafts[x];
  Draft &second = drafts[x + 1];
  if (second.kind_hint != Kind::News) return false;
  const std::optional<StackedHead> head = stacked_head_of(first, a, lex);
  if (!head) return false;
  if (!headline_leads(second) || !second.bylines.empty() || second.body.size() < 2 * k_stacked_text_min_pieces)
    return false;
  if (second.headline.front() < (head->names.empty() ? head->title : head->names.back())) return false;
  // The first blank line in the second's text after a finished sentence
  // (poppler leaves blank lines inside a text too, where a sentence runs
  // on), with long text on both sides.
  size_t cut = 0;
  for (size_t i = 1; i < second.body.size() && !cut; ++i)
    if (a.pieces[second.body[i]].blanks_before > 0 && ends_sentence(a.pieces[second.body[i - 1]].text)) cut = i;
  if (cut < k_stacked_text_min_pieces || second.body.size() - cut < k_stacked_text_min_pieces) return false;

  Draft furniture;
  furniture.kind_hint = Kind::Other;
  furniture.furniture = head->above;
  furniture.all = head->above;
  furniture.confidence = first.confidence;
  std::vector<size_t> text(second.body.begin(), second.body.begin() + static_cast<std::ptrdiff_t>(cut));
  second.body.erase(second.body.begin(), second.body.begin() + static_cast<std::ptrdiff_t>(cut));
  for (size_t t : text) drop_piece(second.all, t);
  Draft story;
  story.confidence = first.confidence;
  story.headline = {head->title};
  story.bylines = head->names;
  story.body = text;
  story.all = {head->title};
  story.all.insert(story.all.end(), head->names.begin(), head->names.end());
  story.all.insert(story.all.end(), text.begin(), text.end());
  std::sort(story.all.begin(), story.all.end());
  first = std::move(story);
  // The item before, read as a story with no sentence in it (a series
  // banner under a column's name), is heads above the title too.
  if (x > 0 && sentence_free_item(drafts[x - 1], a)) {
    Draft &above = drafts[x - 1];
    above.kind_hint = Kind::Other;
    above.furniture = above.all;
    above.headline.clear();
    above.body.clear();
  }
  if (!furniture.furniture.empty()) drafts.insert(drafts.begin() + static_cast<std::ptrdiff_t>(x), std::move(furniture));
  return true;
}

bool deal_row_of_heads(std::vector<Draft> &drafts, size_t x, const Assembly &a) {
  Draft &first = drafts[x];
  const size_t k = first.headline.size();
  if (k < 2 || !headline_leads(first) || x + k > drafts.size() || first.kind_hint != Kind::News) return false;
  for (size_t h : first.headline)
    if (!lone_head_line(a.pieces[h])) return false;
  if (first.all.front() != first.headline.front()) return false;
  // Its text (after `heads` headline pieces) opens with a dateline or a byline.
  auto opens_with_credit = [&](const Draft &d, size_t heads) {
    if (d.body.empty() || !d.furniture.empty() || !d.notes.empty() || !d.credits.empty() || d.all.size() <= heads)
      return false;
    const size_t open = d.bylines.empty() ? d.body.front() : std::min(d.bylines.front(), d.body.front());
    const PieceType t = a.classes[open].type;
    return d.all[heads] == open && (t == PieceType::Dateline || t == PieceType::Byline);
  };
  if (!opens_with_credit(first, k)) return false;
  for (size_t i = 1; i < k; ++i) {
    const Draft &d = drafts[x + i];
    if (d.kind_hint != Kind::News || !opens_with_credit(d, 0)) return false;
    if (!d.headline.empty() && i + 1 < k) return false;
  }
  // The last item's closing lines: its subtitles, one per item.
  Draft &last = drafts[x + k - 1];
  if (last.all.size() <= k) return false;
  const std::vector<size_t> subs(last.all.end() - static_cast<std::ptrdiff_t>(k), last.all.end());
  for (size_t s : subs) {
    const Piece &p = a.pieces[s];
    const PieceType t = a.classes[s].type;
    if (!lone_head_line(p) || ends_sentence(p.text) || (t != PieceType::Body && t != PieceType::Headline)) return false;
    const bool read_as_head = std::find(last.headline.begin(), last.headline.end(), s) != last.headline.end();
    const bool read_as_text = std::find(last.body.begin(), last.body.end(), s) != last.body.end();
    if (!read_as_head && !read_as_text) return false;
  }
  for (size_t h : last.headline)
    if (std::find(subs.begin(), subs.end(), h) == subs.end()) return false;  // a headline of its own
  const std::vector<size_t> titles = first.headline;
  for (size_t s : subs) {
    drop_piece(last.body, s);
    drop_piece(last.headline, s);
    drop_piece(last.all, s);
  }
  for (size_t t : titles) drop_piece(first.all, t);  // the first's title goes back below, with its subtitle
  for (size_t i = 0; i < k; ++i) {
    Draft &d = drafts[x + i];
    d.headline = {titles[i], subs[i]};
    d.all.push_back(titles[i]);
    d.all.push_back(subs[i]);
    std::sort(d.all.begin(), d.all.end());
  }
  return true;
}

}  // namespace bm::detail
