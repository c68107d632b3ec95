package dev.cameltiledb.arraylake.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns what the emulator stores into what it answers. */
final class Views {

    /**
     * Auth config fields the service's models hold as {@code SecretStr}: answered obfuscated, as pydantic prints a
     * secret. The HMAC keys are plain strings in the models and come back as stored.
     */
    private static final Set<String> SECRET_FIELDS =
            Set.of("shared_secret", "account_api_token", "parent_access_key_id");

    static final String OBFUSCATED = "**********";

    private Views() {}

    static Wire.Repo repo(Org org, StoredRepo repo) {
        Wire.Bucket bucket = repo.bucketId() == null
                ? null
                : org.bucket(repo.bucketId()).map(b -> bucket(org, b)).orElse(null);
        return new Wire.Repo(
                repo.id(),
                repo.org(),
                repo.name(),
                Timestamps.format(repo.created()),
                Timestamps.format(repo.updated()),
                repo.description(),
                repo.metadata(),
                repo.createdBy(),
                "PRIVATE",
                bucket,
                status(repo.status()),
                repo.kind(),
                repo.prefix(),
                repo.optimizationConfig(),
                List.of());
    }

    static Wire.Status status(RepoStatus status) {
        return new Wire.Status(
                status.mode(), status.message(), Map.of("principal_id", status.initiatedBy()), true, null);
    }

    static Wire.Bucket bucket(Org org, BucketConfig bucket) {
        return new Wire.Bucket(
                bucket.id(),
                bucket.nickname(),
                bucket.platform(),
                bucket.name(),
                bucket.prefix(),
                bucket.extraConfig(),
                obfuscated(bucket.authConfig()),
                org.isDefault(bucket),
                Timestamps.format(bucket.created()),
                Timestamps.format(bucket.updated()),
                bucket.createdBy());
    }

    static Wire.Org org(Org org) {
        return new Wire.Org(org.id(), org.name(), org.description());
    }

    private static Map<String, Object> obfuscated(Map<String, Object> authConfig) {
        Map<String, Object> shown = new LinkedHashMap<>();
        authConfig.forEach((key, value) -> shown.put(key, SECRET_FIELDS.contains(key) ? OBFUSCATED : value));
        return shown;
    }
}
