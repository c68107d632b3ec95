package dev.cameltiledb.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.cameltiledb.client.model.ArrayInfo;
import dev.cameltiledb.client.model.GroupInfo;
import dev.cameltiledb.client.model.Organization;
import dev.cameltiledb.client.model.User;
import dev.cameltiledb.emulator.TileDBEmulator;
import dev.cameltiledb.rest.AsyncCalls;
import dev.cameltiledb.testing.SilentServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seeds' {@code async_req=True}: any client call as a {@link CompletableFuture}, on the client's threads or on an
 * executor of the caller's, and cancellation that stops the call: before it starts nothing is sent, while it runs its
 * request is aborted (the server sees the connection close) and the thread is free for the next call.
 */
class AsyncCallsTest {

    private static final String TOKEN = "async-key-4d2a";
    /** Bounds a wait for something the test caused; the tests never wait for time to pass. */
    private static final long BOUND_SECONDS = 20;

    private static TileDBEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = TileDBEmulator.builder()
                .recordExchanges()
                .user("asa", TOKEN)
                .organization("asa-org", Map.of("asa", "owner"))
                .array("asa", "first", List.of(), Map.of())
                .build()
                .start();
    }

    @AfterAll
    static void stop() {
        emulator.stop();
    }

    private static TileDBClient client(String host) {
        return new TileDBClient(ClientSettings.builder()
                .host(host)
                .credentials(new Credentials.ApiKey(TOKEN, "test"))
                .retryPolicy(RetryPolicy.NONE)
                .build());
    }

    /** list_arrays, list_groups, organizations, organization and user_profile with async_req=True, all at once. */
    @Test
    void theSeedsAsyncReqFunctionsRunAtOnceOnTheClientsThreads() throws Exception {
        // each request waits at the server until all five are there: they can only complete if they run at once
        CyclicBarrier allInFlight = new CyclicBarrier(5);
        emulator.onRequest(request -> {
            try {
                allInFlight.await(BOUND_SECONDS, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the five calls were not in flight together", e);
            }
        });
        try (TileDBClient client = client(emulator.url())) {
            AsyncCalls<TileDBClient> async = client.async();
            ListingFilters none = ListingFilters.NONE;
            CompletableFuture<Page<ArrayInfo>> arrays =
                    async.call(c -> c.arrays().browse(Listing.OWNED, new ArrayListQuery(none, null, null, null), 1));
            CompletableFuture<Page<GroupInfo>> groups =
                    async.call(c -> c.groups().browse(Listing.OWNED, new GroupListQuery(none, null, true, null), 1));
            CompletableFuture<List<Organization>> organizations =
                    async.call(c -> c.users().organizations());
            CompletableFuture<Organization> organization =
                    async.call(c -> c.users().organization("asa-org"));
            CompletableFuture<String> profileThread = async.call(c -> {
                User me = c.users().profile();
                return me.username() + " on " + Thread.currentThread().getName();
            });

            assertEquals(
                    List.of("first"),
                    arrays.get(BOUND_SECONDS, TimeUnit.SECONDS).items().stream()
                            .map(ArrayInfo::name)
                            .toList());
            assertEquals(List.of(), groups.get(BOUND_SECONDS, TimeUnit.SECONDS).items());
            assertEquals(
                    List.of("asa-org"),
                    organizations.get(BOUND_SECONDS, TimeUnit.SECONDS).stream()
                            .map(Organization::name)
                            .toList());
            assertEquals(
                    "asa-org", organization.get(BOUND_SECONDS, TimeUnit.SECONDS).name());
            String profile = profileThread.get(BOUND_SECONDS, TimeUnit.SECONDS);
            assertTrue(profile.startsWith("asa on tiledb-async-"), profile);
        } finally {
            emulator.onRequest(null);
        }
    }

    @Test
    void aCallRunsOnTheExecutorGivenAndItsFailureCompletesTheFuture() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        ExecutorService mine = Executors.newSingleThreadExecutor(task -> new Thread(task, "mine"));
        try (TileDBClient client = client(emulator.url())) {
            AsyncCalls<TileDBClient> async = client.async(command -> {
                ran.incrementAndGet();
                mine.execute(command);
            });
            assertEquals(
                    "asa on mine",
                    async.call(c -> c.users().profile().username() + " on "
                                    + Thread.currentThread().getName())
                            .get(BOUND_SECONDS, TimeUnit.SECONDS));
            ExecutionException failed = assertThrows(
                    ExecutionException.class,
                    () -> async.call(c -> c.arrays().info(new AssetRef("asa", "missing")))
                            .get(BOUND_SECONDS, TimeUnit.SECONDS));
            assertInstanceOf(TileDBNotFoundException.class, failed.getCause());
            assertEquals(2, ran.get());
        } finally {
            mine.shutdown();
        }
    }

    /**
     * A server that takes requests and never answers: the cancelled call's connection must close at once (not at the
     * response timeout, a minute away), and the executor's only thread must be free, uninterrupted, for the next call.
     */
    @Test
    void cancellingAFutureAbortsItsRequestInFlight() throws Exception {
        ExecutorService single = Executors.newSingleThreadExecutor();
        try (SilentServer silent = new SilentServer();
                TileDBClient client = client(silent.url())) {
            AsyncCalls<TileDBClient> async = client.async(single);
            CompletableFuture<User> hanging = async.call(c -> c.users().profile());
            assertTrue(
                    silent.requestArrived().await(BOUND_SECONDS, TimeUnit.SECONDS), "the request reached the server");

            assertTrue(hanging.cancel(true));

            assertTrue(silent.connectionClosed().await(BOUND_SECONDS, TimeUnit.SECONDS), "the connection was closed");
            assertThrows(CancellationException.class, hanging::join);
            CompletableFuture<Boolean> next =
                    CompletableFuture.supplyAsync(() -> Thread.currentThread().isInterrupted(), single);
            assertFalse(next.get(BOUND_SECONDS, TimeUnit.SECONDS), "the thread went on interrupted");
            assertEquals(1, silent.connections(), "the cancelled call sent nothing more");
        } finally {
            single.shutdownNow();
        }
    }

    @Test
    void aCallCancelledBeforeItStartsSendsNothing() throws Exception {
        ExecutorService single = Executors.newSingleThreadExecutor();
        CountDownLatch release = new CountDownLatch(1);
        try (TileDBClient client = client(emulator.url())) {
            single.execute(() -> {
                try {
                    release.await(BOUND_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            int before = emulator.recordedExchanges().size();
            CompletableFuture<User> queued =
                    client.async(single).call(c -> c.users().profile());

            queued.cancel(false);
            release.countDown();

            // the queued task has run once a task after it has
            CompletableFuture.runAsync(() -> {}, single).get(BOUND_SECONDS, TimeUnit.SECONDS);
            assertTrue(queued.isCancelled());
            assertEquals(before, emulator.recordedExchanges().size(), "nothing was sent");
        } finally {
            single.shutdownNow();
        }
    }

    @Test
    void anExecutorThatRefusesTheCallCompletesItsFuture() {
        try (TileDBClient client = client(emulator.url())) {
            CompletableFuture<User> refused = client.async(command -> {
                        throw new java.util.concurrent.RejectedExecutionException("full");
                    })
                    .call(c -> c.users().profile());
            assertTrue(refused.isCompletedExceptionally());
            ExecutionException e = assertThrows(ExecutionException.class, refused::get);
            assertInstanceOf(java.util.concurrent.RejectedExecutionException.class, e.getCause());
        }
    }
}
