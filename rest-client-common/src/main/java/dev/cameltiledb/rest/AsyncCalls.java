package dev.cameltiledb.rest;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Any call of a client {@code C}, run on an executor and answered with a {@link CompletableFuture}: the seeds'
 * {@code async_req=True} (TileDB's Python client hands the call to its thread pool and returns a future) and
 * Arraylake's {@code AsyncClient}, for every call at once rather than an asynchronous twin of each method.
 *
 * <pre>{@code
 * CompletableFuture<User> me = tiledb.async().call(c -> c.users().profile());
 * CompletableFuture<List<Repo>> repos = arraylake.async(myExecutor).call(c -> c.repos().list("acme", RepoQuery.all()));
 * }</pre>
 *
 * <ul>
 *   <li>A client's {@code async()} runs calls on its own threads ({@link OwnThreads}), {@code async(executor)} on yours (a
 *       virtual-thread executor, a Camel thread pool...).
 *   <li>The future completes with the call's result, or exceptionally with what it threw; a rejected submission
 *       completes it with the executor's exception.
 *   <li>Completing the future yourself stops the call: {@code cancel}, {@code completeExceptionally}, a timeout of
 *       {@code orTimeout}. A call not started yet then sends nothing; a running one has its request in flight
 *       aborted (the connection is closed, not drained) and its retry wait interrupted. Cancel the future that
 *       {@link #call} returned: futures derived from it ({@code thenApply}...) do not pass a cancellation back.
 *   <li>Thread-bound state of the caller (TileDB's {@code RequestContext}) does not travel to the executor's thread:
 *       open it inside the function if the calls need it.
 * </ul>
 */
public final class AsyncCalls<C> {

    private final C client;
    private final Executor executor;

    public AsyncCalls(C client, Executor executor) {
        this.client = Objects.requireNonNull(client, "client");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /**
     * A client's own threads for {@code async()}: at most {@code threads} daemon threads named
     * {@code <name>-async-N} (Python's {@code threads}: the connection pool's size), made as calls come and let go
     * after a minute idle; calls beyond that many wait their turn. Nothing is made before the first
     * {@link #calls}; the client shuts them down when it closes, and calls still queued then run and fail at once, so
     * that every future completes.
     */
    public static final class OwnThreads {

        private final String name;
        private final int threads;
        private ThreadPoolExecutor pool;

        public OwnThreads(String name, int threads) {
            this.name = Objects.requireNonNull(name, "name");
            this.threads = threads;
        }

        /** Calls of {@code client} on these threads. */
        public synchronized <C> AsyncCalls<C> calls(C client) {
            if (pool == null) {
                pool = pool(name, threads);
            }
            return new AsyncCalls<>(client, pool);
        }

        /** Lets the threads go once the calls queued have run. */
        public synchronized void shutdown() {
            if (pool != null) {
                pool.shutdown();
            }
        }

        private static ThreadPoolExecutor pool(String name, int threads) {
            AtomicInteger count = new AtomicInteger();
            ThreadPoolExecutor pool =
                    new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), task -> {
                        Thread t = new Thread(task, name + "-async-" + count.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
            pool.allowCoreThreadTimeOut(true);
            return pool;
        }
    }

    /** Runs {@code call} with the client on the executor; its future is the call's result. */
    public <T> CompletableFuture<T> call(Function<? super C, ? extends T> call) {
        Objects.requireNonNull(call, "call");
        CallCancellation cancellation = new CallCancellation();
        CompletableFuture<T> future = new CompletableFuture<>();
        // completed by anyone but the call itself (cancel, orTimeout...): stop the call; a no-op once it ended
        future.whenComplete((value, failure) -> cancellation.cancel());
        try {
            executor.execute(() -> run(call, cancellation, future));
        } catch (RuntimeException rejected) {
            future.completeExceptionally(rejected);
        }
        return future;
    }

    private <T> void run(
            Function<? super C, ? extends T> call, CallCancellation cancellation, CompletableFuture<T> future) {
        if (!cancellation.start()) {
            return; // stopped before it started: nothing is sent
        }
        T value = null;
        Throwable failure = null;
        try {
            value = call.apply(client);
        } catch (RuntimeException | Error e) {
            failure = e;
        } finally {
            cancellation.end();
        }
        if (failure == null) {
            future.complete(value);
        } else {
            future.completeExceptionally(failure);
        }
    }
}
