package dev.cameltiledb.arraylake.emulator;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What tests use to steer and observe the emulator: faults, the request log, recorded exchanges, bulk repos. */
class InspectionHttpTest {

    private ArraylakeEmulator emu;

    @BeforeEach
    void start() {
        emu = Fixtures.standard().recordExchanges().build().start();
    }

    @AfterEach
    void stop() {
        emu.stop();
    }

    @Test
    void faultsHitOnlyMatchingRequestsAndRunOut() {
        emu.faults().failNext(2, 503, "GET", "/orgs/acme/repos", 7);
        Api etl = Fixtures.service(emu);
        assertEquals(
                201, etl.post("/orgs/acme/repos", "{\"name\": \"unaffected\"}").status(), "other method");
        assertEquals(200, etl.get("/repos/acme/climate").status(), "other path");
        Api.Reply first = etl.get("/orgs/acme/repos/paginated");
        assertEquals(503, first.status());
        assertEquals("7", first.header("retry-after"));
        assertTrue(first.header("x-request-id") != null);
        assertEquals(503, etl.get("/orgs/acme/repos/paginated").status());
        assertEquals(200, etl.get("/orgs/acme/repos/paginated").status());

        emu.faults().failNext(1, 500, null, null, null);
        Api.Reply any = new Api(emu.url(), null).get("/user");
        assertEquals(500, any.status(), "before authentication");
        assertEquals(null, any.header("retry-after"));
        assertEquals(401, new Api(emu.url(), null).get("/user").status());
    }

    @Test
    void requestLogKeepsEveryRequestWithoutTokens() throws InterruptedException {
        Api etl = Fixtures.service(emu);
        etl.get("/orgs/acme/repos/paginated?page=1");
        new Api(emu.url(), null).get("/refresh_token?token=secret-refresh");
        assertTrue(emu.awaitRequests(2, Duration.ofSeconds(5)));
        List<RequestLine> lines = emu.requests();
        assertEquals(new RequestLine("GET", "/orgs/acme/repos/paginated", "page=1", true), lines.get(0));
        assertEquals(new RequestLine("GET", "/refresh_token", "token=***", false), lines.get(1));
        assertFalse(emu.awaitRequests(3, Duration.ofMillis(50)), "no third request came");
        emu.clearRequests();
        assertEquals(List.of(), emu.requests());
    }

    @Test
    void recordedExchangesLeaveOutAuthorizationAndTokens() {
        Api etl = Fixtures.service(emu);
        etl.get("/orgs/acme/api-clients/authenticate?token=" + Fixtures.ETL_TOKEN);
        RecordedExchange exchange = emu.recordedExchanges().get(0);
        assertTrue(exchange.authorizationPresent());
        assertFalse(exchange.requestHeaders().containsKey("authorization"));
        assertEquals(List.of("***"), exchange.query().get("token"));
        assertEquals(200, exchange.status());
        assertTrue(exchange.responseHeaders().containsKey("x-request-id"));
        assertTrue(exchange.responseText().contains("etl@acme.example"));
        for (RecordedExchange any : emu.recordedExchanges()) {
            assertFalse(any.toString().contains(Fixtures.ETL_TOKEN));
        }
    }

    @Test
    void bulkReposListCheaplyInPagesOfAHundred() {
        String bucket = "main-bucket";
        List<String> names = emu.bulkRepos("acme", bucket, "bench-", 10_000);
        assertEquals("bench-00001", names.get(0));
        Api etl = Fixtures.service(emu);
        int seen = 0;
        String previous = "";
        for (int page = 1; page <= 101; page++) {
            var body =
                    etl.get("/orgs/acme/repos/paginated?size=100&page=" + page).body();
            assertEquals(10_002, body.path("total").asInt());
            assertEquals(101, body.path("pages").asInt());
            for (var item : body.path("items")) {
                String name = item.path("name").asText();
                assertTrue(name.compareTo(previous) > 0, name + " after " + previous);
                previous = name;
                seen++;
            }
        }
        assertEquals(10_002, seen);
    }

    @Test
    void concurrentCreatesOfOneNameGiveExactlyOneRepo() throws Exception {
        Api etl = Fixtures.service(emu);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> same = new java.util.ArrayList<>();
            List<Future<Integer>> distinct = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                same.add(pool.submit(() ->
                        etl.post("/orgs/acme/repos", "{\"name\": \"race\"}").status()));
                int n = i;
                distinct.add(pool.submit(() -> etl.post("/orgs/acme/repos", "{\"name\": \"own-" + n + "\"}")
                        .status()));
            }
            int created = 0;
            for (Future<Integer> status : same) {
                int code = status.get();
                assertTrue(code == 201 || code == 409, "status " + code);
                created += code == 201 ? 1 : 0;
            }
            assertEquals(1, created);
            for (Future<Integer> status : distinct) {
                assertEquals(201, status.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(
                2 + 1 + 16,
                etl.get("/orgs/acme/repos/paginated").body().path("total").asInt());
    }

    @Test
    void outOfBandChangesMoveUpdatedAndStatus() {
        RepoSnapshot before = emu.repo("acme", "climate").orElseThrow();
        RepoSnapshot touched = emu.touchRepo("acme", "climate");
        assertTrue(touched.updated().isAfter(before.updated()));
        RepoSnapshot offline = emu.setRepoStatus("acme", "climate", "offline", "migration");
        assertEquals("offline", offline.statusMode());
        assertEquals(
                "offline",
                Fixtures.service(emu)
                        .get("/repos/acme/climate")
                        .body()
                        .path("status")
                        .path("mode")
                        .asText());
        RepoSnapshot made = emu.createRepo("acme", "side", "main-bucket");
        assertEquals("main-bucket", made.bucketNickname());
    }
}
