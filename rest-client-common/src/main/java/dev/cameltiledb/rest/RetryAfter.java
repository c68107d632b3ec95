package dev.cameltiledb.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Reads a {@code Retry-After} header: delta seconds or an HTTP date. */
public final class RetryAfter {

    private static final Pattern SECONDS = Pattern.compile("-?\\d+");

    private RetryAfter() {}

    /**
     * The wait a {@code Retry-After} value asks for, in milliseconds from {@code now}; null when unreadable. A negative
     * or absurdly long delta is clamped rather than refused: each client caps the wait afterwards anyway.
     */
    public static Long millis(String value, Instant now) {
        String v = value.strip();
        if (SECONDS.matcher(v).matches()) {
            return v.startsWith("-") ? 0L : v.length() > 12 ? Long.MAX_VALUE / 2 : Long.parseLong(v) * 1000;
        }
        Instant at;
        try {
            at = DateTimeFormatter.RFC_1123_DATE_TIME.parse(v, Instant::from);
        } catch (DateTimeParseException notADate) {
            return null;
        }
        return now.isBefore(at) ? Duration.between(now, at).toMillis() : 0L;
    }
}
