package dev.cameltiledb.arraylake.client;

import java.util.List;
import java.util.Map;

import dev.cameltiledb.arraylake.client.model.BucketConfig;
import dev.cameltiledb.arraylake.client.model.BucketConfigChange;
import dev.cameltiledb.arraylake.client.model.DeleteRepo;
import dev.cameltiledb.arraylake.client.model.NewBucketConfig;
import dev.cameltiledb.arraylake.client.model.Repo;
import dev.cameltiledb.arraylake.client.model.RepoCreate;
import dev.cameltiledb.arraylake.client.model.RepoName;
import dev.cameltiledb.arraylake.client.model.TemporaryCredentials;
import dev.cameltiledb.arraylake.emulator.ArraylakeEmulator;
import dev.cameltiledb.arraylake.emulator.CheckedArraylakeEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bucket configs by nickname, API-client lookups and permission checks over HTTP against the emulator. */
class BucketsTokensPermissionsOverEmulatorTest {

    static final String ADMIN_TOKEN = "ema_adm1n1111111111111111111111111";
    static final String MEMBER_TOKEN = "ema_member11111111111111111111111";

    @RegisterExtension
    static final CheckedArraylakeEmulator AL = new CheckedArraylakeEmulator(b -> b.org("acme")
            .user("alice@example.com", "Alice", "Liddell")
            .user("vera@example.com", "Vera", "Viewer")
            .member("acme", "alice@example.com", "admin")
            .member("acme", "vera@example.com", "viewer")
            .serviceAccount("acme", "admin@acme.example", ADMIN_TOKEN, "admin")
            .serviceAccount("acme", "etl@acme.example", MEMBER_TOKEN, "member")
            .bucket(
                    "acme",
                    "main-bucket",
                    "s3",
                    "acme-data",
                    "",
                    Map.of("region_name", "us-east-1"),
                    Map.of("method", "anonymous"))
            .repo("acme", "climate", "main-bucket"));

    static ArraylakeClient admin;

    @BeforeAll
    static void clients() {
        admin = client(ADMIN_TOKEN);
    }

    @AfterAll
    static void close() {
        admin.close();
    }

    static ArraylakeClient client(String token) {
        return EmulatorClients.client(AL, token);
    }

    private static ArraylakeEmulator emu() {
        return AL.emulator();
    }

    private static Map<String, Object> role() {
        return Map.of(
                "method", "aws_customer_managed_role",
                "external_customer_id", "123456789012",
                "external_role_name", "arraylake",
                "shared_secret", "s3cr3t-shared");
    }

    @Test
    void bucketLifecycleByNickname() {
        BucketConfig created = admin.buckets()
                .create(
                        "acme",
                        NewBucketConfig.fromUri(
                                "archive", "s3://acme-archive/cold", Map.of("region_name", "eu-west-1"), role()));
        assertEquals("archive", created.nickname());
        assertEquals("s3", created.platform());
        assertEquals("cold", created.prefix());
        assertFalse(created.toString().contains("s3cr3t-shared"), created.toString());

        assertTrue(
                admin.buckets().list("acme").stream().anyMatch(c -> c.nickname().equals("archive")));
        assertEquals(created.id(), admin.buckets().get("acme", "archive").id());

        BucketConfig modified =
                admin.buckets().modify("acme", "archive", BucketConfigChange.fromMap(Map.of("prefix", "colder")));
        assertEquals("colder", modified.prefix());
        assertEquals("colder", emu().bucket("acme", "archive").orElseThrow().prefix());

        admin.buckets().setDefault("acme", "archive");
        assertTrue(admin.buckets().get("acme", "archive").isDefault());
        assertFalse(admin.buckets().get("acme", "main-bucket").isDefault());

        TemporaryCredentials.S3 write = assertInstanceOf(
                TemporaryCredentials.S3.class, admin.buckets().credentials("acme", "archive", "write"));
        assertTrue(write.accessKeyId().startsWith("ASIA"));

        admin.repos().create(RepoName.parse("acme/cold-store"), RepoCreate.defaults());
        assertEquals(
                List.of("cold-store"),
                admin.buckets().reposUsing("acme", "archive").stream()
                        .map(Repo::name)
                        .toList());

        ArraylakeConflictException inUse = assertThrows(
                ArraylakeConflictException.class, () -> admin.buckets().delete("acme", "archive", true));
        assertTrue(inUse.detail().contains("in use"), inUse.detail());
        admin.repos().delete(RepoName.parse("acme/cold-store"), new DeleteRepo(true, true, false));
        admin.buckets().setDefault("acme", "main-bucket");
        admin.buckets().delete("acme", "archive", true);
        assertTrue(emu().bucket("acme", "archive").isEmpty());
    }

