// Page-level invariants on every test page: every non-blank piece of the
// input ends up in exactly one article or in the masthead/edition; lines that
// vanished were removed as repeats and the article says so; spans are sane.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "banmian/banmian.h"
#include "common/core_fixtures.h"
#include "common/test_pages.h"
#include "core/assemble/assemble.h"
#include "core/decode/decode.h"
#include "core/extract/extract.h"
#include "core/lexicon/lexicon.h"
#include "core/lines/lines.h"
#include "core/segment/model.h"

using namespace bm::detail;

namespace {

std::vector<std::string> page_files() { return bm_test::test_pages(BM_TEST_DATA_DIR); }

using Parsed = bm_test::StagedPage;


TEST(Invariants, EveryPieceInExactlyOneArticleOrTheMasthead) {
  const Lexicon lex = bm_test::builtin_lexicon();
  const auto files = page_files();
  ASSERT_GE(files.size(), 10u);
  for (const std::string &f : files) {
    SCOPED_TRACE(f);
    const Parsed p = bm_test::parse_stages(f, lex);
    std::vector<int> owners(p.assembly.pieces.size(), 0);
    for (size_t k : p.page.header_pieces) ++owners.at(k);
    for (const Article &a : p.page.articles)
      for (size_t k : a.pieces) ++owners.at(k);
    for (size_t k = 0; k < owners.size(); ++k)
      EXPECT_EQ(owners[k], 1) << "piece " << k << ": " << p.assembly.pieces[k].text;
  }
}

TEST(Invariants, LinesWithoutPiecesWereRemovedRepeatsAndFlagged) {
  const Lexicon lex = bm_test::builtin_lexicon();
  for (const std::string &f : page_files()) {
    SCOPED_TRACE(f);
    const Parsed p = bm_test::parse_stages(f, lex);
    // A line of only closing punctuation joins the piece before it (lines/):
    // it has no piece of its own, but a piece's span covers it.
    std::vector<bool> has_piece(p.lines.size(), false);
    for (const Piece &piece : p.assembly.pieces) {
      has_piece[piece.line] = true;
      for (size_t i = piece.line + 1; i < p.lines.size() && p.lines[i].begin < piece.end; ++i)
        has_piece[i] = has_piece[i] || (!p.lines[i].blank && p.lines[i].end <= piece.end);
    }
    size_t vanished = 0;
    for (size_t i = 0; i < p.lines.size(); ++i) vanished += !p.lines[i].blank && !has_piece[i];
    bool flagged = false;
    for (const Article &a : p.page.articles) flagged = flagged || (a.flags & BM_FLAG_DUPLICATE_TEXT_REMOVED);
    if (vanished > 0) EXPECT_TRUE(flagged) << vanished << " lines vanished without a duplicate flag";
  }
}

TEST(Invariants, SpansAreInsideTheTextAndOrdered) {
  const Lexicon lex = bm_test::builtin_lexicon();
  for (const std::string &f : page_files()) {
    SCOPED_TRACE(f);
    const Parsed p = bm_test::parse_stages(f, lex);
    for (const Article &a : p.page.articles) {
      EXPECT_LE(a.span_begin, a.span_end);
      EXPECT_LE(a.span_end, p.text.utf8.size());
    }
  }
}

TEST(Invariants, StoriesHaveTextAndNamesHaveNoSpaces) {
  const Lexicon lex = bm_test::builtin_lexicon();
  for (const std::string &f : page_files()) {
    SCOPED_TRACE(f);
    const Parsed p = bm_test::parse_stages(f, lex);
    for (const Article &a : p.page.articles) {
      if (a.kind == Kind::News || a.kind == Kind::Photo) EXPECT_FALSE(a.paragraphs.empty());
      for (const Byline &b : a.bylines) EXPECT_EQ(b.name.find(' '), std::string::npos) << b.name;
      if (!a.headline.empty()) EXPECT_TRUE(a.title.has_value() || a.headline.size() >= 2);
    }
  }
}

}  // namespace
