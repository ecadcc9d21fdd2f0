package org.banmian;

import java.util.Objects;

/** An expression naming one day ("昨天", "1月7日") in an article's headline parts or
 *  paragraphs: its text, its date ("YYYY-MM-DD", null when it cannot be resolved) and its
 *  span in {@link Page#text()} (null when the source could not be matched). An immutable value. */
public final class DateRef {
    private final String text;
    private final String date;
    private final Span span;

    public DateRef(String text, String date, Span span) {
        this.text = Objects.requireNonNull(text, "text");
        this.date = date;
        this.span = span;
    }

    public String text() {
        return text;
    }

    public String date() {
        return date;
    }

    public Span span() {
        return span;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof DateRef)) return false;
        DateRef d = (DateRef) o;
        return text.equals(d.text) && Objects.equals(date, d.date) && Objects.equals(span, d.span);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, date, span);
    }

    @Override
    public String toString() {
        return text + "=" + date;
    }
}
