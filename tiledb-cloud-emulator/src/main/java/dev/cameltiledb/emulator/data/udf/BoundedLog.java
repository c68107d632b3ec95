package dev.cameltiledb.emulator.data.udf;

import java.nio.charset.StandardCharsets;

/**
 * The last {@code capacity} bytes of a process's output (a traceback comes last), and how many came before them.
 */
final class BoundedLog {

    private final byte[] ring;
    private long total;

    BoundedLog(int capacity) {
        this.ring = new byte[capacity];
    }

    synchronized void append(byte[] bytes, int off, int len) {
        for (int i = 0; i < len; i++) {
            ring[(int) (total % ring.length)] = bytes[off + i];
            total++;
        }
    }

    @Override
    public synchronized String toString() {
        if (total <= ring.length) {
            return new String(ring, 0, (int) total, StandardCharsets.UTF_8);
        }
        int start = (int) (total % ring.length);
        byte[] tail = new byte[ring.length];
        System.arraycopy(ring, start, tail, 0, ring.length - start);
        System.arraycopy(ring, 0, tail, ring.length - start, start);
        return "[... the first " + (total - ring.length) + " bytes of output were dropped ...]\n"
                + new String(tail, StandardCharsets.UTF_8);
    }
}
