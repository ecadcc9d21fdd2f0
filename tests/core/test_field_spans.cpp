// The optional field spans (docs/page-json.md, "spans"), on every test page
// and, when they are beside the checkout, every page of the public corpora
// (../shared/corpus/{dev,rmrb,rmrbpdf,jingbao}, or $BM_SHARED/corpus): each
// span's source, normalized the way the extractor normalizes that field, is
// the field. Where the parser repaired the text, that cannot hold; those
// cases are named, and for them the weaker property is checked: the field's
// characters appear, in order, in the normalized source (nothing of the
// field comes from outside its span). Counts per field and case are printed.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "banmian/banmian.h"
#include "common/core_fixtures.h"
#include "common/test_pages.h"
#include "core/assemble/assemble.h"
#include "core/common/doubling.h"
#include "core/common/utf8.h"
#include "core/decode/decode.h"
#include "core/extract/extract.h"
#include "core/extract/metadata.h"
#include "core/lexicon/lexicon.h"
#include "core/lines/lines.h"
#include "core/normalize/inline_text.h"
#include "core/output/bound.h"
#include "core/segment/model.h"

using namespace bm::detail;

namespace {

std::vector<std::string> page_files() {
  std::vector<std::string> files = bm_test::test_pages(BM_TEST_DATA_DIR);
  if (std::getenv("BM_TEST_PAGES_DIR")) return files;  // a generated set only
  const char *env = std::getenv("BM_SHARED");
  const std::string shared = env ? env : std::string(BM_TEST_DATA_DIR) + "/../../../shared";
  for (const char *corpus : {"dev", "rmrb", "rmrbpdf", "jingbao"}) {
    setenv("BM_TEST_PAGES_DIR", (shared + "/corpus/" + corpus).c_str(), 1);
    for (const std::string &f : bm_test::test_pages(BM_TEST_DATA_DIR)) files.push_back(f);
    unsetenv("BM_TEST_PAGES_DIR");
  }
  return files;
}

using Parsed = bm_test::StagedPage;


// The source's lines (trimmed) joined by rule 5 (join_lines: what reflow does
// to a paragraph's lines), then normalized in `mode`.
std::string normalized(std::string_view src, InlineMode mode) {
  std::vector<std::string_view> lines;
  size_t pos = 0;
  for (;;) {
    const size_t nl = src.find('\n', pos);
    lines.push_back(src.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos));
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  return normalize_inline(join_lines(lines), mode);
}

// A dateline as the extractor reports it: the marker normalized as a name,
// without the brackets and separators that set it off.
std::string dateline_form(std::string_view src) {
  const std::string n = normalized(src, InlineMode::Name);
  std::string out;
  for (size_t i = 0; i < n.size();) {
    const size_t at = i;
    const char32_t c = next_cp(n, i);
    const bool frame = c == 0xFF08 || c == 0xFF09 || c == U'(' || c == U')' || c == 0x3010 || c == 0x3011 ||
                       c == 0xFF0F || c == U'/';
    if (!frame) out.append(n, at, i - at);
  }
  return out;
}

// Characters without spaces, full-width ASCII folded (what normalization may
// decide differently at the edge of a fragment).
std::u32string folded(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    char32_t c = next_cp(s, i);
    if (is_space_cp(c)) continue;
    if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;
    if (c == 0x3000) continue;
    out.push_back(c);
  }
  return out;
}

// Does every character of `field` appear, in order, in `source`?
bool in_order_within(std::string_view field, std::string_view source) {
  const std::u32string f = folded(field), s = folded(source);
  size_t k = 0;
  for (size_t i = 0; i < s.size() && k < f.size(); ++i)
    if (s[i] == f[k]) ++k;
  return k == f.size();
}

bool on_boundary(const std::string &t, size_t at) {
  return at == t.size() || (static_cast<unsigned char>(t[at]) & 0xC0) != 0x80;
}

