// The one exception type of the core. The C API layer (src/capi) catches it
// and turns it into a bm_status plus the thread-local bm_last_error().
#pragma once
#include <cstdint>
#include <stdexcept>
#include <string>

#include "banmian/banmian.h"

namespace bm::detail {

class Error : public std::runtime_error {
 public:
  Error(bm_status code, const std::string &message, int64_t byte_offset = -1)
      : std::runtime_error(message), code_(code), byte_offset_(byte_offset) {}
  bm_status code() const noexcept { return code_; }
  // Offset of the offending byte in the raw input, or -1.
  int64_t byte_offset() const noexcept { return byte_offset_; }

 private:
  bm_status code_;
  int64_t byte_offset_;
};

}  // namespace bm::detail
