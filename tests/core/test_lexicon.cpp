// Lexicon loading: sections, regex entries that start with '[', "!word"
// removal, errors naming the line, and user lexicons through bm_parser_new.
#include <gtest/gtest.h>

#include <algorithm>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "banmian/banmian.h"
#include "capi/handles.h"
#include "core/common/error.h"
#include "core/lexicon/lexicon.h"

using namespace bm::detail;

namespace {

bool has(const std::vector<std::string> &v, const std::string &w) { return std::find(v.begin(), v.end(), w) != v.end(); }

bool has_role(const Lexicon &lex, const std::string &word, const std::string &role) {
  for (const RoleWord &r : lex.roles())
    if (r.word == word && role_name(r.role) == role) return true;
  return false;
}

// The Error thrown by loading (and finishing) `text`, or BM_OK.
Error load_error(const std::string &text) {
  try {
    Lexicon lex;
    lex.load(text, "test.lex");
    lex.finish();
  } catch (const Error &e) {
    return e;
  }
  return Error(BM_OK, "");
}

std::string temp_path(const char *name) {
  const char *dir = std::getenv("TMPDIR");
  return std::string(dir ? dir : "/tmp") + "/bm_test_lexicon_" + std::to_string(::getpid()) + "_" + name;
}

}  // namespace

TEST(LexiconLoad, DefaultLexiconLoads) {
  Lexicon lex;
  lex.load(k_default_lexicon, "built-in");
  lex.finish();
  EXPECT_TRUE(has_role(lex, "记者", "reporter"));
  EXPECT_TRUE(has_role(lex, "通讯员", "correspondent"));
  EXPECT_FALSE(lex.patterns("dateline").empty());
  EXPECT_FALSE(lex.words("byline_marker").empty());
}

TEST(LexiconLoad, CommentsBlankLinesCrLfAndDuplicates) {
  Lexicon lex;
  lex.load("# comment\r\n\r\n[ad]\r\n  招商热线  \r\n招商热线\r\n", "t");
  lex.finish();
  ASSERT_EQ(lex.words("ad").size(), 1u);
  EXPECT_EQ(lex.words("ad")[0], "招商热线");
  EXPECT_TRUE(lex.words("no-such-section").empty());
}

TEST(LexiconLoad, RolesLongestFirst) {
  Lexicon lex;
  lex.load("[role.reporter]\n记者\n本报记者\n", "t");
  lex.finish();
  ASSERT_EQ(lex.roles().size(), 2u);
  EXPECT_EQ(lex.roles()[0].word, "本报记者");
}

TEST(LexiconLoad, RegexSectionEntryMayStartWithBracket) {
  Lexicon lex;
  lex.load("[edition]\n[A-Z]\\d{1,2}\n[第]?\\d+版\n[ad]\n广告\n", "t");
  lex.finish();
  EXPECT_EQ(lex.words("edition").size(), 2u);
  EXPECT_EQ(lex.patterns("edition").size(), 2u);
  // "[ad]" looks like a header, so it is one, even inside a regex section.
  EXPECT_TRUE(has(lex.words("ad"), "广告"));
}

TEST(LexiconLoad, BangRemovesAnEarlierEntry) {
  Lexicon lex;
  lex.load(k_default_lexicon, "built-in");
  lex.load("[role.reporter]\n!记者\n[ad]\n新词\n!新词\n!从未有过\n", "user");
  lex.finish();
  EXPECT_FALSE(has_role(lex, "记者", "reporter"));
  EXPECT_TRUE(has_role(lex, "本报记者", "reporter"));
  EXPECT_FALSE(has(lex.words("ad"), "新词"));
}

TEST(LexiconLoad, NamedSectionsAreTheirSectionsWordsWithAUsersEdits) {
  Lexicon lex;
  lex.load(k_default_lexicon, "built-in");
  lex.load("[byline_marker]\n◆\n[editor_note]\n!编者按\n", "user");
  lex.finish();
  for (size_t k = 0; k < k_section_count; ++k) {
    const Section s = static_cast<Section>(k);
    EXPECT_EQ(lex.words(s), lex.words(section_name(s))) << section_name(s);
    EXPECT_FALSE(lex.words(s).empty()) << section_name(s);
  }
  EXPECT_TRUE(has(lex.words(Section::byline_marker), "◆"));
  EXPECT_FALSE(has(lex.words(Section::editor_note), "编者按"));
}

TEST(LexiconErrors, UnknownSection) {
  const Error e = load_error("[ad]\nx\n[no_such_section]\ny\n");
  EXPECT_EQ(e.code(), BM_E_LEXICON);
  EXPECT_NE(std::string(e.what()).find("test.lex:3"), std::string::npos) << e.what();
  EXPECT_NE(std::string(e.what()).find("no_such_section"), std::string::npos) << e.what();
}

TEST(LexiconErrors, HeaderWithoutClosingBracket) {
  const Error e = load_error("[ad\nx\n");
  EXPECT_EQ(e.code(), BM_E_LEXICON);
  EXPECT_NE(std::string(e.what()).find("test.lex:1"), std::string::npos) << e.what();
}

