package dev.cameltiledb.arraylake.emulator;

import java.time.Instant;
import java.util.Map;

/**
 * What the emulator holds for a repo at one moment, for tests to check what a request did.
 *
 * @param org           the org's name
 * @param name          the repo's name
 * @param id            its {@code _id}
 * @param description   its description, or null
 * @param metadata      its metadata, or null when it never had any
 * @param statusMode    {@code online}, {@code maintenance} or {@code offline}
 * @param statusMessage the status message, or null
 * @param ghost         soft-deleted
 * @param retainData    deleted with {@code retain_data=true}
 * @param bucketNickname the nickname of its bucket config (null once that config is gone)
 * @param prefix        its prefix in the bucket
 * @param kind          {@code icechunk}
 * @param created       when it was created
 * @param updated       when it last changed
 * @param createdBy     the principal id of its creator
 */
public record RepoSnapshot(
        String org,
        String name,
        String id,
        String description,
        Map<String, Object> metadata,
        String statusMode,
        String statusMessage,
        boolean ghost,
        boolean retainData,
        String bucketNickname,
        String prefix,
        String kind,
        Instant created,
        Instant updated,
        String createdBy) {

    static RepoSnapshot of(Org org, StoredRepo repo) {
        return new RepoSnapshot(
                repo.org(),
                repo.name(),
                repo.id(),
                repo.description(),
                repo.metadata(),
                repo.status().mode(),
                repo.status().message(),
                repo.ghost(),
                repo.retainData(),
                repo.bucketId() == null
                        ? null
                        : org.bucket(repo.bucketId())
                                .map(BucketConfig::nickname)
                                .orElse(null),
                repo.prefix(),
                repo.kind(),
                repo.created(),
                repo.updated(),
                repo.createdBy());
    }
}
