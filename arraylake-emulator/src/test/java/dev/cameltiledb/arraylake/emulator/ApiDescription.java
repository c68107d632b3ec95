package dev.cameltiledb.arraylake.emulator;

import java.net.URL;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.cameltiledb.emulator.common.ContractCheck;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Our OpenAPI description of Arraylake ({@code openapi/arraylake-api.yaml}) as a check: the violations of recorded
 * exchanges, and which operation a request reached. Shared with the client's and component's tests through this
 * module's test jar (with {@link CheckedArraylakeEmulator}), so every exchange of their runs is checked too.
 */
public final class ApiDescription {

    private static final String SPEC = "/openapi/arraylake-api.yaml";

    private ApiDescription() {}

    /**
     * Every ERROR the validator reports for these exchanges, one line each. A 422 answers a request the service
     * refused as invalid (often on purpose, in a test): only its answer has to match.
     */
    public static List<String> violations(List<RecordedExchange> exchanges) {
        OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForSpecificationUrl(specUrl())
                // The Python client (and ours, like it) sends Accept: application/vnd.earthmover+json and the service
                // answers application/json: it does not negotiate on Accept, which OpenAPI cannot say. Every other
                // rule, the answers' content type included, stays an error.
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request.accept.notAllowed", ValidationReport.Level.IGNORE)
                        .build())
                .build();
        List<String> violations = new ArrayList<>();
        for (RecordedExchange exchange : exchanges) {
            ValidationReport report = exchange.status() == 422
                    ? validator.validateResponse(
                            exchange.path(), Request.Method.valueOf(exchange.method()), response(exchange))
                    : validator.validate(request(exchange), response(exchange));
            violations.addAll(ContractCheck.errors(
                    exchange.method(), exchange.path(), exchange.status(), report, m -> emptyLog(exchange, m)));
        }
        return violations;
    }

    /**
     * A log with no line in the asked window is an empty text answer, which OpenAPI cannot call optional: the one body
     * allowed to be missing. A JSON answer without its body stays an error.
     */
    private static boolean emptyLog(RecordedExchange exchange, ValidationReport.Message message) {
        return message.getKey().equals("validation.response.body.missing")
                && exchange.responseHeaders().getOrDefault("content-type", List.of()).stream()
                        .anyMatch(type -> type.startsWith("text/plain"));
    }

    /** The request as sent; the bearer was left out of the record, and a placeholder stands for it. */
    private static Request request(RecordedExchange exchange) {
        Map<String, List<String>> headers = new java.util.LinkedHashMap<>(exchange.requestHeaders());
        if (exchange.authorizationPresent()) {
            headers.put("Authorization", List.of("Bearer redacted"));
        }
        return ContractCheck.request(
                exchange.method(), exchange.path(), exchange.query(), headers, exchange.requestBody());
    }

    private static Response response(RecordedExchange exchange) {
        return ContractCheck.response(exchange.status(), exchange.responseHeaders(), exchange.responseBody());
    }

    /** The operation a request reached: the matching template with the most literal segments, as the emulator picks. */
    public static String operationId(OpenAPI api, String method, String path) {
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

    public static Set<String> operationIds(OpenAPI api) {
        Set<String> ids = new TreeSet<>();
        api.getPaths().values().forEach(item -> item.readOperations().forEach(op -> ids.add(op.getOperationId())));
        return ids;
    }

    static SwaggerParseResult parse() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIV3Parser().readLocation(specUrl(), null, options);
    }

    static String specUrl() {
        URL url = ApiDescription.class.getResource(SPEC);
        assertNotNull(url, SPEC + " is on the class path");
        return url.toString();
    }
}
