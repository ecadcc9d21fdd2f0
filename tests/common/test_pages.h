// The test pages (tests/data/pages/{dev,own,conventions,layout}/*.txt) shared by the page-level
// tests: the golden JSON test and the invariant test.
#pragma once
#include <dirent.h>

#include <cstdlib>

#include <string>
#include <vector>

namespace bm_test {

// BM_TEST_PAGES_DIR=DIR lists DIR/*.txt instead (the invariant test over a
// generated page set: tools/gen/make_pages.py).
inline std::vector<std::string> test_pages(const std::string &data_dir) {
  std::vector<std::string> out;
  std::vector<std::string> dirs;
  if (const char *env = std::getenv("BM_TEST_PAGES_DIR")) {
    dirs.push_back(env);
  } else {
    for (const char *sub : {"dev", "own", "conventions", "layout"}) dirs.push_back(data_dir + "/pages/" + sub);
  }
  for (const std::string &dir : dirs) {
    if (DIR *d = opendir(dir.c_str())) {
      while (dirent *e = readdir(d)) {
        const std::string name = e->d_name;
        if (name.size() > 4 && name.substr(name.size() - 4) == ".txt") out.push_back(dir + "/" + name);
      }
      closedir(d);
    }
  }
  return out;
}

}  // namespace bm_test
