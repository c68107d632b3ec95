package dev.cameltiledb.arraylake.emulator;

import java.util.Map;

/**
 * What the emulator holds for a bucket config at one moment. The auth config is as stored, secrets included: it is
 * what the test itself put there.
 *
 * @param id          the config's UUID, the {@code bucket_id} of its endpoints
 * @param nickname    its nickname
 * @param platform    s3, s3-compatible, minio, gs or azure
 * @param name        the bucket's name
 * @param prefix      the prefix inside the bucket ("" for none)
 * @param isDefault   whether it is the org's default
 * @param extraConfig its extra config
 * @param authConfig  its auth config
 */
public record BucketSnapshot(
        String id,
        String nickname,
        String platform,
        String name,
        String prefix,
        boolean isDefault,
        Map<String, Object> extraConfig,
        Map<String, Object> authConfig) {

    static BucketSnapshot of(Org org, BucketConfig bucket) {
        return new BucketSnapshot(
                bucket.id(),
                bucket.nickname(),
                bucket.platform(),
                bucket.name(),
                bucket.prefix(),
                org.isDefault(bucket),
                bucket.extraConfig(),
                bucket.authConfig());
    }
}
