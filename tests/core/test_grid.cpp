// A page as `pdftotext -layout` prints it (lines/grid.h): every printed line
// holds all the columns side by side, padded with spaces. The reader cuts
// the page across at blank rows and down at gutters and reads each column
// in turn. Text invented; the rows are built cell by cell (a character a
// cell, as the grid prints them).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/common/utf8.h"
#include "core/lines/grid.h"
#include "core/lines/lines.h"

using namespace bm::detail;

namespace {

// `text` padded with spaces to `cells` characters.
std::string pad(const std::string &text, size_t cells) {
  std::string out = text;
  for (size_t n = cp_count(text); n < cells; ++n) out += ' ';
  return out;
}

// A row of columns: each part starts at its cell (parts[k].first).
std::string row(const std::vector<std::pair<size_t, std::string>> &parts) {
  std::string out;
  for (const auto &[at, text] : parts) out = pad(out, at) + text;
  return out;
}

std::string page_of(const std::vector<std::string> &rows) {
  std::string out;
  for (const std::string &r : rows) out += r + "\n";
  return out;
}

// The records of the reading, text or "" for a run of blank lines.
std::vector<std::string> reading(const std::string &text) {
  std::vector<std::string> out;
  for (const Line &l : read_layout_grid(text)) out.push_back(l.blank ? "" : text.substr(l.begin, l.end - l.begin));
  return out;
}

// Two columns of a story, 16 cells each, the second starting at cell 18.
const std::vector<std::string> k_left = {
    "  社区食堂开在了家门口，老人",  // indented: a paragraph's first line
    "们每天中午都来这里吃饭。饭菜",
    "清淡可口，价格也实惠。",
    "  食堂由街道和一家餐饮企业合",
    "作开办，每天供应三十多个菜品",
    "，还为行动不便的老人送餐上门",
};
const std::vector<std::string> k_right = {
    "。街道负责人说，下一步将在另",
    "外两个社区开设食堂，让更多老",
    "人受益。",
    "  住在附近的王大爷说，现在中",
    "午不用再自己做饭了，既省心又",
    "能和老邻居们聊聊天。",
};

std::vector<std::string> two_columns(int wander_row = -1) {
  std::vector<std::string> rows;
  for (size_t i = 0; i < k_left.size(); ++i) {
    // a row with more narrow characters prints its next column a cell later
    const size_t at = static_cast<int>(i) == wander_row ? 19 : 18;
    rows.push_back(row({{0, k_left[i]}, {at, k_right[i]}}));
  }
  return rows;
}

std::vector<std::string> joined(std::vector<std::string> a, const std::vector<std::string> &b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

std::vector<std::string> trimmed(const std::vector<std::string> &rows) {
  std::vector<std::string> out;
  for (const std::string &r : rows) out.emplace_back(trim(r));
  return out;
}

}  // namespace

TEST(Grid, TextReadInOrderIsNoGrid) {
  // an extractor's reading order (no padding), a typed page: read line by line
  EXPECT_TRUE(read_layout_grid(page_of(k_left)).empty());
  EXPECT_TRUE(read_layout_grid("社区食堂开在了家门口 老人们每天都来\n饭菜清淡可口\n").empty());
  EXPECT_TRUE(read_layout_grid("").empty());
}

TEST(Grid, ColumnsSideBySideAreReadOneAfterTheOther) {
  std::vector<std::string> rows = {row({{4, "社区食堂开到家门口"}}), row({{6, "本报记者 林 涛"}})};
  rows = joined(rows, two_columns(/*wander_row=*/4));
  const std::vector<std::string> expected =
      joined(joined({"社区食堂开到家门口", "本报记者 林 涛"}, trimmed(k_left)), trimmed(k_right));
  EXPECT_EQ(reading(page_of(rows)), expected);
  // the same page through split_lines: the grid's records
  EXPECT_EQ(split_lines(page_of(rows)).size(), expected.size());
}

TEST(Grid, ABoxUnderTheColumnsComesAfterThem) {
  std::vector<std::string> rows = two_columns();
  rows.push_back(row({{10, "便民服务"}}));
  rows.push_back(row({{6, "修鞋"}, {16, "配钥匙"}}));
  rows.push_back(row({{6, "磨刀"}, {16, "换拉链"}}));
  const std::vector<std::string> got = reading(page_of(rows));
  ASSERT_EQ(got.size(), k_left.size() + k_right.size() + 5);
  EXPECT_EQ(std::vector<std::string>(got.begin(), got.begin() + 12), joined(trimmed(k_left), trimmed(k_right)));
  // the box row by row, its cells apart
  EXPECT_EQ(std::vector<std::string>(got.begin() + 12, got.end()),
            (std::vector<std::string>{"便民服务", "修鞋", "配钥匙", "磨刀", "换拉链"}));
}

TEST(Grid, ItemsStackedInTheSameColumnsAreReadOneAtATime) {
  // Two items in the left pair of columns, one under the other (two blank
  // rows between them in both columns), beside a story in the right pair.
  const std::vector<std::string> right_story = {
      "  河道清淤工程昨天完工，沿岸",  "居民告别了多年的异味。工程共",  "清理淤泥两万多立方米，新建生",
      "态护岸一千二百米。下一步，街",  "道将在河边修建健身步道和休闲", "广场，方便居民散步锻炼。",
      "  家住河边的李阿姨说，以前夏",  "天都不敢开窗，现在河水清了，", "傍晚常和邻居在河边走一走。",
  };
  const std::vector<std::string> right_story_2 = {
      "岸边还种上了垂柳和月季，成了", "附近孩子们最爱去的地方。街道", "还请来志愿者定期巡河护河。",
      "  区里表示，将把这里的做法推", "广到其他河道，年内再完成三条", "河道的整治工作。",
      "  附近的小学也把河边当成了课", "堂，带学生认识水生植物。",      "",
  };
  std::vector<std::string> rows;
  for (size_t i = 0; i < 9; ++i) {
    std::string left_1, left_2;
    if (i < 3) left_1 = k_left[i], left_2 = k_right[i];
    if (i == 5) left_1 = "书屋周末开放";
    if (i > 5) left_1 = k_left[i - 3], left_2 = k_right[i - 3];
    rows.push_back(row({{0, left_1}, {18, left_2}, {36, right_story[i]}, {54, right_story_2[i]}}));
  }
  const std::vector<std::string> got = reading(page_of(rows));
  std::vector<std::string> text;
  for (const std::string &t : got)
    if (!t.empty()) text.push_back(t);
  const std::vector<std::string> expected = {
      k_left[0], k_left[1], k_left[2], k_right[0], k_right[1], k_right[2],                // the first item
      "书屋周末开放", k_left[3], k_left[4], k_left[5], k_right[3], k_right[4], k_right[5],  // the second
  };
  ASSERT_GE(text.size(), expected.size());
  EXPECT_EQ(trimmed(std::vector<std::string>(text.begin(), text.begin() + 13)), trimmed(expected));
  EXPECT_EQ(std::string(trim(text[13])), std::string(trim(right_story[0])));  // then the story beside them
}

TEST(Grid, AWideGutterMayWander) {
  // gaps of five to nine spaces, starting where each row's left part ends
  std::vector<std::string> rows;
  for (size_t i = 0; i < k_left.size(); ++i) rows.push_back(row({{0, k_left[i]}, {23 + (i % 3), k_right[i]}}));
  EXPECT_EQ(reading(page_of(rows)), joined(trimmed(k_left), trimmed(k_right)));
}

TEST(Grid, AOneSpaceGutterMayWanderByACell) {
  // full column lines, one space apart; the line with half-width digits holds
  // a character more and sets the gutter a cell to the right
  const std::vector<std::string> left = {
      "今年以来，全区新建口袋公园十二",  // 15 cells each
      "个，改造老旧小区二十三个，新增",
      "停车位1200余个，完成既定任务",    // 16: digits are narrow
      "的百分之九十。区里表示，年底前",
  };
  const std::vector<std::string> right = {
      "将再建一批社区食堂和托育点，让",
      "居民在家门口享受更多便利。附近",
      "的居民说，这些变化看得见、摸得",
      "着，日子过得越来越舒心了。",
  };
  std::vector<std::string> rows;
  for (size_t i = 0; i < left.size(); ++i) rows.push_back(left[i] + " " + right[i]);
  EXPECT_EQ(reading(page_of(rows)).size(), 0u);  // one-space gaps only: no padding, not a grid
  rows.push_back(row({{4, "（记者 陈 曦）"}, {16, "本版编辑 王 宁"}}));  // a padded row: the page is a grid
  std::vector<std::string> expected = joined(left, right);
  expected.push_back("（记者 陈 曦）");
  expected.push_back("本版编辑 王 宁");
  EXPECT_EQ(reading(page_of(rows)), expected);
}

TEST(Grid, AWideAndTallPageIsReadLineByLine) {
  // a padded page too large to scan for gutters: the work stays bounded
  std::string wide(200000, ' ');
  wide += "尾";
  std::string text;
  for (int i = 0; i < 200; ++i) text += page_of(two_columns());
  text += wide + "\n";
  EXPECT_TRUE(read_layout_grid(text).empty());
}
