// Benchmark corpus: the dev pages, read as they are, and 16 KB pages cut from
// the dev pages laid end to end and repeated until the corpus is large enough.
#pragma once
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <dirent.h>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace bench {

struct DevPage {
  std::string name;
  std::string bytes;
};

inline std::vector<DevPage> read_dev_pages(const std::string &dir) {
  std::vector<std::string> names;
  if (DIR *d = opendir(dir.c_str())) {
    while (dirent *e = readdir(d)) {
      std::string n = e->d_name;
      if (n.size() > 4 && n.compare(n.size() - 4, 4, ".txt") == 0) names.push_back(n);
    }
    closedir(d);
  }
  std::sort(names.begin(), names.end());
  std::vector<DevPage> pages;
  for (const auto &n : names) {
    std::ifstream in(dir + "/" + n, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    pages.push_back({n, ss.str()});
  }
  if (pages.empty()) {
    std::fprintf(stderr, "no *.txt pages in %s\n", dir.c_str());
    std::exit(2);
  }
  return pages;
}

// Pages of at most page_bytes, each cut after the last '\n' that fits (or at a
// UTF-8 boundary when a line is longer than a page), from the dev pages
// concatenated and repeated until the pages hold at least min_total bytes.
inline std::vector<std::string> make_pages(const std::vector<DevPage> &dev, size_t page_bytes, size_t min_total) {
  std::string stream;
  while (stream.size() < min_total + 2 * page_bytes) {
    for (const auto &p : dev) {
      stream += p.bytes;
      if (!p.bytes.empty() && p.bytes.back() != '\n') stream += '\n';
    }
  }
  std::vector<std::string> pages;
  size_t pos = 0, total = 0;
  while (total < min_total) {
    size_t end = std::min(pos + page_bytes, stream.size());
    size_t nl = stream.rfind('\n', end - 1);
    if (nl != std::string::npos && nl >= pos) {
      end = nl + 1;
    } else {
      while (end > pos && (static_cast<unsigned char>(stream[end]) & 0xC0) == 0x80) --end;
    }
    pages.push_back(stream.substr(pos, end - pos));
    total += end - pos;
    pos = end;
  }
  return pages;
}

}  // namespace bench
