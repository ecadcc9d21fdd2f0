#include "core/assemble/assemble.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "core/blocks/dedupe.h"
#include "core/blocks/furniture.h"
#include "core/classify/cues.h"
#include "core/segment/decoder.h"
#include "core/segment/features.h"
#include "core/classify/byline.h"
#include "core/classify/classify.h"
#include "core/common/punct.h"
#include "core/common/utf8.h"
#include "core/lexicon/lexicon.h"
#include "core/normalize/inline_text.h"

namespace bm::detail {

namespace {

// A hard-wrapped line that runs to its column's edge (as layout/ measures
// the column): the text goes on on the next line. In a narrow column (a few
// characters a line) a headline line is as wide as the text's: fullness
// tells them apart only in a column at least k_min_column_cells wide.
constexpr int k_full_line_slack_cells = 2;
constexpr int k_min_column_cells = 20;
// A hard-wrapped column wide enough for its line widths to tell a short
// line (a headline's, a paragraph's last) from a full one.
bool wide_column(const Piece &p, const LayoutInfo &layout) {
  return layout.layout == Layout::HardWrapped && p.line < layout.column.size() &&
         layout.column[p.line] >= k_min_column_cells;
}
bool full_line(const Piece &p, const LayoutInfo &layout) {
  return wide_column(p, layout) && p.width >= layout.column[p.line] - k_full_line_slack_cells;
}

// Does the draft open with its headline, every headline line before its
// text (and both present)?
bool headline_leads(const Draft &d) {
  return !d.headline.empty() && !d.body.empty() && d.headline.back() < d.body.front();
}

// A masthead item is a name: a header line longer than this is a box.
constexpr size_t k_masthead_item_max_cps = 12;

bool editors_only(const PieceClass &c) {
  if (c.people.empty()) return false;
  for (const Byline &b : c.people)
    if (b.role != BylineRole::Editor) return false;
  return true;
}

// Is one of the pieces a public-service ad's signature (市生态环境局 宣)?
bool signed_by_sponsor(const std::vector<Piece> &pieces, const std::vector<size_t> &box, const Lexicon &lex) {
  return std::any_of(box.begin(), box.end(), [&](size_t k) { return is_sponsor_line(pieces[k].text, lex); });
}

// A box's kind, from the cues of all its lines together.
Kind box_kind(const std::vector<Piece> &pieces, const std::vector<size_t> &box, const Lexicon &lex) {
  std::string all;
  for (size_t k : box) {
    all += pieces[k].text;
    all += '\n';
  }
  if (weather_box(all, lex)) return Kind::Weather;
  if (ad_evidence(all, lex) >= 1 || has_cue(all, lex, Cue::ad_strong) || signed_by_sponsor(pieces, box, lex))
    return Kind::Ad;
  return Kind::Other;
}

// Does a lenient reading of the text give someone a role and a name
// (本报记者 亓玉昆, a surname the list may not know)?
bool names_with_role(std::string_view text, const Lexicon &lex) {
  for (const Byline &b : parse_byline_lenient(text, lex))
    if (b.role != BylineRole::None && b.role != BylineRole::Editor && !b.name.empty()) return true;
  return false;
}

class DraftBuilder {
 public:
  DraftBuilder(Assembly &a, const Lexicon &lex) : a_(a), lex_(lex) {}

  void run() {
    count_headline_orders();
    for (size_t k = 0; k < a_.pieces.size(); ++k) {
      const State s = a_.states[k];
      if (s == State::Header) {
        header(k);
        continue;
      }
      const bool continues_carried = carried_headline_ && opens_item(s) && s != State::HeadStart;
      if (opens_item(s)) carried_headline_ = false;
      // A closing headline that is the next item's (leads_next_item) opens a
      // draft of its own, which the next item's first piece continues.
      const bool leads_next = s == State::HeadAfter && leads_next_item(k);
      if ((opens_item(s) && !continues_carried) || leads_next || !cur_ || dateline_opens_item(k)) {
        close();
        cur_ = Draft{};
        carried_headline_ = leads_next;
      }
      Draft &d = *cur_;
      d.all.push_back(k);
      switch (role_of(s)) {
        case Role::Box: d.furniture.push_back(k); break;
        case Role::Headline:
          if (s == State::HeadAfter && !leads_next) split_leading_headline();
          d.headline.push_back(k);
          break;
        case Role::Byline: d.bylines.push_back(k); break;
        case Role::Note: d.notes.push_back(k); break;
        case Role::Body:
        case Role::Caption: d.body.push_back(k); break;
        case Role::Credit:
          // A credit names someone: a line with no role word that classify
          // could not read as names (a short title after a caption) is the
          // item's closing headline.
          if (a_.classes[k].type != PieceType::Byline && !lex_.has_role_word(a_.pieces[k].text))
            d.headline.push_back(k);
          else
            d.credits.push_back(k);
          break;
        case Role::EndNote: d.endnotes.push_back(k); break;
        case Role::Header: break;
      }
    }
    close();
  }

 private:
  // A dateline opens a story's text: one that the decoder read inside a
  // story's body, opening a line set off by a blank line after a sentence
  // ended (本报讯 （记者 X）… under the text of the item beside it, as an
  // extractor that reads across columns gives it), opens an item.
  bool dateline_opens_item(size_t k) const {
    const Piece &p = a_.pieces[k];
    if (!cur_ || cur_->body.empty() || !cur_->furniture.empty() || role_of(a_.states[k]) != Role::Body ||
        a_.classes[k].type != PieceType::Dateline || !p.first_in_line || p.blanks_before == 0)
      return false;
    const Piece &before = a_.pieces[cur_->body.back()];
    return cur_->body.back() + 1 == k && before.last_in_line && ends_sentence(before.text);
  }

