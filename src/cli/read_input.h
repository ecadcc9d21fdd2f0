// Reads a whole file (or stdin for "-") as bytes, in bounded chunks.
#pragma once
#include <cstddef>
#include <string>

namespace bm::cli {

// False (and "PATH: why" in *error) when the input cannot be read: missing,
// a directory, a read error, or more than max_bytes bytes. Never throws for
// an input it cannot read, and never holds more than max_bytes + one chunk:
// reading stops at the first byte over the limit (/dev/zero ends there).
bool read_input(const std::string &path, size_t max_bytes, std::string *bytes, std::string *error);

}  // namespace bm::cli
