package dev.cameltiledb.arraylake.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bucket configs: the default, nickname and platform rules, the in-use rule, credentials per platform. */
class BucketsHttpTest {

    private static final String GCS = """
            {"nickname": "gcs-bucket", "platform": "gs", "name": "acme-gcs", "prefix": "p",
             "extra_config": {}, "auth_config": {"method": "gcp_customer_managed_role",
             "target_service_account": "al@acme.iam.gserviceaccount.com"}}
            """;

    private ArraylakeEmulator emu;
    private Api admin;

    @BeforeEach
    void start() {
        emu = Fixtures.standard().build().start();
        admin = Fixtures.as(emu, Fixtures.ADMIN);
    }

    @AfterEach
    void stop() {
        emu.stop();
    }

    @Test
    void createAnswersTheConfigAndTheFirstOfAnOrgIsItsDefault() {
        Api bot = new Api(emu.url(), Fixtures.OTHER_ORG_TOKEN);
        Api.Reply first = bot.post("/orgs/globex/buckets", GCS);
        assertEquals(201, first.status(), first.body().toString());
        JsonNode bucket = first.body();
        assertTrue(bucket.path("id").asText().matches("[0-9a-f-]{36}"));
        assertEquals("gs", bucket.path("platform").asText());
        assertEquals("p", bucket.path("prefix").asText());
        assertTrue(bucket.path("is_default").asBoolean());
        assertEquals("bot@globex.example", bucket.path("created_by").asText());
        assertEquals(bucket.path("created").asText(), bucket.path("updated").asText());

        Api.Reply second = bot.post("/orgs/globex/buckets", GCS.replace("gcs-bucket", "gcs-two"));
        assertFalse(second.body().path("is_default").asBoolean());
        assertEquals(2, bot.get("/orgs/globex/buckets").body().size());
    }

    @Test
    void nicknamePlatformAndAuthRulesAre409Or422() {
        Api.Reply taken = admin.post("/orgs/acme/buckets", GCS.replace("gcs-bucket", "main-bucket"));
        assertEquals(409, taken.status());
        assertTrue(taken.detail().contains("main-bucket"));
        assertEquals(
                422,
                admin.post("/orgs/acme/buckets", GCS.replace("gcs-bucket", "ab"))
                        .status());
        assertEquals(
                422,
                admin.post("/orgs/acme/buckets", GCS.replace("acme-gcs", "a/b")).status());
        assertEquals(
                422,
                admin.post("/orgs/acme/buckets", GCS.replace("acme-gcs", "x".repeat(64)))
                        .status());
        assertEquals(
                422,
                admin.post("/orgs/acme/buckets", GCS.replace("\"gs\"", "\"ftp\""))
                        .status());
        assertEquals(
                422,
                admin.post("/orgs/acme/buckets", GCS.replace("\"prefix\": \"p\"", "\"prefix\": \"p/\""))
                        .status());

        Api.Reply noRegion = admin.post("/orgs/acme/buckets", """
                {"nickname": "s3-two", "platform": "s3", "name": "acme-two", "extra_config": {},
                 "auth_config": {"method": "anonymous"}}""");
        assertEquals(422, noRegion.status());
        assertTrue(noRegion.detail().contains("region_name"), noRegion.detail());
        Api.Reply noEndpoint = admin.post("/orgs/acme/buckets", """
                {"nickname": "minio-two", "platform": "s3-compatible", "name": "acme-two", "extra_config": {},
                 "auth_config": {"method": "anonymous"}}""");
        assertTrue(noEndpoint.detail().contains("endpoint_url"), noEndpoint.detail());
        Api.Reply wrongPlatform = admin.post("/orgs/acme/buckets", GCS.replace("gcp_customer_managed_role", "hmac"));
        assertEquals(422, wrongPlatform.status(), "hmac needs its keys");
        Api.Reply noSecret = admin.post("/orgs/acme/buckets", """
                {"nickname": "s3-three", "platform": "s3", "name": "acme-three", "extra_config": {"region_name": "x"},
                 "auth_config": {"method": "aws_customer_managed_role", "external_customer_id": "1",
                                 "external_role_name": "r"}}""");
        assertEquals(422, noSecret.status());
        Api.Reply roleOnGcs = admin.post(
                "/orgs/acme/buckets",
                GCS.replace(
                        "\"method\": \"gcp_customer_managed_role\"",
                        "\"method\": \"azure_credential_delegation\", "
                                + "\"tenant_id\": \"t\", \"storage_account\": \"s\""));
        assertEquals(422, roleOnGcs.status());
        assertTrue(roleOnGcs.detail().contains("azure"), roleOnGcs.detail());
        assertEquals(
                422,
                admin.post("/orgs/acme/buckets", "{\"nickname\": \"only\"}").status());
    }

    @Test
    void getModifyAndSetDefault() {
        String id = admin.post("/orgs/acme/buckets", GCS).body().path("id").asText();
        assertEquals(
                "gcs-bucket",
                admin.get("/orgs/acme/buckets/" + id).body().path("nickname").asText());
        Api.Reply changed = admin.patch("/orgs/acme/buckets/" + id, "{\"nickname\": \"gcs-main\", \"prefix\": \"q\"}");
        assertEquals(200, changed.status(), changed.body().toString());
        assertEquals("gcs-main", changed.body().path("nickname").asText());
        assertEquals("q", changed.body().path("prefix").asText());
        assertEquals("acme-gcs", changed.body().path("name").asText());
        assertEquals("gcs-main", emu.bucket("acme", "gcs-main").orElseThrow().nickname());
        assertEquals(
                409,
                admin.patch("/orgs/acme/buckets/" + id, "{\"nickname\": \"main-bucket\"}")
                        .status());
        assertEquals(
                422,
                admin.patch("/orgs/acme/buckets/" + id, "{\"platform\": \"s3\"}")
                        .status(),
                "needs region");

        assertEquals(
                204, admin.post("/orgs/acme/buckets/" + id + "/default", null).status());
        assertTrue(emu.bucket("acme", "gcs-main").orElseThrow().isDefault());
        assertFalse(emu.bucket("acme", "main-bucket").orElseThrow().isDefault());
        Api.Reply repo = Fixtures.service(emu).post("/orgs/acme/repos", "{\"name\": \"on-gcs\"}");
        assertEquals("gcs-main", repo.body().path("bucket").path("nickname").asText());
    }

