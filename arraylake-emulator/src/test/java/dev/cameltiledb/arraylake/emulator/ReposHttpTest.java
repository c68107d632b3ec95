package dev.cameltiledb.arraylake.emulator;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The repo endpoints and their rules, each test on a fresh emulator. */
class ReposHttpTest {

    /** A fixed clock: {@code updated} must still move on every change. */
    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-12-02T09:00:00.123456Z"), ZoneOffset.UTC);

    private ArraylakeEmulator emu;
    private Api admin;
    private Api etl;
    private Api viewer;

    @BeforeEach
    void start() {
        emu = Fixtures.standard().clock(FIXED).build().start();
        admin = Fixtures.as(emu, Fixtures.ADMIN);
        etl = Fixtures.service(emu);
        viewer = Fixtures.as(emu, Fixtures.VIEWER);
    }

    @AfterEach
    void stop() {
        emu.stop();
    }

    @Test
    void repoJsonHasEveryFieldOfTheModel() {
        JsonNode repo = viewer.get("/repos/acme/climate").body();
        assertTrue(repo.path("_id").asText().matches("[0-9a-f]{24}"), repo.toString());
        assertEquals("acme", repo.path("org").asText());
        assertEquals("climate", repo.path("name").asText());
        assertEquals("2026-12-02T09:00:00.123456+00:00", repo.path("created").asText());
        assertEquals("Climate runs", repo.path("description").asText());
        assertEquals("ocean", repo.path("metadata").path("team").asText());
        assertEquals("PRIVATE", repo.path("visibility").asText());
        assertEquals("main-bucket", repo.path("bucket").path("nickname").asText());
        assertEquals(
                "**********",
                repo.path("bucket").path("auth_config").path("shared_secret").asText());
        assertEquals("online", repo.path("status").path("mode").asText());
        assertTrue(repo.path("status").path("is_user_modifiable").asBoolean());
        assertTrue(repo.path("status").path("estimated_end_time").isNull());
        assertEquals("icechunk", repo.path("kind").asText());
        assertEquals(repo.path("_id").asText(), repo.path("prefix").asText(), "no prefix given: the id");
        assertTrue(repo.path("optimization_config").has("gc_config"));
        assertEquals(0, repo.path("permissions").size());
    }

    @Test
    void listingPagesByNameWithTotalsAndPages() {
        for (String name : List.of("zeta", "alpha", "mid")) {
            assertEquals(
                    201,
                    etl.post("/orgs/acme/repos", "{\"name\": \"" + name + "\"}").status());
        }
        JsonNode first = etl.get("/orgs/acme/repos/paginated?size=2").body();
        assertEquals(5, first.path("total").asInt());
        assertEquals(1, first.path("page").asInt());
        assertEquals(2, first.path("size").asInt());
        assertEquals(3, first.path("pages").asInt());
        assertEquals(List.of("alpha", "climate"), names(first));
        assertEquals(
                List.of("mid", "weather"),
                names(etl.get("/orgs/acme/repos/paginated?size=2&page=2").body()));
        assertEquals(
                List.of("zeta"),
                names(etl.get("/orgs/acme/repos/paginated?size=2&page=3").body()));
        assertEquals(
                List.of(),
                names(etl.get("/orgs/acme/repos/paginated?size=2&page=9").body()));
        JsonNode defaults = etl.get("/orgs/acme/repos/paginated").body();
        assertEquals(50, defaults.path("size").asInt());
        assertEquals(1, defaults.path("pages").asInt());
    }

    @Test
    void badPagingIs422InFastApiShape() {
        Api.Reply tooBig = etl.get("/orgs/acme/repos/paginated?size=101");
        assertEquals(422, tooBig.status());
        JsonNode problem = tooBig.body().path("detail").path(0);
        assertEquals("[\"query\",\"size\"]", problem.path("loc").toString());
        assertEquals("less_than_equal", problem.path("type").asText());
        assertEquals(422, etl.get("/orgs/acme/repos/paginated?page=0").status());
        assertEquals(422, etl.get("/orgs/acme/repos/paginated?page=two").status());
        assertEquals(
                422, etl.get("/orgs/acme/repos/paginated?include_ghosts=maybe").status());
    }

