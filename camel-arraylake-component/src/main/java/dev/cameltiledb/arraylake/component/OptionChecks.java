package dev.cameltiledb.arraylake.component;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.cameltiledb.arraylake.client.model.LogQuery;
import org.apache.camel.spi.UriParam;

/**
 * Checks of option values Camel does not make: a text option with a fixed set of values ({@code mode},
 * {@code kind}, {@code access}, {@code createMode}, {@code serviceType}) holds one of them, page sizes, limits and
 * the log's tail and follow timeout are in range, and the log's times can be read. Run when an endpoint is made (the
 * URI's values) and for each message (its headers' values). An enumerated option of a URI is checked before Camel
 * binds it ({@link #checkEnumParameters}).
 */
final class OptionChecks {

    private OptionChecks() {}

    /**
     * An enumerated option of an endpoint URI ({@code operation}) holds one of its values, checked before Camel binds
     * it (whose own error names only the enum class), case aside as for its header.
     */
    static void checkEnumParameters(Map<String, Object> parameters) {
        for (OptionHeaders.MessageOption option : OptionHeaders.ALL) {
            Class<?> type = option.field().getType();
            Object value = parameters.get(option.name());
            if (type.isEnum()
                    && value instanceof String text
                    && Arrays.stream(type.getEnumConstants())
                            .noneMatch(c -> ((Enum<?>) c).name().equalsIgnoreCase(text.strip()))) {
                throw new ArraylakeOptionException("The " + option.name() + " option (header " + option.header()
                        + ") must be one of " + Arrays.toString(type.getEnumConstants()) + ", was '" + text + "'");
            }
        }
    }

    static void checkChoices(ArraylakeConfiguration options) {
        for (OptionHeaders.MessageOption option : OptionHeaders.ALL) {
            String choices = option.field().getAnnotation(UriParam.class).enums();
            Object value = option.valueIn(options);
            if (!choices.isEmpty()
                    && value instanceof String text
                    && !List.of(choices.split(",")).contains(text)) {
                throw new ArraylakeOptionException("The " + option.name() + " option (header " + option.header()
                        + ") must be one of " + Arrays.toString(choices.split(",")) + ", was '" + text + "'");
            }
        }
        Integer size = options.getSize();
        if (size != null && (size < 1 || size > 100)) {
            throw new ArraylakeOptionException(
                    "The size option (header " + ArraylakeConstants.SIZE + ") must be 1 to 100, was " + size);
        }
        Integer page = options.getPage();
        if (page != null && page < 1) {
            throw new ArraylakeOptionException(
                    "The page option (header " + ArraylakeConstants.PAGE + ") starts at 1, was " + page);
        }
        Integer tail = options.getTail();
        if (tail != null && tail < 1) {
            throw new ArraylakeOptionException("The tail option (header " + ArraylakeConstants.TAIL
                    + ") counts lines and must be 1 or more, was " + tail);
        }
        int followTimeout = options.getFollowTimeout();
        if (followTimeout < 1 || followTimeout > LogQuery.MAX_FOLLOW_TIMEOUT) {
            throw new ArraylakeOptionException("The followTimeout option (header " + ArraylakeConstants.FOLLOW_TIMEOUT
                    + ") must be 1 to " + LogQuery.MAX_FOLLOW_TIMEOUT + " seconds, was " + followTimeout);
        }
        OffsetDateTime since = time(options.getSince(), "since");
        OffsetDateTime until = time(options.getUntil(), "until");
        if (since != null && until != null && until.isBefore(since)) {
            throw new ArraylakeOptionException("The until option (header " + ArraylakeConstants.UNTIL + ") is before"
                    + " since (header " + ArraylakeConstants.SINCE + "): " + until + " < " + since);
        }
        if (options.getMaxResults() < 0) {
            throw new ArraylakeOptionException("The maxResults option (header " + ArraylakeConstants.MAX_RESULTS
                    + ") must be 0 (no limit) or more, was " + options.getMaxResults());
        }
    }

    /**
     * A time option ({@code since}, {@code until}) as ISO 8601, with an offset or else UTC; null when unset. A value
     * it cannot read fails naming the option and its header.
     */
    static OffsetDateTime time(String value, String option) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip());
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(value.strip()).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new ArraylakeOptionException("The " + option + " option (header " + OptionHeaders.headerOf(option)
                        + ") must be an ISO 8601 time such as 2030-01-31T08:00:00Z, was '" + value + "'");
            }
        }
    }
}
