// Thread-local error state and status strings.
#include <new>
#include <string>

#include "capi/guard.h"
#include "core/common/error.h"

namespace {
struct ErrorState {
  std::string message;
  bm_error error{BM_OK, "", -1};
};
thread_local ErrorState t_error;
}  // namespace

namespace bm::capi {

void set_error(bm_status code, const std::string &message, int64_t byte_offset) {
  try {
    t_error.message = message;
  } catch (...) {
    t_error.message.clear();  // out of memory: keep the code, lose the text
  }
  t_error.error.code = code;
  t_error.error.message = t_error.message.c_str();
  t_error.error.byte_offset = byte_offset;
}

void clear_error() {
  t_error.error.code = BM_OK;
  t_error.error.byte_offset = -1;
  t_error.message.clear();
  t_error.error.message = t_error.message.c_str();
}

bm_status fail(bm_status code, const char *message) {
  set_error(code, message);
  return code;
}

bm_status current_exception_status() {
  try {
    throw;
  } catch (const bm::detail::Error &e) {
    set_error(e.code(), e.what(), e.byte_offset());
    return e.code();
  } catch (const std::bad_alloc &) {
    set_error(BM_E_NOMEM, "out of memory");
    return BM_E_NOMEM;
  } catch (const std::length_error &) {
    set_error(BM_E_NOMEM, "out of memory (length error)");
    return BM_E_NOMEM;
  } catch (const std::exception &e) {
    set_error(BM_E_INTERNAL, std::string("internal error: ") + e.what());
    return BM_E_INTERNAL;
  } catch (...) {
    set_error(BM_E_INTERNAL, "internal error: unknown exception");
    return BM_E_INTERNAL;
  }
}

}  // namespace bm::capi

extern "C" {

const bm_error *bm_last_error(void) {
  if (t_error.error.message == nullptr) t_error.error.message = "";
  return &t_error.error;
}

const char *bm_status_string(bm_status status) {
  switch (status) {
    case BM_OK: return "ok";
    case BM_E_INVALID_ARGUMENT: return "invalid argument";
    case BM_E_NOMEM: return "out of memory";
    case BM_E_ENCODING: return "invalid bytes for the encoding";
    case BM_E_UNKNOWN_ENCODING: return "unknown encoding";
    case BM_E_TOO_LARGE: return "input too large";
    case BM_E_LEXICON: return "bad lexicon";
    case BM_E_IO: return "input/output error";
    case BM_E_VERSION: return "unsupported options version";
    case BM_E_RANGE: return "index out of range";
    case BM_E_INTERNAL: return "internal error";
    default: return "unknown status";
  }
}

const char *bm_version(void) { return BM_VERSION_STRING; }
int bm_version_number(void) { return BM_VERSION_NUMBER; }

void bm_string_free(char *str) { delete[] str; }

}  // extern "C"
