#include "core/assemble/assemble.h"

#include "core/blocks/dedupe.h"
#include "core/classify/classify.h"
#include "core/common/utf8.h"
#include "core/lexicon/lexicon.h"
#include "core/normalize/inline_text.h"

namespace bm::detail {

namespace {

Kind furniture_kind(PieceType t) {
  return t == PieceType::Ad ? Kind::Ad : t == PieceType::Weather ? Kind::Weather : Kind::Other;
}

StoryOrder detect_order(const std::vector<Piece> &pieces) {
  for (const Piece &p : pieces) {
    switch (p.type) {
      case PieceType::Headline: return StoryOrder::HeadlineFirst;
      case PieceType::Byline:
      case PieceType::Dateline:
      case PieceType::Body: return StoryOrder::HeadlineAfter;
      case PieceType::EditorNote: break;  // a note may stand above its headline
      default: break;
    }
  }
  return StoryOrder::HeadlineFirst;
}

class Assembler {
 public:
  Assembler(const std::vector<Piece> &pieces, const LayoutInfo &layout, StoryOrder order, const Lexicon &lex)
      : pieces_(pieces), layout_(layout), order_(order), lex_(lex) {}

  std::vector<Draft> run(std::vector<size_t> &masthead, std::vector<size_t> &edition) {
    for (size_t k = 0; k < pieces_.size(); ++k) {
      const Piece &p = pieces_[k];
      switch (p.type) {
        case PieceType::Masthead: masthead.push_back(k); break;
        case PieceType::Edition: edition.push_back(k); break;
        case PieceType::Ad:
        case PieceType::Weather:
        case PieceType::Other: furniture(k); break;
        case PieceType::Headline: headline(k); break;
        case PieceType::Byline: byline(k); break;
        case PieceType::EditorNote: note(k); break;
        case PieceType::Dateline: dateline(k); break;
        case PieceType::Body: body(k); break;
      }
    }
    close();
    return std::move(out_);
  }

 private:
  static bool editors_only(const Piece &p) {
    if (p.people.empty()) return false;
    for (const Byline &b : p.people)
      if (b.role != "editor") return false;
    return true;
  }
  bool has_body() const { return cur_ && !cur_->body.empty(); }
  bool has_content() const {
    return cur_ && (!cur_->body.empty() || !cur_->bylines.empty() || !cur_->credits.empty() || !cur_->notes.empty());
  }
  Draft &open() {
    if (!cur_) cur_ = Draft{};
    return *cur_;
  }
  void add(Draft &d, std::vector<size_t> &field, size_t k) {
    field.push_back(k);
    d.all.push_back(k);
  }
  void close() {
    if (cur_) out_.push_back(std::move(*cur_));
    cur_.reset();
  }

  void furniture(size_t k) {
    const Kind kind = furniture_kind(pieces_[k].type);
    if (cur_ && cur_->kind_hint == kind && !cur_->furniture.empty()) {
      add(*cur_, cur_->furniture, k);
      return;
    }
    close();
    Draft &d = open();
    d.kind_hint = kind;
    add(d, d.furniture, k);
  }

  void headline(size_t k) {
    if (cur_ && !cur_->furniture.empty()) close();
    if (order_ == StoryOrder::HeadlineFirst) {
      // An editor's note may stand above the headline of its story.
      const bool only_notes = cur_ && !cur_->notes.empty() && cur_->body.empty() && cur_->bylines.empty() &&
                              cur_->credits.empty() && cur_->headline.empty();
      if (has_content() && !only_notes) close();
      Draft &d = open();
      add(d, d.headline, k);
      return;
    }
    // HeadlineAfter: the headline closes the story before it.
    if (has_content() || (cur_ && cur_->headline_closed)) {
      add(*cur_, cur_->headline, k);
      cur_->headline_closed = true;
      return;
    }
    Draft &d = open();  // a headline with no story before it
    add(d, d.headline, k);
    d.headline_closed = true;
  }

