package dev.cameltiledb.emulator;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Checks recorded exchanges, request and answer each, against TileDB's official v1 and v2 specs (Swagger 2.0, in the
 * shared {@code spec} folder beside the checkout, {@code tiledb.spec.dir}), as the component's contract test does.
 */
final class OfficialSpec {

    /**
     * A request header (lower case, as recorded) a test sets on a request that breaks the spec on purpose, to see the
     * emulator refuse it: the request's findings are expected, its answer must still conform.
     */
    static final String INVALID_ON_PURPOSE = "x-test-invalid-on-purpose";

    private static OpenApiInteractionValidator v1;
    private static OpenApiInteractionValidator v2;

    private OfficialSpec() {}

    /** Every ERROR finding of the validators on the exchanges, one line each; empty when all conform. */
    static synchronized List<String> violations(List<RecordedExchange> exchanges) throws Exception {
        if (v1 == null) {
            Path dir = Path.of(System.getProperty("tiledb.spec.dir", "../../shared/spec"));
            if (!Files.isRegularFile(dir.resolve("openapi-v1.yaml"))) {
                fail("the official spec is missing: expected " + dir.toAbsolutePath() + "/openapi-v1.yaml");
            }
            v1 = validator(dir.resolve("openapi-v1.yaml"), "/v1");
            v2 = validator(dir.resolve("openapi-v2.yaml"), "/v2");
        }
        List<String> violations = new ArrayList<>();
        for (RecordedExchange x : exchanges) {
            OpenApiInteractionValidator validator =
                    x.rawPath().startsWith("/v1/") ? v1 : x.rawPath().startsWith("/v2/") ? v2 : null;
            if (validator == null) {
                violations.add(x.method() + " " + x.rawPath() + ": not a path the specs describe");
                continue;
            }
            for (ValidationReport.Message m :
                    validator.validate(request(x), response(x)).getMessages()) {
                boolean refusedOnPurpose = x.requestHeaders().containsKey(INVALID_ON_PURPOSE)
                        && m.getKey().startsWith("validation.request.");
                // the recorder keeps only what the emulator read: a request refused before its body was read
                // (an upload to a namespace the caller may not write) was sent with one all the same
                boolean bodyNotRead = m.getKey().equals("validation.request.body.missing")
                        && x.requestBody() == null
                        && x.requestHeaders().getOrDefault("content-length", List.of("0")).stream()
                                .anyMatch(v -> !v.equals("0"));
                if (m.getLevel() == ValidationReport.Level.ERROR && !refusedOnPurpose && !bodyNotRead) {
                    violations.add(x.method() + " " + x.rawPath() + " -> " + x.status() + ": " + m.getKey() + ": "
                            + m.getMessage());
                }
            }
        }
        return violations;
    }

    private static OpenApiInteractionValidator validator(Path spec, String basePath) throws java.io.IOException {
        return OpenApiInteractionValidator.createForInlineApiSpecification(Files.readString(spec))
                .withBasePathOverride(basePath)
                .build();
    }

    private static Request request(RecordedExchange x) {
        SimpleRequest.Builder b = new SimpleRequest.Builder(x.method(), x.rawPath());
        x.query().forEach(b::withQueryParam);
        x.requestHeaders().forEach(b::withHeader);
        if (x.requestBody() != null && x.requestBody().length > 0) {
            b.withBody(new String(x.requestBody(), StandardCharsets.UTF_8));
        }
        return b.build();
    }

    private static com.atlassian.oai.validator.model.Response response(RecordedExchange x) {
        SimpleResponse.Builder b = SimpleResponse.Builder.status(x.status());
        x.responseHeaders().forEach(b::withHeader);
        if (x.responseBody() != null && x.responseBody().length > 0) {
            b.withBody(new String(x.responseBody(), StandardCharsets.UTF_8));
        }
        return b.build();
    }
}
