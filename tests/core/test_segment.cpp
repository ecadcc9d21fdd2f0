// The decoder stage (src/core/segment): the grammar's transitions, the model
// file format, and Viterbi/forward-backward on small hand-made models.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>

#include "core/common/error.h"
#include "core/lexicon/lexicon.h"
#include "core/segment/decoder.h"
#include "core/segment/features.h"
#include "core/segment/grammar.h"
#include "core/segment/model.h"

using namespace bm::detail;

namespace {

bool ok(State from, State to) { return allowed(&from, to); }

// Pieces with only the bias feature and the given extra features.
PageFeatures pieces(const std::vector<std::vector<EmitFeature>> &extra) {
  PageFeatures out;
  for (const auto &e : extra) {
    std::vector<uint16_t> emit{static_cast<uint16_t>(EmitFeature::bias)};
    for (EmitFeature f : e) emit.push_back(static_cast<uint16_t>(f));
    out.add(emit, 0, uint32_t{1} << static_cast<unsigned>(EdgeFeature::e_bias), false);
  }
  return out;
}

bool grammatical(const std::vector<State> &s) {
  for (size_t k = 0; k < s.size(); ++k)
    if (!(k == 0 ? allowed(nullptr, s[0]) : allowed(&s[k - 1], s[k]))) return false;
  return true;
}

}  // namespace

TEST(Grammar, ItemsOpenOnlyWhereTheItemBeforeIsComplete) {
  EXPECT_TRUE(allowed(nullptr, State::HeadStart));
  EXPECT_TRUE(allowed(nullptr, State::Header));
  EXPECT_FALSE(allowed(nullptr, State::Body));       // body of no item
  EXPECT_FALSE(allowed(nullptr, State::HeadAfter));  // closes no item
  EXPECT_TRUE(ok(State::Body, State::HeadStart));
  EXPECT_TRUE(ok(State::HeadAfter, State::BylineStart));
  EXPECT_FALSE(ok(State::HeadStart, State::HeadStart));  // a headline alone is no item yet
  EXPECT_FALSE(ok(State::Caption, State::BodyStart));    // a caption must reach its credit
  EXPECT_TRUE(ok(State::Caption, State::Credit));
  EXPECT_TRUE(ok(State::Credit, State::HeadAfter));      // a photo's title after its credit
  EXPECT_FALSE(ok(State::HeadAfter, State::Body));       // after the closing headline comes a new item
  EXPECT_FALSE(ok(State::Body, State::Header));          // the header is only at the top
  EXPECT_TRUE(ok(State::NoteStart, State::Head));        // a note set above its headline
}

TEST(Grammar, EveryStateHasANameAndRole) {
  for (size_t s = 0; s < k_state_count; ++s) {
    const State st = static_cast<State>(s);
    EXPECT_STRNE(state_name(st), "");
    if (opens_item(st)) EXPECT_NE(role_of(st), Role::Header);
  }
  EXPECT_EQ(role_of(State::HeadAfter), Role::Headline);
  EXPECT_EQ(role_of(State::CaptionStart), Role::Caption);
}

TEST(SegmentModel, ReadsWeightsAndRejectsUnknownNames) {
  const SegmentModel m = SegmentModel::parse(
      "# comment\n\nemit head_start headline_shaped 2.5\nemit body wrapped&bias -0.25\n"
      "edge ^ head_start e_bias 1\nedge body head_after e_blank_1 0.5\n",
      "test");
  EXPECT_FLOAT_EQ(m.emit(State::HeadStart, static_cast<uint16_t>(EmitFeature::headline_shaped)), 2.5f);
  EXPECT_FLOAT_EQ(m.emit(State::Body, static_cast<uint16_t>(k_emit_feature_count)), -0.25f);
  EXPECT_FLOAT_EQ(m.edge(nullptr, State::HeadStart, EdgeFeature::e_bias), 1.0f);
  const State body = State::Body;
  EXPECT_FLOAT_EQ(m.edge(&body, State::HeadAfter, EdgeFeature::e_blank_1), 0.5f);
  EXPECT_FLOAT_EQ(m.edge(&body, State::HeadAfter, EdgeFeature::e_bias), 0.0f);
  EXPECT_THROW(SegmentModel::parse("emit head_start no_such_feature 1\n", "t"), Error);
  EXPECT_THROW(SegmentModel::parse("emit no_such_state bias 1\n", "t"), Error);
  EXPECT_THROW(SegmentModel::parse("emit head_start bias one\n", "t"), Error);
  EXPECT_THROW(SegmentModel::parse("weight 1\n", "t"), Error);
}