    @Test
    void filterMetadataMatchesEqualValuesAndListMembers() {
        etl.post("/orgs/acme/repos", "{\"name\": \"r1\", \"metadata\": {\"team\": \"ice\", \"year\": 2026}}");
        assertEquals(List.of("climate"), names(filtered("{\"team\": \"ocean\"}")));
        assertEquals(List.of("climate"), names(filtered("{\"tags\": \"b\"}")));
        assertEquals(List.of("r1"), names(filtered("{\"year\": 2026.0}")));
        assertEquals(List.of(), names(filtered("{\"team\": \"ocean\", \"year\": 2026}")));
        Api.Reply bad = etl.get("/orgs/acme/repos/paginated?filter_metadata=" + Script.encode("[1,2]"));
        assertEquals(422, bad.status());
        assertEquals(
                "filter_metadata",
                bad.body().path("detail").path(0).path("loc").path(1).asText());
        assertEquals(
                422,
                etl.get("/orgs/acme/repos/paginated?filter_metadata=" + Script.encode("{nope"))
                        .status());
    }

    private JsonNode filtered(String filter) {
        return etl.get("/orgs/acme/repos/paginated?filter_metadata=" + Script.encode(filter))
                .body();
    }

    @Test
    void getUnknownOrgOrRepoIs404AndBadNameIs422() {
        assertEquals(404, viewer.get("/repos/acme/nothing").status());
        assertEquals(
                "Repo acme/nothing not found", viewer.get("/repos/acme/nothing").detail());
        assertEquals(404, viewer.get("/repos/nowhere/climate").status());
        Api.Reply bad = viewer.get("/repos/acme/a");
        assertEquals(422, bad.status());
        assertEquals(
                "[\"path\",\"repo\"]",
                bad.body().path("detail").path(0).path("loc").toString());
    }

    @Test
    void createUsesTheDefaultBucketOrTheNamedOne() {
        Api.Reply created = etl.post("/orgs/acme/repos", """
                {"name": "ocean", "description": "Ocean", "metadata": {"team": "sea"}, "prefix": "ocean-data"}
                """);
        assertEquals(201, created.status(), created.body().toString());
        assertEquals(
                "main-bucket", created.body().path("bucket").path("nickname").asText());
        assertEquals("ocean-data", created.body().path("prefix").asText());
        assertEquals(
                emu.apiClientId("acme", "etl@acme.example"),
                created.body().path("created_by").asText());
        assertEquals(
                emu.apiClientId("acme", "etl@acme.example"),
                created.body()
                        .path("status")
                        .path("initiated_by")
                        .path("principal_id")
                        .asText());
        assertEquals("Ocean", emu.repo("acme", "ocean").orElseThrow().description());
    }

    @Test
    void createWithoutNicknameAndWithoutDefaultIs422() {
        ArraylakeEmulator bare = ArraylakeEmulator.builder()
                .org("empty")
                .serviceAccount("empty", "svc@empty.example", "ema_11111111111111111111111111111111", "admin")
                .build()
                .start();
        try {
            Api.Reply reply = new Api(bare.url(), "ema_11111111111111111111111111111111")
                    .post("/orgs/empty/repos", "{\"name\": \"first\"}");
            assertEquals(422, reply.status());
            assertTrue(reply.detail().contains("no default bucket config"), reply.detail());
        } finally {
            bare.stop();
        }
    }

