package dev.cameltiledb.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The array views of issue 17: browser sidebars, non_empty_domain_json, end_timestamps and fragment_end_timestamp. */
class ArrayViewsHttpTest extends SpecCheckedHttpTest {

    private static final String SCHEMA = """
            {"version":[1,3,0],"arrayType":"sparse","tileOrder":"row-major","cellOrder":"row-major",
             "capacity":10000,"coordsFilterPipeline":{"filters":[]},"offsetFilterPipeline":{"filters":[]},
             "domain":{"type":"INT32","tileOrder":"row-major","cellOrder":"row-major","dimensions":[{"name":"x","type":"INT32",
             "domain":{"int32":[1,9]},"nullTileExtent":false,"tileExtent":{"int32":3},
             "filterPipeline":{"filters":[]}}]},
             "attributes":[{"name":"a","type":"INT32","cellValNum":1,"filterPipeline":{"filters":[]}}]}""";

    @Test
    void ownedSharedAndPublicSidebarsCountTheirListingsByNamespace() throws Exception {
        JsonNode owned = get("/v1/arrays/browser/owned/sidebar", "alice-key");
        assertEquals(List.of("acme", "alice"), texts(owned.get("namespaces")));
        assertEquals(2, owned.get("result_count_for_all").asInt());
        assertEquals(1, owned.get("result_count_by_namespace").get("acme").asInt());

        JsonNode shared = get("/v1/arrays/browser/shared/sidebar?shared_to=carol", "carol-key");
        assertEquals(List.of("acme"), texts(shared.get("namespaces")));
        assertEquals(1, shared.get("result_count_for_all").asInt());

        JsonNode publicSidebar = get("/v1/arrays/browser/public/sidebar", "bob-key");
        assertEquals(List.of("carol"), texts(publicSidebar.get("namespaces")));
        assertEquals(
                1, publicSidebar.get("result_count_by_namespace").get("carol").asInt());
    }

    /** The service matches {@code namespace} (and {@code shared_to}) in any case: {@code tiledb-inc} finds TileDB-Inc's. */
    @Test
    void namespaceFiltersMatchInAnyCase() throws Exception {
        JsonNode publicArrays = get("/v1/arrays/browser/public?namespace=CAROL", "bob-key");
        assertEquals(1, publicArrays.get("arrays").size(), publicArrays.toString());
        assertEquals("open", publicArrays.at("/arrays/0/name").asText());
        assertEquals(
                1,
                get("/v1/arrays/browser/owned?namespace=Acme", "alice-key")
                        .at("/pagination_metadata/total_items")
                        .asInt());
        assertEquals(
                1,
                get("/v1/arrays/browser/owned/sidebar?namespace=ACME", "alice-key")
                        .get("result_count_for_all")
                        .asInt());
        assertEquals(
                1,
                get("/v1/arrays/browser/shared?shared_to=Carol", "carol-key")
                        .at("/pagination_metadata/total_items")
                        .asInt());

        json("POST", "/v1/groups/acme/create", "alice-key", "{\"name\": \"open-group\", \"uri\": \"s3://b/og\"}", 204);
        json(
                "PATCH",
                "/v1/groups/acme/open-group/share",
                "alice-key",
                "{\"namespace\": \"public\", \"group_actions\": [\"read\"], \"array_actions\": [\"read\"]}",
                204);
        JsonNode publicGroups = get("/v1/groups/browser/public?namespace=ACME", "carol-key");
        assertEquals(List.of("open-group"), publicGroups.get("groups").findValuesAsText("name"));
    }

    @Test
    void sidebarsFollowNewArraysAndFileTypeFilters() throws Exception {
        json("POST", "/v1/arrays/alice/fresh", "alice-key", SCHEMA, 204);
        assertEquals(
                3,
                get("/v1/arrays/browser/owned/sidebar", "alice-key")
                        .get("result_count_for_all")
                        .asInt());
        JsonNode notebooksOnly = get("/v1/arrays/browser/owned/sidebar?file_type=notebook", "alice-key");
        assertEquals(0, notebooksOnly.get("result_count_for_all").asInt());
        assertEquals(List.of(), texts(notebooksOnly.get("namespaces")));
        fails("GET", "/v1/arrays/browser/owned/sidebar?file_property=novalue", "alice-key", null, 400);
        fails("GET", "/v1/arrays/browser/owned/sidebar", "wrong-key", null, 401);
    }

    @Test
    void nonEmptyDomainJsonGivesEachDimensionsBoundsAndIsLogged() throws Exception {
        JsonNode domain = get("/v1/arrays/alice/data/non_empty_domain_json", "alice-key");
        assertEquals(List.of(1, 100), ints(domain.get("rows")));
        JsonNode activity = get("/v1/arrays/alice/data/activity", "alice-key");
        assertEquals(
                "non_empty_domain",
                activity.get(activity.size() - 1).get("action").asText());

        json("POST", "/v1/arrays/alice/fresh", "alice-key", SCHEMA, 204);
        assertEquals(
                0,
                get("/v1/arrays/alice/fresh/non_empty_domain_json", "alice-key").size());

        fails("GET", "/v1/arrays/alice/missing/non_empty_domain_json", "alice-key", null, 404);
        fails("GET", "/v1/arrays/alice/data/non_empty_domain_json", "bob-key", null, 404);
    }

