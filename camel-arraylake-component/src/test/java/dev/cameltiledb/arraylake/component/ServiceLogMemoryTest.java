package dev.cameltiledb.arraylake.component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cameltiledb.arraylake.emulator.CheckedArraylakeEmulator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A followed log that never ends, read through a route's streaming split in a JVM whose heap (32 MB) is less than a
 * fifth of what it reads (180,224 lines of about 1 KiB), with Camel's stream caching on as by default: proof that the
 * log is never held whole, that {@code maxResults} ends it, and that ending it releases its connection (the one
 * connection of the client serves the next call).
 */
@Tag("server")
class ServiceLogMemoryTest {

    private static final int HEAP_MB = 32;
    private static final int LINE_BYTES = 1024;
    private static final long LINES = 176 * 1024;

    @RegisterExtension
    static final CheckedArraylakeEmulator AL = new CheckedArraylakeEmulator(Fixture::seed);

    @TempDir
    Path dir;

    @Test
    void anEndlessFollowedLogIsReadFarPastTheHeapAndClosedWithItsConnectionReleased() throws Exception {
        AL.emulator().floodServiceLog(Fixture.ORG, "edr", Long.MAX_VALUE, LINE_BYTES);
        int streams = AL.emulator().openLogStreams();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path output = dir.resolve("child.log");
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx" + HEAP_MB + "m",
                        "-cp",
                        classpath,
                        EndlessLogRoute.class.getName(),
                        AL.emulator().url(),
                        Fixture.ADMIN_TOKEN,
                        String.valueOf(LINES))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        boolean finished = child.waitFor(2, TimeUnit.MINUTES);
        if (!finished) {
            child.destroyForcibly().waitFor();
        }
        String log = Files.readString(output);
        assertTrue(finished, "the route finished: " + log);
        assertEquals(0, child.exitValue(), log);
        assertTrue(log.contains("lines=" + LINES + " "), log);
        assertTrue(log.contains("failed=false released=true"), log);
        assertTrue(log.contains("streamCaching=true"), "with Camel's default stream caching: " + log);
        Matcher bytes = Pattern.compile("bytes=(\\d+)").matcher(log);
        assertTrue(bytes.find(), log);
        assertTrue(
                Long.parseLong(bytes.group(1)) > 5L * HEAP_MB * 1024 * 1024,
                "read five times the heap: " + bytes.group(1));
        Fixture.until(() -> AL.emulator().openLogStreams() == streams, "the emulator to see the log closed");
    }
}
