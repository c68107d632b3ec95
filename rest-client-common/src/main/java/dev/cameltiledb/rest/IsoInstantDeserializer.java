package dev.cameltiledb.rest;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

/**
 * Reads an {@link Instant} written as the services write them, {@code 2026-12-07T10:40:47Z} or with a fraction of one
 * to nine digits ({@code .123Z}), directly from its characters; any other form (an offset, a number, lower case, a
 * leap second) and any property with a {@code @JsonFormat} go to jackson-datatype-jsr310's own deserializer, which
 * reads it as before. {@code DateTimeFormatter} parsing costs about a microsecond per value, and an activity page
 * of 1,000 events, or every array's two times in an {@code info} answer, read one per value.
 */
final class IsoInstantDeserializer extends JsonDeserializer<Instant> implements ContextualDeserializer {

    private static final int MIN_LENGTH = "2026-12-07T10:40:47Z".length();
    private static final int MAX_LENGTH = "2026-12-07T10:40:47.123456789Z".length();

    private final JsonDeserializer<Instant> standard;

    IsoInstantDeserializer() {
        this(InstantDeserializer.INSTANT);
    }

    private IsoInstantDeserializer(JsonDeserializer<Instant> standard) {
        this.standard = standard;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
            throws JsonMappingException {
        JsonDeserializer<?> contextual =
                standard instanceof ContextualDeserializer c ? c.createContextual(ctxt, property) : standard;
        // a format or leniency of its own on the property: the standard deserializer applies it
        return contextual == standard ? this : contextual;
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            Instant fast = parse(p.getText());
            if (fast != null) {
                return fast;
            }
        }
        return standard.deserialize(p, ctxt);
    }

    /** The instant of {@code yyyy-MM-ddTHH:mm:ss[.f]Z} text, or null when the text has any other form. */
    static Instant parse(String text) {
        int length = text.length();
        if (length < MIN_LENGTH
                || length > MAX_LENGTH
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':'
                || text.charAt(16) != ':'
                || text.charAt(length - 1) != 'Z') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (length > MIN_LENGTH) {
            int fractionDigits = length - MIN_LENGTH - 1;
            if (text.charAt(19) != '.' || fractionDigits < 1) {
                return null;
            }
            nanos = digits(text, 20, length - 1);
            if (nanos < 0) {
                return null;
            }
            for (int i = fractionDigits; i < 9; i++) {
                nanos *= 10;
            }
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException noSuchDay) {
            return null; // the standard deserializer names what is wrong with it
        }
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The number the ASCII digits in {@code [from, to)} spell, or -1 when one is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
