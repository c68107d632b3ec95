package dev.cameltiledb.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.arraylake.emulator.ApiDescription;
import dev.cameltiledb.arraylake.emulator.ArraylakeEmulator;
import dev.cameltiledb.arraylake.emulator.RepoSnapshot;
import dev.cameltiledb.emulator.ArraySnapshot;
import dev.cameltiledb.emulator.Seed;
import dev.cameltiledb.emulator.TileDBEmulator;
import dev.cameltiledb.emulator.common.Await;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The five pipelines, loaded by camel-main with the examples' application.properties (schedules shortened),
 * against the demo emulator; each pipeline's effect is checked against the emulator's state. The YAML files and
 * their Java DSL twins must pass the same checks.
 */
@Tag("server")
abstract class PipelinesTest {

    /** Where the demo data lives on the server under test: a namespace, or a teamspace (workspace/teamspace). */
    private static String NS;

    private static final String LONG_NAME = "a-notebook-with-a-very-long-name-".repeat(9);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static TileDBEmulator emulator;
    private static ArraylakeEmulator arraylake;
    private static Main main;

    /** The demo org's repositories (demo-arraylake-seed.json); the first two name the nightly maintenance window. */
    private static final List<String> REPOS =
            List.of("era5-reanalysis", "ocean-temperature", "soil-moisture", "station-obs");

    /** Starts everything with the routes of the subclass's DSL, on the classic platform. */
    static void start(boolean javaRoutes) throws Exception {
        start(javaRoutes, ExamplesApplication.DemoServer.CLASSIC);
    }

    /** Starts everything with the routes of the subclass's DSL on the given demo server; the routes are the same. */
    static void start(boolean javaRoutes, ExamplesApplication.DemoServer server) throws Exception {
        NS = server.namespace;
        emulator = ExamplesApplication.startDemoEmulator(server, true);
        // a notebook whose backup file name is too long for the file system (255 bytes)
        emulator.seed(new Seed(
                null,
                null,
                List.of(new Seed.SeedArray(
                        NS,
                        LONG_NAME,
                        "s3://demo-bucket/notebooks/long",
                        null,
                        null,
                        "notebook",
                        null,
                        null,
                        "{\"cells\": [], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}"))));
        Path inbox = dir.resolve("inbox");
        ExamplesApplication.dropDemoNotebook(inbox);
        Files.writeString(inbox.resolve("broken.ipynb"), "{ this is not json");
        // the CSV drop folder: the demo's readings, and a file whose second line does not fit the columns
        ExamplesApplication.dropDemoCsv(dir.resolve("csv-inbox"));
        Files.writeString(
                dir.resolve("csv-inbox").resolve("broken.csv"),
                "id,station,temperature\n201,north,10.0\nnot-a-number,south,3.0\n");
        arraylake = ExamplesApplication.startArraylakeDemo(true);
        // a nightly repository someone else took into maintenance: the window must leave it alone
        arraylake.setRepoStatus("demo-org", "ocean-temperature", "maintenance", "storage migration");
        main = ExamplesApplication.newMain(emulator.url(), ExamplesApplication.DEMO_TOKEN);
        ExamplesApplication.useArraylake(main, arraylake.url(), ExamplesApplication.ARRAYLAKE_DEMO_TOKEN);
        Map<String, String> overrides = new java.util.LinkedHashMap<>();
        overrides.put("camel.main.routes-include-pattern", "file:../routes/*.yaml");
        overrides.put("camel.main.duration-max-seconds", "0");
        overrides.put("pipelines.dir", dir.toString());
        overrides.put("backup.cron", "0/1 * * * * ?");
        overrides.put("catalog.cron", "0/1 * * * * ?");
        overrides.put("catalog.jdbc-url", "jdbc:h2:file:" + dir.resolve("catalog"));
        overrides.put("guard.period", "300");
        overrides.put("data-catalog.cron", "0/1 * * * * ?");
        overrides.put("sales.cron", "0/1 * * * * ?");
        overrides.put("csv.batch-size", "5");
        overrides.put("readings.batch-size", "4");
        overrides.put("maintenance.start-cron", "0/2 * * * * ?");
        overrides.put("maintenance.end-cron", "1/2 * * * * ?");
        overrides.put("tiledb.namespace", NS);
        overrides.forEach(main::addOverrideProperty);
        if (javaRoutes) {
            ExamplesApplication.useJavaRoutes(main);
        }
        if (server == ExamplesApplication.DemoServer.WORKSPACE) {
            ExamplesApplication.leaveOutTheDataPlane(main);
        }
        main.start();
    }

