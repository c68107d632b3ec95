package dev.cameltiledb.arraylake.component;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import dev.cameltiledb.testing.Hostile;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.ExceptionHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static dev.cameltiledb.testing.Hostile.answer;
import static dev.cameltiledb.testing.Hostile.endless;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code arraylake:repos} change feed against a loopback server that misbehaves on purpose (issue 27, items 1
 * and 6): an endless answer, a server that never answers, and paging counts that do not agree each end the poll with
 * an error naming the bound or the fault, handed to the consumer's exception handler; the feed polls again, delivers
 * nothing of the broken listing, and takes its baseline and reports changes once the server answers properly. Waits
 * are on the requests the server counted and on what the route and the handler saw, never on the clock; the class
 * timeout only turns a hang, what these faults caused before, into a failure.
 */
@Timeout(120)
class RepoFeedHostileServerTest {

    private static final String TOKEN = "ema_f33df33df33df33df33df33df33df33d";
    private static final String CLIMATE = repo("0123456789abcdef01234567", "climate");
    private static final String WEATHER = repo("0123456789abcdef01234568", "weather");

    /** How the server answers the listing now; switched by the test between polls. */
    private final AtomicReference<HostileHandler> mode = new AtomicReference<>();

    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private final List<String> seen = Collections.synchronizedList(new ArrayList<>());
    /** Released at the end so the silent answers' handler threads end. */
    private final CountDownLatch over = new CountDownLatch(1);

    @FunctionalInterface
    private interface HostileHandler {
        void handle(HttpExchange exchange) throws Exception;
    }

    private static String repo(String id, String name) {
        return "{\"_id\":\"" + id + "\",\"org\":\"acme\",\"name\":\"" + name
                + "\",\"updated\":\"2026-01-01T00:00:00Z\"}";
    }

    private static HostileHandler page(String paging, String... repos) {
        return x -> answer(x, 200, "{\"items\":[" + String.join(",", repos) + "]," + paging + "}");
    }

    private static HostileHandler consistent(String... repos) {
        return page("\"total\":" + repos.length + ",\"size\":100,\"pages\":1,\"page\":1", repos);
    }

    private Hostile server() throws Exception {
        return new Hostile(x -> {
            try {
                mode.get().handle(x);
            } catch (Exception e) {
                x.close();
            }
        });
    }

