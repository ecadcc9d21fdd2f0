package org.banmian;

import java.util.Objects;

/** The parts of a dateline ("本报北京1月7日电"): source ("本报") and place ("北京"), null when
 *  not printed; month and day as printed, 0 when not printed; date ("YYYY-MM-DD"), the day
 *  resolved against the issue date, or null. An immutable value. */
public final class DatelineInfo {
    private final String source;
    private final String place;
    private final int month;
    private final int day;
    private final String date;

    public DatelineInfo(String source, String place, int month, int day, String date) {
        this.source = source;
        this.place = place;
        this.month = month;
        this.day = day;
        this.date = date;
    }

    public String source() {
        return source;
    }

    public String place() {
        return place;
    }

    public int month() {
        return month;
    }

    public int day() {
        return day;
    }

    public String date() {
        return date;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof DatelineInfo)) return false;
        DatelineInfo d = (DatelineInfo) o;
        return month == d.month && day == d.day && Objects.equals(source, d.source)
                && Objects.equals(place, d.place) && Objects.equals(date, d.date);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, place, month, day, date);
    }

    @Override
    public String toString() {
        return "DatelineInfo[" + source + ", " + place + ", " + month + "/" + day + ", " + date + "]";
    }
}
