package dev.cameltiledb.arraylake.emulator;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our OpenAPI description and the emulator agree: a scripted run touches every operation (answers and errors), and
 * every recorded request and answer passes swagger-request-validator against {@code openapi/arraylake-api.yaml}.
 */
class OpenApiContractTest {

    private static final String SPEC = "/openapi/arraylake-api.yaml";

    @Test
    void descriptionParsesCleanlyAndSaysWhatItIs() {
        SwaggerParseResult result = parse();
        assertEquals(List.of(), result.getMessages());
        assertTrue(result.getOpenAPI().getInfo().getDescription().contains("not an official Earthmover description"));
    }

    @Test
    void everyExchangeOfAScriptedRunMatchesTheDescriptionAndEveryOperationIsExercised() {
        ArraylakeEmulator emu = Fixtures.standard().recordExchanges().build().start();
        try {
            Script.run(emu);
            List<RecordedExchange> exchanges = emu.recordedExchanges();
            OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForSpecificationUrl(specUrl())
                    .build();
            List<String> violations = new ArrayList<>();
            for (RecordedExchange exchange : exchanges) {
                // a 422 answers a request made invalid on purpose: only its answer has to match
                ValidationReport report = exchange.status() == 422
                        ? validator.validateResponse(
                                exchange.path(), Request.Method.valueOf(exchange.method()), response(exchange))
                        : validator.validate(request(exchange), response(exchange));
                report.getMessages().stream()
                        .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                        .forEach(m -> violations.add(exchange.method() + " " + exchange.path() + " → "
                                + exchange.status() + ": " + m.getKey() + " " + m.getMessage()));
            }
            assertEquals(List.of(), violations);

            OpenAPI api = parse().getOpenAPI();
            Set<String> exercised = new TreeSet<>();
            exchanges.forEach(e -> exercised.add(operationId(api, e.method(), e.path())));
            Set<String> missing = new TreeSet<>(operationIds(api));
            missing.removeAll(exercised);
            assertEquals(Set.of(), missing, "operations the scripted run never called");
        } finally {
            emu.stop();
        }
    }

    @Test
    void validatorRefusesARepoWithoutItsRequiredStatus() {
        OpenApiInteractionValidator validator =
                OpenApiInteractionValidator.createForSpecificationUrl(specUrl()).build();
        Request request = SimpleRequest.Builder.get("/repos/acme/climate")
                .withHeader("Authorization", "Bearer x")
                .build();
        String repo = """
                {"_id": "0123456789abcdef01234567", "org": "acme", "name": "climate",
                 "created": "2026-01-02T03:04:05+00:00", "updated": "2026-01-02T03:04:05+00:00", "prefix": "p"}
                """;
        ValidationReport report = validator.validate(
                request,
                SimpleResponse.Builder.ok()
                        .withContentType("application/json")
                        .withBody(repo)
                        .build());
        assertTrue(
                report.getMessages().stream().anyMatch(m -> m.getMessage().contains("status")),
                "a missing required field is reported: " + report.getMessages());
    }

    private static Request request(RecordedExchange exchange) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(exchange.method(), exchange.path());
        exchange.query().forEach(builder::withQueryParam);
        exchange.requestHeaders().forEach(builder::withHeader);
        if (exchange.authorizationPresent()) {
            builder.withHeader("Authorization", "Bearer redacted");
        }
        if (exchange.requestBody().length > 0) {
            builder.withBody(new String(exchange.requestBody(), StandardCharsets.UTF_8));
        }
        return builder.build();
    }

    private static SimpleResponse response(RecordedExchange exchange) {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(exchange.status());
        exchange.responseHeaders().forEach(builder::withHeader);
        if (exchange.responseBody().length > 0) {
            builder.withBody(new String(exchange.responseBody(), StandardCharsets.UTF_8));
        }
        return builder.build();
    }

    /** The operation a request reached: the matching template with the most literal segments, as the emulator picks. */
    static String operationId(OpenAPI api, String method, String path) {
        String[] parts = path.substring(1).split("/", -1);
        return api.getPaths().entrySet().stream()
                .filter(e -> matches(e.getKey(), parts))
                .sorted(Comparator.comparingLong((Map.Entry<String, PathItem> e) -> literals(e.getKey()))
                        .reversed())
                .map(e -> e.getValue()
                        .readOperationsMap()
                        .get(PathItem.HttpMethod.valueOf(method.toUpperCase(Locale.ROOT))))
                .filter(java.util.Objects::nonNull)
                .map(Operation::getOperationId)
                .findFirst()
                .orElse("(none: " + method + " " + path + ")");
    }

    private static boolean matches(String template, String[] parts) {
        String[] segments = template.substring(1).split("/");
        if (segments.length != parts.length) {
            return false;
        }
        for (int i = 0; i < parts.length; i++) {
            if (!segments[i].startsWith("{") && !segments[i].equals(parts[i])) {
                return false;
            }
        }
        return true;
    }

    private static long literals(String template) {
        return java.util.Arrays.stream(template.split("/"))
                .filter(s -> !s.startsWith("{"))
                .count();
    }

    static Set<String> operationIds(OpenAPI api) {
        Set<String> ids = new TreeSet<>();
        api.getPaths().values().forEach(item -> item.readOperations().forEach(op -> ids.add(op.getOperationId())));
        return ids;
    }

    private static SwaggerParseResult parse() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIV3Parser().readLocation(specUrl(), null, options);
    }

    private static String specUrl() {
        URL url = OpenApiContractTest.class.getResource(SPEC);
        assertNotNull(url, SPEC + " is on the class path");
        return url.toString();
    }
}
