package dev.cameltiledb.client;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Any call of a {@link TileDBClient}, run on an executor and answered with a {@link CompletableFuture}: the seeds'
 * {@code async_req=True} (Python's client hands the call to its thread pool and returns a future) for every call at
 * once, rather than an asynchronous twin of each method.
 *
 * <pre>{@code
 * CompletableFuture<User> me = client.async().call(c -> c.users().profile());
 * CompletableFuture<Listing<ArrayInfo>> arrays = client.async(myExecutor).call(c -> c.arrays().list(query));
 * }</pre>
 *
 * <ul>
 *   <li>{@link TileDBClient#async()} runs calls on the client's own pool, {@code maxConnections} daemon threads
 *       named {@code tiledb-async-N} (Python's {@code threads}), created as needed and shut down with the client;
 *       {@link TileDBClient#async(Executor)} on yours (a virtual-thread executor, a Camel thread pool...).
 *   <li>The future completes with the call's result, or exceptionally with what it threw (a
 *       {@link TileDBException}); a rejected submission completes it with the executor's exception.
 *   <li>Completing the future yourself stops the call: {@code cancel}, {@code completeExceptionally}, a timeout of
 *       {@code orTimeout}. A call not started yet then sends nothing; a running one has its request in flight
 *       aborted (the connection is closed, not drained) and its retry wait interrupted. Cancel the future that
 *       {@link #call} returned: futures derived from it ({@code thenApply}...) do not pass a cancellation back.
 *   <li>A {@link RequestContext} opened by the caller does not travel to the executor's thread: open one inside the
 *       function if the calls need it.
 * </ul>
 */
public final class AsyncCalls {

    private final TileDBClient client;
    private final Executor executor;

    AsyncCalls(TileDBClient client, Executor executor) {
        this.client = client;
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** Runs {@code call} with the client on the executor; its future is the call's result. */
    public <T> CompletableFuture<T> call(Function<? super TileDBClient, ? extends T> call) {
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
            Function<? super TileDBClient, ? extends T> call,
            CallCancellation cancellation,
            CompletableFuture<T> future) {
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
