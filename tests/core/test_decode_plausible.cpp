// Stage 1 (decode), issue 14 "Decoding short texts": input that is not valid
// UTF-8 is read as UTF-8 (with U+FFFD), GB18030 and Big5, and the most
// plausible reading wins. Short texts of 2-20 characters: UTF-8 with one
// truncated character stays UTF-8 with one U+FFFD; the same texts in GB18030
// and Big5 (made with ICU's converters here) are still detected as such.
#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <string>
#include <vector>

#include "banmian/banmian.h"
#include "core/common/utf8.h"
#include "core/decode/decode.h"
#include "core/decode/plausible.h"

using namespace bm::detail;

namespace {

// Invented phrases of newspaper Chinese, 2 to 20 characters each.
const std::vector<std::string> kSimplified = {
    "你好",
    "新闻",
    "本报讯",
    "经济发展",
    "今天天气很好",
    "国务院常务会议",
    "全国人大代表建议",
    "市场监管部门提醒消费者",
    "上半年工业增加值同比增长",
    "科技创新推动高质量发展",
    "记者从市教育局获悉，今年共有",
    "春节期间，全市旅游收入明显增长。",
    "他说：“这是我们共同的责任。”",
    "铁路部门加开临时列车，方便旅客出行",
    "医院门诊量回升，各科室有序开展工作。",
};

const std::vector<std::string> kTraditional = {
    "新聞",
    "記者",
    "本報訊",
    "經濟發展",
    "兩岸關係緩和",
    "行政院會議通過",
    "颱風來襲各地停班停課",
    "總統府發言人表示",
    "學校開學日期延後一週",
    "國際油價持續上漲",
    "立法院三讀通過修正案",
    "他說：「我們會繼續努力。」",
    "氣象局發布豪雨特報，請民眾注意",
    "中央社記者台北報導，鐵路局加開臨時列車。",
};

// The code points of a UTF-8 string, each as its own UTF-8 bytes.
std::vector<std::string> chars_of(const std::string &s) {
  std::vector<std::string> out;
  for (size_t i = 0; i < s.size();) {
    const size_t start = i;
    next_cp(s, i);
    out.push_back(s.substr(start, i - start));
  }
  return out;
}

std::string join(const std::vector<std::string> &v) {
  std::string s;
  for (const std::string &x : v) s += x;
  return s;
}

// UTF-8 text in another charset, by ICU's converter.
std::string encode(const std::string &utf8, const char *charset) {
  UErrorCode err = U_ZERO_ERROR;
  std::string out(utf8.size() * 2 + 16, '\0');
  const int32_t n = ucnv_convert(charset, "UTF-8", &out[0], static_cast<int32_t>(out.size()), utf8.data(),
                                 static_cast<int32_t>(utf8.size()), &err);
  EXPECT_TRUE(U_SUCCESS(err)) << charset << ": " << u_errorName(err);
  out.resize(n > 0 ? static_cast<size_t>(n) : 0);
  return out;
}

DecodedText dec_auto(const std::string &bytes) { return decode(bytes, DecodeOptions{}); }

}  // namespace

TEST(DecodePlausible, TextsAreTwoToTwentyCharacters) {
  for (const auto *list : {&kSimplified, &kTraditional})
    for (const std::string &t : *list) EXPECT_TRUE(chars_of(t).size() >= 2 && chars_of(t).size() <= 20) << t;
}

TEST(DecodePlausible, Utf8WithOneTruncatedCharacterStaysUtf8) {
  int cases = 0;
  for (const auto *list : {&kSimplified, &kTraditional}) {
    for (const std::string &text : *list) {
      const std::vector<std::string> chars = chars_of(text);
      // The first, a middle and the last character, cut by one or two bytes.
      for (const size_t k : {size_t{0}, chars.size() / 2, chars.size() - 1}) {
        for (const size_t cut : {1, 2}) {
          ASSERT_GT(chars[k].size(), cut);
          std::vector<std::string> broken = chars, expected = chars;
          broken[k].resize(chars[k].size() - cut);
          expected[k] = "\xEF\xBF\xBD";
          const std::string in = join(broken);
          const DecodedText t = dec_auto(in);
          const std::string what = text + ", character " + std::to_string(k) + " cut by " +
                                   std::to_string(cut) + " bytes";
          EXPECT_EQ(t.encoding, "UTF-8") << what << " read as " << t.encoding << ": " << t.utf8;
          EXPECT_EQ(t.utf8, join(expected)) << what;
          EXPECT_EQ(t.replacements, 1u) << what;
          EXPECT_TRUE(t.flags & BM_TEXT_INVALID_REPLACED) << what;
          EXPECT_FALSE(t.flags & BM_TEXT_ENCODING_DETECTED) << what;
          ++cases;
        }
      }
    }
  }
  EXPECT_GE(cases, 150);
}

TEST(DecodePlausible, ShortGb18030IsStillGb18030) {
  for (const std::string &text : kSimplified) {
    const std::string bytes = encode(text, "GB18030");
    ASSERT_NE(bytes, text);
    const DecodedText t = dec_auto(bytes);
    EXPECT_EQ(t.encoding, "GB18030") << text << " read as " << t.encoding << ": " << t.utf8;
    EXPECT_EQ(t.utf8, text);
    EXPECT_EQ(t.replacements, 0u) << text;
    EXPECT_TRUE(t.flags & BM_TEXT_ENCODING_DETECTED) << text;
  }
}

