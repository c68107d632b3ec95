package dev.cameltiledb.component;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.cameltiledb.emulator.Seed;
import dev.cameltiledb.emulator.User;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 200 MB notebook goes up and comes back down through routes running in a JVM whose heap (64 MB) is far smaller
 * than the notebook: proof that upload, JSON validation and download all stream.
 */
@Tag("server")
class LargeNotebookStreamingTest {

    private static final long SIZE = 200L * 1024 * 1024;
    private static final int HEAP_MB = 64;

    @TempDir
    Path dir;

    @Test
    void twoHundredMegabytesRoundTripUnderASixtyFourMegabyteHeap() throws Exception {
        SuiteEmulator.get()
                .seed(new Seed(
                        List.of(new User("big", "big@example.com", "big-password", List.of("big-key"))), null, null));
        Path notebook = dir.resolve("huge.ipynb");
        writeNotebook(notebook);
        Path downloaded = dir.resolve("huge-downloaded.ipynb");

        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx" + HEAP_MB + "m",
                        "-cp",
                        classpath,
                        LargeNotebookRoundTrip.class.getName(),
                        SuiteEmulator.get().url(),
                        "big-key",
                        notebook.toString(),
                        downloaded.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
        assertTrue(child.waitFor(5, TimeUnit.MINUTES), "the round trip finished");
        String log = Files.readString(dir.resolve("child.log"));
        assertEquals(0, child.exitValue(), log);
        assertTrue(log.contains("max heap"), log);

        assertEquals(Files.size(notebook), Files.size(downloaded));
        assertEquals(sha256(notebook), sha256(downloaded));
        assertTrue(Files.size(notebook) > 3L * HEAP_MB * 1024 * 1024, "the notebook is far larger than the heap");
    }

    /** A valid notebook of about 200 MB: one code cell with many source lines. */
    private static void writeNotebook(Path file) throws Exception {
        String line =
                "    \"x = 1234567890  # a line of a very long notebook cell, kept for the streaming check\\n\",\n";
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("{\"cells\": [{\"cell_type\": \"code\", \"metadata\": {}, \"source\": [\n");
            long written = 0;
            while (written < SIZE) {
                out.write(line);
                written += line.length();
            }
            out.write("    \"end\"\n]}], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}\n");
        }
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
