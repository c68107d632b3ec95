package dev.cameltiledb.client.capnp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.cameltiledb.client.cells.BufferHeader;
import dev.cameltiledb.client.cells.QueryAnswer;
import dev.cameltiledb.client.cells.QueryWire;
import dev.cameltiledb.client.cells.RangeBytes;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The reference implementation agrees with ours: Cap'n Proto's own {@code capnp} tool, given TileDB's schema, decodes
 * what the client writes and encodes what the client reads. Skipped (saying so) without the tool (Debian package
 * {@code capnproto}, with {@code libcapnp-dev} for the schema's imports) or without {@code ../shared/spec}.
 */
class CapnpToolCrossCheckTest {

    private static final Path SCHEMA =
            Path.of("../../shared/spec/tiledb-rest.capnp").toAbsolutePath().normalize();

    private static void assumeTool() {
        assumeTrue(Files.isRegularFile(SCHEMA), "no " + SCHEMA + ": the capnp cross-check is skipped");
        boolean tool;
        try {
            tool = new ProcessBuilder("capnp", "--version").start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            tool = false;
        }
        assumeTrue(tool, "the capnp tool is not installed (apt install capnproto libcapnp-dev): cross-check skipped");
    }

    private static byte[] capnp(String mode, byte[] input) throws Exception {
        Process p = new ProcessBuilder("capnp", mode, "-I/usr/include", SCHEMA.toString(), "Query").start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(input);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream o = p.getInputStream()) {
            o.transferTo(out);
        }
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "capnp " + mode + ": " + err);
        return out.toByteArray();
    }

    @Test
    void theToolDecodesTheReadRequestTheClientWrites() throws Exception {
        assumeTool();
        byte[] request = QueryWire.readRequest(
                "row-major",
                List.of(BufferHeader.budget("temp", 4096, 0, 512)),
                List.of(new RangeBytes("INT64", false, new byte[16], new long[] {16}, new long[] {0})),
                0,
                1700000000000L);
        String text = new String(capnp("decode", request), StandardCharsets.UTF_8);
        assertTrue(text.contains("type = \"READ\""), text);
        assertTrue(text.contains("name = \"temp\""), text);
        assertTrue(text.contains("originalFixedLenBufferSizeInBytes = 4096"), text);
        assertTrue(text.contains("originalValidityLenBufferSizeInBytes = 512"), text);
        assertTrue(text.contains("type = \"INT64\""), text);
        assertTrue(text.contains("bufferSizes = [16]"), text);
        assertTrue(text.contains("endTimestamp = 1700000000000"), text);
        assertTrue(text.contains("varOffsetsBitsize = 64"), text);
    }

    @Test
    void theClientReadsAnAnswerTheToolEncodes() throws Exception {
        assumeTool();
        String answer =
                "(status = \"INCOMPLETE\", attributeBufferHeaders = [(name = \"a\", fixedLenBufferSizeInBytes = 80,"
                        + " varLenBufferSizeInBytes = 3, validityLenBufferSizeInBytes = 10)], writtenFragmentInfo = [(uri ="
                        + " \"__5_5_f\", timestampRange = [5, 5])], reader = (readState = (initialized = true,"
                        + " subarrayPartitioner = (current = (start = 10)))))";
        byte[] bytes = capnp("encode", answer.getBytes(StandardCharsets.UTF_8));
        QueryAnswer read = QueryWire.answer(MessageReader.of(bytes, "the tool's Query"));
        assertTrue(read.incomplete());
        assertEquals(new BufferHeader("a", 80, 3, 10, 0, 0, 0), read.headers().get(0));
        assertEquals("__5_5_f", read.fragments().get(0).uri());
        assertEquals(5, read.fragments().get(0).timestamp());
    }
}
