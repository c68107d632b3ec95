package dev.cameltiledb.arraylake.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A seed file: users, then orgs with their members, service accounts, bucket configs and repos. Read into the same
 * builder calls code would make, so a seed is checked exactly like a builder:
 *
 * <pre>{@code
 * {"users": [{"email": "alice@example.com", "first_name": "Alice", "family_name": "Liddell",
 *             "id_token": "ey...", "refresh_token": "..."}],
 *  "orgs": [{"name": "acme", "description": "...", "members": {"alice@example.com": "admin"},
 *            "service_accounts": [{"email": "etl@acme.example", "token": "ema_...", "role": "member"}],
 *            "buckets": [{"nickname": "main-bucket", "platform": "s3", "name": "acme-data", "prefix": "",
 *                         "extra_config": {"region_name": "us-east-1"}, "auth_config": {"method": "anonymous"},
 *                         "default": true}],
 *            "repos": [{"name": "climate", "bucket": "main-bucket", "description": "...",
 *                       "metadata": {"team": "ocean"}, "status": "maintenance"}],
 *            "services": [{"service_type": "edr", "deployment_name": "edr-test", "is_public": false}]}]}
 * }</pre>
 *
 * A repo's {@code status} is a mode or {@code {"mode": ..., "message": ...}}.
 */
record Seed(List<SeedUser> users, List<SeedOrg> orgs) {

    record SeedUser(String email, String firstName, String familyName, String idToken, String refreshToken) {}

    record SeedServiceAccount(String email, String token, String role) {}

    record SeedBucket(
            String nickname,
            String platform,
            String name,
            String prefix,
            Map<String, Object> extraConfig,
            Map<String, Object> authConfig,
            Boolean defaultBucket) {}

    record SeedRepo(String name, String bucket, String description, Map<String, Object> metadata, JsonNode status) {}

    record SeedService(String serviceType, String deploymentName, Boolean isPublic) {}

    record SeedOrg(
            String name,
            String description,
            Map<String, String> members,
            List<SeedServiceAccount> serviceAccounts,
            List<SeedBucket> buckets,
            List<SeedRepo> repos,
            List<SeedService> services) {}

    Seed {
        users = users == null ? List.of() : users;
        orgs = orgs == null ? List.of() : orgs;
    }

    static Seed read(Path file) {
        try {
            return reader().readValue(file.toFile(), Seed.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("seed " + file + " is not valid: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("seed " + file + " could not be read", e);
        }
    }

    static Seed parse(String json) {
        try {
            return reader().readValue(json, Seed.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("seed is not valid: " + e.getOriginalMessage(), e);
        }
    }

    /** Seed JSON is snake_case like the API; a bucket's {@code default} maps onto {@code defaultBucket}. */
    private static ObjectMapper reader() {
        ObjectMapper mapper = ArraylakeEmulator.mapper();
        mapper.addMixIn(SeedBucket.class, SeedBucketNames.class);
        return mapper;
    }

    private abstract static class SeedBucketNames {
        @com.fasterxml.jackson.annotation.JsonProperty("default")
        abstract Boolean defaultBucket();
    }

    void applyTo(ArraylakeEmulator.Builder builder) {
        for (SeedUser user : users) {
            builder.user(user.email(), user.firstName(), user.familyName(), user.idToken(), user.refreshToken());
        }
        for (SeedOrg org : orgs) {
            builder.org(org.name(), org.description());
            if (org.members() != null) {
                org.members().forEach((email, role) -> builder.member(org.name(), email, role));
            }
            for (SeedServiceAccount account : orEmpty(org.serviceAccounts())) {
                builder.serviceAccount(org.name(), account.email(), account.token(), account.role());
            }
            for (SeedBucket bucket : orEmpty(org.buckets())) {
                builder.bucket(
                        org.name(),
                        bucket.nickname(),
                        bucket.platform(),
                        bucket.name(),
                        bucket.prefix(),
                        bucket.extraConfig(),
                        bucket.authConfig());
                if (Boolean.TRUE.equals(bucket.defaultBucket())) {
                    builder.defaultBucket(org.name(), bucket.nickname());
                }
            }
            for (SeedRepo repo : orEmpty(org.repos())) {
                builder.repo(org.name(), repo.name(), repo.bucket(), repo.description(), repo.metadata());
                applyStatus(builder, org.name(), repo);
            }
            for (SeedService service : orEmpty(org.services())) {
                builder.service(
                        org.name(),
                        service.serviceType(),
                        service.deploymentName(),
                        Boolean.TRUE.equals(service.isPublic()));
            }
        }
    }

    private static void applyStatus(ArraylakeEmulator.Builder builder, String org, SeedRepo repo) {
        JsonNode status = repo.status();
        if (status == null || status.isNull()) {
            return;
        }
        if (status.isTextual()) {
            builder.repoStatus(org, repo.name(), status.textValue(), null);
        } else {
            JsonNode message = status.get("message");
            builder.repoStatus(
                    org,
                    repo.name(),
                    status.path("mode").asText(),
                    message == null || message.isNull() ? null : message.asText());
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
