// The exception firewall: every extern "C" entry point runs its body through
// bm_guard, which maps any exception to a status and records the thread-local
// error. Nothing ever propagates out of the library.
#pragma once
#include <cstdint>
#include <string>

#include "banmian/banmian.h"

namespace bm::capi {

void set_error(bm_status code, const std::string &message, int64_t byte_offset = -1);
void clear_error();
bm_status fail(bm_status code, const char *message);  // set_error + return code
bm_status current_exception_status();  // call inside catch (...)

template <class F>
bm_status guard(F &&body) noexcept {
  try {
    clear_error();
    return body();
  } catch (...) {
    return current_exception_status();
  }
}

}  // namespace bm::capi

namespace bm::detail { struct CallOptions; }
namespace bm::capi {
// Validates a per-call options struct (NULL = defaults) into `out`; on failure
// records the error, sets `status` and returns false.
bool call_options(const bm_parse_options *opts, bm::detail::CallOptions &out, bm_status &status);
}  // namespace bm::capi
