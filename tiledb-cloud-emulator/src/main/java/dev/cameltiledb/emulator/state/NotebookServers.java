package dev.cameltiledb.emulator.state;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import dev.cameltiledb.emulator.common.Transactions;

/**
 * The running notebook servers, one per namespace at most, and when each started. The spec has no call that starts
 * one (the service starts a server when a user opens JupyterLab), so the emulator's Java API does; a restart stops
 * them all, so they are kept in memory only.
 */
public final class NotebookServers {

    private final Transactions transactions;
    private final Clock clock;
    private final Map<String, Instant> running = new HashMap<>();

    NotebookServers(Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Starts the namespace's server (a running one keeps its start time). */
    public void start(String namespace) {
        transactions.requireWriting("starting a notebook server");
        running.putIfAbsent(namespace, clock.instant());
    }

    /** When the namespace's server started; null when it is not running. */
    public Instant startedAt(String namespace) {
        return running.get(namespace);
    }

    /** Stops the namespace's server; false when it was not running. */
    public boolean stop(String namespace) {
        transactions.requireWriting("stopping a notebook server");
        return running.remove(namespace) != null;
    }
}