// Why a span's normalized source is not its field: what the parser did.
// Does every character of `field` appear in `source`, as many times at
// least, in any order? (Column lines put back in column order: a paragraph
// that runs from one column into the next reads its span out of order.)
bool all_within(std::string_view field, std::string_view source) {
  std::u32string f = folded(field), s = folded(source);
  std::sort(f.begin(), f.end());
  std::sort(s.begin(), s.end());
  return std::includes(s.begin(), s.end(), f.begin(), f.end());
}

struct Facts {
  const Parsed &p;
  std::vector<int> owner;  // per piece: its article, or -1 for the masthead

  explicit Facts(const Parsed &parsed) : p(parsed), owner(parsed.assembly.pieces.size(), -1) {
    for (size_t a = 0; a < p.page.articles.size(); ++a)
      for (size_t k : p.page.articles[a].pieces) owner.at(k) = static_cast<int>(a);
  }
  // A repeat was cut from a piece in [b, e), or a whole repeated line there was removed.
  bool repeat_removed(const Span &s) const {
    for (const Piece &x : p.assembly.pieces)
      if (x.begin < s.end && s.begin < x.end && x.duplicate_cut) return true;
    for (const Line &l : p.lines) {
      if (l.blank || l.begin < s.begin || l.end > s.end) continue;
      bool covered = false;
      for (const Piece &x : p.assembly.pieces) covered = covered || (x.begin < l.end && l.begin < x.end);
      if (!covered) return true;
    }
    return false;
  }
  // Lines of merged columns, cut apart and put in column order, lie in [b, e).
  bool columns_unmerged(const Span &s) const {
    for (const Line &l : p.lines)
      if (!l.blank && l.merged_columns && l.begin < s.end && s.begin < l.end) return true;
    return false;
  }
  // A box's text: its pieces inside the span run together (furniture/ joins
  // the pieces of an ad or a box without spaces: ★　★　★ is three pieces).
  std::string run_together(const Span &s) const {
    std::string out;
    for (const Piece &x : p.assembly.pieces)
      if (x.begin >= s.begin && x.end <= s.end) out += x.text;
    return normalize_inline(out, InlineMode::Body);
  }
  // Pieces of another article, or masthead pieces, lie inside [b, e).
  bool holds_other_items(const Span &s, size_t article) const {
    for (size_t k = 0; k < p.assembly.pieces.size(); ++k) {
      const Piece &x = p.assembly.pieces[k];
      if (x.begin >= s.begin && x.end <= s.end && owner[k] != static_cast<int>(article)) return true;
    }
    return false;
  }
};

struct Tally {
  std::map<std::string, std::map<std::string, size_t>> counts;  // field -> case -> count
  void add(const std::string &field, const std::string &kase) { ++counts[field][kase]; }
  void print() const {
    for (const auto &[field, cases] : counts) {
      std::cout << "[ spans    ] " << field << ":";
      for (const auto &[kase, n] : cases) std::cout << " " << kase << "=" << n;
      std::cout << "\n";
    }
  }
};

