package dev.cameltiledb.arraylake.emulator;

import java.util.Map;

/** What a new repo is made from: a {@code RepoCreateBody} once checked, or a builder or seed entry. */
record RepoSpec(
        String name,
        String description,
        String bucketNickname,
        String kind,
        Map<String, Object> metadata,
        String prefix) {

    static RepoSpec onBucket(String name, String bucketNickname) {
        return new RepoSpec(name, null, bucketNickname, "icechunk", null, null);
    }
}
