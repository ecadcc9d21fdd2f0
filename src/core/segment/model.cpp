#include "core/segment/model.h"

#include <cstdlib>
#include <map>

#include "core/common/error.h"
#include "core/common/utf8.h"

namespace bm::detail {

namespace {

template <typename T>
std::map<std::string, T, std::less<>> name_table(size_t count, const char *(*name)(T)) {
  std::map<std::string, T, std::less<>> m;
  for (size_t i = 0; i < count; ++i) m.emplace(name(static_cast<T>(i)), static_cast<T>(i));
  return m;
}

std::vector<std::string_view> fields(std::string_view line) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    size_t j = i;
    while (j < line.size() && line[j] != ' ' && line[j] != '\t') ++j;
    if (j > i) out.push_back(line.substr(i, j - i));
    i = j;
  }
  return out;
}

}  // namespace

SegmentModel SegmentModel::parse(std::string_view text, const std::string &origin) {
  static const auto states = name_table<State>(k_state_count, state_name);
  static const auto emits = [] {
    std::map<std::string, uint16_t, std::less<>> m;
    for (size_t i = 0; i < k_emit_id_count; ++i) m.emplace(emit_id_name(static_cast<uint16_t>(i)), static_cast<uint16_t>(i));
    return m;
  }();
  static const auto edges = name_table<EdgeFeature>(k_edge_feature_count, edge_feature_name);
  SegmentModel m;
  size_t pos = 0, line_no = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = trim(text.substr(pos, nl - pos));
    pos = nl + 1;
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    auto bad = [&](const char *why) {
      return Error(BM_E_INTERNAL, origin + ":" + std::to_string(line_no) + ": " + why);
    };
    const std::vector<std::string_view> f = fields(line);
    auto weight = [&](std::string_view w) {
      std::string s(w);
      char *end = nullptr;
      const double v = std::strtod(s.c_str(), &end);
      if (end != s.c_str() + s.size()) throw bad("bad weight");
      return static_cast<float>(v);
    };
    if (f.size() == 4 && f[0] == "emit") {
      auto s = states.find(f[1]);
      auto x = emits.find(f[2]);
      if (s == states.end() || x == emits.end()) throw bad("unknown state or emission feature");
      m.emit_[static_cast<size_t>(x->second) * k_state_count + static_cast<size_t>(s->second)] = weight(f[3]);
    } else if (f.size() == 5 && f[0] == "edge") {
      size_t from = 0;
      if (f[1] != "^") {
        auto s = states.find(f[1]);
        if (s == states.end()) throw bad("unknown state");
        from = static_cast<size_t>(s->second) + 1;
      }
      auto to = states.find(f[2]);
      auto x = edges.find(f[3]);
      if (to == states.end() || x == edges.end()) throw bad("unknown state or edge feature");
      m.edge_[(from * k_state_count + static_cast<size_t>(to->second)) * k_edge_feature_count +
              static_cast<size_t>(x->second)] = weight(f[4]);
    } else {
      throw bad("expected 'emit STATE FEATURE WEIGHT' or 'edge FROM TO FEATURE WEIGHT'");
    }
    if (nl == text.size()) break;
  }
  return m;
}

const SegmentModel &SegmentModel::builtin() {
  static const SegmentModel m = parse(k_segment_model, "built-in segment model");
  return m;
}

}  // namespace bm::detail
