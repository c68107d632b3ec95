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

    private static final String SPEC = ArraylakeContract.DESCRIPTION;

    private ApiDescription() {}

    /**
     * Every ERROR the validator reports for these exchanges, one line each, under the rules of
     * {@link ArraylakeContract} (a 422's request, the Accept header and an empty log are not held against them).
     */
    public static List<String> violations(List<RecordedExchange> exchanges) {
        OpenApiInteractionValidator validator = ArraylakeContract.validator();
        List<String> violations = new ArrayList<>();
        for (RecordedExchange exchange : exchanges) {
            violations.addAll(ContractCheck.errors(
                    exchange.method(),
                    exchange.path(),
                    exchange.status(),
                    ArraylakeContract.validate(validator, exchange),
                    m -> ArraylakeContract.excused(exchange, m)));
        }
        return violations;
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
