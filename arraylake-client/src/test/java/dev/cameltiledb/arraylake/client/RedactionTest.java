package dev.cameltiledb.arraylake.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Map;

import dev.cameltiledb.arraylake.client.model.BucketConfig;
import dev.cameltiledb.arraylake.client.model.NewBucketConfig;
import dev.cameltiledb.arraylake.client.model.TemporaryCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedactionTest {

    private static void hides(Object o, String... secrets) {
        String s = o.toString();
        for (String secret : secrets) {
            assertFalse(s.contains(secret), "secret shown in " + s);
        }
        assertTrue(s.contains("***"), s);
    }

    @Test
    void temporaryCredentialsHideTheirKeys() {
        OffsetDateTime at = OffsetDateTime.parse("2026-12-02T10:00:00Z");
        hides(
                new TemporaryCredentials.S3("AKIAKEYID", "s3cr3tkey", "sessiontok", at),
                "AKIAKEYID",
                "s3cr3tkey",
                "sessiontok");
        TemporaryCredentials.Gcs gcs = new TemporaryCredentials.Gcs("ya29.gcstoken", "sa@p.iam", at);
        hides(gcs, "ya29.gcstoken");
        assertTrue(gcs.toString().contains("sa@p.iam"));
        hides(new TemporaryCredentials.Azure("sv=2024&sig=abc", "acct", at), "sig=abc");
    }

    @Test
    void authConfigsShowTheirMethodOnly() {
        Map<String, Object> hmac =
                Map.of("method", "hmac", "access_key_id", "HMACID", "secret_access_key", "HMACSECRET");
        BucketConfig config =
                new BucketConfig("id", "main", "s3", "bucket", "", Map.of(), hmac, false, null, null, null);
        hides(config, "HMACID", "HMACSECRET");
        assertTrue(config.toString().contains("method=hmac"));
        hides(NewBucketConfig.fromUri("main", "s3://bucket", Map.of("region_name", "x"), hmac), "HMACSECRET");
    }

    @Test
    void bearerAndTokenFileHideTheirTokens() {
        hides(Bearer.fixed(Token.of("ema_secretsecret")), "ema_secretsecret");
        hides(new TokenFile("eyJ.id.sig", "refresh-secret"), "eyJ.id.sig", "refresh-secret");
    }

    @Test
    void aBrokenTokenFileIsReportedWithoutItsContent(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("token.json"), "{\"id_token\": \"eyJ.leak.me\", broken");
        ArraylakeException e = assertThrows(ArraylakeException.class, () -> TokenFile.read(file));
        assertFalse(e.getMessage().contains("eyJ.leak.me"), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getCause() == null, "the parser's exception may quote the file");
    }
}