    @Test
    void endTimestampsPageTheFragmentsOfANotebooksVersions() throws Exception {
        for (int i = 0; i < 3; i++) {
            advance(Duration.ofSeconds(10));
            assertEquals(
                    201,
                    multipart(
                                    "/v1/notebooks/alice/upload",
                                    "alice-key",
                                    Map.of("name", "nb"),
                                    "nb.ipynb",
                                    "{}".getBytes())
                            .statusCode());
        }
        long first = START.plusSeconds(10).toEpochMilli();
        JsonNode page1 = get("/v1/arrays/alice/nb/end_timestamps?page=1&per_page=2", "alice-key");
        assertEquals(List.of(first, first + 10_000), longs(page1.get("end_timestamps")));
        assertEquals(2, page1.get("pagination_metadata").get("total_pages").asInt());
        assertEquals(3, page1.get("pagination_metadata").get("total_items").asInt());
        JsonNode page2 = get("/v1/arrays/alice/nb/end_timestamps?page=2&per_page=2", "alice-key");
        assertEquals(List.of(first + 20_000), longs(page2.get("end_timestamps")));

        // a registered array holds one fragment, written when it was made; an array only created none
        assertEquals(
                List.of(START.toEpochMilli()),
                longs(get("/v1/arrays/alice/data/end_timestamps", "alice-key").get("end_timestamps")));
        json("POST", "/v1/arrays/alice/fresh", "alice-key", SCHEMA, 204);
        assertEquals(
                0,
                get("/v1/arrays/alice/fresh/end_timestamps", "alice-key")
                        .get("pagination_metadata")
                        .get("total_items")
                        .asInt());
        fails("GET", "/v1/arrays/alice/nb/end_timestamps?page=0", "alice-key", null, 400);
        fails("GET", "/v1/arrays/alice/nb/end_timestamps", "carol-key", null, 404);
    }

    @Test
    void fragmentEndTimestampPicksTheFragmentAReadAtThatTimeOpens() throws Exception {
        for (int i = 0; i < 2; i++) {
            advance(Duration.ofSeconds(10));
            multipart("/v1/notebooks/alice/upload", "alice-key", Map.of("name", "nb"), "nb.ipynb", "{}".getBytes());
        }
        long first = START.plusSeconds(10).toEpochMilli();
        long second = first + 10_000;
        String path = "/v1/arrays/alice/nb/fragment_end_timestamp";
        assertEquals(second, get(path, "alice-key").asLong());
        assertEquals(
                first, get(path + "?end_timestamp=" + (second - 1), "alice-key").asLong());
        assertEquals(
                second,
                get(path + "?end_timestamp=" + (second + 5), "alice-key").asLong());
        assertEquals(first, get(path + "?end_timestamp=1", "alice-key").asLong());

        json("POST", "/v1/arrays/alice/fresh", "alice-key", SCHEMA, 204);
        assertEquals(
                0,
                get("/v1/arrays/alice/fresh/fragment_end_timestamp", "alice-key")
                        .asLong());
        refused("GET", path + "?end_timestamp=soon", "alice-key", null, 400);
        fails("GET", "/v1/arrays/alice/none/fragment_end_timestamp", "alice-key", null, 404);
    }

    @Test
    void theFragmentsOfWrittenCellsAreTheArraysFragments() throws Exception {
        ObjectMapper json = new ObjectMapper();
        emulator.seed(new Seed(
                null,
                null,
                List.of(new Seed.SeedArray("alice", "cells", null, null, null, null, null, null)
                        .withCells(json.readTree(SCHEMA), json.readTree("{\"x\": [1, 2], \"a\": [10, 20]}"), 5_000L))));
        emulator.engine().cells().seed("alice", "cells", json.readTree("{\"x\": [3], \"a\": [30]}"), 7_000L);

        // the two writes, not the time the array was made: what a client polls to learn of new cells
        assertEquals(
                List.of(5_000L, 7_000L),
                longs(get("/v1/arrays/alice/cells/end_timestamps", "alice-key").get("end_timestamps")));
        String path = "/v1/arrays/alice/cells/fragment_end_timestamp";
        assertEquals(7_000L, get(path, "alice-key").asLong());
        assertEquals(5_000L, get(path + "?end_timestamp=6999", "alice-key").asLong());
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }

    static List<Long> longs(JsonNode array) {
        List<Long> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asLong()));
        return out;
    }

    static void assertContains(String haystack, String needle) {
        assertTrue(haystack.contains(needle), haystack);
    }
}