TEST(LexiconErrors, EntryBeforeAnySection) {
  const Error e = load_error("# c\nword\n");
  EXPECT_EQ(e.code(), BM_E_LEXICON);
  EXPECT_NE(std::string(e.what()).find("test.lex:2"), std::string::npos) << e.what();
}

TEST(LexiconErrors, BadRegularExpression) {
  const Error e = load_error("[dateline]\n本报(讯\n");
  EXPECT_EQ(e.code(), BM_E_LEXICON);
  EXPECT_NE(std::string(e.what()).find("本报(讯"), std::string::npos) << e.what();
}

TEST(LexiconErrors, UnknownRole) {
  EXPECT_EQ(load_error("[role.astronaut]\n宇航员\n").code(), BM_E_LEXICON);
}

// Through the C API

TEST(UserLexicon, TextExtendsTheBuiltIn) {
  const std::string text = "[role.photographer]\n航拍\n";
  bm_parser_options o;
  bm_parser_options_init(&o, BM_PARSER_OPTIONS_VERSION);
  o.lexicon_text = text.data();
  o.lexicon_len = text.size();
  bm_parser *p = nullptr;
  ASSERT_EQ(bm_parser_new(&o, &p), BM_OK) << bm_last_error()->message;
  EXPECT_TRUE(has_role(p->impl.lexicon(), "航拍", "photographer"));
  EXPECT_TRUE(has_role(p->impl.lexicon(), "记者", "reporter"));
  bm_parser_free(p);
}

TEST(UserLexicon, TextIsTakenByLengthNotNul) {
  const char text[] = "[ad]\n甲\n[nonsense";  // the bad header lies beyond lexicon_len
  bm_parser_options o;
  bm_parser_options_init(&o, BM_PARSER_OPTIONS_VERSION);
  o.lexicon_text = text;
  o.lexicon_len = 8;  // "[ad]\n甲" is 4 + 1 + 3 bytes
  bm_parser *p = nullptr;
  ASSERT_EQ(bm_parser_new(&o, &p), BM_OK) << bm_last_error()->message;
  EXPECT_TRUE(has(p->impl.lexicon().words("ad"), "甲"));
  bm_parser_free(p);
}

TEST(UserLexicon, ReplaceFlagDropsTheBuiltIn) {
  const std::string text = "[role.reporter]\n访员\n";
  bm_parser_options o;
  bm_parser_options_init(&o, BM_PARSER_OPTIONS_VERSION);
  o.flags = BM_PARSER_LEXICON_REPLACE;
  o.lexicon_text = text.data();
  o.lexicon_len = text.size();
  bm_parser *p = nullptr;
  ASSERT_EQ(bm_parser_new(&o, &p), BM_OK);
  EXPECT_TRUE(has_role(p->impl.lexicon(), "访员", "reporter"));
  EXPECT_FALSE(has_role(p->impl.lexicon(), "记者", "reporter"));
  bm_parser_free(p);
}

TEST(UserLexicon, PathThenText) {
  const std::string path = temp_path("ok.lex");
  {
    std::ofstream f(path, std::ios::binary);
    f << "[role.editor]\n版面主编\n[ad]\n文件词\n";
  }
  const std::string text = "[ad]\n!文件词\n";
  bm_parser_options o;
  bm_parser_options_init(&o, BM_PARSER_OPTIONS_VERSION);
  o.lexicon_path = path.c_str();
  o.lexicon_text = text.data();
  o.lexicon_len = text.size();
  bm_parser *p = nullptr;
  ASSERT_EQ(bm_parser_new(&o, &p), BM_OK) << bm_last_error()->message;
  EXPECT_TRUE(has_role(p->impl.lexicon(), "版面主编", "editor"));
  EXPECT_FALSE(has(p->impl.lexicon().words("ad"), "文件词"));  // text is loaded after the file
  bm_parser_free(p);
  std::remove(path.c_str());
}

TEST(UserLexicon, BadFileIsBmELexicon) {
  const std::string path = temp_path("bad.lex");
  {
    std::ofstream f(path, std::ios::binary);
    f << "[ad]\n好词\n[bogus]\n坏词\n";
  }
  bm_parser_options o;
  bm_parser_options_init(&o, BM_PARSER_OPTIONS_VERSION);
  o.lexicon_path = path.c_str();
  bm_parser *p = reinterpret_cast<bm_parser *>(0x1);
  EXPECT_EQ(bm_parser_new(&o, &p), BM_E_LEXICON);
  EXPECT_EQ(p, nullptr);
  EXPECT_EQ(bm_last_error()->code, BM_E_LEXICON);
  const std::string msg = bm_last_error()->message;
  EXPECT_NE(msg.find(path + ":3"), std::string::npos) << msg;
  std::remove(path.c_str());
}

