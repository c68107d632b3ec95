package dev.cameltiledb.component;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import dev.cameltiledb.client.TileDBApiException;
import dev.cameltiledb.client.TileDBNotFoundException;
import dev.cameltiledb.client.model.ArrayInfo;
import dev.cameltiledb.client.model.ArraySharing;
import dev.cameltiledb.client.model.ArrayTask;
import dev.cameltiledb.client.model.UdfCopied;
import dev.cameltiledb.client.model.UdfInfo;
import dev.cameltiledb.emulator.RecordedExchange;
import dev.cameltiledb.emulator.common.Await;
import dev.cameltiledb.testing.LogCapture;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code tiledb:udfs} over HTTP to the emulator, which runs the UDFs in a local {@code python3} (the tests that run
 * one are skipped, saying so, without it): Python source or a registered UDF run with arguments from the body or the
 * arguments option, on their own, over a slice of one array and over slices of several; the task id, the logs and
 * the traceback of a UDF that raises; a UDF past its timeout; the management of registered UDFs (register, info, list,
 * share, unshare, update, versions, copy, favorites, delete). Bad input fails before any request, naming the option.
 */
class UdfsTest extends DataPlaneRouteTest {

    @RegisterExtension
    static final LogCapture LOGS = new LogCapture(SuiteEmulator.ALICE_TOKEN);

    private static final String NS = "udfns";
    /** A namespace nothing but the bad input uses: requests there are counted. */
    private static final String NEVER = "udf-never-sent";

    private static final String ADD = "def add(x, y):\n    print('adding', x, 'and', y)\n    return x + y\n";

