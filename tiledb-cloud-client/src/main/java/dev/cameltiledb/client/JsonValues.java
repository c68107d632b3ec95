package dev.cameltiledb.client;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * JSON values read off a streaming parser as the mapper would read them untyped (a Map in the answer's order, a List,
 * a String, an Integer, Long or BigInteger, a Double, a Boolean, null), without the mapper's per-call set-up for the
 * scalars that make up nearly every row: a row of a million-row result costs what a hand-written loop costs. Nested
 * objects and arrays still go through the mapper.
 */
final class JsonValues {

    private static final ObjectReader NESTED = TileDBJson.mapper().readerFor(Object.class);

    private JsonValues() {}

    /** The object whose {@code START_OBJECT} the parser stands on, read to its {@code END_OBJECT}. */
    static Map<String, Object> object(JsonParser parser) throws IOException {
        Map<String, Object> object = new LinkedHashMap<>();
        String name;
        while ((name = parser.nextFieldName()) != null) {
            object.put(name, value(parser, parser.nextToken()));
        }
        return object;
    }

    /** The value starting at {@code token}, the parser's current token. */
    static Object value(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getNumberValue(); // the smallest of Integer, Long, BigInteger that holds it
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> NESTED.readValue(parser); // an object or array inside the row
        };
    }
}
