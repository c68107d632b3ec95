package dev.cameltiledb.component;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.cameltiledb.client.TileDBConfigurationException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.NoTypeConversionAvailableException;
import org.apache.camel.TypeConversionException;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The one rule that ties an option to its message header: every option of {@link TileDBConfiguration} and of its
 * message-option groups (all groups except {@link ConnectionOptions} and {@link ConsumerOptions}, which are read once
 * when an endpoint starts) is overridden for one message by the header {@code CamelTileDB} + the option's name with
 * its first letter in upper case: {@code samples} by {@code CamelTileDBSamples}. Nothing is written per option: the
 * table below is read from the option declarations, and {@link TileDBConstants}' option headers are generated from
 * it (by {@code OptionHeadersTest}).
 */
final class OptionHeaders {

    static final String PREFIX = "CamelTileDB";

    /** Groups whose options are per endpoint only: a client and a consumer are built from them once. */
    private static final Set<Class<?>> ENDPOINT_ONLY_GROUPS = Set.of(ConnectionOptions.class, ConsumerOptions.class);

    /** A header with a Collection value is joined into the option's text with this separator (',' by default). */
    private static final Map<String, String> LIST_SEPARATORS = Map.of("fileProperties", ";");

    /** One overridable option: where it is declared and how to set it on a configuration. */
    record Option(String name, String header, Field group, Field field, UriParam param) {

        Class<?> type() {
            return field.getType();
        }

        void set(TileDBConfiguration config, Object value) {
            try {
                Object target = group == null ? config : group.get(config);
                field.set(target, value);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot set the " + name + " option", e);
            }
        }

        Object get(TileDBConfiguration config) {
            try {
                return field.get(group == null ? config : group.get(config));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot read the " + name + " option", e);
            }
        }
    }

    /** Every overridable option, in declaration order. */
    static final List<Option> OPTIONS;

    private static final Map<String, Option> BY_LOWER_CASE_HEADER;

    static {
        List<Option> options = new ArrayList<>();
        for (Field field : TileDBConfiguration.class.getDeclaredFields()) {
            if (!field.isAnnotationPresent(UriParam.class)) {
                continue;
            }
            if (field.getType().isAnnotationPresent(UriParams.class)) {
                if (!ENDPOINT_ONLY_GROUPS.contains(field.getType())) {
                    field.setAccessible(true);
                    for (Field option : field.getType().getDeclaredFields()) {
                        add(options, field, option);
                    }
                }
            } else {
                add(options, null, field);
            }
        }
        OPTIONS = Collections.unmodifiableList(options);
        Map<String, Option> byHeader = new HashMap<>();
        options.forEach(o -> byHeader.put(o.header().toLowerCase(Locale.ROOT), o));
        BY_LOWER_CASE_HEADER = Map.copyOf(byHeader);
    }

    private static void add(List<Option> options, Field group, Field field) {
        UriParam param = field.getAnnotation(UriParam.class);
        if (param == null) {
            return;
        }
        field.setAccessible(true);
        options.add(new Option(field.getName(), headerOf(field.getName()), group, field, param));
    }

    private OptionHeaders() {}

    /** {@code samples} → {@code CamelTileDBSamples}. */
    static String headerOf(String option) {
        return PREFIX + Character.toUpperCase(option.charAt(0)) + option.substring(1);
    }

    /**
     * The configuration for one message: the endpoint's own when the message carries no option header (the common
     * case, no copy made), else a copy with each header's value converted to its option's type.
     */
    static TileDBConfiguration apply(Message message, TileDBConfiguration endpoint) {
        if (!message.hasHeaders()) {
            return endpoint;
        }
        TileDBConfiguration effective = null;
        for (Map.Entry<String, Object> header : message.getHeaders().entrySet()) {
            String name = header.getKey();
            Object raw = header.getValue();
            if (raw == null
                    || name.length() <= PREFIX.length()
                    || !name.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
                continue;
            }
            Option option = BY_LOWER_CASE_HEADER.get(name.toLowerCase(Locale.ROOT));
            if (option == null) {
                continue; // a reply header of an earlier call, or a consumer's event header
            }
            if (effective == null) {
                effective = endpoint.copy();
            }
            Object value = convert(option, raw, message.getExchange());
            OptionValues.checkHeader(option.name(), option.header(), value);
            option.set(effective, value);
        }
        return effective == null ? endpoint : effective;
    }

    private static Object convert(Option option, Object raw, Exchange exchange) {
        Class<?> type = boxed(option.type());
        if (type == String.class) {
            if (raw instanceof Collection<?> values) {
                return values.stream()
                        .map(String::valueOf)
                        .map(String::strip)
                        .filter(v -> !v.isEmpty())
                        .collect(Collectors.joining(LIST_SEPARATORS.getOrDefault(option.name(), ",")));
            }
            if (raw instanceof Date date) {
                return date.toInstant().toString();
            }
        }
        if (type.isInstance(raw)) {
            return raw;
        }
        try {
            return exchange.getContext().getTypeConverter().mandatoryConvertTo(type, exchange, raw);
        } catch (NoTypeConversionAvailableException | TypeConversionException | IllegalArgumentException e) {
            String expected = type.isEnum()
                    ? "one of " + OptionValues.accepted(option.field())
                    : "of type " + type.getSimpleName();
            throw new TileDBConfigurationException(
                    "The header " + option.header() + " must be " + expected + ", was the "
                            + raw.getClass().getSimpleName() + " '" + raw + "'",
                    e);
        }
    }

    private static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return type == int.class
                ? Integer.class
                : type == long.class ? Long.class : type == boolean.class ? Boolean.class : type;
    }
}
