package dev.cameltiledb.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.cameltiledb.emulator.Seed;
import dev.cameltiledb.emulator.TileDBEmulator;
import dev.cameltiledb.emulator.common.Await;
import dev.cameltiledb.testing.LogCapture;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 27, item 16: notebooks whose names no backup file or TileDB address can hold ({@code sub/dir/nested} on a
 * classic server, {@code x/../../ESCAPED}, {@code /abs/ABS}) are reported once each, in {@code error/<id>.reason.txt},
 * by the notebook-backup route (the YAML file and its Java twin) and the feed moves past them: a few more backup
 * polls later each is still reported once, the other notebooks are backed up, and nothing is written outside the
 * backup folder.
 */
@Tag("server")
class BackupOfOddNamesTest {

    /** What the route reports. (camel-main's placeholder resolution logs the demo key at DEBUG: not checked here.) */
    @RegisterExtension
    static final LogCapture LOGS = new LogCapture();

    private static final String NOTEBOOK = "{\"cells\": [], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}";

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
        "CLASSIC, false, sub/dir/nested;x/../../ESCAPED;/abs/ABS",
        "CLASSIC, true, sub/dir/nested;x/../../ESCAPED;/abs/ABS",
        "WORKSPACE, false, x/../../ESCAPED;/abs/ABS"
    })
    void notebooksNamedLikePathsAreReportedOnceAndTheFeedMovesOn(
            ExamplesApplication.DemoServer server, boolean javaRoutes, String oddNames) throws Exception {
        List<String> odd = List.of(oddNames.split(";"));
        String ns = server.namespace;
        TileDBEmulator emulator = ExamplesApplication.startDemoEmulator(server, true);
        Main main = null;
        try {
            emulator.seed(new Seed(
                    null,
                    null,
                    odd.stream()
                            .map(name ->
                                    new Seed.SeedArray(ns, name, null, null, null, "notebook", null, null, NOTEBOOK))
                            .toList()));
            Path pipelines = dir.resolve("pipelines");
            main = ExamplesApplication.newMain(emulator.url(), ExamplesApplication.DEMO_TOKEN);
            main.addOverrideProperty("camel.main.duration-max-seconds", "0");
            main.addOverrideProperty("pipelines.dir", pipelines.toString());
            main.addOverrideProperty("backup.cron", "0/1 * * * * ?");
            main.addOverrideProperty("tiledb.namespace", ns);
            if (javaRoutes) {
                ExamplesApplication.useJavaRoutes(main);
                main.configure().setRouteFilterIncludePattern("java-notebook-backup");
            } else {
                main.addOverrideProperty("camel.main.routes-include-pattern", "file:../routes/notebook-backup.yaml");
            }
            main.start();

            Path backup = pipelines.resolve("backup");
            List<Path> reasons = odd.stream()
                    .map(name -> backup.resolve("error")
                            .resolve(emulator.array(ns, name).orElseThrow().id() + ".reason.txt"))
                    .toList();
            Await.until(() -> reasons.stream().allMatch(Files::exists), "a reason file for each of " + odd);
            Await.until(() -> Files.exists(backup.resolve(ns + "__quarterly-review.ipynb")), "the others backed up");
            Await.requests(
                    emulator,
                    x -> x.rawPath().equals("/v1/arrays/browser/owned")
                            && x.query().containsKey("file_type"),
                    3,
                    "three more backup polls");
            for (String name : odd) {
                String reason = Files.readString(backup.resolve("error")
                        .resolve(emulator.array(ns, name).orElseThrow().id() + ".reason.txt"));
                assertTrue(reason.contains(" could not be saved as "), reason);
                long reported = LOGS.lines().stream()
                        .filter(l -> l.startsWith("pipeline.backup ") && l.contains("could not be saved"))
                        .filter(l -> l.contains(
                                emulator.array(ns, name).orElseThrow().id()))
                        .count();
                assertEquals(1, reported, name + " reported once, not on every tick");
            }
            assertEquals(0, failedDownloads(emulator), "no download of them was sent and failed");
            try (Stream<Path> written = Files.walk(dir)) {
                assertFalse(
                        written.anyMatch(p -> p.getFileName().toString().contains("ESCAPED")),
                        "nothing written for x/../../ESCAPED, inside or outside the backup folder");
            }
        } finally {
            if (main != null) {
                main.stop();
            }
            emulator.stop();
        }
    }

    private static long failedDownloads(TileDBEmulator emulator) {
        return emulator.recordedExchanges().stream()
                .filter(x -> x.rawPath().endsWith("/query/get_file"))
                .filter(x -> x.status() >= 400)
                .count();
    }
}
