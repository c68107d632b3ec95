package dev.cameltiledb.component;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

import dev.cameltiledb.client.TileDBConfigurationException;

/** How option text becomes values: separated lists and points in time. Errors name the option and its header. */
final class OptionText {

    private OptionText() {}

    /** {@code "a, b,,c"} → {@code [a, b, c]}; null when there is nothing. */
    static List<String> list(String text) {
        return split(text, ",");
    }

    static List<String> split(String text, String separator) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Arrays.stream(text.split(separator))
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .toList();
    }

    /** An ISO-8601 instant or epoch seconds, as epoch seconds. */
    static Long epochSeconds(String text, String option) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            return value.chars().allMatch(Character::isDigit)
                    ? Long.parseLong(value)
                    : Instant.parse(value).getEpochSecond();
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new TileDBConfigurationException(
                    "The " + option + " option (header " + OptionHeaders.headerOf(option)
                            + ") must be an ISO-8601 instant or epoch seconds, was '" + value + "'",
                    e);
        }
    }
}