  // A piece the decoder read as the page's header. The masthead holds names
  // (the paper, its sites, the edition); a byline there opens the item under
  // it or lost its story; a longer line (a forecast, a notice) is a box. A piece that lost repeated
  // text after it is never a masthead name: its item must carry the
  // duplicate_text_removed flag.
  void header(size_t k) {
    const Piece &p = a_.pieces[k];
    const bool edition = is_edition_line(p.text, lex_);
    const bool masthead_words = edition || is_masthead_line(p.text, lex_) || is_furniture_line(p.text, lex_);
    // A byline straight over an item that opens with its text opens that
    // item (a page printed byline -> text -> headline); names the surname
    // list may not know are read leniently, and must come with a role.
    const bool byline = !p.duplicate_cut && !masthead_words &&
                        (a_.classes[k].type == PieceType::Byline ||
                         (lex_.has_long_role_word(p.text) && names_with_role(p.text, lex_)));
    if (byline && k + 1 < a_.states.size() && a_.states[k + 1] == State::BodyStart && !editors_only(a_.classes[k]) &&
        !opens_with_page_credit(p.text, lex_)) {
      close();
      cur_ = Draft{};
      cur_->all.push_back(k);
      cur_->bylines.push_back(k);
      carried_headline_ = true;
      return;
    }
    if (!p.duplicate_cut && a_.classes[k].type == PieceType::Byline && !masthead_words) {
      close();
      cur_ = Draft{};
      cur_->all.push_back(k);
      cur_->bylines.push_back(k);
      close();
      return;
    }
    if (!p.duplicate_cut && (masthead_words || cp_count(p.text) <= k_masthead_item_max_cps)) {
      close();
      (edition ? a_.edition : a_.masthead).push_back(k);
      return;
    }
    if (!cur_ || cur_->furniture.empty() || p.blanks_before > 0) {
      close();
      cur_ = Draft{};
    }
    cur_->all.push_back(k);
    cur_->furniture.push_back(k);
  }

  // How the page's items place their headlines: items with a headline after
  // their text and none before (a page printed byline -> body -> headline),
  // and items that open with a headline and have none after.
  void count_headline_orders() {
    bool opened_by_head = false, has_after = false, any = false;
    auto end_item = [&] {
      if (any && has_after && !opened_by_head) ++head_after_items_;
      if (any && opened_by_head && !has_after) ++head_before_items_;
    };
    for (size_t k = 0; k < a_.states.size(); ++k) {
      const State s = a_.states[k];
      if (s == State::Header) continue;
      if (opens_item(s) || !any) {
        end_item();
        opened_by_head = s == State::HeadStart;
        has_after = false;
        any = true;
      }
      has_after = has_after || s == State::HeadAfter;
    }
    end_item();
  }

  // An item can carry a headline before its text or after it, not both: on a
  // page whose items put their headlines after their text, headline lines
  // read before an item's text are a box of their own (a promotion, a slogan
  // set over the story: 更多报道请见客户端 / 敬请关注), and the item keeps the
  // headline after its text. On a page of the other order nothing moves.
  void split_leading_headline() {
    Draft &d = *cur_;
    if (!headline_leads(d) || head_after_items_ <= head_before_items_) return;
    // the box goes before the item: only where the headline lines are the
    // item's first pieces (a note over them, or a byline between them, would
    // otherwise stand before the box or inside it)
    if (d.all.size() < d.headline.size() || !std::equal(d.headline.begin(), d.headline.end(), d.all.begin())) return;
    Draft box;
    box.furniture = d.headline;
    box.all = d.headline;
    box.kind_hint = box_kind(a_.pieces, box.furniture, lex_);
    box.confidence = confidence_of(box.all);
    d.all.erase(d.all.begin(), d.all.begin() + static_cast<std::ptrdiff_t>(d.headline.size()));
    d.headline.clear();
    a_.drafts.push_back(std::move(box));
  }

  // An item can carry a headline before its text or after it, not both: on a
  // page whose items open with their headlines (or as many of them as
  // put theirs after), headline lines read after an item's text that had its
  // own headline are the headline of the item after it, when that item opens
  // without one (with its text, byline or note) and has none after its text.
  // `k` is the first piece of such a run.
  bool leads_next_item(size_t k) const {
    if (a_.states[k - 1] == State::HeadAfter) return false;  // the run's first piece decides
    if (!cur_ || !headline_leads(*cur_) || head_before_items_ < head_after_items_) return false;
    size_t j = k;
    while (j < a_.states.size() && a_.states[j] == State::HeadAfter) ++j;
    if (j == a_.states.size()) return false;
    const State next = a_.states[j];
    if (next != State::BodyStart && next != State::BylineStart && next != State::NoteStart &&
        next != State::CaptionStart)
      return false;
    // the item after has no headline after its own text either (else the
    // page reads byline -> body -> headline, and this run is the item's own)
    for (size_t i = j + 1; i < a_.states.size() && !opens_item(a_.states[i]); ++i)
      if (a_.states[i] == State::HeadAfter) return false;
    return true;
  }

