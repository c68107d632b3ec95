package dev.cameltiledb.camel;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.NoTypeConversionAvailableException;
import org.apache.camel.TypeConversionException;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The one rule that ties an option to its message header, read from a component's configuration class: every
 * {@code @UriParam} of the class and of its {@code @UriParams} groups is an option; each one outside the endpoint-only
 * groups (connection, consumer: read once when an endpoint starts) is overridden for one message by the header
 * prefix + the option's name with its first letter in upper case ({@code samples} → {@code CamelTileDBSamples}),
 * matched in any case. Nothing is written per option: the header constants and the docs are generated from this
 * table.
 *
 * @param <C> the configuration class
 */
public final class OptionTable<C> {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One option: where it is declared, how to read and set it on a configuration, and its header (or none). */
    public record Option(String name, String header, Field group, Field field, UriParam param) {

        public Class<?> type() {
            return field.getType();
        }

        public String description() {
            return param.description();
        }

        public boolean isMessageOption() {
            return header != null;
        }

        /** How messages name it: {@code The size option (header CamelArraylakeSize)}, or without a header. */
        public String label() {
            return "The " + name + " option" + (header == null ? "" : " (header " + header + ")");
        }

        /** The header's type as the descriptor gives it: {@code Integer}, {@code String}, else the class name. */
        public String headerJavaType() {
            Class<?> type = boxed(type());
            return type.getPackageName().equals("java.lang") ? type.getSimpleName() : type.getName();
        }

        public Object get(Object configuration) {
            try {
                return field.get(group == null ? configuration : group.get(configuration));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot read the " + name + " option", e);
            }
        }

        public void set(Object configuration, Object value) {
            try {
                field.set(group == null ? configuration : group.get(configuration), value);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot set the " + name + " option", e);
            }
        }
    }

    private final String prefix;
    private final UnaryOperator<C> copy;
    private final OptionErrors errors;
    private final Map<String, String> listSeparators;
    private final List<Option> options;
    private final List<Option> messageOptions;
    private final Map<String, Option> byName;
    private final Map<String, Option> byLowerCaseHeader;
    private final OptionValues values;

    private OptionTable(Builder<C> b) {
        this.prefix = b.prefix;
        this.copy = b.copy;
        this.errors = b.errors;
        this.listSeparators = Map.copyOf(b.listSeparators);
        List<Option> all = new ArrayList<>();
        for (Field field : b.type.getDeclaredFields()) {
            if (!field.isAnnotationPresent(UriParam.class)) {
                continue;
            }
            if (field.getType().isAnnotationPresent(UriParams.class)) {
                field.setAccessible(true);
                boolean withHeaders = !b.endpointOnly.contains(field.getType());
                for (Field option : field.getType().getDeclaredFields()) {
                    add(all, field, option, withHeaders);
                }
            } else {
                add(all, null, field, true);
            }
        }
        this.options = Collections.unmodifiableList(all);
        this.messageOptions = all.stream().filter(Option::isMessageOption).toList();
        Map<String, Option> names = new LinkedHashMap<>();
        Map<String, Option> headers = new HashMap<>();
        for (Option option : all) {
            names.put(option.name(), option);
            if (option.isMessageOption()) {
                headers.put(option.header().toLowerCase(Locale.ROOT), option);
            }
        }
        this.byName = Collections.unmodifiableMap(names);
        this.byLowerCaseHeader = Map.copyOf(headers);
        this.values = new OptionValues(this, errors);
    }

    private void add(List<Option> all, Field group, Field field, boolean withHeader) {
        UriParam param = field.getAnnotation(UriParam.class);
        if (param == null) {
            return;
        }
        field.setAccessible(true);
        all.add(new Option(field.getName(), withHeader ? headerOf(field.getName()) : null, group, field, param));
    }

    /** Starts the table of a configuration class; {@code copy} makes the per-message copy. */
    public static <C> Builder<C> of(Class<C> type, UnaryOperator<C> copy) {
        return new Builder<>(type, copy);
    }

    /** {@code samples} → {@code CamelTileDBSamples}. */
    public String headerOf(String option) {
        return prefix + Character.toUpperCase(option.charAt(0)) + option.substring(1);
    }

    /** Every option, in declaration order. */
    public List<Option> options() {
        return options;
    }

    /** The options a header overrides, in declaration order. */
    public List<Option> messageOptions() {
        return messageOptions;
    }

    /** The option of that name, or null. */
    public Option option(String name) {
        return byName.get(name);
    }

    /** The checks of option values: URI parameters, configured values, header values. */
    public OptionValues values() {
        return values;
    }

