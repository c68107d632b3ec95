package dev.cameltiledb.arraylake.client;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Any call of an {@link ArraylakeClient}, run on an executor and answered with a {@link CompletableFuture}: what the
 * Python package's {@code AsyncClient} offers ({@code await client.list_repos(org)}...), for every call at once rather
 * than an asynchronous twin of each method.
 *
 * <pre>{@code
 * CompletableFuture<List<Repo>> repos = client.async().call(c -> c.repos().list("acme", RepoQuery.all()));
 * CompletableFuture<BucketConfig> bucket = client.async(myExecutor).call(c -> c.buckets().get("acme", "main"));
 * }</pre>
 *
 * <ul>
 *   <li>{@link ArraylakeClient#async()} runs calls on the client's own threads, at most {@code maxConnections}
 *       daemon threads named {@code arraylake-async-N}, created as needed and shut down with the client;
 *       {@link ArraylakeClient#async(Executor)} on yours.
 *   <li>The future completes with the call's result, or exceptionally with what it threw (an
 *       {@link ArraylakeException}); a rejected submission completes it with the executor's exception.
 *   <li>Completing the future yourself stops the call: {@code cancel}, {@code completeExceptionally}, a timeout of
 *       {@code orTimeout}. A call not started yet then sends nothing; a running one has its request in flight
 *       aborted (the connection is closed, not drained) and its retry wait interrupted. Cancel the future that
 *       {@link #call} returned: futures derived from it ({@code thenApply}...) do not pass a cancellation back.
 * </ul>
 */
public final class AsyncCalls {

    private final ArraylakeClient client;
    private final Executor executor;

    AsyncCalls(ArraylakeClient client, Executor executor) {
        this.client = client;
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** Runs {@code call} with the client on the executor; its future is the call's result. */
    public <T> CompletableFuture<T> call(Function<? super ArraylakeClient, ? extends T> call) {
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
            Function<? super ArraylakeClient, ? extends T> call,
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