  // Boxes that stand one under another read as one box to the decoder;
  // where a block carries its own evidence of another kind (a QR prompt,
  // then an ad, then a forecast) it is a box of its own. Blocks are parted
  // by blank lines, and where an extractor gives none, by the lines that end
  // or open a box whatever follows: a sponsor's signature closes its ad, the
  // page's credit line (本版责编：X) stands alone.
  void split_boxes() {
    Draft &d = *cur_;
    std::vector<std::vector<size_t>> blocks;
    for (size_t k : d.furniture) {
      const bool after_signature = !blocks.empty() && is_sponsor_line(a_.pieces[blocks.back().back()].text, lex_);
      if (blocks.empty() || a_.pieces[k].blanks_before > 0 || after_signature || is_page_credit(k)) blocks.emplace_back();
      blocks.back().push_back(k);
    }
    std::vector<std::optional<Kind>> kinds;
    for (const auto &b : blocks) kinds.push_back(evident_kind(b));
    std::vector<std::pair<Kind, std::vector<size_t>>> boxes;  // kind, pieces
    std::optional<Kind> open_kind;
    for (size_t i = 0; i < blocks.size(); ++i) {
      const bool new_box = boxes.empty() || (kinds[i] && open_kind && *kinds[i] != *open_kind);
      if (new_box) boxes.push_back({Kind::Other, {}});
      if (kinds[i]) open_kind = kinds[i];
      boxes.back().second.insert(boxes.back().second.end(), blocks[i].begin(), blocks[i].end());
    }
    if (boxes.size() <= 1) {
      d.kind_hint = box_kind(a_.pieces, d.furniture, lex_);
      return;
    }
    const double confidence = confidence_of(d.all);
    for (auto &[kind, pieces] : boxes) {
      Draft b;
      b.furniture = pieces;
      b.all = pieces;
      b.kind_hint = box_kind(a_.pieces, pieces, lex_);
      b.confidence = confidence;
      a_.drafts.push_back(std::move(b));
    }
    cur_.reset();
  }

  bool is_page_credit(size_t k) const { return opens_with_page_credit(a_.pieces[k].text, lex_); }

  // The kind a block shows by itself, or nothing when it shows none.
  std::optional<Kind> evident_kind(const std::vector<size_t> &block) const {
    if (is_page_credit(block.front())) return Kind::Other;
    if (signed_by_sponsor(a_.pieces, block, lex_)) return Kind::Ad;
    std::string all;
    for (size_t k : block) {
      all += a_.pieces[k].text;
      all += '\n';
    }
    if (weather_box(all, lex_)) return Kind::Weather;
    if (ad_evidence(all, lex_) >= 2) return Kind::Ad;
    if (has_cue(all, lex_, Cue::other)) return Kind::Other;
    return std::nullopt;
  }

  // The geometric mean of the pieces' probabilities.
  double confidence_of(const std::vector<size_t> &pieces) const {
    double log_sum = 0;
    for (size_t k : pieces) log_sum += std::log(std::max(a_.probability[k], 1e-9));
    return pieces.empty() ? 1.0 : std::exp(log_sum / static_cast<double>(pieces.size()));
  }

  void close() {
    if (!cur_) return;
    std::optional<Draft> text = cut_running_text();
    std::optional<Draft> box = cut_box_after_credit();
    close_item();
    if (box) a_.drafts.push_back(std::move(*box));
    if (text) {
      text->confidence = confidence_of(text->all);
      a_.drafts.push_back(std::move(*text));
    }
  }

  // A box's last blank-separated block that reads as running text, not as a
  // box (a story's paragraph that a PDF extractor printed after a box inside
  // the story: several lines, the first a full column line with a clause
  // mark inside, the last ending a sentence, and no ad, weather or other cue
  // of its own) is cut off as an item of text; build_drafts gives it to its
  // story. The box keeps its other blocks.
  std::optional<Draft> cut_running_text() {
    Draft &d = *cur_;
    if (d.furniture.empty() || d.furniture.size() != d.all.size()) return std::nullopt;
    size_t start = d.furniture.size() - 1;
    while (start > 0 && a_.pieces[d.furniture[start]].blanks_before == 0) --start;
    if (start == 0) return std::nullopt;  // one block: the box itself
    const std::vector<size_t> block(d.furniture.begin() + static_cast<std::ptrdiff_t>(start), d.furniture.end());
    const Piece &first = a_.pieces[block.front()];
    if (block.size() < 2 || !full_line(first, a_.layout) || !has_inner_clause_mark(first.text) ||
        !ends_sentence(a_.pieces[block.back()].text) || evident_kind(block))
      return std::nullopt;
    for (size_t k : block)
      if (a_.classes[k].type == PieceType::Byline || a_.classes[k].type == PieceType::Dateline) return std::nullopt;
    Draft text;
    text.body = block;
    text.all = block;
    d.furniture.resize(start);
    d.all.resize(start);
    return text;
  }

  // Lines read as a photo's closing title, after its credit, that are signed
  // by a sponsor are a public-service ad set under the photo (its slogan,
  // then 市生态环境局 宣): they become a box of their own, after the photo.
  std::optional<Draft> cut_box_after_credit() {
    Draft &d = *cur_;
    if (d.credits.empty() || d.headline.empty() || !d.furniture.empty() || d.headline.front() < d.credits.back() ||
        !signed_by_sponsor(a_.pieces, d.headline, lex_))
      return std::nullopt;
    Draft box;
    box.furniture = d.headline;
    box.all = d.headline;
    box.kind_hint = box_kind(a_.pieces, box.furniture, lex_);
    box.confidence = confidence_of(box.all);
    d.all.erase(std::remove_if(d.all.begin(), d.all.end(),
                               [&](size_t k) { return std::binary_search(box.all.begin(), box.all.end(), k); }),
                d.all.end());
    d.headline.clear();
    return box;
  }

