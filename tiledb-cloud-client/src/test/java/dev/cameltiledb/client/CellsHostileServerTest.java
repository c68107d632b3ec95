package dev.cameltiledb.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import dev.cameltiledb.client.capnp.MessageBuilder;
import dev.cameltiledb.client.capnp.StructBuilder;
import dev.cameltiledb.client.cells.ArrayCells;
import dev.cameltiledb.client.cells.CellField;
import dev.cameltiledb.client.cells.CellRead;
import dev.cameltiledb.client.cells.CellType;
import dev.cameltiledb.testing.Hostile;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Answers to a read that a broken or hostile server could send: each fails the read with an error naming the answer
 * and what is wrong, never a crash, a hang or a heap filled by what the server claims.
 */
class CellsHostileServerTest {

    private static final ArrayCells SCHEMA = new ArrayCells(
            "tiledb://acme/t",
            false,
            List.of(new CellField("id", CellType.INT64, "INT64", true, false, 0L, 100L)),
            List.of(new CellField("v", CellType.INT64, "INT64", false, false, null, null)));

    private static TileDBException readAgainst(Function<byte[], byte[]> answer) throws IOException {
        try (Hostile server = new Hostile(x -> reply(x, answer));
                TileDBClient client =
                        new TileDBClient(DataPlaneServer.settings(server.url()).build());
                CellPages pages =
                        client.cells().read("acme", "t", SCHEMA, CellRead.all().withBufferBytes(4096))) {
            return assertThrows(TileDBException.class, pages::next);
        }
    }

    private static void reply(HttpExchange exchange, Function<byte[], byte[]> answer) throws IOException {
        byte[] request;
        try (InputStream in = exchange.getRequestBody()) {
            request = in.readAllBytes();
        }
        byte[] body = answer.apply(request);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] framed(byte[] message, int buffers) {
        return ByteBuffer.allocate(8 + message.length + buffers)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putLong(message.length)
                .put(message)
                .array();
    }

    private static byte[] answerClaiming(long fixedBytes) {
        MessageBuilder m = new MessageBuilder();
        StructBuilder q = m.root(4, 17);
        q.setText(2, "COMPLETED");
        q.initStructList(0, 1, 6, 1)[0].setText(0, "v").setLong(0, fixedBytes);
        return m.toBytes();
    }

    @Test
    void garbageWhereTheMessageBelongsNamesTheAnswer() throws IOException {
        TileDBException e = readAgainst(request -> framed(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, 0));
        assertTrue(e instanceof TileDBProtocolException, e.toString());
        assertTrue(e.getMessage().contains("the answer to page 1 of the read of acme/t (Query)"), e.getMessage());
    }

    @Test
    void anAnnouncedMessageOfAGigabyteIsRefusedBeforeAnythingIsAllocated() throws IOException {
        TileDBException e = readAgainst(request -> ByteBuffer.allocate(8)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putLong(1L << 30)
                .array());
        assertTrue(e.getMessage().contains("announces a query message of 1073741824 bytes"), e.getMessage());
    }

    @Test
    void buffersLargerThanTheReadsBudgetAreRefused() throws IOException {
        TileDBException e = readAgainst(request -> framed(answerClaiming(1L << 33), 0));
        assertTrue(e instanceof TileDBProtocolException, e.toString());
        assertTrue(e.getMessage().contains("more than the read's buffer of 4096"), e.getMessage());
    }

    @Test
    void buffersThatAreNotWholeValuesAreRefused() throws IOException {
        TileDBException e = readAgainst(request -> framed(answerClaiming(12), 12));
        assertTrue(e.getMessage().contains("are not a whole number of INT64 values"), e.getMessage());
    }

    @Test
    void anAnswerCutShortFailsNamingThePageAfterItsRetries() throws IOException {
        TileDBException e = readAgainst(request -> {
            byte[] whole = framed(answerClaiming(800), 800);
            return java.util.Arrays.copyOf(whole, whole.length - 500);
        });
        assertTrue(e instanceof TileDBConnectionException, e.toString());
        assertTrue(e.getMessage().contains("Page 1 of the read of acme/t broke off 3 times"), e.getMessage());
    }
}
