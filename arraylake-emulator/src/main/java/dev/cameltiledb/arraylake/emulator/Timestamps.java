package dev.cameltiledb.arraylake.emulator;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;

/**
 * Times as the service writes them: Python's {@code datetime.isoformat()} of a UTC time, {@code
 * 2026-12-02T09:00:00.123456+00:00} (the fraction left out when it is zero, as Python does).
 */
final class Timestamps {

    private static final DateTimeFormatter PYTHON_ISO = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.MICRO_OF_SECOND, 6, 6, true)
            .optionalEnd()
            .appendLiteral("+00:00")
            .toFormatter()
            .withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter WHOLE_SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'+00:00'").withZone(ZoneOffset.UTC);

    private final Clock clock;

    Timestamps(Clock clock) {
        this.clock = clock;
    }

    /** Now, to the microsecond (Python's datetime holds no more). */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * A new {@code updated} for something last updated at {@code previous}: now, or a microsecond after previous when
     * the clock has not moved (a fixed test clock), so a change feed always sees a change as one.
     */
    Instant after(Instant previous) {
        Instant now = now();
        return now.isAfter(previous) ? now : previous.plus(1, ChronoUnit.MICROS);
    }

    static String format(Instant instant) {
        if (instant == null) {
            return null;
        }
        return instant.getNano() == 0 ? WHOLE_SECONDS.format(instant) : PYTHON_ISO.format(instant);
    }
}
