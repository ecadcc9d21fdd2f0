// common/word_join: ICU's word breaker tells whether a word runs across the
// join of two lines (evidence that the second continues the first).
#include <gtest/gtest.h>

#include "core/common/word_join.h"

using namespace bm::detail;

TEST(WordJoin, AWordCutAtTheLinesEndSpansTheJoin) {
  WordJoin words;
  EXPECT_TRUE(words.spans("今年全市新增城市绿", "化面积三百公顷"));      // 绿化
  EXPECT_TRUE(words.spans("持续推进老旧小区改", "造，提升居民生活品质"));  // 改造
}

TEST(WordJoin, LinesThatMeetBetweenWordsDoNot) {
  WordJoin words;
  EXPECT_FALSE(words.spans("改造工程已全部完成。", "下一步，当地还将"));
  EXPECT_FALSE(words.spans("市民纷纷点赞", "据介绍，今年以来"));
  EXPECT_FALSE(words.spans("", "据介绍"));
  EXPECT_FALSE(words.spans("据介绍", ""));
}
