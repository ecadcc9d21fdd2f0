// Reads a whole file (or stdin for "-") as bytes.
#pragma once
#include <string>

namespace bm::cli {

// False (and a message in *error) when the file cannot be read.
bool read_input(const std::string &path, std::string *bytes, std::string *error);

}  // namespace bm::cli
