/*
 * Go part of banmian.i: generates the internal package banmian/internal/raw,
 * which the hand-written package banmian (go/banmian.go) wraps.
 *
 * Go has no exceptions, so a failing call is recorded on the calling OS
 * thread and taken right after by takeError(), whose bm_status result this
 * file's one typemap turns into a Go `error` (*Error). The Go side locks the
 * goroutine to its thread around the call and takeError() (go/banmian.go).
 * Strings are Go strings: bytes, real UTF-8 both ways.
 */

%include <std_string.i>

%{
#include <string>

namespace bmswig {
/* The status of the error pending on this thread (BM_OK when none). */
inline bm_status takeError() {
  const std::unique_ptr<Error> &e = detail::pending();
  return e ? e->code() : BM_OK;
}
}  // namespace bmswig

/* "code\x1foffset\x1fmessage" of the pending error, which it clears. */
static std::string bm_go_error_record() {
  std::unique_ptr<bmswig::Error> e(std::move(bmswig::detail::pending()));
  if (!e) return std::string("-99\x1f-1\x1f" "banmian: no error recorded");
  return std::to_string(e->code()) + "\x1f" + std::to_string(e->byteOffset()) + "\x1f" + e->message();
}
%}

/* Every wrapped call records its failure instead of throwing into Go. */
%exception {
  bmswig::clearPending();
  try {
    $action
  } catch (const bmswig::Error &e) {
    bmswig::setPending(e);
  } catch (const std::bad_alloc &) {
    bmswig::setPending(bmswig::Error(BM_E_NOMEM, "banmian: out of memory", -1));
  } catch (const std::exception &e) {
    bmswig::setPending(bmswig::Error(BM_E_INTERNAL, e.what(), -1));
  }
}
%noexception bmswig::takeError;

/* The one status typemap: a negative bm_status becomes a Go error (*Error),
 * BM_OK becomes nil. */
%typemap(gotype) bm_status "error"
%typemap(imtype) bm_status "string"
%typemap(out, fragment="AllocateString") bm_status %{
  if ($1 < 0) {
    std::string rec = bm_go_error_record();
    $result = Swig_AllocateString(rec.data(), rec.size());
  } else {
    $result = Swig_AllocateString("", 0);
  }
%}
%typemap(goout, fragment="CopyString") bm_status %{
  $result = swigStatusError(swigCopyString($1))
%}

/* OptString out: the string, "" when the C API returned NULL. */
%typemap(gotype) bmswig::OptString "string"
%typemap(imtype) bmswig::OptString "string"
%typemap(out, fragment="AllocateString") bmswig::OptString %{
  $result = Swig_AllocateString($1.value.data(), $1.value.size());
%}
%typemap(goout, fragment="CopyString") bmswig::OptString %{
  $result = swigCopyString($1)
%}

/* Raw input bytes: a []byte, read in place for the duration of the call. */
%typemap(gotype) (const char *data, size_t len) "[]byte"
%typemap(in) (const char *data, size_t len) %{
  $1 = ($1_ltype)$input.array;
  $2 = ($2_ltype)$input.len;
%}

%go_import("strconv", "strings")
%insert(go_wrapper) %{

// Error is a failing banmian call: the C API's negative bm_status code,
// its message, and the byte offset in the raw input of the problem (or -1).
type Error struct {
	Code       int
	Message    string
	ByteOffset int64
}

func (e *Error) Error() string { return e.Message }

func swigStatusError(rec string) error {
	if rec == "" {
		return nil
	}
	parts := strings.SplitN(rec, "\x1f", 3)
	e := &Error{Code: -99, ByteOffset: -1, Message: rec}
	if len(parts) == 3 {
		if c, err := strconv.Atoi(parts[0]); err == nil {
			e.Code = c
		}
		if o, err := strconv.ParseInt(parts[1], 10, 64); err == nil {
			e.ByteOffset = o
		}
		e.Message = parts[2]
	}
	return e
}
%}

typedef int bm_status;
namespace bmswig {
bm_status takeError();
}
