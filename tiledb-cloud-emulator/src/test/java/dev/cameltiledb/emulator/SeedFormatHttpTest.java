package dev.cameltiledb.emulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seed format holds every kind of asset the emulator serves, so a user can seed a copy of a real namespace for CI:
 * seed files ({@code src/test/resources/seeds}) read back over HTTP, the classic one checked against the official spec.
 */
class SeedFormatHttpTest {

    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    private static TileDBEmulator start(String seed, boolean workspace) throws Exception {
        TileDBEmulator.Builder builder = TileDBEmulator.builder()
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .recordExchanges()
                .seedFile(Path.of(
                        SeedFormatHttpTest.class.getResource("/seeds/" + seed).toURI()));
        return (workspace ? builder.workspaceServer() : builder).build().start();
    }

    private static JsonNode get(TileDBEmulator emulator, String path, String key) throws Exception {
        return EmulatorRequests.json(emulator, "GET", path, key, null, 200);
    }

    @Test
    void aCopyOfANamespaceComesBackWithIdsTypesHistoryGroupsAndStorageSettings() throws Exception {
        try (TileDBEmulator emulator = start("namespace-copy.json", false)) {
            JsonNode sales = get(emulator, "/v1/arrays/acme/sales/metadata", "alice-key");
            assertEquals("00000000-0000-4000-8000-0000000000a1", sales.get("id").asText());
            assertEquals("sparse", sales.get("type").asText());
            assertEquals("alice", sales.get("created_by").asText());
            assertEquals("2023-01-02T03:04:05Z", sales.get("created_at").asText());
            assertEquals(4096, sales.get("size").asLong());
            assertEquals("MIT", sales.get("license_id").asText());
            assertEquals("erp", sales.at("/file_properties/source").asText());
            assertTrue(sales.get("public_share").asBoolean());
            assertEquals(
                    "sparse",
                    get(emulator, "/v1/arrays/acme/sales", "alice-key")
                            .get("arrayType")
                            .asText());
            JsonNode activity = get(emulator, "/v1/arrays/acme/sales/activity", "alice-key");
            assertEquals(
                    List.of("query_write", "query_read", "array_metadata_get", "read_schema"),
                    activity.findValuesAsText("action"),
                    "the seeded events oldest first, then the two reads of this test");
            assertEquals(
                    NOW.minusSeconds(7200).toString(),
                    activity.get(0).get("event_at").asText(),
                    "-PT2H: before now");

            // the service's own ArrayInfo fields, pasted in
            JsonNode legacy = get(emulator, "/v1/arrays/acme/legacy/metadata", "alice-key");
            assertEquals("bob", legacy.get("created_by").asText());
            assertEquals("legacy-creds", legacy.get("access_credentials_name").asText());
            assertEquals("Apache-2.0", legacy.get("license_id").asText());
            assertTrue(legacy.get("read_only").asBoolean());
            assertEquals("s3://old-bucket/legacy", legacy.get("uri").asText());

            JsonNode review = get(emulator, "/v1/arrays/acme/review/metadata", "alice-key");
            assertEquals("notebook", review.get("file_type").asText());
            assertEquals("s3://acme-notebooks/review", review.get("uri").asText(), "the organization's location");
            assertEquals("nb-creds", review.get("access_credentials_name").asText());
            JsonNode report = get(emulator, "/v1/arrays/acme/report/metadata_json", "alice-key");
            assertEquals("report.csv", report.get("original_file_name").asText());
            assertEquals(8, report.get("file_size").asLong());
            assertEquals(
                    "file",
                    get(emulator, "/v1/arrays/acme/report/metadata", "alice-key")
                            .get("file_type")
                            .asText());

            JsonNode finance = get(emulator, "/v1/groups/acme/finance", "alice-key");
            assertEquals(
                    "00000000-0000-4000-8000-0000000000b1", finance.get("id").asText());
            assertEquals("soma", finance.get("group_type").asText());
            assertEquals("iVBORw0KGgo=", finance.get("logo").asText());
            assertEquals(1, finance.get("asset_count").asInt());
            assertEquals(1, finance.get("group_count").asInt());
            assertEquals(
                    "s3://acme-bucket/tiledb/groups/finance", finance.get("uri").asText());
            JsonNode contents = get(emulator, "/v1/groups/acme/inner/contents", "alice-key");
            assertEquals("review", contents.at("/entries/0/array/name").asText());
            assertEquals(
                    "bob",
                    get(emulator, "/v1/groups/acme/inner", "alice-key")
                            .get("created_by")
                            .asText());
            JsonNode shared = get(emulator, "/v1/groups/browser/shared?with_metadata=true", "carol-key");
            assertEquals(List.of("finance"), shared.get("groups").findValuesAsText("name"));
            JsonNode metadata = shared.at("/groups/0/metadata");
            assertEquals("finance team", metadata.get(0).get("value").asText());
            assertEquals("owner", metadata.get(0).get("key").asText());

            assertEquals(
                    "s3://acme-notebooks",
                    get(emulator, "/v1/organizations/acme", "bob-key")
                            .at("/asset_locations/notebooks/path")
                            .asText());
            assertEquals(List.of(), OfficialSpec.violations(emulator.recordedExchanges()));
        }
    }

