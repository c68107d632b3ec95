package dev.cameltiledb.camel;

import java.util.Arrays;
import java.util.Map;

import dev.cameltiledb.camel.OptionTable.Option;
import org.apache.camel.NoTypeConversionAvailableException;
import org.apache.camel.TypeConverter;
import org.apache.camel.util.TimeUtils;

/**
 * The checks of option values Camel does not make, so that {@code connectTimeout=abc}, {@code size=500} or
 * {@code retryMode=bogus} fails naming the option, the value and (for a fixed set) the values it takes, where Camel
 * would only say which enum class has no such constant (and a non-number would arrive as 0). A numeric option takes
 * the range its {@link ValueRange} declares, else zero or more; a duration option ({@code javaType =
 * "java.time.Duration"}) also takes {@code 6h}, {@code 30s}. The same ranges hold for URI values (before Camel binds
 * them), for values configured on the component or endpoint (when a route starts) and for header values (each
 * message).
 */
public final class OptionValues {

    private final OptionTable<?> table;
    private final OptionErrors errors;

    OptionValues(OptionTable<?> table, OptionErrors errors) {
        this.table = table;
        this.errors = errors;
    }

    /** The URI's values, before Camel binds them: the first one an option cannot take fails. */
    public void checkParameters(Map<String, Object> parameters, TypeConverter converter) {
        parameters.forEach((name, raw) -> {
            Option option = table.option(name);
            if (raw == null || option == null) {
                return;
            }
            if (isNumeric(option)) {
                requireInRange(option, parse(option, raw), raw, option.label());
            } else if (option.type().isEnum()) {
                try {
                    converter.mandatoryConvertTo(option.type(), raw);
                } catch (NoTypeConversionAvailableException | RuntimeException notOneOfThem) {
                    // said in full here: Camel's own message names only the enum class
                    throw errors.error(
                            option.label() + " must be one of " + accepted(option) + ", was '" + raw + "'", null);
                }
            }
        });
    }

    /**
     * The numeric values of a configuration as they are set, wherever they came from (a URI, the component, Spring
     * Boot properties): checked once when a route starts.
     */
    public void checkConfigured(Object configuration) {
        for (Option option : table.options()) {
            if (isNumeric(option) && option.get(configuration) instanceof Number n) {
                requireInRange(option, n.longValue(), n, option.label());
            }
        }
    }

    /** A numeric value a header gave an option: the option's range, the error naming the header. */
    void checkHeader(Option option, Object value) {
        if (value instanceof Number n && isNumeric(option)) {
            requireInRange(option, n.longValue(), value, "The header " + option.header());
        }
    }

    /** The values an enumerated option takes, as its declaration lists them (else its constants). */
    public static String accepted(Option option) {
        String declared = option.param().enums();
        return declared.isEmpty()
                ? Arrays.toString(option.type().getEnumConstants())
                : "[" + declared.replace(",", ", ") + "]";
    }

    /** {@code zero or more}, {@code positive}, {@code 1 to 100}. */
    static String describe(ValueRange range) {
        long min = range == null ? 0 : range.min();
        long max = range == null ? Long.MAX_VALUE : range.max();
        if (max == Long.MAX_VALUE) {
            return min == 0 ? "zero or more" : min == 1 ? "positive" : min + " or more";
        }
        return min + " to " + max;
    }

    private static boolean isNumeric(Option option) {
        Class<?> type = OptionTable.boxed(option.type());
        return type == Integer.class || type == Long.class;
    }

    private void requireInRange(Option option, long value, Object raw, String what) {
        ValueRange range = option.field().getAnnotation(ValueRange.class);
        long min = range == null ? 0 : range.min();
        long max = range == null ? Long.MAX_VALUE : range.max();
        if (value < min || value > max) {
            throw errors.error(what + " must be " + describe(range) + ", was " + raw, null);
        }
    }

    private long parse(Option option, Object raw) {
        if (raw instanceof Number n) {
            return n.longValue();
        }
        boolean duration = "java.time.Duration".equals(option.param().javaType());
        String text = raw.toString().strip();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notANumber) {
            if (duration) {
                try {
                    return TimeUtils.toMilliSeconds(text);
                } catch (RuntimeException notADuration) { // TimeUtils fails some texts with an index error
                    // fall through to the error below
                }
            }
            throw errors.error(
                    option.label() + " must be a whole number"
                            + (duration ? " of milliseconds or a duration such as 30s" : "") + ", was '" + text + "'",
                    notANumber);
        }
    }
}
