#include "read_input.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace bm::cli {

namespace {
constexpr size_t k_chunk_bytes = 64 * 1024;
}

bool read_input(const std::string &path, size_t max_bytes, std::string *bytes, std::string *error) {
  const bool std_in = path == "-";
  const std::string name = std_in ? "<stdin>" : path;
  const int fd = std_in ? 0 : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *error = name + ": " + std::strerror(errno);
    return false;
  }
  auto fail = [&](const std::string &why) {
    if (!std_in) ::close(fd);
    bytes->clear();
    bytes->shrink_to_fit();
    *error = name + ": " + why;
    return false;
  };
  struct stat st;
  if (::fstat(fd, &st) == 0) {
    if (S_ISDIR(st.st_mode)) return fail(std::strerror(EISDIR));
    if (S_ISREG(st.st_mode) && static_cast<unsigned long long>(st.st_size) > max_bytes)
      return fail("input too large (more than " + std::to_string(max_bytes) + " bytes)");
    // A file says its size; a pipe or device gets room for the limit (address
    // space only: pages are touched as the bytes arrive), so no doubling copy.
    bytes->reserve(S_ISREG(st.st_mode) ? static_cast<size_t>(st.st_size) + 1 : max_bytes + 1);
  }
  bytes->clear();
  for (;;) {
    // Read up to one byte past the limit: that byte is how we know.
    const size_t room = max_bytes + 1 - bytes->size();
    const size_t old = bytes->size();
    size_t want = room < k_chunk_bytes ? room : k_chunk_bytes;
    if (bytes->capacity() > old && bytes->capacity() - old < want) want = bytes->capacity() - old;  // no regrowth
    bytes->resize(old + want);
    ssize_t n;
    do n = ::read(fd, &(*bytes)[old], want);
    while (n < 0 && errno == EINTR);
    if (n < 0) return fail(std::strerror(errno));
    bytes->resize(old + static_cast<size_t>(n));
    if (n == 0) break;
    if (bytes->size() > max_bytes)
      return fail("input too large (more than " + std::to_string(max_bytes) + " bytes)");
  }
  if (!std_in) ::close(fd);
  return true;
}

bool read_file_list(const std::string &list, size_t max_bytes, std::vector<std::string> *paths, std::string *error) {
  std::string bytes;
  if (!read_input(list, max_bytes, &bytes, error)) return false;
  size_t start = 0;
  while (start < bytes.size()) {
    size_t end = bytes.find('\n', start);
    if (end == std::string::npos) end = bytes.size();
    size_t stop = end;
    if (stop > start && bytes[stop - 1] == '\r') --stop;
    if (stop > start) paths->emplace_back(bytes, start, stop - start);
    start = end + 1;
  }
  return true;
}

}  // namespace bm::cli