  void close_item() {
    if (!cur_->furniture.empty()) {
      split_boxes();
      if (!cur_) return;
    }
    Draft &d = *cur_;
    // A byline with nothing of a story after it: the page's editor line
    // (责任编辑 X) stands alone; any other byline lost its story.
    const bool lone_byline = !d.bylines.empty() && d.body.empty() && d.headline.empty() && d.notes.empty();
    if (lone_byline) {
      bool editors = true;
      for (size_t k : d.bylines) editors = editors && editors_only(a_.classes[k]);
      d.kind_hint = Kind::Other;
      d.unattached_byline = !editors;
    }
    d.confidence = confidence_of(d.all);  // the item's confidence
    a_.drafts.push_back(std::move(d));
    cur_.reset();
  }

  Assembly &a_;
  const Lexicon &lex_;
  std::optional<Draft> cur_;
  size_t head_after_items_ = 0;   // count_headline_orders()
  size_t head_before_items_ = 0;
  bool carried_headline_ = false;  // cur_ is a headline (or a byline) that the next item's first piece continues
};

}  // namespace

bool opens_headline_block(const Draft &d, size_t i, const std::vector<Piece> &pieces) {
  const Piece &p = pieces[d.headline[i]];
  return i == 0 || p.blanks_before > 0 || !p.first_in_line;
}

Assembly assemble_page(std::string_view text, const std::vector<Line> &lines, const Lexicon &lex,
                       const SegmentModel &model) {
  Assembly a;
  a.layout = detect_layout(text, lines);
  std::vector<Piece> pieces = split_pieces(text, lines, lex, a.edits);
  remove_repeats(pieces, a.edits);
  lift_page_furniture(pieces, lex);
  Classified classified = classify_pieces(std::move(pieces), lex, a.edits);
  const Reading r = decode_page(compute_features(classified.pieces, classified.classes, a.layout, lex), model);
  a.pieces = std::move(classified.pieces);
  a.classes = std::move(classified.classes);
  a.states = r.states;
  a.probability = r.probability;
  build_drafts(a, lex);
  return a;
}

namespace {

// Is `c` the rest of story `a`, the story's text resumed after a box that a
// PDF extractor printed inside it (今日天气 / 多云 / … between two lines of one
// sentence)? The box's lines are read as a box of their own or as the
// story's closing notes (`boxes_between`: how many box items stand between
// the two); what follows is read as a new item whose "headline" is a full
// column line of running text. All of these hold:
//  - a box between: box items, or lines after the story's last text line
//    read as its closing notes (a story that ends in the middle of a
//    sentence has no closing note of its own);
//  - `a` is a story with no headline after its text;
//  - `c` opens with its text, or with one headline line that runs on into
//    its body on the next line (no blank between); that first line is full
//    and ends no sentence; and `c` has nothing else of an item's opening: no
//    byline, note, dateline line, closing headline or photo credit (its
//    closing notes become the story's);
//  - the story's last line is full and ends no sentence (it broke off in a
//    sentence), or it ends one and `c`'s line has a clause mark inside
//    (running text, the story's next paragraph).
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
  const bool mid_sentence = last.last_in_line && full_line(last, as.layout) && !ends_sentence(last.text);
  if (!mid_sentence && !(ends_sentence(last.text) && has_inner_clause_mark(head.text))) return false;
  return as.classes[h].type != PieceType::Dateline && as.classes[b].type != PieceType::Dateline;
}

// `d`'s headline and text go on as `story`'s text (a story resumed after a
// box, its next section): its pieces, closing notes and confidence join.
void append_as_text(Draft &story, const Draft &d) {
  story.body.insert(story.body.end(), d.headline.begin(), d.headline.end());
  story.body.insert(story.body.end(), d.body.begin(), d.body.end());
  story.endnotes.insert(story.endnotes.end(), d.endnotes.begin(), d.endnotes.end());
  story.all.insert(story.all.end(), d.all.begin(), d.all.end());
  story.confidence = std::min(story.confidence, d.confidence);
}

// A headline line the column's width cut, whose last character or two open
// the next item (城南老旧小区加装电梯惠及三百余 / 户 / 记者 X / text): the
// decoder read the long line as the closing headline of the item before.
// The two lines are one headline, and it is the item's that holds the rest.
// Moves the line from `prev` to `next` when so.
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

// A line that ends in a dash (巴西、保加利亚——) leads into the line under it:
// a kicker into its title, a section's kicker into its subhead. Where the
// decoder closed an item with it (as its last text line or headline line,
// or as an item of its own) and the next item opens with its headline
// straight under it, the line is that headline's first. Returns whether the
// line moved; `prev` may be left empty.
bool ends_in_dash(std::string_view text) {
  const std::string_view t = trim(text);
  size_t end = t.size();
  return !t.empty() && prev_cp(t, end) == 0x2014;
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
  auto drop = [k](std::vector<size_t> &v) { v.erase(std::remove(v.begin(), v.end(), k), v.end()); };
  drop(prev.headline);
  drop(prev.body);
  drop(prev.endnotes);
  prev.all.pop_back();
  next.headline.insert(next.headline.begin(), k);
  next.all.insert(next.all.begin(), k);
  return true;
}

// Words that make a line a box's (an ad's, a notice's): a weather word
// (级, 以上) stands in running text as well.
bool box_words(CueSet cues) { return cues.has(Cue::ad) || cues.has(Cue::ad_strong) || cues.has(Cue::other); }

// A full line of a hard-wrapped column that ends no sentence, read as an
// item of its own (a headline with nothing under it, or a box with no box
// cue in it that is no page furniture: a folio line runs the column's width
// too), straight over the next item's first text line (no blank line
// between): it is that text's first line (a section's first line under its
// subhead, which the decoder took for something between two items).
// Returns whether the line moved; `lone` is left empty.
bool lone_line_runs_on(Draft &lone, Draft &next, const Assembly &a, const Lexicon &lex) {
  if (lone.all.size() != 1 || next.body.empty() || !next.furniture.empty()) return false;
  const bool as_box = lone.furniture.size() == 1 && lone.kind_hint == Kind::Other &&
                      (a.states[lone.all.front()] == State::BoxStart || a.states[lone.all.front()] == State::HeadStart) &&
                      !is_furniture_line(a.pieces[lone.all.front()].text, lex) &&
                      !is_masthead_line(a.pieces[lone.all.front()].text, lex);
  const bool as_headline = lone.furniture.empty() && lone.headline.size() == 1;
  if (!as_box && !as_headline) return false;
  const size_t k = lone.all.front();
  const Piece &p = a.pieces[k];
  if (next.all.front() != k + 1 || next.body.front() != k + 1 || a.pieces[k + 1].blanks_before > 0 ||
      !p.last_in_line || !full_line(p, a.layout) || ends_sentence(p.text) || box_words(a.classes[k].cues) ||
      (a.classes[k].type != PieceType::Body && a.classes[k].type != PieceType::Headline))
    return false;
  lone.furniture.clear();
  lone.headline.clear();
  lone.all.clear();
  next.body.insert(next.body.begin(), k);
  next.all.insert(next.all.begin(), k);
  return true;
}

// The same inside an item whose headline closes it: its first text line, a
// full line that ends no sentence, read as an opening headline over the
// rest of its text (no blank line between). The line is text. Returns
// whether it moved.
bool first_line_read_as_headline(Draft &d, const Assembly &a) {
  if (d.headline.size() < 2 || d.body.empty() || d.headline.front() != d.all.front() ||
      d.headline.back() < d.body.back())
    return false;
  const size_t k = d.headline.front();
  const Piece &p = a.pieces[k];
  if (d.headline[1] < d.body.front() || d.body.front() != k + 1 || a.pieces[k + 1].blanks_before > 0 ||
      !p.last_in_line || !full_line(p, a.layout) || ends_sentence(p.text) || box_words(a.classes[k].cues))
    return false;
  d.headline.erase(d.headline.begin());
  d.body.insert(d.body.begin(), k);
  return true;
}

bool ends_on_subhead(const Piece &p, const PieceClass &c) {
  return p.first_in_line && p.last_in_line && p.blanks_before == 0 && c.headline_shaped && !ends_sentence(p.text) &&
         c.cues.bits == 0;
}

// A story's title and byline that a PDF extractor printed inside its text.
// A story set under a headline that spans the columns, with its title and
// byline in a box in the first column, comes out as the headline, the first
// column's text, then the title and the byline, then the rest of the text:
// the decoder reads a new item at the title. The story before it gives it
// away by ending on a subhead (a headline-shaped line that ends no
// sentence, straight under the column's text with no blank line between,
// read as its last text line, as its closing headline or as a box of its
// own): no story ends on a subhead, whose section is still to come (a line
// set off by a blank line may as well be the next item's kicker). So where
// a story that opens with its headline and has no byline ends so, and the
// next item opens with one headline line and a byline that names a role,
// that item is the story's title, byline and rest. `x` is the first draft
// after the story; returns how many drafts (a subhead box and the item) it
// took in.
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

// A group of photos under one title: the title, a lead that says what the
// photos show (`元旦假期，许多行业的劳动者坚守岗位。`), then the captions, each
// opening with the day it was taken (`1月2日，…`) and closing with its
// credit. Where the page sets no blank line between them the decoder may read
// the title, the lead and the first caption as one photo item. The lead is a
// story of its own, with the title: it is cut off at the first caption that
// opens a line with a day after a line that ends a sentence (the lead itself
// opens with no day: a caption under its own title opens with one). Returns
// the lead's draft, the caption keeps the rest.
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

// A short item set under a story with only a blank line between, read as
// the story's last block: a title (a whole line shaped as a headline, ending
// no sentence, with no box cue) straight over a line or two of text that end
// a sentence, after the story's text ended one, and nothing after it before
// the next blank line or item (坚守岗位 / 元旦假期，…。 under a story, as an
// extractor that reads across columns gives a photo group's lead). A subhead
// at the top of a column has the rest of its section under it; only at the
// story's end is the block this short. The title is a short line of a wide
// column (at most three quarters of it: an indented paragraph's first line
// is nearly full; in a narrow column any line may be short) with no clause
// mark inside. Returns the item cut from `story`.
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

// A story's section read as a story of its own. A story carries its
// credit (a byline or a dateline) under its headline; a section of one
// carries none, only its subhead and text. Where an item that opens with
// one headline line and runs on with text of its own (two sentences at
// least: a photo group's lead is one) has no byline, dateline, note, credit
// or closing note (an author's, a commentary's), and follows straight on a
// story that opened with its headline and its credit and closed with no end
// note, it is that story's next section: the subhead and text join the
// story. Returns whether it joined.
// A section's head: its subhead, or a kicker that ends in a dash over it.
bool section_heads(const Draft &d, const Assembly &a) {
  return d.headline.size() == 1 || (d.headline.size() == 2 && ends_in_dash(a.pieces[d.headline[0]].text));
}

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

// The same on a page whose headlines follow their text: a story opens with
// its credit (a byline, a dateline) and its sections each end above the
// next one's subhead, so the decoder reads each subhead as the closing
// headline of the text above it, and each section as an item of its own
// whose headline is the next subhead (the last one's, the story's title).
// Where an item with no credit of any kind, two sentences (80 characters)
// of text at least and a closing headline follows straight on a credited
// story closed by one headline line (or a kicker that ends in a dash over
// it), that line is the story's subhead and the item its next section: its
// text and closing headline join.
bool closed_by_headline(const Draft &d) {
  return !d.headline.empty() && !d.body.empty() && d.headline.front() > d.body.back() && d.all.back() == d.headline.back();
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
  story.body.insert(story.body.end(), d.body.begin(), d.body.end());
  story.headline = d.headline;
  story.all.insert(story.all.end(), d.all.begin(), d.all.end());
  story.confidence = std::min(story.confidence, d.confidence);
  return true;
}

// A report credited by role alone (本报记者 under its headline, no name)
// gives the names at its end, in brackets under its last section:
// （本报记者 甲、乙）. Where the decoder reads that last section as an item of
// its own (its subhead as a headline, often after a photo's title that the
// extractor printed between), the item opens with no credit of its own and
// closes with the names the report still owes. All of these hold: the story
// opens with its headline and a credit that names nobody, and has no
// closing notes or dateline; its text has a subhead of its own (a report in
// sections, not a story with one brief under it); the item follows straight
// on, opens with at most k_owed_heads headline lines and runs on with its
// text, with no byline, dateline, note or credit, and its first closing note
// is a credit that names people. Returns whether the item joined.
constexpr size_t k_owed_heads = 2;

bool credit_names_nobody(const Draft &d, const Assembly &a) {
  if (d.bylines.empty()) return false;
  for (size_t k : d.bylines)
    for (const Byline &b : a.classes[k].people)
      if (!b.name.empty()) return false;
  return true;
}

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

bool joins_as_owed_section(Draft &story, Draft &d, const Assembly &a, const Lexicon &lex, std::vector<Draft> &boxes) {
  if (story.kind_hint != Kind::News || d.kind_hint != Kind::News || !story.furniture.empty() || !d.furniture.empty() ||
      !headline_leads(story) || !credit_names_nobody(story, a) || !story.credits.empty() || !story.endnotes.empty() ||
      !story.notes.empty() || story.body.empty() || story.all.back() != story.body.back() || d.headline.empty() ||
      d.headline.size() > k_owed_heads || !headline_leads(d) || !d.bylines.empty() || !d.notes.empty() ||
      !d.credits.empty() || d.endnotes.empty() || d.all.front() != story.all.back() + 1)
    return false;
  if (a.classes[story.body.front()].type == PieceType::Dateline || a.classes[d.body.front()].type == PieceType::Dateline ||
      !has_subhead(story, a))
    return false;
  if (!names_people(a.pieces[d.endnotes.front()], lex)) return false;
  if (d.headline.size() == 2 && a.pieces[d.headline[0]].blanks_before > 0 && a.pieces[d.headline[1]].blanks_before == 0) {
    // A section has one subhead: the line set apart above it is something
    // the extractor printed there (a photo's title), a box of its own.
    Draft box;
    box.kind_hint = Kind::Other;
    box.furniture = {d.headline[0]};
    box.all = box.furniture;
    box.confidence = d.confidence;
    d.all.erase(std::remove(d.all.begin(), d.all.end(), d.headline[0]), d.all.end());
    d.headline.erase(d.headline.begin());
    boxes.push_back(std::move(box));
    story.box_inside = true;
  }
  append_as_text(story, d);
  return true;
}

// A story's sidebar (延伸阅读, 相关链接: a label of [story.sidebar] on a line
// of its own, then the reading's title and text, set in a box inside the
// story or under it) is the story's text. The decoder may read the label as
// a box or as a new item's headline (a story that opens with its headline),
// or with the title as the story's closing headline and the reading's text
// as the next item's, the story's own headline closing that (a story whose
// headline follows its text). `x` is the draft after the last story kept in
// `stories`; returns how many drafts the story took in (0: none).
bool sidebar_opens(const Draft &d, const Assembly &a, const Lexicon &lex) {
  const size_t first = d.all.empty() ? 0 : d.all.front();
  const bool alone = !d.all.empty() && a.pieces[first].first_in_line && a.pieces[first].last_in_line;
  if (!alone || !is_sidebar_label(a.pieces[first].text, lex)) return false;
  if (!d.furniture.empty()) return d.furniture.size() == 1 && d.all.size() == 1;  // the label read as a box
  // A line the decoder read as a byline that classify could not read as one
  // (the reading's title) is no credit.
  for (size_t b : d.bylines)
    if (a.classes[b].type == PieceType::Byline) return false;
  return d.kind_hint == Kind::News && !d.headline.empty() && d.headline.front() == first && d.credits.empty() &&
         d.notes.empty();
}

bool plain_reading(const Draft &d, const Assembly &a) {  // a title and text, no credit of its own
  return d.kind_hint == Kind::News && d.furniture.empty() && d.bylines.empty() && d.credits.empty() &&
         d.notes.empty() && !d.body.empty() && a.classes[d.body.front()].type != PieceType::Dateline;
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
    story.body.insert(story.body.end(), d.body.begin(), d.body.end());
    story.headline.insert(story.headline.end(), d.headline.begin(), d.headline.end());
    story.endnotes.insert(story.endnotes.end(), d.endnotes.begin(), d.endnotes.end());
    story.all.insert(story.all.end(), d.all.begin(), d.all.end());
    story.confidence = std::min(story.confidence, d.confidence);
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


// Text read as a photo's caption over a credit that names editors only
// (责任编辑 X: the page's editor line) is no photo: a photo's credit names its
// photographer. Where such an item has no headline and follows straight on
// a story's text, its lines are the story's last paragraphs, and the editor
// line stands alone, as the page's. Returns the editor line's item when the
// text joined the story.
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

// A caption printed inside a story's text (图为村民在文化礼堂写春联。 王强 摄)
// read as a photo item of its own: a caption with no headline that opens
// with a word of [photo.in_story], straight after the story's text, is the
// story's, and its credit names the story's photographer. Returns whether
// it joined.
bool joins_as_story_photo(Draft &story, const Draft &d, const Assembly &a, const Lexicon &lex) {
  if (story.kind_hint != Kind::News || !story.furniture.empty() || story.body.empty() ||
      story.all.back() != story.body.back() || d.kind_hint != Kind::News || !d.headline.empty() || d.credits.empty() ||
      d.body.empty() || !d.bylines.empty() || !d.notes.empty() || !d.furniture.empty() ||
      d.all.front() != story.all.back() + 1 || !opens_story_caption(a.pieces[d.body.front()].text, lex))
    return false;
  story.body.insert(story.body.end(), d.body.begin(), d.body.end());
  story.credits.insert(story.credits.end(), d.credits.begin(), d.credits.end());
  story.endnotes.insert(story.endnotes.end(), d.endnotes.begin(), d.endnotes.end());
  story.all.insert(story.all.end(), d.all.begin(), d.all.end());
  story.confidence = std::min(story.confidence, d.confidence);
  return true;
}

// A headline line standing alone: a whole line, blank lines before it.
bool lone_head_line(const Piece &p) { return p.first_in_line && p.last_in_line && p.blanks_before > 0; }

// The heads of side-by-side items, read as rows. An extractor that reads a
// page line by line across its columns (poppler) gives two items set side
// by side as their titles in a row, then each item's text in turn, then
// their subtitles in a row: H1, H2, B1, B2, S1, S2. The decoder reads the
// first item with both titles, and the second with both subtitles at its
// end. The shape gives the row away: k titles, each a line alone, over the
// first item's text; then k-1 more items that open with their dateline or
// byline and no headline; then, closing the last of them, k lines alone
// that end no sentence (its subtitles) and nothing else read as headline.
// Each item gets its title and subtitle in row order. `x` is the first
// item's draft; returns whether the row was dealt.
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
  auto drop = [](std::vector<size_t> &v, size_t piece) { v.erase(std::remove(v.begin(), v.end(), piece), v.end()); };
  for (size_t s : subs) {
    drop(last.body, s);
    drop(last.headline, s);
    drop(last.all, s);
  }
  for (size_t t : titles) drop(first.all, t);  // the first's title goes back below, with its subtitle
  for (size_t i = 0; i < k; ++i) {
    Draft &d = drafts[x + i];
    d.headline = {titles[i], subs[i]};
    d.all.push_back(titles[i]);
    d.all.push_back(subs[i]);
    std::sort(d.all.begin(), d.all.end());
  }
  return true;
}

}  // namespace