    /** Starts the feed on {@code server} with the given options; errors and changes are recorded. */
    private CamelContext feed(Hostile server, String options) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        ArraylakeComponent component = new ArraylakeComponent();
        component.setEnvironment(Map.of(), Fixture.emptyHome());
        camel.addComponent("arraylake", component);
        camel.getRegistry().bind("errors", (ExceptionHandler) new Recording());
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("arraylake:repos?org=acme&delay=20&exceptionHandler=#errors&serviceUri=" + server.url() + "&token="
                                + TOKEN + options)
                        .routeId("hostile-feed")
                        .process(e -> seen.add(e.getMessage().getHeader(ArraylakeConstants.CHANGE_TYPE) + " "
                                + e.getMessage().getHeader(ArraylakeConstants.REPO)));
            }
        });
        camel.start();
        return camel;
    }

    private final class Recording implements ExceptionHandler {
        @Override
        public void handleException(Throwable exception) {
            handleException(null, null, exception);
        }

        @Override
        public void handleException(String message, Throwable exception) {
            handleException(message, null, exception);
        }

        @Override
        public void handleException(String message, Exchange exchange, Throwable exception) {
            errors.add(String.valueOf(exception.getMessage()));
        }
    }

    private static void awaitRequests(Hostile server, int n) {
        Fixture.until(() -> server.requests.get() >= n, n + " requests");
    }

    private void awaitErrors(int n) {
        Fixture.until(() -> errors.size() >= n, n + " poll errors, saw " + errors);
    }

    /**
     * An endless listing fails each poll at maxResponseSize after one request, nothing is delivered of it, and the
     * feed keeps polling: once the listing is whole again the change it holds is reported, once.
     */
    @Test
    void anEndlessListingFailsThePollAtTheSizeLimitAndTheFeedGoesOn() throws Exception {
        mode.set(consistent(CLIMATE));
        try (Hostile server = server();
                CamelContext camel = feed(server, "&maxResponseSize=65536")) {
            awaitRequests(server, 2); // the baseline, and a poll after it
            mode.set(x -> endless(x, 200, 0, "{\"items\": [{\"_id\": \""));
            int before = errors.size();
            int requests = server.requests.get();
            awaitErrors(before + 2);
            String error = errors.get(before);
            assertTrue(
                    error.contains("GET /orgs/acme/repos/paginated is larger than maxResponseSize (65536 bytes)"),
                    error);
            assertEquals(List.of(), seen, "nothing of a listing cut short is delivered");
            assertTrue(
                    server.requests.get() <= requests + errors.size() - before + 1,
                    "one request per failed poll, not retried: " + server.requests.get() + " after " + requests);

            mode.set(consistent(CLIMATE, WEATHER));
            Fixture.until(() -> seen.contains("created acme/weather"), "the change after the fault, saw " + seen);
            int now = server.requests.get();
            awaitRequests(server, now + 2);
            assertEquals(List.of("created acme/weather"), seen, "reported once, nothing else");
        } finally {
            over.countDown();
        }
    }

    /**
     * A server that accepts the listing request and never answers ends the poll at callTimeout with one request
     * per poll; the next poll is seen by the server, and once it answers the baseline is taken and changes flow.
     */
    @Test
    void aSilentServerEndsThePollAtTheCallTimeoutAndTheFeedGoesOn() throws Exception {
        mode.set(x -> over.await());
        try (Hostile server = server();
                CamelContext camel = feed(server, "&callTimeout=300&requestTimeout=60000&maxRetryTime=60000")) {
            awaitErrors(2);
            for (String error : errors.subList(0, 2)) {
                assertEquals(
                        "GET /orgs/acme/repos/paginated did not complete within callTimeout (300 ms); it was"
                                + " cancelled",
                        error);
            }
            awaitRequests(server, 2);
            assertTrue(
                    server.requests.get() <= errors.size() + 1,
                    "one request per poll: " + server.requests.get() + " for " + errors.size() + " errors");

            mode.set(consistent(CLIMATE));
            int now = server.requests.get();
            awaitRequests(server, now + 2); // the baseline is taken from an answered listing
            mode.set(consistent(CLIMATE, WEATHER));
            Fixture.until(() -> seen.contains("created acme/weather"), "the change after the baseline, saw " + seen);
            assertEquals(List.of("created acme/weather"), seen);
        } finally {
            over.countDown();
        }
    }

    /**
     * Paging counts that do not agree ({@code total} 1000 in one page of 100) or a negative page count fail the poll
     * with the named error instead of taking a baseline of a part of the org (or none, silently); once the server
     * answers consistently, the baseline is taken and a later change is reported against it.
     */
    @Test
    void inconsistentPagingFailsThePollNamingItAndTheBaselineComesWhenItIsConsistent() throws Exception {
        mode.set(page("\"total\":1000,\"size\":100,\"pages\":1,\"page\":1", CLIMATE));
        try (Hostile server = server();
                CamelContext camel = feed(server, "")) {
            awaitErrors(1);
            assertTrue(errors.get(0).contains("paging counts that do not agree"), errors.get(0));
            mode.set(page("\"total\":1,\"size\":100,\"pages\":-3,\"page\":1", CLIMATE));
            int before = errors.size();
            Fixture.until(
                    () -> errors.stream().skip(before).anyMatch(e -> e.contains("negative paging counts")),
                    "the negative page count named, saw " + errors);
            assertEquals(List.of(), seen, "no baseline and nothing delivered from counts that do not agree");

            mode.set(consistent(CLIMATE));
            int requests = server.requests.get();
            awaitRequests(server, requests + 2); // the baseline, then a poll against it
            mode.set(consistent(CLIMATE, WEATHER));
            Fixture.until(() -> seen.contains("created acme/weather"), "the change after the baseline, saw " + seen);
            assertEquals(
                    List.of("created acme/weather"),
                    seen,
                    "climate is in the baseline: the first consistent listing was taken as it");
        } finally {
            over.countDown();
        }
    }
}
