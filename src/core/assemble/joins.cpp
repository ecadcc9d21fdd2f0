#include "core/assemble/joins.h"

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

constexpr size_t k_section_min_cps = 80;
// Does an item hold a section's text: two sentences (k_section_min_cps
// characters) at least? A photo group's lead or a brief holds one.
bool cps_and_sentences_of_section(const Draft &d, const Assembly &a) {
  size_t cps = 0, sentences = 0;
  for (size_t k : d.body) {
    cps += cps_without_spaces(a.pieces[k].text);
    const std::string_view t = a.pieces[k].text;
    for (size_t i = 0; i < t.size();) {
      const char32_t c = next_cp(t, i);
      sentences += c == 0x3002 || c == 0xFF01 || c == 0xFF1F;
    }
  }
  return cps >= k_section_min_cps && sentences >= 2;
}

// A section's head: its subhead, or a kicker that ends in a dash over it.
bool section_heads(const Draft &d, const Assembly &a) {
  return d.headline.size() == 1 || (d.headline.size() == 2 && ends_in_dash(a.pieces[d.headline[0]].text));
}

// Does the draft's headline close it, after its text?
bool closed_by_headline(const Draft &d) {
  return !d.headline.empty() && !d.body.empty() && d.headline.front() > d.body.back() &&
         d.all.back() == d.headline.back();
}

// Does every byline of the draft name a role and nobody (本报记者)?
bool credit_names_nobody(const Draft &d, const Assembly &a) {
  if (d.bylines.empty()) return false;
  for (size_t k : d.bylines)
    for (const Byline &b : a.classes[k].people)
      if (!b.name.empty()) return false;
  return true;
}

// Does the draft's text hold a subhead of its own (a report in sections)?
bool has_subhead(const Draft &d, const Assembly &a) {
  for (size_t i = 1; i + 1 < d.body.size(); ++i) {
    const size_t k = d.body[i];
    if (ends_on_subhead(a.pieces[k], a.classes[k]) && ends_sentence(a.pieces[d.body[i - 1]].text) &&
        a.pieces[d.body[i - 1]].last_in_line)
      return true;
  }
  return false;
}

// A closing note in brackets that gives people their role: （本报记者甲、乙）.
bool names_people(const Piece &p, const Lexicon &lex) {
  const std::optional<std::string_view> inner = bracketed(trim(p.text));
  if (!inner || !has_role_word(*inner, lex)) return false;
  for (const Byline &b : parse_byline_lenient(*inner, lex))
    if (b.role != BylineRole::None && !b.name.empty()) return true;
  return false;
}

// Does the draft open with a sidebar's label, read as a box of its own or
// as the headline of an item with no credit?
bool sidebar_opens(const Draft &d, const Assembly &a, const Lexicon &lex) {
  if (d.all.empty()) return false;
  const size_t first = d.all.front();
  const Piece &label = a.pieces[first];
  if (!label.first_in_line || !label.last_in_line || !is_sidebar_label(label.text, lex)) return false;
  if (!d.furniture.empty()) return d.furniture.size() == 1 && d.all.size() == 1;  // the label read as a box
  // A line the decoder read as a byline that classify could not read as one
  // (the reading's title) is no credit.
  for (size_t b : d.bylines)
    if (a.classes[b].type == PieceType::Byline) return false;
  return d.kind_hint == Kind::News && !d.headline.empty() && d.headline.front() == first && d.credits.empty() &&
         d.notes.empty();
}

// A reading with its text and no credit of its own (a byline the decoder
// read that classify does not is none).
bool plain_reading(const Draft &d, const Assembly &a) {
  return d.kind_hint == Kind::News && d.furniture.empty() && d.bylines.empty() && d.credits.empty() &&
         d.notes.empty() && !d.body.empty() && a.classes[d.body.front()].type != PieceType::Dateline;
}

}  // namespace

bool joins_as_section(Draft &story, const Draft &d, const Assembly &a) {
  if (story.kind_hint != Kind::News || d.kind_hint != Kind::News || !story.furniture.empty() || !d.furniture.empty() ||
      !headline_leads(story) || !story.credits.empty() || !story.endnotes.empty() || !story.notes.empty() ||
      story.all.back() != story.body.back() || !section_heads(d, a) || !headline_leads(d) || !d.bylines.empty() ||
      !d.notes.empty() || !d.credits.empty() || !d.endnotes.empty() || d.all.front() != d.headline.front() ||
      d.all.front() != story.all.back() + 1)
    return false;
  const bool credited = !story.bylines.empty() || a.classes[story.body.front()].type == PieceType::Dateline;
  if (!credited || a.classes[d.body.front()].type == PieceType::Dateline ||
      !ends_sentence(a.pieces[story.body.back()].text))
    return false;
  if (!cps_and_sentences_of_section(d, a)) return false;
  append_as_text(story, d);
  return true;
}

bool joins_as_section_above_subhead(Draft &story, const Draft &d, const Assembly &a) {
  if (story.kind_hint != Kind::News || d.kind_hint != Kind::News || !story.furniture.empty() || !d.furniture.empty() ||
      !closed_by_headline(story) || !section_heads(story, a) || !story.credits.empty() || !story.notes.empty() ||
      !story.endnotes.empty() || !closed_by_headline(d) || !d.bylines.empty() || !d.credits.empty() ||
      !d.notes.empty() || !d.endnotes.empty() || d.all.front() != story.all.back() + 1)
    return false;
  const bool credited = (!story.bylines.empty() && story.bylines.front() < story.body.front()) ||
                        a.classes[story.body.front()].type == PieceType::Dateline;
  for (size_t sub : story.headline)
    if (!a.pieces[sub].first_in_line || !a.pieces[sub].last_in_line) return false;
  if (!credited || a.classes[d.body.front()].type == PieceType::Dateline || !cps_and_sentences_of_section(d, a))
    return false;
  story.body.insert(story.body.end(), story.headline.begin(), story.headline.end());
  absorb_text(story, d);
  story.headline = d.headline;
  return true;
}

