package dev.cameltiledb.component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.LongStream;

import dev.cameltiledb.client.ClientSettings;
import dev.cameltiledb.client.TileDBClient;
import dev.cameltiledb.client.cells.ArrayCells;
import dev.cameltiledb.client.cells.CellInput;
import dev.cameltiledb.emulator.Organization;
import dev.cameltiledb.emulator.RecordedExchange;
import dev.cameltiledb.emulator.Seed;
import dev.cameltiledb.emulator.TileDBEmulator;
import dev.cameltiledb.emulator.User;
import dev.cameltiledb.emulator.common.Await;
import dev.cameltiledb.testing.ChildJvm;
import org.apache.camel.CamelContext;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The cells consumer killed at the worst moment ({@link CellsCrashRun} in a JVM of its own, halted as {@code kill -9}
 * would): every exchange of a window completed, and the cursor save that records it did not happen. Restarted on the
 * same state, it reads the same window again (at-least-once: each of its cells is delivered twice), with the same
 * {@code CamelTileDBEventId}s, so the idempotent step behind it drops the repeats and the sink holds every cell once;
 * a fragment written while it was down follows once.
 */
@Tag("server")
class CellsCrashTest {

    private static final String NS = "crashns";
    private static final String TOKEN = "crash-alice-key-3b9f";

    @TempDir
    Path dir;

    @Test
    void killedAfterAWindowsExchangesAndBeforeItsCursorSaveEveryCellReachesTheSinkOnce() throws Exception {
        TileDBEmulator emulator = TileDBEmulator.builder()
                .recordExchanges()
                .seed(new Seed(
                        List.of(new User("alice", "alice@example.com", "alice-password", List.of(TOKEN))),
                        List.of(new Organization(NS, Map.of("alice", "owner"))),
                        List.of(CellsConsumerTest.array(NS, "events", 0, 10))))
                .build()
                .start();
        try (TileDBClient client = new TileDBClient(ClientSettings.of(emulator.url(), TOKEN))) {
            ChildJvm.Result first =
                    ChildJvm.run(List.of(), CellsCrashRun.class, emulator.url(), TOKEN, NS, "events", dir.toString());
            assertEquals(137, first.exit(), first.output());
            assertEquals("10", Files.readString(dir.resolve("halted.txt")), "it died after the window's 10 cells");
            assertEquals(10, lines("sink.txt").size(), "the sink has them");

            ArrayCells schema = client.cells().schema(NS, "events");
            List<Map<String, Object>> rows = LongStream.rangeClosed(100, 104)
                    .mapToObj(i -> Map.<String, Object>of("id", i, "kind", "new-" + i, "value", i * 1.5))
                    .toList();
            client.cells().write(NS, "events", schema, CellInput.rows(schema, rows), null); // while it is down

            Predicate<RecordedExchange> polls =
                    x -> x.rawPath().equals("/v1/arrays/" + NS + "/events/fragment_end_timestamp");
            FileStateRepository state = FileStateRepository.fileStateRepository(
                    dir.resolve("cursor.dat").toFile());
            try (CamelContext restarted = CellsCrashRun.start(emulator.url(), TOKEN, NS, "events", dir, state)) {
                Await.until(() -> lines("sink.txt").size() >= 15, "the five cells written while it was down");
                Await.requests(emulator, polls, 3, "three more polls, in which nothing more may arrive");
            }
            List<String> received = lines("received.txt");
            List<String> sink = lines("sink.txt");
            System.out.printf(
                    "Cells crash: %d deliveries (%d before the kill), %d cells in the sink%n",
                    received.size(), 10, sink.size());
            assertEquals(25, received.size(), "the window of the kill delivered again whole, then the new cells");
            List<String> expected = LongStream.concat(LongStream.range(0, 10), LongStream.rangeClosed(100, 104))
                    .mapToObj(Long::toString)
                    .toList();
            assertEquals(expected, sink, "every cell exactly once in the sink, in order");
            assertEquals(new HashSet<>(expected), new HashSet<>(received), "nothing else was delivered");
        } finally {
            emulator.stop();
        }
    }

    private List<String> lines(String file) {
        try {
            return Files.exists(dir.resolve(file)) ? Files.readAllLines(dir.resolve(file)) : List.of();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
