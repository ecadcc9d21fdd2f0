// Hard-wrapped columns with blank lines (blocks/layout.cpp, paragraph_break):
// a blank line after a line that stops well short of its column ends the
// paragraph whatever the line's last mark (historic text closes sentences
// with 、; a paragraph may end with a colon or a dash), while a blank line
// after a full line that ends no sentence is a column break inside one.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/assemble/assemble.h"
#include "core/lines/lines.h"

using namespace bm::detail;

namespace {

std::vector<std::string> reflow_text(const std::string &text) { return reflow_all(text, split_lines(text)); }

}  // namespace

TEST(BlankLineBreaks, HistoricPunctuationShortLineThenBlankEndsTheParagraph) {
  // Columns of 18 characters; 、 is the only mark, as in 1920s papers.
  const std::string text =
      "讀書之道、貴有恆、旣不能速成、亦不可輟\n"
      "於半途、日積月累、學乃有成、今世之少年\n"
      "多求速效、可不戒哉、\n"
      "\n"
      "飲茶之事、雅俗共賞、然知其味者甚少、蓋\n"
      "水濁則味苦、火猛則香散、器劣則色味俱損\n"
      "、是以烹茶者不可不愼、\n";
  const std::vector<std::string> p = reflow_text(text);
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[1].rfind("飲茶之事", 0), 0u);
}

TEST(BlankLineBreaks, ALabelLineEndingInADashStandsAlone) {
  const std::string text =
      "从政策引导到场景开放，从技术攻关到基础设\n"
      "施建设，一条新赛道正在加速成形，各地纷纷\n"
      "布局低空经济。\n"
      "\n"
      "长三角——\n"
      "\n"
      "在上海金山区，一条连接华东无人机基地与海\n"
      "岛的物流航线已常态化运行，生鲜和药品当天\n"
      "就能送达。\n";
  const std::vector<std::string> p = reflow_text(text);
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(p[1], "长三角——");
}

TEST(BlankLineBreaks, AFullLineThenBlankIsAColumnBreak) {
  // The first column ends mid-sentence on a full line: one paragraph.
  const std::string text =
      "从政策引导到场景开放，从技术攻关到基础设\n"
      "施建设，一条新赛道正在加速成形，各地纷纷\n"
      "\n"
      "布局低空经济，物流航线已常态化运行，生鲜\n"
      "和药品当天就能送达海岛。\n";
  const std::vector<std::string> p = reflow_text(text);
  ASSERT_EQ(p.size(), 1u);
}