  void byline(size_t k) {
    const Piece &p = pieces_[k];
    if (cur_ && !cur_->furniture.empty()) close();
    if (editors_only(p)) {  // 责任编辑 X: the page's (or section's) editor, no story's author
      close();
      Draft &d = open();
      add(d, d.bylines, k);
      close();
      return;
    }
    if (p.credit && has_body() && !(cur_->headline_closed)) {  // photo credit after its caption
      add(*cur_, cur_->credits, k);
      return;
    }
    if (order_ == StoryOrder::HeadlineAfter) {
      if (cur_ && (cur_->headline_closed || has_body())) close();
      if (cur_ && !cur_->bylines.empty() && p.marked && !p.bare && pieces_[cur_->bylines.front()].marked) {
        // Two separately marked bylines before one body: the first has no story.
        Draft orphan;
        orphan.kind_hint = Kind::Other;
        orphan.unattached_byline = true;
        orphan.bylines = cur_->bylines;
        orphan.all = cur_->bylines;
        out_.push_back(std::move(orphan));
        cur_.reset();
      }
    } else if (has_body() && !p.credit) {
      // HeadlineFirst: a byline after a body without a headline between.
      if (p.marked) close();
    }
    Draft &d = open();
    add(d, d.bylines, k);
  }

  void note(size_t k) {
    if (cur_ && (!cur_->furniture.empty() || has_body() || cur_->headline_closed)) close();
    Draft &d = open();
    add(d, d.notes, k);
  }

  void dateline(size_t k) {
    if (cur_ && (!cur_->furniture.empty() || has_body() || cur_->headline_closed)) close();
    Draft &d = open();
    add(d, d.body, k);
  }

  bool ends_with_end_mark(size_t k) const {
    std::string_view t = trim(pieces_[k].text);
    for (const auto &m : lex_.words("end_mark"))
      if (!m.empty() && t.size() >= m.size() && t.substr(t.size() - m.size()) == m) return true;
    return false;
  }

  void body(size_t k) {
    // After an end mark (完) comes another item.
    if (cur_ && !cur_->body.empty() && ends_with_end_mark(cur_->body.back())) close();
    // The lines of an editor's note run on until its paragraph ends.
    if (cur_ && !cur_->notes.empty() && cur_->body.empty() && cur_->all.back() == cur_->notes.back() &&
        !paragraph_break(pieces_[cur_->notes.back()], pieces_[k], layout_)) {
      add(*cur_, cur_->notes, k);
      return;
    }
    if (cur_ && (!cur_->furniture.empty() || cur_->headline_closed)) close();
    if (cur_ && !cur_->credits.empty()) close();  // after a photo's credit comes a new item
    Draft &d = open();
    add(d, d.body, k);
  }

  const std::vector<Piece> &pieces_;
  const LayoutInfo &layout_;
  StoryOrder order_;
  const Lexicon &lex_;
  std::optional<Draft> cur_;
  std::vector<Draft> out_;
};

}  // namespace

Assembly assemble_page(std::string_view text, const std::vector<Line> &lines, const Lexicon &lex) {
  Assembly a;
  a.layout = detect_layout(text, lines);
  a.pieces = split_pieces(text, lines, lex);
  remove_repeats(a.pieces);
  classify_pieces(a.pieces, a.layout, lex);
  a.order = detect_order(a.pieces);
  a.drafts = Assembler(a.pieces, a.layout, a.order, lex).run(a.masthead, a.edition);
  return a;
}

std::vector<std::string> reflow_all(std::string_view text, const std::vector<Line> &lines) {
  const LayoutInfo layout = detect_layout(text, lines);
  std::vector<Piece> pieces;
  int blanks = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].blank) {
      ++blanks;
      continue;
    }
    Piece p;
    p.line = i;
    p.begin = lines[i].begin;
    p.end = lines[i].end;
    p.text = std::string(text.substr(p.begin, p.end - p.begin));
    p.width = lines[i].width;
    p.blanks_before = blanks;
    blanks = 0;
    pieces.push_back(std::move(p));
  }
  remove_repeats(pieces);  // text the extractor repeated goes here too
  std::vector<const Piece *> ptrs;
  for (const Piece &p : pieces) ptrs.push_back(&p);
  std::vector<std::string> out;
  for (const RawParagraph &rp : reflow(ptrs, layout)) {
    std::string n = normalize_inline(rp.text, InlineMode::Body);
    if (!n.empty()) out.push_back(std::move(n));
  }
  return out;
}

}  // namespace bm::detail
