package dev.cameltiledb.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.cameltiledb.client.model.ArrayInfo;
import dev.cameltiledb.client.model.ArraySharing;
import dev.cameltiledb.client.model.GenericUdf;
import dev.cameltiledb.client.model.MultiArrayUdf;
import dev.cameltiledb.client.model.QueryRanges;
import dev.cameltiledb.client.model.ResultFormat;
import dev.cameltiledb.client.model.TypedValue;
import dev.cameltiledb.client.model.UdfArgument;
import dev.cameltiledb.client.model.UdfArrayDetails;
import dev.cameltiledb.client.model.UdfCopied;
import dev.cameltiledb.client.model.UdfCopy;
import dev.cameltiledb.client.model.UdfFavorite;
import dev.cameltiledb.client.model.UdfInfo;
import dev.cameltiledb.client.model.UdfInfoUpdate;
import dev.cameltiledb.client.model.UdfSubarray;
import dev.cameltiledb.client.model.UdfSubarrayRange;
import dev.cameltiledb.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.cameltiledb.client.DataPlaneServer.KEY;
import static dev.cameltiledb.client.DataPlaneServer.TASK_ID;
import static dev.cameltiledb.client.DataPlaneServer.answer;
import static dev.cameltiledb.client.DataPlaneServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * UDFs against WireMock: running them (generic, over several arrays, over one array's slice) with what TileDB's
 * clients send, reading their results, a UDF that raises (its traceback and task in the error, never sent twice), and
 * the management of registered UDFs. Every exchange is checked against the official spec after each test.
 */
class UdfsApiTest {

    @RegisterExtension
    static final DataPlaneServer SERVER = new DataPlaneServer();

    @RegisterExtension
    static final LogCapture LOGS = new LogCapture(KEY);

    private static final AssetRef MEDIAN = new AssetRef("acme", "median");
    private static final String UDF_PATH = "/v1/udf/acme/median";
    private static final String SOURCE =
            "def median(values, scale=1):\n    s = sorted(values)\n" + "    return s[len(s) // 2] * scale\n";

    /** A UDF's result, as the UDF calls answer: octet-stream, with the task id. */
    private static ResponseDefinitionBuilder taskAnswer(String json) {
        return answer(200, "application/octet-stream", json).withHeader("X-TILEDB-CLOUD-TASK-ID", TASK_ID);
    }

    @Test
    void aRegisteredUdfRunsByNameWithItsArgumentsAsJsonText() {
        SERVER.server().stubFor(post(urlEqualTo("/v1/udfs/generic/acme")).willReturn(taskAnswer("{\"median\": 42}")));
        Map<String, Object> named = new LinkedHashMap<>();
        named.put("values", List.of(3, 42, 7));
        named.put("scale", 1);
        try (TileDBClient client = SERVER.client()) {
            TaskResult r = client.udfs()
                    .exec(
                            "acme",
                            GenericUdf.registered("acme/median")
                                    .arguments(named)
                                    .taskName("median-of-day")
                                    .timeout(120)
                                    .resourceClass("standard")
                                    .imageName("default")
                                    .accessCredentialsName("acme-s3")
                                    .build())
                    .result();
            assertEquals(TASK_ID, r.taskId());
            assertEquals(Map.of("median", 42), r.json());
        }
        SERVER.server()
                .verify(postRequestedFor(urlEqualTo("/v1/udfs/generic/acme"))
                        .withHeader("Accept", equalTo("application/octet-stream"))
                        .withHeader("Content-Type", equalTo("application/json"))
                        .withRequestBody(equalToJson("{\"udf_info_name\": \"acme/median\","
                                + " \"argument\": \"{\\\"values\\\":[3,42,7],\\\"scale\\\":1}\","
                                + " \"task_name\": \"median-of-day\", \"timeout\": 120, \"resource_class\": \"standard\","
                                + " \"image_name\": \"default\", \"access_credentials_name\": \"acme-s3\","
                                + " \"result_format\": \"json\"}")));
    }

    @Test
    void pythonSourceIsSentAsExecRawAndAListResultStreamsAsRows() {
        SERVER.server()
                .stubFor(post(urlEqualTo("/v1/udfs/generic/acme"))
                        .willReturn(taskAnswer(
                                "[{\"day\": \"2024-06-01\", \"n\": 3}, {\"day\": \"2024-06-02\", \"n\": 5}]")));
        try (TileDBClient client = SERVER.client();
                RowStream rows = client.udfs()
                        .exec(
                                "acme",
                                GenericUdf.python(SOURCE)
                                        .arguments(List.of(List.of(1, 2)))
                                        .build())
                        .rows()) {
            assertEquals(TASK_ID, rows.taskId());
            assertEquals(List.of(3, 5), rows.stream().map(r -> r.get("n")).toList());
        }
        SERVER.server()
                .verify(postRequestedFor(urlEqualTo("/v1/udfs/generic/acme"))
                        .withRequestBody(equalToJson("{\"language\": \"python\", \"exec_raw\": "
                                + new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(SOURCE)
                                + ", \"argument\": \"[[1,2]]\", \"result_format\": \"json\"}")));
    }

    @Test
    void aMultiArrayUdfSendsItsArraysRangesAndArgumentsJson() {
        SERVER.server().stubFor(post(urlEqualTo("/v1/udfs/arrays/acme")).willReturn(taskAnswer("3.5")));
        QueryRanges firstWeek = new QueryRanges("row-major", List.of(List.of(1, 7), List.of()));
        MultiArrayUdf udf = MultiArrayUdf.over(
                GenericUdf.registered("acme/compare")
                        .resultFormat(ResultFormat.JSON)
                        .build(),
                List.of(
                        UdfArrayDetails.of("tiledb://acme/sales", firstWeek, List.of("amount", "day")),
                        UdfArrayDetails.of("tiledb://acme/returns", firstWeek, null)),
                List.of(UdfArgument.positional("EUR"), UdfArgument.named("threshold", 0.5)));
        try (TileDBClient client = SERVER.client()) {
            assertEquals(3.5, client.udfs().execMultiArray("acme", udf).result().json());
        }
        SERVER.server()
                .verify(postRequestedFor(urlEqualTo("/v1/udfs/arrays/acme"))
                        .withRequestBody(equalToJson("{\"udf_info_name\": \"acme/compare\", \"result_format\":"
                                + " \"json\", \"arguments_json\": [{\"value\": \"EUR\"}, {\"name\": \"threshold\","
                                + " \"value\": 0.5}], \"arrays\": [{\"uri\": \"tiledb://acme/sales\", \"ranges\":"
                                + " {\"layout\": \"row-major\", \"ranges\": [[1, 7], []]}, \"buffers\": [\"amount\","
                                + " \"day\"]}, {\"uri\": \"tiledb://acme/returns\", \"ranges\": {\"layout\":"
                                + " \"row-major\", \"ranges\": [[1, 7], []]}}]}")));
    }

    @Test
    void aSingleArrayUdfGoesToTheArraysSubmitPathWithItsPayer() {
        SERVER.server()
                .stubFor(post(urlEqualTo("/v1/arrays/acme/sales/udf/submit")).willReturn(taskAnswer("[]")));
        MultiArrayUdf slice = MultiArrayUdf.onSlice(
                GenericUdf.registered("acme/median").build(),
                new QueryRanges("col-major", List.of(List.of(0, 99))),
                List.of("amount"),
                null);
        MultiArrayUdf older = new MultiArrayUdf(
                GenericUdf.registered("acme/median").build(),
                null,
                null,
                new UdfSubarray(
                        "row-major", List.of(new UdfSubarrayRange(0, TypedValue.ofInt64(0), TypedValue.ofInt64(99)))),
                null,
                null);
        try (TileDBClient client = SERVER.client()) {
            try (RowStream none = client.udfs()
                    .execOnArray(new AssetRef("acme", "sales"), slice, "acme-billing")
                    .rows()) {
                assertFalse(none.hasNext());
            }
            client.udfs()
                    .execOnArray(new AssetRef("acme", "sales"), older, null)
                    .result();
        }
        SERVER.server()
                .verify(postRequestedFor(urlEqualTo("/v1/arrays/acme/sales/udf/submit"))
                        .withHeader("X-Payer", equalTo("acme-billing"))
                        .withRequestBody(equalToJson("{\"udf_info_name\": \"acme/median\", \"result_format\":"
                                + " \"json\", \"ranges\": {\"layout\": \"col-major\", \"ranges\": [[0, 99]]},"
                                + " \"buffers\": [\"amount\"]}")));
        SERVER.server()
                .verify(postRequestedFor(urlEqualTo("/v1/arrays/acme/sales/udf/submit"))
                        .withRequestBody(equalToJson("{\"udf_info_name\": \"acme/median\", \"result_format\":"
                                + " \"json\", \"subarray\": {\"layout\": \"row-major\", \"ranges\": [{\"dimension_id\":"
                                + " 0, \"range_start\": {\"int64\": 0}, \"range_end\": {\"int64\": 99}}]}}")));
    }

    @Test
    void aUdfThatRaisesIsAnErrorWithItsTracebackAndTaskNeverSentTwice() {
        String traceback = "Traceback (most recent call last):\\n  File \\\"<udf>\\\", line 3, in median\\n"
                + "ZeroDivisionError: division by zero";
        SERVER.server()
                .stubFor(post(urlEqualTo("/v1/udfs/generic/acme"))
                        .willReturn(json(500, "{\"code\": 5000, \"message\": \"" + traceback + "\"}")
                                .withHeader("X-TILEDB-CLOUD-TASK-ID", TASK_ID)));
        try (TileDBClient client =
                SERVER.client(s -> s.retryPolicy(new RetryPolicy(RetryMode.FORCEFUL, 3, 1, 1, 1, false)))) {
            TileDBServerException e = assertThrows(
                    TileDBServerException.class,
                    () -> client.udfs()
                            .exec("acme", GenericUdf.registered("acme/median").build())
                            .result());
            assertEquals(TASK_ID, e.getTaskId());
            assertTrue(e.getMessage().contains("ZeroDivisionError: division by zero"), e.getMessage());
            assertTrue(e.getMessage().contains("Traceback (most recent call last):"), e.getMessage());
            assertTrue(e.getMessage().endsWith("[task " + TASK_ID + "]"), e.getMessage());
        }
        assertEquals(1, SERVER.requests(), "forceful retries a 500, but a UDF ran: it is not sent twice");
    }

    @Test
    void badUdfCallsAreRefusedBeforeAnythingIsSent() {
        try (TileDBClient client = SERVER.client()) {
            assertEquals(
                    "A UDF is run by name (udfInfoName) or from its code (exec, execRaw), not both",
                    assertThrows(
                                    TileDBConfigurationException.class,
                                    () -> client.udfs()
                                            .exec(
                                                    "acme",
                                                    GenericUdf.registered("acme/median")
                                                            .execRaw(SOURCE)
                                                            .build()))
                            .getMessage());
            assertEquals(
                    "A UDF to run needs a registered UDF's name (udfInfoName) or its code (exec, execRaw)",
                    assertThrows(
                                    TileDBConfigurationException.class,
                                    () -> client.udfs()
                                            .exec(
                                                    "acme",
                                                    GenericUdf.registered(" ").build()))
                            .getMessage());
            assertEquals(
                    "A registered UDF is named <namespace>/<name> (udfInfoName), not 'median'",
                    assertThrows(
                                    TileDBConfigurationException.class,
                                    () -> client.udfs()
                                            .exec(
                                                    "acme",
                                                    GenericUdf.registered("median")
                                                            .build()))
                            .getMessage());
            assertEquals(
                    "A multi-array UDF needs at least one array to run over (arrays)",
                    assertThrows(
                                    TileDBConfigurationException.class,
                                    () -> client.udfs()
                                            .execMultiArray(
                                                    "acme",
                                                    MultiArrayUdf.over(
                                                            GenericUdf.registered("acme/median")
                                                                    .build(),
                                                            List.of(),
                                                            null)))
                            .getMessage());
        }
        assertEquals(0, SERVER.requests());
    }

    @Test
    void aMapHoldingTheSentinelKeyIsEscapedAndNodeOutputsAreNot() throws Exception {
        Map<String, Object> own = new LinkedHashMap<>();
        own.put("__tdbudf__", "mine");
        own.put("inner", List.of(Map.of("__tdbudf__", "deeper")));
        List<UdfArgument> args = UdfArgument.of(List.of(own, 7, UdfArgument.nodeOutput("n1")));
        com.fasterxml.jackson.databind.ObjectMapper json = TileDBJson.mapper();
        assertEquals(
                json.readTree("[{\"value\": {\"__tdbudf__\": \"__escape__\", \"__escape__\": {\"__tdbudf__\": \"mine\","
                        + " \"inner\": [{\"__tdbudf__\": \"__escape__\", \"__escape__\": {\"__tdbudf__\":"
                        + " \"deeper\"}}]}}}, {\"value\": 7}, {\"value\": {\"__tdbudf__\": \"node_output\","
                        + " \"client_node_id\": \"n1\"}}]"),
                json.valueToTree(args));
        Map<String, Object> named = new LinkedHashMap<>();
        named.put("a", 1);
        named.put("b", null);
        assertEquals(
                json.readTree("[{\"name\": \"a\", \"value\": 1}, {\"name\": \"b\", \"value\": null}]"),
                json.valueToTree(UdfArgument.of(named)),
                "a null argument is sent as null, not left out");
    }

    @Test
    void aRegisteredUdfIsReadRegisteredUpdatedAndDeleted() {
        SERVER.server()
                .stubFor(get(urlEqualTo(UDF_PATH))
                        .willReturn(json(
                                200,
                                "{\"id\": \"1c7f2a3e-0000-4000-8000-000000000001\", \"name\": \"median\","
                                        + " \"language\": \"python\", \"type\": \"generic\", \"readme\": \"# Median\","
                                        + " \"license_id\": \"MIT\", \"tags\": [\"stats\"]}")));
        SERVER.server()
                .stubFor(post(urlEqualTo(UDF_PATH)).willReturn(aResponse().withStatus(204)));
        SERVER.server()
                .stubFor(patch(urlEqualTo(UDF_PATH)).willReturn(aResponse().withStatus(204)));
        SERVER.server()
                .stubFor(delete(urlEqualTo(UDF_PATH)).willReturn(aResponse().withStatus(204)));
        try (TileDBClient client = SERVER.client()) {
            UdfInfo info = client.udfs().info(MEDIAN);
            assertEquals(
                    new UdfInfo(
                            "1c7f2a3e-0000-4000-8000-000000000001",
                            "median",
                            "python",
                            "generic",
                            "# Median",
                            "MIT",
                            null,
                            List.of("stats")),
                    info);
            client.udfs().register(MEDIAN, UdfInfoUpdate.python("median", "generic", SOURCE));
            client.udfs()
                    .update(MEDIAN, UdfInfoUpdate.description("# Median v2", null, null, List.of("stats", "robust")));
            client.udfs().delete(MEDIAN);
        }
        SERVER.server()
                .verify(postRequestedFor(urlEqualTo(UDF_PATH))
                        .withRequestBody(equalToJson("{\"name\": \"median\", \"language\": \"python\", \"type\":"
                                + " \"generic\", \"exec_raw\": "
                                + new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(SOURCE) + "}")));
        SERVER.server()
                .verify(patchRequestedFor(urlEqualTo(UDF_PATH))
                        .withRequestBody(
                                equalToJson("{\"readme\": \"# Median v2\", \"tags\": [\"stats\", \"robust\"]}")));
        SERVER.server().verify(deleteRequestedFor(urlEqualTo(UDF_PATH)));
    }

    @Test
    void aRegisteredUdfIsSharedUnsharedCopiedAndItsVersionsListed() {
        String share = UDF_PATH + "/share";
        SERVER.server().stubFor(patch(urlEqualTo(share)).willReturn(aResponse().withStatus(204)));
        SERVER.server()
                .stubFor(get(urlEqualTo(share))
                        .willReturn(json(
                                200,
                                "[{\"namespace\": \"bob\", \"actions\": [\"fetch_udf\"], \"namespace_type\":"
                                        + " \"user\"}]")));
        SERVER.server()
                .stubFor(post(urlEqualTo(UDF_PATH + "/copy?end_timestamp=1717200000000"))
                        .willReturn(json(
                                201,
                                "{\"output_uri\": \"s3://bob-bucket/udfs/median\", \"namespace\": \"bob\","
                                        + " \"name\": \"median\", \"id\": \"7d1e0000-0000-4000-8000-000000000002\"}")));
        SERVER.server()
                .stubFor(get(urlEqualTo(UDF_PATH + "/end_timestamps?page=1&per_page=2"))
                        .willReturn(json(
                                200,
                                "{\"end_timestamps\": [1717200000000, 1717286400000], \"pagination_metadata\":"
                                        + " {\"page\": 1, \"per_page\": 2, \"total_pages\": 1, \"total_items\": 2}}")));
        try (TileDBClient client = SERVER.client()) {
            client.udfs().share(MEDIAN, "bob", List.of("fetch_udf", "share_udf"));
            client.udfs().unshare(MEDIAN, "bob");
            assertEquals(
                    List.of(new ArraySharing(List.of("fetch_udf"), "bob", "user")),
                    client.udfs().sharingPolicies(MEDIAN));
            UdfCopied copied = client.udfs()
                    .copy(MEDIAN, new UdfCopy("s3://bob-bucket/udfs/median", "bob", null), 1717200000000L, "bob-s3");
            assertEquals("7d1e0000-0000-4000-8000-000000000002", copied.id());
            assertEquals(
                    List.of(1717200000000L, 1717286400000L),
                    client.udfs().versions(MEDIAN, 1, 2).items());
        }
        SERVER.server()
                .verify(patchRequestedFor(urlEqualTo(share))
                        .withRequestBody(
                                equalToJson("{\"namespace\": \"bob\", \"actions\": [\"fetch_udf\", \"share_udf\"]}")));
        SERVER.server()
                .verify(patchRequestedFor(urlEqualTo(share))
                        .withRequestBody(equalToJson("{\"namespace\": \"bob\", \"actions\": []}")));
        SERVER.server()
                .verify(postRequestedFor(urlEqualTo(UDF_PATH + "/copy?end_timestamp=1717200000000"))
                        .withHeader("X-TILEDB-CLOUD-ACCESS-CREDENTIALS-NAME", equalTo("bob-s3"))
                        .withRequestBody(equalToJson(
                                "{\"output_uri\": \"s3://bob-bucket/udfs/median\", \"namespace\": \"bob\"}")));
    }

    @Test
    void udfsAreListedWithTheArrayBrowserAndFavoured() {
        String listing = "{\"arrays\": [{\"name\": \"median\", \"namespace\": \"acme\", \"file_type\":"
                + " \"user_defined_function\"}], \"pagination_metadata\": {\"page\": 1, \"per_page\": 10,"
                + " \"total_pages\": 1, \"total_items\": 1}}";
        SERVER.server()
                .stubFor(get(urlEqualTo("/v1/arrays/browser/shared?page=1&per_page=10&search=med"
                                + "&file_type=user_defined_function"))
                        .willReturn(json(200, listing)));
        SERVER.server()
                .stubFor(get(urlEqualTo("/v1/udfs/favorites?page=1&per_page=10"))
                        .willReturn(json(200, listing.replace("\"arrays\"", "\"udfs\""))));
        String favorite = "{\"udf_uuid\": \"1c7f2a3e-0000-4000-8000-000000000001\", \"namespace\": \"acme\","
                + " \"name\": \"median\"}";
        SERVER.server()
                .stubFor(get(urlEqualTo("/v1/udfs/favorites/uuids")).willReturn(json(200, "[" + favorite + "]")));
        SERVER.server()
                .stubFor(get(urlEqualTo("/v1/udfs/favorites/acme/median")).willReturn(json(200, favorite)));
        SERVER.server()
                .stubFor(post(urlEqualTo("/v1/udfs/favorites/acme/median"))
                        .willReturn(aResponse().withStatus(204)));
        SERVER.server()
                .stubFor(delete(urlEqualTo("/v1/udfs/favorites/acme/median"))
                        .willReturn(aResponse().withStatus(204)));
        try (TileDBClient client = SERVER.client()) {
            Page<ArrayInfo> shared = client.udfs()
                    .listRegistered(
                            Listing.SHARED, new ListingFilters("med", null, null, null, null, null, null, null, 10), 1);
            assertEquals("median", shared.items().get(0).name());
            assertEquals("median", client.udfs().favorites(1, 10).items().get(0).name());
            UdfFavorite expected = new UdfFavorite("1c7f2a3e-0000-4000-8000-000000000001", "acme", "median");
            assertEquals(List.of(expected), client.udfs().favoriteIds());
            assertEquals(expected, client.udfs().favorite(MEDIAN));
            client.udfs().addFavorite(MEDIAN);
            client.udfs().removeFavorite(MEDIAN);
        }
        SERVER.server().verify(postRequestedFor(urlEqualTo("/v1/udfs/favorites/acme/median")));
        SERVER.server().verify(deleteRequestedFor(urlEqualTo("/v1/udfs/favorites/acme/median")));
        SERVER.server().verify(getRequestedFor(WireMock.urlPathEqualTo("/v1/arrays/browser/shared")));
    }
}
