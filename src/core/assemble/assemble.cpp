#include "core/assemble/assemble.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "core/assemble/draft_shape.h"
#include "core/assemble/joins.h"
#include "core/assemble/rereads.h"
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

// A masthead item is a name: a header line longer than this is a box.
constexpr size_t k_masthead_item_max_cps = 12;

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
// (本报记者 禚晓川, a surname the list may not know)?
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
        case Role::Byline:
          if (cut_headline_tail(d, k))
            d.headline.push_back(k);
          else
            d.bylines.push_back(k);
          break;
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
  // A byline names someone. A line the decoder read as one that no reading
  // finds a person in and that holds what no name holds (a digit, a Latin
  // letter), straight under the item's last headline line and before
  // anything else of the item, is that headline's end: a title the column's
  // width cut (…保有量首次突破 / 300万辆), whose short tail stands where a byline
  // would.
  bool cut_headline_tail(const Draft &d, size_t k) const {
    if (d.headline.empty() || d.headline.back() + 1 != k || !d.bylines.empty() || !d.notes.empty() ||
        !d.body.empty())
      return false;
    const Piece &p = a_.pieces[k];
    return p.blanks_before == 0 && a_.classes[k].type != PieceType::Byline && !lex_.has_role_word(p.text) &&
           has_digit_or_latin(p.text) && parse_byline_lenient(p.text, lex_).empty();
  }

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
    const bool classified = !p.duplicate_cut && !masthead_words && a_.classes[k].type == PieceType::Byline;
    const bool opens_next = !p.duplicate_cut && !masthead_words &&
                            (classified || (lex_.has_long_role_word(p.text) && names_with_role(p.text, lex_))) &&
                            k + 1 < a_.states.size() && a_.states[k + 1] == State::BodyStart &&
                            !editors_only(a_.classes[k]) && !opens_with_page_credit(p.text, lex_);
    if (classified || opens_next) {
      close();
      cur_ = Draft{};
      cur_->all.push_back(k);
      cur_->bylines.push_back(k);
      if (opens_next)
        carried_headline_ = true;  // the next item's first piece continues this draft
      else
        close();  // a byline with no text under it lost its story
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
  for (size_t x = 0; x < drafts.size(); ++x) x += deal_stacked_heads(drafts, x, a, lex) ? 1 : 0;
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