TEST(DecodePlausible, ShortBig5IsStillBig5) {
  for (const std::string &text : kTraditional) {
    const std::string bytes = encode(text, "Big5");
    const DecodedText t = dec_auto(bytes);
    EXPECT_EQ(t.encoding, "Big5") << text << " read as " << t.encoding << ": " << t.utf8;
    EXPECT_EQ(t.utf8, text);
    EXPECT_EQ(t.replacements, 0u) << text;
    EXPECT_TRUE(t.flags & BM_TEXT_ENCODING_DETECTED) << text;
  }
}

TEST(DecodePlausible, CommonCharactersOfBothScripts) {
  EXPECT_EQ(common_han_rank(U'的'), 0);
  for (const char32_t c : {U'国', U'國', U'这', U'這', U'们', U'們', U'说', U'說', U'报', U'報'}) {
    EXPECT_GE(common_han_rank(c), 0) << static_cast<unsigned>(c);
    EXPECT_LT(common_han_rank(c), 1500) << static_cast<unsigned>(c);
  }
  EXPECT_EQ(common_han_rank(U'A'), -1);
  EXPECT_EQ(common_han_rank(U'の'), -1);
  EXPECT_EQ(common_han_rank(0x9FA5), -1);  // 龥: in the block, not common
}

TEST(DecodePlausible, MojibakeIsLessLikelyThanTheText) {
  // The GB18030 bytes of 经济发展 read as Big5, and its UTF-8 bytes read as GB18030.
  const std::string text = "经济发展";
  const std::string as_big5 = decode(encode(text, "GB18030"), DecodeOptions{"Big5", false, 1 << 20}).utf8;
  const std::string as_gb = decode(text, DecodeOptions{"GB18030", false, 1 << 20}).utf8;
  EXPECT_GT(reading_log_likelihood(text), reading_log_likelihood(as_big5)) << as_big5;
  EXPECT_GT(reading_log_likelihood(text), reading_log_likelihood(as_gb)) << as_gb;
  // One U+FFFD costs less than a rare character: a broken byte beats mojibake.
  EXPECT_GT(reading_log_likelihood("你\xEF\xBF\xBD"), reading_log_likelihood("浣犲\xEF\xBF\xBD"));
}

TEST(DecodePlausible, EquallyPlausibleReadingsKeepTheOldRule) {
  // A lone 0xFF in ASCII is one U+FFFD in every reading: the text is the same
  // whatever wins, and the old rule (nearly UTF-8, else ICU's detector, else
  // GB18030) names the encoding.
  std::string longer(200, 'a');
  longer[100] = '\xFF';
  std::string expected = longer.substr(0, 100) + "\xEF\xBF\xBD" + longer.substr(101);
  const DecodedText t = dec_auto(longer);
  EXPECT_EQ(t.utf8, expected);
  EXPECT_EQ(t.replacements, 1u);
  const DecodedText s = dec_auto("abc\xFF");
  EXPECT_EQ(s.encoding, "GB18030");
  EXPECT_EQ(s.utf8, "abc\xEF\xBF\xBD");
  EXPECT_TRUE(s.flags & BM_TEXT_ENCODING_DETECTED);
  // One bad byte in a longer UTF-8 text: UTF-8 both by the readings and by the old rule.
  const DecodedText u = dec_auto("\xE4\xBB\x8A\xE5\xB9\xB4\xE4\xB8\x8A\xE5\x8D\x8A\xE5\xB9\xB4\xFF\xE5\xA2\x9E\xE9\x95\xBF");
  EXPECT_EQ(u.encoding, "UTF-8");
  EXPECT_EQ(u.utf8, "今年上半年\xEF\xBF\xBD增长");
}

TEST(DecodePlausible, Utf16WithoutBomStillWinsWhenItIsText) {
  // 中文报纸 in UTF-16LE and UTF-16BE, no BOM.
  const std::string text = "中文报纸";
  EXPECT_EQ(dec_auto(encode(text, "UTF-16LE")).encoding, "UTF-16LE");
  EXPECT_EQ(dec_auto(encode(text, "UTF-16LE")).utf8, text);
  EXPECT_EQ(dec_auto(encode(text, "UTF-16BE")).encoding, "UTF-16BE");
}

TEST(DecodePlausible, LongInputsAreJudgedOnAWindowAroundTheFirstBadByte) {
  // 1 MiB of UTF-8 Chinese with one truncated character deep inside.
  std::string body;
  while (body.size() < (1u << 20)) body += "国务院常务会议研究部署经济工作。\n";
  const size_t at = body.find('\n', body.size() / 2) + 1 + 2 * 3;  // the third character of a line
  std::string in = body.substr(0, at) + body.substr(at, 2) + body.substr(at + 3);
  const DecodedText t = dec_auto(in);
  EXPECT_EQ(t.encoding, "UTF-8");
  EXPECT_EQ(t.replacements, 1u);
}
