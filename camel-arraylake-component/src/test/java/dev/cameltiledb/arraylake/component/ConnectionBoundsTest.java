package dev.cameltiledb.arraylake.component;

import java.util.List;

import dev.cameltiledb.arraylake.client.ArraylakeApiException;
import dev.cameltiledb.arraylake.client.ArraylakeConnectionException;
import dev.cameltiledb.arraylake.client.ArraylakeException;
import dev.cameltiledb.arraylake.emulator.CheckedArraylakeEmulator;
import dev.cameltiledb.testing.LocalWireMock;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client's call bounds as connection options of a route (issue 27): maxResponseSize, maxRetryTime and callTimeout
 * each reach the client and bound the call, asserted by the bound the error names and the requests the server saw.
 */
class ConnectionBoundsTest {

    @RegisterExtension
    static final CheckedArraylakeEmulator AL = new CheckedArraylakeEmulator(Fixture::seed);

    @RegisterExtension
    static final LocalWireMock SLOW = new LocalWireMock();

    private static CamelContext camel;

    @BeforeAll
    static void start() throws Exception {
        camel = Fixture.camel(AL.emulator(), Fixture.ADMIN_TOKEN);
        camel.start();
    }

    @AfterAll
    static void stop() throws Exception {
        camel.close();
    }

    private static Exchange send(String uri) {
        return camel.createProducerTemplate().request(uri, e -> {});
    }

    @Test
    void aRoutesMaxResponseSizeRefusesALargerAnswer() {
        Exchange small = send("arraylake:repos?operation=list&org=acme&maxResponseSize=200");
        ArraylakeException e = assertInstanceOf(ArraylakeException.class, small.getException());
        assertTrue(
                e.getMessage()
                        .contains("GET /orgs/acme/repos/paginated is larger than maxResponseSize (200 bytes); it was"
                                + " abandoned unread"),
                e.getMessage());
        Exchange usual = send("arraylake:repos?operation=list&org=acme");
        assertFalse(usual.isFailed(), "the default, sized by the heap, reads the same answer");
        assertFalse(usual.getMessage().getBody(List.class).isEmpty());
    }

    @Test
    void aRoutesMaxRetryTimeStopsRetryingWhenTheNextWaitDoesNotFit() {
        long before = Fixture.count(AL.emulator(), "GET", "/user");
        AL.emulator().faults().failNext(1, 503, "GET", "/user", 1);
        Exchange brief = send("arraylake:user?maxRetryTime=10&maxRetryAfter=50");
        ArraylakeApiException e = assertInstanceOf(ArraylakeApiException.class, brief.getException());
        assertEquals(503, e.status());
        assertEquals(before + 1, Fixture.count(AL.emulator(), "GET", "/user"), "a wait of 50 ms does not fit 10 ms");

        AL.emulator().faults().failNext(1, 503, "GET", "/user", 1);
        Exchange patient = send("arraylake:user?maxRetryTime=1m&maxRetryAfter=50");
        assertFalse(patient.isFailed(), "retried within a minute");
        assertEquals(before + 3, Fixture.count(AL.emulator(), "GET", "/user"));
    }

    @Test
    void aRoutesCallTimeoutEndsAnAnswerThatTricklesInAndDefaultsToTheRequestTimeout() {
        // 40 chunks over 8 s: each comes well within the socket timeout, the whole answer does not
        SLOW.server()
                .stubFor(get(urlEqualTo("/user"))
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"id\": \"6f0d3c1e-0000-4000-8000-000000000001\", \"email\":"
                                        + " \"slow@example.com\", \"first_name\": \"Slow\", \"family_name\": \"Drip\"}")
                                .withChunkedDribbleDelay(40, 8000)));
        String slow = "arraylake:user?serviceUri=" + SLOW.url() + "&requestTimeout=1500";
        Exception bounded = send(slow + "&callTimeout=600").getException();
        assertInstanceOf(ArraylakeConnectionException.class, bounded);
        assertEquals("GET /user did not complete within callTimeout (600 ms); it was cancelled", bounded.getMessage());

        Exception byDefault = send(slow).getException();
        assertInstanceOf(ArraylakeConnectionException.class, byDefault);
        assertEquals(
                "GET /user did not complete within callTimeout (1500 ms); it was cancelled",
                byDefault.getMessage(),
                "unless set, the requestTimeout");
    }
}
