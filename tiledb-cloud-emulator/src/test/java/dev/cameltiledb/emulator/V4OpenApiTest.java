package dev.cameltiledb.emulator;

import java.net.URL;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our own OpenAPI description of the TileDB {@code /v4} endpoints (shipped in the emulator jar as
 * {@code openapi/tiledb-v4.yaml}) parses cleanly, describes every endpoint the project uses, and is strict enough
 * for contract tests: the validator refuses an answer that lacks a required field.
 */
class V4OpenApiTest {

    private static final String SPEC = "/openapi/tiledb-v4.yaml";

    /** The operations camel-tiledb's client calls and its emulator serves. */
    private static final Set<String> OPERATIONS = Set.of(
            "GET /capabilities",
            "GET /users/self",
            "GET /users/{user_id}",
            "POST /tokens",
            "GET /workspaces/{workspace}",
            "PATCH /workspaces/{workspace}",
            "GET /workspaceusers/{workspace}",
            "POST /workspaceusers/{workspace}",
            "GET /workspaceusers/{workspace}/{user_id}",
            "PATCH /workspaceusers/{workspace}/{user_id}",
            "DELETE /workspaceusers/{workspace}/{user_id}",
            "GET /teamspaces/{workspace}",
            "POST /teamspaces/{workspace}",
            "GET /teamspaces/{workspace}/{teamspace}",
            "PATCH /teamspaces/{workspace}/{teamspace}",
            "DELETE /teamspaces/{workspace}/{teamspace}",
            "GET /teamspaces/{workspace}/{teamspace}/users",
            "POST /teamspaces/{workspace}/{teamspace}/users",
            "GET /teamspaces/{workspace}/{teamspace}/users/{user_id}",
            "PATCH /teamspaces/{workspace}/{teamspace}/users/{user_id}",
            "DELETE /teamspaces/{workspace}/{teamspace}/users/{user_id}",
            "GET /assets/list/{workspace}/{teamspace}/{path}",
            "GET /assets/path/{workspace}/{teamspace}/{path}",
            "GET /assets/item/{workspace}/{teamspace}/{asset}",
            "PATCH /assets/item/{workspace}/{teamspace}/{asset}",
            "GET /assets/item/{workspace}/{teamspace}/{asset}/metadata",
            "PATCH /assets/item/{workspace}/{teamspace}/{asset}/metadata",
            "DELETE /assets/item/{workspace}/{teamspace}/{asset}/metadata",
            "POST /assets/register/{workspace}/{teamspace}",
            "POST /assets/move/{workspace}/{teamspace}",
            "POST /folders/{workspace}/{teamspace}/{folder}",
            "GET /folders/{workspace}/{teamspace}/{folder}",
            "PATCH /folders/{workspace}/{teamspace}/{folder}",
            "DELETE /folders/{workspace}/{teamspace}/{folder}",
            "GET /folders/{workspace}/{teamspace}/{folder}/contents",
            "PUT /folders/{workspace}/{teamspace}/{folder}/contents",
            "GET /files/{workspace}/{teamspace}",
            "GET /files/{workspace}/{teamspace}/{path}",
            "HEAD /files/{workspace}/{teamspace}/{path}",
            "PUT /files/{workspace}/{teamspace}/{path}",
            "GET /credentials/{workspace}",
            "GET /credentials/{workspace}/{name}");

    /** An asset answer; the placeholder is where {@code tiledb_uri}, a required field, goes. */
    private static final String ASSET_ANSWER = """
            {"data": {"id": "ast_1", "workspace_id": "ws_1", "teamspace_id": "ts_1", "name": "b",
              "description": null, "backing_type": "array", "type": "array", "path": "a/b",
              "created_at": "2025-01-02T03:04:05Z", "updated_at": null,
              "created_by": {"user_id": "usr_1", "username": "alice", "display_name": "Alice",
                "email": "alice@example.com", "role": "owner", "added_by": "usr_1",
                "created_at": "2025-01-01T00:00:00Z"},
              %s"fileInfo": null, "arrayInfo": {"size": 1024}}}
            """;

    @Test
    void parsesWithoutMessagesAndDescribesEveryOperationTheProjectUses() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readLocation(specUrl(), null, options);

        assertEquals(List.of(), result.getMessages());
        OpenAPI api = result.getOpenAPI();
        assertEquals("3.0.3", api.getOpenapi());
        Set<String> described = new TreeSet<>();
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap()
                        .keySet()
                        .forEach(method -> described.add(method.name().toUpperCase(Locale.ROOT) + " " + path)));
        Set<String> missing = new TreeSet<>(OPERATIONS);
        missing.removeAll(described);
        assertEquals(Set.of(), missing, "operations the description lacks");
    }

    @Test
    void validatorAcceptsACorrectAnswerAndRefusesOneWithoutARequiredField() {
        OpenApiInteractionValidator validator =
                OpenApiInteractionValidator.createForSpecificationUrl(specUrl()).build();
        // the asset path "a/b" is one URL-encoded segment
        Request request = SimpleRequest.Builder.get("/v4/assets/item/acme/lab/a%2Fb")
                .withHeader("X-TILEDB-REST-API-KEY", "token")
                .build();

        List<String> correct = errors(validator.validate(
                request, json(ASSET_ANSWER.formatted("\"tiledb_uri\": \"tiledb://acme/lab/ast_1\", "))));
        assertEquals(List.of(), correct);

        List<String> withoutTiledbUri = errors(validator.validate(request, json(ASSET_ANSWER.formatted(""))));
        assertTrue(
                withoutTiledbUri.stream().anyMatch(m -> m.contains("tiledb_uri")),
                "a missing required field is reported: " + withoutTiledbUri);
    }

    private static SimpleResponse json(String body) {
        return SimpleResponse.Builder.ok()
                .withContentType("application/json")
                .withBody(body)
                .build();
    }

    private static List<String> errors(ValidationReport report) {
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getKey() + ": " + m.getMessage())
                .toList();
    }

    private static String specUrl() {
        URL url = V4OpenApiTest.class.getResource(SPEC);
        assertNotNull(url, SPEC + " is on the class path");
        return url.toString();
    }
}
