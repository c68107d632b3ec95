package dev.cameltiledb.component;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import dev.cameltiledb.client.TileDBConfigurationException;
import org.apache.camel.NoTypeConversionAvailableException;
import org.apache.camel.TypeConverter;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.util.TimeUtils;

/**
 * Checks the numeric and enumerated options of an endpoint URI before Camel binds them, so {@code connectTimeout=abc},
 * {@code maxRetries=-1} or {@code retryMode=bogus} fails at route start naming the option, the value and (for a fixed
 * set) the values it takes, where Camel would only say which enum class has no such constant (bound as they are, a
 * non-number would arrive as 0 and be reported as such). The same ranges hold for a value a message header sets
 * ({@link #checkHeader}). Which options are numeric or enumerated follows from the option declarations
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

    private static final Map<String, Field> NUMERIC = new HashMap<>();
    private static final Map<String, Field> ENUMERATED = new HashMap<>();

    static {
        for (Field field : TileDBConfiguration.class.getDeclaredFields()) {
            if (field.getType().isAnnotationPresent(UriParams.class)) {
                for (Field option : field.getType().getDeclaredFields()) {
                    sort(option);
                }
            } else {
                sort(field);
            }
        }
    }

    private OptionValues() {}

    private static void sort(Field field) {
        Class<?> type = field.getType();
        if (!field.isAnnotationPresent(UriParam.class)) {
            return;
        }
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            NUMERIC.put(field.getName(), field);
        } else if (type.isEnum()) {
            ENUMERATED.put(field.getName(), field);
        }
    }

    /** Throws a {@link TileDBConfigurationException} for the first option whose value is not acceptable. */
    static void check(Map<String, Object> parameters, TypeConverter converter) {
        parameters.forEach((name, raw) -> {
            if (raw == null) {
                return;
            }
            Field numeric = NUMERIC.get(name);
            if (numeric != null) {
                long value = parse(
                        name,
                        raw,
                        "java.time.Duration"
                                .equals(numeric.getAnnotation(UriParam.class).javaType()));
                requireInRange(name, value, raw, "The " + name + " option");
            }
            Field enumerated = ENUMERATED.get(name);
            if (enumerated != null) {
                try {
                    converter.mandatoryConvertTo(enumerated.getType(), raw);
                } catch (NoTypeConversionAvailableException | RuntimeException notOneOfThem) {
                    // said in full here: Camel's own message names only the enum class
                    throw new TileDBConfigurationException(
                            "The " + name + " option must be one of " + accepted(enumerated) + ", was '" + raw + "'");
                }
            }
        });
    }

    /** A numeric value a header gave an option: the option's range, the error naming the header. */
    static void checkHeader(String option, String header, Object value) {
        if (NUMERIC.containsKey(option) && value instanceof Number n) {
            requireInRange(option, n.longValue(), value, "The header " + header);
        }
    }

    private static void requireInRange(String name, long value, Object raw, String what) {
        if (POSITIVE.contains(name) ? value <= 0 : value < 0) {
            throw new TileDBConfigurationException(
                    what + " must be " + (POSITIVE.contains(name) ? "positive" : "zero or more") + ", was " + raw);
        }
    }

    /** The values an enumerated option takes, as its declaration lists them (else the constants). */
    static String accepted(Field enumerated) {
        String declared = enumerated.getAnnotation(UriParam.class).enums();
        return declared.isEmpty()
                ? Arrays.toString(enumerated.getType().getEnumConstants())
                : "[" + declared.replace(",", ", ") + "]";
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