    @Override
    String namespace() {
        return NS;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:udf").to(SuiteEmulator.uri("udf", "namespace=" + NS));
                from("direct:udfs").to(SuiteEmulator.uri("udfs", "namespace=" + NS));
                from("direct:stream")
                        .to(SuiteEmulator.uri("udfs", "namespace=" + NS + "&streamResults=true"))
                        .split(body())
                        .streaming()
                        .to("mock:row");
                from("direct:tasks").to(SuiteEmulator.uri("tasks", ""));
                from("direct:never-udf").to(SuiteEmulator.uri("udf", "namespace=" + NEVER));
                from("direct:never-udfs").to(SuiteEmulator.uri("udfs", "namespace=" + NEVER));
            }
        };
    }

    @Test
    void pythonSourceRunsWithTheBodyAsItsArgumentsAndItsPrintsAreTheTasksLogs() {
        DataPlaneSeed.assumePython3();
        Exchange reply = send("direct:udf", List.of(2, 40), Map.of(TileDBConstants.UDF_SOURCE, ADD));
        assertEquals(42, ok(reply));
        String taskId = reply.getMessage().getHeader(TileDBConstants.TASK_ID, String.class);
        ArrayTask task = (ArrayTask)
                Operations.call(template, "direct:tasks", "get", null, Map.of(TileDBConstants.TASK_ID, taskId));
        assertEquals("GENERIC_UDF", task.type());
        assertEquals("COMPLETED", task.status());
        assertTrue(task.logs().contains("adding 2 and 40"), task.logs());

        // named arguments from the option, JSON text; the body is then left alone
        assertEquals(
                "ab",
                ok(send(
                        "direct:udf",
                        "not the arguments",
                        Map.of(
                                TileDBConstants.UDF_SOURCE,
                                ADD,
                                TileDBConstants.ARGUMENTS,
                                "{\"x\": \"a\", \"y\": \"b\"}"))));
        // JSON text in the body; one plain value is one positional argument
        assertEquals(
                Map.of("sum", 3),
                ok(send(
                        "direct:udf",
                        "[1, 2]",
                        Map.of(TileDBConstants.UDF_SOURCE, "def f(a, b):\n    return {'sum': a + b}\n"))));
        assertEquals(
                11, ok(send("direct:udf", 10, Map.of(TileDBConstants.UDF_SOURCE, "def inc(n):\n    return n + 1\n"))));
    }

    @Test
    void aUdfThatRaisesFailsWithItsTracebackAndOnePastItsTimeoutIsStopped() {
        DataPlaneSeed.assumePython3();
        Exchange raised = send(
                "direct:udf", List.of(0), Map.of(TileDBConstants.UDF_SOURCE, "def divide(n):\n    return 10 / n\n"));
        TileDBApiException error = assertInstanceOf(TileDBApiException.class, raised.getException());
        assertTrue(error.getMessage().contains("ZeroDivisionError"), error.getMessage());
        assertTrue(error.getMessage().contains("return 10 / n"), "the traceback: " + error.getMessage());
        assertNotNull(error.getTaskId());
        assertEquals(List.of(0), raised.getMessage().getBody(), "nothing half-delivered");
        ArrayTask failed = (ArrayTask) Operations.call(
                template, "direct:tasks", "get", null, Map.of(TileDBConstants.TASK_ID, error.getTaskId()));
        assertEquals("FAILED", failed.status());
        assertTrue(failed.logs().contains("ZeroDivisionError"), failed.logs());

        Exchange slow = send(
                "direct:udf",
                null,
                Map.of(
                        TileDBConstants.UDF_SOURCE,
                        "def wait():\n    import time\n    time.sleep(30)\n",
                        TileDBConstants.TIMEOUT,
                        1));
        TileDBApiException timedOut = assertInstanceOf(TileDBApiException.class, slow.getException());
        assertTrue(timedOut.getMessage().contains("timeout of 1 s"), timedOut.getMessage());
    }

    @Test
    void aListResultStreamsRowByRow() throws Exception {
        DataPlaneSeed.assumePython3();
        var rows = getMockEndpoint("mock:row");
        rows.expectedMessageCount(3);
        ok(send(
                "direct:stream",
                List.of(3),
                Map.of(TileDBConstants.UDF_SOURCE, "def rows(n):\n    return [{'i': i} for i in range(n)]\n")));
        rows.assertIsSatisfied();
        assertEquals(Map.of("i", 2), rows.getExchanges().get(2).getMessage().getBody());
    }

    @Test
    void aListResultStreamsInBatches() throws Exception {
        DataPlaneSeed.assumePython3();
        var batches = getMockEndpoint("mock:row");
        batches.expectedMessageCount(2);
        ok(send(
                "direct:stream",
                List.of(3),
                Map.of(
                        TileDBConstants.UDF_SOURCE,
                        "def rows(n):\n    return [{'i': i} for i in range(n)]\n",
                        TileDBConstants.BATCH_SIZE,
                        2)));
        batches.assertIsSatisfied();
        assertEquals(
                List.of(List.of(Map.of("i", 0), Map.of("i", 1)), List.of(Map.of("i", 2))),
                batches.getExchanges().stream()
                        .map(x -> x.getMessage().getBody())
                        .toList());
    }

    @Test
    void aUdfOverASliceOfOneArrayAndOverSlicesOfSeveral() {
        DataPlaneSeed.assumePython3();
        String total = "def total(data):\n    return sum(data['amount'])\n";
        assertEquals(
                60.0,
                ok(send(
                        "direct:udfs",
                        null,
                        Map.of(
                                TileDBConstants.OPERATION, "apply",
                                TileDBConstants.ARRAY, "sales",
                                TileDBConstants.RANGES, "[[1, 3]]",
                                TileDBConstants.FIELDS, "amount",
                                TileDBConstants.UDF_SOURCE, total))));
        RecordedExchange apply = last("/v1/arrays/" + NS + "/sales/udf/submit");
        assertEquals(200, apply.status());

        String both = "def both(slices, factor):\n    return [sum(s['amount']) * factor for s in slices]\n";
        assertEquals(
                List.of(30.0, 210.0),
                ok(send(
                        "direct:udfs",
                        Map.of("factor", 1),
                        Map.of(
                                TileDBConstants.OPERATION,
                                "execMultiArray",
                                TileDBConstants.ARRAY_SLICES,
                                "[{\"uri\": \"tiledb://" + NS
                                        + "/sales\", \"ranges\": [[1, 2]], \"buffers\": [\"amount\"]}," + " \"tiledb://"
                                        + NS + "/sales\"]",
                                TileDBConstants.LAYOUT,
                                "row-major",
                                TileDBConstants.UDF_SOURCE,
                                both))));
        assertEquals(200, last("/v1/udfs/arrays/" + NS).status());
    }

    @Test
    void registeredUdfsAreRegisteredRunByNameSharedCopiedAndDeleted() throws Exception {
        DataPlaneSeed.assumePython3();
        String udf = "tiledb://" + NS + "/adder";
        ok(send(
                "direct:udfs",
                null,
                Map.of(
                        TileDBConstants.OPERATION,
                        "register",
                        TileDBConstants.UDF_NAME,
                        "adder",
                        TileDBConstants.UDF_SOURCE,
                        ADD)));
        UdfInfo info = (UdfInfo) ok(send(
                "direct:udfs", null, Map.of(TileDBConstants.OPERATION, "info", TileDBConstants.UDF_NAME, "adder")));
        assertEquals("adder", info.name());
        assertEquals("python", info.language());

        // run by name from an endpoint without a namespace: the UDF's own is charged
        Exchange run = template.request(
                SuiteEmulator.uri("udfs", "udfName=" + NS + "/adder"),
                e -> e.getMessage().setBody(List.of(1, 2)));
        assertEquals(3, ok(run));

        @SuppressWarnings("unchecked")
        List<ArrayInfo> owned =
                (List<ArrayInfo>) ok(send("direct:udfs", null, Map.of(TileDBConstants.OPERATION, "list")));
        assertTrue(owned.stream().anyMatch(a -> a.name().equals("adder")), String.valueOf(owned));

        ok(send(
                "direct:udfs",
                null,
                Map.of(
                        TileDBConstants.OPERATION,
                        "share",
                        TileDBConstants.TILEDB_URI,
                        udf,
                        TileDBConstants.TARGET_NAMESPACE,
                        "carol")));
        @SuppressWarnings("unchecked")
        List<ArraySharing> policies = (List<ArraySharing>) ok(send(
                "direct:udfs",
                null,
                Map.of(TileDBConstants.OPERATION, "sharingPolicies", TileDBConstants.TILEDB_URI, udf)));
        assertTrue(
                policies.stream()
                        .anyMatch(p ->
                                p.namespace().equals("carol") && p.actions().equals(List.of("fetch_udf"))),
                "read grants fetch_udf: " + policies);
        ok(send(
                "direct:udfs",
                null,
                Map.of(
                        TileDBConstants.OPERATION,
                        "unshare",
                        TileDBConstants.TILEDB_URI,
                        udf,
                        TileDBConstants.TARGET_NAMESPACE,
                        "carol")));

        ok(send(
                "direct:udfs",
                null,
                Map.of(
                        TileDBConstants.OPERATION, "update",
                        TileDBConstants.UDF_NAME, "adder",
                        TileDBConstants.UDF_SOURCE, "def add(x, y):\n    return x + y + 100\n")));
        assertEquals(103, ok(send("direct:udf", List.of(1, 2), Map.of(TileDBConstants.UDF_NAME, "adder"))));
        @SuppressWarnings("unchecked")
        List<Long> versions = (List<Long>) ok(send(
                "direct:udfs", null, Map.of(TileDBConstants.OPERATION, "versions", TileDBConstants.UDF_NAME, "adder")));
        assertEquals(2, versions.size(), "a version per registration and update: " + versions);

        Exchange copy = send(
                "direct:udfs",
                null,
                Map.of(
                        TileDBConstants.OPERATION,
                        "copy",
                        TileDBConstants.UDF_NAME,
                        "adder",
                        TileDBConstants.NEW_NAME,
                        "adder-copy",
                        TileDBConstants.TARGET_NAMESPACE,
                        NS));
        UdfCopied copied = (UdfCopied) ok(copy);
        assertEquals("adder-copy", copied.name());
        assertEquals("tiledb://" + NS + "/adder-copy", copy.getMessage().getHeader(TileDBConstants.ASSET_URI));

        favorite(NS, "adder-copy");
        @SuppressWarnings("unchecked")
        List<ArrayInfo> favorites =
                (List<ArrayInfo>) ok(send("direct:udfs", null, Map.of(TileDBConstants.OPERATION, "favorites")));
        assertTrue(favorites.stream().anyMatch(a -> a.name().equals("adder-copy")), String.valueOf(favorites));

        ok(send("direct:udfs", null, Map.of(TileDBConstants.OPERATION, "delete", TileDBConstants.UDF_NAME, "adder")));
        Exchange gone =
                send("direct:udfs", null, Map.of(TileDBConstants.OPERATION, "info", TileDBConstants.UDF_NAME, "adder"));
        assertInstanceOf(TileDBNotFoundException.class, gone.getException());
    }

    @Test
    void badInputFailsBeforeAnyRequestNamingTheOption() {
        String neither = refused("direct:never-udf", null, Map.of());
        assertTrue(neither.contains(TileDBConstants.UDF_NAME) && neither.contains(TileDBConstants.UDF_SOURCE), neither);
        String both = refused(
                "direct:never-udf", null, Map.of(TileDBConstants.UDF_NAME, "a/b", TileDBConstants.UDF_SOURCE, ADD));
        assertTrue(both.contains("not both"), both);
        String badArguments = refused(
                "direct:never-udf", null, Map.of(TileDBConstants.UDF_SOURCE, ADD, TileDBConstants.ARGUMENTS, "[1, 2"));
        assertTrue(
                badArguments.startsWith("The arguments option (header " + TileDBConstants.ARGUMENTS + ")"),
                badArguments);
        String badBody = refused("direct:never-udf", "1, 2", Map.of(TileDBConstants.UDF_SOURCE, ADD));
        assertTrue(badBody.contains("the body is not JSON") && badBody.contains(TileDBConstants.ARGUMENTS), badBody);
        String badTimeout =
                refused("direct:never-udf", null, Map.of(TileDBConstants.UDF_SOURCE, ADD, TileDBConstants.TIMEOUT, 0));
        assertTrue(badTimeout.contains(TileDBConstants.TIMEOUT) && badTimeout.contains("positive"), badTimeout);
        String badRanges = refused(
                "direct:never-udfs",
                null,
                Map.of(
                        TileDBConstants.OPERATION, "apply",
                        TileDBConstants.ARRAY, "sales",
                        TileDBConstants.RANGES, "[[1, \"x\"]]",
                        TileDBConstants.UDF_SOURCE, ADD));
        assertTrue(badRanges.contains(TileDBConstants.RANGES) && badRanges.contains("numbers only"), badRanges);
        String badLayout = refused(
                "direct:never-udfs",
                null,
                Map.of(
                        TileDBConstants.OPERATION, "apply",
                        TileDBConstants.ARRAY, "sales",
                        TileDBConstants.LAYOUT, "diagonal",
                        TileDBConstants.UDF_SOURCE, ADD));
        assertTrue(badLayout.contains(TileDBConstants.LAYOUT) && badLayout.contains("row-major"), badLayout);
        String noSlices = refused(
                "direct:never-udfs",
                null,
                Map.of(TileDBConstants.OPERATION, "execMultiArray", TileDBConstants.UDF_SOURCE, ADD));
        assertTrue(noSlices.contains(TileDBConstants.ARRAY_SLICES), noSlices);
        String badSlice = refused(
                "direct:never-udfs",
                null,
                Map.of(
                        TileDBConstants.OPERATION, "execMultiArray",
                        TileDBConstants.ARRAY_SLICES, "[\"s3://bucket/a\"]",
                        TileDBConstants.UDF_SOURCE, ADD));
        assertTrue(badSlice.contains("item 1") && badSlice.contains("tiledb://namespace/name"), badSlice);
        String noName = refused("direct:never-udfs", null, Map.of(TileDBConstants.OPERATION, "info"));
        assertTrue(noName.contains(TileDBConstants.UDF_NAME) && noName.contains(TileDBConstants.TILEDB_URI), noName);
        String noCode = refused(
                "direct:never-udfs",
                null,
                Map.of(TileDBConstants.OPERATION, "register", TileDBConstants.UDF_NAME, "x"));
        assertTrue(noCode.contains(TileDBConstants.UDF_SOURCE), noCode);
        assertEquals(List.of(), DataPlaneSeed.requestsTo("/" + NEVER), "nothing was sent");
    }

    /** The last request to {@code path}; an answer is recorded once sent in full, maybe after the client read it. */
    private static RecordedExchange last(String path) {
        Await.until(
                () -> SuiteEmulator.get().recordedExchanges().stream()
                        .anyMatch(x -> x.rawPath().equals(path)),
                "a request to " + path);
        return SuiteEmulator.get().recordedExchanges().stream()
                .filter(x -> x.rawPath().equals(path))
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    /** Marks a UDF as alice's favourite, a call of the console the component does not make. */
    private static void favorite(String namespace, String name) throws Exception {
        HttpResponse<String> marked = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        SuiteEmulator.get().url() + "/v1/udfs/favorites/" + namespace + "/" + name))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .header("X-TILEDB-REST-API-KEY", SuiteEmulator.ALICE_TOKEN)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(204, marked.statusCode(), marked.body());
    }
}
