// Developer aid and the fitting tools' window into the parser.
//   bm_debug [--model FILE] PAGE           every piece: its decoded state, the
//                                          state's probability, its draft
//   bm_debug --features PAGE...            JSON lines for tools/fit: first the
//                                          grammar and feature names, then one
//                                          line per page with each piece's
//                                          text and features
//   bm_debug --model FILE --out DIR PAGE...  page JSON (DIR/NAME.json) parsed
//                                          with another model (leave-one-out)
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "core/assemble/assemble.h"
#include "core/decode/decode.h"
#include "core/lexicon/lexicon.h"
#include "core/output/json.h"
#include "core/pipeline/parser.h"
#include "core/segment/decoder.h"
#include "core/segment/features.h"
#include "core/segment/model.h"

using namespace bm::detail;

namespace {

std::string read_file(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::string base_name(const std::string &path) {
  const size_t slash = path.find_last_of('/');
  std::string b = slash == std::string::npos ? path : path.substr(slash + 1);
  const size_t dot = b.rfind(".txt");
  return dot == std::string::npos ? b : b.substr(0, dot);
}

// A page's stages up to the decoder. Made in place and never moved: the
// pieces view the text (a moved short string would move its bytes).
struct Parsed {
  Parsed(const std::string &path, const Lexicon &lex, const SegmentModel &model)
      : text(decode(read_file(path), DecodeOptions{})),
        lines(split_lines(text.utf8)),
        assembly(assemble_page(text.utf8, lines, lex, model)) {}
  Parsed(const Parsed &) = delete;
  DecodedText text;
  std::vector<Line> lines;
  Assembly assembly;
};

void print_features_header() {
  std::string out = "{\"states\":[";
  for (size_t s = 0; s < k_state_count; ++s) {
    if (s) out += ',';
    append_json_string(out, state_name(static_cast<State>(s)));
  }
  out += "],\"opens_item\":[";
  for (size_t s = 0; s < k_state_count; ++s) out += std::string(s ? "," : "") + (opens_item(static_cast<State>(s)) ? "1" : "0");
  out += "],\"allowed\":[";
  bool first = true;
  for (int from = -1; from < static_cast<int>(k_state_count); ++from)
    for (size_t to = 0; to < k_state_count; ++to) {
      const State f = static_cast<State>(from < 0 ? 0 : from);
      if (!allowed(from < 0 ? nullptr : &f, static_cast<State>(to))) continue;
      out += (first ? "" : ",") + std::string("[") + std::to_string(from) + "," + std::to_string(to) + "]";
      first = false;
    }
  out += "],\"emit\":[";
  for (size_t f = 0; f < k_emit_id_count; ++f) {
    if (f) out += ',';
    append_json_string(out, emit_id_name(static_cast<uint16_t>(f)));
  }
  out += "],\"edge\":[";
  for (size_t f = 0; f < k_edge_feature_count; ++f) {
    if (f) out += ',';
    append_json_string(out, edge_feature_name(static_cast<EdgeFeature>(f)));
  }
  out += "]}";
  std::cout << out << "\n";
}

void print_features(const std::string &path, const Lexicon &lex, const SegmentModel &model) {
  const Parsed p(path, lex, model);
  const PageFeatures feats = compute_features(p.assembly.pieces, p.assembly.classes, p.assembly.layout, lex);
  std::string out = "{\"page\":";
  append_json_string(out, base_name(path));
  out += ",\"pieces\":[";
  for (size_t k = 0; k < feats.size(); ++k) {
    const Piece &pc = p.assembly.pieces[k];
    out += k ? ",{" : "{";
    out += "\"text\":";
    append_json_string(out, pc.text);
    out += ",\"line\":" + std::to_string(pc.line) + ",\"emit\":[";
    bool first = true;
    feats.for_each_emit(k, [&](uint16_t id) {
      out += (first ? "" : ",") + std::to_string(static_cast<int>(id));
      first = false;
    });
    out += "],\"edge\":[";
    first = true;
    feats.for_each_edge(k, [&](EdgeFeature g) {
      out += (first ? "" : ",") + std::to_string(static_cast<int>(g));
      first = false;
    });
    out += "]}";
  }
  out += "]}";
  std::cout << out << "\n";
}

// --out: the library's own parse (the one orchestrator, pipeline/parser),
// with the model given; the same JSON as the CLI but for "source".
void write_json(const std::string &path, const std::string &dir, const Parser &parser) {
  CallOptions options;
  options.source = base_name(path) + ".txt";
  const Page page = parser.parse(read_file(path), options);
  std::vector<const Article *> arts;
  for (const Article &a : page.articles) arts.push_back(&a);
  std::ofstream(dir + "/" + base_name(path) + ".json") << page_to_json(page, arts, false);
}

void print_pieces(const std::string &path, const Lexicon &lex, const SegmentModel &model) {
  const Parsed p(path, lex, model);
  const Assembly &a = p.assembly;
  std::vector<int> owner(a.pieces.size(), -1);
  for (size_t d = 0; d < a.drafts.size(); ++d)
    for (size_t k : a.drafts[d].all) owner[k] = static_cast<int>(d);
  std::printf("layout=%s\n", a.layout.layout == Layout::HardWrapped ? "hard-wrapped" : "one-per-line");
  for (size_t i = 0; i < a.pieces.size(); ++i) {
    const Piece &pc = a.pieces[i];
    std::printf("%3zu L%-3u d%-3d %-12s %.2f w%-3d col%-3d b%d | %.*s\n", i, pc.line, owner[i],
                state_name(a.states[i]), a.probability[i], pc.width, a.layout.column.empty() ? 0 : a.layout.column[pc.line],
                pc.blanks_before, static_cast<int>(std::min<size_t>(pc.text.size(), 90)), pc.text.data());
  }
}

}  // namespace

int main(int argc, char **argv) {
  try {
    std::optional<SegmentModel> own;
    std::string out_dir;
    bool features = false;
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
      const std::string a = argv[i];
      if (a == "--model" && i + 1 < argc) own = SegmentModel::parse(read_file(argv[++i]), argv[i]);
      else if (a == "--out" && i + 1 < argc) out_dir = argv[++i];
      else if (a == "--features") features = true;
      else files.push_back(a);
    }
    if (files.empty()) {
      std::fprintf(stderr, "usage: bm_debug [--model FILE] [--features | --out DIR] PAGE...\n");
      return 2;
    }
    Lexicon lex;
    lex.load(k_default_lexicon, "built-in");
    lex.finish();
    if (!out_dir.empty() && !features) {
      const size_t max_bytes = DecodeOptions{}.max_bytes;
      const Parser parser = own ? Parser(std::move(lex), max_bytes, std::move(*own)) : Parser(std::move(lex), max_bytes);
      for (const std::string &f : files) write_json(f, out_dir, parser);
      return 0;
    }
    const SegmentModel &model = own ? *own : SegmentModel::builtin();
    if (features) print_features_header();
    for (const std::string &f : files) {
      if (features) print_features(f, lex, model);
      else print_pieces(f, lex, model);
    }
  } catch (const std::exception &e) {
    std::fprintf(stderr, "bm_debug: %s\n", e.what());
    return 1;
  }
  return 0;
}