    /**
     * A value {@code what} (such as {@code The list operation}) cannot do without; missing (null, blank, empty), the
     * error names the option and its header.
     */
    public <T> T require(T value, String option, String what) {
        if (value == null
                || value instanceof String s && s.isBlank()
                || value instanceof Collection<?> c && c.isEmpty()) {
            throw errors.error(what + " needs the " + option + " option (header " + headerOf(option) + ")", null);
        }
        return value;
    }

    /**
     * The configuration for one message: the endpoint's own when the message carries no option header (the common
     * case, no copy made), else a copy with each header's value converted to its option's type and checked.
     */
    public C apply(Message message, C endpoint) {
        if (!message.hasHeaders()) {
            return endpoint;
        }
        C effective = null;
        for (Map.Entry<String, Object> header : message.getHeaders().entrySet()) {
            String name = header.getKey();
            Object raw = header.getValue();
            if (raw == null
                    || name.length() <= prefix.length()
                    || !name.regionMatches(true, 0, prefix, 0, prefix.length())) {
                continue;
            }
            Option option = byLowerCaseHeader.get(name.toLowerCase(Locale.ROOT));
            if (option == null) {
                continue; // a reply header of an earlier call, or a consumer's event header
            }
            if (effective == null) {
                effective = copy.apply(endpoint);
            }
            Object value = convert(option, raw, message.getExchange());
            values.checkHeader(option, value);
            option.set(effective, value);
        }
        return effective == null ? endpoint : effective;
    }

    private Object convert(Option option, Object raw, Exchange exchange) {
        Class<?> type = boxed(option.type());
        if (type == String.class) {
            if (raw instanceof Collection<?> items) {
                return items.stream()
                        .map(String::valueOf)
                        .map(String::strip)
                        .filter(v -> !v.isEmpty())
                        .collect(Collectors.joining(listSeparators.getOrDefault(option.name(), ",")));
            }
            if (raw instanceof Date date) {
                return date.toInstant().toString();
            }
            if (raw instanceof Map<?, ?> map) {
                try {
                    return JSON.writeValueAsString(map); // a JSON option (metadata, extraConfig...) given as a Map
                } catch (JsonProcessingException e) {
                    throw errors.error("The header " + option.header() + " holds a Map that is not JSON", e);
                }
            }
        }
        if (type.isInstance(raw)) {
            return raw;
        }
        if (type.isEnum() && raw instanceof String text) {
            for (Object constant : type.getEnumConstants()) {
                if (((Enum<?>) constant).name().equalsIgnoreCase(text.strip())) {
                    return constant;
                }
            }
            throw wrongType(option, raw, null);
        }
        if (type == Boolean.class && raw instanceof String text) {
            String value = text.strip();
            if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                return Boolean.valueOf(value);
            }
            throw wrongType(option, raw, null);
        }
        try {
            return exchange.getContext().getTypeConverter().mandatoryConvertTo(type, exchange, raw);
        } catch (NoTypeConversionAvailableException | TypeConversionException | IllegalArgumentException e) {
            throw wrongType(option, raw, e);
        }
    }

    private RuntimeException wrongType(Option option, Object raw, Exception cause) {
        Class<?> type = boxed(option.type());
        String name = type.getSimpleName();
        String expected = type.isEnum()
                ? "one of " + OptionValues.accepted(option)
                : ("AEIOU".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name;
        return errors.error("The header " + option.header() + " must be " + expected + ", was '" + raw + "'", cause);
    }

    static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return type == int.class
                ? Integer.class
                : type == long.class ? Long.class : type == boolean.class ? Boolean.class : type;
    }

    /** How a component declares its table. */
    public static final class Builder<C> {

        private final Class<C> type;
        private final UnaryOperator<C> copy;
        private String prefix;
        private Set<Class<?>> endpointOnly = Set.of();
        private OptionErrors errors = IllegalArgumentException::new;
        private final Map<String, String> listSeparators = new HashMap<>();

        private Builder(Class<C> type, UnaryOperator<C> copy) {
            this.type = type;
            this.copy = copy;
        }

        /** {@code CamelTileDB}: what every option header starts with. */
        public Builder<C> headerPrefix(String prefix) {
            this.prefix = prefix;
            return this;
        }

        /** The groups whose options no message changes (where calls go, with which credentials, where state is). */
        public Builder<C> endpointOnly(Class<?>... groups) {
            this.endpointOnly = Set.of(groups);
            return this;
        }

        /** The component's exception for an option it cannot take. */
        public Builder<C> errors(OptionErrors errors) {
            this.errors = errors;
            return this;
        }

        /** A list option whose items a header's Collection joins with this separator instead of ','. */
        public Builder<C> listSeparator(String option, String separator) {
            listSeparators.put(option, separator);
            return this;
        }

        public OptionTable<C> build() {
            if (prefix == null) {
                throw new IllegalStateException("an option table needs the header prefix");
            }
            return new OptionTable<>(this);
        }
    }
}
