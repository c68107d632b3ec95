package dev.cameltiledb.emulator.data.protocol;

import java.util.List;

/**
 * The part of TileDB's Cap'n Proto {@code Query} (tiledb-rest.capnp) that the emulator reads and answers: the query's
 * type, layout and status, a header per field naming its buffers' sizes, the writer's or reader's subarray, the
 * reader's position in an incomplete read, the array's timestamps, how var-size offsets are given, and the fragments
 * a write made. Fields the emulator does not use (stats, config, conditions, the sparse and dense readers' own
 * states) are not kept: an answer carries what is here.
 */
public record QueryMessage(
        String type,
        String layout,
        String status,
        List<BufferHeader> headers,
        Writer writer,
        Reader reader,
        ArrayPart array,
        String varOffsetsMode,
        boolean varOffsetsAddExtraElement,
        int varOffsetsBitsize,
        long totalFixedLengthBufferBytes,
        long totalVarLenBufferBytes,
        long totalValidityBufferBytes,
        List<WrittenFragment> writtenFragments) {

    public QueryMessage {
        headers = headers == null ? List.of() : List.copyOf(headers);
        writtenFragments = writtenFragments == null ? List.of() : List.copyOf(writtenFragments);
    }

    /**
     * {@code AttributeBufferHeader}: a field's buffers in the body, in bytes: the fixed part (values, or a var-size
     * field's offsets), the var part, validity; and the {@code original*} sizes (what a reader has room for).
     */
    public record BufferHeader(
            String name,
            long fixedLen,
            long varLen,
            long validityLen,
            long originalFixedLen,
            long originalVarLen,
            long originalValidityLen) {}

    /**
     * {@code SubarrayRanges}: one dimension's ranges, {@code buffer} the bounds' bytes ({@code lo, hi, lo, hi...}
     * little-endian of the dimension's type; for a string dimension each range's {@code lo} then {@code hi}, with
     * {@code bufferSizes} each range's bytes and {@code bufferStartSizes} where its {@code hi} starts).
     */
    public record Ranges(
            String type, boolean hasDefaultRange, byte[] buffer, long[] bufferSizes, long[] bufferStartSizes) {}

    /** {@code Subarray}: a layout and a {@link Ranges} per dimension (schema order). */
    public record Subarray(String layout, List<Ranges> ranges, boolean coalesceRanges) {
        public Subarray {
            ranges = ranges == null ? List.of() : List.copyOf(ranges);
        }
    }

    /** {@code DomainArray}: bounds given as one of its typed lists ({@code type} names it: int8 ... float64). */
    public record DomainArray(String type, List<Number> values) {}

    /** {@code Writer}: the box a dense write fills, as a {@link DomainArray} and as {@link Subarray} ranges. */
    public record Writer(DomainArray subarray, Subarray subarrayRanges) {}

    /**
     * {@code QueryReader}: layout and subarray; and the position of an incomplete read as the emulator keeps it in
     * {@code readState}: {@code initialized}, the cells delivered so far ({@code subarrayPartitioner.current.start})
     * and the coordinates of the last one ({@code subarrayPartitioner.current.subarray}, one range {@code [c, c]} per
     * dimension).
     */
    public record Reader(String layout, Subarray subarray, boolean initialized, long delivered, Subarray lastCell) {}

    /** {@code Array}: the timestamps the query opens the array at (epoch ms; 0 for none), its URI, query type. */
    public record ArrayPart(long startTimestamp, long endTimestamp, String uri, String queryType) {}

    /** {@code WrittenFragmentInfo}: a fragment a write made, and its timestamp range. */
    public record WrittenFragment(String uri, long[] timestampRange) {}

    /** The same query with another status, headers, reader and array. */
    public QueryMessage answered(
            String newStatus, List<BufferHeader> newHeaders, Reader newReader, ArrayPart newArray) {
        long fixed = 0;
        long var = 0;
        long validity = 0;
        for (BufferHeader h : newHeaders) {
            fixed += h.fixedLen();
            var += h.varLen();
            validity += h.validityLen();
        }
        return new QueryMessage(
                type,
                layout,
                newStatus,
                newHeaders,
                writer,
                newReader,
                newArray,
                "bytes",
                false,
                64,
                fixed,
                var,
                validity,
                writtenFragments);
    }

    /**
     * The same query, completed, with the fragments it wrote. Its headers keep the {@code original*} sizes and say
     * no buffers follow (the sizes of the buffers an answer carries: none).
     */
    public QueryMessage written(List<WrittenFragment> fragments) {
        List<BufferHeader> none = headers.stream()
                .map(h -> new BufferHeader(
                        h.name(), 0, 0, 0, h.originalFixedLen(), h.originalVarLen(), h.originalValidityLen()))
                .toList();
        return new QueryMessage(
                type,
                layout,
                "COMPLETED",
                none,
                writer,
                reader,
                array,
                varOffsetsMode,
                varOffsetsAddExtraElement,
                varOffsetsBitsize,
                0,
                0,
                0,
                fragments);
    }
}
