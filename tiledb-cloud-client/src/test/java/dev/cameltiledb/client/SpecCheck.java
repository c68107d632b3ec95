package dev.cameltiledb.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The exchanges a WireMock server saw, checked against TileDB's official v1 spec ({@code ../shared/spec}, the folder
 * the build names in {@code tiledb.spec.dir}): each request the client sent, and the answer the test gave it (so the
 * test's answers are ones the service may give). Without the folder the behaviour is still tested and only this check
 * is left out, after a notice; in CI ({@code CI=true}) its absence fails.
 */
final class SpecCheck {

    /** A finding that is the spec's fault, not the traffic's: where, which rule, what it says (a regex), why. */
    private record SpecDefect(String pathPart, String key, String message, String why) {
        boolean covers(String path, ValidationReport.Message m) {
            return path.contains(pathPart)
                    && m.getKey().equals(key)
                    && java.util.regex.Pattern.compile(message)
                            .matcher(m.getMessage())
                            .find();
        }
    }

    /** A {@code TGArgValue} in a body, found to be no object: the spec's fault ({@link #SPEC_DEFECTS}). */
    private static final String UNTYPED_VALUE =
            "\\[Path '/(arguments_json/\\d+/value|(.*/)?sql_parameters/\\d+|nodes/\\d+/sql_node/parameters/\\d+"
                    + "|nodes/\\d+/udf_node/arguments/\\d+/value|nodes/\\d+/input_node/default_value)'\\]"
                    + ".*allowed: \\[\"object\"\\]";

    private static final List<SpecDefect> SPEC_DEFECTS = List.of(
            new SpecDefect(
                    "/v1/sql/",
                    "validation.request.body.schema.type",
                    "\\[Path '/parameters/\\d+'\\]",
                    "SQLParameters.parameters is 'items: {}' (any JSON value, as in a MariaDB prepared statement);"
                            + " swagger-parser's conversion makes a schema without a type an object, so it refuses"
                            + " the strings and numbers every client sends"),
            new SpecDefect(
                    "/v1/",
                    "validation.request.body.schema.type",
                    UNTYPED_VALUE,
                    "a TGArgValue (a UDF's argument, an SQL node's parameter, an input node's default) is 'a raw"
                            + " JSON value' by its description, but a schema without a type, which the conversion"
                            + " makes an object"),
            new SpecDefect(
                    "/v1/",
                    "validation.response.body.schema.type",
                    UNTYPED_VALUE,
                    "the same untyped values in an answer: a graph's, or a task's sql_parameters ('items: {}')"),
            new SpecDefect(
                    "/v1/udfs/",
                    "validation.response.contentType.notAllowed",
                    "'application/json' does not match any allowed types. Must be one of: \\[application/octet-stream\\]",
                    "a UDF call 'produces application/octet-stream' (its result), yet its error answer is the JSON"
                            + " Error the spec gives as its schema"),
            new SpecDefect(
                    "/udf/submit",
                    "validation.response.contentType.notAllowed",
                    "'application/json' does not match any allowed types. Must be one of: \\[application/octet-stream\\]",
                    "the same for the single-array UDF call"),
            new SpecDefect(
                    "/v1/sql/",
                    "validation.response.contentType.notAllowed",
                    "'application/vnd.apache.arrow.stream'",
                    "an arrow result is an Arrow IPC stream (TileDB's Python client reads it with"
                            + " RecordBatchStreamReader), but the spec lists only application/json for SQL answers"),
            new SpecDefect(
                    "/result",
                    "validation.response.body.schema.type",
                    "allowed: \\[\"string\"\\]",
                    "a stored result is the originating call's output, declared 'type: string, format: binary/json';"
                            + " a json result is the JSON itself, which the validator parses and finds no string"),
            new SpecDefect(
                    "/result",
                    "validation.response.contentType.notAllowed",
                    "",
                    "a stored result comes in its own format, its Content-Type saying which ('format results are"
                            + " delivered in'), but the spec inherits the global 'produces: application/json'"));

    /**
     * A response header a test sets on an answer that breaks the spec on purpose (null, truncated JSON): the request
     * is still checked, the answer not.
     */
    static final String BROKEN_ON_PURPOSE = "X-Test-Broken-On-Purpose";

    private static boolean noticeGiven;

    private SpecCheck() {}

    /** Asserts that every exchange {@code server} saw conforms to the spec (when the spec is at hand). */
    static void assertConforms(WireMockServer server) {
        List<ServeEvent> events = server.getAllServeEvents();
        if (events.isEmpty() || !available()) {
            return;
        }
        List<String> findings = new ArrayList<>();
        for (ServeEvent event : events) {
            findings.addAll(violations(event));
        }
        assertEquals(List.of(), findings, "exchanges that break openapi-v1.yaml");
    }

    private static List<String> violations(ServeEvent event) {
        LoggedRequest r = event.getRequest();
        String[] url = r.getUrl().split("\\?", 2);
        String path = url[0];
        SimpleRequest.Builder request = new SimpleRequest.Builder(r.getMethod().getName(), path);
        if (url.length > 1) {
            query(url[1]).forEach(request::withQueryParam);
        }
        for (HttpHeader h : r.getHeaders().all()) {
            request.withHeader(h.key(), h.values());
        }
        if (r.getBody() != null && r.getBody().length > 0) {
            request.withBody(r.getBodyAsString());
        }
        Request built = request.build();
        ValidationReport report;
        LoggedResponse answer = event.getResponse();
        if (answer == null
                || event.getResponseDefinition().getFault() != null
                || answer.getStatus() == 0
                || answer.getHeaders().getHeader(BROKEN_ON_PURPOSE).isPresent()) {
            report = validator().validateRequest(built);
        } else {
            SimpleResponse.Builder response = SimpleResponse.Builder.status(answer.getStatus());
            for (HttpHeader h : answer.getHeaders().all()) {
                response.withHeader(h.key(), h.values());
            }
            if (answer.getBody() != null && answer.getBody().length > 0) {
                response.withBody(answer.getBodyAsString());
            }
            report = validator().validate(built, response.build());
        }
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .filter(m -> SPEC_DEFECTS.stream().noneMatch(d -> d.covers(path, m)))
                .map(m -> r.getMethod().getName() + " " + r.getUrl() + " -> "
                        + (answer == null ? "-" : answer.getStatus()) + ": " + m.getKey() + ": " + m.getMessage())
                .toList();
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            params.computeIfAbsent(decode(kv[0]), k -> new ArrayList<>()).add(kv.length > 1 ? decode(kv[1]) : "");
        }
        return params;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static OpenApiInteractionValidator validator;

    private static synchronized OpenApiInteractionValidator validator() {
        if (validator == null) {
            try {
                validator = OpenApiInteractionValidator.createForInlineApiSpecification(
                                Files.readString(directory().resolve("openapi-v1.yaml")))
                        .withBasePathOverride("/v1")
                        .build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return validator;
    }

    /** Whether the spec is there; without it a notice (once), and in CI a failure. */
    static synchronized boolean available() {
        if (Files.isRegularFile(directory().resolve("openapi-v1.yaml"))) {
            return true;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("The official spec is missing: expected " + directory().toAbsolutePath()
                    + "/openapi-v1.yaml (../shared/spec)");
        }
        if (!noticeGiven) {
            noticeGiven = true;
            System.err.println("NOTICE: no official spec at " + directory().toAbsolutePath() + " (../shared/spec):"
                    + " the data-plane tests run without checking their exchanges against it");
        }
        return false;
    }

    private static Path directory() {
        return Path.of(System.getProperty("tiledb.spec.dir", "../../shared/spec"));
    }
}
