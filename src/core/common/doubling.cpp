#include "core/common/doubling.h"

#include <algorithm>
#include <vector>

#include "core/common/utf8.h"

namespace bm::detail {

namespace {
// Doubling is only looked for in headline-sized text (keeps it linear overall).
constexpr size_t k_max_doubled_cps = 160;
}  // namespace

bool undouble(std::string &text) {
  std::u32string s;
  for (size_t i = 0; i < text.size();) s.push_back(next_cp(text, i));
  const size_t n = s.size();
  if (n < 4 || n > k_max_doubled_cps || n % 2 != 0) return false;
  // best[i]: fewest runs that cover s[i..n) as doubled runs (XX YY ...), or -1.
  std::vector<int> best(n + 1, -1), step(n + 1, 0);
  best[n] = 0;
  for (size_t i = n; i-- > 0;) {
    for (size_t len = 1; i + 2 * len <= n; ++len) {
      if (best[i + 2 * len] < 0) continue;
      if (s.compare(i, len, s, i + len, len) != 0) continue;
      const int cand = best[i + 2 * len] + 1;
      if (best[i] < 0 || cand < best[i]) {
        best[i] = cand;
        step[i] = static_cast<int>(len);
      }
    }
  }
  if (best[0] < 0) return false;
  std::u32string out;
  size_t longest = 0;
  for (size_t i = 0; i < n; i += 2 * static_cast<size_t>(step[i])) {
    out += s.substr(i, static_cast<size_t>(step[i]));
    longest = std::max(longest, static_cast<size_t>(step[i]));
  }
  // Real text can repeat a character (谢谢); a fake-bold line repeats phrases.
  if (longest < 3 || out.size() < 3) return false;
  std::string r;
  for (char32_t c : out) append_cp(r, c);
  text = std::move(r);
  return true;
}

}  // namespace bm::detail
