package dev.cameltiledb.client.cells;

/**
 * {@code AttributeBufferHeader}: a field's buffers in a query message. In a read request the {@code original*} sizes
 * are the budget the answer may fill (the sent sizes are 0); in an answer or a write, the sent sizes are the bytes
 * that follow the message for this field: the fixed part (values, or a string's uint64 byte offsets), the variable
 * part (a string's bytes), then validity (a byte per cell, 1 = a value).
 */
public record BufferHeader(
        String name,
        long fixedBytes,
        long varBytes,
        long validityBytes,
        long originalFixedBytes,
        long originalVarBytes,
        long originalValidityBytes) {

    /** A read's budget for a field. */
    public static BufferHeader budget(String name, long fixed, long var, long validity) {
        return new BufferHeader(name, 0, 0, 0, fixed, var, validity);
    }

    /** A write's buffers for a field. */
    public static BufferHeader sent(String name, long fixed, long var, long validity) {
        return new BufferHeader(name, fixed, var, validity, fixed, var, validity);
    }

    public long totalBytes() {
        return fixedBytes + varBytes + validityBytes;
    }
}