    @Test
    void createRefusesTakenNameUnknownBucketTakenPrefixV1AndBadBodies() {
        Api.Reply taken = etl.post("/orgs/acme/repos", "{\"name\": \"climate\"}");
        assertEquals(409, taken.status());
        assertEquals("Repo acme/climate already exists", taken.detail());

        Api.Reply unknownBucket = etl.post("/orgs/acme/repos", "{\"name\": \"n1\", \"bucket_nickname\": \"nope-1\"}");
        assertEquals(404, unknownBucket.status());
        assertTrue(unknownBucket.detail().contains("nope-1"));

        assertEquals(
                201,
                etl.post("/orgs/acme/repos", "{\"name\": \"p1\", \"prefix\": \"shared\"}")
                        .status());
        Api.Reply prefix = etl.post("/orgs/acme/repos", "{\"name\": \"p2\", \"prefix\": \"shared\"}");
        assertEquals(409, prefix.status());
        assertTrue(prefix.detail().contains("acme/p1"), prefix.detail());

        Api.Reply v1 = etl.post("/orgs/acme/repos", "{\"name\": \"old\", \"kind\": \"v1\"}");
        assertEquals(422, v1.status());
        assertEquals("v1 repos can no longer be created", v1.detail());

        Api.Reply badName = etl.post("/orgs/acme/repos", "{\"name\": \"bad name\"}");
        assertEquals(422, badName.status());
        assertEquals(
                "[\"body\",\"name\"]",
                badName.body().path("detail").path(0).path("loc").toString());
        assertEquals(
                "value_error",
                badName.body().path("detail").path(0).path("type").asText());
        assertEquals(
                422,
                etl.post("/orgs/acme/repos", "{\"name\": \"" + "x".repeat(129) + "\"}")
                        .status());
        assertEquals(
                422,
                etl.post("/orgs/acme/repos", "{\"name\": \"ok1\", \"prefix\": \"/lead\"}")
                        .status());
        assertEquals(
                422,
                etl.post("/orgs/acme/repos", "{\"name\": \"ok2\", \"metadata\": {\"a\": {\"b\": 1}}}")
                        .status());
        assertEquals(
                422,
                etl.post("/orgs/acme/repos", "{\"name\": \"ok3\", \"kind\": \"zarr\"}")
                        .status());
        assertEquals(422, etl.post("/orgs/acme/repos", "not json").status());
        Api.Reply missing = etl.post("/orgs/acme/repos", "{}");
        assertEquals(
                "missing", missing.body().path("detail").path(0).path("type").asText());
    }

    @Test
    void modifyAppliesMetadataRulesAndMovesUpdated() {
        Instant before = emu.repo("acme", "climate").orElseThrow().updated();
        Api.Reply reply = etl.patch("/orgs/acme/climate", """
                {"description": "New", "add_metadata": {"year": 2026}, "update_metadata": {"team": "sea"},
                 "remove_metadata": ["tags"], "optimization_config": null}
                """);
        assertEquals(200, reply.status(), reply.body().toString());
        assertEquals("New", reply.body().path("description").asText());
        assertEquals(2026, reply.body().path("metadata").path("year").asInt());
        assertEquals("sea", reply.body().path("metadata").path("team").asText());
        assertFalse(reply.body().path("metadata").has("tags"));
        RepoSnapshot after = emu.repo("acme", "climate").orElseThrow();
        assertTrue(after.updated().isAfter(before), "updated moves even on a fixed clock");

        Api.Reply addExisting = etl.patch("/orgs/acme/climate", "{\"add_metadata\": {\"team\": \"x\"}}");
        assertEquals(422, addExisting.status());
        assertTrue(addExisting.detail().contains("'team'"), addExisting.detail());
        assertEquals(
                422,
                etl.patch("/orgs/acme/climate", "{\"update_metadata\": {\"nope\": 1}}")
                        .status());
        assertEquals(
                422,
                etl.patch("/orgs/acme/climate", "{\"remove_metadata\": [\"nope\"]}")
                        .status());
        assertEquals("sea", emu.repo("acme", "climate").orElseThrow().metadata().get("team"), "nothing changed");
    }

    @Test
    void setStatusRecordsModeMessageAndPrincipal() {
        Api.Reply reply = etl.put("/orgs/acme/climate/status", "{\"mode\": \"maintenance\", \"message\": \"rechunk\"}");
        assertEquals(200, reply.status());
        assertEquals("maintenance", reply.body().path("mode").asText());
        assertEquals("rechunk", reply.body().path("message").asText());
        assertEquals(
                emu.apiClientId("acme", "etl@acme.example"),
                reply.body().path("initiated_by").path("principal_id").asText());
        assertTrue(reply.body().path("estimated_end_time").isNull());
        RepoSnapshot snapshot = emu.repo("acme", "climate").orElseThrow();
        assertEquals("maintenance", snapshot.statusMode());
        assertEquals("rechunk", snapshot.statusMessage());
        assertEquals(
                422,
                etl.put("/orgs/acme/climate/status", "{\"message\": \"no mode\"}")
                        .status());
        assertEquals(
                422,
                etl.put("/orgs/acme/climate/status", "{\"mode\": \"asleep\"}").status());
    }

