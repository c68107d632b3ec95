package dev.cameltiledb.component;

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
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.cameltiledb.client.model.ArrayInfoUpdate;
import dev.cameltiledb.client.model.ArraySharing;
import dev.cameltiledb.emulator.Organization;
import dev.cameltiledb.emulator.RecordedExchange;
import dev.cameltiledb.emulator.Seed;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Checks every request the component sent during the test run, and every answer the emulator gave, against the
 * official TileDB Cloud OpenAPI spec in {@code ../shared/spec}, and that the suite called every endpoint it should.
 * Runs last ({@link Order}) so it sees the traffic of the other classes of its JVM ({@link SuiteUsers} names them);
 * it first drives each array operation once itself. Alone, it validates those exchanges and then aborts (an
 * assumption): whether every endpoint was called can only be judged after the suite. Without the spec (outside CI) the operations and the coverage are checked
 * all the same; only the validation is left out, with a notice.
 */
@Order(Integer.MAX_VALUE)
class ContractTest extends CamelTestSupport {

    private static final String NS = "contract";

    /** Every path the component must have used during the suite, as spec templates. */
    private static final Set<String> EXPECTED_PATHS = Set.of(
            "GET /v1/arrays",
            "GET /v1/arrays/last_accessed",
            "GET /v1/arrays/browser/owned",
            "GET /v1/arrays/browser/shared",
            "GET /v1/arrays/browser/public",
            "GET /v1/arrays/{namespace}",
            "GET /v1/arrays/{namespace}/{array}",
            "POST /v1/arrays/{namespace}/{array}",
            "DELETE /v1/arrays/{namespace}/{array}",
            "DELETE /v1/arrays/{namespace}/{array}/deregister",
            "GET /v1/arrays/{namespace}/{array}/metadata",
            "PATCH /v1/arrays/{namespace}/{array}/metadata",
            "POST /v1/arrays/{namespace}/{array}/register",
            "GET /v1/arrays/{namespace}/{array}/share",
            "PATCH /v1/arrays/{namespace}/{array}/share",
            "GET /v1/arrays/{namespace}/{array}/activity",
            "GET /v1/arrays/{namespace}/{array}/activity/{id}",
            "GET /v1/arrays/{namespace}/{array}/metadata_json",
            "GET /v1/arrays/{namespace}/{array}/non_empty_domain",
            "GET /v1/arrays/{namespace}/{array}/sample",
            "GET /v1/arrays/{namespace}/{array}/max_buffer_sizes",
            "GET /v1/user",
            "GET /v1/organizations",
            "GET /v1/organizations/{organization}",
            "GET /v1/session",
            "POST /v2/notebooks/{namespace}/{array}/upload",
            "GET /v1/arrays/{namespace}/{array}/query/get_file",
            "PATCH /v1/notebooks/{namespace}/{array}/rename",
            "POST /v1/notebooks/{namespace}/{array}/copy",
            "GET /v1/notebooks/{namespace}/{array}/end_timestamps",
            "POST /v1/notebooks/{namespace}/{array}/prune",
            "GET /v1/groups/browser/owned",
            "GET /v1/groups/browser/shared",
            "GET /v1/groups/browser/public",
            "GET /v1/groups/{group_namespace}/{group_name}",
            "PATCH /v1/groups/{group_namespace}/{group_name}",
            "GET /v1/groups/{group_namespace}/{group_name}/contents",
            "GET /v1/groups/{group_namespace}/{group_name}/share",
            "PATCH /v1/groups/{group_namespace}/{group_name}/share",
            "POST /v2/groups/{group_namespace}",
            "PUT /v2/groups/{group_namespace}",
            "PATCH /v2/groups/{group_namespace}/{group_name}",
            "DELETE /v2/groups/{group_namespace}/{group_name}",
            "DELETE /v2/groups/{group_namespace}/{group_name}/delete",
            "GET /v1/assets/{namespace}",
            "GET /v1/public_assets",
            "GET /v1/arrays/browser/owned/sidebar",
            "GET /v1/arrays/browser/shared/sidebar",
            "GET /v1/arrays/browser/public/sidebar",
            "GET /v1/arrays/{namespace}/{array}/non_empty_domain_json",
            "GET /v1/arrays/{namespace}/{array}/end_timestamps",
            "GET /v1/arrays/{namespace}/{array}/fragment_end_timestamp",
            "POST /v1/files/{namespace}",
            "POST /v1/files/{namespace}/{file}/export",
            "POST /v2/files/{namespace}/{array}/upload",
            "GET /v1/notebooks/server/{namespace}/status",
            "DELETE /v1/notebooks/server/{namespace}",
            "POST /v2/groups/{group_namespace}/{group_name}/metadata",
            "PUT /v2/groups/{group_namespace}/{group_name}/metadata",
            "GET /v2/groups/{group_namespace}/{group_name}/activity",
            "GET /v1/tasks",
            "GET /v1/tasks/sidebar",
            "GET /v1/task/{id}",
            "POST /v1/token",
            "GET /v1/tokens",
            "GET /v1/tokens/session",
            "GET /v1/tokens/scopes",
            "DELETE /v1/tokens/{token}",
            "GET /v1/users/{username}",
            "POST /v1/organizations/{organization}/user",
            "GET /v1/organizations/{organization}/{username}",
            "PATCH /v1/organizations/{organization}/{username}",
            "DELETE /v1/organizations/{organization}/{username}",
            // the data plane (SqlTest, UdfsTest, TaskGraphsTest, ArraysQueryTest, TasksConsumerTest)
            "POST /v1/sql/{namespace}",
            "POST /v1/udfs/generic/{namespace}",
            "POST /v1/udfs/arrays/{namespace}",
            "POST /v1/arrays/{namespace}/{array}/udf/submit",
            "POST /v1/arrays/{namespace}/{array}/query/submit_query_json",
            "POST /v2/arrays/{namespace}/{array}/query/submit",
            "GET /v1/task/{id}/result",
            "GET /v1/udf/{namespace}/{name}",
            "POST /v1/udf/{namespace}/{name}",
            "PATCH /v1/udf/{namespace}/{name}",
            "DELETE /v1/udf/{namespace}/{name}",
            "GET /v1/udf/{namespace}/{name}/share",
            "PATCH /v1/udf/{namespace}/{name}/share",
            "POST /v1/udf/{namespace}/{name}/copy",
            "GET /v1/udf/{namespace}/{name}/end_timestamps",
            "GET /v1/udfs/favorites",
            "POST /v1/taskgraphs/{namespace}/graphs",
            "POST /v1/taskgraphs/{namespace}/graphs/{id}/submit",
            "GET /v1/taskgraphs/{namespace}/logs/{id}",
            "GET /v1/taskgraphs/logs",
            "POST /v1/taskgraphs/{namespace}/executions/{id}/retry",
            "POST /v1/taskgraphs/{namespace}/executions/{id}/resubmit",
            "POST /v1/taskgraphs/{namespace}/executions/{id}/stop",
            "GET /v1/taskgraphs/{namespace}/registered/{name}",
            "POST /v1/taskgraphs/{namespace}/registered/{name}",
            "DELETE /v1/taskgraphs/{namespace}/registered/{name}",
            "GET /v1/taskgraphs/{namespace}/registered/{name}/share",
            "PATCH /v1/taskgraphs/{namespace}/registered/{name}/share");

