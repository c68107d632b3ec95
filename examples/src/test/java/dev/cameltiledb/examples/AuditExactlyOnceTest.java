package dev.cameltiledb.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.emulator.TileDBEmulator;
import dev.cameltiledb.emulator.common.Await;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * routes/activity-audit.yaml is killed (a JVM halt, as kill -9) between the sink's write and the cursor save, then
 * restarted on the same folder: the consumer delivers the event again (at-least-once), the idempotent step drops it,
 * and the file ends with every event exactly once.
 */
@Tag("server")
class AuditExactlyOnceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void killedBetweenTheSinksWriteAndTheCursorSaveTheFileHoldsEveryEventOnce() throws Exception {
        TileDBEmulator emulator = ExamplesApplication.startDemoEmulator(ExamplesApplication.DemoServer.CLASSIC, false);
        try {
            Instant base = Instant.now().minusSeconds(1800);
            for (int i = 0; i < 24; i++) {
                emulator.addActivity(
                        ExamplesApplication.DemoServer.CLASSIC.namespace,
                        List.of("sales", "sensors", "weather").get(i % 3),
                        base.plusSeconds(10L * i),
                        "query_read",
                        "demo");
            }
            Set<String> expected = eventIds(emulator);

            Process first = run(emulator, 12);
            assertTrue(first.waitFor(2, TimeUnit.MINUTES), "the first run dies");
            assertEquals(137, first.exitValue(), Files.readString(dir.resolve("first.log")));
            long linesAtDeath =
                    Long.parseLong(Files.readString(dir.resolve("halted.txt")).strip());
            assertTrue(
                    linesAtDeath >= 12,
                    "it died after its twelfth line was written, before that line's cursor save: " + linesAtDeath);

            Process second = run(emulator, 0);
            try {
                Await.until(() -> auditIds().containsAll(expected), "the restarted audit to write every event");
                // the restarted consumer reads again from the cursor saved before the death: wait for it to pass it
                Await.until(() -> auditLines().size() >= expected.size(), "the audit to catch up");
            } finally {
                second.destroy();
                second.waitFor(1, TimeUnit.MINUTES);
            }
            List<String> lines = auditLines();
            assertEquals(expected, new HashSet<>(auditIds()));
            assertEquals(
                    expected.size(),
                    lines.size(),
                    "every event exactly once: " + lines.size() + " lines for " + expected.size() + " events");
        } finally {
            emulator.stop();
        }
    }

    private Process run(TileDBEmulator emulator, int haltAt) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        classpath,
                        AuditCrashRun.class.getName(),
                        emulator.url(),
                        dir.toString(),
                        Integer.toString(haltAt))
                .redirectErrorStream(true)
                .redirectOutput(
                        dir.resolve(haltAt > 0 ? "first.log" : "second.log").toFile())
                .start();
    }

    private static Set<String> eventIds(TileDBEmulator emulator) {
        Set<String> ids = new HashSet<>();
        emulator.arrays().stream()
                .filter(a -> a.namespace().equals(ExamplesApplication.DemoServer.CLASSIC.namespace))
                .forEach(a -> ids.addAll(a.activityIds()));
        return ids;
    }

    private List<String> auditLines() {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.resolve("audit"))) {
            for (Path f : files.toList()) {
                Files.readAllLines(f).stream().filter(l -> !l.isBlank()).forEach(lines::add);
            }
        } catch (IOException e) {
            return List.of();
        }
        return lines;
    }

    private List<String> auditIds() {
        return auditLines().stream()
                .map(l -> {
                    try {
                        return JSON.readTree(l).path("event").path("id").asText();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })
                .toList();
    }
}