    @Test
    void unknownOrMalformedIdsAre404Or422() {
        Api.Reply unknown = admin.get("/orgs/acme/buckets/00000000-0000-4000-8000-000000000001");
        assertEquals(404, unknown.status());
        Api.Reply malformed = admin.get("/orgs/acme/buckets/main-bucket");
        assertEquals(422, malformed.status());
        assertEquals(
                "uuid_parsing",
                malformed.body().path("detail").path(0).path("type").asText());
        assertEquals(404, admin.get("/orgs/nowhere/buckets").status());
    }

    @Test
    void aConfigInUseCannotBeDeletedUntilItsReposAreGone() {
        String id = emu.bucket("acme", "main-bucket").orElseThrow().id();
        JsonNode repos = admin.get("/orgs/acme/buckets/" + id + "/repos").body();
        assertEquals(2, repos.size());
        assertEquals("climate", repos.path(0).path("name").asText());

        Api.Reply inUse = admin.delete("/orgs/acme/buckets/" + id);
        assertEquals(409, inUse.status());
        assertEquals("Bucket config main-bucket is in use by 2 repos", inUse.detail());

        admin.delete("/orgs/acme/climate");
        admin.delete("/orgs/acme/weather?immediate=true");
        assertEquals(0, admin.get("/orgs/acme/buckets/" + id + "/repos").body().size(), "ghosts are not listed");
        assertEquals(204, admin.delete("/orgs/acme/buckets/" + id).status());
        assertTrue(emu.bucket("acme", "main-bucket").isEmpty());
        JsonNode ghost = admin.get("/orgs/acme/repos/paginated?include_ghosts=true")
                .body()
                .path("items")
                .path(0);
        assertTrue(ghost.path("bucket").isNull(), "a ghost whose config is gone has no bucket");
    }

    @Test
    void onlyAdminsChangeBucketConfigsAndMembersReadThem() {
        Api member = Fixtures.as(emu, Fixtures.MEMBER);
        Api viewer = Fixtures.as(emu, Fixtures.VIEWER);
        String id = emu.bucket("acme", "main-bucket").orElseThrow().id();
        assertEquals(200, viewer.get("/orgs/acme/buckets").status());
        assertEquals(403, member.post("/orgs/acme/buckets", GCS).status());
        assertEquals(
                403,
                member.patch("/orgs/acme/buckets/" + id, "{\"prefix\": \"x\"}").status());
        assertEquals(403, member.delete("/orgs/acme/buckets/" + id).status());
        assertEquals(
                403, member.post("/orgs/acme/buckets/" + id + "/default", null).status());
        assertEquals(
                403,
                Fixtures.as(emu, Fixtures.OUTSIDER).get("/orgs/acme/buckets").status());
    }

    @Test
    void credentialsFollowThePlatformAndTheAuthMethod() {
        Api viewer = Fixtures.as(emu, Fixtures.VIEWER);
        String s3 = emu.bucket("acme", "main-bucket").orElseThrow().id();
        assertTrue(
                viewer.get("/orgs/acme/buckets/" + s3 + "/credentials").body().has("aws_session_token"));
        assertEquals(
                403,
                viewer.get("/orgs/acme/buckets/" + s3 + "/credentials?access=write")
                        .status());
        assertEquals(
                200,
                Fixtures.service(emu)
                        .get("/orgs/acme/buckets/" + s3 + "/credentials?access=write")
                        .status());
        assertEquals(
                422,
                viewer.get("/orgs/acme/buckets/" + s3 + "/credentials?access=all")
                        .status());

        String gs = admin.post("/orgs/acme/buckets", GCS).body().path("id").asText();
        JsonNode gcs = viewer.get("/orgs/acme/buckets/" + gs + "/credentials").body();
        assertTrue(gcs.path("access_token").asText().startsWith("ya29."));
        assertEquals("al@acme.iam.gserviceaccount.com", gcs.path("principal").asText());

        String az = admin.post("/orgs/acme/buckets", """
                {"nickname": "azure-bucket", "platform": "azure", "name": "acme-container", "extra_config": {},
                 "auth_config": {"method": "azure_credential_delegation", "tenant_id": "t",
                 "storage_account": "acmestore"}}""").body().path("id").asText();
        JsonNode azure = viewer.get("/orgs/acme/buckets/" + az + "/credentials").body();
        assertEquals("acmestore", azure.path("storage_account").asText());
        assertTrue(azure.path("sas_token").asText().contains("sig="));

        String anonymous =
                admin.post("/orgs/acme/buckets", """
                {"nickname": "public-data", "platform": "gs", "name": "public-data", "extra_config": {},
                 "auth_config": {"method": "anonymous"}}""").body().path("id").asText();
        Api.Reply refused = viewer.get("/orgs/acme/buckets/" + anonymous + "/credentials");
        assertEquals(422, refused.status());
        assertTrue(refused.detail().contains("anonymous"), refused.detail());
    }
}
