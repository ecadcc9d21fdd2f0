// lines/ by itself: line records (byte ranges of the trimmed content, display
// widths, one record per run of blank lines) and pieces (a line cut before an
// embedded byline mark, a line of closing punctuation joined to the piece
// before it), on small hand-written inputs.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/common/text_store.h"
#include "core/lines/lines.h"
#include "common/core_fixtures.h"

using namespace bm::detail;

namespace {

const Lexicon &lex() {
  static const Lexicon l = bm_test::builtin_lexicon();
  return l;
}

std::string_view content(std::string_view text, const Line &l) { return text.substr(l.begin, l.end - l.begin); }

// The pieces of `text` (views into it and into `edits`, which must outlive them).
std::vector<Piece> pieces_of(const std::string &text, TextStore &edits) {
  return split_pieces(text, split_lines(text), lex(), edits);
}

}  // namespace

TEST(Lines, RecordsHoldTrimmedRangesAndBlankRuns) {
  const std::string text = "  市委召开会议\n\n\n\n本报讯 记者 王强\n正文第一段。\n";
  const std::vector<Line> lines = split_lines(text);
  ASSERT_EQ(lines.size(), 4u);  // a line, a run of three blank ones, two lines (the final newline ends a line)
  EXPECT_FALSE(lines[0].blank);
  EXPECT_EQ(content(text, lines[0]), "市委召开会议");
  EXPECT_EQ(lines[0].width, 12);  // six ideographs, two cells each
  EXPECT_TRUE(lines[1].blank);
  EXPECT_EQ(lines[1].lines, 3u);
  EXPECT_EQ(content(text, lines[2]), "本报讯 记者 王强");
  EXPECT_EQ(content(text, lines[3]), "正文第一段。");
}

TEST(Lines, ManyBlankLinesAreOneRecord) {
  const std::string text = "标题\n" + std::string(10000, '\n') + "正文。\n";
  const std::vector<Line> lines = split_lines(text);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_TRUE(lines[1].blank);
  EXPECT_GE(lines[1].lines, 9999u);
}

TEST(Pieces, ALineIsCutBeforeAnEmbeddedBylineMark) {
  const std::string text = "市民在公园里赏花，感受春天的气息。 ■摄影 王 强\n";
  TextStore edits;
  const std::vector<Piece> pieces = pieces_of(text, edits);
  ASSERT_EQ(pieces.size(), 2u);
  EXPECT_EQ(pieces[0].text, "市民在公园里赏花，感受春天的气息。");
  EXPECT_EQ(pieces[1].text, "■摄影 王 强");
  EXPECT_TRUE(pieces[0].first_in_line);
  EXPECT_FALSE(pieces[0].last_in_line);
  EXPECT_FALSE(pieces[1].first_in_line);
  EXPECT_TRUE(pieces[1].last_in_line);
  // Spans are byte ranges of the text and do not overlap.
  EXPECT_EQ(text.substr(pieces[1].begin, pieces[1].end - pieces[1].begin), "■摄影 王 强");
  EXPECT_LE(pieces[0].end, pieces[1].begin);
}

// A photo credit closing the caption's line after its last sentence is a
// piece of its own: set off by a space, with the photo's source in brackets
// after it, or in brackets itself straight after the sentence. A bracket
// that is no source (a sentence), credits no photographer or follows no
// finished sentence keeps the line whole.
TEST(Pieces, ACreditClosingTheCaptionsLineIsCutOff) {
  const std::vector<std::pair<const char *, std::vector<std::string>>> cases = {
      {"工人在变电站开展设备巡检。 吴一帆摄（新华社发）", {"工人在变电站开展设备巡检。", "吴一帆摄（新华社发）"}},
      {"渔民在滩涂上晾晒紫菜。（本报记者 赵 阳摄）", {"渔民在滩涂上晾晒紫菜。", "（本报记者 赵 阳摄）"}},
      {"工人在变电站开展设备巡检。 吴一帆摄（左一为班组长，右为新工人）", {}},
      {"渔民在滩涂上晾晒紫菜。（完）", {}},
      {"渔民在滩涂上晾晒紫菜。（记者 赵阳）", {}},
      {"渔民在滩涂上晾晒紫菜（本报记者 赵 阳摄）", {}},
      {"（本报记者 赵 阳摄）渔民在滩涂上晾晒紫菜。", {}},
  };
  for (const auto &[line, want] : cases) {
    TextStore edits;
    const std::string text = std::string(line) + "\n";  // the pieces are views into it
    std::vector<std::string> got;
    for (const Piece &p : pieces_of(text, edits)) got.emplace_back(p.text);
    EXPECT_EQ(got, want.empty() ? std::vector<std::string>{line} : want) << line;
  }
}

TEST(Pieces, AMarkOpeningTheLineDoesNotCutIt) {
  const std::string text = "■记者 王强 通讯员 李明\n";
  TextStore edits;
  const std::vector<Piece> pieces = pieces_of(text, edits);
  ASSERT_EQ(pieces.size(), 1u);
  EXPECT_EQ(pieces[0].text, "■记者 王强 通讯员 李明");
}

TEST(Pieces, ALineOfClosingPunctuationJoinsThePieceBefore) {
  const std::string text = "他说：“我们会继续努力\n”。\n\n下一段。\n";
  TextStore edits;
  const std::vector<Piece> pieces = pieces_of(text, edits);
  ASSERT_EQ(pieces.size(), 2u);
  EXPECT_EQ(pieces[0].text, "他说：“我们会继续努力”。");
  EXPECT_EQ(pieces[1].text, "下一段。");
  EXPECT_EQ(pieces[1].blanks_before, 1);
  // The joined piece's range runs to the mark's end.
  EXPECT_EQ(text.substr(pieces[0].end - 6, 6), "”。");
}
