"""Exceptions: one class per bm_status code of the C API, all under banmian.Error."""
from __future__ import annotations

from typing import Dict, Optional, Type

__all__ = [
    "Error", "InvalidArgumentError", "OutOfMemoryError", "EncodingError", "UnknownEncodingError",
    "TooLargeError", "LexiconError", "ReadError", "VersionError", "RangeError", "InternalError",
]


class Error(Exception):
    """A failure reported by the banmian C library.

    Attributes: ``code`` (the negative bm_status), ``message`` (the library's
    text), ``byte_offset`` (offset of the problem in the raw input bytes, or
    None), and ``index`` (the failing item of parse_many, else None).
    """

    code: int = -99

    def __init__(self, message: str, *, code: Optional[int] = None, byte_offset: Optional[int] = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code
        self.message = message
        self.byte_offset = byte_offset
        self.index: Optional[int] = None

    def __str__(self) -> str:
        s = self.message
        if self.byte_offset is not None:
            s += f" (byte {self.byte_offset})"
        if self.index is not None:
            s += f" [item {self.index}]"
        return s

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, code={self.code}, byte_offset={self.byte_offset})"


class InvalidArgumentError(Error, ValueError):
    """BM_E_INVALID_ARGUMENT."""
    code = -1


class OutOfMemoryError(Error, MemoryError):
    """BM_E_NOMEM."""
    code = -2


class EncodingError(Error, ValueError):
    """BM_E_ENCODING: invalid bytes for the encoding (strict decoding only)."""
    code = -3


class UnknownEncodingError(Error, LookupError):
    """BM_E_UNKNOWN_ENCODING: the named encoding is not known to ICU."""
    code = -4


class TooLargeError(Error, ValueError):
    """BM_E_TOO_LARGE: input larger than the parser's max_input_bytes."""
    code = -5


class LexiconError(Error):
    """BM_E_LEXICON: a lexicon could not be read or has a bad line."""
    code = -6


class ReadError(Error, OSError):
    """BM_E_IO: a file could not be read by the library."""
    code = -7

    def __init__(self, message: str, *, code: Optional[int] = None, byte_offset: Optional[int] = None) -> None:
        Error.__init__(self, message, code=code, byte_offset=byte_offset)


class VersionError(Error):
    """BM_E_VERSION: an options struct of an unknown version."""
    code = -8


class RangeError(Error, IndexError):
    """BM_E_RANGE: an index out of range."""
    code = -9


class InternalError(Error):
    """BM_E_INTERNAL: a bug in banmian; please report it with the input."""
    code = -99


_BY_CODE: Dict[int, Type[Error]] = {
    cls.code: cls
    for cls in (InvalidArgumentError, OutOfMemoryError, EncodingError, UnknownEncodingError, TooLargeError,
                LexiconError, ReadError, VersionError, RangeError, InternalError)
}


def _from_status(code: int, message: str, byte_offset: int) -> Error:
    """Called by the extension: the exception for a bm_status (unknown codes give Error)."""
    cls = _BY_CODE.get(code, Error)
    return cls(message, code=code, byte_offset=None if byte_offset < 0 else byte_offset)
