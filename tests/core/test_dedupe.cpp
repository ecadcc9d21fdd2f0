// blocks/dedupe by itself: text an extractor repeated is cut once, on small
// hand-written pieces. A run of at least k_min_repeat bytes (about forty Han
// characters) that already stands in the pieces just before is cut; shorter
// repeats (a name, a phrase) stay; a piece that was nothing but a repeat goes
// and the piece before it is flagged.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/blocks/dedupe.h"
#include "core/common/text_store.h"

using namespace bm::detail;

namespace {

// Pieces over `texts` (views of strings the caller keeps).
std::vector<Piece> pieces_of(const std::vector<std::string> &texts) {
  std::vector<Piece> out;
  uint32_t at = 0;
  for (size_t i = 0; i < texts.size(); ++i) {
    Piece p;
    p.text = texts[i];
    p.line = static_cast<uint32_t>(i);
    p.begin = at;
    p.end = at + static_cast<uint32_t>(texts[i].size());
    at = p.end + 1;
    out.push_back(p);
  }
  return out;
}

const std::string k_long =  // 50 Han characters: over the repeat threshold
    "今年以来全县上下紧紧围绕产业升级目标统筹推进园区扩容道路改造和乡村公共设施建设持续提升沿线群众获得感";

}  // namespace

TEST(Dedupe, ALongRepeatIsCutOnce) {
  const std::vector<std::string> texts = {k_long + "。", "据了解，" + k_long + "。记者还了解到，项目已开工。"};
  std::vector<Piece> pieces = pieces_of(texts);
  TextStore edits;
  EXPECT_EQ(remove_repeats(pieces, edits), 1u);
  ASSERT_EQ(pieces.size(), 2u);
  EXPECT_FALSE(pieces[0].duplicate_cut);
  EXPECT_TRUE(pieces[1].duplicate_cut);
  EXPECT_EQ(pieces[1].text.find(k_long), std::string_view::npos);
  EXPECT_NE(pieces[1].text.find("记者还了解到"), std::string_view::npos);
  // The first copy is untouched and still views its own text.
  EXPECT_EQ(pieces[0].text, texts[0]);
}

TEST(Dedupe, AShortRepeatStays) {
  const std::vector<std::string> texts = {"青溪县人民政府召开常务会议，研究部署当前工作。",
                                          "会上，青溪县人民政府召开常务会议的精神得到传达。"};
  std::vector<Piece> pieces = pieces_of(texts);
  TextStore edits;
  EXPECT_EQ(remove_repeats(pieces, edits), 0u);
  EXPECT_EQ(pieces[1].text, texts[1]);
  EXPECT_FALSE(pieces[1].duplicate_cut);
}

TEST(Dedupe, APieceThatIsOnlyARepeatGoesAndFlagsThePieceBefore) {
  const std::vector<std::string> texts = {k_long + "。", "（本报记者 冯哲）", k_long + "。"};
  std::vector<Piece> pieces = pieces_of(texts);
  TextStore edits;
  EXPECT_EQ(remove_repeats(pieces, edits), 1u);
  ASSERT_EQ(pieces.size(), 2u);
  EXPECT_EQ(pieces[1].text, texts[1]);
  EXPECT_TRUE(pieces[1].duplicate_cut);
}

TEST(Dedupe, NothingRepeatedNothingChanged) {
  const std::vector<std::string> texts = {k_long + "。", "另一段完全不同的文字，讲述了会议的其他安排和后续工作部署情况，内容各不相同。"};
  std::vector<Piece> pieces = pieces_of(texts);
  TextStore edits;
  EXPECT_EQ(remove_repeats(pieces, edits), 0u);
  ASSERT_EQ(pieces.size(), 2u);
  EXPECT_EQ(pieces[0].text, texts[0]);
  EXPECT_EQ(pieces[1].text, texts[1]);
}
