package dev.cameltiledb.arraylake.emulator;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The log of one compute service as the cluster keeps it: its last {@value #CAPACITY} lines (older ones are
 * dropped, as a pod's log is rotated), each in the container runtime's format the Python client parses
 * ({@code 2025-03-29T19:30:15.505397124Z stderr F message}). Followers wait on it for new lines. It has its own monitor,
 * not the state's, so a follower never holds up other requests.
 */
final class LogBuffer {

    static final int CAPACITY = 10_000;

    /** One line with its place in the log (a follower's cursor) and its time (for since and until). */
    record Line(long sequence, Instant time, String text) {}

    private final ArrayDeque<Line> lines = new ArrayDeque<>();
    private long nextSequence;
    private long flood;
    private int floodLineBytes;
    private boolean closed;
    /** Raised to end every follower at once (the emulator stops) without closing the log itself. */
    private long epoch;

    /** A line written by the service's {@code stream} ({@code stdout} or {@code stderr}) at {@code time}. */
    synchronized void append(Instant time, String stream, String message) {
        if (lines.size() == CAPACITY) {
            lines.removeFirst();
        }
        lines.addLast(new Line(nextSequence++, time, format(time, stream, message)));
        notifyAll();
    }

    static String format(Instant time, String stream, String message) {
        return DateTimeFormatter.ISO_INSTANT.format(time) + " " + stream + " F " + message;
    }

    synchronized List<Line> lines() {
        return List.copyOf(lines);
    }

    /** The sequence the next line will have: where a follower starting now picks up. */
    synchronized long nextSequence() {
        return nextSequence;
    }

    /**
     * Makes every later followed read of this log send {@code count} generated lines after the ones it starts with,
     * each about {@code lineBytes} long, as fast as its client takes them ({@code Long.MAX_VALUE}: without end): a
     * service under heavy traffic, whose lines are made as they are sent rather than kept.
     */
    synchronized void flood(long count, int lineBytes) {
        flood = count;
        floodLineBytes = lineBytes;
    }

    synchronized long flood() {
        return flood;
    }

    synchronized int floodLineBytes() {
        return floodLineBytes;
    }

    /** The followers' epoch now: a follower started in it ends when {@link #endFollowers()} moves it on. */
    synchronized long epoch() {
        return epoch;
    }

    /**
     * The lines from {@code sequence} on, waiting until {@code deadlineNanos} ({@link System#nanoTime()}) for one to
     * come; empty when none came in time, the log was closed, or the followers of {@code followerEpoch} were ended.
     * Lines dropped before a slow follower read them are skipped, as the cluster's log would have lost them too.
     */
    synchronized List<Line> after(long sequence, long deadlineNanos, long followerEpoch) throws InterruptedException {
        while (!closed && epoch == followerEpoch && nextSequence <= sequence) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return List.of();
            }
            wait(Math.max(1, left / 1_000_000));
        }
        if (closed || epoch != followerEpoch) {
            return List.of();
        }
        List<Line> out = new ArrayList<>();
        for (Line line : lines) {
            if (line.sequence() >= sequence) {
                out.add(line);
            }
        }
        return out;
    }

    /** Whether a follower of {@code followerEpoch} is to stop now. */
    synchronized boolean ended(long followerEpoch) {
        return closed || epoch != followerEpoch;
    }

    /** Ends every follower now, as the emulator's server stops; the log stays and new followers may come. */
    synchronized void endFollowers() {
        epoch++;
        notifyAll();
    }

    /** The service is gone (disabled, or the emulator stopped): followers end their streams. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }
}
