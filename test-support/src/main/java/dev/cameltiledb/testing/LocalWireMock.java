package dev.cameltiledb.testing;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A WireMock server on loopback for one test class, with no stubs and no request log at the start of each test:
 * {@code @RegisterExtension static final LocalWireMock SERVER = new LocalWireMock();}.
 */
public final class LocalWireMock implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private WireMockServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server =
                new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server.resetAll();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.stop();
    }

    public WireMockServer server() {
        return server;
    }

    /** The base URL to give a client, such as {@code http://127.0.0.1:40123}. */
    public String url() {
        return "http://127.0.0.1:" + server.port();
    }
}
