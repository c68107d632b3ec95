package dev.cameltiledb.component;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import dev.cameltiledb.client.TileDBApiException;
import dev.cameltiledb.client.TileDBException;
import dev.cameltiledb.client.model.TaskGraphLog;
import dev.cameltiledb.testing.LocalWireMock;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a misbehaving service does to the data plane's results, against a stub server: a {@code null} answer, a JSON
 * array of rows that breaks off or turns malformed, a UDF's value that is not JSON, a JSON query whose columns differ in
 * length, an execution without an id. Each fails the exchange with an error naming the call (and the row), and nothing
 * half-made reaches the body; a streamed result delivers the rows before the fault, then fails the exchange. A query or
 * a UDF the service failed with a status retryMode=forceful retries is sent once, where a read is retried.
 */
class DataPlaneFaultsTest extends CamelTestSupport {

    @RegisterExtension
    static final LocalWireMock SERVICE = new LocalWireMock();

    private static final int MAX_RETRIES = 2;

    private final List<Object> streamed = Collections.synchronizedList(new ArrayList<>());

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                String connection = "host=" + SERVICE.url() + "&apiKey=stub-key&retryMode=forceful";
                from("direct:sql").to("tiledb:sql?namespace=acme&" + connection);
                from("direct:stream")
                        .to("tiledb:sql?namespace=acme&streamResults=true&" + connection)
                        .split(body())
                        .streaming()
                        .process(e -> streamed.add(e.getMessage().getBody()));
                from("direct:udf").to("tiledb:udf?namespace=acme&udfName=acme/f&" + connection);
                from("direct:query").to("tiledb:arrays?operation=query&namespace=acme&array=a&" + connection);
                from("direct:tasks")
                        .to("tiledb:tasks?operation=list&retryBackoffBase=1&retryBackoffMax=2&maxRetries=" + MAX_RETRIES
                                + "&" + connection);
                from("direct:graph").to("tiledb:taskgraphs?operation=submit&namespace=acme&" + connection);
            }
        };
    }

    private Exchange send(String endpoint, Object body) {
        return template.request(endpoint, e -> e.getMessage().setBody(body));
    }

    private static String failure(Exchange reply) {
        return assertInstanceOf(TileDBException.class, reply.getException()).getMessage();
    }

    @Test
    void aNullAnswerIsNoRows() {
        SERVICE.server().stubFor(post(urlPathEqualTo("/v1/sql/acme")).willReturn(okJson("null")));
        Exchange reply = send("direct:sql", "select 1");
        String message = failure(reply);
        assertTrue(message.contains("with null where a JSON array of rows was expected"), message);
        assertTrue(message.contains("POST /v1/sql/acme"), message);
        assertEquals("select 1", reply.getMessage().getBody(), "nothing half-delivered");
    }

    @Test
    void rowsThatTurnMalformedFailTheExchangeNamingTheRowAndNoListIsMade() {
        SERVICE.server()
                .stubFor(post(urlPathEqualTo("/v1/sql/acme")).willReturn(okJson("[{\"a\": 1}, {\"a\": 2}, {\"a\": ]")));
        Exchange collected = send("direct:sql", "select a");
        String message = failure(collected);
        assertTrue(message.contains("not JSON at row 3"), message);
        assertEquals("select a", collected.getMessage().getBody(), "no partial list");

        Exchange split = send("direct:stream", "select a");
        assertTrue(failure(split).contains("at row 3"), failure(split));
        // the splitter reads a row ahead: the rows before the one it was looking at when the fault came, then the error
        assertEquals(Map.of("a", 1), streamed.get(0));
        assertTrue(streamed.size() <= 2, String.valueOf(streamed));
    }

    @Test
    void rowsThatBreakOffAreAnError() {
        SERVICE.server()
                .stubFor(post(urlPathEqualTo("/v1/sql/acme"))
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "application/json")
                                .withBody("[{\"a\": 1}, {\"a\": 2}")));
        String message = failure(send("direct:sql", "select a"));
        assertTrue(message.contains("POST /v1/sql/acme") && message.contains("at row 3"), message);
    }

    @Test
    void aUdfValueThatIsNotJsonIsAnError() {
        SERVICE.server()
                .stubFor(post(urlPathEqualTo("/v1/udfs/generic/acme"))
                        .willReturn(aResponse().withStatus(200).withBody("{\"total\": ")));
        Exchange reply = send("direct:udf", List.of(1));
        String message = failure(reply);
        assertTrue(message.contains("is not JSON"), message);
        assertEquals(List.of(1), reply.getMessage().getBody());
    }

    @Test
    void aJsonQueryWhoseColumnsDifferInLengthIsAnError() {
        SERVICE.server()
                .stubFor(post(urlPathEqualTo("/v1/arrays/acme/a/query/submit_query_json"))
                        .willReturn(okJson("{\"id\": [1, 2, 3], \"v\": [10, 20]}")));
        String message = failure(send("direct:query", null));
        assertTrue(message.contains("columns of different lengths"), message);
    }

    @Test
    void anExecutionWithoutAnIdCannotBeFollowed() {
        SERVICE.server()
                .stubFor(post(urlPathEqualTo("/v1/taskgraphs/acme/graphs"))
                        .willReturn(
                                okJson("{\"uuid\": \"g-1\", \"name\": \"g\"}").withStatus(201)));
        SERVICE.server()
                .stubFor(post(urlPathEqualTo("/v1/taskgraphs/acme/graphs/g-1/submit"))
                        .willReturn(okJson("{\"status\": \"submitted\"}").withStatus(202)));
        Exchange reply = send(
                "direct:graph",
                Map.of(
                        "name",
                        "g",
                        "nodes",
                        List.of(Map.of("client_node_id", "one", "sql_node", Map.of("query", "select 1")))));
        String message = failure(reply);
        assertTrue(message.contains("without naming it"), message);
        assertTrue(!(reply.getMessage().getBody() instanceof TaskGraphLog), "no log in the body");
    }

    @Test
    void aQueryTheServiceFailedIsNotRunAgain() {
        SERVICE.server()
                .stubFor(post(urlPathEqualTo("/v1/sql/acme"))
                        .willReturn(aResponse().withStatus(503).withBody("busy")));
        Exchange reply = send("direct:sql", "select 1");
        assertEquals(
                503,
                assertInstanceOf(TileDBApiException.class, reply.getException()).getStatusCode());
        SERVICE.server().verify(1, postRequestedFor(urlPathEqualTo("/v1/sql/acme")));
    }

    @Test
    void aUdfTheServiceFailedIsNotRunAgainWhileAReadIs() {
        SERVICE.server()
                .stubFor(post(urlPathEqualTo("/v1/udfs/generic/acme"))
                        .willReturn(aResponse().withStatus(502).withBody("bad gateway")));
        Exchange reply = send("direct:udf", List.of(1));
        assertEquals(
                502,
                assertInstanceOf(TileDBApiException.class, reply.getException()).getStatusCode());
        SERVICE.server().verify(1, postRequestedFor(urlPathEqualTo("/v1/udfs/generic/acme")));

        // the same answer to a read is retried by retryMode=forceful
        SERVICE.server()
                .stubFor(get(urlPathEqualTo("/v1/tasks"))
                        .willReturn(aResponse().withStatus(502).withBody("bad gateway")));
        template.request("direct:tasks", e -> {});
        SERVICE.server().verify(1 + MAX_RETRIES, getRequestedFor(urlPathEqualTo("/v1/tasks")));
    }
}
