package org.banmian;

import java.nio.charset.StandardCharsets;

/**
 * A failing banmian call: the C API's negative bm_status (see BanmianException.INVALID_ARGUMENT
 * and the other codes), its message, and the byte offset in the raw input of the problem (or -1).
 * Calls on a closed Parser, Page or Article view throw it with INVALID_ARGUMENT; an index out of
 * range with RANGE.
 */
public class BanmianException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public static final int INVALID_ARGUMENT = -1;
    public static final int NOMEM = -2;
    public static final int ENCODING = -3;
    public static final int UNKNOWN_ENCODING = -4;
    public static final int TOO_LARGE = -5;
    public static final int LEXICON = -6;
    public static final int IO = -7;
    public static final int VERSION = -8;
    public static final int RANGE = -9;
    public static final int INTERNAL = -99;

    private final int code;
    private final long byteOffset;

    public BanmianException(int code, String message, long byteOffset) {
        super(message);
        this.code = code;
        this.byteOffset = byteOffset;
    }

    /** Called from JNI: the message arrives as UTF-8 bytes (never modified UTF-8). */
    BanmianException(int code, byte[] utf8Message, long byteOffset) {
        this(code, new String(utf8Message, StandardCharsets.UTF_8), byteOffset);
    }

    /** The bm_status code (negative). */
    public int getCode() {
        return code;
    }

    /** Offset in the raw input bytes of the problem, or -1. */
    public long getByteOffset() {
        return byteOffset;
    }

    /** The C library's English name of the code ("unknown status" for others). */
    public String getStatusName() {
        return Banmian.statusString(code);
    }
}
