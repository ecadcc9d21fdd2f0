// Threads sharing one Parser through the core (run under TSan by
// scripts/sanitize.sh tsan): the per-page state that parsing keeps on the
// thread (the lexicon patterns that hit the match limit, RegexReport) and the
// output bound give every thread the same pages as one thread does.
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "core/lexicon/lexicon.h"
#include "core/output/bound.h"
#include "core/output/json.h"
#include "core/pipeline/parser.h"

using namespace bm::detail;

namespace {

std::string json_of(const Page &p) {
  std::vector<const Article *> v;
  for (const Article &a : p.articles) v.push_back(&a);
  return page_to_json(p, v, false);
}

}  // namespace

TEST(ThreadsCore, HostileLexiconAndFloodsGiveTheSamePagesOnEveryThread) {
  Lexicon lex;
  lex.load(k_default_lexicon, "built-in");
  lex.load("[dateline]\na*a*a*a*a*a*a*a*a*a*a*b\n[edition]\na*a*a*a*a*a*a*a*a*a*a*c\n", "user.lex");
  lex.finish();
  const Parser parser(std::move(lex), 1 << 20);
  std::vector<std::string> pages;
  pages.push_back(std::string(50, 'a') + "\n" + std::string(90, 'a') + "\n本报讯 正文。\n");
  std::string flood;
  while (flood.size() < 80000) flood += "标题\n\n本报讯 甲。\n\n";  // thousands of tiny items
  pages.push_back(flood);
  pages.push_back("标题\n\n本报讯 一段正文。\n\n" + std::string(90, 'a') + "\n");
  std::vector<std::string> want;
  for (const std::string &p : pages) want.push_back(json_of(parser.parse(p, {})));
  ASSERT_NE(want[0].find("hit the match limit"), std::string::npos);
  ASSERT_NE(want[1].find("items merged"), std::string::npos);

  constexpr int k_threads = 4, k_rounds = 3;
  std::vector<std::vector<std::string>> got(k_threads);
  std::vector<std::thread> pool;
  for (int t = 0; t < k_threads; ++t) {
    pool.emplace_back([&, t] {
      for (int r = 0; r < k_rounds; ++r)
        for (size_t i = 0; i < pages.size(); ++i) got[t].push_back(json_of(parser.parse(pages[(i + t) % pages.size()], {})));
    });
  }
  for (auto &th : pool) th.join();
  for (int t = 0; t < k_threads; ++t)
    for (size_t k = 0; k < got[t].size(); ++k) EXPECT_EQ(got[t][k], want[(k % pages.size() + t) % pages.size()]);
}
