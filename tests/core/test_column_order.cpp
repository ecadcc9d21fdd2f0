// lines/column_order: which column each part of a run of merged lines is,
// read by the columns' rhythm and their text.
#include <gtest/gtest.h>

#include <string_view>
#include <vector>

#include "core/lines/column_order.h"

using namespace bm::detail;

namespace {
constexpr int k_column = 40;  // layout cells of a column line
using Columns = std::vector<std::vector<uint8_t>>;
}  // namespace

TEST(ColumnOrder, LevelRowsAreReadLeftToRight) {
  const std::vector<RowParts> rows = {
      {"城东老街的改造工程日前已经全部完成，沿街", "施工队伍入场后，先对地下管网进行了全面"},
      {"的商铺也陆续开门迎客，吸引了不少市民。", "更新，又对临街建筑的外立面逐一进行修缮。"},
  };
  EXPECT_EQ(assign_columns(rows, 2, k_column), (Columns{{0, 1}, {0, 1}}));
}

TEST(ColumnOrder, ASubheadsColumnIsNotLapped) {
  // Three columns. The left one ends a paragraph and sets a subhead, which
  // takes the room of two lines: the middle and right columns give two
  // rows meanwhile. The second pair is theirs (the middle column's line was
  // cut mid-word: 修|缮), not the left and right columns': that the others
  // give two lines while the left gives one is no fault, its last line
  // being a subhead.
  const std::vector<RowParts> rows = {
      {"城东老街的改造工程日前已经全部完成。", "施工队伍入场后，先对地下管网进行了全面",
       "据介绍，老街改造采取政府引导、居民参与"},
      {"街区焕新颜"},
      {"更新，又对临街建筑的外立面逐一进行了修", "的方式，广泛听取了各方意见和建议。"},
      {"缮，保留了原有的青砖灰瓦和木质门窗样式。", "“我们的意见都被采纳了。”一位居民说，"},
  };
  EXPECT_EQ(assign_columns(rows, 3, k_column), (Columns{{0, 1, 2}, {0}, {1, 2}, {1, 2}}));
}

TEST(ColumnOrder, AQuoteSeldomContinuesACutLine) {
  // Two columns: the left line is cut mid-sentence, the right one ends its
  // paragraph. Of the two lone lines after them, the one that opens a
  // quote starts the right column's next paragraph; the other continues
  // the left column.
  const std::vector<RowParts> rows = {
      {"街道还组织志愿者上门走访，了解老人需求，", "大家都很满意。"},
      {"“我们会把这件事一直做下去。”社区书记说，"},
      {"帮助他们解决生活中的实际困难。"},
  };
  EXPECT_EQ(assign_columns(rows, 2, k_column), (Columns{{0, 1}, {1}, {0}}));
}

TEST(ColumnOrder, ALineCutMidSentenceIsNotContinuedByASubhead) {
  // The left column's line is cut mid-sentence; the lone subhead after the
  // row is the right column's (whose paragraph ended), and the line after
  // it the left column's.
  const std::vector<RowParts> rows = {
      {"施工队伍入场后，先对地下管网进行了全面", "城东老街的改造工程日前已经全部完成。"},
      {"街区焕新颜"},
      {"更新，又对临街建筑的外立面逐一进行修缮。"},
  };
  EXPECT_EQ(assign_columns(rows, 2, k_column), (Columns{{0, 1}, {1}, {0}}));
}
