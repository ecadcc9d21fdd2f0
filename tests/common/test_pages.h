// The test pages (tests/data/pages/{dev,own,conventions}/*.txt) shared by the page-level
// tests: the golden JSON test and the invariant test.
#pragma once
#include <dirent.h>

#include <string>
#include <vector>

namespace bm_test {

inline std::vector<std::string> test_pages(const std::string &data_dir) {
  std::vector<std::string> out;
  for (const char *sub : {"dev", "own", "conventions"}) {
    const std::string dir = data_dir + "/pages/" + sub;
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
