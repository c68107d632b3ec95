package dev.cameltiledb.emulator;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.emulator.classic.ArrayRoutes;
import dev.cameltiledb.testing.ServerPerClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Activity over HTTP: the paged v2 array log, the merged activity of a group's contents, sharing as a logged change,
 * and the request hook tests use to change state between the pages of a listing.
 */
class ActivityHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    private static final Instant T0 = NOW.minus(1, ChronoUnit.HOURS);

    @RegisterExtension
    static final ServerPerClass<TileDBEmulator> TILEDB =
            EmulatorRequests.perClass(b -> b.clock(Clock.fixed(NOW, ZoneOffset.UTC))
                    .user("vic", "vic-key")
                    .array("vic", "log", List.of(), Map.of())
                    .array("vic", "shared", List.of(), Map.of())
                    .user("gia", "gia-key")
                    .array("gia", "a1", List.of(), Map.of())
                    .array("gia", "a2", List.of(), Map.of())
                    .array("gia", "outside", List.of(), Map.of())
                    .user("hal", "hal-key")
                    .array("hal", "h1", List.of(), Map.of())
                    .array("hal", "h2", List.of(), Map.of())
                    .array("hal", "h3", List.of(), Map.of()));

    private static TileDBEmulator emulator() {
        return TILEDB.server();
    }

    private static HttpResponse<String> send(String method, String path, String key, String body) throws Exception {
        return EmulatorRequests.send(emulator(), method, path, key, body);
    }

    private static JsonNode get(String path, String key) throws Exception {
        HttpResponse<String> r = send("GET", path, key, null);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private static String at(String namespace, String array, long secondsAfterT0, String action) {
        return emulator().addActivity(namespace, array, T0.plusSeconds(secondsAfterT0), action, namespace);
    }

    private static List<String> ids(JsonNode events) {
        List<String> ids = new ArrayList<>();
        events.forEach(e -> ids.add(e.get("id").asText()));
        return ids;
    }

    private static void assertPagination(JsonNode page, int number, int perPage, int totalPages, int totalItems) {
        JsonNode meta = page.get("pagination_metadata");
        assertEquals(
                List.of(number, perPage, totalPages, totalItems),
                List.of(
                        meta.get("page").asInt(),
                        meta.get("per_page").asInt(),
                        meta.get("total_pages").asInt(),
                        meta.get("total_items").asInt()));
    }

    /** Oldest first, a late-logged event in its time's place, same-instant events in log order; v1 selects alike. */
    @Test
    void v2ActivityPagesTheWindowOldestFirstWithRepeatedOrCommaEventTypes() throws Exception {
        String e0 = at("vic", "log", 0, "query_read");
        String e1 = at("vic", "log", 60, "query_write");
        String e2 = at("vic", "log", 60, "read_schema");
        String e3 = at("vic", "log", 120, "query_read");
        String e4 = at("vic", "log", 30, "query_write");
        String e5 = at("vic", "log", 180, "read_schema");
        String e6 = at("vic", "log", 240, "query_read");
        at("vic", "log", -1, "query_read");
        at("vic", "log", 241, "query_read");
        String window =
                "start=" + T0.getEpochSecond() + "&end=" + T0.plusSeconds(240).getEpochSecond();

        List<String> all = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            JsonNode data = get("/v2/arrays/vic/log/activity?" + window + "&per_page=3&page=" + page, "vic-key");
            assertPagination(data, page, 3, 3, 7);
            assertEquals(page < 3 ? 3 : 1, data.get("activitylogs").size());
            all.addAll(ids(data.get("activitylogs")));
        }
        assertEquals(List.of(e0, e4, e1, e2, e3, e5, e6), all);

        JsonNode repeated = get(
                "/v2/arrays/vic/log/activity?" + window + "&event_types=query_read&event_types=query_write", "vic-key");
        assertEquals(List.of(e0, e4, e1, e3, e6), ids(repeated.get("activitylogs")));
        assertPagination(repeated, 1, ArrayRoutes.DEFAULT_PER_PAGE, 1, 5);
        JsonNode comma =
                get("/v2/arrays/vic/log/activity?" + window + "&event_types=query_read,read_schema", "vic-key");
        assertEquals(List.of(e0, e2, e3, e5, e6), ids(comma.get("activitylogs")));
        assertEquals(
                ids(repeated.get("activitylogs")),
                ids(get("/v1/arrays/vic/log/activity?" + window + "&event_types=query_read,query_write", "vic-key")));
        assertEquals(
                404, send("GET", "/v2/arrays/vic/log/activity", "gia-key", null).statusCode(), "no access");
    }

    /** Events of the group's direct member arrays only, newest first; same-instant events by member order. */
    @Test
    void contentActivityMergesMemberArraysNewestFirstAcrossPages() throws Exception {
        HttpResponse<String> created =
                send("POST", "/v2/groups/gia", "gia-key", "{\"group_details\":{\"name\":\"g\",\"uri\":\"s3://b/g\"}}");
        assertEquals(201, created.statusCode(), created.body());
        String groupId = JSON.readTree(created.body()).get("id").asText();
        assertEquals(
                201,
                send(
                                "POST",
                                "/v2/groups/gia",
                                "gia-key",
                                "{\"group_details\":{\"name\":\"sub\",\"uri\":\"s3://b/sub\"}}")
                        .statusCode());
        assertEquals(204, send("PATCH", "/v2/groups/gia/g", "gia-key", """
                {"group_changes":{"members_to_add":[{"uri":"tiledb://gia/a1","type":"ARRAY"},
                 {"uri":"tiledb://gia/sub","type":"GROUP"},{"uri":"tiledb://gia/a2","type":"ARRAY"}]}}""").statusCode());
        String x1 = at("gia", "a1", 0, "query_read");
        String x2 = at("gia", "a2", 60, "query_write");
        String x3 = at("gia", "a1", 120, "read_schema");
        String x4 = at("gia", "a2", 180, "query_read");
        String x6 = at("gia", "a2", 240, "query_write");
        String x5 = at("gia", "a1", 240, "query_read");
        at("gia", "outside", 300, "query_read");

        JsonNode first = get("/v1/groups/gia/g/content_activity?per_page=4&page=1", "gia-key");
        JsonNode second = get("/v1/groups/gia/g/content_activity?per_page=4&page=2", "gia-key");
        assertPagination(first, 1, 4, 2, 6);
        assertPagination(second, 2, 4, 2, 6);
        List<String> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (JsonNode page : List.of(first, second)) {
            page.get("activity").forEach(entry -> {
                ids.add(entry.get("activity_log").get("id").asText());
                names.add(entry.get("asset").get("name").asText());
                assertEquals("array", entry.get("asset").get("asset_type").asText());
                assertEquals("gia", entry.get("asset").get("namespace").asText());
            });
        }
        assertEquals(List.of(x5, x6, x4, x3, x2, x1), ids);
        assertEquals(List.of("a1", "a2", "a2", "a1", "a2", "a1"), names);
        assertEquals(
                emulator().array("gia", "a1").orElseThrow().id(),
                first.get("activity").get(0).get("asset").get("id").asText());

        JsonNode byIdV2 = get("/v2/groups/gia/" + groupId + "/content_activity?per_page=4&page=2", "gia-key");
        List<String> v2Ids = new ArrayList<>();
        byIdV2.get("activity")
                .forEach(entry -> v2Ids.add(entry.get("activity_log").get("id").asText()));
        assertEquals(List.of(x2, x1), v2Ids, "by group id, under v2");
        assertEquals(
                404,
                send("GET", "/v1/groups/gia/nope/content_activity", "gia-key", null)
                        .statusCode());
        assertEquals(
                404,
                send("GET", "/v2/groups/gia/g/content_activity", "vic-key", null)
                        .statusCode(),
                "no access");
    }

    @Test
    void sharingAnArrayIsLoggedAsAMetadataUpdate() throws Exception {
        assertEquals(
                204,
                send(
                                "PATCH",
                                "/v1/arrays/vic/shared/share",
                                "vic-key",
                                "{\"namespace\":\"gia\",\"actions\":[\"read\"]}")
                        .statusCode());
        List<String> actions = emulator().array("vic", "shared").orElseThrow().activity();
        assertEquals(List.of("array_metadata_update"), actions);
        JsonNode logged = get("/v1/arrays/vic/shared/activity", "vic-key");
        assertEquals("vic", logged.get(0).get("username").asText());
        assertEquals(NOW.toString(), logged.get(0).get("event_at").asText());
    }

    /** The hook runs before the handler, so page 2 already sees an array it adds or removes; the kept listing is dropped. */
    @Test
    void requestHookChangesStateBeforeThePageItPrecedes() throws Exception {
        List<RequestLine> seen = new CopyOnWriteArrayList<>();
        String owned = "/v1/arrays/browser/owned";
        try {
            assertEquals(List.of("h1", "h2"), names(get(owned + "?per_page=2&page=1", "hal-key")));
            emulator().onRequest(request -> {
                seen.add(request);
                if (request.query().endsWith("page=2")) {
                    emulator()
                            .seed(new Seed(
                                    null,
                                    null,
                                    List.of(new Seed.SeedArray("hal", "h0", null, null, null, null, null, null))));
                }
            });
            JsonNode grown = get(owned + "?per_page=2&page=2", "hal-key");
            assertEquals(List.of("h2", "h3"), names(grown));
            assertEquals(4, grown.get("pagination_metadata").get("total_items").asInt());
            assertEquals(List.of(new RequestLine("GET", owned, "per_page=2&page=2")), seen);

            emulator().onRequest(request -> {
                seen.add(request);
                if (request.query().endsWith("page=2")) {
                    emulator().removeArray("hal", "h0");
                }
            });
            assertEquals(List.of("h0", "h1"), names(get(owned + "?per_page=2&page=1", "hal-key")));
            JsonNode shrunk = get(owned + "?per_page=2&page=2", "hal-key");
            assertEquals(List.of("h3"), names(shrunk));
            assertEquals(3, shrunk.get("pagination_metadata").get("total_items").asInt());
            assertTrue(emulator().array("hal", "h0").isEmpty());

            int calls = seen.size();
            emulator().onRequest(null);
            get(owned + "?per_page=2&page=1", "hal-key");
            assertEquals(3, calls);
            assertEquals(calls, seen.size(), "a cleared hook is not called");
        } finally {
            emulator().onRequest(null);
        }
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.path("arrays").forEach(a -> names.add(a.get("name").asText()));
        return names;
    }
}
