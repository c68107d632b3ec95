package dev.cameltiledb.emulator.data.udf;

import java.io.IOException;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameltiledb.emulator.data.EngineException;
import dev.cameltiledb.emulator.data.ResultFormat;

/** A stored result as the TileDB JSON value an argument takes (the spec's {@code TGArgValue}). */
public final class ResultValues {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ResultValues() {}

    /**
     * {@code json}: the value itself, marked raw so nothing in it is read as a sentinel; {@code tiledb_json}: as it is;
     * anything else: an {@code immediate} sentinel with the bytes in base64 and the format.
     */
    public static JsonNode encode(byte[] data, ResultFormat format, String what) {
        try {
            switch (format) {
                case JSON: {
                    ObjectNode raw = MAPPER.createObjectNode();
                    raw.put("__tdbudf__", "raw_json");
                    raw.set("raw_json", MAPPER.readTree(data));
                    return raw;
                }
                case TILEDB_JSON:
                    return MAPPER.readTree(data);
                default: {
                    ObjectNode immediate = MAPPER.createObjectNode();
                    immediate.put("__tdbudf__", "immediate");
                    immediate.put("format", format.wire());
                    immediate.put("base64_data", Base64.getEncoder().encodeToString(data));
                    return immediate;
                }
            }
        } catch (IOException e) {
            throw EngineException.badRequest(
                    what + " is not the " + format.wire() + " it claims to be: " + e.getMessage());
        }
    }

    /**
     * The plain JSON of a TileDB JSON value, for an SQL parameter: raw values unwrapped, escaped objects restored; a
     * 400 for a value only a UDF can decode (a pickle).
     */
    public static JsonNode plain(JsonNode value, String what) {
        if (value.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode out = MAPPER.createArrayNode();
            value.forEach(v -> out.add(plain(v, what)));
            return out;
        }
        if (value.isObject()) {
            JsonNode kind = value.get("__tdbudf__");
            if (kind == null) {
                ObjectNode out = MAPPER.createObjectNode();
                value.fields().forEachRemaining(e -> out.set(e.getKey(), plain(e.getValue(), what)));
                return out;
            }
            switch (kind.asText()) {
                case "raw_json":
                    return value.path("raw_json");
                case "__escape__": {
                    ObjectNode out = MAPPER.createObjectNode();
                    value.path("__escape__")
                            .fields()
                            .forEachRemaining(e -> out.set(e.getKey(), plain(e.getValue(), what)));
                    return out;
                }
                default:
                    throw EngineException.badRequest(what + " is a " + kind.asText() + " value, which SQL cannot take");
            }
        }
        return value;
    }
}