void build_drafts(Assembly &a, const Lexicon &lex) {
  DraftBuilder(a, lex).run();
  // A story resumed after a box: its rest joins it (resumes()). The box stays
  // an item of its own (or the story's closing notes, as the decoder read
  // it); where it is an item, its span lies inside the story's, and the story
  // says so (box_inside).
  std::vector<Draft> drafts;
  drafts.reserve(a.drafts.size());
  for (Draft &d : a.drafts) {
    size_t story = drafts.size();
    while (story > 0 && !drafts[story - 1].furniture.empty()) --story;  // back over boxes
    if (story > 0 && resumes(drafts[story - 1], d, drafts.size() - story, a)) {
      Draft &s = drafts[story - 1];
      append_as_text(s, d);
      s.box_inside = s.box_inside || story < drafts.size();
      continue;
    }
    drafts.push_back(std::move(d));
  }
  for (size_t x = 1; x < drafts.size(); ++x) rejoin_cut_headline(drafts[x - 1], drafts[x], a);
  for (Draft &d : drafts) first_line_read_as_headline(d, a);
  for (size_t x = 1; x < drafts.size(); ++x)
    if ((lead_into_next_headline(drafts[x - 1], drafts[x], a) || lone_line_runs_on(drafts[x - 1], drafts[x], a, lex)) &&
        drafts[x - 1].all.empty()) {
      drafts.erase(drafts.begin() + static_cast<std::ptrdiff_t>(x - 1));
      --x;
    }
  for (size_t x = 0; x < drafts.size(); ++x) deal_row_of_heads(drafts, x, a);
  std::vector<Draft> joined;
  joined.reserve(drafts.size());
  for (size_t x = 0; x < drafts.size();) {
    if (std::optional<Draft> lead = cut_photo_group_lead(drafts[x], a)) joined.push_back(std::move(*lead));
    std::optional<Draft> trailing = cut_trailing_item(drafts[x], a);
    joined.push_back(std::move(drafts[x]));
    const size_t taken = take_title_and_byline(joined.back(), drafts, x + 1, a);
    if (trailing) joined.push_back(std::move(*trailing));
    x += 1 + taken;
  }
  std::vector<Draft> stories;
  stories.reserve(joined.size());
  for (size_t x = 0; x < joined.size(); ++x) {
    Draft &d = joined[x];
    if (stories.empty()) {
      stories.push_back(std::move(d));
      continue;
    }
    if (const size_t taken = takes_sidebar(stories.back(), joined, x, a, lex)) {
      x += taken - 1;
      continue;
    }
    if (std::optional<Draft> editors = editors_line_under_text(stories.back(), d, a)) {
      stories.push_back(std::move(*editors));
      continue;
    }
    std::vector<Draft> boxes;
    if (joins_as_section(stories.back(), d, a) || joins_as_section_above_subhead(stories.back(), d, a) ||
        joins_as_owed_section(stories.back(), d, a, lex, boxes) || joins_as_story_photo(stories.back(), d, a, lex)) {
      for (Draft &b : boxes) stories.push_back(std::move(b));  // inside the story's span, after it (as resumes())
      continue;
    }
    stories.push_back(std::move(d));
  }
  a.drafts = std::move(stories);
}