    @AfterAll
    static void stop() {
        main.stop();
        emulator.stop();
        arraylake.stop();
        // what the pipelines sent to Arraylake, and what the emulator answered, as our API description says
        List<String> violations = ApiDescription.violations(arraylake.recordedExchanges());
        assertEquals(List.of(), violations, "Arraylake exchanges of the pipelines that break arraylake-api.yaml");
        assertFalse(arraylake.recordedExchanges().isEmpty(), "the pipelines reached Arraylake");
    }

    @Test
    void theKafkaFanOutIsLeftOutWithoutABroker() {
        // routes/*.yaml includes activity-to-kafka.yaml, and PipelineRoutes its twin: neither route is made
        assertNull(main.getCamelContext().getRoute("activity-to-kafka"));
        assertNull(main.getCamelContext().getRoute("java-activity-to-kafka"));
        assertNull(main.getCamelContext().getRoute("kafka-to-array"));
        assertNull(main.getCamelContext().getRoute("java-kafka-to-array"));
        assertFalse(main.getCamelContext().getRoutes().isEmpty(), "the other pipelines run");
    }

    @Test
    void notebookInboxUploadsSharesAndSortsFiles() throws Exception {
        Path inbox = dir.resolve("inbox");
        Await.until(() -> Files.exists(inbox.resolve("done/welcome.ipynb")), "welcome.ipynb in done");
        Await.until(() -> Files.exists(inbox.resolve("error/broken.ipynb")), "broken.ipynb in error");
        ArraySnapshot welcome = emulator.array(NS, "welcome").orElseThrow();
        assertEquals("notebook", welcome.fileType());
        assertEquals(Map.of("analyst", List.of("read")), welcome.sharing());
        assertArrayEquals(
                Files.readAllBytes(inbox.resolve("done/welcome.ipynb")),
                emulator.notebookContent(NS, "welcome").orElseThrow());
        Await.until(() -> Files.exists(inbox.resolve("error/broken.ipynb.reason.txt")), "the reason file");
        assertTrue(
                Files.readString(inbox.resolve("error/broken.ipynb.reason.txt")).contains("not valid JSON"));
        assertTrue(emulator.array(NS, "broken").isEmpty(), "nothing created for the broken file");
    }

    @Test
    void notebookBackupHoldsEveryNotebookByteForByte() throws Exception {
        Path backup = dir.resolve("backup");
        List<String> notebooks = List.of("quarterly-review", "sensor-drift", "welcome");
        Await.until(
                () -> notebooks.stream().allMatch(n -> Files.exists(backup.resolve(NS + "__" + n + ".ipynb"))),
                "three backups");
        for (String name : notebooks) {
            assertArrayEquals(
                    emulator.notebookContent(NS, name).orElseThrow(),
                    Files.readAllBytes(backup.resolve(NS + "__" + name + ".ipynb")),
                    name);
        }
    }

    @Test
    void aNotebookTheFolderCannotHoldIsReportedOnceAndNotFetchedEveryTick() throws Exception {
        Path errors = dir.resolve("backup").resolve("error");
        Await.until(() -> reasonFiles(errors).size() == 1, "the reason file");
        String reason = Files.readString(reasonFiles(errors).get(0));
        assertTrue(reason.startsWith("tiledb://" + NS + "/" + LONG_NAME + " could not be saved as "), reason);
        java.util.function.Predicate<dev.cameltiledb.emulator.RecordedExchange> downloads =
                x -> x.rawPath().equals("/v1/arrays/" + NS + "/" + LONG_NAME + "/query/get_file");
        long fetched = Await.count(emulator, downloads);
        // the backup runs every second: wait for three more of its polls (each lists the notebooks)
        Await.requests(
                emulator,
                x -> x.rawPath().equals("/v1/arrays/browser/owned") && x.query().containsKey("file_type"),
                3,
                "three more backup polls");
        assertEquals(fetched, Await.count(emulator, downloads), "not downloaded again");
        assertEquals(1, reasonFiles(errors).size());
    }

