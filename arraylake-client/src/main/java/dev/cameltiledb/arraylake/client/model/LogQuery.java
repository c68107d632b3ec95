package dev.cameltiledb.arraylake.client.model;

import java.time.OffsetDateTime;

/**
 * Which part of a compute service's log to read, the parameters of the Python client's {@code stream_logs}:
 * {@code tail} the last lines only, {@code since} and {@code until} a time window, {@code follow} to go on receiving
 * lines as the service writes them, until the service ends the stream after {@code followTimeout} seconds (1 to 600,
 * the Python CLI's bounds; 30 unless given).
 */
public record LogQuery(Integer tail, OffsetDateTime since, OffsetDateTime until, boolean follow, int followTimeout) {

    /** The Python client's default follow timeout, in seconds. */
    public static final int DEFAULT_FOLLOW_TIMEOUT = 30;
    /** The longest follow timeout the Python CLI accepts (10 minutes), in seconds. */
    public static final int MAX_FOLLOW_TIMEOUT = 600;

    public LogQuery {
        if (tail != null && tail < 1) {
            throw new IllegalArgumentException("tail counts lines and must be at least 1, got " + tail);
        }
        if (followTimeout < 1 || followTimeout > MAX_FOLLOW_TIMEOUT) {
            throw new IllegalArgumentException(
                    "followTimeout must be 1 to " + MAX_FOLLOW_TIMEOUT + " seconds, got " + followTimeout);
        }
        if (since != null && until != null && until.isBefore(since)) {
            throw new IllegalArgumentException("until (" + until + ") is before since (" + since + ")");
        }
    }

    /** The whole log as the service keeps it, not followed. */
    public static LogQuery all() {
        return new LogQuery(null, null, null, false, DEFAULT_FOLLOW_TIMEOUT);
    }

    public LogQuery withTail(Integer lines) {
        return new LogQuery(lines, since, until, follow, followTimeout);
    }

    public LogQuery between(OffsetDateTime from, OffsetDateTime to) {
        return new LogQuery(tail, from, to, follow, followTimeout);
    }

    /** Followed: lines keep coming as the service writes them, for at most {@code timeoutSeconds}. */
    public LogQuery followed(int timeoutSeconds) {
        return new LogQuery(tail, since, until, true, timeoutSeconds);
    }
}
