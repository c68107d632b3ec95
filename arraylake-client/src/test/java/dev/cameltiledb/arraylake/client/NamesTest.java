package dev.cameltiledb.arraylake.client;

import java.util.Map;

import dev.cameltiledb.arraylake.client.model.BucketConfig;
import dev.cameltiledb.arraylake.client.model.NewBucketConfig;
import dev.cameltiledb.arraylake.client.model.RepoCreate;
import dev.cameltiledb.arraylake.client.model.RepoName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"acme/climate", "a_1/b.c-d", "Org9/__", "météo/données", "ab/c9"})
    void acceptsWhatTheServiceAccepts(String name) {
        RepoName parsed = RepoName.parse(name);
        assertEquals(name, parsed.toString());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "acme|must have the form org/repo",
                "acme/climate/x|must have the form org/repo",
                "acme/c|2 to 128 characters",
                "a/climate|2 to 128 characters",
                "acme/-climate|a word character",
                "acme/.climate|a word character",
                "acme/cli mate|a word character",
                "acme/cli:mate|a word character",
                "ac me/climate|a word character",
                "acme/|must not be empty"
            })
    void refusesBadNamesNamingTheRule(String name, String rule) {
        ArraylakeNameException e = assertThrows(ArraylakeNameException.class, () -> RepoName.parse(name));
        assertTrue(e.getMessage().contains(rule), e.getMessage());
        assertTrue(e.rule().contains(rule), e.rule());
    }

    @Test
    void repoNamesAreAtMost128Characters() {
        RepoName.of("acme", "r".repeat(128));
        ArraylakeNameException e =
                assertThrows(ArraylakeNameException.class, () -> RepoName.of("acme", "r".repeat(129)));
        assertTrue(e.getMessage().contains("repo name"), e.getMessage());
    }

    @Test
    void nicknamesAreThreeTo64Characters() {
        RepoCreate.onBucket("abc");
        RepoCreate.onBucket("n".repeat(64));
        assertThrows(ArraylakeNameException.class, () -> RepoCreate.onBucket("ab"));
        ArraylakeNameException e =
                assertThrows(ArraylakeNameException.class, () -> RepoCreate.onBucket("n".repeat(65)));
        assertTrue(e.getMessage().contains("bucket nickname"), e.getMessage());
    }

    @Test
    void prefixesAreBoundedAndNotSlashFramed() {
        new RepoCreate(null, null, "p".repeat(256), null, null, null);
        assertThrows(ArraylakeNameException.class, () -> new RepoCreate(null, null, "p".repeat(257), null, null, null));
        ArraylakeNameException e =
                assertThrows(ArraylakeNameException.class, () -> new RepoCreate(null, null, "/lead", null, null, null));
        assertTrue(e.getMessage().contains("leading or trailing"), e.getMessage());
    }

    @Test
    void bucketUrisSplitIntoPlatformNameAndPrefix() {
        NewBucketConfig s3 =
                NewBucketConfig.fromUri("main", "s3://acme-data/climate/v2", Map.of("region_name", "us-east-1"), null);
        assertEquals("s3", s3.platform());
        assertEquals("acme-data", s3.name());
        assertEquals("climate/v2", s3.prefix());
        assertEquals(Map.of("method", "anonymous"), s3.authConfig());

        NewBucketConfig gs = NewBucketConfig.fromUri("gcs-main", "gs://acme-gcs/", Map.of(), Map.of());
        assertEquals("gs", gs.platform());
        assertEquals("", gs.prefix());

        NewBucketConfig minio =
                NewBucketConfig.fromUri("local", "s3://bucket", Map.of("endpoint_url", "http://minio:9000"), null);
        assertEquals("s3-compatible", minio.platform());
        assertEquals(
                "azure",
                NewBucketConfig.fromUri("azb", "az://container/p", null, null).platform());
    }

    @Test
    void badBucketUrisAndNamesAreRefused() {
        assertThrows(ArraylakeNameException.class, () -> NewBucketConfig.fromUri("main", "acme-data", null, null));
        ArraylakeNameException scheme = assertThrows(
                ArraylakeNameException.class, () -> NewBucketConfig.fromUri("main", "ftp://acme", null, null));
        assertTrue(scheme.getMessage().contains("scheme"), scheme.getMessage());
        ArraylakeNameException longName = assertThrows(
                ArraylakeNameException.class,
                () -> NewBucketConfig.fromUri("main", "s3://" + "b".repeat(64), null, null));
        assertTrue(longName.getMessage().contains("3 to 63"), longName.getMessage());
    }

    @Test
    void bucketConfigGivesItsUriBack() {
        BucketConfig config =
                new BucketConfig("id", "main", "gs", "acme-gcs", "climate", Map.of(), Map.of(), true, null, null, null);
        assertEquals("gs://acme-gcs/climate", config.uri());
    }
}
