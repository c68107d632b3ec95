package dev.cameltiledb.component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.emulator.RecordedExchange;
import dev.cameltiledb.emulator.TileDBEmulator;
import dev.cameltiledb.emulator.common.Await;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every resource × operation pair the component offers is served: walked from the pairs {@link TileDBOperation}
 * declares (the descriptor's operation and resource enums are checked to be exactly these), each pair is sent once,
 * over HTTP to an emulator of its platform (classic, or the workspace platform for {@code /v4}), and must answer
 * without an exception after at least one request the emulator answered with a 2xx status. The one pair that calls no
 * service is named in {@link #LOCAL} with the reason. A new operation fails here until it gets a call below.
 */
class EveryOperationTest {

    private static final String ALICE = "alice-key-every-op";
    private static final String WANDA = "wanda-key-every-op";
    private static final String TS = "acme/research";

    /**
     * Pairs that run Python on the emulator: without python3 the emulator answers them 501, naming the interpreter,
     * which shows the call reached its route all the same.
     */
    private static final Set<String> PYTHON = Set.of("udfs exec", "udfs apply", "udfs execMultiArray");

    /** Pairs that send no request on purpose, and why. */
    private static final Map<String, String> LOCAL = Map.of(
            "user configure", "writes a local profile file (the Python client's configure); it calls no service");

    private static final String NOTEBOOK = """
            {"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
            """;

    private static TileDBEmulator classic;
    private static String readingsEvent;
    private static String journalEvent;
    private static TileDBEmulator workspace;

    @TempDir
    static Path dir;

    /** How a pair is sent: to which platform, with which URI options and body. */
    private record Call(boolean workspacePlatform, String options, Object body) {}

    @BeforeAll
    static void startEmulators() throws IOException {
        classic = TileDBEmulator.builder()
                .recordExchanges()
                .seedFile(seed("classic.json", CLASSIC_SEED))
                .build()
                .start();
        workspace = TileDBEmulator.builder()
                .workspaceServer()
                .recordExchanges()
                .seedFile(seed("workspace.json", WORKSPACE_SEED))
                .build()
                .start();
        classic.startNotebookServer("acme");
        readingsEvent = classic.addActivity("acme", "readings", Instant.now().minusSeconds(60), "query_read", "alice");
        journalEvent = classic.addActivity("acme", "journal", Instant.now().minusSeconds(60), "read_schema", "alice");
    }

    @AfterAll
    static void stopEmulators() {
        classic.stop();
        workspace.stop();
    }

    @Test
    void theDescriptorListsExactlyTheResourcesAndOperationsWalked() throws IOException {
        JsonNode properties = descriptor().path("properties");
        Set<String> operations = new LinkedHashSet<>();
        properties.path("operation").path("enum").forEach(n -> operations.add(n.asText()));
        Set<String> declared = new LinkedHashSet<>();
        for (TileDBOperation operation : TileDBOperation.values()) {
            declared.add(operation.name());
        }
        assertEquals(declared, operations);
        Set<String> resources = new LinkedHashSet<>();
        properties.path("resource").path("enum").forEach(n -> resources.add(n.asText()));
        Set<String> canonical = new LinkedHashSet<>();
        for (TileDBResource resource : TileDBResource.values()) {
            canonical.add(resource.name());
        }
        assertTrue(resources.containsAll(canonical), resources + " lists every resource " + canonical);
        assertEquals(pairs(), calls().keySet(), "every offered pair has one call below, and no other");
    }

    @Test
    void everyOfferedPairIsServed() throws Exception {
        List<String> failures = new ArrayList<>();
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();
            for (Map.Entry<String, Call> entry : calls().entrySet()) {
                String pair = entry.getKey();
                Call call = entry.getValue();
                TileDBEmulator emulator = call.workspacePlatform() ? workspace : classic;
                String options = placeholders(call.options(), template);
                String[] parts = pair.split(" ");
                String uri = "tiledb:" + parts[0] + "?host=" + emulator.url() + "&apiKey="
                        + (call.workspacePlatform() ? WANDA : ALICE) + "&operation=" + parts[1]
                        + (options.isEmpty() ? "" : "&" + options);
                int before = emulator.recordedExchanges().size();
                Exchange reply = template.request(uri, e -> e.getMessage().setBody(call.body()));
                Exception e = reply.getException();
                boolean answered = e == null && !LOCAL.containsKey(pair) && answered(emulator, before);
                List<RecordedExchange> all = emulator.recordedExchanges();
                List<RecordedExchange> sent = all.subList(before, all.size());
                if (e != null && PYTHON.contains(pair) && !python3()) {
                    if (!String.valueOf(e.getMessage()).contains("python3")) {
                        failures.add(pair + " (no python3 here): " + e);
                    }
                } else if (e != null) {
                    failures.add(pair + ": " + e);
                } else if (LOCAL.containsKey(pair)) {
                    Path written = reply.getMessage().getBody(Path.class);
                    if (!sent.isEmpty() || written == null || !Files.isRegularFile(written)) {
                        failures.add(pair + ": wrote " + written + ", sent " + sent.size() + " requests");
                    }
                } else if (!answered) {
                    failures.add(pair + ": "
                            + sent.stream()
                                    .map(x -> x.method() + " " + x.rawPath() + " " + x.status())
                                    .toList());
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    /**
     * Whether the emulator answered a request after the first {@code before} with a 2xx status. A streamed answer is
     * recorded once it was sent in full, which may come after the client read it: waited for, up to Await's bound.
     */
    private static boolean answered(TileDBEmulator emulator, int before) {
        try {
            Await.until(
                    () -> {
                        List<RecordedExchange> all = emulator.recordedExchanges();
                        return all.subList(before, all.size()).stream().anyMatch(x -> x.status() / 100 == 2);
                    },
                    "a 2xx answer");
            return true;
        } catch (AssertionError none) {
            return false;
        }
    }

    /**
     * The options with their placeholders filled in from what the calls before made: {@code {task}}, a task the service
     * ran (the array reads above are tasks); {@code {sqlTask}}, the SQL task whose result was stored; {@code
     * {execution}}, the task graph execution submitted.
     */
    private static String placeholders(String options, ProducerTemplate template) {
        String filled = options;
        if (filled.contains("{task}")) {
            filled = filled.replace("{task}", firstTaskId(template, ""));
        }
        if (filled.contains("{sqlTask}")) {
            filled = filled.replace("{sqlTask}", firstTaskId(template, "&taskType=SQL"));
        }
        if (filled.contains("{execution}")) {
            List<?> executions = template.requestBody(
                    "tiledb:taskgraphs?operation=logs&namespace=acme&host=" + classic.url() + "&apiKey=" + ALICE,
                    null,
                    List.class);
            filled = filled.replace(
                    "{execution}", ((dev.cameltiledb.client.model.TaskGraphLog) executions.get(0)).uuid());
        }
        return filled;
    }

    /** The id of a task the service ran, read by the tasks listing with {@code filters}. */
    private static String firstTaskId(ProducerTemplate template, String filters) {
        List<?> tasks = template.requestBody(
                "tiledb:tasks?operation=list&host=" + classic.url() + "&apiKey=" + ALICE + filters, null, List.class);
        return ((dev.cameltiledb.client.model.ArrayTask) tasks.get(0)).id();
    }

    private static Boolean python;

    private static synchronized boolean python3() {
        if (python == null) {
            try {
                DataPlaneSeed.assumePython3();
                python = true;
            } catch (org.opentest4j.TestAbortedException e) {
                python = false;
            }
        }
        return python;
    }

    /** Every pair {@link TileDBOperation} declares, as {@code "resource operation"}. */
    private static Set<String> pairs() {
        Set<String> pairs = new LinkedHashSet<>();
        for (TileDBResource resource : TileDBResource.values()) {
            for (TileDBOperation operation : TileDBOperation.values()) {
                if (operation.isOfferedBy(resource)) {
                    pairs.add(resource + " " + operation);
                }
            }
        }
        return pairs;
    }

    /** Each pair's call, in the order they run: an asset is made before it is changed, and removed last. */
    private static Map<String, Call> calls() {
        Map<String, Call> calls = new LinkedHashMap<>();
        String array = "namespace=acme&array=readings";
        for (String op : List.of(
                "list",
                "listShared",
                "listPublic",
                "sidebar",
                "sharedSidebar",
                "publicSidebar",
                "listAll",
                "lastAccessed")) {
            calls.put("arrays " + op, classic(""));
        }
        calls.put("arrays listInNamespace", classic("namespace=acme"));
        for (String op : List.of(
                "info",
                "schema",
                "sharingPolicies",
                "activity",
                "metadataJson",
                "nonEmptyDomain",
                "nonEmptyDomainJson",
                "fragmentEndTimestamp",
                "sample",
                "versions")) {
            calls.put("arrays " + op, classic(array));
        }
        calls.put("arrays activityEvent", classic(array + "&activityId=" + readingsEvent));
        calls.put("arrays maxBufferSizes", classic(array + "&subarray=1,10"));
        calls.put(
                "arrays create",
                classic(
                        "namespace=acme&array=created&storageUri=s3://acme/created",
                        ArraysLifecycleTest.sparseSchema()));
        calls.put("arrays register", classic("namespace=acme&array=registered&storageUri=s3://acme/registered"));
        calls.put("arrays update", classic(array, Map.of("description", "hourly readings")));
        calls.put("arrays share", classic(array + "&targetNamespace=bob&actions=read"));
        calls.put("arrays unshare", classic(array + "&targetNamespace=bob"));
        calls.put("arrays deregister", classic("namespace=acme&array=registered"));
        calls.put("arrays delete", classic("namespace=acme&array=created"));

        String group = "namespace=acme&group=shelf";
        for (String op : List.of("list", "listShared", "listPublic")) {
            calls.put("groups " + op, classic(""));
        }
        calls.put("groups create", classic("namespace=acme&group=made&storageUri=s3://acme/made"));
        calls.put(
                "groups register",
                classic("namespace=acme&group=registered-group&storageUri=s3://acme/registered-group"));
        for (String op : List.of("info", "sharingPolicies", "activity", "metadata", "contents")) {
            calls.put("groups " + op, classic(group));
        }
        calls.put("groups update", classic(group, Map.of("description", "the shelf")));
        calls.put("groups share", classic(group + "&targetNamespace=bob&actions=read"));
        calls.put("groups unshare", classic(group + "&targetNamespace=bob"));
        calls.put(
                "groups updateMetadata",
                classic(group, "[{\"key\": \"runs\", \"type\": \"INT32\", \"valueNum\": 1, \"value\": [7]}]"));
        calls.put("groups deleteMetadata", classic(group + "&metadataKeys=runs"));
        calls.put("groups addMembers", classic(group + "&members=readings"));
        calls.put("groups removeMembers", classic(group + "&members=readings"));
        calls.put("groups deregister", classic("namespace=acme&group=registered-group"));
        calls.put("groups delete", classic("namespace=acme&group=made"));

        String notebook = "namespace=acme&array=journal";
        for (String op : List.of("list", "listShared", "listPublic")) {
            calls.put("notebooks " + op, classic(""));
        }
        for (String op : List.of("info", "sharingPolicies", "activity", "versions", "prune")) {
            calls.put("notebooks " + op, classic(notebook));
        }
        calls.put("notebooks activityEvent", classic(notebook + "&activityId=" + journalEvent));
        calls.put("notebooks download", classic(notebook + "&downloadAs=bytes"));
        calls.put("notebooks share", classic(notebook + "&targetNamespace=bob&actions=read"));
        calls.put("notebooks unshare", classic(notebook + "&targetNamespace=bob"));
        calls.put(
                "notebooks upload", classic("namespace=acme&array=uploaded&storagePath=s3://acme/notebooks", NOTEBOOK));
        calls.put("notebooks copy", classic(notebook + "&newName=journal-copy"));
        calls.put("notebooks rename", classic("namespace=acme&array=uploaded&newName=renamed"));
        calls.put("notebooks delete", classic("namespace=acme&array=renamed"));
        calls.put("notebooks serverStatus", classic("namespace=acme"));
        calls.put("notebooks shutdownServer", classic("namespace=acme"));

        for (String op : List.of(
                "profile", "organizations", "defaultChargedNamespace", "tokens", "sessionTokens", "tokenScopes")) {
            calls.put("user " + op, classic(""));
        }
        calls.put("user createToken", classic("tokenName=every-op"));
        calls.put("user revokeToken", classic("tokenName=every-op"));
        calls.put("user organization", classic("organization=acme"));
        calls.put("user listMembers", classic("organization=acme"));
        calls.put("user addMembers", classic("organization=acme&members=carol&role=read_only"));
        calls.put("user getMember", classic("organization=acme&user=carol"));
        calls.put("user updateMember", classic("organization=acme&user=carol&role=read_write"));
        calls.put("user removeMembers", classic("organization=acme&members=carol"));
        calls.put(
                "user configure",
                classic(
                        "profileDir=" + dir.resolve("profiles"),
                        Map.of(
                                "token",
                                "every-op-token",
                                "host",
                                "h.example.com",
                                "workspace",
                                "every-op-workspace",
                                "profile_name",
                                "every-op")));
        for (String op : List.of("selfUser", "currentUser", "userWorkspaces")) {
            calls.put("user " + op, onWorkspace(""));
        }
        calls.put("user deploymentUser", onWorkspace("user=victor"));
        calls.put("user workspace", onWorkspace("workspace=acme"));
        calls.put("user workspaceId", onWorkspace("workspace=acme"));

        for (String op : List.of("get", "listMembers")) {
            calls.put("workspaces " + op, onWorkspace("workspace=acme"));
        }
        calls.put("workspaces update", onWorkspace("workspace=acme", Map.of("description", "ACME, all of it")));
        calls.put("workspaces addMembers", onWorkspace("workspace=acme&members=xavier&role=member"));
        calls.put("workspaces getMember", onWorkspace("workspace=acme&user=xavier"));
        calls.put("workspaces updateMember", onWorkspace("workspace=acme&user=xavier&role=admin"));
        calls.put("workspaces removeMembers", onWorkspace("workspace=acme&members=xavier"));

        String scratch = "workspace=acme&teamspace=scratch";
        calls.put("teamspaces list", onWorkspace("workspace=acme"));
        calls.put(
                "teamspaces create",
                onWorkspace(
                        "workspace=acme", Map.of("name", "scratch", "description", "tmp", "visibility", "private")));
        calls.put("teamspaces get", onWorkspace(scratch));
        calls.put("teamspaces update", onWorkspace(scratch, Map.of("description", "temporary")));
        calls.put("teamspaces listMembers", onWorkspace(scratch));
        calls.put("teamspaces addMembers", onWorkspace(scratch + "&members=victor&role=editor"));
        calls.put("teamspaces getMember", onWorkspace(scratch + "&user=victor"));
        calls.put("teamspaces updateMember", onWorkspace(scratch + "&user=victor&role=viewer"));
        calls.put("teamspaces removeMembers", onWorkspace(scratch + "&members=victor"));
        calls.put("teamspaces delete", onWorkspace(scratch));

        String teamspace = "namespace=" + TS;
        calls.put("folders create", onWorkspace(teamspace + "&path=reports", "quarterly"));
        calls.put("folders get", onWorkspace(teamspace + "&path=reports"));
        calls.put("folders update", onWorkspace(teamspace + "&path=reports", Map.of("description", "by quarter")));
        calls.put("folders addMembers", onWorkspace(teamspace + "&path=reports&members=sales"));
        calls.put("folders contents", onWorkspace(teamspace + "&path=reports"));
        calls.put("folders removeMembers", onWorkspace(teamspace + "&path=reports&members=reports/sales"));
        calls.put("folders delete", onWorkspace(teamspace + "&path=attic"));

        calls.put("files upload", onWorkspace(teamspace + "&path=reports/q1.csv", "store,total\n1,100\n"));
        calls.put("files stat", onWorkspace(teamspace + "&path=reports/q1.csv"));
        calls.put("files download", onWorkspace(teamspace + "&path=reports/q1.csv&downloadAs=bytes"));
        calls.put("files list", onWorkspace(teamspace + "&prefix=reports/"));
        calls.put(
                "files create",
                classic("namespace=acme&array=scan&inputUri=s3://acme/in/scan.pdf&storageUri=s3://acme/files/scan"));
        calls.put("files export", classic("namespace=acme&array=scan&storageUri=s3://acme/out/scan.pdf"));

        String sales = teamspace + "&path=sales";
        calls.put("assets list", onWorkspace(teamspace));
        calls.put("assets listPublic", classic(""));
        calls.put("assets get", onWorkspace(sales));
        calls.put("assets ancestors", onWorkspace(sales));
        calls.put("assets update", onWorkspace(sales, Map.of("description", "sales by store")));
        calls.put(
                "assets updateMetadata",
                onWorkspace(sales, List.of(Map.of("key", "owner", "value", "finance", "type", "STRING_UTF8"))));
        calls.put("assets metadata", onWorkspace(sales));
        calls.put("assets deleteMetadata", onWorkspace(sales + "&metadataKeys=owner"));
        calls.put(
                "assets register",
                onWorkspace(teamspace + "&path=imported&storageUri=s3://acme/imported&credentialsName=aws-main"));
        calls.put("assets move", onWorkspace(teamspace + "&members=imported&targetFolder=reports"));

        calls.put("credentials list", onWorkspace("workspace=acme"));
        calls.put("credentials get", onWorkspace("workspace=acme&credential=aws-main"));

        calls.put("tasks list", classic(""));
        calls.put("tasks sidebar", classic(""));
        calls.put("tasks get", classic("taskId={task}"));

        calls.put("arrays query", classic("namespace=acme&array=prices&ranges=[[1,2]]&fields=price"));
        calls.put("arrays write", classic("namespace=acme&array=prices", List.of(Map.of("id", 4, "price", 4.5))));
        calls.put("arrays read", classic("namespace=acme&array=prices&ranges=[[1,4]]&fields=price"));
        calls.put(
                "sql exec",
                classic("namespace=acme&storeResults=true", "select id, price from `tiledb://acme/prices`"));
        calls.put("tasks result", classic("taskId={sqlTask}"));

        String udf = "namespace=acme&udfName=anything";
        calls.put("udfs register", classic(udf, Map.of("exec_raw", "def anything(*args, **kwargs):\n    return 42\n")));
        calls.put("udfs info", classic(udf));
        calls.put("udfs update", classic(udf, Map.of("readme", "answers 42")));
        calls.put("udfs exec", classic("udfName=acme/anything", List.of(1)));
        calls.put("udfs apply", classic("namespace=acme&array=prices&udfName=acme/anything"));
        calls.put(
                "udfs execMultiArray",
                classic("namespace=acme&udfName=acme/anything&arraySlices=[\"tiledb://acme/prices\"]"));
        for (String op : List.of("list", "listShared", "listPublic", "favorites")) {
            calls.put("udfs " + op, classic(""));
        }
        calls.put("udfs share", classic(udf + "&targetNamespace=bob"));
        calls.put("udfs sharingPolicies", classic(udf));
        calls.put("udfs unshare", classic(udf + "&targetNamespace=bob"));
        calls.put("udfs versions", classic(udf));
        calls.put("udfs copy", classic(udf + "&newName=anything-copy&targetNamespace=acme"));
        calls.put("udfs delete", classic(udf));

        String graph = "namespace=acme&graphName=nightly";
        calls.put(
                "taskgraphs register",
                classic(
                        graph,
                        Map.of(
                                "nodes",
                                List.of(Map.of(
                                        "client_node_id", "one", "sql_node", Map.of("query", "select 1 as one"))))));
        calls.put("taskgraphs info", classic(graph));
        calls.put("taskgraphs update", classic(graph, Map.of("readme", "runs nightly")));
        for (String op : List.of("list", "listShared", "listPublic", "logs")) {
            calls.put("taskgraphs " + op, classic(""));
        }
        calls.put("taskgraphs share", classic(graph + "&targetNamespace=bob"));
        calls.put("taskgraphs sharingPolicies", classic(graph));
        calls.put("taskgraphs unshare", classic(graph + "&targetNamespace=bob"));
        calls.put(
                "taskgraphs submit",
                classic("graphName=acme/nightly&waitForCompletion=true&completionPollInterval=20"));
        String execution = "namespace=acme&executionId={execution}";
        for (String op : List.of("log", "retry", "resubmit", "stop")) {
            calls.put("taskgraphs " + op, classic(execution));
        }
        calls.put("taskgraphs delete", classic(graph));
        return calls;
    }

    private static Call classic(String options) {
        return new Call(false, options, null);
    }

    private static Call classic(String options, Object body) {
        return new Call(false, options, body);
    }

    private static Call onWorkspace(String options) {
        return new Call(true, options, null);
    }

    private static Call onWorkspace(String options, Object body) {
        return new Call(true, options, body);
    }

    private static JsonNode descriptor() throws IOException {
        try (InputStream in =
                EveryOperationTest.class.getResourceAsStream("/META-INF/dev/cameltiledb/component/tiledb.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static Path seed(String name, String json) {
        try {
            return Files.writeString(dir.resolve(name), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String SCHEMA = """
            {"arrayType": "dense", "tileOrder": "row-major", "cellOrder": "row-major",
             "domain": {"dimensions": [{"name": "d", "type": "INT32", "domain": {"int32": [1, 100]},
                                        "tileExtent": {"int32": 10}}]},
             "attributes": [{"name": "value", "type": "FLOAT64"}]}
            """;

    private static final String CLASSIC_SEED = """
            {"users": [
               {"username": "alice", "email": "alice@example.com", "password": "alice-password", "apiKeys": ["%s"]},
               {"username": "bob", "email": "bob@example.com", "password": "bob-password", "apiKeys": ["bob-key-every-op"]},
               {"username": "carol", "email": "carol@example.com", "password": "carol-password"}],
             "organizations": [{"name": "acme", "members": {"alice": "owner", "bob": "read_only"}}],
             "arrays": [
               {"namespace": "acme", "name": "readings", "type": "dense", "metadata": {"units": "celsius"},
                "activity": [{"action": "query_read", "username": "alice", "at": "-PT1H"}]},
               {"namespace": "acme", "name": "journal", "content": "{\\"cells\\": [], \\"nbformat\\": 4}"},
               {"namespace": "acme", "name": "prices",
                "schema": {"arrayType": "sparse", "tileOrder": "row-major", "cellOrder": "row-major", "capacity": 100,
                           "domain": {"type": "INT64", "dimensions": [{"name": "id", "type": "INT64",
                             "domain": {"int64": [0, 1000]}, "nullTileExtent": false, "tileExtent": {"int64": 10}}]},
                           "attributes": [{"name": "price", "type": "FLOAT64", "cellValNum": 1, "nullable": false}]},
                "cells": {"id": [1, 2, 3], "price": [1.5, 2.5, 3.5]}}],
             "groups": [{"namespace": "acme", "name": "shelf"}]}
            """.formatted(ALICE);

    private static final String WORKSPACE_SEED = """
            {"users": [
               {"username": "wanda", "email": "wanda@example.com", "password": "wanda-password",
                "apiKeys": ["%s"], "role": "owner"},
               {"username": "victor", "email": "victor@example.com", "password": "victor-password",
                "apiKeys": ["victor-key-every-op"]},
               {"username": "xavier", "email": "xavier@example.com", "password": "xavier-password"}],
             "workspaces": [
               {"name": "acme", "members": {"wanda": "owner", "victor": "member"},
                "teamspaces": [{"name": "research", "members": {"wanda": "owner", "victor": "viewer"}}],
                "credentials": [{"name": "aws-main", "provider": "AWS", "accessKeyId": "AKIAEXAMPLE",
                                 "secretAccessKey": "not-a-secret"}]}],
             "arrays": [{"namespace": "acme/research", "name": "sales", "uri": "s3://acme/sales"}],
             "folders": [{"namespace": "acme/research", "path": "attic"}]}
            """.formatted(WANDA);
}
