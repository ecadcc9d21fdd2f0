// common/punct.h: the short bracketed note that may close a photo credit
// (where the photo came from), told apart from a bracket that is text.
#include <gtest/gtest.h>

#include <string>

#include "core/common/punct.h"

using namespace bm::detail;

namespace {

// The text before the note, or "-" when the text ends in none.
std::string before_note(const std::string &text) {
  const size_t at = trailing_bracket_note(text);
  return at == text.size() ? "-" : text.substr(0, at);
}

}  // namespace

TEST(Punct, ABracketedSourceClosesACredit) {
  EXPECT_EQ(before_note("张伟摄（新华社发）"), "张伟摄");
  EXPECT_EQ(before_note("张 伟 摄(资料图片)"), "张 伟 摄");
  EXPECT_EQ(before_note("周静摄（无人机照片）"), "周静摄");
}

TEST(Punct, OtherBracketsAreNoNote) {
  EXPECT_EQ(before_note("（记者 周涛 摄）"), "-");         // the whole credit in brackets
  EXPECT_EQ(before_note("（新华社发）"), "-");             // nothing before it
  EXPECT_EQ(before_note("■记者 王一鸣 (A3)"), "-");        // where the story goes on: letters and digits
  EXPECT_EQ(before_note("…共300个。（完）"), "-");          // one character
  EXPECT_EQ(before_note("张伟摄（左一为受访者，右为其子）"), "-");  // a sentence: marks inside
  EXPECT_EQ(before_note("张伟摄（本报记者 王强）"), "-");   // a space inside
  EXPECT_EQ(before_note("张伟摄（新华社发"), "-");          // not closed
  EXPECT_EQ(before_note("张伟摄"), "-");
  EXPECT_EQ(before_note(""), "-");
}
