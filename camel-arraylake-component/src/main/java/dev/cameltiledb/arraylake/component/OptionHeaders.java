package dev.cameltiledb.arraylake.component;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Message;
import org.apache.camel.TypeConverter;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The rule tying a message option to its header: {@code CamelArraylake} + the option's name with a capital first
 * letter ({@code bucketNickname} → {@code CamelArraylakeBucketNickname}), matched in any case. The message options are
 * the fields of {@link ArraylakeConfiguration} itself; its groups (connection, consumer) have no headers. The table is
 * read from the declarations, so an option added there has its header at once; the constants of
 * {@link ArraylakeConstants} are checked against it by a test.
 */
final class OptionHeaders {

    static final String PREFIX = "CamelArraylake";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One message option: its field and its header. */
    record MessageOption(String name, String header, Field field) {

        Object valueIn(ArraylakeConfiguration config) {
            try {
                return field.get(config);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        void assign(ArraylakeConfiguration config, Object value) {
            try {
                field.set(config, value);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        String javaTypeName() {
            Class<?> t = field.getType();
            if (t == int.class) {
                return "Integer";
            }
            if (t == boolean.class) {
                return "Boolean";
            }
            return t.getPackageName().equals("java.lang") ? t.getSimpleName() : t.getName();
        }

        String description() {
            return field.getAnnotation(UriParam.class).description();
        }
    }

    static final List<MessageOption> ALL = Arrays.stream(ArraylakeConfiguration.class.getDeclaredFields())
            .filter(f -> f.isAnnotationPresent(UriParam.class))
            .filter(f -> !f.getType().isAnnotationPresent(UriParams.class))
            .peek(f -> f.setAccessible(true))
            .map(f -> new MessageOption(f.getName(), headerOf(f.getName()), f))
            .toList();

    private static final Map<String, MessageOption> BY_HEADER = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(o -> o.header().toLowerCase(Locale.ROOT), Function.identity()));

    private OptionHeaders() {}

    static String headerOf(String option) {
        return PREFIX + option.substring(0, 1).toUpperCase(Locale.ROOT) + option.substring(1);
    }

    /**
     * The options for one message: the endpoint's configuration itself when no header names an option, else a copy
     * with each such header's value in place of the URI's.
     */
    static ArraylakeConfiguration resolve(Message message, ArraylakeConfiguration endpoint) {
        ArraylakeConfiguration result = endpoint;
        if (!message.hasHeaders()) {
            return result;
        }
        for (Map.Entry<String, Object> header : message.getHeaders().entrySet()) {
            String key = header.getKey();
            if (header.getValue() == null || !key.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
                continue;
            }
            MessageOption option = BY_HEADER.get(key.toLowerCase(Locale.ROOT));
            if (option != null) {
                if (result == endpoint) {
                    result = endpoint.copy();
                }
                option.assign(result, converted(option, header.getValue(), message));
            }
        }
        return result;
    }

    private static Object converted(MessageOption option, Object value, Message message) {
        Class<?> type = option.field().getType();
        if (type == String.class && value instanceof Map<?, ?> map) {
            try {
                return JSON.writeValueAsString(map); // a JSON option (metadata, extraConfig...) given as a Map
            } catch (JsonProcessingException e) {
                throw new ArraylakeOptionException(
                        "The header " + option.header() + " holds a Map that is not JSON", e);
            }
        }
        if (type == String.class && value instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).map(String::strip).collect(Collectors.joining(","));
        }
        if (type == ArraylakeOperation.class && value instanceof String text) {
            return Arrays.stream(ArraylakeOperation.values())
                    .filter(o -> o.name().equalsIgnoreCase(text.strip()))
                    .findFirst()
                    .orElseThrow(() -> wrongType(option, value, null));
        }
        TypeConverter converter = message.getExchange().getContext().getTypeConverter();
        try {
            Class<?> target = type == int.class ? Integer.class : type == boolean.class ? Boolean.class : type;
            Object converted = converter.mandatoryConvertTo(target, value);
            if (type == boolean.class && value instanceof String s && !s.strip().matches("(?i)true|false")) {
                throw wrongType(option, value, null);
            }
            return converted;
        } catch (Exception e) {
            throw e instanceof ArraylakeOptionException a ? a : wrongType(option, value, e);
        }
    }

    private static ArraylakeOptionException wrongType(MessageOption option, Object value, Exception cause) {
        Class<?> type = option.field().getType();
        String expected =
                type.isEnum() ? "one of " + Arrays.toString(type.getEnumConstants()) : "a " + option.javaTypeName();
        return new ArraylakeOptionException(
                "The header " + option.header() + " must be " + expected + ", was '" + value + "'", cause);
    }
}
