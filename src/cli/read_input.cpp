#include "read_input.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace bm::cli {

bool read_input(const std::string &path, std::string *bytes, std::string *error) {
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    *bytes = ss.str();
    return true;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = path + ": " + std::strerror(errno);
    return false;
  }
  bytes->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) {
    *error = path + ": read error";
    return false;
  }
  return true;
}

}  // namespace bm::cli