    /** A finding that is the spec's fault, not the traffic's: which endpoint, which rule, why. */
    private record SpecDefect(String endpoint, String key, String messagePart, String why) {
        boolean covers(String endpoint, ValidationReport.Message m) {
            return this.endpoint.equals(endpoint)
                    && key.equals(m.getKey())
                    && m.getMessage().contains(messagePart);
        }
    }

    private static final List<SpecDefect> SPEC_DEFECTS = List.of(
            new SpecDefect(
                    "GET /v1/user",
                    "validation.response.body.schema.type",
                    "/default_s3_path_credentials_name",
                    "openapi-v1.yaml gives User.default_s3_path_credentials_name no type (Organization's is a string),"
                            + " so the validator wants an object where the service and every client use a string"),
            new SpecDefect(
                    "GET /v1/arrays/{namespace}/{array}/query/get_file",
                    "validation.response.body.schema.type",
                    "",
                    "get_file declares its body 'type: string' (the file's bytes) but produces application/x-ipynb+json,"
                            + " which the validator parses as JSON: a notebook is a JSON object, not a JSON string"),
            new SpecDefect(
                    "GET /v1/arrays/{namespace}/{array}/query/get_file",
                    "validation.response.body.schema.invalidJson",
                    "",
                    "the same declaration for a stored file that is not JSON (uploaded with validateJson=false)"),
            new SpecDefect(
                    "PUT /v2/groups/{group_namespace}/{group_name}/metadata",
                    "validation.request.body.schema.type",
                    "/value'] Instance type (array) does not match any allowed primitive type",
                    "openapi-v2.yaml gives MetadataEntry.value no type, only x-go-type json.RawMessage (any JSON); the"
                            + " validator makes a schema without a type an object, so it refuses the byte array TileDB"
                            + " Embedded sends as the value"),
            new SpecDefect(
                    "POST /v2/groups/{group_namespace}/{group_name}/metadata",
                    "validation.response.body.schema.type",
                    "/value'] Instance type (array) does not match any allowed primitive type",
                    "the same MetadataEntry.value, in the metadata answer"),
            new SpecDefect(
                    "POST /v1/sql/{namespace}",
                    "validation.request.body.schema.type",
                    "[Path '/parameters/",
                    "SQLParameters.parameters is an array of items: {} (any value, as a MariaDB query binds); the"
                            + " validator makes a schema without a type an object, so it refuses the numbers and"
                            + " strings a query's placeholders take"),
            new SpecDefect(
                    "GET /v1/task/{id}",
                    "validation.response.body.schema.type",
                    "[Path '/sql_parameters/",
                    "the same items: {} in ArrayTask.sql_parameters, the parameters a task ran with"),
            new SpecDefect(
                    "POST /v1/sql/{namespace}",
                    "validation.response.contentType.notAllowed",
                    "'application/vnd.apache.arrow.stream'",
                    "SQL declares only the global produces, application/json, though result_format=arrow answers"
                            + " the Arrow IPC stream, which TileDB's Python and Java clients read as such"),
            new SpecDefect(
                    "GET /v1/task/{id}/result",
                    "validation.response.contentType.notAllowed",
                    "'application/vnd.apache.arrow.stream'",
                    "the stored result's Content-Type is declared 'format results are delivered in', yet only the"
                            + " global produces, application/json, is allowed: an Arrow result is labelled"
                            + " application/vnd.apache.arrow.stream, the type TileDB's Python client maps to arrow"),
            new SpecDefect(
                    "GET /v1/task/{id}/result",
                    "validation.response.body.schema.type",
                    "",
                    "the stored result is declared type: string (format binary/json) whatever its format; a json"
                            + " result is a JSON array or value, which the validator parses and finds no string"),
            new SpecDefect(
                    "POST /v1/udfs/generic/{namespace}",
                    "validation.response.contentType.notAllowed",
                    "'application/json'",
                    "the UDF calls declare only application/octet-stream for every answer, their Error JSON"
                            + " included; a json result (and an error) is labelled application/json, as"
                            + " /v1/task/{id}/result labels a stored json result. The service's own label is not"
                            + " documented"),
            new SpecDefect(
                    "POST /v1/udfs/arrays/{namespace}",
                    "validation.response.contentType.notAllowed",
                    "'application/json'",
                    "the same produces of the multi-array UDF call"),
            new SpecDefect(
                    "POST /v1/arrays/{namespace}/{array}/udf/submit",
                    "validation.response.contentType.notAllowed",
                    "'application/json'",
                    "the same produces of the single-array UDF call"),
            new SpecDefect(
                    "POST /v1/udfs/arrays/{namespace}",
                    "validation.request.body.schema.type",
                    "[Path '/arguments_json/",
                    "TGArgValue (an argument's value) is 'a raw JSON value or a TGSentinel' and declared without a"
                            + " type; the validator makes it an object and refuses a number or a string"),
            new SpecDefect(
                    "POST /v1/taskgraphs/{namespace}/graphs",
                    "validation.request.body.schema.type",
                    "/arguments/",
                    "the same TGArgValue, as a UDF node's argument"),
            new SpecDefect(
                    "POST /v1/taskgraphs/{namespace}/graphs",
                    "validation.response.body.schema.type",
                    "/arguments/",
                    "the same TGArgValue, in the created graph the service answers"));

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:arrays").to(SuiteEmulator.arrays("namespace=" + NS));
                from("direct:notebooks")
                        .to(SuiteEmulator.uri("notebooks", "namespace=" + NS + "&storagePath=s3://bucket/notebooks"));
                from("direct:groups").to(SuiteEmulator.uri("groups", "namespace=" + NS));
                from("direct:user")
                        .to("tiledb:user?host=" + SuiteEmulator.get().url()
                                + "&username=alice&password=alice-password");
            }
        };
    }

    @Test
    void everyExchangeOfTheSuiteConformsToTheSpec() throws Exception {
        Set<String> others = SuiteUsers.CLASSIC.besides(ContractTest.class);
        driveEveryArrayOperation();
        List<RecordedExchange> exchanges = SuiteEmulator.get().recordedExchanges();

        // what the component did, whether or not the spec is at hand: every endpoint called, nothing else asked
        List<String> violations = new ArrayList<>();
        Set<String> covered = new TreeSet<>();
        List<RecordedExchange> described = new ArrayList<>();
        for (RecordedExchange x : exchanges) {
            if (x.rawPath().equals("/v4/capabilities")) {
                // the server-generation question, asked after a classic address met a 404: libtiledb asks it too,
                // and the public specs do not describe it; a classic server must answer it 404
                if (x.status() != 404) {
                    violations.add("GET /v4/capabilities -> " + x.status() + ": a classic server answers 404");
                }
                continue;
            }
            if (!x.rawPath().startsWith("/v1/") && !x.rawPath().startsWith("/v2/")) {
                violations.add(x.method() + " " + x.rawPath() + ": not a path the specs describe");
                continue;
            }
            described.add(x);
            covered.add(template(x.method(), x.rawPath()));
        }
        Set<String> missing = new TreeSet<>(EXPECTED_PATHS);
        missing.removeAll(covered);

        // and what the spec says of each exchange, when ../shared/spec is there
        Optional<Path> specDir = specDirectoryIfPresent();
        int specDefects = 0;
        if (specDir.isPresent()) {
            OpenApiInteractionValidator v1 = validator(specDir.get(), "openapi-v1.yaml", "/v1");
            OpenApiInteractionValidator v2 = validator(specDir.get(), "openapi-v2.yaml", "/v2");
            for (RecordedExchange x : described) {
                OpenApiInteractionValidator validator = x.rawPath().startsWith("/v1/") ? v1 : v2;
                String endpoint = template(x.method(), x.rawPath());
                for (ValidationReport.Message m :
                        validator.validate(request(x), response(x)).getMessages()) {
                    if (m.getLevel() != ValidationReport.Level.ERROR) {
                        continue;
                    }
                    if (SPEC_DEFECTS.stream().anyMatch(d -> d.covers(endpoint, m))) {
                        specDefects++;
                        continue;
                    }
                    violations.add(x.method() + " " + x.rawPath() + " -> " + x.status() + ": " + m.getKey() + ": "
                            + m.getMessage());
                }
            }
        }
        System.out.printf(
                "Contract: %d exchanges (request and response each) of %s %s: %d violations"
                        + " (%d findings caused by the spec itself, each explained in SPEC_DEFECTS)%n",
                described.size(),
                others.isEmpty() ? "this class alone" : "this class and " + others,
                specDir.isPresent()
                        ? "validated against openapi-v1.yaml and openapi-v2.yaml"
                        : "checked for coverage only (no spec at hand)",
                violations.size(),
                specDefects);
        assertEquals(List.of(), violations);
        // its own exchanges are checked above; whether the suite called every endpoint needs the suite
        Assumptions.assumeFalse(
                others.isEmpty(),
                "checks the exchanges of the whole module's suite; run the module (alone, only this class's own "
                        + described.size() + " exchanges were here: validated, the endpoints' coverage not judged)");
        assertEquals(Set.of(), missing, "endpoints the suite never called (classes seen in this JVM: " + others + ")");
        assertTrue(described.size() > 50, "exchanges: " + described.size());
    }

    /** The validator is not vacuous: it flags a wrong answer and a wrong request the emulator could produce. */
    @Test
    void validatorFlagsNonConformingTraffic() throws Exception {
        OpenApiInteractionValidator v1 = validator(specDirectory(), "openapi-v1.yaml", "/v1");
        Map<String, List<String>> json = Map.of("content-type", List.of("application/json"));
        RecordedExchange badAnswer = new RecordedExchange(
                "GET",
                "/v1/arrays/acme/x/metadata",
                Map.of(),
                Map.of(),
                null,
                200,
                json,
                "{\"public_share\": \"yes\", \"size\": \"big\"}".getBytes(StandardCharsets.UTF_8));
        assertTrue(
                errors(v1.validate(request(badAnswer), response(badAnswer))).stream()
                        .anyMatch(m -> m.contains("public_share")),
                "a string where the spec says boolean");
        RecordedExchange badRequest = new RecordedExchange(
                "PATCH",
                "/v1/arrays/acme/x/share",
                Map.of(),
                json,
                "{\"namespace\": \"bob\", \"actions\": [\"fly\"]}".getBytes(StandardCharsets.UTF_8),
                204,
                Map.of(),
                null);
        assertTrue(
                errors(v1.validate(request(badRequest), response(badRequest))).stream()
                        .anyMatch(m -> m.contains("fly")),
                "an action outside the ArrayActions enum");
    }

    private static List<String> errors(ValidationReport report) {
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(ValidationReport.Message::getMessage)
                .toList();
    }

    private static OpenApiInteractionValidator validator(Path specDir, String file, String basePath)
            throws java.io.IOException {
        return OpenApiInteractionValidator.createForInlineApiSpecification(Files.readString(specDir.resolve(file)))
                .withBasePathOverride(basePath)
                .build();
    }

    /** The folder of the official specs; a test that only checks against them is skipped without it. */
    static Path specDirectory() {
        return specDirectoryIfPresent()
                .orElseGet(() -> Assumptions.abort("no spec at "
                        + configuredSpecDirectory().toAbsolutePath() + "; this test needs ../shared/spec"));
    }

    /**
     * The folder of the official specs ({@code ../shared/spec}, or {@code tiledb.spec.dir}); empty, after a notice,
     * when it is missing, so that the contract tests still check what the suite did and leave out only the spec
     * validation. In CI ({@code CI=true}) a missing spec fails instead: there it is a broken checkout.
     */
    static Optional<Path> specDirectoryIfPresent() {
        Path dir = configuredSpecDirectory();
        if (Files.isRegularFile(dir.resolve("openapi-v1.yaml"))) {
            return Optional.of(dir);
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("The official spec is missing: expected " + dir.toAbsolutePath()
                    + "/openapi-v1.yaml (../shared/spec)");
        }
        System.err.println("NOTICE: no official spec at " + dir.toAbsolutePath() + " (../shared/spec): the contract"
                + " tests check what the suite sent without validating it against the spec");
        return Optional.empty();
    }

    private static Path configuredSpecDirectory() {
        return Path.of(System.getProperty("tiledb.spec.dir", "../../shared/spec"));
    }

    /** One pass over every array operation, so the contract covers all of them even when this class runs alone. */
    private void driveEveryArrayOperation() {
        SuiteEmulator.get()
                .seed(new Seed(
                        null,
                        List.of(new Organization(NS, Map.of("alice", "owner"))),
                        List.of(
                                new Seed.SeedArray(
                                        NS,
                                        "base",
                                        "s3://bucket/base",
                                        "contract base",
                                        List.of("c"),
                                        "file",
                                        Map.of("bob", List.of("read")),
                                        Map.of("k", "v")),
                                new Seed.SeedArray(
                                        "carol",
                                        "carol-shared",
                                        null,
                                        null,
                                        null,
                                        null,
                                        Map.of("alice", List.of("read")),
                                        null))));
        op(
                "list",
                null,
                Map.of(
                        TileDBConstants.TAGS,
                        "c",
                        TileDBConstants.EXCLUDE_TAGS,
                        "x",
                        TileDBConstants.FILE_TYPES,
                        "file",
                        TileDBConstants.EXCLUDE_FILE_TYPES,
                        "notebook",
                        TileDBConstants.WITH_METADATA,
                        true,
                        TileDBConstants.ORDER_BY,
                        "name",
                        TileDBConstants.PERMISSIONS,
                        "read",
                        TileDBConstants.SEARCH,
                        "contract",
                        TileDBConstants.FILE_PROPERTIES,
                        "size=1"));
        op("listShared", null, Map.of(TileDBConstants.SHARED_TO, "alice", TileDBConstants.NAMESPACE, "carol"));
        op("listPublic", null, Map.of(TileDBConstants.PAGE, 1));
        op("listInNamespace", null, Map.of(TileDBConstants.WITH_METADATA, true));
        op("listAll", null, Map.of(TileDBConstants.PUBLIC_SHARE, "exclude"));
        op("info", null, Map.of(TileDBConstants.ARRAY, "base"));
        op("schema", null, Map.of(TileDBConstants.ARRAY, "base"));
        op("lastAccessed", null, Map.of());
        op(
                "create",
                ArraysLifecycleTest.sparseSchema(),
                Map.of(
                        TileDBConstants.STORAGE_URI,
                        "s3://bucket/contract-new",
                        TileDBConstants.CREDENTIALS_NAME,
                        "creds"));
        op(
                "register",
                new ArrayInfoUpdate(
                        "d",
                        "registered",
                        null,
                        "file",
                        Map.of("size", "1"),
                        null,
                        null,
                        List.of("t"),
                        "MIT",
                        "text",
                        false),
                Map.of(TileDBConstants.STORAGE_URI, "s3://bucket/registered"));
        op("update", Map.of("description", "changed", "read_only", false), Map.of(TileDBConstants.ARRAY, "registered"));
        op("share", ArraySharing.grant("bob", List.of("read", "write")), Map.of(TileDBConstants.ARRAY, "registered"));
        op("sharingPolicies", null, Map.of(TileDBConstants.ARRAY, "registered"));
        op("unshare", null, Map.of(TileDBConstants.ARRAY, "registered", TileDBConstants.TARGET_NAMESPACE, "bob"));
        op(
                "activity",
                null,
                Map.of(
                        TileDBConstants.ARRAY,
                        "base",
                        TileDBConstants.START_TIME,
                        0,
                        TileDBConstants.END_TIME,
                        "2100-01-01T00:00:00Z",
                        TileDBConstants.EVENT_TYPES,
                        "read_schema",
                        TileDBConstants.HAS_TASK_ID,
                        false));
        List<?> events = (List<?>) template.requestBodyAndHeaders(
                "direct:arrays",
                null,
                Map.of(TileDBConstants.OPERATION, "activity", TileDBConstants.ARRAY, "registered"));
        op(
                "activityEvent",
                null,
                Map.of(
                        TileDBConstants.ARRAY,
                        "registered",
                        TileDBConstants.ACTIVITY_ID,
                        ((dev.cameltiledb.client.model.ArrayActivityLog) events.get(0)).id()));
        op(
                "metadataJson",
                null,
                Map.of(
                        TileDBConstants.ARRAY,
                        "base",
                        TileDBConstants.METADATA_LENGTH,
                        10,
                        TileDBConstants.END_TIMESTAMP,
                        System.currentTimeMillis()));
        op("nonEmptyDomain", null, Map.of(TileDBConstants.ARRAY, "base", TileDBConstants.PAYER, NS));
        op("sample", null, Map.of(TileDBConstants.ARRAY, "base", TileDBConstants.SAMPLES, 2));
        op("maxBufferSizes", null, Map.of(TileDBConstants.ARRAY, "base", TileDBConstants.SUBARRAY, "1,5"));
        op("deregister", null, Map.of(TileDBConstants.ARRAY, "registered"));
        op("delete", null, Map.of(TileDBConstants.ARRAY, "contract-new"));
        user("profile", Map.of());
        user("organizations", Map.of());
        user("organization", Map.of(TileDBConstants.ORGANIZATION, "acme"));
        user("defaultChargedNamespace", Map.of(TileDBConstants.REQUIRED_ACTION, "read"));
        String notebook = "{\"cells\": [], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}";
        notebookOp(
                "upload",
                notebook,
                Map.of(TileDBConstants.ARRAY, "contract-notebook", TileDBConstants.CREDENTIALS_NAME, "creds"));
        notebookOp(
                "upload",
                notebook,
                Map.of(TileDBConstants.ARRAY, "contract-notebook", TileDBConstants.ON_EXISTS, "overwrite"));
        notebookOp("download", null, Map.of(TileDBConstants.ARRAY, "contract-notebook", TileDBConstants.PAYER, NS));
        notebookOp("versions", null, Map.of(TileDBConstants.ARRAY, "contract-notebook", TileDBConstants.PER_PAGE, 10));
        notebookOp(
                "copy",
                null,
                Map.of(
                        TileDBConstants.ARRAY,
                        "contract-notebook",
                        TileDBConstants.NEW_NAME,
                        "contract-copy",
                        TileDBConstants.STORAGE_URI,
                        "s3://bucket/notebooks/contract-copy"));
        notebookOp("prune", null, Map.of(TileDBConstants.ARRAY, "contract-notebook", TileDBConstants.KEEP_VERSIONS, 1));
        notebookOp(
                "rename",
                null,
                Map.of(TileDBConstants.ARRAY, "contract-copy", TileDBConstants.NEW_NAME, "contract-renamed"));
        groupOp(
                "create",
                null,
                Map.of(
                        TileDBConstants.GROUP,
                        "c-top",
                        TileDBConstants.STORAGE_URI,
                        "s3://bucket/g/c-top",
                        TileDBConstants.CREDENTIALS_NAME,
                        "creds"));
        groupOp(
                "register",
                Map.of("description", "d", "tags", List.of("t")),
                Map.of(
                        TileDBConstants.GROUP,
                        "c-child",
                        TileDBConstants.STORAGE_URI,
                        "s3://bucket/g/c-child",
                        TileDBConstants.PARENT,
                        "c-top"));
        groupOp("addMembers", null, Map.of(TileDBConstants.GROUP, "c-child", TileDBConstants.MEMBERS, "base"));
        groupOp(
                "addMembers",
                null,
                Map.of(
                        TileDBConstants.GROUP,
                        "c-top",
                        TileDBConstants.MEMBERS,
                        "c-child",
                        TileDBConstants.MEMBER_TYPE,
                        "group"));
        groupOp(
                "list",
                null,
                Map.of(
                        TileDBConstants.FLAT,
                        false,
                        TileDBConstants.GROUP_TYPE,
                        "generic",
                        TileDBConstants.TAGS,
                        "t",
                        TileDBConstants.WITH_METADATA,
                        true));
        groupOp(
                "list",
                null,
                Map.of(
                        TileDBConstants.PARENT,
                        SuiteEmulator.get().group(NS, "c-top").orElseThrow().id()));
        groupOp("listShared", null, Map.of(TileDBConstants.SHARED_TO, "alice"));
        groupOp("listPublic", null, Map.of(TileDBConstants.PAGE, 1));
        groupOp("info", null, Map.of(TileDBConstants.GROUP, "c-top"));
        groupOp(
                "contents",
                null,
                Map.of(
                        TileDBConstants.GROUP,
                        "c-top",
                        TileDBConstants.MEMBER_TYPES,
                        "group",
                        TileDBConstants.EXCLUDE_MEMBER_TYPES,
                        "notebook",
                        TileDBConstants.SEARCH,
                        "c"));
        groupOp(
                "update",
                Map.of("description", "changed", "tags", List.of("u")),
                Map.of(TileDBConstants.GROUP, "c-top"));
        groupOp(
                "share",
                null,
                Map.of(
                        TileDBConstants.GROUP,
                        "c-top",
                        TileDBConstants.TARGET_NAMESPACE,
                        "bob",
                        TileDBConstants.ACTIONS,
                        "read,write"));
        groupOp("sharingPolicies", null, Map.of(TileDBConstants.GROUP, "c-top"));
        groupOp("unshare", null, Map.of(TileDBConstants.GROUP, "c-top", TileDBConstants.TARGET_NAMESPACE, "bob"));
        groupOp("removeMembers", null, Map.of(TileDBConstants.GROUP, "c-child", TileDBConstants.MEMBERS, "base"));
        groupOp("deregister", null, Map.of(TileDBConstants.GROUP, "c-child"));
        groupOp("delete", null, Map.of(TileDBConstants.GROUP, "c-top", TileDBConstants.RECURSIVE, true));
        // error answers are part of the contract too
        template.request("direct:arrays", e -> {
            e.getMessage().setHeader(TileDBConstants.OPERATION, "info");
            e.getMessage().setHeader(TileDBConstants.ARRAY, "does-not-exist");
        });
    }

    private void groupOp(String operation, Object body, Map<String, Object> headers) {
        Operations.call(template, "direct:groups", operation, body, headers);
    }

    private void notebookOp(String operation, Object body, Map<String, Object> headers) {
        Operations.call(template, "direct:notebooks", operation, body, headers);
    }

    private void user(String operation, Map<String, Object> headers) {
        Operations.call(template, "direct:user", operation, null, headers);
    }

    private void op(String operation, Object body, Map<String, Object> headers) {
        Operations.call(template, "direct:arrays", operation, body, headers);
    }

    static Request request(RecordedExchange x) {
        SimpleRequest.Builder b = new SimpleRequest.Builder(x.method(), x.rawPath());
        x.query().forEach(b::withQueryParam);
        x.requestHeaders().forEach(b::withHeader);
        if (x.requestBody() != null) {
            b.withBody(new String(x.requestBody(), StandardCharsets.UTF_8));
        }
        return b.build();
    }

    static com.atlassian.oai.validator.model.Response response(RecordedExchange x) {
        SimpleResponse.Builder b = SimpleResponse.Builder.status(x.status());
        x.responseHeaders().forEach(b::withHeader);
        if (x.responseBody() != null) {
            b.withBody(new String(x.responseBody(), StandardCharsets.UTF_8));
        }
        return b.build();
    }

    /** The most specific expected template a concrete request matches (literal segments beat variables). */
    private static String template(String method, String rawPath) {
        return EXPECTED_PATHS.stream()
                .filter(t -> t.startsWith(method + " "))
                .filter(t -> rawPath.matches(t.substring(method.length() + 1).replaceAll("\\{[^}]+}", "[^/]+")))
                .min(java.util.Comparator.comparingLong(
                        t -> t.chars().filter(c -> c == '{').count()))
                .orElse(method + " " + rawPath);
    }
}