TEST(SegmentModel, BuiltInModelLoadsAndKnowsHeadlines) {
  const SegmentModel &m = SegmentModel::builtin();
  // A fitted model: a headline-shaped line scores higher as a headline than as body.
  const auto f = static_cast<uint16_t>(EmitFeature::headline_shaped);
  EXPECT_GT(m.emit(State::HeadStart, f), m.emit(State::Body, f));
}

TEST(Decoder, FindsTheBestGrammaticalReading) {
  // headline-shaped pieces score as headlines, long ones as body; the
  // grammar forces the first piece to open an item.
  SegmentModel m = SegmentModel::parse(
      "emit head_start headline_shaped 3\nemit head headline_shaped 3\nemit body len_81_up 3\n"
      "emit body_start len_81_up 1\n",
      "t");
  const auto f = pieces({{EmitFeature::headline_shaped},
                         {EmitFeature::len_81_up},
                         {EmitFeature::len_81_up},
                         {EmitFeature::headline_shaped},
                         {EmitFeature::len_81_up}});
  const Reading r = decode_page(f, m);
  ASSERT_EQ(r.states.size(), 5u);
  EXPECT_TRUE(grammatical(r.states));
  EXPECT_EQ(r.states[0], State::HeadStart);
  EXPECT_EQ(r.states[1], State::Body);
  EXPECT_EQ(r.states[2], State::Body);
  EXPECT_EQ(r.states[3], State::HeadStart);
  EXPECT_EQ(r.states[4], State::Body);
  for (double p : r.probability) {
    EXPECT_GE(p, 0.0);
    EXPECT_LE(p, 1.0);
  }
}

namespace {

// A page of three pieces: a headline-shaped line, a long line, and a line of
// 36-50 characters that a dateline opens when `dateline` is set.
PageFeatures three_pieces(bool dateline) {
  PageFeatures out;
  const uint32_t edges = uint32_t{1} << static_cast<unsigned>(EdgeFeature::e_bias);
  const std::vector<std::vector<EmitFeature>> emits = {
      {EmitFeature::headline_shaped}, {EmitFeature::len_81_up}, {EmitFeature::len_36_50}};
  for (size_t k = 0; k < emits.size(); ++k) {
    std::vector<uint16_t> emit{static_cast<uint16_t>(EmitFeature::bias)};
    for (EmitFeature f : emits[k]) emit.push_back(static_cast<uint16_t>(f));
    out.add(emit, 0, edges, false, dateline && k == 2);
  }
  return out;
}

}  // namespace

// A piece a dateline opens is never read as a headline line or a box line,
// however much its scores favour one: it opens the text of the next item.
TEST(Decoder, ADatelinePieceIsNeverAHeadlineOrABox) {
  for (const auto &[name, state] : {std::pair<std::string, State>{"head_after", State::HeadAfter},
                                    std::pair<std::string, State>{"box_start", State::BoxStart}}) {
    SegmentModel m = SegmentModel::parse("emit head_start headline_shaped 3\nemit body len_81_up 3\nemit " + name +
                                             " len_36_50 6\nemit body_start len_36_50 1\n",
                                         "t");
    EXPECT_EQ(decode_page(three_pieces(false), m).states[2], state) << name;  // as its scores say
    const Reading r = decode_page(three_pieces(true), m);
    EXPECT_TRUE(grammatical(r.states)) << name;
    EXPECT_EQ(r.states[2], State::BodyStart) << name;
    EXPECT_GT(r.probability[2], 0.0) << name;
  }
}

TEST(Decoder, AllZeroModelStillGivesAGrammaticalReading) {
  SegmentModel zero = SegmentModel::parse("", "empty");
  const auto f = pieces({{}, {}, {}, {}});
  const Reading r = decode_page(f, zero);
  EXPECT_TRUE(grammatical(r.states));
  // Every reading scores the same: each piece's state is one of many.
  for (double p : r.probability) EXPECT_LT(p, 1.0);
  EXPECT_TRUE(decode_page({}, zero).states.empty());
}

