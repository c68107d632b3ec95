package dev.cameltiledb.emulator.data.sql;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code arrow} result: an Arrow IPC stream (what TileDB's clients read with a stream reader): the schema message,
 * record batches of a bounded number of rows written as the rows are read, then the end-of-stream marker. Written by
 * hand rather than with Apache Arrow's Java library so the emulator puts no Arrow version on the classpath of users
 * who embed it (their own Arrow reads the stream); metadata version V5, no compression, no dictionaries.
 */
final class ArrowStreamEncoder implements ResultEncoder {

    /** {@code MetadataVersion.V5}. */
    private static final int V5 = 4;

    private static final int SCHEMA = 1;
    private static final int RECORD_BATCH = 3;

    private final OutputStream out;
    private final int batchRows;
    private final List<ArrowColumn> columns = new ArrayList<>();

    ArrowStreamEncoder(OutputStream out, int batchRows) {
        this.out = out;
        this.batchRows = batchRows;
    }

    @Override
    public void begin(ResultSet rows) throws SQLException, IOException {
        ResultSetMetaData md = rows.getMetaData();
        List<FlatBuffer.Table> fields = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            ArrowColumn c = ArrowColumn.of(md, i);
            columns.add(c);
            fields.add(c.field());
        }
        FlatBuffer.Table schema = new FlatBuffer.Table().scalar(0, 2, 0).reference(1, new FlatBuffer.Tables(fields));
        message(SCHEMA, schema, 0);
    }

    @Override
    public void row(ResultSet rows) throws SQLException, IOException {
        for (int i = 0; i < columns.size(); i++) {
            columns.get(i).append(rows, i + 1);
        }
        if (columns.get(0).rows() == batchRows) {
            batch();
        }
    }

    @Override
    public void end() throws IOException {
        if (!columns.isEmpty() && columns.get(0).rows() > 0) {
            batch();
        }
        // end of stream: the continuation marker and a zero length
        writeInt(-1);
        writeInt(0);
        out.flush();
    }

    private void batch() throws IOException {
        int length = columns.get(0).rows();
        ArrowColumn.Bytes nodes = new ArrowColumn.Bytes();
        ArrowColumn.Bytes buffers = new ArrowColumn.Bytes();
        List<byte[]> body = new ArrayList<>();
        long offset = 0;
        int bufferCount = 0;
        for (ArrowColumn c : columns) {
            nodes.putLong(c.rows());
            nodes.putLong(c.nulls());
            for (byte[] b : c.buffers()) {
                buffers.putLong(offset);
                buffers.putLong(b.length);
                body.add(b);
                offset += padded(b.length);
                bufferCount++;
            }
        }
        FlatBuffer.Table batch = new FlatBuffer.Table()
                .scalar(0, 8, length)
                .reference(1, new FlatBuffer.Structs(nodes.toByteArray(), columns.size()))
                .reference(2, new FlatBuffer.Structs(buffers.toByteArray(), bufferCount));
        message(RECORD_BATCH, batch, offset);
        byte[] zeros = new byte[8];
        for (byte[] b : body) {
            out.write(b);
            out.write(zeros, 0, (int) (padded(b.length) - b.length));
        }
        columns.forEach(ArrowColumn::reset);
    }

    /** An encapsulated message: continuation marker, metadata length, the {@code Message} flatbuffer (padded to 8). */
    private void message(int headerType, FlatBuffer.Table header, long bodyLength) throws IOException {
        FlatBuffer.Table message = new FlatBuffer.Table()
                .scalar(0, 2, V5)
                .scalar(1, 1, headerType)
                .reference(2, header)
                .scalar(3, 8, bodyLength);
        byte[] metadata = FlatBuffer.of(message);
        writeInt(-1);
        writeInt(metadata.length);
        out.write(metadata);
    }

    private static long padded(long n) {
        return (n + 7) & ~7L;
    }

    private void writeInt(int v) throws IOException {
        out.write(v);
        out.write(v >>> 8);
        out.write(v >>> 16);
        out.write(v >>> 24);
    }
}
