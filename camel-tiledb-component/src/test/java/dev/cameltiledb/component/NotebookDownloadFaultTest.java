package dev.cameltiledb.component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.cameltiledb.client.TileDBConnectionException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A download to {@code outputFile} that breaks off mid-body (the emulator never does; WireMock sends a broken chunk
 * after the 200) must leave the file that was there untouched and no partial file beside it.
 */
class NotebookDownloadFaultTest extends CamelTestSupport {

    private static WireMockServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        server =
                new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(get(urlPathEqualTo("/v1/arrays/ns/nb/metadata"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"name\": \"nb\", \"namespace\": \"ns\", \"file_type\": \"notebook\"}")));
        server.stubFor(get(urlPathEqualTo("/v1/arrays/ns/nb/query/get_file"))
                .willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:download")
                        .to("tiledb:notebooks?operation=download&namespace=ns&array=nb&retryMode=disabled"
                                + "&host=http://127.0.0.1:" + server.port() + "&apiKey=fault-key");
            }
        };
    }

    @Test
    void brokenDownloadKeepsTheOldFileAndLeavesNoPartialFile() throws Exception {
        Path target = Files.writeString(dir.resolve("nb.ipynb"), "{\"the\": \"previous version\"}");
        Exchange reply = template.request(
                "direct:download", e -> e.getMessage().setHeader(TileDBConstants.OUTPUT_FILE, target.toString()));

        assertInstanceOf(TileDBConnectionException.class, reply.getException());
        assertTrue(
                reply.getException().getMessage().contains("tiledb://ns/nb"),
                reply.getException().getMessage());
        assertEquals("{\"the\": \"previous version\"}", Files.readString(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(java.util.List.of(target), files.toList(), "no .part file left behind");
        }
    }
}