    /**
     * The {@code arrays} and {@code groups} of the service's listing answers go into a seed as they come: a copy
     * seeded from the answers of one emulator answers the same ids, storage, types, creators and times.
     */
    @Test
    void listingAnswersPastedIntoASeedMakeTheSameAssets(@TempDir Path dir) throws Exception {
        JsonNode arrays;
        JsonNode groups;
        try (TileDBEmulator original = start("namespace-copy.json", false)) {
            arrays = get(original, "/v1/arrays/browser/owned?namespace=acme&per_page=100", "alice-key")
                    .get("arrays");
            groups = get(original, "/v1/groups/browser/owned?namespace=acme&flat=true", "alice-key")
                    .get("groups");
        }
        Path seed = dir.resolve("copy.json");
        Files.writeString(seed, """
                {"users": [{"username": "alice", "apiKeys": ["alice-key"]}],
                 "organizations": [{"name": "acme", "members": {"alice": "owner"}}],
                 "arrays": %s, "groups": %s}""".formatted(arrays, groups));
        try (TileDBEmulator copy =
                TileDBEmulator.builder().seedFile(seed).build().start()) {
            for (JsonNode a : arrays) {
                JsonNode copied = get(copy, "/v1/arrays/acme/" + a.get("name").asText() + "/metadata", "alice-key");
                for (String field : List.of("id", "uri", "type", "created_by", "created_at", "file_type", "tags")) {
                    assertEquals(a.get(field), copied.get(field), a.get("name") + " " + field);
                }
            }
            for (JsonNode g : groups) {
                JsonNode copied = get(copy, "/v1/groups/acme/" + g.get("name").asText(), "alice-key");
                for (String field : List.of("id", "uri", "group_type", "logo", "created_by", "created_at")) {
                    assertEquals(g.get(field), copied.get(field), g.get("name") + " " + field);
                }
            }
            assertEquals(4, arrays.size());
            assertEquals(2, groups.size());
        }
    }

    @Test
    void aSeededCopyIsSavedWhole(@TempDir Path dir) throws Exception {
        try (TileDBEmulator first = TileDBEmulator.builder()
                .seedFile(Path.of(SeedFormatHttpTest.class
                        .getResource("/seeds/namespace-copy.json")
                        .toURI()))
                .dataDirectory(dir)
                .build()
                .start()) {
            assertEquals(
                    "sparse",
                    get(first, "/v1/arrays/acme/sales/metadata", "alice-key")
                            .get("type")
                            .asText());
        }
        try (TileDBEmulator second =
                TileDBEmulator.builder().dataDirectory(dir).build().start()) {
            assertEquals(
                    "s3://acme-notebooks",
                    get(second, "/v1/organizations/acme", "alice-key")
                            .at("/asset_locations/notebooks/path")
                            .asText());
            assertEquals(
                    "nb-creds",
                    get(second, "/v1/organizations/acme", "alice-key")
                            .at("/asset_locations/notebooks/credentials_name")
                            .asText());
            assertEquals(
                    "s3://alice-home",
                    get(second, "/v1/user", "alice-key").get("default_s3_path").asText());
            JsonNode sales = get(second, "/v1/arrays/acme/sales/metadata", "alice-key");
            assertEquals("00000000-0000-4000-8000-0000000000a1", sales.get("id").asText());
            assertEquals("sparse", sales.get("type").asText());
            assertEquals(
                    2,
                    get(second, "/v1/groups/acme/finance", "alice-key")
                            .get("size")
                            .asInt());
        }
    }