TEST(FieldSpans, NormalizedSourceIsTheField) {
  const Lexicon lex = bm_test::builtin_lexicon();
  const std::vector<std::string> files = page_files();
  ASSERT_GE(files.size(), 10u);
  Tally tally;
  size_t pages = 0, articles = 0;
  for (const std::string &f : files) {
    SCOPED_TRACE(f);
    const Parsed p = bm_test::parse_stages(f, lex);
    const std::string &t = p.text.utf8;
    const Facts facts(p);
    ++pages;
    for (size_t ai = 0; ai < p.page.articles.size(); ++ai) {
      const Article &a = p.page.articles[ai];
      ASSERT_TRUE(a.spans.has_value()) << "article " << ai;
      ++articles;
      const FieldSpans &sp = *a.spans;
      ASSERT_EQ(sp.headline.size(), a.headline.size());
      ASSERT_EQ(sp.bylines.size(), a.bylines.size());
      ASSERT_EQ(sp.paragraphs.size(), a.paragraphs.size());
      ASSERT_EQ(sp.dateline.has_value(), a.dateline.has_value());
      // Every span: inside the article's span, on character boundaries.
      auto sane = [&](const Span &s, const std::string &what) {
        EXPECT_LE(s.begin, s.end) << what;
        EXPECT_LE(a.span_begin, s.begin) << what;
        EXPECT_LE(s.end, a.span_end) << what;
        EXPECT_TRUE(on_boundary(t, s.begin) && on_boundary(t, s.end)) << what;
      };
      // One field: exact, or a named repair with the weaker property.
      auto check = [&](const std::string &field, const std::string &value, const Span &s, const std::string &exact_form,
                       const std::vector<std::pair<std::string, bool>> &repairs, const std::string &alt_form = {}) {
        sane(s, field + " " + value);
        if (exact_form == value) {
          tally.add(field, "exact");
          return;
        }
        if (!alt_form.empty() && alt_form == value) {
          tally.add(field, "exact_box");
          return;
        }
        const std::string_view src = std::string_view(t).substr(s.begin, s.end - s.begin);
        for (const auto &[kase, applies] : repairs)
          if (applies) {
            EXPECT_TRUE(in_order_within(value, exact_form) || in_order_within(value, src))
                << field << " (" << kase << "): " << value << "\n  source: " << src;
            tally.add(field, kase);
            return;
          }
        ADD_FAILURE() << field << ": " << value << "\n  normalized source: " << exact_form << "\n  source: " << src;
        tally.add(field, "FAILED");
      };
      for (size_t i = 0; i < a.headline.size(); ++i) {
        const Span &s = sp.headline[i];
        const std::string src = t.substr(s.begin, s.end - s.begin);
        std::string n = normalized(src, InlineMode::Headline);
        std::string undoubled = n;
        const bool doubled = undouble(undoubled) && undoubled == a.headline[i];
        check("headline", a.headline[i], s, n,
              {{"doubled_characters_fixed", doubled}, {"repeat_removed", facts.repeat_removed(s)}});
      }
      if (a.dateline) {
        const Span &s = *sp.dateline;
        bool byline_inside = false;  // 中央社記者X台北報導: the reporter went to the bylines
        for (const Span &b : sp.bylines) byline_inside = byline_inside || (b.begin >= s.begin && b.end <= s.end);
        check("dateline", *a.dateline, s, dateline_form(t.substr(s.begin, s.end - s.begin)),
              {{"byline_inside", byline_inside}});
      }
      for (size_t i = 0; i < a.bylines.size(); ++i) {
        const Span &s = sp.bylines[i];
        const std::string src = t.substr(s.begin, s.end - s.begin);
        // The name alone, unless it is not written in one run in its source
        // (a name made of the Han characters of a line: 的“合伙人”): then all
        // the text it was read from.
        const std::u32string name = folded(a.bylines[i].name), where = folded(src);
        check("byline", a.bylines[i].name, s, normalized(src, InlineMode::Name),
              {{"name_not_in_one_run", where.find(name) == std::u32string::npos}});
      }
      for (size_t i = 0; i < a.paragraphs.size(); ++i) {
        const Span &s = sp.paragraphs[i];
        const std::string src = t.substr(s.begin, s.end - s.begin);
        const std::string exact = normalized(src, InlineMode::Body);
        if (exact != a.paragraphs[i] && facts.columns_unmerged(s)) {
          sane(s, "paragraph " + a.paragraphs[i]);
          EXPECT_TRUE(all_within(a.paragraphs[i], src)) << "paragraph (columns_unmerged): " << a.paragraphs[i]
                                                         << "\n  source: " << src;
          tally.add("paragraph", "columns_unmerged");
          continue;
        }
        check("paragraph", a.paragraphs[i], s, exact,
              {{"repeat_removed", facts.repeat_removed(s)}, {"other_items_inside", facts.holds_other_items(s, ai)}},
              facts.run_together(s));
      }
    }
  }
  const size_t own = bm_test::test_pages(BM_TEST_DATA_DIR).size();
  std::cout << "[ spans    ] " << pages << " pages (" << pages - std::min(pages, own)
            << " from the shared corpora), " << articles << " articles\n";
  tally.print();
}

}  // namespace
