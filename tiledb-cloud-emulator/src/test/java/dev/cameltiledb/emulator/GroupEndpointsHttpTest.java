package dev.cameltiledb.emulator;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.testing.ServerPerClass;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17, groups: the v1 group writes (create, register, delete, member changes) and the v2 reads TileDB's own
 * clients use (retrieve, metadata, activity, the existence check), over HTTP, with the state they leave checked
 * through listings and {@link TileDBEmulator#group} snapshots. Every request of these tests and every answer is
 * validated against the official v1/v2 spec as it crosses the wire ({@link #call}), when {@code ../shared/spec} is
 * there.
 */
class GroupEndpointsHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    @RegisterExtension
    static final ServerPerClass<TileDBEmulator> TILEDB =
            EmulatorRequests.perClass(b -> b.clock(Clock.fixed(NOW, ZoneOffset.UTC))
                    .recordExchanges()
                    .seed(new Seed(
                            List.of(new User(
                                    "ana",
                                    "ana@example.com",
                                    null,
                                    List.of("ana-key"),
                                    null,
                                    null,
                                    null,
                                    "s3://bucket/ana/",
                                    null)),
                            null,
                            null))
                    .user("ben", "ben-key")
                    .array("ana", "a1", List.of(), Map.of())
                    .array("ana", "a2", List.of(), Map.of())
                    .array("ana", "a3", List.of(), Map.of())
                    .array("ben", "bens", List.of(), Map.of()));

    private static OfficialSpec spec;

    @BeforeAll
    static void loadSpec() throws Exception {
        spec = OfficialSpec.loadIfAvailable(); // null without ../shared/spec: the behaviour is checked all the same
    }

    private static TileDBEmulator emulator() {
        return TILEDB.server();
    }

    /**
     * Sends, checks the status and that the spec accepts both the request and the answer as recorded by the emulator;
     * returns the answer's JSON (null when it has none).
     */
    private static JsonNode call(String method, String path, String key, String body, int status) throws Exception {
        return exchange(method, path, key, body, status, true);
    }

    /**
     * For a request that breaks the spec on purpose (a wrong type, a value outside an enum, broken JSON): the spec
     * must find fault with the request, and with nothing in the answer.
     */
    private static JsonNode callBad(String method, String path, String key, String body, int status) throws Exception {
        return exchange(method, path, key, body, status, false);
    }

    private static JsonNode exchange(
            String method, String path, String key, String body, int status, boolean conformingRequest)
            throws Exception {
        HttpResponse<String> r = EmulatorRequests.send(emulator(), method, path, key, body);
        assertEquals(status, r.statusCode(), method + " " + path + ": " + r.body());
        List<RecordedExchange> recorded = emulator().recordedExchanges();
        RecordedExchange x = recorded.get(recorded.size() - 1);
        assertEquals(method + " " + path.split("\\?")[0], x.method() + " " + x.rawPath(), "the exchange just sent");
        if (spec != null) {
            List<String> violations = spec.violations(x);
            List<String> ofRequest = violations.stream()
                    .filter(v -> v.contains(": validation.request."))
                    .toList();
            if (conformingRequest) {
                assertEquals(List.of(), violations);
            } else {
                assertFalse(ofRequest.isEmpty(), "the request breaks the spec: " + body);
                assertEquals(ofRequest, violations, "only the request breaks the spec");
            }
        }
        if (status >= 400 && !r.body().isEmpty()) {
            JsonNode error = JSON.readTree(r.body());
            assertEquals(status * 10L, error.get("code").asLong(), r.body());
            assertFalse(error.get("message").asText().isBlank(), r.body());
        }
        return r.body().isEmpty() ? null : JSON.readTree(r.body());
    }

    private static GroupSnapshot group(String namespace, String name) {
        return emulator().group(namespace, name).orElseThrow(() -> new AssertionError("no group " + name));
    }

    private static List<String> texts(JsonNode nodes, String field) {
        List<String> out = new ArrayList<>();
        nodes.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    private static void create(String name) throws Exception {
        call(
                "POST",
                "/v1/groups/ana/create",
                "ana-key",
                "{\"name\": \"" + name + "\", \"uri\": \"s3://b/" + name + "\"}",
                204);
    }

    // ---- v1 create

    @Test
    void v1CreateMakesAGroupThatListingsInfoAndTheSnapshotShow() throws Exception {
        call("POST", "/v1/groups/ana/create", "ana-key", """
                {"name": "made", "uri": "s3://b/made", "description": "made by v1", "tags": ["x", "y"],
                 "license_id": "MIT"}""", 204);

        GroupSnapshot made = group("ana", "made");
        assertEquals("s3://b/made", made.uri());
        assertEquals("made by v1", made.description());
        assertEquals(List.of("x", "y"), made.tags());
        assertEquals(List.of(), made.members());
        JsonNode info = call("GET", "/v1/groups/ana/made", "ana-key", null, 200);
        assertEquals(made.id(), info.get("id").asText());
        assertEquals("tiledb://ana/made", info.get("tiledb_uri").asText());
        assertEquals("ana", info.get("created_by").asText());
        JsonNode owned = call("GET", "/v1/groups/browser/owned?per_page=100", "ana-key", null, 200);
        assertTrue(texts(owned.get("groups"), "name").contains("made"), owned.toString());
    }

    @Test
    void v1CreateWithoutUriGoesUnderTheDefaultStoragePathAndWithAParentBecomesItsMember() throws Exception {
        create("home");
        call("POST", "/v1/groups/ana/create", "ana-key", "{\"name\": \"defaulted\", \"parent\": \"home\"}", 204);

        // "a suffix of the owning default_s3_path" (AssetLocations), as TileDB-Cloud-Py's groups.create builds it
        assertEquals(
                "s3://bucket/ana/groups/defaulted", group("ana", "defaulted").uri());
        assertEquals(List.of("tiledb://ana/defaulted"), group("ana", "home").members());
        // ben has no default storage path: without a uri there is nowhere to put the group
        call("POST", "/v1/groups/ben/create", "ben-key", "{\"name\": \"nowhere\"}", 400);
        assertTrue(emulator().group("ben", "nowhere").isEmpty());
    }

    @Test
    void v1CreateRefusesADuplicateABadBodyAStrangerAndAnUnknownNamespace() throws Exception {
        create("dup");
        String before = group("ana", "dup").id();

        call("POST", "/v1/groups/ana/create", "ana-key", "{\"name\": \"dup\", \"uri\": \"s3://b/other\"}", 409);
        assertEquals(before, group("ana", "dup").id());
        assertEquals("s3://b/dup", group("ana", "dup").uri());
        call("POST", "/v1/groups/ana/create", "ana-key", "{\"uri\": \"s3://b/unnamed\"}", 400);
        call("POST", "/v1/groups/ana/create", "ana-key", "{\"name\": \"a/b\", \"uri\": \"s3://b/x\"}", 400);
        callBad(
                "POST",
                "/v1/groups/ana/create",
                "ana-key",
                "{\"name\": \"t\", \"uri\": \"s3://b/t\", \"tags\": [1]}",
                400);
        call(
                "POST",
                "/v1/groups/ana/create",
                "ana-key",
                "{\"name\": \"t\", \"uri\": \"s3://b/t\", \"parent\": \"nope\"}",
                404);
        assertTrue(emulator().group("ana", "t").isEmpty(), "a failed create leaves nothing behind");
        call("POST", "/v1/groups/ana/create", "ben-key", "{\"name\": \"intruder\", \"uri\": \"s3://b/i\"}", 403);
        call("POST", "/v1/groups/nobody/create", "ana-key", "{\"name\": \"lost\", \"uri\": \"s3://b/l\"}", 404);
        assertTrue(emulator().group("ana", "intruder").isEmpty());
        assertTrue(emulator().group("nobody", "lost").isEmpty());
    }

    // ---- v1 register

    @Test
    void v1RegisterTakesTheNameFromThePathOrTheStorageUriFromThePath() throws Exception {
        create("reg-parent");
        call(
                "POST",
                "/v1/groups/ana/registered/register",
                "ana-key",
                "{\"uri\": \"s3://b/registered\", \"description\": \"d\", \"parent\": \"reg-parent\"}",
                204);
        call(
                "POST",
                "/v1/groups/ana/s3%3A%2F%2Fb%2Fby-uri/register",
                "ana-key",
                "{\"name\": \"by-uri\", \"tags\": []}",
                204);

        assertEquals("s3://b/registered", group("ana", "registered").uri());
        assertEquals("d", group("ana", "registered").description());
        assertEquals(
                List.of("tiledb://ana/registered"), group("ana", "reg-parent").members());
        assertEquals("s3://b/by-uri", group("ana", "by-uri").uri());
        JsonNode contents = call("GET", "/v1/groups/ana/reg-parent/contents", "ana-key", null, 200);
        assertEquals(1, contents.get("entries").size());
        assertEquals(
                "registered",
                contents.get("entries").get(0).get("group").get("name").asText());
    }

    @Test
    void v1RegisterRefusesAMissingUriADuplicateAndAStranger() throws Exception {
        call("POST", "/v1/groups/ana/no-uri/register", "ana-key", "{}", 400);
        call("POST", "/v1/groups/ana/once/register", "ana-key", "{\"uri\": \"s3://b/once\"}", 204);
        call("POST", "/v1/groups/ana/once/register", "ana-key", "{\"uri\": \"s3://b/twice\"}", 409);
        call("POST", "/v1/groups/ana/theirs/register", "ben-key", "{\"uri\": \"s3://b/theirs\"}", 403);
        callBad("POST", "/v1/groups/ana/bad/register", "ana-key", "{\"uri\": ", 400);

        assertTrue(emulator().group("ana", "no-uri").isEmpty());
        assertEquals("s3://b/once", group("ana", "once").uri());
        assertTrue(emulator().group("ana", "theirs").isEmpty());
        assertTrue(emulator().group("ana", "bad").isEmpty());
    }

    // ---- v2 register, info and listings

    /** TileDB-Cloud-Py's {@code groups.register(parent_uri=...)} sends the parent as its {@code tiledb://} URI. */
    @Test
    void v2RegisterTakesTheParentAsATiledbUriAsThePythonClientSendsIt() throws Exception {
        create("py-home");
        call("PUT", "/v2/groups/ana", "ana-key", """
                {"group_details": {"name": "py-child", "uri": "s3://b/py-child",
                                   "parent": "tiledb://ana/py-home"}}""", 201);
        assertEquals(List.of("tiledb://ana/py-child"), group("ana", "py-home").members());
        call("PUT", "/v2/groups/ana", "ana-key", """
                {"group_details": {"name": "py-named", "uri": "s3://b/py-named", "parent": "py-home"}}""", 201);
        assertEquals(
                List.of("tiledb://ana/py-child", "tiledb://ana/py-named"),
                group("ana", "py-home").members());
        call("PUT", "/v2/groups/ana", "ana-key", """
                {"group_details": {"name": "py-lost", "uri": "s3://b/py-lost",
                                   "parent": "tiledb://ana/no-such-group"}}""", 404);
        assertTrue(emulator().group("ana", "py-lost").isEmpty(), "a refused register leaves nothing behind");
    }

    @Test
    void aGroupsLogoIsInItsInfoAndListings() throws Exception {
        create("with-logo");
        call("PATCH", "/v1/groups/ana/with-logo", "ana-key", "{\"logo\": \"iVBORw0KGgo=\"}", 204);
        assertEquals(
                "iVBORw0KGgo=",
                call("GET", "/v1/groups/ana/with-logo", "ana-key", null, 200)
                        .get("logo")
                        .asText());
        JsonNode listed = call("GET", "/v1/groups/browser/owned?search=with-logo", "ana-key", null, 200);
        assertEquals("iVBORw0KGgo=", listed.at("/groups/0/logo").asText(), listed.toString());
    }

    /**
     * The spec's {@code flat}: "if true, ignores the nesting of groups and searches all of them"; without it, or false,
     * a listing holds only the top-level groups.
     */
    @Test
    void aListingWithoutFlatHoldsOnlyTopLevelGroupsAsTheSpecSays() throws Exception {
        create("flat-top");
        call(
                "POST",
                "/v1/groups/ana/create",
                "ana-key",
                "{\"name\": \"flat-nested\", \"uri\": \"s3://b/flat-nested\", \"parent\": \"flat-top\"}",
                204);
        String listing = "/v1/groups/browser/owned?per_page=100&search=flat-";
        assertEquals(
                List.of("flat-top"),
                texts(call("GET", listing, "ana-key", null, 200).get("groups"), "name"));
        assertEquals(
                List.of("flat-top"),
                texts(call("GET", listing + "&flat=false", "ana-key", null, 200).get("groups"), "name"));
        assertEquals(
                List.of("flat-nested", "flat-top"),
                texts(call("GET", listing + "&flat=true", "ana-key", null, 200).get("groups"), "name"));
    }

    // ---- v1 contents

    @Test
    void v1ContentsAddsAndRemovesArraysAndGroups() throws Exception {
        create("box");
        create("inner");
        call("POST", "/v1/groups/ana/box/contents", "ana-key", """
                {"add": [{"namespace": "ana", "name": "a1", "member_type": "array"},
                         {"namespace": "ana", "name": "a2"},
                         {"namespace": "ana", "name": "inner", "member_type": "group"}]}""", 204);
        assertEquals(
                List.of("tiledb://ana/a1", "tiledb://ana/a2", "tiledb://ana/inner"),
                group("ana", "box").members());

        String a1Id = emulator().array("ana", "a1").orElseThrow().id();
        call("POST", "/v1/groups/ana/box/contents", "ana-key", """
                {"add": [{"namespace": "ana", "name": "a3", "member_type": "array"},
                         {"namespace": "ana", "name": "a2", "member_type": "array"}],
                 "remove": [{"namespace": "ana", "name": "%s", "member_type": "array"},
                            {"namespace": "ana", "name": "inner"}]}""".formatted(a1Id), 204);

        assertEquals(
                List.of("tiledb://ana/a2", "tiledb://ana/a3"),
                group("ana", "box").members());
        JsonNode info = call("GET", "/v1/groups/ana/box", "ana-key", null, 200);
        assertEquals(2, info.get("asset_count").asInt());
        assertEquals(0, info.get("group_count").asInt());
        assertTrue(emulator().group("ana", "inner").isPresent(), "removing a member does not delete it");
    }

    @Test
    void v1ContentsChecksTheWholeChangeBeforeApplyingIt() throws Exception {
        create("strict");
        create("strict-child");
        call("POST", "/v1/groups/ana/strict/contents", "ana-key", """
                {"add": [{"namespace": "ana", "name": "strict-child", "member_type": "group"}]}""", 204);

        call("POST", "/v1/groups/ana/strict/contents", "ana-key", """
                {"add": [{"namespace": "ana", "name": "a1"}, {"namespace": "ana", "name": "missing"}]}""", 404);
        callBad("POST", "/v1/groups/ana/strict/contents", "ana-key", """
                {"add": [{"namespace": "ana", "name": "a1", "member_type": "notebook"}]}""", 400);
        call("POST", "/v1/groups/ana/strict/contents", "ana-key", """
                {"add": [{"name": "a1"}]}""", 400);
        call("POST", "/v1/groups/ana/strict/contents", "ana-key", """
                {"add": [{"namespace": "ana", "name": "a1"}], "remove": [{"namespace": "ana", "name": "a2"}]}""", 404);
        call("POST", "/v1/groups/ana/strict-child/contents", "ana-key", """
                {"add": [{"namespace": "ana", "name": "strict", "member_type": "group"}]}""", 400);
        call("POST", "/v1/groups/ana/strict/contents", "ana-key", """
                {"add": [{"namespace": "ben", "name": "bens"}]}""", 404);
        call("POST", "/v1/groups/ana/nope/contents", "ana-key", "{\"add\": []}", 404);

        assertEquals(
                List.of("tiledb://ana/strict-child"), group("ana", "strict").members());
        assertEquals(List.of(), group("ana", "strict-child").members());
    }

    @Test
    void v1ContentsIsHiddenFromStrangersAndForbiddenToReaders() throws Exception {
        create("guarded");
        call("POST", "/v1/groups/ana/guarded/contents", "ben-key", """
                {"add": [{"namespace": "ben", "name": "bens"}]}""", 404);
        call("PATCH", "/v1/groups/ana/guarded/share", "ana-key", """
                {"namespace": "ben", "group_actions": ["read"], "array_actions": ["read"]}""", 204);
        call("POST", "/v1/groups/ana/guarded/contents", "ben-key", """
                {"add": [{"namespace": "ben", "name": "bens"}]}""", 403);

        assertEquals(List.of(), group("ana", "guarded").members());
    }

    // ---- v1 delete

    @Test
    void v1DeleteRemovesTheGroupButNotItsMembers() throws Exception {
        create("doomed-parent");
        create("doomed");
        create("survivor");
        call("POST", "/v1/groups/ana/doomed/contents", "ana-key", """
                {"add": [{"namespace": "ana", "name": "a1"}, {"namespace": "ana", "name": "survivor"}]}""", 204);
        call("POST", "/v1/groups/ana/doomed-parent/contents", "ana-key", """
                {"add": [{"namespace": "ana", "name": "doomed", "member_type": "group"}]}""", 204);

        // the spec gives v1 delete no recursive parameter: one sent anyway changes nothing
        call("DELETE", "/v1/groups/ana/doomed", "ana-key", null, 204);

        assertTrue(emulator().group("ana", "doomed").isEmpty());
        assertTrue(emulator().group("ana", "survivor").isPresent());
        assertTrue(emulator().array("ana", "a1").isPresent());
        assertEquals(List.of(), group("ana", "doomed-parent").members());
        call("GET", "/v1/groups/ana/doomed", "ana-key", null, 404);
        JsonNode owned = call("GET", "/v1/groups/browser/owned?per_page=100", "ana-key", null, 200);
        assertFalse(texts(owned.get("groups"), "name").contains("doomed"), owned.toString());
        call("DELETE", "/v1/groups/ana/doomed", "ana-key", null, 404);
    }

    @Test
    void v1DeleteIsRefusedToStrangersAndReaders() throws Exception {
        create("kept");
        call("DELETE", "/v1/groups/ana/kept", "ben-key", null, 404);
        call("PATCH", "/v1/groups/ana/kept/share", "ana-key", """
                {"namespace": "ben", "group_actions": ["read"], "array_actions": []}""", 204);
        call("DELETE", "/v1/groups/ana/kept", "ben-key", null, 403);

        assertTrue(emulator().group("ana", "kept").isPresent());
    }

    // ---- v2 retrieve, existence, metadata

    @Test
    void v2RetrieveListsTheMembersAndTheMetadata() throws Exception {
        create("shelf");
        create("shelf-sub");
        call("POST", "/v1/groups/ana/shelf/contents", "ana-key", """
                {"add": [{"namespace": "ana", "name": "a1"}, {"namespace": "ana", "name": "shelf-sub",
                  "member_type": "group"}]}""", 204);
        call("PUT", "/v2/groups/ana/shelf/metadata", "ana-key", """
                {"metadata": {"entries": [{"key": "k", "type": "INT32", "valueNum": 1, "value": [7, 0, 0, 0]}]}}""", 200);

        JsonNode retrieved = call("POST", "/v2/groups/ana/shelf", "ana-key", "{\"config\": {\"entries\": []}}", 200);

        assertEquals(List.of("a1", "shelf-sub"), texts(retrieved.get("members"), "name"));
        assertEquals(List.of("tiledb://ana/a1", "tiledb://ana/shelf-sub"), texts(retrieved.get("members"), "uri"));
        assertEquals(List.of("ARRAY", "GROUP"), texts(retrieved.get("members"), "type"));
        assertEquals(List.of("k"), texts(retrieved.get("metadata").get("entries"), "key"));
        // by id, and without a body, as well
        String id = group("ana", "shelf").id();
        assertEquals(retrieved, call("POST", "/v2/groups/ana/" + id, "ana-key", null, 200));
        call("POST", "/v2/groups/ana/shelf", "ben-key", "{}", 404);
        call("POST", "/v2/groups/ana/missing", "ana-key", "{}", 404);
        callBad("POST", "/v2/groups/ana/shelf", "ana-key", "{\"config\": ", 400);
    }

    @Test
    void v2OptionsTellsWhetherTheCallerSeesTheGroup() throws Exception {
        create("probe");
        call("OPTIONS", "/v2/groups/ana/probe", "ana-key", null, 204);
        call("OPTIONS", "/v2/groups/ana/probe", "ben-key", null, 404);
        call("OPTIONS", "/v2/groups/ana/absent", "ana-key", null, 404);
    }

    @Test
    void v2MetadataIsWrittenReadBackAndDeletedByKey() throws Exception {
        create("meta");
        call("PUT", "/v2/groups/ana/meta/metadata", "ana-key", """
                {"metadata": {"entries": [
                  {"key": "title", "type": "STRING_UTF8", "valueNum": 2, "value": [104, 105]},
                  {"key": "n", "type": "INT64", "valueNum": 1, "value": [1, 0, 0, 0, 0, 0, 0, 0]}]}}""", 200);
        call("PUT", "/v2/groups/ana/meta/metadata", "ana-key", """
                {"config": {"entries": [{"key": "sm.tile_cache_size", "value": "0"}]},
                 "metadata": {"entries": [{"key": "n", "del": true},
                  {"key": "title", "type": "STRING_UTF8", "valueNum": 3, "value": [104, 105, 33]}]}}""", 200);

        JsonNode metadata = call("POST", "/v2/groups/ana/meta/metadata", "ana-key", "{}", 200);

        assertEquals(1, metadata.get("entries").size(), metadata.toString());
        JsonNode title = metadata.get("entries").get(0);
        assertEquals("title", title.get("key").asText());
        assertEquals("STRING_UTF8", title.get("type").asText());
        assertEquals(3, title.get("valueNum").asInt());
        assertEquals(JSON.readTree("[104, 105, 33]"), title.get("value"));
        // the v1 listings' with_metadata shows the same entries, a string's bytes as its text
        JsonNode owned = call("GET", "/v1/groups/browser/owned?per_page=100&with_metadata=true", "ana-key", null, 200);
        JsonNode listed = null;
        for (JsonNode g : owned.get("groups")) {
            listed = g.get("name").asText().equals("meta") ? g : listed;
        }
        assertEquals(
                JSON.readTree("[{\"key\": \"title\", \"value\": \"hi!\", \"type\": \"STRING_UTF8\"}]"),
                listed.get("metadata"),
                owned.toString());
        assertEquals(metadata, call("POST", "/v2/groups/ana/meta/metadata", "ana-key", null, 200));
    }

    @Test
    void v2MetadataRefusesABadBodyAReaderAndAStranger() throws Exception {
        create("meta-guarded");
        call("PATCH", "/v1/groups/ana/meta-guarded/share", "ana-key", """
                {"namespace": "ben", "group_actions": ["read"], "array_actions": []}""", 204);
        String put =
                "{\"metadata\": {\"entries\": [{\"key\": \"k\", \"type\": \"INT8\", \"valueNum\": 1, \"value\": [1]}]}}";

        call("PUT", "/v2/groups/ana/meta-guarded/metadata", "ben-key", put, 403);
        call("PUT", "/v2/groups/ana/meta-unknown/metadata", "ana-key", put, 404);
        call("POST", "/v2/groups/ana/meta-unknown/metadata", "ana-key", "{}", 404);
        call(
                "PUT",
                "/v2/groups/ana/meta-guarded/metadata",
                "ana-key",
                "{\"metadata\": {\"entries\": [{\"type\": \"INT8\"}]}}",
                400);
        call(
                "PUT",
                "/v2/groups/ana/meta-guarded/metadata",
                "ana-key",
                "{\"metadata\": {\"entries\": [{\"key\": \"k\"}]}}",
                400);
        JsonNode seenByReader = call("POST", "/v2/groups/ana/meta-guarded/metadata", "ben-key", "{}", 200);
        assertEquals(0, seenByReader.get("entries").size(), "nothing was written");

        call("PATCH", "/v1/groups/ana/meta-guarded/share", "ana-key", """
                {"namespace": "ben", "group_actions": ["read", "write"], "array_actions": []}""", 204);
        call("PUT", "/v2/groups/ana/meta-guarded/metadata", "ben-key", put, 200);
        assertEquals(
                1,
                call("POST", "/v2/groups/ana/meta-guarded/metadata", "ana-key", "{}", 200)
                        .get("entries")
                        .size());
    }

    // ---- v2 activity

    @Test
    void v2ActivityHoldsTheGroupItsSubGroupsAndTheirArraysNewestFirstInPages() throws Exception {
        create("act");
        create("act-sub");
        call("POST", "/v1/groups/ana/act/contents", "ana-key", """
                {"add": [{"namespace": "ana", "name": "a1"}, {"namespace": "ana", "name": "act-sub",
                  "member_type": "group"}]}""", 204);
        call("POST", "/v1/groups/ana/act-sub/contents", "ana-key", """
                {"add": [{"namespace": "ana", "name": "a2"}]}""", 204);
        String early = emulator().addActivity("ana", "a1", NOW.minusSeconds(3600), "query_read", "ana");
        String late = emulator().addActivity("ana", "a2", NOW.minusSeconds(60), "query_write", "ben");
        String old = emulator().addActivity("ana", "a1", NOW.minusSeconds(30 * 24 * 3600), "query_read", "ana");

        JsonNode all = call("GET", "/v2/groups/ana/act/activity?per_page=100", "ana-key", null, 200);
        JsonNode logs = all.get("activity_logs");
        List<String> ids = texts(logs, "id");
        assertTrue(ids.contains(early) && ids.contains(late), all.toString());
        assertFalse(ids.contains(old), "older than the default seven days");
        // the group's own events (create and two content changes, at NOW) come before the array events
        List<String> groupActions = new ArrayList<>();
        for (JsonNode log : logs) {
            if (log.get("asset").get("asset_type").asText().equals("group")) {
                groupActions.add(log.get("asset").get("name").asText() + ":"
                        + log.get("action").asText());
            }
        }
        assertTrue(
                groupActions.containsAll(List.of(
                        "act:create", "act-sub:create", "act:group_contents_update", "act-sub:group_contents_update")),
                groupActions.toString());
        assertEquals(List.of(late, early), ids.subList(ids.size() - 2, ids.size()));
        assertEquals("a2", logs.get(ids.size() - 2).get("asset").get("name").asText());
        assertEquals("ben", logs.get(ids.size() - 2).get("username").asText());

        int total = all.get("pagination_metadata").get("total_items").asInt();
        assertEquals(ids.size(), total);
        List<String> paged = new ArrayList<>();
        for (int page = 1; page <= (total + 1) / 2; page++) {
            JsonNode one = call("GET", "/v2/groups/ana/act/activity?per_page=2&page=" + page, "ana-key", null, 200);
            assertEquals(page, one.get("pagination_metadata").get("page").asInt());
            assertEquals(
                    (total + 1) / 2,
                    one.get("pagination_metadata").get("total_pages").asInt());
            paged.addAll(texts(one.get("activity_logs"), "id"));
        }
        assertEquals(ids, paged);

        long from = NOW.minusSeconds(31 * 24 * 3600).getEpochSecond();
        long to = NOW.minusSeconds(1800).getEpochSecond();
        JsonNode window = call("GET", "/v2/groups/ana/act/activity?start=" + from + "&end=" + to, "ana-key", null, 200);
        assertEquals(List.of(early, old), texts(window.get("activity_logs"), "id"));
        JsonNode sub = call("GET", "/v2/groups/ana/act-sub/activity", "ana-key", null, 200);
        assertFalse(texts(sub.get("activity_logs"), "id").contains(early), "a1 is not in the sub-group");
    }

    @Test
    void v2ActivityRecordsMetadataChangesAndRefusesStrangersAndBadParameters() throws Exception {
        create("act-meta");
        call("PUT", "/v2/groups/ana/act-meta/metadata", "ana-key", """
                {"metadata": {"entries": [{"key": "k", "type": "INT8", "valueNum": 1, "value": [1]}]}}""", 200);
        JsonNode logs = call("GET", "/v2/groups/ana/act-meta/activity", "ana-key", null, 200)
                .get("activity_logs");
        assertEquals(
                List.of("create", "group_metadata_update"),
                texts(logs, "action").stream().sorted().toList());

        call("GET", "/v2/groups/ana/act-meta/activity", "ben-key", null, 404);
        call("GET", "/v2/groups/ana/act-unknown/activity", "ana-key", null, 404);
        call("GET", "/v2/groups/ana/act-meta/activity?per_page=0", "ana-key", null, 400);
    }

    // ---- persistence

    /** A group's metadata and activity log are saved with it: a restart from the data directory answers the same. */
    @Test
    void metadataAndActivitySurviveARestart(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        JsonNode metadataBefore;
        JsonNode activityBefore;
        List<RecordedExchange> traffic = new ArrayList<>();
        try (TileDBEmulator first = TileDBEmulator.builder()
                .dataDirectory(dir)
                .recordExchanges()
                .user("kim", "kim-key")
                .build()
                .start()) {
            assertEquals(
                    204,
                    EmulatorRequests.send(first, "POST", "/v1/groups/kim/create", "kim-key", """
                            {"name": "kept", "uri": "s3://b/kept"}""")
                            .statusCode());
            assertEquals(
                    200,
                    EmulatorRequests.send(first, "PUT", "/v2/groups/kim/kept/metadata", "kim-key", """
                            {"metadata": {"entries": [{"key": "k", "type": "INT8", "valueNum": 1, "value": [5]}]}}""")
                            .statusCode());
            metadataBefore = EmulatorRequests.json(first, "POST", "/v2/groups/kim/kept/metadata", "kim-key", "{}", 200);
            activityBefore = EmulatorRequests.json(first, "GET", "/v2/groups/kim/kept/activity", "kim-key", null, 200);
            traffic.addAll(first.recordedExchanges());
        }
        try (TileDBEmulator second = TileDBEmulator.builder()
                .dataDirectory(dir)
                .recordExchanges()
                .build()
                .start()) {
            assertEquals(
                    metadataBefore,
                    EmulatorRequests.json(second, "POST", "/v2/groups/kim/kept/metadata", "kim-key", "{}", 200));
            JsonNode activityAfter =
                    EmulatorRequests.json(second, "GET", "/v2/groups/kim/kept/activity", "kim-key", null, 200);
            // the read of the metadata just before is logged too, so the log after the restart has one event more
            List<String> before = texts(activityBefore.get("activity_logs"), "id");
            List<String> after = texts(activityAfter.get("activity_logs"), "id");
            assertEquals(before.size() + 1, after.size(), activityAfter.toString());
            assertTrue(after.containsAll(before), activityAfter.toString());
            traffic.addAll(second.recordedExchanges());
        }
        assertEquals(1, metadataBefore.get("entries").size());
        if (spec != null) {
            List<String> violations = new ArrayList<>();
            traffic.forEach(x -> violations.addAll(spec.violations(x)));
            assertEquals(List.of(), violations);
        }
    }

    // ---- workspace platform

    /**
     * On a workspace server the same routes take a {@code workspace/teamspace} namespace. The official v1/v2 specs
     * describe the classic paths only (one namespace segment), so this test checks statuses and state, not the spec.
     */
    @Test
    void theNewGroupRoutesServeATeamspaceOnAWorkspaceServer() throws Exception {
        try (TileDBEmulator ws = TileDBEmulator.builder()
                .workspaceServer()
                .user("kim", "kim-key")
                .workspace("acme", Map.of("kim", "owner"))
                .teamspace("acme", "lab", Map.of("kim", "owner"))
                .build()
                .start()) {
            EmulatorRequests.json(ws, "POST", "/v1/groups/acme/lab/create", "kim-key", """
                    {"name": "top", "uri": "s3://b/top"}""", 204);
            EmulatorRequests.json(ws, "POST", "/v1/groups/acme/lab/sub/register", "kim-key", """
                    {"uri": "s3://b/sub", "parent": "top"}""", 204);
            EmulatorRequests.json(ws, "POST", "/v1/groups/acme/lab/create", "kim-key", """
                    {"name": "top", "uri": "s3://b/again"}""", 409);

            JsonNode retrieved = EmulatorRequests.json(ws, "POST", "/v2/groups/acme/lab/top", "kim-key", "{}", 200);
            assertEquals(List.of("tiledb://acme/lab/sub"), texts(retrieved.get("members"), "uri"));
            assertEquals(
                    List.of("tiledb://acme/lab/sub"),
                    ws.group("acme/lab", "top").orElseThrow().members());

            EmulatorRequests.json(ws, "DELETE", "/v1/groups/acme/lab/sub", "kim-key", null, 204);
            assertTrue(ws.group("acme/lab", "sub").isEmpty());
            assertEquals(List.of(), ws.group("acme/lab", "top").orElseThrow().members());
        }
    }

    // ---- v1 content_activity, the spec check itself

    @Test
    void v1ContentActivityOfARegisteredGroupConformsToTheSpec() throws Exception {
        call("POST", "/v1/groups/ana/ca/register", "ana-key", "{\"uri\": \"s3://b/ca\"}", 204);
        call("POST", "/v1/groups/ana/ca/contents", "ana-key", """
                {"add": [{"namespace": "ana", "name": "a3"}]}""", 204);
        String id = emulator().addActivity("ana", "a3", NOW.minusSeconds(5), "read_schema", "ana");

        JsonNode v1 = call("GET", "/v1/groups/ana/ca/content_activity?per_page=5", "ana-key", null, 200);
        JsonNode v2 = call("GET", "/v2/groups/ana/ca/content_activity?per_page=5", "ana-key", null, 200);

        assertEquals(id, v1.get("activity").get(0).get("activity_log").get("id").asText());
        assertEquals(v1, v2);
        call("GET", "/v1/groups/ana/ca/content_activity", "ben-key", null, 404);
    }

    /** The check {@link #call} relies on is not vacuous: an activity entry without its required asset is refused. */
    @Test
    void theSpecCheckRefusesAnActivityEntryWithoutItsAsset() {
        Assumptions.assumeTrue(spec != null, "a check of the spec check needs ../shared/spec");
        Map<String, List<String>> json = Map.of("content-type", List.of("application/json"));
        RecordedExchange bad = new RecordedExchange(
                "GET",
                "/v2/groups/ana/g/activity",
                Map.of(),
                Map.of("x-tiledb-rest-api-key", List.of("ana-key")),
                null,
                200,
                json,
                ("{\"activity_logs\": [{\"id\": \"1\", \"event_at\": \"2024-05-01T12:00:00Z\", \"action\": \"create\","
                                + " \"username\": \"ana\"}], \"pagination_metadata\": {\"page\": 1}}")
                        .getBytes(StandardCharsets.UTF_8));
        List<String> violations = spec.violations(bad);
        assertTrue(violations.stream().anyMatch(v -> v.contains("asset")), violations.toString());
    }
}
