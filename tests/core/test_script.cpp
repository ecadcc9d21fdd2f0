// The script option (issue 14, "Script"): output text fields in simplified or
// traditional characters (ICU transliterators), spans and the decoded text
// kept as the source, the parse itself unchanged. Small strings, one
// converter shared by threads, and the 晶報 corpus (traditional, 1920-1939)
// from the shared corpora (BM_SHARED, else the CMake BM_SHARED_DIR, i.e.
// ../shared beside the checkout; skipped without it).
#include <gtest/gtest.h>
#include <dirent.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "common/core_fixtures.h"
#include "core/common/utf8.h"
#include "core/lexicon/lexicon.h"
#include "core/output/json.h"
#include "core/output/script.h"
#include "core/pipeline/parser.h"

using namespace bm::detail;

namespace {

const Parser &parser() { return bm_test::default_parser(); }

std::string json_of(const Page &page) {
  std::vector<const Article *> arts;
  for (const Article &a : page.articles) arts.push_back(&a);
  return page_to_json(page, arts, false);
}

// Every output text field of an article, in a fixed order.
std::vector<std::string> text_fields(const Article &a) {
  std::vector<std::string> out(a.headline.begin(), a.headline.end());
  for (const auto *o : {&a.kicker, &a.title, &a.subtitle, &a.dateline, &a.editor_note})
    out.push_back(o->value_or(""));
  for (const Byline &b : a.bylines) out.push_back(b.name);
  out.insert(out.end(), a.paragraphs.begin(), a.paragraphs.end());
  for (const DateRef &d : a.dates) out.push_back(d.text);
  return out;
}

// Traditional-only characters common in 1920s-1930s text (each has a
// different simplified form).
const char *const k_traditional_only[] = {"們", "這", "說", "國", "會", "來", "時", "為", "與", "後",
                                          "爲", "報", "個", "們", "裏", "無", "學", "開", "見", "於"};

std::string shared_dir() {
  if (const char *env = std::getenv("BM_SHARED")) return env;
  return BM_SHARED_DIR;
}

std::vector<std::string> jingbao_pages() {
  std::vector<std::string> out;
  const std::string dir = shared_dir() + "/corpus/jingbao";
  if (DIR *d = opendir(dir.c_str())) {
    while (dirent *e = readdir(d)) {
      const std::string name = e->d_name;
      if (name.size() > 4 && name.substr(name.size() - 4) == ".txt") out.push_back(dir + "/" + name);
    }
    closedir(d);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string read_all(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TEST(Script, TraditionalToSimplified) {
  const ScriptConverter c;
  EXPECT_EQ(c.convert("這是們說國會來時為與後", Script::Simplified), "这是们说国会来时为与后");
  EXPECT_EQ(c.convert("本報訊（記者）臺北報導。", Script::Simplified), "本报讯（记者）台北报导。");
  // Simplified text, ASCII, punctuation, U+FFFD and private use stay as they are.
  EXPECT_EQ(c.convert("今天天气很好", Script::Simplified), "今天天气很好");
  EXPECT_EQ(c.convert("A4 page, 2025-01-08\n", Script::Simplified), "A4 page, 2025-01-08\n");
  EXPECT_EQ(c.convert("甲\xEF\xBF\xBD乙\xEE\x84\x91丙", Script::Simplified), "甲\xEF\xBF\xBD乙\xEE\x84\x91丙");
  EXPECT_EQ(c.convert("", Script::Simplified), "");
}

TEST(Script, SimplifiedToTraditional) {
  const ScriptConverter c;
  EXPECT_EQ(c.convert("这是我们说的国会", Script::Traditional), "這是我們說的國會");
  EXPECT_EQ(c.convert("本报讯 记者李雨婷", Script::Traditional), "本報訊 記者李雨婷");
  EXPECT_EQ(c.convert("這是我們", Script::Traditional), "這是我們");
}

TEST(Script, KeepIsTheIdentity) {
  const ScriptConverter c;
  for (const char *s : {"這是們", "这是们", "", "abc", "\xEF\xBF\xBD"}) EXPECT_EQ(c.convert(s, Script::Keep), s);
}

TEST(Script, OneConverterSharedByThreads) {
  const ScriptConverter c;
  const std::string in = "國會來時為與後，這是們說的。", want = "国会来时为与后，这是们说的。";
  const std::string in2 = "国会来时", want2 = "國會來時";
  std::vector<int> bad(8, 0);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < bad.size(); ++t)
    threads.emplace_back([&, t] {
      for (int k = 0; k < 200; ++k) {
        if (c.convert(in, Script::Simplified) != want) ++bad[t];
        if (c.convert(in2, Script::Traditional) != want2) ++bad[t];
      }
    });
  for (std::thread &t : threads) t.join();
  for (size_t t = 0; t < bad.size(); ++t) EXPECT_EQ(bad[t], 0) << "thread " << t;
}

TEST(Script, ParseConvertsFieldsNotSpans) {
  const std::string page = "本報訊 昨日國會開會。\n\n這是我們說的話，來時與後來。\n";
  CallOptions keep, simp;
  simp.script = Script::Simplified;
  const Page a = parser().parse(page, keep), b = parser().parse(page, simp);
  EXPECT_EQ(a.text.utf8, b.text.utf8);
  ASSERT_EQ(a.articles.size(), b.articles.size());
  ASSERT_FALSE(b.articles.empty());
  std::string all;
  for (const Article &x : b.articles)
    for (const std::string &f : text_fields(x)) all += f;
  EXPECT_NE(all.find("国会"), std::string::npos) << all;
  EXPECT_EQ(all.find("國"), std::string::npos) << all;
}

TEST(Script, NormalizeConvertsItsOutput) {
  CallOptions simp;
  simp.script = Script::Simplified;
  EXPECT_EQ(parser().normalize("國會開會。\n", simp), "国会开会。\n");
  CallOptions trad;
  trad.script = Script::Traditional;
  EXPECT_EQ(parser().normalize("国会开会。\n", trad), "國會開會。\n");
}

// The 晶報 corpus (traditional) parsed with script=simplified: the same
// articles, spans and field lengths, and no traditional-only character left;
// with script=keep, the very same JSON as with the default options.
TEST(Script, JingbaoAsSimplified) {
  const std::vector<std::string> pages = jingbao_pages();
  if (pages.empty()) GTEST_SKIP() << "no 晶報 corpus under " << shared_dir() << " (set BM_SHARED)";
  CallOptions def, keep, simp;
  keep.script = Script::Keep;
  simp.script = Script::Simplified;
  size_t fields = 0, before = 0;
  for (const std::string &path : pages) {
    SCOPED_TRACE(path);
    const std::string bytes = read_all(path);
    const Page d = parser().parse(bytes, def), k = parser().parse(bytes, keep), s = parser().parse(bytes, simp);
    EXPECT_EQ(json_of(k), json_of(d));
    EXPECT_NE(json_of(s), json_of(d));
    EXPECT_EQ(s.text.utf8, d.text.utf8);
    ASSERT_EQ(s.articles.size(), d.articles.size());
    ASSERT_EQ(s.masthead.size(), d.masthead.size());
    for (size_t m = 0; m < d.masthead.size(); ++m) EXPECT_EQ(cp_count(s.masthead[m]), cp_count(d.masthead[m]));
    for (size_t i = 0; i < d.articles.size(); ++i) {
      const Article &x = d.articles[i], &y = s.articles[i];
      EXPECT_EQ(y.kind, x.kind);
      EXPECT_EQ(y.span_begin, x.span_begin);
      EXPECT_EQ(y.span_end, x.span_end);
      EXPECT_EQ(y.pieces, x.pieces);
      EXPECT_EQ(y.flags, x.flags);
      EXPECT_EQ(y.confidence, x.confidence);
      ASSERT_EQ(y.dates.size(), x.dates.size());
      for (size_t j = 0; j < x.dates.size(); ++j) {
        EXPECT_EQ(y.dates[j].span_begin, x.dates[j].span_begin);
        EXPECT_EQ(y.dates[j].date.has_value(), x.dates[j].date.has_value());
      }
      const std::vector<std::string> fx = text_fields(x), fy = text_fields(y);
      ASSERT_EQ(fy.size(), fx.size());
      for (size_t j = 0; j < fx.size(); ++j) {
        // The Traditional-Simplified transliterator maps one character to one.
        EXPECT_EQ(cp_count(fy[j]), cp_count(fx[j])) << fx[j] << "\n" << fy[j];
        for (const char *t : k_traditional_only) {
          EXPECT_EQ(fy[j].find(t), std::string::npos) << t << " left in: " << fy[j];
          if (fx[j].find(t) != std::string::npos) ++before;
        }
        ++fields;
      }
    }
  }
  EXPECT_GT(fields, 1000u);
  EXPECT_GT(before, 1000u);  // the source is traditional: there was something to convert
}