    @Test
    void softDeleteLeavesAGhostWhoseNameIsFree() {
        assertEquals(204, admin.delete("/orgs/acme/climate").status());
        assertEquals(404, viewer.get("/repos/acme/climate").status());
        assertEquals(
                List.of("weather"), names(etl.get("/orgs/acme/repos/paginated").body()));
        JsonNode withGhosts =
                etl.get("/orgs/acme/repos/paginated?include_ghosts=true").body();
        assertEquals(List.of("climate", "weather"), names(withGhosts));
        assertEquals(
                "offline",
                withGhosts.path("items").path(0).path("status").path("mode").asText());
        assertEquals(
                "deleted",
                withGhosts.path("items").path(0).path("status").path("message").asText());
        RepoSnapshot ghost = emu.repo("acme", "climate").orElseThrow();
        assertTrue(ghost.ghost());
        assertFalse(ghost.retainData());

        assertEquals(
                201, etl.post("/orgs/acme/repos", "{\"name\": \"climate\"}").status());
        assertFalse(emu.repo("acme", "climate").orElseThrow().ghost(), "the new live repo is the one found");
        assertEquals(
                3,
                etl.get("/orgs/acme/repos/paginated?include_ghosts=true")
                        .body()
                        .path("total")
                        .asInt());
        assertEquals(404, admin.delete("/orgs/acme/nothing").status());
    }

    @Test
    void immediateDeleteRemovesAndRetainDataIsRecorded() {
        assertEquals(
                204,
                admin.delete("/orgs/acme/weather?immediate=true&retain_data=true")
                        .status());
        assertTrue(emu.repo("acme", "weather").isEmpty());
        assertEquals(
                1,
                etl.get("/orgs/acme/repos/paginated?include_ghosts=true")
                        .body()
                        .path("total")
                        .asInt());
        RepoDeletion deletion = emu.deletions().get(0);
        assertEquals("weather", deletion.name());
        assertTrue(deletion.immediate());
        assertTrue(deletion.retainData());
        assertEquals(emu.principalId(Fixtures.ADMIN), deletion.principalId());

        assertEquals(204, admin.delete("/orgs/acme/climate?retain_data=true").status());
        assertTrue(emu.repo("acme", "climate").orElseThrow().retainData());
    }

    @Test
    void rolesDecideWhoMayWriteAndDelete() {
        Api member = Fixtures.as(emu, Fixtures.MEMBER);
        Api outsider = Fixtures.as(emu, Fixtures.OUTSIDER);
        assertEquals(200, viewer.get("/orgs/acme/repos/paginated").status());
        assertEquals(403, viewer.post("/orgs/acme/repos", "{\"name\": \"v1x\"}").status());
        assertEquals(
                403,
                viewer.patch("/orgs/acme/climate", "{\"description\": \"x\"}").status());
        assertEquals(
                403,
                viewer.put("/orgs/acme/climate/status", "{\"mode\": \"offline\"}")
                        .status());
        assertEquals(
                201, member.post("/orgs/acme/repos", "{\"name\": \"bobs\"}").status());
        Api.Reply memberDelete = member.delete("/orgs/acme/bobs");
        assertEquals(403, memberDelete.status());
        assertTrue(memberDelete.detail().contains("admin"), memberDelete.detail());
        assertEquals(403, outsider.get("/orgs/acme/repos/paginated").status());
        assertEquals(403, outsider.get("/repos/acme/climate").status());
        assertTrue(emu.repo("acme", "v1x").isEmpty());
    }

    @Test
    void repoBucketCredentialsFollowThePlatform() {
        Api.Reply reply = viewer.get("/repos/acme/climate/bucket-credentials");
        assertEquals(200, reply.status());
        assertTrue(reply.body().path("aws_access_key_id").asText().startsWith("ASIA"));
        assertFalse(reply.body().path("aws_secret_access_key").asText().isEmpty());
        assertFalse(reply.body().path("aws_session_token").asText().isEmpty());
        assertTrue(reply.body().path("expiration").asText().endsWith("+00:00"));
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.path("items").forEach(item -> names.add(item.path("name").asText()));
        return names;
    }
}
