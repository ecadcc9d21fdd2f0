// A column's name set over a story in text without blank lines (a PDF
// extractor's): it leaves the headline and stands as an item of its own
// (kind other), the way a banner over the headline does.
#include <gtest/gtest.h>

#include <string>

#include "common/core_fixtures.h"

using namespace bm::detail;

TEST(ColumnLabelOnAPage, LeavesTheHeadlineAndStandsAlone) {
  const std::string page =
      "新华社北京3月9日电 记者日前从各地获悉，今年以来各地\n"
      "持续推进城乡基础设施建设，一批重点项目陆续开工，为\n"
      "稳定经济增长提供了有力支撑。有关负责人表示，下一步\n"
      "将继续加强统筹协调，确保各项工作落到实处、取得实效，\n"
      "让人民群众有更多获得感。\n"
      "编辑手记\n"
      "集中安置里的发展新思路\n"
      "郑晓川\n"
      "面对山区村落老人散居各处、看病购物不便等难题，当地\n"
      "创新实施集中安置工程，统一配套医养设施，让老人住得\n"
      "好、过得好，取得了良好的社会效果。这一做法表明，因\n"
      "地制宜、精准施策，才能把好事办实、把实事办好。\n";
  const Page p = bm_test::default_parser().parse(page, {});
  bool label_alone = false, story = false;
  for (const Article &a : p.articles) {
    for (const std::string &h : a.headline) EXPECT_EQ(h.find("编辑手记"), std::string::npos) << h;
    if (a.kind == Kind::Other && !a.paragraphs.empty() && a.paragraphs.front() == "编辑手记") label_alone = true;
    if (a.kind == Kind::News && !a.headline.empty() && a.headline.front() == "集中安置里的发展新思路") story = true;
  }
  EXPECT_TRUE(label_alone);
  EXPECT_TRUE(story);
}