namespace {

// The lines of a text as body pieces, blank lines counted before each.
std::vector<Piece> body_pieces(std::string_view text, const std::vector<Line> &lines) {
  std::vector<Piece> pieces;
  int blanks = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].blank) {
      blanks += static_cast<int>(lines[i].lines);
      continue;
    }
    Piece p;
    p.line = i;
    p.begin = lines[i].begin;
    p.end = lines[i].end;
    p.text = text.substr(p.begin, p.end - p.begin);
    p.width = lines[i].width;
    p.blanks_before = blanks;
    blanks = 0;
    pieces.push_back(std::move(p));
  }
  return pieces;
}

// The layout of the lines as they will be joined, repeats cut out: the
// output holds that text, and must read the same way when normalized again.
LayoutInfo layout_of(const std::vector<Piece> &pieces, size_t line_count) {
  std::vector<LayoutLine> layout_lines;
  layout_lines.reserve(pieces.size());
  for (const Piece &p : pieces) layout_lines.push_back({p.text, p.width, p.line});
  return detect_layout(layout_lines, line_count);
}

// Pieces with their repeats already cut -> normalized paragraphs.
std::vector<std::string> paragraphs_of(const std::vector<Piece> &pieces, size_t line_count) {
  const LayoutInfo layout = layout_of(pieces, line_count);
  std::vector<const Piece *> ptrs;
  for (const Piece &p : pieces) ptrs.push_back(&p);
  std::vector<std::string> out;
  for (const RawParagraph &rp : reflow(ptrs, layout)) {
    std::string n = normalize_inline(rp.text, InlineMode::Body);
    if (!n.empty()) out.push_back(std::move(n));
  }
  return out;
}

