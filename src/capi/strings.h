#pragma once
#include <cstring>
#include <string>

namespace bm::capi {

// A copy the caller frees with bm_string_free (delete[]).
inline char *dup_string(const std::string &s, size_t *len) {
  char *p = new char[s.size() + 1];
  std::memcpy(p, s.data(), s.size());
  p[s.size()] = '\0';
  if (len) *len = s.size();
  return p;
}

}  // namespace bm::capi
