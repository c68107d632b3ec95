package dev.cameltiledb.camel;

import java.time.Duration;
import java.time.Instant;

/**
 * What a consumer's polls did: when the last began, how many requests it sent, the last failure, the newest event
 * delivered. Written by the polling thread, read by any (a dev console, a JMX client), hence volatile fields.
 */
final class PollRecord {

    private volatile Instant lastPoll;
    private volatile long lastPollRequests;
    private volatile String lastError;
    private volatile Instant newestEvent;
    /** The request count when the current poll began, from {@link StatefulBatchConsumer#requestCount()}. */
    private long requestsBefore;

    void started(Instant now, long requests) {
        lastPoll = now;
        requestsBefore = requests;
    }

    void finished(long requests) {
        lastPollRequests = requests - requestsBefore;
    }

    /** A poll, or an exchange, failed: its class and message (our clients' messages hold no secret). */
    void failed(String what, Throwable error) {
        lastError = what + ": " + error.getClass().getSimpleName()
                + (error.getMessage() == null ? "" : ": " + error.getMessage());
    }

    void delivered(Instant eventTime) {
        if (eventTime != null && (newestEvent == null || eventTime.isAfter(newestEvent))) {
            newestEvent = eventTime;
        }
    }

    ConsumerStatus status(StreamPositions positions, Instant now) {
        Instant newest = newestEvent;
        return new ConsumerStatus(
                positions,
                newest == null ? null : max(Duration.ZERO, Duration.between(newest, now)),
                lastPoll,
                lastPollRequests,
                lastError);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
