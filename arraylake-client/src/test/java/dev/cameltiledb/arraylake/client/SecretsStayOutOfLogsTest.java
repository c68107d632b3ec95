package dev.cameltiledb.arraylake.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.cameltiledb.arraylake.client.model.BucketConfig;
import dev.cameltiledb.arraylake.client.model.RepoName;
import dev.cameltiledb.arraylake.client.model.TemporaryCredentials;
import dev.cameltiledb.arraylake.emulator.CheckedArraylakeEmulator;
import dev.cameltiledb.arraylake.emulator.UserTokens;
import dev.cameltiledb.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Everything logged at DEBUG (HttpClient's request lines and headers included) and every exception message of a
 * session that uses each kind of secret: service token, user id and refresh tokens (also the refreshed ones),
 * a token looked up through the query, a bucket's shared secret and temporary credentials. LogCapture fails the class
 * if a fixed secret shows up; the secrets the emulator makes up are checked at the end of the test.
 */
class SecretsStayOutOfLogsTest {

    static final String SERVICE = "ema_5ecret5ecret5ecret5ecret5ecret5";
    static final String OTHER_SERVICE = "ema_0ther0ther0ther0ther0ther0ther0";
    static final String ID_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjYXJvbCJ9.Y2Fyb2wtc2lnbmF0dXJlLXNlY3JldA";
    static final String REFRESH = "v1.carol-refresh-secret-9876543210";
    static final String SHARED_SECRET = "shared-secret-of-the-role-42";

    @RegisterExtension
    static final CheckedArraylakeEmulator AL = new CheckedArraylakeEmulator(b -> b.org("acme")
            .user("carol@example.com", "Carol", "C", ID_TOKEN, REFRESH)
            .member("acme", "carol@example.com", "admin")
            .serviceAccount("acme", "etl@acme.example", SERVICE, "admin")
            .serviceAccount("acme", "other@acme.example", OTHER_SERVICE, "viewer")
            .bucket(
                    "acme",
                    "main-bucket",
                    "s3",
                    "acme-data",
                    "",
                    Map.of("region_name", "us-east-1"),
                    Map.of(
                            "method", "aws_customer_managed_role",
                            "external_customer_id", "123456789012",
                            "external_role_name", "arraylake",
                            "shared_secret", SHARED_SECRET))
            .repo("acme", "climate", "main-bucket"));

    @RegisterExtension
    static final LogCapture LOGS = new LogCapture(SERVICE, OTHER_SERVICE, ID_TOKEN, REFRESH, SHARED_SECRET);

    @TempDir
    Path dir;

    @Test
    void noSecretInLogsOrMessages() throws IOException {
        List<String> secrets = new ArrayList<>(List.of(SERVICE, OTHER_SERVICE, ID_TOKEN, REFRESH, SHARED_SECRET));
        List<String> messages = new ArrayList<>();
        String url = AL.emulator().url();

        try (ArraylakeClient c = ArraylakeClient.create(ArraylakeSettings.builder()
                .serviceUri(url)
                .token(SERVICE)
                .sleeper(ms -> {})
                .build())) {
            messages.add(c.toString());
            messages.add(c.settings().toString());
            TemporaryCredentials creds = c.repos().bucketCredentials(RepoName.parse("acme/climate"));
            TemporaryCredentials.S3 s3 = (TemporaryCredentials.S3) creds;
            secrets.addAll(List.of(s3.accessKeyId(), s3.secretAccessKey(), s3.sessionToken()));
            messages.add(creds.toString());
            BucketConfig bucket = c.buckets().get("acme", "main-bucket");
            messages.add(bucket.toString());
            c.tokens().apiClientId("acme", OTHER_SERVICE);
            messages.add(
                    assertThrows(ArraylakeApiException.class, () -> c.tokens().apiClientId("acme", ID_TOKEN))
                            .getMessage());
            messages.add(
                    assertThrows(ArraylakeApiException.class, () -> c.repos().get(RepoName.parse("acme/x9")))
                            .getMessage());
            AL.emulator().faults().failNext(1, 503, "GET", "/user", 0);
            c.user();
        }

        Path file = Files.writeString(
                dir.resolve("token.json"),
                "{\"access_token\":\"a\",\"id_token\":\"" + ID_TOKEN + "\",\"refresh_token\":\"" + REFRESH
                        + "\",\"expires_in\":1,\"token_type\":\"Bearer\"}");
        try (ArraylakeClient c = ArraylakeClient.create(
                ArraylakeSettings.builder().serviceUri(url).tokenFile(file).build())) {
            messages.add(c.settings().toString());
            AL.emulator().expireUserTokens("carol@example.com");
            c.user(); // 401, refresh through the query, retry
            UserTokens refreshed = AL.emulator().userTokens("carol@example.com");
            secrets.addAll(List.of(refreshed.idToken(), refreshed.accessToken()));
            AL.emulator().faults().failNext(2, 401, "GET", "/user/orgs", null);
            messages.add(assertThrows(ArraylakeAuthException.class, c::orgs).getMessage());
        }

        assertTrue(LOGS.lines().stream().anyMatch(l -> l.contains("/refresh_token")), "the refresh was logged");
        for (String secret : secrets) {
            for (String line : LOGS.lines()) {
                assertFalse(line.contains(secret), "secret in the log: " + line);
            }
            for (String message : messages) {
                assertFalse(message.contains(secret), "secret in a message: " + message);
            }
        }
    }
}