// The paragraphs of the output as the pieces a second normalization reads:
// one line each, trimmed, a blank one counted before the next (split_lines
// and body_pieces over the joined text, without building it). The widths are
// left for paragraph_widths, after the remover (which does not read them).
std::vector<Piece> paragraph_pieces(const std::vector<std::string> &paragraphs) {
  std::vector<Piece> pieces;
  pieces.reserve(paragraphs.size());
  int blanks = 0;
  size_t at = 0;  // byte offset in the joined text
  for (size_t i = 0; i < paragraphs.size(); at += paragraphs[i].size() + 1, ++i) {
    const std::string_view t = trim(paragraphs[i]);
    if (t.empty()) {
      ++blanks;
      continue;
    }
    Piece p;
    p.line = i;
    p.begin = at + static_cast<size_t>(t.data() - paragraphs[i].data());
    p.end = p.begin + t.size();
    p.text = t;  // a view into the paragraph
    p.blanks_before = blanks;
    blanks = 0;
    pieces.push_back(std::move(p));
  }
  return pieces;
}

// The width of each piece's whole line, as split_lines measures it.
void paragraph_widths(std::vector<Piece> &pieces, const std::vector<std::string> &paragraphs) {
  for (Piece &p : pieces) p.width = layout_width(trim(paragraphs[p.line]));
}

