package dev.cameltiledb.component;

import java.util.Locale;

/** The kind of a group member to add or remove. */
public enum MemberType {
    /** An array (notebooks are arrays too). */
    array,
    /** A sub-group. */
    group;

    /** {@code ARRAY} or {@code GROUP}, as the v2 member changes spell it. */
    public String restName() {
        return name().toUpperCase(Locale.ROOT);
    }
}
