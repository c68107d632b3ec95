package dev.cameltiledb.arraylake.emulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Seeds, builder mistakes and the command line. */
class SetupTest {

    private static final String SEED = """
            {"users": [{"email": "alice@example.com", "first_name": "Alice", "family_name": "Liddell",
                        "id_token": "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhbGljZSJ9.c2ln", "refresh_token": "refresh-alice"}],
             "orgs": [{"name": "acme", "members": {"alice@example.com": "admin"},
                       "service_accounts": [{"email": "etl@acme.example",
                                             "token": "ema_0123456789abcdef0123456789abcdef", "role": "viewer"}],
                       "buckets": [{"nickname": "one-bucket", "platform": "s3", "name": "acme-one", "prefix": "",
                                    "extra_config": {"region_name": "eu-west-1"}, "auth_config": {"method": "anonymous"}},
                                   {"nickname": "two-bucket", "platform": "gs", "name": "acme-two",
                                    "extra_config": {}, "auth_config": {"method": "anonymous"}, "default": true}],
                       "repos": [{"name": "climate", "bucket": "one-bucket", "description": "Climate",
                                  "metadata": {"team": "ocean"}, "status": {"mode": "maintenance", "message": "m"}},
                                 {"name": "weather", "status": "offline"}]}]}
            """;

    @Test
    void seedGivesUsersFixedTokensAndOrgsTheirBucketsAndRepos(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("seed.json");
        Files.writeString(file, SEED);
        ArraylakeEmulator emu =
                ArraylakeEmulator.builder().seedFile(file).build().start();
        try {
            Api alice = new Api(emu.url(), "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhbGljZSJ9.c2ln");
            assertEquals(
                    "alice@example.com", alice.get("/user").body().path("email").asText());
            assertEquals("refresh-alice", emu.userTokens("alice@example.com").refreshToken());
            assertTrue(emu.bucket("acme", "two-bucket").orElseThrow().isDefault());
            RepoSnapshot climate = emu.repo("acme", "climate").orElseThrow();
            assertEquals("maintenance", climate.statusMode());
            assertEquals("ocean", climate.metadata().get("team"));
            RepoSnapshot weather = emu.repo("acme", "weather").orElseThrow();
            assertEquals("two-bucket", weather.bucketNickname());
            assertEquals("offline", weather.statusMode());
            Api etl = new Api(emu.url(), "ema_0123456789abcdef0123456789abcdef");
            assertEquals(
                    403, etl.post("/orgs/acme/repos", "{\"name\": \"nope\"}").status(), "a viewer");
        } finally {
            emu.stop();
        }
    }

    @Test
    void builderMistakesFailAtBuildNamingTheEntry() {
        assertThrows(
                IllegalArgumentException.class,
                () -> ArraylakeEmulator.builder()
                        .member("acme", "x@example.com", "admin")
                        .build());
        IllegalArgumentException region = assertThrows(
                IllegalArgumentException.class,
                () -> ArraylakeEmulator.builder()
                        .org("acme")
                        .bucket("acme", "main-bucket", "s3", "acme-data", "", Map.of(), Map.of("method", "anonymous"))
                        .build());
        assertTrue(region.getMessage().contains("region_name"), region.getMessage());
        IllegalArgumentException repo = assertThrows(
                IllegalArgumentException.class,
                () -> ArraylakeEmulator.builder()
                        .org("acme")
                        .repo("acme", "climate", "missing")
                        .build());
        assertTrue(repo.getMessage().contains("missing"), repo.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> ArraylakeEmulator.builder()
                        .org("acme")
                        .serviceAccount("acme", "a@b.example", "not-ema", "admin")
                        .build());
        assertThrows(
                IllegalArgumentException.class,
                () -> ArraylakeEmulator.builder()
                        .org("acme")
                        .user("a@example.com", "A", "B")
                        .member("acme", "a@example.com", "owner")
                        .build());
        assertThrows(
                IllegalArgumentException.class,
                () -> ArraylakeEmulator.builder().seed("{\"orgs\": 3}"));
    }

    @Test
    void commandLineReadsPortBindAndSeedAndServesADemoWithoutOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("seed.json");
        Files.writeString(file, SEED);
        ArraylakeEmulator seeded = ArraylakeEmulatorCommandLine.parse(
                        new String[] {"--port", "0", "--bind", "127.0.0.1", "--seed", file.toString()})
                .build()
                .start();
        try {
            assertTrue(seeded.repo("acme", "climate").isPresent());
        } finally {
            seeded.stop();
        }
        ArraylakeEmulator demo = ArraylakeEmulatorCommandLine.parse(new String[] {"--port", "0"})
                .build()
                .start();
        try {
            Api api = new Api(demo.url(), ArraylakeEmulatorCommandLine.DEMO_TOKEN);
            assertEquals(
                    1,
                    api.get("/orgs/demo/repos/paginated").body().path("total").asInt());
        } finally {
            demo.stop();
        }
        assertThrows(IllegalArgumentException.class, () -> ArraylakeEmulatorCommandLine.parse(new String[] {"--port"}));
        assertThrows(
                IllegalArgumentException.class,
                () -> ArraylakeEmulatorCommandLine.parse(new String[] {"--verbose", "yes"}));
    }
}
