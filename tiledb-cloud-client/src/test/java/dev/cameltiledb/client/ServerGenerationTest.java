package dev.cameltiledb.client;

import dev.cameltiledb.testing.LocalWireMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which server a client talks to, and addresses that do not fit it: asked of the server at most once, only when it
 * matters, and never when the settings say.
 */
class ServerGenerationTest {

    @RegisterExtension
    static final LocalWireMock SERVER = new LocalWireMock();

    private static final String INFO = "{\"id\": \"1\", \"namespace\": \"acme\", \"name\": \"sales\"}";

    private static TileDBClient client(ServerGeneration generation) {
        return new TileDBClient(ClientSettings.builder()
                .host(SERVER.url())
                .credentials(new Credentials.ApiKey("generation-key", "test"))
                .serverGeneration(generation)
                .retryPolicy(RetryPolicy.NONE)
                .build());
    }

    private static int capabilityQuestions() {
        return requestsTo("/v4/capabilities");
    }

    /** Requests whose path was sent exactly as given (encoded as on the wire). */
    private static int requestsTo(String path) {
        return (int) SERVER.server().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().replaceAll("\\?.*", "").equals(path))
                .count();
    }

    @Test
    void aClassicServerIsNeverAskedWhileClassicAddressesWork() {
        SERVER.server()
                .stubFor(get(urlPathEqualTo("/v1/arrays/acme/sales/metadata"))
                        .willReturn(aResponse().withStatus(200).withBody(INFO)));
        try (TileDBClient client = client(ServerGeneration.AUTO)) {
            client.arrays().info(AssetRef.parse("tiledb://acme/sales"));
            client.arrays().info(AssetRef.parse("tiledb://acme/sales"));
        }
        assertEquals(0, capabilityQuestions());
    }

    @Test
    void aV4CallOnAClassicServerSaysTheResourceExistsOnlyOnTheWorkspacePlatform() {
        try (TileDBClient client = client(ServerGeneration.CLASSIC)) {
            TileDBConfigurationException e = assertThrows(
                    TileDBConfigurationException.class,
                    () -> client.teamspaces().list("acme", null, null, null));
            assertEquals(
                    "Workspaces, teamspaces, assets, folders, files and credentials (the /v4 API) exist only on the"
                            + " workspace platform, but http://127.0.0.1:"
                            + SERVER.server().port()
                            + " is a classic TileDB Cloud server (serverGeneration=classic)",
                    e.getMessage());
        }
        assertEquals(0, requestsTo("/v4/teamspaces/acme"), "nothing sent");
    }

    @Test
    void aWorkspaceAddressOnAClassicServerIsRefusedAfterOneQuestion() {
        try (TileDBClient client = client(ServerGeneration.AUTO)) {
            for (int i = 0; i < 2; i++) {
                TileDBConfigurationException e = assertThrows(
                        TileDBConfigurationException.class,
                        () -> client.arrays().info(AssetRef.parse("tiledb://genomics/research/cohort")));
                assertEquals(
                        "tiledb://genomics/research/cohort is a workspace address (tiledb://workspace/teamspace/path),"
                                + " but http://127.0.0.1:" + SERVER.server().port()
                                + " is a classic TileDB Cloud server; give"
                                + " a tiledb://namespace/name address",
                        e.getMessage());
            }
            assertEquals(ServerGeneration.CLASSIC, client.serverGeneration());
        }
        assertEquals(1, capabilityQuestions(), "asked once per client");
        assertEquals(0, requestsTo("/v1/arrays/genomics/research/cohort/metadata"), "nothing sent for the asset");
    }

    @Test
    void onAWorkspaceServerAClassicAddressIsNamedAndWorkspacePathsAreSent() {
        SERVER.server()
                .stubFor(get(urlPathEqualTo("/v4/capabilities"))
                        .willReturn(aResponse().withStatus(200).withBody("{}")));
        SERVER.server()
                .stubFor(get(urlPathEqualTo("/v1/arrays/genomics/research/cohorts%2F2026/metadata"))
                        .willReturn(aResponse().withStatus(200).withBody(INFO)));
        try (TileDBClient client = client(ServerGeneration.AUTO)) {
            // not known yet: the classic address goes out, meets the workspace server's 404, and the error names the
            // address form rather than a missing array
            TileDBConfigurationException e = assertThrows(
                    TileDBConfigurationException.class,
                    () -> client.arrays().info(AssetRef.parse("tiledb://acme/sales")));
            assertTrue(e.getMessage().startsWith("tiledb://acme/sales is a classic address"), e.getMessage());
            assertTrue(e.getMessage().endsWith("give a tiledb://workspace/teamspace/path address"), e.getMessage());
            assertEquals(1, requestsTo("/v1/arrays/acme/sales/metadata"));
            // known now: the next classic address is refused before it is sent
            assertThrows(
                    TileDBConfigurationException.class,
                    () -> client.arrays().info(AssetRef.parse("tiledb://acme/sales")));
            assertEquals(1, requestsTo("/v1/arrays/acme/sales/metadata"));

            client.arrays().info(AssetRef.parse("tiledb://genomics/research/cohorts/2026"));
            assertEquals(1, requestsTo("/v1/arrays/genomics/research/cohorts%2F2026/metadata"), "one path segment");
            assertEquals(ServerGeneration.WORKSPACE, client.serverGeneration());
        }
        assertEquals(1, capabilityQuestions());
    }

    @Test
    void aMissingClassicArrayOnAClassicServerStaysNotFound() {
        try (TileDBClient client = client(ServerGeneration.AUTO)) {
            assertThrows(
                    TileDBNotFoundException.class, () -> client.arrays().info(AssetRef.parse("tiledb://acme/gone")));
            assertThrows(
                    TileDBNotFoundException.class, () -> client.arrays().info(AssetRef.parse("tiledb://acme/gone")));
        }
        assertEquals(1, capabilityQuestions(), "the first 404 asks once; the answer is kept");
    }

    @Test
    void aConfiguredGenerationIsNeverAsked() {
        try (TileDBClient client = client(ServerGeneration.CLASSIC)) {
            TileDBConfigurationException e = assertThrows(
                    TileDBConfigurationException.class,
                    () -> client.arrays().info(AssetRef.parse("tiledb://genomics/research/cohort")));
            assertTrue(e.getMessage().contains("(serverGeneration=classic)"), e.getMessage());
        }
        assertEquals(0, capabilityQuestions());
    }

    @Test
    void aQuestionThatFailsNamesTheOptionAndIsAskedAgainNextTime() {
        SERVER.server()
                .stubFor(get(urlPathEqualTo("/v4/capabilities"))
                        .willReturn(aResponse().withStatus(500)));
        try (TileDBClient client = client(ServerGeneration.AUTO)) {
            for (int i = 0; i < 2; i++) {
                TileDBConnectionException e = assertThrows(
                        TileDBConnectionException.class,
                        () -> client.arrays().info(AssetRef.parse("tiledb://genomics/research/cohort")));
                assertTrue(e.getMessage().contains("set serverGeneration to classic or workspace"), e.getMessage());
            }
        }
        assertEquals(2, capabilityQuestions(), "an unsettled question is not remembered");
    }
}