TEST(Decoder, ProbabilityFollowsTheMargin) {
  // The stronger the evidence, the surer the decoder.
  auto prob_of_head = [](const char *w) {
    const SegmentModel m = SegmentModel::parse(std::string("emit head_start headline_shaped ") + w +
                                                   "\nemit body len_81_up 5\nemit body_start len_81_up 4\n",
                                               "t");
    return decode_page(pieces({{EmitFeature::headline_shaped}, {EmitFeature::len_81_up}}), m).probability[0];
  };
  EXPECT_LT(prob_of_head("1"), prob_of_head("6"));
  EXPECT_GT(prob_of_head("12"), 0.99);
}

// Each piece's probability of its state by brute force: every grammatical
// sequence of states, scored as the decoder scores them (the pieces of
// pieces() have only the bias edge feature, weight 0 in these models).
std::vector<double> brute_force_probability(const PageFeatures &f, const SegmentModel &m,
                                            const std::vector<State> &path) {
  const size_t n = f.size();
  std::vector<double> score_of;  // log score of every grammatical sequence
  std::vector<std::vector<State>> seqs;
  std::vector<State> s(n);
  const size_t total = static_cast<size_t>(std::pow(static_cast<double>(k_state_count), static_cast<double>(n)));
  for (size_t code = 0; code < total; ++code) {
    size_t c = code;
    for (size_t k = 0; k < n; ++k, c /= k_state_count) s[k] = static_cast<State>(c % k_state_count);
    if (!grammatical(s)) continue;
    double v = 0;
    for (size_t k = 0; k < n; ++k) f.for_each_emit(k, [&](uint16_t id) { v += m.emit(s[k], id); });
    score_of.push_back(v);
    seqs.push_back(s);
  }
  const double top = *std::max_element(score_of.begin(), score_of.end());
  double z = 0;
  for (double v : score_of) z += std::exp(v - top);
  std::vector<double> p(n, 0.0);
  for (size_t i = 0; i < seqs.size(); ++i)
    for (size_t k = 0; k < n; ++k)
      if (seqs[i][k] == path[k]) p[k] += std::exp(score_of[i] - top) / z;
  return p;
}

TEST(Decoder, ProbabilitiesAreExactOnModerateAndExtremeScores) {
  // Moderate weights: the scaled (probability-space) pass. Weights hundreds
  // apart, a box after a headline that only a box can follow: the scaled
  // rows underflow to zero and the log-space pass takes over. Both must give
  // the exact posteriors.
  const auto f = pieces({{EmitFeature::headline_shaped}, {EmitFeature::len_81_up}, {EmitFeature::len_81_up}});
  for (const char *w : {"3", "900"}) {
    const SegmentModel m = SegmentModel::parse(std::string("emit head_start headline_shaped ") + w +
                                                   "\nemit box len_81_up " + w + "\nemit body len_81_up 2\n",
                                               "t");
    const Reading r = decode_page(f, m);
    ASSERT_TRUE(grammatical(r.states));
    const std::vector<double> want = brute_force_probability(f, m, r.states);
    for (size_t k = 0; k < f.size(); ++k) EXPECT_NEAR(r.probability[k], want[k], 1e-9) << "weight " << w << " piece " << k;
  }
}

TEST(Features, NamesAreUniqueAndConjunctionsNamed) {
  EXPECT_STREQ(emit_feature_name(EmitFeature::bias), "bias");
  EXPECT_EQ(emit_id_name(static_cast<uint16_t>(k_emit_feature_count)), "wrapped&bias");
  EXPECT_EQ(emit_id_name(static_cast<uint16_t>(3 * k_emit_feature_count + 1)),
            std::string("noperiod&") + emit_feature_name(static_cast<EmitFeature>(1)));
  std::set<std::string> names;
  for (size_t i = 0; i < k_emit_id_count; ++i) names.insert(emit_id_name(static_cast<uint16_t>(i)));
  EXPECT_EQ(names.size(), k_emit_id_count);
}
