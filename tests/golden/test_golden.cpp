// Every test page parsed through the public C API must give exactly its
// reviewed expected JSON (tests/data/expected/NAME.json). The expected files
// were produced by the parser and then checked by hand (own pages) or against
// the hand-made gold with the scorer (dev pages); regenerate them with
// tests/golden/update_expected.sh and review the diff before committing.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "banmian/banmian.h"
#include "common/test_pages.h"

namespace {

std::string read_file(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::vector<std::string> pages() { return bm_test::test_pages(BM_TEST_DATA_DIR); }

std::string parse_to_json(const bm_parser *parser, const std::string &path) {
  const std::string bytes = read_file(path);
  const std::string base = path.substr(path.find_last_of('/') + 1);
  bm_parse_options opts;
  bm_parse_options_init(&opts, BM_PARSE_OPTIONS_VERSION);
  opts.source = base.c_str();
  bm_page *page = nullptr;
  EXPECT_EQ(bm_parse(parser, bytes.data(), bytes.size(), &opts, &page), BM_OK) << path;
  char *json = nullptr;
  size_t len = 0;
  EXPECT_EQ(bm_page_to_json(page, BM_JSON_PRETTY, &json, &len), BM_OK);
  std::string out(json, len);
  bm_string_free(json);
  bm_page_free(page);
  return out;
}

class GoldenPage : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenPage, MatchesExpectedJson) {
  const std::string path = GetParam();
  const std::string base = path.substr(path.find_last_of('/') + 1);
  const std::string expected_path =
      std::string(BM_TEST_DATA_DIR) + "/expected/" + base.substr(0, base.size() - 4) + ".json";
  const std::string expected = read_file(expected_path);
  ASSERT_FALSE(expected.empty()) << "missing " << expected_path;
  bm_parser *parser = nullptr;
  ASSERT_EQ(bm_parser_new(nullptr, &parser), BM_OK);
  std::string got = parse_to_json(parser, path);
  got.push_back('\n');
  EXPECT_EQ(got, expected) << "page " << base << " changed; see tests/golden/update_expected.sh";
  bm_parser_free(parser);
}

INSTANTIATE_TEST_SUITE_P(Pages, GoldenPage, ::testing::ValuesIn(pages()),
                         [](const ::testing::TestParamInfo<std::string> &info) {
                           std::string n = info.param.substr(info.param.find_last_of('/') + 1);
                           n = n.substr(0, n.size() - 4);
                           for (char &c : n)
                             if (!isalnum(static_cast<unsigned char>(c))) c = '_';
                           return "p" + n;
                         });

TEST(GoldenPages, AtLeastTenPagesPresent) { EXPECT_GE(pages().size(), 10u); }

}  // namespace
