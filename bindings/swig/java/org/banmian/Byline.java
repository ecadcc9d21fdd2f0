package org.banmian;

import java.util.Objects;

/** A credited person: role ("reporter", "correspondent", "photographer", "editor", "intern",
 *  "author") and name. An immutable value, independent of the page it came from. */
public final class Byline {
    private final String role;
    private final String name;

    public Byline(String role, String name) {
        this.role = Objects.requireNonNull(role, "role");
        this.name = Objects.requireNonNull(name, "name");
    }

    public String role() {
        return role;
    }

    public String name() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Byline)) return false;
        Byline b = (Byline) o;
        return role.equals(b.role) && name.equals(b.name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(role, name);
    }

    @Override
    public String toString() {
        return role + ":" + name;
    }
}
