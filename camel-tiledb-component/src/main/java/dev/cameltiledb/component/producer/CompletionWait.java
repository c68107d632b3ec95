package dev.cameltiledb.component.producer;

import dev.cameltiledb.client.TaskGraphsApi;
import dev.cameltiledb.client.TileDBException;
import dev.cameltiledb.client.model.TaskGraphLog;
import dev.cameltiledb.component.DataOptions;
import dev.cameltiledb.component.OptionHeaders;

/**
 * waitForCompletion: reads an execution's log every {@code completionPollInterval} until it ended, for at most
 * {@code completionTimeout}. Giving up leaves the execution running and says how to follow it.
 */
final class CompletionWait {

    private final long timeoutMillis;
    private final long intervalMillis;

    CompletionWait(DataOptions options) {
        this.timeoutMillis = options.getCompletionTimeout();
        this.intervalMillis = options.getCompletionPollInterval();
    }

    /** The log of {@code started} once it ended; an error naming it and the bound when that comes first. */
    TaskGraphLog until(TaskGraphsApi graphs, String namespace, TaskGraphLog started) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        TaskGraphLog log = started;
        while (!log.isFinished()) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                throw new TileDBException(
                        "Task graph execution " + started.uuid() + " did not end within completionTimeout ("
                                + timeoutMillis + " ms, header " + OptionHeaders.headerOf("completionTimeout")
                                + "); it was " + log.status() + " and goes on: follow it with the log operation"
                                + " (executionId " + started.uuid() + ") or stop it",
                        null);
            }
            pause(Math.min(intervalMillis, left));
            log = graphs.log(namespace, started.uuid());
        }
        return log;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TileDBException("Waiting for a task graph execution to end was interrupted", e);
        }
    }
}
