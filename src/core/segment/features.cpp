#include "core/segment/features.h"

#include <algorithm>
#include <cctype>
#include <cstdint>

#include "core/classify/byline.h"
#include "core/classify/classify.h"
#include "core/classify/cues.h"
#include "core/common/punct.h"
#include "core/common/utf8.h"
#include "core/lexicon/lexicon.h"
#include "core/normalize/inline_text.h"

namespace bm::detail {

namespace {

// Ad boxes are a few short lines (the old rule's numbers, now one cue among many).
constexpr size_t k_box_max_pieces = 10;
constexpr size_t k_box_line_max_cps = 80;
// "Short" and "long" neighbours, in code points without spaces.
constexpr size_t k_short_cps = 12;
constexpr size_t k_long_cps = 30;
// Layout widths (cells: a Han character is 2) around the column width.
constexpr int k_full_slack_cells = 2;    // a full line is at most this narrower
constexpr int k_indent_max_cells = 6;    // the lost indent: 2 characters, give or take
constexpr size_t k_page_top_pieces = 3;  // the first pieces of a page
constexpr size_t k_name_max_cps = 4;
constexpr size_t k_bracket_name_max_cps = 8;
constexpr size_t k_doubled_max_cps = 60;
// A page whose median line is at most this wide (cells) is set in narrow columns.
constexpr int k_narrow_column_cells = 20;

const char *const k_emit_names[] = {
#define X(name) #name,
    BM_EMIT_FEATURES(X)
#undef X
};
const char *const k_edge_names[] = {
#define X(name) #name,
    BM_EDGE_FEATURES(X)
#undef X
};

bool is_open_bracket(char32_t c) { return c == 0xFF08 || c == U'(' || c == 0x3014 || c == 0x3010; }
bool is_close_bracket(char32_t c) { return c == 0xFF09 || c == U')' || c == 0x3015 || c == 0x3011; }
bool is_sentence_end(char32_t c) {
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == U'!' || c == U'?' || c == 0x2026;
}
bool is_quote(char32_t c) { return c == 0x201C || c == 0x300A || c == 0x300C || c == 0x300E || c == U'"'; }
bool is_dash(char32_t c) { return c == 0x2014 || c == 0x2015 || c == 0x2500; }
bool is_alnum(char32_t c) { return is_digit_cp(c) || (c < 0x80 && std::isalpha(static_cast<int>(c))); }

// What one piece shows by itself; neighbours read these.
// Kept for every piece of the page while its features are computed: no
// heap (the code points of one piece are read again when its turn comes).
// 28 bytes: counts in 32 bits (a piece is a line, under 4 GiB).
struct Facts {
  uint32_t n_cps = 0;               // code points without spaces
  char32_t last_cp = 0;             // the last of them (0: none)
  uint32_t han = 0, digits = 0;
  bool has_period = false;          // 。 among them
  bool ends_sentence = false, headline_shaped = false, bracket_name = false;
  bool byline = false, dateline = false, note = false;
  bool ends_author = false;  // the text closes with a bracketed name: （丹翁）
  // What the lexicon finds in it (each looked up once per piece).
  bool phone = false, ad_cue = false, weather_cue = false, masthead = false, edition = false;
  bool box_cue = false;  // a phone number, or a cue of an ad, weather box or other furniture
  bool continuation = false;  // opens with closing punctuation: the line before runs on into it
  bool separator = false;     // ornaments only (×　×　×): between the notes of a column
};

// The code points of a trimmed piece text without its spaces, into `out`.
void spaceless_cps(std::string_view t, std::u32string &out) {
  out.clear();
  for (size_t i = 0; i < t.size();) {
    const char32_t c = next_cp(t, i);
    if (!is_space_cp(c)) out.push_back(c);
  }
}

// `cps` is scratch: the piece's spaceless code points on return.
Facts facts_of(const Piece &p, const PieceClass &c, const Lexicon &lex, std::u32string &cps) {
  Facts f;
  std::string_view t = trim(p.text);
  spaceless_cps(t, cps);
  for (char32_t c : cps) {
    f.han += is_han(c);
    f.digits += is_digit_cp(c);
    f.has_period = f.has_period || c == 0x3002;
  }
  f.n_cps = static_cast<uint32_t>(cps.size());
  if (!cps.empty()) f.last_cp = cps.back();
  f.ends_sentence = ends_sentence(t);
  // The text's shape, unless the page's geometry says what font the line
  // is in: a headline's font is a headline's line however it reads.
  f.headline_shaped = p.face == Face::Large || c.headline_shaped;
  f.byline = c.type == PieceType::Byline;
  f.dateline = c.type == PieceType::Dateline;
  f.note = c.type == PieceType::EditorNote;
  const std::u32string &s = cps;
  if (s.size() >= 4 && is_close_bracket(s.back())) {
    size_t open = s.size() - 1;
    while (open > 0 && !is_open_bracket(s[open - 1]) && s.size() - open <= k_bracket_name_max_cps + 1) --open;
    if (open > 0 && is_open_bracket(s[open - 1])) {
      const size_t len = s.size() - 1 - open;
      bool han = len >= 2 && len <= k_bracket_name_max_cps;
      for (size_t i = open; i + 1 < s.size() && han; ++i) han = is_han(s[i]);
      f.ends_author = han;
    }
  }
  if (s.size() >= 3 && is_open_bracket(s.front()) && is_close_bracket(s.back()) &&
      s.size() - 2 <= k_bracket_name_max_cps) {
    bool han = true;
    for (size_t i = 1; i + 1 < s.size(); ++i) han = han && is_han(s[i]);
    f.bracket_name = han;
  }
  f.phone = has_phone_number(t);
  const CueSet cues = c.cues;
  f.ad_cue = cues.has(Cue::ad);
  f.weather_cue = cues.has(Cue::weather);
  f.edition = is_edition_line(t, lex);
  f.masthead = is_masthead_line(t, lex, f.edition);
  f.box_cue = f.phone || f.ad_cue || f.weather_cue || c.type == PieceType::Other || c.type == PieceType::Ad;
  f.continuation = starts_with_closing_punct(t);
  f.separator = is_separator_line(t);
  return f;
}

EmitFeature len_bucket(size_t n) {
  if (n <= 1) return EmitFeature::len_1;
  if (n <= 3) return EmitFeature::len_2_3;
  if (n <= 6) return EmitFeature::len_4_6;
  if (n <= 10) return EmitFeature::len_7_10;
  if (n <= 16) return EmitFeature::len_11_16;
  if (n <= 24) return EmitFeature::len_17_24;
  if (n <= 35) return EmitFeature::len_25_35;
  if (n <= 50) return EmitFeature::len_36_50;
  if (n <= 80) return EmitFeature::len_51_80;
  return EmitFeature::len_81_up;
}

// Letter-spacing: two Han characters with only spaces between (王  强, 记 者).
bool letter_spaced(std::string_view t) {
  char32_t prev = 0;
  bool gap = false;
  for (size_t i = 0; i < t.size();) {
    const char32_t c = next_cp(t, i);
    if (is_space_cp(c)) {
      gap = prev != 0;
      continue;
    }
    if (gap && is_han(prev) && is_han(c)) return true;
    gap = false;
    prev = c;
  }
  return false;
}

bool doubled(const std::u32string &s) {
  const size_t n = s.size();
  if (n < 4 || n % 2 != 0 || n > k_doubled_max_cps) return false;
  return std::equal(s.begin(), s.begin() + n / 2, s.begin() + n / 2);
}

// Blocks: runs of pieces with no blank line between them.
struct Block {
  size_t begin = 0, end = 0;
  bool weather = false, ad = false, other = false;
};

// A block's cue words are its pieces' (classify read them; a word never
// spans a line break), and so is a phone number: its text is joined only
// where words must be counted (a forecast's, an ad's).
std::vector<Block> blocks_of(const std::vector<Piece> &pieces, const std::vector<PieceClass> &classes,
                             const std::vector<Facts> &facts, const Lexicon &lex) {
  std::vector<Block> out;
  std::string all;  // a block's lines, one after another (reused block by block)
  size_t b = 0;
  while (b < pieces.size()) {
    size_t e = b + 1;
    while (e < pieces.size() && pieces[e].blanks_before == 0) ++e;
    Block blk{b, e};
    CueSet cues;
    bool short_lines = true, phone = false;
    for (size_t k = b; k < e; ++k) {
      cues.bits |= classes[k].cues.bits;
      phone = phone || facts[k].phone;
      short_lines = short_lines && facts[k].n_cps <= k_box_line_max_cps;
    }
    all.clear();
    auto text = [&]() -> std::string_view {
      if (all.empty())
        for (size_t k = b; k < e; ++k) {
          all += pieces[k].text;
          all += '\n';
        }
      return all;
    };
    blk.weather = weather_box(cues, text, lex);
    blk.ad = e - b <= k_box_max_pieces && short_lines && ad_evidence(cues, phone, text, lex) >= 2;
    blk.other = cues.has(Cue::other);
    out.push_back(blk);
    b = e;
  }
  return out;
}

}  // namespace

const char *emit_feature_name(EmitFeature f) { return k_emit_names[static_cast<size_t>(f)]; }
const char *edge_feature_name(EdgeFeature f) { return k_edge_names[static_cast<size_t>(f)]; }

std::string emit_id_name(uint16_t id) {
  if (id < k_emit_feature_count) return k_emit_names[id];
  static const char *const groups[k_emit_groups] = {"", "wrapped&", "textfirst&", "noperiod&", "narrow&"};
  return std::string(groups[id / k_emit_feature_count]) + k_emit_names[id % k_emit_feature_count];
}

// Emission ids per piece the pool is sized for (about twenty hold on most
// pieces): it rarely grows, and room reserved past the end is never touched.
constexpr size_t k_emit_ids_reserved = 32;

PageFeatures compute_features(const std::vector<Piece> &pieces, const std::vector<PieceClass> &classes,
                              const LayoutInfo &layout, const Lexicon &lex) {
  const size_t n = pieces.size();
  std::vector<Facts> facts;
  facts.reserve(n);
  std::u32string cps;  // one piece's code points at a time
  for (size_t k = 0; k < pieces.size(); ++k) facts.push_back(facts_of(pieces[k], classes[k], lex, cps));
  // Historic punctuation: hardly a line with a full stop (、 serves as the comma).
  size_t periods = 0;
  for (const Facts &f : facts) periods += f.has_period;
  const bool no_period = n >= 10 && periods * 20 < n;
  // Narrow columns: most lines a few characters wide.
  std::vector<int> widths;
  widths.reserve(n);
  for (const Piece &p : pieces) widths.push_back(p.width);
  bool narrow = false;
  if (n >= 10) {
    std::nth_element(widths.begin(), widths.begin() + n / 2, widths.end());
    narrow = widths[n / 2] <= k_narrow_column_cells;
  }
  // The page's habit: does its first story-like piece open with text (a
  // byline, a dateline, a long line: byline -> body -> headline pages) or
  // with a short headline line? A prior for every item, not a decision.
  bool text_first = false, decided = false;
  for (size_t k = 0; k < n && !decided; ++k) {
    if (facts[k].masthead || facts[k].edition) continue;
    text_first = facts[k].byline || facts[k].dateline || facts[k].n_cps >= k_long_cps;
    decided = true;
  }
  const std::vector<Block> blocks = blocks_of(pieces, classes, facts, lex);
  const bool wrapped = layout.layout == Layout::HardWrapped;
  // Distance to the next photo credit (a caption runs into its credit).
  std::vector<size_t> next_credit(n + 1, SIZE_MAX);
  for (size_t k = n; k-- > 0;)
    next_credit[k] = classes[k].credit && facts[k].byline ? k : next_credit[k + 1];
  PageFeatures out;
  out.reserve(n, n * k_emit_ids_reserved);
  std::vector<uint16_t> emit_scratch;  // a piece's list is built here, then appended to the page's pool
  size_t bi = 0;
  for (size_t k = 0; k < n; ++k) {
    while (bi + 1 < blocks.size() && blocks[bi].end <= k) ++bi;
    const Piece &p = pieces[k];
    const PieceClass &c = classes[k];
    const Facts &f = facts[k];
    const std::string_view t = trim(p.text);
    spaceless_cps(t, cps);
    std::vector<uint16_t> &e = emit_scratch;
    e.clear();
    auto add = [&e](EmitFeature x) { e.push_back(static_cast<uint16_t>(x)); };
    add(EmitFeature::bias);
    add(len_bucket(cps.size()));
    const int col = layout.column.empty() ? 0 : layout.column[p.line];
    if (wrapped) {
      add(EmitFeature::layout_wrapped);
      if (p.width >= col - k_full_slack_cells) add(EmitFeature::wrapped_full);
      else if (p.width >= col - k_indent_max_cells) add(EmitFeature::wrapped_indent);
      else add(EmitFeature::wrapped_short);
    }
    // Punctuation at the ends and inside.
    if (!cps.empty()) {
      const char32_t first = cps.front(), last = cps.back();
      if (last == 0x3001 || last == 0xFF0C || last == U',') add(EmitFeature::end_comma);
      if (f.ends_sentence) add(EmitFeature::end_sentence);
      else if (is_clause_mark(last)) add(EmitFeature::end_clause);
      else if (is_dash(last)) add(EmitFeature::end_dash);
      else if (is_close_bracket(last)) add(EmitFeature::end_close_bracket);
      else if (is_han(last) || is_alnum(last)) add(EmitFeature::end_plain);
      if (is_dash(first)) add(EmitFeature::start_dash);
      else if (first == 0x3010) add(EmitFeature::start_tag);
      else if (is_open_bracket(first)) add(EmitFeature::start_open_bracket);
      else if (is_quote(first)) add(EmitFeature::start_quote);
      else if (is_digit_cp(first)) add(EmitFeature::start_digit);
      else if (starts_with_any(t, lex.words(Section::byline_marker))) add(EmitFeature::start_mark);
      else if (!is_han(first) && !is_alnum(first)) add(EmitFeature::start_symbol);
      bool period = false, clause = false, any = false;
      for (size_t i = 0; i + 1 < cps.size(); ++i) {
        const char32_t c = cps[i];
        period = period || is_sentence_end(c);
        clause = clause || is_clause_mark(c);
        any = any || !(is_han(c) || is_alnum(c));
      }
      if (period) add(EmitFeature::inner_period);
      if (clause) add(EmitFeature::inner_clause);
      if (!any && (is_han(last) || is_alnum(last))) add(EmitFeature::no_punct);
      if (is_open_bracket(first) && is_close_bracket(last)) add(EmitFeature::all_bracketed);
      if (f.han * 2 < cps.size()) add(EmitFeature::han_low);
      if (f.digits * 10 >= cps.size() * 3) add(EmitFeature::digits_high);
    }
    // Local evidence of classify/ and the lexicon.
    if (f.byline) {
      add(EmitFeature::ev_byline);
      if (c.marked) add(EmitFeature::ev_byline_marked);
      if (c.bare) add(EmitFeature::ev_byline_bare);
      if (c.credit) add(EmitFeature::ev_credit);
    }
    if (f.dateline) add(EmitFeature::ev_dateline);
    if (c.type == PieceType::EditorNote) add(EmitFeature::ev_note);
    if (c.type == PieceType::Other) add(EmitFeature::ev_other_cue);
    if (c.type == PieceType::Ad) add(EmitFeature::ev_ad_strong);
    if (f.headline_shaped) add(EmitFeature::headline_shaped);
    for (const auto &m : lex.words(Section::end_mark))
      if (!m.empty() && t.size() >= m.size() && t.substr(t.size() - m.size()) == m) {
        add(EmitFeature::ev_end_mark);
        break;
      }
    if (!cps.empty() && is_open_bracket(cps.front()) && has_cue(t, lex, Cue::end_note)) add(EmitFeature::ev_end_note);
    if (has_role_word(t, lex)) add(EmitFeature::ev_role_word);
    if (cps.size() >= 2 && cps.size() <= k_name_max_cps && f.han == cps.size()) {
      std::string name;
      for (char32_t c : cps) append_cp(name, c);
      if (lex.starts_with_surname(name)) add(EmitFeature::name_shape);
    }
    if (f.bracket_name) add(EmitFeature::bracket_name);
    if (cps.size() <= k_short_cps && letter_spaced(t)) add(EmitFeature::letter_spaced);
    if (f.masthead) add(EmitFeature::masthead_line);
    if (f.edition) add(EmitFeature::edition_line);
    if (doubled(cps)) add(EmitFeature::doubled);
    if (f.phone) add(EmitFeature::phone);
    if (f.ad_cue) add(EmitFeature::ad_cue);
    if (f.weather_cue) add(EmitFeature::weather_cue);
    if (p.duplicate_cut) add(EmitFeature::repeat_cut);
    if (!p.first_in_line) add(EmitFeature::glued_piece);
    // The block it stands in.
    const Block &blk = blocks[bi];
    const size_t bsize = blk.end - blk.begin;
    add(bsize == 1 ? EmitFeature::block_1 : bsize <= 3 ? EmitFeature::block_2_3
                                          : bsize <= 8 ? EmitFeature::block_4_8 : EmitFeature::block_9_up);
    if (bsize > 1 && k == blk.begin) add(EmitFeature::block_first);
    if (bsize > 1 && k + 1 == blk.end) add(EmitFeature::block_last);
    if (blk.weather) add(EmitFeature::block_weather);
    if (blk.ad) add(EmitFeature::block_ad);
    if (blk.other) add(EmitFeature::block_other);
    // Blank lines around it and its place on the page.
    const int bb = p.blanks_before;
    add(bb == 0 ? EmitFeature::blank_before_0 : bb == 1 ? EmitFeature::blank_before_1
                                           : bb == 2 ? EmitFeature::blank_before_2 : EmitFeature::blank_before_3_up);
    const int ba = k + 1 < n ? pieces[k + 1].blanks_before : 2;
    add(ba == 0 ? EmitFeature::blank_after_0 : ba == 1 ? EmitFeature::blank_after_1 : EmitFeature::blank_after_2_up);
    add(text_first ? EmitFeature::page_text_first : EmitFeature::page_head_first);
    if (no_period) add(EmitFeature::page_no_period);
    if (k + 1 < n && next_credit[k + 1] != SIZE_MAX) {
      const size_t d = next_credit[k + 1] - k;
      if (d == 1) add(EmitFeature::credit_ahead_1);
      else if (d <= 4) add(EmitFeature::credit_ahead_2_4);
      else if (d <= 10) add(EmitFeature::credit_ahead_5_10);
    }
    if (k > 0 && classes[k - 1].credit && facts[k - 1].byline) add(EmitFeature::prev_credit);
    if (f.ends_author) add(EmitFeature::ends_author);
    if (f.continuation) add(EmitFeature::start_continuation);
    if (k + 1 < n && facts[k + 1].continuation) add(EmitFeature::next_continuation);
    if (f.separator) add(EmitFeature::separator_line);
    if (k > 0 && facts[k - 1].separator) add(EmitFeature::prev_separator);
    if (k > 0 && facts[k - 1].ends_author) add(EmitFeature::prev_ends_author);
    if (wrapped && k + 1 < n) {
      const Piece &q = pieces[k + 1];
      const int qc = layout.column[q.line];
      if (q.width >= qc - k_full_slack_cells) add(EmitFeature::next_full);
      else if (q.width >= qc - k_indent_max_cells) add(EmitFeature::next_indent);
    }
    if (wrapped && k > 0 && pieces[k - 1].width >= layout.column[pieces[k - 1].line] - k_full_slack_cells)
      add(EmitFeature::prev_full);
    if (f.box_cue) add(EmitFeature::box_cue_line);
    if (f.headline_shaped && bb > 0 && ba > 0) add(EmitFeature::isolated_short);
    if (wrapped && f.headline_shaped) add(EmitFeature::wrapped_x_headline_shaped);
    if (k == 0) add(EmitFeature::page_first);
    if (k + 1 == n) add(EmitFeature::page_last);
    if (k < k_page_top_pieces) add(EmitFeature::page_top);
    // Neighbours.
    if (k > 0) {
      const Facts &q = facts[k - 1];
      if (q.ends_sentence) add(EmitFeature::prev_end_sentence);
      if (q.headline_shaped) add(EmitFeature::prev_headline_shaped);
      if (q.n_cps <= k_short_cps) add(EmitFeature::prev_short);
      if (q.n_cps >= k_long_cps) add(EmitFeature::prev_long);
      if (q.byline) add(EmitFeature::prev_byline);
      if (q.dateline) add(EmitFeature::prev_dateline);
      if (cps.size() > q.n_cps + 4) add(EmitFeature::longer_than_prev);
      if (!q.ends_sentence && !q.headline_shaped) add(EmitFeature::prev_unfinished);
      if (q.box_cue) add(EmitFeature::prev_box_cue);
      if (k > 1 && facts[k - 2].ends_sentence) add(EmitFeature::prev2_end_sentence);
      if (q.n_cps <= 2) add(EmitFeature::prev_tiny);
      if (q.n_cps > 0 && (q.last_cp == 0x3001 || q.last_cp == 0xFF0C || q.last_cp == U','))
        add(EmitFeature::prev_end_comma);
    }
    if (k + 1 < n) {
      const Facts &q = facts[k + 1];
      if (q.n_cps <= k_short_cps) add(EmitFeature::next_short);
      if (q.n_cps >= k_long_cps) add(EmitFeature::next_long);
      if (q.byline) add(EmitFeature::next_byline);
      if (q.dateline) add(EmitFeature::next_dateline);
      if (q.headline_shaped) add(EmitFeature::next_headline_shaped);
      if (q.ends_sentence) add(EmitFeature::next_end_sentence);
      if (q.bracket_name) add(EmitFeature::next_bracket_name);
      if (cps.size() + 4 < q.n_cps) add(EmitFeature::shorter_than_next);
      if (q.box_cue) add(EmitFeature::next_box_cue);
      if (wrapped && q.byline) add(EmitFeature::wrapped_x_next_byline);
    }
    if (k + 2 < n) {
      if (facts[k + 2].byline) add(EmitFeature::next2_byline);
      if (facts[k + 2].dateline) add(EmitFeature::next2_dateline);
    }
    const auto conjoined = static_cast<uint8_t>((wrapped ? 1u : 0u) | (text_first ? 2u : 0u) | (no_period ? 4u : 0u) |
                                            (narrow ? 8u : 0u));
    // Between the piece before and this one.
    uint32_t edges = 0;
    auto edge = [&edges](EdgeFeature x) { edges |= uint32_t{1} << static_cast<unsigned>(x); };
    edge(EdgeFeature::e_bias);
    edge(bb == 0 ? EdgeFeature::e_blank_0 : bb == 1 ? EdgeFeature::e_blank_1 : EdgeFeature::e_blank_2_up);
    if (k > 0) {
      const Piece &q = pieces[k - 1];
      if (facts[k - 1].ends_sentence) edge(EdgeFeature::e_prev_end_sentence);
      if (facts[k - 1].n_cps <= k_short_cps) edge(EdgeFeature::e_prev_short);
      if (wrapped && q.width >= layout.column[q.line] - k_full_slack_cells) edge(EdgeFeature::e_prev_full);
      if (!p.first_in_line) edge(EdgeFeature::e_same_line);
      if (facts[k - 1].headline_shaped) edge(EdgeFeature::e_prev_headline_shaped);
      if (classes[k - 1].credit && facts[k - 1].byline) edge(EdgeFeature::e_prev_credit);
      if (!facts[k - 1].ends_sentence && !facts[k - 1].headline_shaped) edge(EdgeFeature::e_prev_unfinished);
    }
    if (f.byline) edge(EdgeFeature::e_cur_byline);
    if (f.continuation) edge(EdgeFeature::e_cur_continuation);
    if (f.dateline) edge(EdgeFeature::e_cur_dateline);
    if (f.note) edge(EdgeFeature::e_cur_note);
    if (f.headline_shaped) edge(EdgeFeature::e_cur_headline_shaped);
    if (f.box_cue) edge(EdgeFeature::e_cur_box_cue);
    if (cps.size() >= k_long_cps) edge(EdgeFeature::e_cur_long);
    if (wrapped && p.width < col - k_full_slack_cells && p.width >= col - k_indent_max_cells)
      edge(EdgeFeature::e_cur_indent);
    out.add(e, conjoined, edges, p.item_break, f.dateline);
  }
  out.shrink_to_fit();
  return out;
}

}  // namespace bm::detail