// Would a second normalization keep each of these paragraph pieces a
// paragraph of its own (the layout read again from them, one a line)? The
// kind of layout is read from the text alone, and one paragraph a line
// reads no widths: they are measured for hard-wrapped columns only.
bool stays_apart(std::vector<Piece> &pieces, const std::vector<std::string> &paragraphs) {
  LayoutInfo layout = layout_of(pieces, paragraphs.size());
  if (layout.layout == Layout::HardWrapped) {
    paragraph_widths(pieces, paragraphs);
    layout = layout_of(pieces, paragraphs.size());
  }
  for (size_t k = 1; k < pieces.size(); ++k)
    if (!paragraph_break(pieces[k - 1], pieces[k], layout)) return false;
  return true;
}

// How many times the output may be read again. Each round that goes on has
// cut a repeat or joined paragraphs; on the corpora one such round at most
// (a pull quote repeated in the body, where the body's copy is split over
// lines), on fuzzed input up to twelve (a flood of `a（完）` copies peeled a
// layer per round: tests/fuzz/regress/normalize/repeat-flood-peeled-per-round).
// The bound keeps the whole linear in the input; past it, a second
// normalization may still change the text (a remover that reaches its own
// fixed point in one pass is the real fix).
constexpr int k_max_rounds = 16;

}  // namespace

std::vector<std::string> reflow_all(std::string_view text, const std::vector<Line> &lines) {
  TextStore edits;
  std::vector<Piece> pieces = body_pieces(text, lines);
  remove_repeats(pieces, edits);  // text the extractor repeated goes here too
  std::vector<std::string> out = paragraphs_of(pieces, lines.size());
  // Normalizing the output again reads other lines: paragraphs joined and
  // normalized (punctuation width, spaces). The remover, which compares the
  // bytes of lines, may find there a repeat the raw lines hid (split across
  // lines, half-width in one copy) or that a cut made by splicing two
  // stretches; and the layout, read from the paragraphs (their lines' ends
  // and widths gone), may join some: a hard-wrapped page whose paragraphs
  // stop short without a full stop (an unindented column), and whose
  // paragraphs still run on. So the output is read again as a second
  // normalization reads it, until nothing is cut and every paragraph stays
  // apart: it is then what normalizing it again gives (idempotence).
  for (int round = 0; round < k_max_rounds; ++round) {
    TextStore round_edits;  // this round's pieces view `out` and these
    std::vector<Piece> again = paragraph_pieces(out);
    const bool cut = remove_repeats(again, round_edits) > 0;
    if (!cut && stays_apart(again, out)) break;
    paragraph_widths(again, out);
    out = paragraphs_of(again, out.size());
  }
  return out;
}

}  // namespace bm::detail
