package dev.cameltiledb.arraylake.emulator;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A run that calls every operation of the description at least once, successes and the errors each can give, on an
 * emulator built from {@link Fixtures#standard()}. Each step checks its status, so a changed answer shows here first.
 */
final class Script {

    private Script() {}

    static void run(ArraylakeEmulator emu) {
        Api admin = Fixtures.as(emu, Fixtures.ADMIN);
        Api viewer = Fixtures.as(emu, Fixtures.VIEWER);
        Api etl = Fixtures.service(emu);

        expect(200, admin.get("/user"));
        expect(200, etl.get("/user"));
        expect(401, admin.as(null).get("/user"));
        expect(200, admin.get("/user/orgs"));
        String refresh = emu.userTokens(Fixtures.ADMIN).refreshToken();
        expect(200, admin.as(null).get("/refresh_token?token=" + encode(refresh)));
        expect(401, admin.as(null).get("/refresh_token?token=unknown"));
        expect(422, admin.as(null).get("/refresh_token"));
        admin = Fixtures.as(emu, Fixtures.ADMIN);

        expect(200, etl.get("/orgs/acme/repos/paginated?page=1&size=1"));
        expect(
                200,
                etl.get("/orgs/acme/repos/paginated?include_ghosts=true&filter_metadata="
                        + encode("{\"team\":\"ocean\"}")));
        expect(422, etl.get("/orgs/acme/repos/paginated?size=101"));
        expect(404, admin.get("/orgs/nowhere/repos/paginated"));
        expect(403, etl.as(Fixtures.OTHER_ORG_TOKEN).get("/orgs/acme/repos/paginated"));

        expect(200, viewer.get("/repos/acme/climate"));
        expect(404, viewer.get("/repos/acme/missing"));
        expect(422, viewer.get("/repos/acme/-bad"));

        expect(201, etl.post("/orgs/acme/repos", "{\"name\": \"ocean\", \"metadata\": {\"team\": \"ocean\"}}"));
        expect(201, admin.post("/orgs/acme/repos", """
                {"name": "register-me", "description": null, "bucket_nickname": "main-bucket", "kind": "icechunk",
                 "metadata": null, "prefix": "registered", "create_mode": "register", "spec_version": null}
                """));
        expect(409, etl.post("/orgs/acme/repos", "{\"name\": \"ocean\"}"));
        expect(404, etl.post("/orgs/acme/repos", "{\"name\": \"x1\", \"bucket_nickname\": \"nope-bucket\"}"));
        expect(422, etl.post("/orgs/acme/repos", "{\"name\": \"x2\", \"kind\": \"v1\"}"));
        expect(422, etl.post("/orgs/acme/repos", "{\"name\": \"-\"}"));
        expect(403, viewer.post("/orgs/acme/repos", "{\"name\": \"x3\"}"));

        expect(200, etl.patch("/orgs/acme/ocean", """
                {"description": "Ocean runs", "add_metadata": {"year": 2026}, "remove_metadata": null,
                 "update_metadata": {"team": "sea"}, "optimization_config": null}
                """));
        expect(422, etl.patch("/orgs/acme/ocean", "{\"add_metadata\": {\"team\": \"x\"}}"));
        expect(403, viewer.patch("/orgs/acme/ocean", "{\"description\": \"no\"}"));
        expect(404, etl.patch("/orgs/acme/missing", "{}"));

        expect(200, etl.put("/orgs/acme/ocean/status", "{\"mode\": \"maintenance\", \"message\": \"resharding\"}"));
        expect(422, etl.put("/orgs/acme/ocean/status", "{\"mode\": \"sleeping\"}"));

        expect(200, etl.get("/repos/acme/ocean/bucket-credentials"));
        expect(404, etl.get("/repos/acme/missing/bucket-credentials"));

        expect(200, admin.get("/orgs/acme/buckets"));
        Api.Reply gs = admin.post("/orgs/acme/buckets", """
                {"nickname": "gcs-bucket", "platform": "gs", "name": "acme-gcs", "prefix": "",
                 "extra_config": {}, "auth_config": {"method": "gcp_customer_managed_role",
                 "target_service_account": "al@acme.iam.gserviceaccount.com"}}
                """);
        expect(201, gs);
        String gsId = gs.body().path("id").asText();
        Api.Reply azure = admin.post("/orgs/acme/buckets", """
                {"nickname": "azure-bucket", "platform": "azure", "name": "acme-container",
                 "extra_config": {}, "auth_config": {"method": "azure_credential_delegation",
                 "tenant_id": "t-1", "storage_account": "acmestore"}}
                """);
        expect(201, azure);
        Api.Reply anonymous = admin.post("/orgs/acme/buckets", """
                {"nickname": "open-data", "platform": "s3-compatible", "name": "open-data", "prefix": "pub",
                 "extra_config": {"endpoint_url": "https://minio.example:9000", "use_ssl": true},
                 "auth_config": {"method": "anonymous"}}
                """);
        expect(201, anonymous);
        String anonymousId = anonymous.body().path("id").asText();
        expect(409, admin.post("/orgs/acme/buckets", """
                {"nickname": "gcs-bucket", "platform": "gs", "name": "acme-gcs2", "extra_config": {},
                 "auth_config": {"method": "anonymous"}}
                """));
        expect(422, admin.post("/orgs/acme/buckets", """
                {"nickname": "s3-no-region", "platform": "s3", "name": "acme-x", "extra_config": {},
                 "auth_config": {"method": "anonymous"}}
                """));
        expect(403, etl.post("/orgs/acme/buckets", """
                {"nickname": "mine", "platform": "gs", "name": "acme-mine", "extra_config": {},
                 "auth_config": {"method": "anonymous"}}
                """));

        expect(200, viewer.get("/orgs/acme/buckets/" + gsId));
        expect(404, viewer.get("/orgs/acme/buckets/00000000-0000-4000-8000-00000000abcd"));
        expect(422, viewer.get("/orgs/acme/buckets/not-a-uuid"));
        expect(200, admin.patch("/orgs/acme/buckets/" + gsId, "{\"prefix\": \"moved\", \"nickname\": \"gcs-main\"}"));
        expect(409, admin.patch("/orgs/acme/buckets/" + gsId, "{\"nickname\": \"azure-bucket\"}"));
        expect(200, viewer.get("/orgs/acme/buckets/" + gsId + "/repos"));
        expect(204, admin.post("/orgs/acme/buckets/" + gsId + "/default", null));
        expect(403, etl.post("/orgs/acme/buckets/" + gsId + "/default", null));
        expect(200, etl.get("/orgs/acme/buckets/" + gsId + "/credentials?access=write"));
        expect(200, etl.get("/orgs/acme/buckets/" + azure.body().path("id").asText() + "/credentials"));
        expect(422, etl.get("/orgs/acme/buckets/" + anonymousId + "/credentials"));
        expect(403, viewer.get("/orgs/acme/buckets/" + gsId + "/credentials?access=write"));

        String mainId = emu.bucket("acme", "main-bucket").orElseThrow().id();
        expect(409, admin.delete("/orgs/acme/buckets/" + mainId));
        expect(204, admin.delete("/orgs/acme/buckets/" + anonymousId));
        expect(404, admin.delete("/orgs/acme/buckets/" + anonymousId));

        expect(200, etl.get("/orgs/acme/api-clients/authenticate?token=" + Fixtures.ETL_TOKEN));
        expect(
                422,
                etl.get("/orgs/acme/api-clients/authenticate?token="
                        + encode(emu.userTokens(Fixtures.ADMIN).idToken())));

        String bob = emu.principalId(Fixtures.MEMBER);
        expect(
                200,
                viewer.get(
                        "/orgs/acme/permissions/check?principal_id=" + bob + "&resource=acme&action=CAN_WRITE_REPOS"));
        expect(
                200,
                viewer.get("/orgs/acme/permissions/check?principal_id=" + bob
                        + "&resource=acme/climate&action=CAN_MANAGE_USERS"));
        expect(422, viewer.get("/orgs/acme/permissions/check?principal_id=" + bob + "&resource=acme&action=CAN_FLY"));

        String services = "/compute/orgs/acme/services";
        String edr =
                "{\"service_type\": \"edr\", \"org\": \"acme\", \"is_public\": false, \"deployment_name\": \"edr-test\"}";
        expect(200, viewer.get(services));
        expect(201, admin.post(services, edr));
        expect(409, admin.post(services, edr));
        expect(422, admin.post(services, "{\"service_type\": \"ftp\", \"org\": \"acme\", \"is_public\": false}"));
        expect(403, etl.post(services, "{\"service_type\": \"wms\", \"org\": \"acme\", \"is_public\": true}"));
        expect(
                404,
                admin.as(Fixtures.OTHER_ORG_TOKEN)
                        .post("/compute/orgs/nowhere/services", edr.replace("acme", "nowhere")));
        expect(200, viewer.get(services + "/edr-test"));
        expect(404, viewer.get(services + "/missing"));
        expect(200, viewer.get(services + "/edr-test/logs?follow_timeout=30&tail=2"));
        expect(200, viewer.get(services + "/edr-test/logs?follow_timeout=1&follow=true&until=2001-01-01T00:00:00Z"));
        expect(422, viewer.get(services + "/edr-test/logs?follow_timeout=601"));
        expect(422, viewer.get(services + "/edr-test/logs?since=yesterday"));
        expect(403, etl.as(Fixtures.OTHER_ORG_TOKEN).get(services + "/edr-test/logs"));
        expect(403, viewer.delete(services + "/edr-test"));
        expect(200, admin.delete(services + "/edr-test"));
        expect(404, admin.delete(services + "/edr-test"));

        expect(403, etl.delete("/orgs/acme/ocean"));
        expect(204, admin.delete("/orgs/acme/ocean"));
        expect(204, admin.delete("/orgs/acme/register-me?immediate=true&retain_data=true"));
        expect(404, admin.delete("/orgs/acme/ocean"));
        expect(200, etl.get("/orgs/acme/repos/paginated?include_ghosts=true"));
    }

    private static void expect(int status, Api.Reply reply) {
        assertEquals(
                status,
                reply.status(),
                () -> reply.raw().request().method() + " "
                        + reply.raw().request().uri() + " answered " + reply.body());
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
