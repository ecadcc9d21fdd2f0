// The output bound (issue 16, docs/page-json.md): compact page JSON <= 8 x the
// input's bytes + 64 KiB on floods of tiny items, which used to give up to
// 12 x (one item per "本报讯 甲。" line, 17 x in GB18030).
#include <gtest/gtest.h>

#include <string>

#include "core/lexicon/lexicon.h"
#include "core/output/bound.h"
#include "core/pipeline/parser.h"

using namespace bm::detail;

namespace {

const Parser &parser() {
  static const Parser p = [] {
    Lexicon lex;
    lex.load(k_default_lexicon, "built-in");
    lex.finish();
    return Parser(std::move(lex), 64 << 20);
  }();
  return p;
}

std::string repeat(const std::string &s, size_t bytes) {
  std::string out;
  while (out.size() + s.size() <= bytes) out += s;
  return out;
}

size_t bound_of(size_t input) { return k_output_bound_factor * input + k_output_bound_slack_bytes; }

}  // namespace

class OutputBound : public ::testing::TestWithParam<const char *> {};

TEST_P(OutputBound, FloodStaysWithinTheBound) {
  const std::string input = repeat(GetParam(), 100000);
  CallOptions o;
  const Page page = parser().parse(input, o);
  const size_t json = page_json_bytes(page);
  EXPECT_LE(json, bound_of(input.size())) << "input " << input.size() << " bytes";
  // No text is lost by merging: every item's span stays inside the input.
  for (const Article &a : page.articles) EXPECT_LE(a.span_end, input.size());
}

INSTANTIATE_TEST_SUITE_P(Floods, OutputBound,
                         ::testing::Values("a\n(完)\n", "本报讯 甲。\n", "标题\n\n本报讯 甲。\n\n", "\x01\x01\n\n本报讯 甲。\n\n",
                                           "■记者 王\n", "(完)\n■记者 王\n", "甲\n\n", "图/王\n", "A1版\n", "。\n",
                                           "甲乙\n\n丙，\n\n", "编者按：甲\n", "本报讯 (完)\n"));

TEST(OutputBoundGb, TwoByteCharactersFlood) {
  // 标题 / 本报讯 甲。 in GB18030: 19 bytes an item (a headline over a
  // one-sentence story), far more items than the bound carries.
  const std::string item = "\xB1\xEA\xCC\xE2\x0A\x0A\xB1\xBE\xB1\xA8\xD1\xB6\x20\xBC\xD7\xA1\xA3\x0A\x0A";
  const std::string input = repeat(item, 120000);
  CallOptions o;
  o.encoding = "GB18030";
  const Page page = parser().parse(input, o);
  EXPECT_LE(page_json_bytes(page), bound_of(input.size()));
  ASSERT_FALSE(page.warnings.empty());
  EXPECT_NE(page.warnings.back().find("items merged"), std::string::npos) << page.warnings.back();
}

TEST(OutputBoundMerge, SmallPagesAreLeftAlone) {
  // Far below the bound: nothing merged, no warning, even with tiny items.
  const std::string input = repeat("标题\n\n本报讯 甲。\n\n", 4000);  // about 160 items
  const Page page = parser().parse(input, {});
  EXPECT_GT(page.articles.size(), 50u);
  EXPECT_TRUE(page.warnings.empty());
}
