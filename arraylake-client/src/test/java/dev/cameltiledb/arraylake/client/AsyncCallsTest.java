package dev.cameltiledb.arraylake.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.cameltiledb.arraylake.client.model.BucketConfig;
import dev.cameltiledb.arraylake.client.model.Repo;
import dev.cameltiledb.arraylake.client.model.RepoName;
import dev.cameltiledb.arraylake.client.model.RepoQuery;
import dev.cameltiledb.arraylake.emulator.CheckedArraylakeEmulator;
import dev.cameltiledb.rest.AsyncCalls;
import dev.cameltiledb.testing.SilentServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seed's {@code AsyncClient}: any client call as a {@link CompletableFuture}, on the client's threads or on an
 * executor of the caller's, and cancellation that stops the call: before it starts nothing is sent, while it runs its
 * request is aborted (the server sees the connection close) and the thread is free for the next call.
 */
class AsyncCallsTest {

    private static final String TOKEN = "ema_async000000000000000000000000";
    /** Bounds a wait for something the test caused; the tests never wait for time to pass. */
    private static final long BOUND_SECONDS = 20;

    @RegisterExtension
    static final CheckedArraylakeEmulator AL = new CheckedArraylakeEmulator(b -> b.org("acme")
            .serviceAccount("acme", "etl@acme.example", TOKEN, "admin")
            .bucket(
                    "acme",
                    "main",
                    "s3",
                    "acme-data",
                    "",
                    Map.of("region_name", "us-east-1"),
                    Map.of("method", "anonymous"))
            .repo("acme", "climate", "main"));

    /** list_repos, get_repo_object, list_bucket_configs and get_permission_check, awaited together. */
    @Test
    void theAsyncClientsFunctionsCompleteOnTheClientsThreads() throws Exception {
        try (ArraylakeClient client = EmulatorClients.client(AL, TOKEN)) {
            AsyncCalls<ArraylakeClient> async = client.async();
            CompletableFuture<List<Repo>> repos = async.call(c -> c.repos().list("acme", RepoQuery.all()));
            CompletableFuture<Repo> climate = async.call(c -> c.repos().get(RepoName.parse("acme/climate")));
            CompletableFuture<List<BucketConfig>> buckets =
                    async.call(c -> c.buckets().list("acme"));
            CompletableFuture<String> thread =
                    async.call(c -> Thread.currentThread().getName());

            CompletableFuture.allOf(repos, climate, buckets, thread).get(BOUND_SECONDS, TimeUnit.SECONDS);
            assertEquals(
                    List.of("climate"), repos.get().stream().map(Repo::name).toList());
            assertEquals("climate", climate.get().name());
            assertEquals(
                    List.of("main"),
                    buckets.get().stream().map(BucketConfig::nickname).toList());
            assertTrue(thread.get().startsWith("arraylake-async-"), thread.get());
        }
    }

    @Test
    void aCallRunsOnTheExecutorGivenAndItsFailureCompletesTheFuture() throws Exception {
        ExecutorService mine = Executors.newSingleThreadExecutor(task -> new Thread(task, "mine"));
        try (ArraylakeClient client = EmulatorClients.client(AL, TOKEN)) {
            AsyncCalls<ArraylakeClient> async = client.async(mine);
            assertEquals(
                    "climate on mine",
                    async.call(c -> c.repos()
                                            .get(RepoName.parse("acme/climate"))
                                            .name() + " on "
                                    + Thread.currentThread().getName())
                            .get(BOUND_SECONDS, TimeUnit.SECONDS));
            ExecutionException failed = assertThrows(
                    ExecutionException.class,
                    () -> async.call(c -> c.repos().get(RepoName.parse("acme/missing")))
                            .get(BOUND_SECONDS, TimeUnit.SECONDS));
            assertInstanceOf(ArraylakeNotFoundException.class, failed.getCause());
        } finally {
            mine.shutdown();
        }
    }

    /**
     * A server that takes requests and never answers: the cancelled call's connection must close at once (not at the
     * request timeout), and the executor's only thread must be free, uninterrupted, for the next task.
     */
    @Test
    void cancellingAFutureAbortsItsRequestInFlight() throws Exception {
        ExecutorService single = Executors.newSingleThreadExecutor();
        try (SilentServer silent = new SilentServer();
                ArraylakeClient client = ArraylakeClient.create(ArraylakeSettings.builder()
                        .serviceUri(silent.url())
                        .token(TOKEN)
                        .sleeper(ms -> {})
                        .build())) {
            CompletableFuture<List<BucketConfig>> hanging =
                    client.async(single).call(c -> c.buckets().list("acme"));
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
        try (ArraylakeClient client = EmulatorClients.client(AL, TOKEN)) {
            single.execute(() -> {
                try {
                    release.await(BOUND_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            int before = AL.emulator().requests().size();
            CompletableFuture<List<BucketConfig>> queued =
                    client.async(single).call(c -> c.buckets().list("acme"));

            queued.cancel(false);
            release.countDown();

            // the queued task has run once a task after it has
            CompletableFuture.runAsync(() -> {}, single).get(BOUND_SECONDS, TimeUnit.SECONDS);
            assertTrue(queued.isCancelled());
            assertEquals(before, AL.emulator().requests().size(), "nothing was sent");
        } finally {
            single.shutdownNow();
        }
    }
}
