package dev.cameltiledb.arraylake.component;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.camel.spi.UriParam;

/**
 * Checks of option values Camel does not make: a text option with a fixed set of values ({@code mode},
 * {@code kind}, {@code access}, {@code createMode}) holds one of them, and page sizes and limits are in range. Run
 * when an endpoint is made (the URI's values) and for each message (its headers' values). An enumerated option of a
 * URI is checked before Camel binds it ({@link #checkEnumParameters}).
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
        if (options.getMaxResults() < 0) {
            throw new ArraylakeOptionException("The maxResults option (header " + ArraylakeConstants.MAX_RESULTS
                    + ") must be 0 (no limit) or more, was " + options.getMaxResults());
        }
    }
}
