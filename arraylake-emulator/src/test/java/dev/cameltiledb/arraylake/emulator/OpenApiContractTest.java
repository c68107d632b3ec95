package dev.cameltiledb.arraylake.emulator;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our OpenAPI description and the emulator agree: a scripted run touches every operation (answers and errors), and
 * every recorded request and answer passes swagger-request-validator against {@code openapi/arraylake-api.yaml}.
 */
class OpenApiContractTest {

    @Test
    void descriptionParsesCleanlyAndSaysWhatItIs() {
        SwaggerParseResult result = ApiDescription.parse();
        assertEquals(List.of(), result.getMessages());
        assertTrue(result.getOpenAPI().getInfo().getDescription().contains("not an official Earthmover description"));
    }

    @Test
    void everyExchangeOfAScriptedRunMatchesTheDescriptionAndEveryOperationIsExercised() {
        ArraylakeEmulator emu = Fixtures.standard().recordExchanges().build().start();
        try {
            Script.run(emu);
            List<RecordedExchange> exchanges = emu.recordedExchanges();
            List<String> violations = ApiDescription.violations(exchanges);
            assertEquals(List.of(), violations);

            OpenAPI api = ApiDescription.parse().getOpenAPI();
            Set<String> exercised = new TreeSet<>();
            exchanges.forEach(e -> exercised.add(ApiDescription.operationId(api, e.method(), e.path())));
            Set<String> missing = new TreeSet<>(ApiDescription.operationIds(api));
            missing.removeAll(exercised);
            assertEquals(Set.of(), missing, "operations the scripted run never called");
        } finally {
            emu.stop();
        }
    }

    @Test
    void validatorRefusesARepoWithoutItsRequiredStatus() {
        OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForSpecificationUrl(
                        ApiDescription.specUrl())
                .build();
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
}