    private static List<Path> reasonFiles(Path errors) {
        try (Stream<Path> files = Files.list(errors)) {
            return files.filter(f -> f.toString().endsWith(".reason.txt")).toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    @Test
    void activityAuditWritesEveryEventOnceAsAJsonLine() throws Exception {
        Await.until(
                () -> auditIds().equals(emulatorEventIds()) && !auditIds().isEmpty(),
                "the audit to catch up with the emulator");
        List<JsonNode> lines = auditLines();
        assertEquals(lines.size(), auditIds().size(), "no event written twice");
        JsonNode delete = lines.stream()
                .filter(l -> l.path("event").path("action").asText().equals("query_delete"))
                .findFirst()
                .orElseThrow();
        assertEquals("tiledb://" + NS + "/payroll", delete.path("array").asText());
        assertEquals("demo", delete.path("event").path("username").asText());
        assertTrue(delete.path("event").path("event_at").asText().endsWith("Z"), "times as ISO-8601 text");
    }

    @Test
    void catalogSyncUpsertsEveryArrayIntoTheTable() throws Exception {
        Await.until(() -> catalogRows().keySet().equals(emulatorArrays().keySet()), "the catalog to list every array");
        Await.until(() -> catalogRows().equals(emulatorArrays()), "the catalog rows to match the emulator");
    }

    @Test
    void theDataPlanePipelinesRunOnClassicTileDBCloudOnly() {
        boolean teamspace = NS.contains("/");
        for (String id : ExamplesApplication.DATA_PLANE_ROUTES.split(",")) {
            boolean made = main.getCamelContext().getRoute(id) != null;
            boolean ofThisDsl = main.getCamelContext().getRoutes().stream()
                    .anyMatch(r -> r.getRouteId().startsWith("java-") == id.startsWith("java-"));
            if (ofThisDsl) {
                assertEquals(!teamspace, made, id + (teamspace ? " left out for a teamspace" : " made"));
            }
        }
    }

    @Test
    void salesByRegionUpsertsTheSqlAggregateOfTheSalesCells() throws Exception {
        assumeTrue(!NS.contains("/"), "the data plane is classic TileDB Cloud's: left out on the workspace platform");
        Map<String, String> expected = aggregateOfTheSeededSales();
        Await.until(() -> salesByRegion().equals(expected), "sales_by_region to hold the aggregate of " + expected);
        assertEquals(Set.of("north", "south", "west"), expected.keySet(), "the seed's regions");
    }

    @Test
    void aWriteOfAnArrayRunsTheRegisteredUdfAndItsFailureIsAlertedOnce() throws Exception {
        assumeTrue(!NS.contains("/"), "the data plane is classic TileDB Cloud's: left out on the workspace platform");
        assumeTrue(PYTHON3, "python3 is not on the PATH: the emulator cannot run the UDF this pipeline registers");
        Path results = dir.resolve("udf-results");
        Await.until(
                () -> udfResults(results).contains("{\"sales\":8,\"total\":788.0}"),
                "the UDF's summary of the sales array's write in " + results);
        Path alerts = dir.resolve("alerts").resolve("alerts.jsonl");
        Await.until(
                () -> alertLines(alerts).size() == 1, "one alert for the UDF that failed on the empty sensors array");
        // three more polls of the tasks consumer bring no second line for the same task
        Await.requests(
                emulator, x -> x.method().equals("GET") && x.rawPath().equals("/v1/tasks"), 3, "three more task polls");
        List<JsonNode> lines = alertLines(alerts);
        assertEquals(1, lines.size(), lines.toString());
        JsonNode alert = lines.get(0);
        assertEquals("FAILED", alert.path("status").asText());
        assertEquals("sensors", alert.path("array_metadata").path("name").asText());
        assertTrue(alert.path("logs").asText().contains("ValueError: nothing to summarise"), alert.toString());
    }

    /**
     * The two cells pipelines in one test, since the second follows what the first writes: the CSV drop lands in the
     * readings array in batches (a broken file writes nothing), and the array's new cells reach the readings table
     * once each, a later write of a cell replacing its row.
     */
    @Test
    void aCsvDropReachesTheArrayInBatchesAndTheArraysNewCellsTheCatalogOnceEach() throws Exception {
        assumeTrue(!NS.contains("/"), "the data plane is classic TileDB Cloud's: left out on the workspace platform");
        Path csv = dir.resolve("csv-inbox");
        Await.until(() -> Files.exists(csv.resolve("done/readings-demo.csv")), "readings-demo.csv in done");
        Await.until(() -> Files.exists(csv.resolve("error/broken.csv")), "broken.csv in error");
        Map<Long, String> expected = new TreeMap<>(SEEDED_READINGS);
        expected.putAll(demoCsv());
        assertEquals(
                expected,
                readings(emulatorClient()),
                "the seed's three cells and the CSV's twelve; none of broken.csv");
        try (var client = emulatorClient()) {
            List<Long> fragments = client.arrays()
                    .versions(new dev.cameltiledb.client.AssetRef(NS, "readings"), 1, 100)
                    .items();
            assertEquals(
                    4, fragments.size(), "the seed's fragment and one per batch of 5 lines (5, 5, 2): " + fragments);
        }

        Await.until(() -> readingsTable().equals(expected), "the readings table to hold the array's 15 cells");
        // a later write of cell 101 replaces its row: the table follows the array, one row per cell
        try (var client = emulatorClient()) {
            var schema = client.cells().schema(NS, "readings");
            client.cells()
                    .write(
                            NS,
                            "readings",
                            schema,
                            dev.cameltiledb.client.cells.CellInput.rows(
                                    schema, List.of(Map.of("id", 101L, "station", "north", "temperature", 21.5))),
                            null);
        }
        expected.put(101L, "north|21.5");
        Await.until(() -> readingsTable().equals(expected), "row 101 to follow the array's new cell");
        Await.requests(
                emulator,
                x -> x.rawPath().equals("/v1/arrays/" + NS + "/readings/fragment_end_timestamp"),
                2,
                "two more polls of the cells consumer, in which nothing more may change");
        assertEquals(expected, readingsTable());
    }

    /** The cells the demo seed gives the readings array: id -> "station|temperature". */
    private static final Map<Long, String> SEEDED_READINGS =
            Map.of(1L, "north|11.5", 2L, "south|17.25", 3L, "east|14.0");

    /** The demo CSV's rows: id -> "station|temperature". */
    private static Map<Long, String> demoCsv() throws Exception {
        Map<Long, String> rows = new TreeMap<>();
        try (var in = ExamplesApplication.class.getResourceAsStream("/demo-csv/readings-demo.csv")) {
            List<String> lines =
                    List.of(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n"));
            for (String line : lines.subList(1, lines.size())) {
                String[] v = line.split(",");
                rows.put(Long.parseLong(v[0]), v[1] + "|" + Double.parseDouble(v[2]));
            }
        }
        return rows;
    }

    private static dev.cameltiledb.client.TileDBClient emulatorClient() {
        return new dev.cameltiledb.client.TileDBClient(
                dev.cameltiledb.client.ClientSettings.of(emulator.url(), ExamplesApplication.DEMO_TOKEN));
    }

    /** The readings array's cells as of now, read through the query protocol: id -> "station|temperature". */
    private static Map<Long, String> readings(dev.cameltiledb.client.TileDBClient client) {
        try (client) {
            var schema = client.cells().schema(NS, "readings");
            Map<Long, String> cells = new TreeMap<>();
            try (var pages = client.cells().read(NS, "readings", schema, dev.cameltiledb.client.cells.CellRead.all())) {
                while (pages.hasNext()) {
                    pages.next()
                            .rows()
                            .forEach(r -> cells.put((Long) r.get("id"), r.get("station") + "|" + r.get("temperature")));
                }
            }
            return cells;
        }
    }

    private static Map<Long, String> readingsTable() {
        Map<Long, String> rows = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("catalog"), "sa", "");
                java.sql.Statement query = c.createStatement()) {
            ResultSet rs = query.executeQuery("SELECT id, station, temperature FROM readings");
            while (rs.next()) {
                rows.put(rs.getLong(1), rs.getString(2) + "|" + rs.getDouble(3));
            }
        } catch (java.sql.SQLException e) {
            return Map.of();
        }
        return rows;
    }

    /** Whether python3 runs here: the UDF pipeline's runs need it. */
    private static final boolean PYTHON3 = python3();

    private static boolean python3() {
        try {
            Process p = new ProcessBuilder("python3", "--version")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Region -> "sales|total" computed from the cells the demo seed gives the sales array. */
    private static Map<String, String> aggregateOfTheSeededSales() throws Exception {
        JsonNode seed;
        try (var in = ExamplesApplication.class.getResourceAsStream("/demo-seed.json")) {
            seed = JSON.readTree(in);
        }
        JsonNode cells = null;
        for (JsonNode array : seed.path("arrays")) {
            if (array.path("name").asText().equals("sales")) {
                cells = array.path("cells");
            }
        }
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, Double> totals = new TreeMap<>();
        for (int i = 0; i < cells.path("region").size(); i++) {
            String region = cells.path("region").get(i).asText();
            counts.computeIfAbsent(region, r -> new long[1])[0]++;
            totals.merge(region, cells.path("amount").get(i).asDouble(), Double::sum);
        }
        Map<String, String> rows = new TreeMap<>();
        counts.forEach((region, n) -> rows.put(region, n[0] + "|" + totals.get(region)));
        return rows;
    }

    private static Map<String, String> salesByRegion() {
        Map<String, String> rows = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("catalog"), "sa", "");
                java.sql.Statement query = c.createStatement()) {
            ResultSet rs = query.executeQuery("SELECT region, sales, total FROM sales_by_region");
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getLong(2) + "|" + rs.getDouble(3));
            }
        } catch (java.sql.SQLException e) {
            return Map.of();
        }
        return rows;
    }

    private static Set<String> udfResults(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            Set<String> contents = new HashSet<>();
            for (Path f : files.toList()) {
                contents.add(Files.readString(f));
            }
            return contents;
        } catch (java.io.IOException e) {
            return Set.of();
        }
    }

    private static List<JsonNode> alertLines(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<JsonNode> lines = new java.util.ArrayList<>();
            for (String line : completeLines(file)) {
                if (!line.isBlank()) {
                    lines.add(JSON.readTree(line));
                }
            }
            return lines;
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    @Test
    void publicShareGuardUnsharesRestrictedArrays() throws Exception {
        Await.until(() -> !emulator.array(NS, "customers").orElseThrow().isPublic(), "customers to be private");
        assertFalse(emulator.array(NS, "customers").orElseThrow().isPublic());
        assertTrue(
                emulator.array(NS, "weather").orElseThrow().isPublic(),
                "public arrays not tagged restricted stay public");
    }

    @Test
    void dataCatalogHoldsArraysAndRepositoriesSideBySide() throws Exception {
        Await.until(
                () -> dataCatalog("tiledb").equals(emulatorArrays().keySet())
                        && dataCatalog("arraylake").equals(new java.util.TreeSet<>(REPOS)),
                "the data catalog to hold every array and every repository");
        assertEquals(
                "demo-org|icechunk",
                dataCatalogRow("arraylake", "era5-reanalysis"),
                "a repository row: its org and kind");
    }

    @Test
    void maintenanceWindowTakesItsRepositoriesDownAndBackWithAnAuditLineEach() throws Exception {
        Path log = dir.resolve("maintenance").resolve("maintenance.log");
        Await.until(
                () -> maintenanceLines(log).stream()
                        .anyMatch(l -> l.endsWith("demo-org/era5-reanalysis maintenance -> online (nightly window)")),
                "era5-reanalysis to go into maintenance and come back online");
        List<String> lines = maintenanceLines(log);
        int down = lines.indexOf(lines.stream()
                .filter(l -> l.endsWith("demo-org/era5-reanalysis online -> maintenance (nightly window)"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line taking era5-reanalysis down: " + lines)));
        assertTrue(
                lines.subList(down, lines.size()).stream()
                        .anyMatch(l -> l.contains("era5-reanalysis maintenance -> online")),
                "back online after it went down: " + lines);
        // only repositories that name the window, and none that someone else put into maintenance
        assertTrue(lines.stream().allMatch(l -> l.contains("demo-org/era5-reanalysis ")), lines.toString());
        RepoSnapshot migrating = arraylake.repo("demo-org", "ocean-temperature").orElseThrow();
        assertEquals("maintenance", migrating.statusMode());
        assertEquals("storage migration", migrating.statusMessage());
        for (String untouched : List.of("soil-moisture", "station-obs")) {
            assertEquals(
                    0,
                    arraylake.requests().stream()
                            .filter(r -> r.method().equals("PUT")
                                    && r.path().equals("/orgs/demo-org/" + untouched + "/status"))
                            .count(),
                    untouched + " has no maintenance window");
        }
    }

    private static List<String> maintenanceLines(Path log) {
        try {
            return Files.exists(log) ? Files.readAllLines(log) : List.of();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    /** The names of one service's rows in the data_catalog table. */
    private static Set<String> dataCatalog(String service) {
        Set<String> names = new java.util.TreeSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("catalog"), "sa", "");
                java.sql.PreparedStatement query =
                        c.prepareStatement("SELECT name FROM data_catalog WHERE service = ? AND owner = ?")) {
            query.setString(1, service);
            query.setString(2, service.equals("tiledb") ? NS : "demo-org");
            ResultSet rs = query.executeQuery();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        } catch (java.sql.SQLException e) {
            return Set.of();
        }
        return names;
    }

    /** "owner|kind" of one row of the data_catalog table. */
    private static String dataCatalogRow(String service, String name) throws java.sql.SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("catalog"), "sa", "");
                java.sql.PreparedStatement query =
                        c.prepareStatement("SELECT owner, kind FROM data_catalog WHERE service = ? AND name = ?")) {
            query.setString(1, service);
            query.setString(2, name);
            ResultSet rs = query.executeQuery();
            return rs.next() ? rs.getString(1) + "|" + rs.getString(2) : null;
        }
    }

    private static List<JsonNode> auditLines() {
        try (Stream<Path> files = Files.list(dir.resolve("audit"))) {
            return files.flatMap(f -> completeLines(f).stream())
                    .filter(l -> !l.isBlank())
                    .map(l -> {
                        try {
                            return JSON.readTree(l);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    /**
     * The lines of a file a pipeline appends to, up to its last line break: a line being written as the test reads
     * is not complete yet, and is read on the next look.
     */
    private static List<String> completeLines(Path file) {
        try {
            String text = Files.readString(file);
            int end = text.lastIndexOf('\n');
            return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Set<String> auditIds() {
        return auditLines().stream()
                .map(l -> l.path("event").path("id").asText())
                .collect(Collectors.toSet());
    }

    private static Set<String> emulatorEventIds() {
        Set<String> ids = new HashSet<>();
        emulator.arrays().stream().filter(a -> a.namespace().equals(NS)).forEach(a -> ids.addAll(a.activityIds()));
        return ids;
    }

    /** name -> "public|tags" as the emulator holds them. */
    private static Map<String, String> emulatorArrays() {
        return emulator.arrays().stream()
                .filter(a -> a.namespace().equals(NS))
                .collect(Collectors.toMap(
                        ArraySnapshot::name, a -> a.isPublic() + "|" + a.tags(), (a, b) -> a, TreeMap::new));
    }

    /** name -> "public|tags" as the catalog table holds them. */
    private static Map<String, String> catalogRows() {
        Map<String, String> rows = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("catalog"), "sa", "");
                java.sql.PreparedStatement query =
                        c.prepareStatement("SELECT name, public_share, tags FROM catalog WHERE namespace = ?")) {
            query.setString(1, NS);
            ResultSet rs = query.executeQuery();
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getBoolean(2) + "|" + rs.getString(3));
            }
        } catch (java.sql.SQLException e) {
            return Map.of();
        }
        return rows;
    }
}
