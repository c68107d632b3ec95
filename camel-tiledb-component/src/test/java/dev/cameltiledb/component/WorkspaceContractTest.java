package dev.cameltiledb.component;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.cameltiledb.emulator.RecordedExchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract in workspace mode: every exchange of the suite with the workspace emulator, request and answer,
 * checked against the workspace variant of the v1 spec ({@code ../shared/spec/tiledb-client-java/openapi-v1.yaml})
 * and, for {@code /v4}, against our own description of the endpoints we use ({@code openapi/tiledb-v4.yaml} of the
 * emulator jar). v2 paths on a workspace server are described by no published spec: they are counted and named, not
 * validated. Runs last, after the suites that produce the traffic; it drives the classic operations on workspace
 * paths once itself, and alone it validates those and then aborts (an assumption): the counts need the suite. Without {@code ../shared/spec} (outside CI) the {@code /v4} exchanges are
 * validated all the same and only the v1 ones are left out, with a notice.
 */
@Order(Integer.MAX_VALUE)
class WorkspaceContractTest extends CamelTestSupport {

    private static final String TS = "acme/research";

    @Test
    void everyWorkspaceExchangeConformsToItsSpec() throws Exception {
        Set<String> others = SuiteUsers.WORKSPACE.besides(WorkspaceContractTest.class);
        driveClassicOperationsOnWorkspacePaths();
        // the /v4 description is ours and always at hand; the workspace v1 spec is in ../shared/spec only
        Optional<Path> specDir = ContractTest.specDirectoryIfPresent().map(d -> d.resolve("tiledb-client-java"));
        OpenApiInteractionValidator v1 = specDir.isEmpty()
                ? null
                : OpenApiInteractionValidator.createForInlineApiSpecification(
                                Files.readString(specDir.get().resolve("openapi-v1.yaml")))
                        .withBasePathOverride("/v1")
                        .build();
        OpenApiInteractionValidator v4 = OpenApiInteractionValidator.createForInlineApiSpecification(v4Description())
                .withBasePathOverride("/v4")
                // the description allows fields it does not name (the service adds fields); the validator's default
                // would report each as an error
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
                        .build())
                .build();

        List<String> violations = new ArrayList<>();
        Set<String> notDescribed = new TreeSet<>();
        int validatedV1 = 0;
        int validatedV4 = 0;
        int wrongForm = 0;
        int specDefects = 0;
        List<RecordedExchange> exchanges = SuiteWorkspaceEmulator.get().recordedExchanges();
        for (int i = 0; i < exchanges.size(); i++) {
            RecordedExchange x = exchanges.get(i);
            if (x.status() == 404
                    && i + 1 < exchanges.size()
                    && exchanges.get(i + 1).rawPath().equals("/v4/capabilities")) {
                // a classic address the client tried before it knew the server (auto-detection asks
                // /v4/capabilities right after such a 404, and then names the wrong form): it was never a
                // workspace request, so the workspace spec does not describe it
                wrongForm++;
                continue;
            }
            OpenApiInteractionValidator validator;
            if (x.rawPath().startsWith("/v1/")) {
                if (v1 == null) {
                    continue; // no spec to hold it against
                }
                validator = v1;
                validatedV1++;
            } else if (x.rawPath().startsWith("/v4/")) {
                validator = v4;
                validatedV4++;
            } else {
                notDescribed.add(x.method() + " " + x.rawPath().replaceAll("/[^/]+", "/*"));
                continue;
            }
            ValidationReport report = validator.validate(ContractTest.request(x), ContractTest.response(x));
            for (ValidationReport.Message m : report.getMessages()) {
                if (isGetFileDeclaration(x, m) || isStreamedFile(x, m)) {
                    specDefects++;
                    continue;
                }
                if (m.getLevel() == ValidationReport.Level.ERROR) {
                    violations.add(x.method() + " " + x.rawPath() + " -> " + x.status() + ": " + m.getKey() + ": "
                            + m.getMessage());
                }
            }
        }
        System.out.printf(
                "Workspace contract (exchanges of %s): validated %d v1 exchanges against tiledb-client-java/openapi-v1.yaml and %d /v4"
                        + " exchanges against tiledb-v4.yaml: %d violations (%d findings caused by the spec's get_file"
                        + " declaration or by file bytes not recorded; %d classic-form requests answered 404); not described by any spec: %s%n",
                others.isEmpty() ? "this class alone" : "this class and " + others,
                validatedV1,
                validatedV4,
                violations.size(),
                specDefects,
                wrongForm,
                notDescribed);
        assertEquals(List.of(), violations);
        // its own exchanges are checked above; the counts below hold for the traffic of the suite
        Assumptions.assumeFalse(
                others.isEmpty(),
                "checks the exchanges of the whole module's suite; run the module (alone, only this class's own "
                        + (validatedV1 + validatedV4) + " exchanges were here and validated)");
        assertTrue(v1 == null || validatedV1 > 5, "v1 exchanges validated: " + validatedV1);
        assertTrue(validatedV4 > 30, "v4 exchanges validated: " + validatedV4);
    }

    /**
     * The same defect {@link ContractTest} names for the classic spec: get_file declares its answer {@code type:
     * string} (the file's bytes) but produces a notebook, a JSON object, which the validator parses as JSON.
     */
    private static boolean isGetFileDeclaration(RecordedExchange x, ValidationReport.Message m) {
        return x.rawPath().endsWith("/query/get_file") && m.getKey().equals("validation.response.body.schema.type");
    }

    /** A file's bytes are streamed by the emulator and not recorded: the validator sees no body to check. */
    private static boolean isStreamedFile(RecordedExchange x, ValidationReport.Message m) {
        return x.rawPath().startsWith("/v4/files/")
                && x.method().equals("GET")
                && m.getKey().equals("validation.response.body.missing");
    }

    private static String v4Description() throws java.io.IOException {
        try (InputStream in = WorkspaceContractTest.class.getResourceAsStream("/openapi/tiledb-v4.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The classic operations on a teamspace: arrays, sharing, activity, a notebook round trip, a group. */
    private void driveClassicOperationsOnWorkspacePaths() {
        String arrays = SuiteWorkspaceEmulator.uri("arrays", "namespace=" + TS);
        template.requestBody(arrays + "&operation=list&perPage=10", null, List.class);
        template.requestBody(arrays + "&operation=info&array=sales", (Object) null);
        template.requestBody(
                arrays + "&operation=share&array=sales&targetNamespace=victor&actions=read", (Object) null);
        template.requestBody(arrays + "&operation=sharingPolicies&array=sales", (Object) null);
        template.requestBody(arrays + "&operation=activity&array=sales", (Object) null);
        String notebooks =
                SuiteWorkspaceEmulator.uri("notebooks", "namespace=" + TS + "&storagePath=s3://acme/notebooks");
        template.requestBody(
                notebooks + "&operation=upload&array=contract-nb",
                "{\"cells\": [], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}");
        template.requestBody(notebooks + "&operation=download&array=contract-nb&downloadAs=bytes", (Object) null);
        template.requestBodyAndHeaders(
                SuiteWorkspaceEmulator.uri("groups", "namespace=" + TS),
                null,
                Map.of(
                        TileDBConstants.OPERATION,
                        "create",
                        TileDBConstants.GROUP,
                        "contract-group",
                        TileDBConstants.STORAGE_URI,
                        "s3://acme/groups/contract-group"));
        template.requestBody(
                SuiteWorkspaceEmulator.uri("groups", "namespace=" + TS + "&operation=info&group=contract-group"),
                (Object) null);
    }
}
