package dev.cameltiledb.arraylake.client.model;

import java.util.Map;

/**
 * How to create a repo; every field may be null. {@code bucketNickname} null: the org's default bucket. {@code kind}
 * {@code icechunk} (the service's default; {@code v1} is refused by the service). {@code createMode} {@code create}
 * (default), {@code register} (adopt data already at the prefix) or {@code import}.
 */
public record RepoCreate(
        String bucketNickname,
        String kind,
        String prefix,
        String description,
        Map<String, Object> metadata,
        String createMode) {

    public RepoCreate {
        if (bucketNickname != null) {
            Names.nickname(bucketNickname);
        }
        Names.prefix(prefix);
    }

    /** Everything left to the service: default bucket, icechunk, generated prefix. */
    public static RepoCreate defaults() {
        return new RepoCreate(null, null, null, null, null, null);
    }

    public static RepoCreate onBucket(String bucketNickname) {
        return new RepoCreate(bucketNickname, null, null, null, null, null);
    }
}
