package dev.cameltiledb.component;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.client.model.ArrayTask;
import dev.cameltiledb.emulator.Organization;
import dev.cameltiledb.emulator.Seed;
import dev.cameltiledb.emulator.TileDBEmulator;
import dev.cameltiledb.emulator.common.Await;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Assumptions;

/**
 * What the data-plane tests share: the seed of an organization owned by alice (bob reads) whose array {@code sales}
 * holds six cells, sparse on {@code id} (INT64) with {@code region} (text) and {@code amount} (FLOAT64); the check that
 * {@code python3}, which the emulator runs UDFs with, is there; finding a running task.
 */
final class DataPlaneSeed {

    static final String SALES_SCHEMA = """
            {"arrayType":"sparse","tileOrder":"row-major","cellOrder":"row-major","capacity":10000,
             "allowsDuplicates":false,
             "domain":{"type":"INT64","dimensions":[
               {"name":"id","type":"INT64","domain":{"int64":[0,1000000]},"nullTileExtent":false,
                "tileExtent":{"int64":1000}}]},
             "attributes":[{"name":"region","type":"STRING_UTF8","cellValNum":4294967295,"nullable":false},
                           {"name":"amount","type":"FLOAT64","cellValNum":1,"nullable":false}]}""";

    static final String SALES_CELLS = """
            {"id": [1, 2, 3, 4, 5, 6],
             "region": ["EU", "US", "EU", "APAC", "US", "EU"],
             "amount": [10.0, 20.0, 30.0, 40.0, 50.0, 60.0]}""";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Boolean python;

    private DataPlaneSeed() {}

    /** The organization {@code namespace} with its array {@code sales} (and more arrays named in {@code others}). */
    static void namespaceWithSales(TileDBEmulator emulator, String namespace) {
        emulator.seed(new Seed(
                null,
                List.of(new Organization(namespace, Map.of("alice", "owner", "bob", "read_only"))),
                List.of(new Seed.SeedArray(namespace, "sales", null, null, null, null, null, null)
                        .withCells(json(SALES_SCHEMA), json(SALES_CELLS), 1_000L))));
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * The requests the suite's emulator answered whose path holds {@code part} (a namespace only a test's bad input
     * uses), as {@code METHOD /path}: none, when the bad input was refused before anything was sent.
     */
    static List<String> requestsTo(String part) {
        return SuiteEmulator.get().recordedExchanges().stream()
                .filter(x -> x.rawPath().contains(part))
                .map(x -> x.method() + " " + x.rawPath())
                .toList();
    }

    /** A task graph node that runs Python {@code source} with {@code arguments} (TileDB JSON values), in JSON. */
    static Map<String, Object> udfNode(String id, List<String> dependsOn, String source, List<Object> arguments) {
        return Map.of(
                "client_node_id",
                id,
                "name",
                id,
                "depends_on",
                dependsOn,
                "udf_node",
                Map.of(
                        "source_text",
                        source,
                        "arguments",
                        arguments.stream().map(a -> Map.of("value", a)).toList(),
                        "result_format",
                        "json",
                        "environment",
                        Map.of("language", "python")));
    }

    /** The one running task the tasks listing {@code tasksUri} shows, once it shows one. */
    static ArrayTask runningTask(ProducerTemplate template, String tasksUri) {
        List<ArrayTask> running = new ArrayList<>();
        Await.until(
                () -> {
                    List<?> tasks = template.requestBodyAndHeader(
                            tasksUri, null, TileDBConstants.TASK_STATUS, "RUNNING", List.class);
                    running.clear();
                    tasks.forEach(t -> running.add((ArrayTask) t));
                    return !running.isEmpty();
                },
                "a running task in " + tasksUri);
        return running.get(0);
    }

    /** Skips the test, saying why, when {@code python3} (the emulator's UDF runner) is not on the PATH. */
    static synchronized void assumePython3() {
        if (python == null) {
            try {
                Process p = new ProcessBuilder("python3", "--version")
                        .redirectErrorStream(true)
                        .start();
                p.getInputStream().readAllBytes();
                python = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException e) {
                python = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                python = false;
            }
        }
        Assumptions.assumeTrue(
                python,
                "python3 is not on the PATH: the emulator runs UDFs with it (Debian: apt-get install python3);"
                        + " the UDF tests are skipped");
    }
}
