package dev.cameltiledb.emulator.page;

import java.util.List;

import com.atlassian.oai.validator.report.ValidationReport;
import dev.cameltiledb.emulator.RecordedExchange;

/**
 * What a check of the emulator's exchanges against TileDB's official classic specs ({@code openapi-v1.yaml},
 * {@code openapi-v2.yaml}) excuses: findings that are the specs' fault, not the traffic's (each with where, which
 * rule and why), and a body the record cannot hold. The emulator's contract tests and its page apply the same.
 */
public final class ClassicSpecDefects {

    private ClassicSpecDefects() {}

    /** Whether the finding about the exchange is one of the specs' defects, or a body the recorder never read. */
    public static boolean excused(RecordedExchange x, ValidationReport.Message m) {
        return DEFECTS.stream().anyMatch(d -> d.covers(x, m)) || bodyNotRead(x, m);
    }

    /** A finding that is the spec's fault, not the traffic's: where, which rule, why. */
    private record SpecDefect(String pathPart, String key, String messagePart, String why) {
        boolean covers(RecordedExchange x, ValidationReport.Message m) {
            return x.rawPath().contains(pathPart)
                    && m.getKey().equals(key)
                    && m.getMessage().contains(messagePart);
        }
    }

    private static final String UNTYPED_VALUE =
            "/value'] Instance type (array) does not match any allowed primitive type (allowed: [\"object\"])";

    private static final String UNTYPED_ITEM =
            "Instance type (integer) does not match any allowed primitive type" + " (allowed: [\"object\"])";

    private static final List<SpecDefect> DEFECTS = List.of(
            new SpecDefect(
                    "/v1/sql/",
                    "validation.request.body.schema.type",
                    UNTYPED_ITEM,
                    "openapi-v1.yaml gives SQLParameters.parameters items {} (any value, as the clients send numbers"
                            + " and strings); swagger-parser's conversion makes an untyped item an object"),
            new SpecDefect(
                    "/v1/sql/",
                    "validation.response.contentType.notAllowed",
                    "'application/vnd.apache.arrow.stream'",
                    "openapi-v1.yaml offers SQLParameters.result_format arrow but declares the SQL answer"
                            + " application/json only: an Arrow result is an Arrow IPC stream, not JSON"),
            new SpecDefect(
                    "/v1/task",
                    "validation.response.body.schema.type",
                    "sql_parameters/0'] " + UNTYPED_ITEM,
                    "the same untyped items as ArrayTask.sql_parameters in a task's answer"),
            new SpecDefect(
                    "/result",
                    "validation.response.body.schema.type",
                    "allowed: [\"string\"]",
                    "openapi-v1.yaml types a task's result as a string: it is the bytes the task produced in its"
                            + " result_format, so a json result is JSON text, not a JSON string"),
            new SpecDefect(
                    "/query/get_file",
                    "validation.response.body.schema.type",
                    "allowed: [\"string\"]",
                    "openapi-v1.yaml types the file's bytes as a binary string; a notebook's bytes are JSON"
                            + " (application/x-ipynb+json), which the check reads as the object it is"),
            new SpecDefect(
                    "/activity",
                    "validation.response.body.schema.enum",
                    "\"query_delete\"",
                    "openapi-v1.yaml's ActivityEventType lists query_delete (a delete of cells); openapi-v2.yaml's"
                            + " copy of the enum, which the v2 activity answers are checked against, leaves it out"),
            new SpecDefect(
                    "/v1/udfs/",
                    "validation.response.contentType.notAllowed",
                    "Must be one of: [application/octet-stream]",
                    "openapi-v1.yaml lets a UDF's answer be application/octet-stream or application/json; the"
                            + " conversion keeps only the first for its binary schema, refusing a json result's type"),
            new SpecDefect(
                    "/udf/submit",
                    "validation.response.contentType.notAllowed",
                    "Must be one of: [application/octet-stream]",
                    "the same two media types of a UDF run over one array's slice"),
            new SpecDefect(
                    "/v2/groups/",
                    "validation.request.body.schema.type",
                    UNTYPED_VALUE,
                    "openapi-v2.yaml gives MetadataEntry.value no type, only x-go-type json.RawMessage with"
                            + " noValidation (any JSON); swagger-parser's conversion makes a schema without a type an"
                            + " object, so it refuses the byte array TileDB Embedded sends as the value"),
            new SpecDefect(
                    "/v2/groups/",
                    "validation.response.body.schema.type",
                    UNTYPED_VALUE,
                    "the same MetadataEntry.value, in a metadata answer or a retrieved group's metadata"),
            new SpecDefect(
                    "/query/",
                    "validation.response.contentType.notAllowed",
                    "'text/plain; charset=utf-8'",
                    "a query submit or finalize the emulator refuses answers its reason as text/plain, which TileDB's"
                            + " clients show as the error (the JavaScript client decodes a failed query's body as"
                            + " text); the specs list only application/json and application/capnp"),
            new SpecDefect(
                    "/v1/user",
                    "validation.response.body.schema.type",
                    "[Path '/default_s3_path_credentials_name'] Instance type (string)",
                    "openapi-v1.yaml gives User.default_s3_path_credentials_name no type (Organization's is a"
                            + " string), which swagger-parser's conversion makes an object"));

    /**
     * The recorder keeps only what the emulator read: a request refused before its body was read (an upload to a
     * namespace the caller may not write) was sent with one all the same.
     */
    private static boolean bodyNotRead(RecordedExchange x, ValidationReport.Message m) {
        return m.getKey().equals("validation.request.body.missing")
                && x.requestBody() == null
                && x.requestHeaders().getOrDefault("content-length", List.of("0")).stream()
                        .anyMatch(v -> !v.equals("0"));
    }
}
