package dev.cameltiledb.component;

import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import dev.cameltiledb.client.TileDBConfigurationException;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.util.TimeUtils;

/**
 * Checks the numeric options of an endpoint URI before Camel binds them, so {@code connectTimeout=abc} or
 * {@code maxRetries=-1} fails at route start naming the option and the value (bound as they are, a non-number would
 * arrive as 0 and be reported as such). Which options are numeric follows from the option declarations
 * ({@link TileDBConfiguration} and its groups); a duration option ({@code javaType = "java.time.Duration"}) also takes
 * {@code 6h}, {@code 30s}.
 */
final class OptionValues {

    /** Options that must be above zero; every other numeric option must not be negative. */
    private static final Set<String> POSITIVE = Set.of(
            "connectTimeout",
            "responseTimeout",
            "connectionRequestTimeout",
            "maxConnections",
            "callTimeout",
            "maxResponseSize",
            "page",
            "perPage",
            "maxQuietInterval",
            "listingRefreshInterval",
            "maxRequestsPerPoll",
            "partitions");

    private static final Map<String, Field> NUMERIC = numericFields();

    private OptionValues() {}

    private static Map<String, Field> numericFields() {
        Map<String, Field> numeric = new HashMap<>();
        for (Field field : TileDBConfiguration.class.getDeclaredFields()) {
            if (field.getType().isAnnotationPresent(UriParams.class)) {
                for (Field option : field.getType().getDeclaredFields()) {
                    addIfNumeric(numeric, option);
                }
            } else {
                addIfNumeric(numeric, field);
            }
        }
        return numeric;
    }

    private static void addIfNumeric(Map<String, Field> numeric, Field field) {
        Class<?> type = field.getType();
        if (field.isAnnotationPresent(UriParam.class)
                && (type == int.class || type == long.class || type == Integer.class || type == Long.class)) {
            numeric.put(field.getName(), field);
        }
    }

    /** Throws a {@link TileDBConfigurationException} for the first numeric option whose value is not acceptable. */
    static void check(Map<String, Object> parameters) {
        parameters.forEach((name, raw) -> {
            Field field = NUMERIC.get(name);
            if (field == null || raw == null) {
                return;
            }
            long value = parse(
                    name,
                    raw,
                    "java.time.Duration"
                            .equals(field.getAnnotation(UriParam.class).javaType()));
            if (POSITIVE.contains(name) ? value <= 0 : value < 0) {
                throw new TileDBConfigurationException("The " + name + " option must be "
                        + (POSITIVE.contains(name) ? "positive" : "zero or more") + ", was " + raw);
            }
        });
    }

    private static long parse(String name, Object raw, boolean duration) {
        if (raw instanceof Number n) {
            return n.longValue();
        }
        String text = raw.toString().strip();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notANumber) {
            if (duration) {
                try {
                    return TimeUtils.toMilliSeconds(text);
                } catch (IllegalArgumentException notADuration) {
                    // fall through to the error below
                }
            }
            throw new TileDBConfigurationException(
                    "The " + name + " option must be a whole number"
                            + (duration ? " of milliseconds or a duration such as 30s" : "") + ", was '" + text + "'",
                    notANumber);
        }
    }
}
