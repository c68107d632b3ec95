package dev.cameltiledb.emulator;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Storage settings of users and organizations (the spec's {@code default_s3_path}, its credentials and
 * {@code asset_locations}): seeded, answered as TileDB's clients read them, and used by the emulator wherever a request
 * that makes an asset names no storage URI. Checked against the official spec.
 */
class StorageSettingsHttpTest extends SpecCheckedHttpTest {

    private static final String SCHEMA = """
            {"version":[1,3,0],"arrayType":"dense","tileOrder":"row-major","cellOrder":"row-major",
             "capacity":10000,"coordsFilterPipeline":{"filters":[]},"offsetFilterPipeline":{"filters":[]},
             "domain":{"type":"INT32","tileOrder":"row-major","cellOrder":"row-major","dimensions":[{"name":"x",
             "type":"INT32","domain":{"int32":[1,9]},"nullTileExtent":false,"tileExtent":{"int32":3},
             "filterPipeline":{"filters":[]}}]},
             "attributes":[{"name":"a","type":"INT32","cellValNum":1,"filterPipeline":{"filters":[]}}]}""";

    /** labs keeps its notebooks apart, the rest under its default path; dora has her own notebook location. */
    @BeforeEach
    void seedOwnersWithStorageSettings() {
        emulator.seed(new Seed(
                List.of(new User(
                        "dora",
                        "dora@example.com",
                        null,
                        List.of("dora-key"),
                        null,
                        null,
                        null,
                        "s3://dora-bucket/home",
                        "dora-creds",
                        null,
                        Map.of("notebooks", new StorageLocation("s3://dora-notebooks", null)))),
                List.of(new Organization(
                        "labs",
                        Map.of("alice", "owner", "dora", "read_write"),
                        "s3://labs-bucket/tiledb/",
                        "labs-creds",
                        Map.of("notebooks", new StorageLocation("s3://labs-notebooks", "nb-creds")))),
                null));
    }

    /**
     * TileDB-Cloud-Py's {@code groups.create(namespace="labs")} asks {@code GET /v1/users/labs}, then (not a user)
     * {@code GET /v1/organizations/labs}, and reads {@code asset_locations.groups}, else {@code default_s3_path}: an
     * organization without them makes it fail with "No storage provider configured".
     */
    @Test
    void ownersAnswerTheirStorageSettingsAsThePythonClientReadsThem() throws Exception {
        assertEquals(404, send("GET", "/v1/users/labs", "alice-key", null).statusCode());
        JsonNode labs = get("/v1/organizations/labs", "alice-key");
        assertEquals("s3://labs-bucket/tiledb/", labs.get("default_s3_path").asText());
        assertEquals("labs-creds", labs.get("default_s3_path_credentials_name").asText());
        assertEquals(
                "s3://labs-notebooks",
                labs.at("/asset_locations/notebooks/path").asText());
        assertEquals(
                "nb-creds",
                labs.at("/asset_locations/notebooks/credentials_name").asText());
        assertEquals(
                "s3://labs-bucket/tiledb/",
                get("/v1/organizations", "dora-key").at("/0/default_s3_path").asText());

        JsonNode dora = get("/v1/user", "dora-key");
        assertEquals("s3://dora-bucket/home", dora.get("default_s3_path").asText());
        assertEquals(
                "s3://dora-notebooks",
                dora.at("/asset_locations/notebooks/path").asText());
        assertEquals(
                "s3://dora-notebooks",
                get("/v1/users/dora", "dora-key")
                        .at("/asset_locations/notebooks/path")
                        .asText());
    }

    /** Each way of making an asset without a storage URI: the kind's location, else the kind's folder of the default. */
    @Test
    void assetsMadeWithoutAStorageUriGoWhereTheOwnersSettingsSay() throws Exception {
        json("POST", "/v1/groups/labs/create", "alice-key", "{\"name\": \"team\"}", 204);
        JsonNode group = get("/v1/groups/labs/team", "alice-key");
        assertEquals("s3://labs-bucket/tiledb/groups/team", group.get("uri").asText());
        assertEquals("labs-creds", group.get("access_credentials_name").asText());

        json("POST", "/v1/arrays/labs/plain", "alice-key", SCHEMA, 204);
        assertEquals(
                "s3://labs-bucket/tiledb/arrays/plain",
                emulator.array("labs", "plain").orElseThrow().uri());

        byte[] notebook = "{\"cells\": [], \"nbformat\": 4}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> uploaded = raw("/v2/notebooks/labs/review/upload?filesize=" + notebook.length, notebook);
        assertEquals(201, uploaded.statusCode(), uploaded.body());
        assertEquals(
                "s3://labs-notebooks/review",
                JSON.readTree(uploaded.body()).get("output_uri").asText());
        assertEquals("nb-creds", emulator.array("labs", "review").orElseThrow().accessCredentialsName());

        HttpResponse<String> form = multipart("/v1/files/labs/upload", "alice-key", Map.of(), "notes.txt", notebook);
        assertEquals(201, form.statusCode(), form.body());
        assertEquals(
                "s3://labs-bucket/tiledb/files/notes.txt",
                JSON.readTree(form.body()).get("output_uri").asText());
        JsonNode created = json("POST", "/v1/files/labs", "alice-key", "{\"input_uri\": \"s3://in/report.pdf\"}", 201);
        assertEquals(
                "s3://labs-bucket/tiledb/files/report.pdf",
                created.get("output_uri").asText());

        JsonNode copied = json(
                "POST",
                "/v1/notebooks/labs/review/copy",
                "dora-key",
                "{\"namespace\": \"dora\", \"name\": \"mine\"}",
                201);
        assertEquals("s3://dora-notebooks/mine", copied.get("output_uri").asText());
        assertEquals(
                "dora-creds",
                emulator.array("dora", "mine").orElseThrow().accessCredentialsName(),
                "the location names none: the default path's credentials");

        // a storage URI in the request wins; a namespace without settings gets the emulator's own location
        json(
                "POST",
                "/v1/groups/labs/create",
                "alice-key",
                "{\"name\": \"placed\", \"uri\": \"s3://elsewhere/g\"}",
                204);
        assertEquals(
                "s3://elsewhere/g",
                emulator.group("labs", "placed").orElseThrow().uri());
        HttpResponse<String> bare = raw("/v2/notebooks/alice/bare/upload?filesize=" + notebook.length, notebook);
        assertEquals(
                "s3://tiledb-emulator/alice/bare",
                JSON.readTree(bare.body()).get("output_uri").asText());
        fails("POST", "/v1/groups/alice/create", "alice-key", "{\"name\": \"nowhere\"}", 400);
    }

    private HttpResponse<String> raw(String path, byte[] body) throws Exception {
        return java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(emulator.url() + path))
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
                                .header("Content-Type", "application/octet-stream")
                                .header("X-TILEDB-REST-API-KEY", "alice-key")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
