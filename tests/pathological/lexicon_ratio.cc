// Linear-time check of lexicon loading (issue 16: 100k entries took 12 s,
// a duplicate check and "!entry" removal by linear search):
//   bm_lexicon_ratio [SMALL LARGE]   T(LARGE) / T(SMALL) <= 5 x LARGE/SMALL
// (linear: LARGE/SMALL; the hash index outgrowing the caches adds about 2 x
// at the default 100k / 800k; quadratic: the square, 64). Each size is one
// [ad] section of SMALL/LARGE entries, a second copy of every entry
// (duplicates) and a removal of every other one; T(SMALL) is the best of 3
// runs. Registered with the other ratio tests (-DBM_PATHOLOGICAL_RATIO=ON).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/lexicon/lexicon.h"

namespace {

std::string lexicon_text(size_t n) {
  std::string t = "[ad]\n";
  for (size_t i = 0; i < n; ++i) t += "\xE8\xAF\x8D" + std::to_string(i) + "\n";  // 词i
  for (size_t i = 0; i < n; ++i) t += "\xE8\xAF\x8D" + std::to_string(i) + "\n";
  for (size_t i = 0; i < n; i += 2) t += "!\xE8\xAF\x8D" + std::to_string(i) + "\n";
  return t;
}

double seconds_to_load(const std::string &text) {
  const auto t0 = std::chrono::steady_clock::now();
  bm::detail::Lexicon lex;
  lex.load(text, "ratio.lex");
  lex.finish();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char **argv) {
  const size_t small = argc > 2 ? std::strtoul(argv[1], nullptr, 10) : 100000;
  const size_t large = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 800000;
  const std::string ts = lexicon_text(small), tl = lexicon_text(large);
  double t_small = 1e9;
  for (int i = 0; i < 3; ++i) t_small = std::min(t_small, seconds_to_load(ts));
  const double t_large = seconds_to_load(tl);
  const double floor = 0.005;  // timer noise
  const double ratio = t_large / std::max(t_small, floor);
  const double limit = 5.0 * static_cast<double>(large) / static_cast<double>(small);
  std::printf("lexicon load: %zu entries %.4f s, %zu entries %.4f s, ratio %.1f (limit %.1f)\n", small, t_small,
              large, t_large, ratio, limit);
  return ratio <= limit ? 0 : 1;
}
