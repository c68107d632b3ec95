package dev.cameltiledb.component.producer;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.client.TileDBConfigurationException;
import dev.cameltiledb.client.TileDBJson;
import dev.cameltiledb.component.TileDBOperation;

/**
 * Turns a message body into the model an operation sends: the model itself, a {@code Map} (a {@code List} for a list
 * of models), or JSON as
 * {@code String}, {@code byte[]} or {@code InputStream}. Anything else is refused with the accepted types named.
 */
final class BodyConverter {

    private final ObjectMapper mapper = TileDBJson.mapper();

    /** The body as {@code type}; an empty body is an error. */
    <T> T required(Object body, Class<T> type, TileDBOperation operation) {
        T value = optional(body, type, operation);
        if (value == null) {
            throw new TileDBConfigurationException("The " + operation + " operation needs a body (" + accepted(type)
                    + "); the message body was empty");
        }
        return value;
    }

    /** The body as {@code type}, or null when there is no body. */
    <T> T optional(Object body, Class<T> type, TileDBOperation operation) {
        if (body == null) {
            return null;
        }
        if (type.isInstance(body)) {
            return type.cast(body);
        }
        try {
            if (body instanceof Map<?, ?> || body instanceof java.util.Collection<?> && type.isArray()) {
                return mapper.convertValue(body, type); // a Map for a model, a List for a list of models
            }
            if (body instanceof String text) {
                return text.isBlank() ? null : mapper.readValue(text, type);
            }
            if (body instanceof byte[] bytes) {
                return bytes.length == 0 ? null : mapper.readValue(bytes, type);
            }
            if (body instanceof InputStream in) {
                return mapper.readValue(in, type);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new TileDBConfigurationException(
                    "The " + operation + " operation could not read its "
                            + body.getClass().getSimpleName() + " body as " + type.getSimpleName() + ": "
                            + rootMessage(e),
                    e);
        }
        throw new TileDBConfigurationException("The " + operation + " operation cannot use a body of type "
                + body.getClass().getName() + "; give " + accepted(type));
    }

    private static String accepted(Class<?> type) {
        return type.getSimpleName() + " or Map, or JSON as String, byte[] or InputStream";
    }

    static String rootMessage(Exception e) {
        String message =
                e instanceof com.fasterxml.jackson.core.JacksonException je ? je.getOriginalMessage() : e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
