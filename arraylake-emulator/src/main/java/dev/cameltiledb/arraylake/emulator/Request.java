package dev.cameltiledb.arraylake.emulator;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.emulator.common.Call;
import io.undertow.server.HttpServerExchange;

/**
 * A request as a handler sees it: path variables, query parameters typed and checked the way FastAPI checks them
 * (a bad one is a 422 naming it), the JSON body (read whole before the endpoint runs), and the authenticated principal.
 */
final class Request extends Call {

    private static final java.util.regex.Pattern UUID_TEXT = java.util.regex.Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final ObjectMapper mapper;
    private Principal principal;

    Request(HttpServerExchange exchange, boolean recording, ObjectMapper mapper) {
        super(exchange, recording);
        this.mapper = mapper;
    }

    void principal(Principal caller) {
        this.principal = caller;
    }

    /** The caller; never null on an authenticated route. */
    Principal principal() {
        return principal;
    }

    /** A path variable that must follow a name rule: a 422 on {@code ["path", name]} otherwise, as FastAPI's. */
    String pathName(String name, Function<String, Optional<String>> rule) {
        String value = path(name);
        rule.apply(value).ifPresent(msg -> {
            throw ApiError.invalid(new Problem(List.of("path", name), "Value error, " + msg, "value_error"));
        });
        return value;
    }

    /** A path variable that must be a UUID (FastAPI parses {@code bucket_id: UUID}); answered lower case. */
    String pathUuid(String name) {
        String value = path(name);
        if (!UUID_TEXT.matcher(value).matches()) {
            throw ApiError.invalid(new Problem(List.of("path", name), "Input should be a valid UUID", "uuid_parsing"));
        }
        return value.toLowerCase(Locale.ROOT);
    }

    String requiredQuery(String name) {
        String value = query(name);
        if (value == null) {
            throw ApiError.invalid(Problem.missingQuery(name));
        }
        return value;
    }

    /** An integer parameter within bounds, {@code fallback} when absent. */
    int queryInt(String name, int fallback, int min, int max) {
        String value = query(name);
        if (value == null) {
            return fallback;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ApiError.invalid(Problem.query(
                    name, "Input should be a valid integer, unable to parse string as an integer", "int_parsing"));
        }
        if (parsed < min) {
            throw ApiError.invalid(
                    Problem.query(name, "Input should be greater than or equal to " + min, "greater_than_equal"));
        }
        if (parsed > max) {
            throw ApiError.invalid(
                    Problem.query(name, "Input should be less than or equal to " + max, "less_than_equal"));
        }
        return parsed;
    }

    /** A boolean parameter in pydantic's spellings ({@code true}, {@code True}, {@code 1}, {@code yes}, ...). */
    boolean queryBoolean(String name, boolean fallback) {
        String value = query(name);
        if (value == null) {
            return fallback;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on", "t", "y" -> true;
            case "false", "0", "no", "off", "f", "n" -> false;
            default ->
                throw ApiError.invalid(Problem.query(
                        name, "Input should be a valid boolean, unable to interpret input", "bool_parsing"));
        };
    }

    /** The body as a JSON object: a 422 when it is missing, not JSON, or not an object. */
    BodyReader body() {
        byte[] body = bodyBytes();
        if (body.length == 0) {
            throw ApiError.invalid(new Problem(List.of("body"), "Field required", "missing"));
        }
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (JacksonException e) {
            // a limit of the parser (nesting past 1,000 levels, say) has no location
            JsonLocation where = e.getLocation();
            throw ApiError.invalid(new Problem(
                    where == null ? List.of("body") : List.of("body", where.getCharOffset()),
                    "JSON decode error",
                    "json_invalid"));
        } catch (IOException e) {
            throw ApiError.invalid(new Problem(List.of("body"), "JSON decode error", "json_invalid"));
        }
        if (node == null || !node.isObject()) {
            throw ApiError.invalid(new Problem(
                    List.of("body"),
                    "Input should be a valid dictionary or object to extract fields from",
                    "model_attributes_type"));
        }
        return new BodyReader(node, mapper);
    }
}