    @Test
    void anUnconfirmedBucketDeleteSendsNothing() {
        int before = emu().requests().size();
        assertThrows(ArraylakeConfirmationException.class, () -> admin.buckets().delete("acme", "main-bucket", false));
        assertEquals(before, emu().requests().size());
    }

    @Test
    void anUnknownNicknameIsNamed() {
        ArraylakeNotFoundException e = assertThrows(
                ArraylakeNotFoundException.class, () -> admin.buckets().get("acme", "nobody"));
        assertTrue(e.getMessage().contains("'nobody'"), e.getMessage());
    }

    @Test
    void anS3BucketWithoutRegionIsRefusedByTheService() {
        ArraylakeValidationException e = assertThrows(
                ArraylakeValidationException.class,
                () -> admin.buckets().create("acme", NewBucketConfig.fromUri("noregion", "s3://x-y-z", null, null)));
        assertFalse(e.problems().isEmpty());
        assertTrue(e.getMessage().contains("region_name"), e.getMessage());
    }

    @Test
    void anonymousBucketsGetNoCredentials() {
        ArraylakeValidationException e = assertThrows(
                ArraylakeValidationException.class, () -> admin.buckets().credentials("acme", "main-bucket", null));
        assertTrue(e.getMessage().contains("anonymous"), e.getMessage());
        assertThrows(ArraylakeNameException.class, () -> admin.buckets().credentials("acme", "main-bucket", "admin"));
    }

    @Test
    void apiClientIdOfAServiceTokenAndRefusalOfAUserToken() {
        assertEquals(
                emu().apiClientId("acme", "etl@acme.example"), admin.tokens().apiClientId("acme", MEMBER_TOKEN));
        String jwt = emu().userTokens("alice@example.com").idToken();
        ArraylakeValidationException e = assertThrows(
                ArraylakeValidationException.class, () -> admin.tokens().apiClientId("acme", jwt));
        assertTrue(e.getMessage().contains("not an API client token"), e.getMessage());
        assertFalse(e.getMessage().contains(jwt));
    }

    @Test
    void permissionChecksFollowTheRoles() {
        String alice = emu().principalId("alice@example.com");
        String vera = emu().principalId("vera@example.com");
        assertTrue(admin.permissions().check("acme", alice, "acme/climate", "CAN_WRITE"));
        assertTrue(admin.permissions().check("acme", vera, "acme/climate", "CAN_READ"));
        assertFalse(admin.permissions().check("acme", vera, "acme/climate", "CAN_WRITE"));
        assertFalse(admin.permissions().check("acme", vera, "acme", "CAN_WRITE_REPOS"));
    }

    @Test
    void anUnknownActionIsRefusedBeforeSending() {
        int before = emu().requests().size();
        ArraylakeNameException e = assertThrows(
                ArraylakeNameException.class, () -> admin.permissions().check("acme", "x", "acme/climate", "CAN_FLY"));
        assertTrue(e.getMessage().contains("CAN_READ"), e.getMessage());
        assertEquals(before, emu().requests().size());
    }
}
