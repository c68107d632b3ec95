package dev.cameltiledb.emulator.data.cells;

/**
 * Walks every point of a box given per axis as sorted, disjoint intervals of longs ({@code [lo0, hi0, lo1, hi1,
 * ...]}), the last axis fastest (row-major) or the first (col-major).
 */
final class Odometer {

    private final long[][] intervals;
    private final boolean lastFastest;
    private final int[] interval;
    private final long[] point;
    private boolean started;
    private boolean done;

    Odometer(long[][] intervals, boolean lastFastest) {
        this.intervals = intervals;
        this.lastFastest = lastFastest;
        this.interval = new int[intervals.length];
        this.point = new long[intervals.length];
        for (int i = 0; i < intervals.length; i++) {
            if (intervals[i].length == 0) {
                done = true;
            } else {
                point[i] = intervals[i][0];
            }
        }
    }

    /** Moves to the next point (the first, on the first call); false when there is none. */
    boolean advance() {
        if (done) {
            return false;
        }
        if (!started) {
            started = true;
            return true;
        }
        for (int step = 0; step < point.length; step++) {
            int axis = lastFastest ? point.length - 1 - step : step;
            long[] iv = intervals[axis];
            if (point[axis] < iv[2 * interval[axis] + 1]) {
                point[axis]++;
                return true;
            }
            if (2 * (interval[axis] + 1) < iv.length) {
                interval[axis]++;
                point[axis] = iv[2 * interval[axis]];
                return true;
            }
            interval[axis] = 0;
            point[axis] = iv[0];
        }
        done = true;
        return false;
    }

    /**
     * Puts the walk at {@code p}, as if it had just given it: the next {@link #advance()} moves past it. A point outside
     * the box is a 400 (a continued read whose last cell is not in its subarray).
     */
    void positionAt(long[] p) {
        for (int axis = 0; axis < p.length; axis++) {
            long[] iv = intervals[axis];
            int found = -1;
            for (int i = 0; i + 1 < iv.length; i += 2) {
                if (iv[i] <= p[axis] && p[axis] <= iv[i + 1]) {
                    found = i / 2;
                    break;
                }
            }
            if (found < 0) {
                throw dev.cameltiledb.emulator.data.EngineException.badRequest("the cell to continue after, "
                        + java.util.Arrays.toString(p) + ", is outside the read's ranges");
            }
            interval[axis] = found;
            point[axis] = p[axis];
        }
        started = true;
    }

    /** The current point; valid until the next {@link #advance()}. */
    long[] point() {
        return point;
    }
}
