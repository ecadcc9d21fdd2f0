// lines/column_order: which column each part of a run of merged lines is,
// read by the columns' rhythm and their text.
#include <gtest/gtest.h>

#include <string_view>
#include <vector>

#include "core/common/word_join.h"
#include "core/lines/column_order.h"

using namespace bm::detail;

namespace {
constexpr int k_column = 40;  // layout cells of a column line
using Columns = std::vector<std::vector<uint8_t>>;

Columns read(const std::vector<RowParts> &rows, size_t columns) {
  WordJoin words;
  return assign_columns(rows, columns, k_column, words);
}
}  // namespace

TEST(ColumnOrder, LevelRowsAreReadLeftToRight) {
  const std::vector<RowParts> rows = {
      {"城东老街的改造工程日前已经全部完成，沿街", "施工队伍入场后，先对地下管网进行了全面"},
      {"的商铺也陆续开门迎客，吸引了不少市民。", "更新，又对临街建筑的外立面逐一进行修缮。"},
  };
  EXPECT_EQ(read(rows, 2), (Columns{{0, 1}, {0, 1}}));
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
  EXPECT_EQ(read(rows, 3), (Columns{{0, 1, 2}, {0}, {1, 2}, {1, 2}}));
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
  EXPECT_EQ(read(rows, 2), (Columns{{0, 1}, {1}, {0}}));
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
  EXPECT_EQ(read(rows, 2), (Columns{{0, 1}, {1}, {0}}));
}

TEST(ColumnOrder, ATieGoesToTheColumnSilentLongest) {
  // The middle column sets a subhead; the left and right columns then end
  // their paragraphs. Each of the three may be followed by space, so none
  // is late; the next paragraph's first line is the middle column's, which
  // has been silent longest, and the one after it the left column's.
  const std::vector<RowParts> rows = {
      {"城东老街的改造工程日前已经全部完成，沿街", "保留了原有的青砖灰瓦和木质门窗。",
       "“我们的意见都被采纳了。”一位居民说，如今"},
      {"居民的事居民商量"},
      {"的商铺也陆续开门迎客，吸引了不少市民。", "出门就能在树荫下歇脚，日子过得很舒心。"},
      {"改造方案怎么定？街道把图纸贴到了每个楼"},
      {"老街改造之初，街道就定下了规矩：不大拆"},
  };
  EXPECT_EQ(read(rows, 3), (Columns{{0, 1, 2}, {1}, {0, 2}, {1}, {0}}));
}

TEST(ColumnOrder, AColumnWhoseParagraphEndedMayBeLapped) {
  // The middle column ends a paragraph; space may follow it, so the left
  // and right columns give two rows before its next line without fault (the
  // second pair is theirs: each line the rest of a word cut at the edge,
  // 改|造 and 下一|步).
  const std::vector<RowParts> rows = {
      {"街道还组织志愿者上门走访，了解老人的生活", "大家都很满意。", "社区还开设了老年食堂，每天为老人们供应营养"},
      {"需求，并为有需要的老人们提供居家改", "午餐，价格实惠，深受老人们欢迎。下一"},
      {"造建议，帮助他们解决生活中的实际困难。", "步还将开通送餐上门服务，方便行动不便的老人。"},
  };
  EXPECT_EQ(read(rows, 3), (Columns{{0, 1, 2}, {0, 2}, {0, 2}}));
}

TEST(ColumnOrder, ALineOpeningWithAParticleContinuesALine) {
  // The middle column sets a subhead while the left and right columns run
  // on. In the last pair, the line that opens with 的 (a particle no
  // sentence opens with) is the rest of the right column's line, not the
  // first line under the subhead.
  const std::vector<RowParts> rows = {
      {"城东老街的改造工程日前已经全部完成，沿街", "保留了原有的青砖灰瓦和木质门窗。",
       "“我们的意见都被采纳了。”一位居民说，如今"},
      {"商铺陆续开门迎客，吸引了不少市民前来游", "出门就能在树荫下歇脚，和老邻居聊聊天，"},
      {"居民的事居民商量"},
      {"览拍照，老街一下子热闹了起来，沿街的老房", "日子过得很舒心，街坊们都说这是大家"},
      {"子也都修旧如旧。", "的心愿，往后的日子会越过越好。"},
  };
  EXPECT_EQ(read(rows, 3), (Columns{{0, 1, 2}, {0, 2}, {1}, {0, 2}, {0, 2}}));
}
