// Reads a whole file (or stdin for "-") as bytes, in bounded chunks.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace bm::cli {

// False (and "PATH: why" in *error) when the input cannot be read: missing,
// a directory, a read error, or more than max_bytes bytes. Never throws for
// an input it cannot read, and never holds more than max_bytes + one chunk:
// reading stops at the first byte over the limit (/dev/zero ends there).
bool read_input(const std::string &path, size_t max_bytes, std::string *bytes, std::string *error);

// The paths listed in a file (or stdin for "-"), one per line: a trailing
// "\r" is dropped, empty lines are skipped, nothing else is interpreted (a
// path may contain spaces). False (and "LIST: why" in *error) when the list
// cannot be read or is larger than max_bytes.
bool read_file_list(const std::string &list, size_t max_bytes, std::vector<std::string> *paths, std::string *error);

}  // namespace bm::cli
