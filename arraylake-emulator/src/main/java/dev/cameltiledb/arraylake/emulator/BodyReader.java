package dev.cameltiledb.arraylake.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the fields of a JSON body the way pydantic validates a model: every problem is collected, then {@link #check}
 * ends the request with one 422 that lists them all, as FastAPI does.
 */
final class BodyReader {

    private final JsonNode body;
    private final ObjectMapper mapper;
    private final List<Problem> problems = new ArrayList<>();

    BodyReader(JsonNode body, ObjectMapper mapper) {
        this.body = body;
        this.mapper = mapper;
    }

    /** Whether the body names the field at all, JSON null included. */
    boolean present(String field) {
        return body.has(field);
    }

    boolean has(String field) {
        JsonNode value = body.get(field);
        return value != null && !value.isNull();
    }

    /** A string field, or null when absent or JSON null (a problem when required). */
    String string(String field, boolean required) {
        JsonNode value = present(field, required);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            problems.add(Problem.body(field, "Input should be a valid string", "string_type"));
            return null;
        }
        return value.textValue();
    }

    /** One of the allowed strings, or {@code fallback} when absent. */
    String literal(String field, List<String> allowed, String fallback) {
        String value = string(field, false);
        if (value == null) {
            return has(field) ? null : fallback;
        }
        if (!allowed.contains(value)) {
            problems.add(Problem.body(field, "Input should be " + quotedAlternatives(allowed), "literal_error"));
            return null;
        }
        return value;
    }

    /** An integer that must be one of {@code allowed}, or null when absent. */
    Integer intChoice(String field, List<Integer> allowed) {
        JsonNode value = present(field, false);
        if (value == null) {
            return null;
        }
        if (!value.isInt() || !allowed.contains(value.intValue())) {
            problems.add(Problem.body(
                    field,
                    "Input should be "
                            + quotedAlternatives(allowed.stream()
                                            .map(String::valueOf)
                                            .toList())
                                    .replace("'", ""),
                    "literal_error"));
            return null;
        }
        return value.intValue();
    }

    /** An integer field (a whole number, as pydantic's int), or null when absent or JSON null. */
    Long integer(String field) {
        JsonNode value = present(field, false);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber()) {
            problems.add(Problem.body(field, "Input should be a valid integer", "int_type"));
            return null;
        }
        return value.longValue();
    }

    /** A boolean field, or null when absent or JSON null (a problem when required). */
    Boolean bool(String field, boolean required) {
        JsonNode value = present(field, required);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            problems.add(Problem.body(field, "Input should be a valid boolean", "bool_type"));
            return null;
        }
        return value.booleanValue();
    }

    /** A JSON object field as a map, or null when absent. */
    Map<String, Object> object(String field, boolean required) {
        JsonNode value = present(field, required);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            problems.add(Problem.body(field, "Input should be a valid dictionary", "dict_type"));
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = mapper.convertValue(value, LinkedHashMap.class);
        return map;
    }

    List<String> stringList(String field) {
        JsonNode value = present(field, false);
        if (value == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        if (!value.isArray()) {
            problems.add(Problem.body(field, "Input should be a valid list", "list_type"));
            return null;
        }
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                problems.add(Problem.body(field, "Input should be a valid string", "string_type"));
                return null;
            }
            out.add(item.textValue());
        }
        return out;
    }

    /** Repo metadata: a flat map whose values are scalars or lists of scalars ({@code RepoMetadataT}). */
    Map<String, Object> metadata(String field) {
        Map<String, Object> map = object(field, false);
        if (map == null) {
            return null;
        }
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            if (!Metadata.isValue(entry.getValue())) {
                problems.add(new Problem(
                        List.of("body", field, entry.getKey()),
                        "Input should be a string, number, boolean, null or a list of those",
                        "value_error"));
            }
        }
        return map;
    }

    /** Adds a rule's problem, if it has one, against the field. */
    void rule(String field, Optional<String> problem) {
        problem.ifPresent(msg -> problems.add(Problem.bodyValue(field, msg)));
    }

    void problem(Problem problem) {
        problems.add(problem);
    }

    /** Ends the request with a 422 when anything was wrong. */
    void check() {
        if (!problems.isEmpty()) {
            throw ApiError.invalid(problems);
        }
    }

    private JsonNode present(String field, boolean required) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                problems.add(Problem.missingBody(field));
            }
            return null;
        }
        return value;
    }

    static String quotedAlternatives(List<String> allowed) {
        List<String> quoted = allowed.stream().map(a -> "'" + a + "'").toList();
        if (quoted.size() == 1) {
            return quoted.get(0);
        }
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.get(quoted.size() - 1);
    }
}
