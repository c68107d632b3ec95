package dev.cameltiledb.component.consumer;

import java.util.Arrays;

/**
 * The epoch seconds of every event one full read of an array's window returned, so that a later poll can tell, from
 * the service's count of the events in its own (same or narrower) window, whether anything was logged since: the
 * events a read saw stay in the log, so the window holds exactly as many events as were seen inside it until
 * something new (a new event, or one logged late inside the window) is logged.
 * <p>
 * A read that met an event without an id cannot be counted exactly (a page that shifted may have shown it twice), so
 * it leaves no window: the next poll reads in full.
 */
final class SeenWindow {

    private long[] seconds = new long[16];
    private int size;
    private boolean ordered = true;
    private boolean countable = true;

    /** An event the read returned, counted once (the reader drops repeated ids before this). */
    void add(long second) {
        if (size == seconds.length) {
            seconds = Arrays.copyOf(seconds, size * 2);
        }
        ordered &= size == 0 || seconds[size - 1] <= second;
        seconds[size++] = second;
    }

    /** An event the read returned that cannot be counted exactly. */
    void uncountable() {
        countable = false;
    }

    /** The finished window, or null when it cannot be counted. */
    SeenWindow done() {
        if (!countable) {
            return null;
        }
        if (!ordered) {
            Arrays.sort(seconds, 0, size);
        }
        return this;
    }

    /** How many of the events seen happened at or after {@code second}. */
    long countFrom(long second) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (seconds[mid] < second) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return size - low;
    }
}