TEST(UserLexicon, MissingFileIsBmEIo) {
  bm_parser_options o;
  bm_parser_options_init(&o, BM_PARSER_OPTIONS_VERSION);
  o.lexicon_path = "/nonexistent/dir/user.lex";
  bm_parser *p = nullptr;
  EXPECT_EQ(bm_parser_new(&o, &p), BM_E_IO);
  EXPECT_EQ(p, nullptr);
  EXPECT_NE(std::string(bm_last_error()->message).find("/nonexistent/dir/user.lex"), std::string::npos);
}

TEST(UserLexicon, BadTextIsBmELexicon) {
  const std::string text = "[dateline]\n(unclosed\n";
  bm_parser_options o;
  bm_parser_options_init(&o, BM_PARSER_OPTIONS_VERSION);
  o.lexicon_text = text.data();
  o.lexicon_len = text.size();
  bm_parser *p = nullptr;
  EXPECT_EQ(bm_parser_new(&o, &p), BM_E_LEXICON);
  EXPECT_EQ(p, nullptr);
}

// count_words_in (the cue index) counts what a search for each word would:
// distinct words, wherever they stand, overlapping ones too, a word outside
// the BMP, a one-byte word.
TEST(LexiconWords, IndexCountsWhatASearchPerWordFinds) {
  Lexicon lex;
  lex.load("[ad]\n热线\n报名热线\n热\n地址\n\xF0\xA0\x80\x80\xE5\xAD\x97\nA\n", "test.lex");
  lex.finish();
  const char *texts[] = {"", "报名热线：85012345", "热线热线热线", "地址", "\xF0\xA0\x80\x80\xE5\xAD\x97典", "abc A",
                         "无关的一句话。", "地 址"};
  for (const char *t : texts) {
    int naive = 0;
    for (const auto &w : lex.words("ad")) naive += std::string_view(t).find(w) != std::string_view::npos;
    EXPECT_EQ(lex.count_words_in(t, "ad", false), naive) << t;
    EXPECT_EQ(lex.count_words_in(t, "ad", true), naive > 0 ? 1 : 0) << t;
  }
  EXPECT_EQ(lex.count_words_in("报名热线", "no-such-section", false), 0);
}

// has_long_role_word (an index of the role words of two code points or more)
// answers what a search for each such word would; a one-character role word
// (摄) alone is not one.
TEST(LexiconWords, LongRoleWordIndexAnswersWhatASearchFinds) {
  Lexicon lex;
  lex.load(k_default_lexicon, "built-in");
  lex.load("[role.photographer]\n掌镜\n[role.reporter]\n\xF0\xA0\x80\x80\xE8\xAE\xB0\n", "test.lex");
  lex.finish();
  const char *texts[] = {"", "本报记者 王强", "张伟 摄", "通讯员李明", "掌镜：刘一", "\xF0\xA0\x80\x80\xE8\xAE\xB0 某",
                         "今天天气很好。", "记 者", "记者记者"};
  for (const char *t : texts) {
    bool naive = false;
    for (const RoleWord &rw : lex.roles())
      naive = naive || (rw.word32.size() >= 2 && std::string_view(t).find(rw.word) != std::string_view::npos);
    EXPECT_EQ(lex.has_long_role_word(t), naive) << t;
  }
  EXPECT_TRUE(lex.has_long_role_word("本报记者 王强"));
  EXPECT_FALSE(lex.has_long_role_word("张伟 摄"));
}

// cues_in (one pass for every cue section) says of each section what a search
// of that section alone says, on the built-in lexicon and on texts holding
// words of several sections, none, or one word that two sections share.
TEST(LexiconWords, OnePassCueSetAgreesWithEachSection) {
  Lexicon lex;
  lex.load(k_default_lexicon, "built-in");
  lex.load("[ad]\n共用词\n[other]\n共用词\n", "test.lex");
  lex.finish();
  std::vector<std::string> texts = {"", "今天天气很好。", "共用词", "无关 共用词 无关"};
  for (size_t c = 0; c < k_cue_count; ++c)
    for (const std::string &w : lex.words(cue_section(static_cast<Cue>(c)))) {
      texts.push_back(w);
      texts.push_back("前文" + w + "后文");
    }
  std::string all;
  for (const std::string &t : texts) all += t;
  texts.push_back(all);
  size_t seen_bits = 0;
  for (const std::string &t : texts) {
    const CueSet set = lex.cues_in(t);
    for (size_t c = 0; c < k_cue_count; ++c) {
      const Cue cue = static_cast<Cue>(c);
      EXPECT_EQ(set.has(cue), lex.count_words_in(t, cue_section(cue), true) > 0) << cue_section(cue) << " in " << t;
    }
    seen_bits |= set.bits;
  }
  EXPECT_EQ(seen_bits, (size_t{1} << k_cue_count) - 1);  // every section has words and was found
  EXPECT_TRUE(lex.cues_in("共用词").has(Cue::ad));
  EXPECT_TRUE(lex.cues_in("共用词").has(Cue::other));
}