constexpr size_t k_owed_heads = 2;
bool joins_as_owed_section(Draft &story, Draft &d, const Assembly &a, const Lexicon &lex,
                           std::vector<Draft> &boxes) {
  if (story.kind_hint != Kind::News || d.kind_hint != Kind::News || !story.furniture.empty() || !d.furniture.empty() ||
      !headline_leads(story) || !credit_names_nobody(story, a) || !story.credits.empty() || !story.endnotes.empty() ||
      !story.notes.empty() || story.all.back() != story.body.back() || d.headline.size() > k_owed_heads ||
      !headline_leads(d) || !d.bylines.empty() || !d.notes.empty() ||
      !d.credits.empty() || d.endnotes.empty() || d.all.front() != story.all.back() + 1)
    return false;
  if (a.classes[story.body.front()].type == PieceType::Dateline ||
      a.classes[d.body.front()].type == PieceType::Dateline ||
      !has_subhead(story, a))
    return false;
  if (!names_people(a.pieces[d.endnotes.front()], lex)) return false;
  if (d.headline.size() == 2 && a.pieces[d.headline[0]].blanks_before > 0 &&
      a.pieces[d.headline[1]].blanks_before == 0) {
    // A section has one subhead: the line set apart above it is something
    // the extractor printed there (a photo's title), a box of its own.
    Draft box;
    box.kind_hint = Kind::Other;
    box.furniture = {d.headline[0]};
    box.all = box.furniture;
    box.confidence = d.confidence;
    drop_piece(d.all, d.headline[0]);
    d.headline.erase(d.headline.begin());
    boxes.push_back(std::move(box));
    story.box_inside = true;
  }
  append_as_text(story, d);
  return true;
}

size_t takes_sidebar(Draft &story, std::vector<Draft> &drafts, size_t x, const Assembly &a, const Lexicon &lex) {
  if (story.kind_hint != Kind::News || !story.furniture.empty() || story.body.empty() || x >= drafts.size())
    return 0;
  Draft &d = drafts[x];
  if (d.all.empty() || d.all.front() != story.all.back() + 1) return 0;
  // The label in the story's closing headline, the reading's text the next
  // item's, which the story's own headline closes.
  const auto label = std::find_if(story.headline.begin(), story.headline.end(), [&](size_t h) {
    return h > story.body.back() && a.pieces[h].first_in_line && a.pieces[h].last_in_line &&
           is_sidebar_label(a.pieces[h].text, lex);
  });
  if (label != story.headline.end()) {
    if (!plain_reading(d, a) || d.headline.empty() || d.headline.front() < d.body.back()) return 0;
    story.body.insert(story.body.end(), label, story.headline.end());
    story.headline.erase(label, story.headline.end());
    absorb_text(story, d);
    story.headline.insert(story.headline.end(), d.headline.begin(), d.headline.end());
    return 1;
  }
  if (!sidebar_opens(d, a, lex)) return 0;
  if (d.furniture.empty()) {
    Draft reading = d;  // its lines read as a byline are text too, in page order
    reading.body.insert(reading.body.end(), reading.bylines.begin(), reading.bylines.end());
    std::sort(reading.body.begin(), reading.body.end());
    append_as_text(story, reading);
    return 1;
  }
  // The label read as a box: it and the reading after it.
  story.body.push_back(d.furniture.front());
  story.all.push_back(d.furniture.front());
  if (x + 1 < drafts.size() && plain_reading(drafts[x + 1], a) && headline_leads(drafts[x + 1]) &&
      drafts[x + 1].all.front() == d.all.front() + 1) {
    append_as_text(story, drafts[x + 1]);
    return 2;
  }
  return 1;
}

std::optional<Draft> editors_line_under_text(Draft &story, Draft &d, const Assembly &a) {
  if (story.kind_hint != Kind::News || !story.furniture.empty() || story.body.empty() ||
      story.all.back() != story.body.back() || d.kind_hint != Kind::News || !d.headline.empty() || d.credits.empty() ||
      d.body.empty() || !d.bylines.empty() || !d.notes.empty() || !d.furniture.empty() || !d.endnotes.empty() ||
      d.all.front() != story.all.back() + 1 || d.credits.front() < d.body.back())
    return std::nullopt;
  for (size_t k : d.credits)
    if (!editors_only(a.classes[k])) return std::nullopt;
  story.body.insert(story.body.end(), d.body.begin(), d.body.end());
  story.all.insert(story.all.end(), d.body.begin(), d.body.end());
  story.confidence = std::min(story.confidence, d.confidence);
  Draft editors;
  editors.kind_hint = Kind::Other;
  editors.bylines = d.credits;
  editors.all = d.credits;
  editors.confidence = d.confidence;
  return editors;
}

bool joins_as_story_photo(Draft &story, const Draft &d, const Assembly &a, const Lexicon &lex) {
  if (story.kind_hint != Kind::News || !story.furniture.empty() || story.body.empty() ||
      story.all.back() != story.body.back() || d.kind_hint != Kind::News || !d.headline.empty() || d.credits.empty() ||
      d.body.empty() || !d.bylines.empty() || !d.notes.empty() || !d.furniture.empty() ||
      d.all.front() != story.all.back() + 1 || !opens_story_caption(a.pieces[d.body.front()].text, lex))
    return false;
  absorb_text(story, d);
  story.credits.insert(story.credits.end(), d.credits.begin(), d.credits.end());
  return true;
}

}  // namespace bm::detail
