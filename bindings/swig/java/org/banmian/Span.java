package org.banmian;

/** [start, end) byte offsets in the UTF-8 of {@link Page#text()}. An immutable value. */
public final class Span {
    private final long start;
    private final long end;

    public Span(long start, long end) {
        this.start = start;
        this.end = end;
    }

    public long start() {
        return start;
    }

    public long end() {
        return end;
    }

    /** Null when the C API reported the span as unknown (start or end negative). */
    static Span of(long start, long end) {
        return start < 0 || end < 0 ? null : new Span(start, end);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Span)) return false;
        Span s = (Span) o;
        return start == s.start && end == s.end;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(start) * 31 + Long.hashCode(end);
    }

    @Override
    public String toString() {
        return "[" + start + ", " + end + ")";
    }
}
