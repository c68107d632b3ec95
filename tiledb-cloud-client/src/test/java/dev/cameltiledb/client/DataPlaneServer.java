package dev.cameltiledb.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.cameltiledb.testing.LocalWireMock;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The WireMock server of a data-plane test class ({@code @RegisterExtension static final DataPlaneServer SERVER}):
 * empty at the start of each test, every exchange of the test checked against the official spec after it
 * ({@link SpecCheck}), and clients for it with an API key, a classic server and their retry waits recorded, not spent.
 */
final class DataPlaneServer implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

    static final String KEY = "dataplane-key";
    static final String TASK_ID = "9a3c1f52-7d2e-4b8a-a1f0-3c5e8d7b6a41";

    private final LocalWireMock wireMock = new LocalWireMock();
    private final List<Long> waits = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void beforeAll(ExtensionContext context) {
        wireMock.beforeAll(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        wireMock.beforeEach(context);
        waits.clear();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        SpecCheck.assertConforms(server());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        wireMock.afterAll(context);
    }

    /** An answer of {@code contentType}. */
    static ResponseDefinitionBuilder answer(int status, String contentType, String body) {
        return WireMock.aResponse()
                .withStatus(status)
                .withHeader("Content-Type", contentType)
                .withBody(body);
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return answer(status, "application/json", body);
    }

    /** A JSON answer of a call that started a task, with the task's id. */
    static ResponseDefinitionBuilder taskJson(int status, String body) {
        return json(status, body).withHeader(RestTransport.TASK_ID_HEADER, TASK_ID);
    }

    WireMockServer server() {
        return wireMock.server();
    }

    String url() {
        return wireMock.url();
    }

    /** The waits between retries the clients asked for, in order. */
    List<Long> waits() {
        return waits;
    }

    /** How many requests the server received in this test. */
    int requests() {
        return server().getAllServeEvents().size();
    }

    TileDBClient client() {
        return client(UnaryOperator.identity());
    }

    /** A client of settings {@code adjust}ed from {@link #settings(String)}. */
    TileDBClient client(UnaryOperator<ClientSettings.Builder> adjust) {
        return new TileDBClient(adjust.apply(settings(url())).build(), waits::add);
    }

    /** An API key, a classic server (no generation question), short timeouts. */
    static ClientSettings.Builder settings(String url) {
        return ClientSettings.builder()
                .host(url)
                .credentials(new Credentials.ApiKey(KEY, "test"))
                .serverGeneration(ServerGeneration.CLASSIC)
                .timeouts(2000, 5000, 500);
    }
}
