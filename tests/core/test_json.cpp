// Stage 8: page_to_json, the optional article "confidence" (docs/page-json.md).
#include <gtest/gtest.h>

#include <clocale>
#include <limits>
#include <string>

#include "core/output/json.h"

using namespace bm::detail;

namespace {
std::string json_with(double confidence, bool pretty) {
  Page page;
  page.text.encoding = "UTF-8";
  Article a;
  a.kind = Kind::News;
  a.span_begin = 3;
  a.span_end = 9;
  a.confidence = confidence;
  return page_to_json(page, {&a}, pretty);
}
}  // namespace

TEST(JsonConfidence, OmittedWhenNotComputed) {
  for (double c : {-1.0, -0.001, std::numeric_limits<double>::quiet_NaN()}) {
    EXPECT_EQ(json_with(c, false).find("confidence"), std::string::npos) << c;
    EXPECT_EQ(json_with(c, true).find("confidence"), std::string::npos) << c;
  }
}

TEST(JsonConfidence, AfterSpanWithThreeDecimals) {
  EXPECT_NE(json_with(0.8734, false).find("\"span\":[3,9],\"confidence\":0.873,\"dateline_info\":null,\"dates\":[]}"), std::string::npos)
      << json_with(0.8734, false);
  EXPECT_NE(json_with(0.8734, true).find("\"span\": [\n        3,\n        9\n      ],\n      \"confidence\": 0.873,\n      \"dateline_info\": null,\n      \"dates\": []\n    }"),
            std::string::npos)
      << json_with(0.8734, true);
  const std::pair<double, const char *> cases[] = {
      {0.0, ":0.000,"}, {1.0, ":1.000,"}, {0.0005, ":0.001,"}, {0.9996, ":1.000,"},
      {0.05, ":0.050,"}, {0.5, ":0.500,"}, {7.0, ":1.000,"}};
  for (const auto &c : cases) {
    const std::string j = json_with(c.first, false);
    EXPECT_NE(j.find(std::string("\"confidence\"") + c.second), std::string::npos) << c.first << " " << j;
  }
}

TEST(JsonConfidence, IndependentOfLocale) {
  const std::string before = json_with(0.25, false);
  const char *old = std::setlocale(LC_NUMERIC, nullptr);
  const std::string saved = old ? old : "C";
  // A locale with a decimal comma, when the system has one.
  if (std::setlocale(LC_NUMERIC, "de_DE.UTF-8") || std::setlocale(LC_NUMERIC, "fr_FR.UTF-8")) {
    EXPECT_EQ(json_with(0.25, false), before);
  }
  std::setlocale(LC_NUMERIC, saved.c_str());
  EXPECT_NE(before.find("\"confidence\":0.250"), std::string::npos);
}