    @Test
    void aTeamspaceCopyHoldsItsFoldersFilesGroupsAndCreators() throws Exception {
        try (TileDBEmulator emulator = start("teamspace-copy.json", true)) {
            JsonNode root = get(emulator, "/v4/assets/list/acme/research/.", "bob-key");
            assertEquals(List.of("collection", "data", "docs"), root.get("data").findValuesAsText("path"));
            JsonNode docs = get(emulator, "/v4/assets/item/acme/research/fld_docs", "bob-key")
                    .get("data");
            assertEquals("docs", docs.get("path").asText());
            assertEquals("documents", docs.get("description").asText());
            assertEquals(
                    "hello",
                    EmulatorRequests.send(emulator, "GET", "/v4/files/acme/research/docs%2Freadme.txt", "bob-key", null)
                            .body());
            assertEquals(
                    "docs/readme.txt",
                    get(emulator, "/v4/assets/item/acme/research/fil_readme", "bob-key")
                            .at("/data/path")
                            .asText());
            JsonNode sales = get(emulator, "/v4/assets/item/acme/research/arr_sales", "bob-key")
                    .get("data");
            assertEquals("bob", sales.at("/created_by/username").asText());
            assertEquals(
                    List.of("data/sales"),
                    get(emulator, "/v4/assets/list/acme/research/data?created_by=bob", "bob-key")
                            .get("data")
                            .findValuesAsText("path"));
            assertEquals(
                    "tiledb://acme/research/data/sales",
                    get(emulator, "/v1/groups/acme/research/collection/contents", "bob-key")
                            .at("/entries/0/array/tiledb_uri")
                            .asText());
        }
    }

    @Test
    void aSeedThatNamesWhatCannotBeFailsNamingTheEntry(@TempDir Path dir) throws Exception {
        List<String> seeds = List.of("""
                {"users": [{"username": "a", "apiKeys": ["k"]}],
                 "arrays": [{"namespace": "a", "name": "x", "activity": [{"action": "browse", "username": "a",
                             "at": "-PT1H"}]}]}""", """
                {"users": [{"username": "a", "apiKeys": ["k"]}],
                 "groups": [{"namespace": "a", "name": "g", "members": ["tiledb://a/missing"]}]}""", """
                {"users": [{"username": "a", "apiKeys": ["k"]}],
                 "arrays": [{"namespace": "a", "name": "x", "createdAt": "yesterday"}]}""", """
                {"users": [{"username": "a", "apiKeys": ["k"]}],
                 "folders": [{"namespace": "a", "path": "docs"}]}""", """
                {"organizations": [{"name": "o", "assetLocations": {"pictures": {"path": "s3://p"}}}]}""", """
                {"users": [{"username": "a", "apiKeys": ["k"]}],
                 "groups": [{"namespace": "a", "name": "g", "groupType": "album"}]}""");
        List<String> named =
                List.of("array a/x", "group tiledb://a/g", "array a/x", "teamspace", "organization o", "group a/g");
        for (int i = 0; i < seeds.size(); i++) {
            Path file = dir.resolve("seed" + i + ".json");
            Files.writeString(file, seeds.get(i));
            Exception e = assertThrows(
                    Exception.class,
                    () -> TileDBEmulator.builder()
                            .seedFile(file)
                            .build()
                            .start()
                            .stop());
            String message = e.getMessage()
                    + (e.getCause() == null ? "" : " / " + e.getCause().getMessage());
            assertTrue(message.contains(named.get(i)), message);
        }
    }
}
