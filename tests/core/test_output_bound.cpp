// The output bound (issue 16, docs/page-json.md): compact page JSON <= 8 x the
// input's bytes + 64 KiB on floods of tiny items, which used to give up to
// 12 x (one item per "本报讯 甲。" line, 17 x in GB18030).
#include <gtest/gtest.h>

#include <string>

#include "common/core_fixtures.h"
#include "core/lexicon/lexicon.h"
#include "core/output/bound.h"
#include "core/pipeline/parser.h"

using namespace bm::detail;

namespace {

const Parser &parser() { return bm_test::default_parser(); }

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

TEST(OutputBoundMerge, FieldSpansGoFirst) {
  // Items whose JSON fits the bound only without their field spans: the spans
  // are dropped (the optional "spans" key), nothing else changes.
  Page page;
  page.text.encoding = "UTF-8";
  for (size_t i = 0; i < 4000; ++i) {
    Article a;
    a.kind = Kind::News;
    a.paragraphs = {"甲。"};
    a.span_begin = 10 * i;
    a.span_end = 10 * i + 9;
    a.spans.emplace();
    a.spans->paragraphs = {Span{10 * i, 10 * i + 9}};
    a.spans->dateline = Span{10 * i, 10 * i + 3};
    a.dateline = "本报讯";
    page.articles.push_back(a);
  }
  const size_t with = page_json_bytes(page);
  Page bare = page;
  for (Article &a : bare.articles) a.spans.reset();
  const size_t without = page_json_bytes(bare);
  ASSERT_GT(without, k_output_bound_slack_bytes);
  ASSERT_GT(with, without + 64);
  const size_t input = (without - k_output_bound_slack_bytes + k_output_bound_factor - 1) / k_output_bound_factor;
  ASSERT_LT(bound_of(input), with);
  bound_output(page, input);
  EXPECT_EQ(page.articles.size(), 4000u);
  EXPECT_TRUE(page.warnings.empty());
  for (const Article &a : page.articles) EXPECT_FALSE(a.spans.has_value());
  EXPECT_EQ(page_json_bytes(page), without);
  // A page within the bound keeps them.
  Page kept = bare;
  kept.articles[0].spans.emplace();
  bound_output(kept, with);
  EXPECT_TRUE(kept.articles[0].spans.has_value());
}
