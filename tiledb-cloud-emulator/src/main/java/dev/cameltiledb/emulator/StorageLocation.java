package dev.cameltiledb.emulator;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAlias;

/**
 * Where an owner keeps one kind of asset, the spec's {@code StorageLocation}: a storage path and the name of the
 * credentials that reach it; either may be unset (then the owner's {@code default_s3_path} and its credentials apply).
 * In a seed: {@code {"path": "s3://bucket/notebooks", "credentialsName": "nb-creds"}}.
 */
public record StorageLocation(
        String path, @JsonAlias("credentials_name") String credentialsName) {

    /** As the API answers it: {@code path} and {@code credentials_name}, each when set. */
    public Map<String, Object> answer() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (path != null) {
            m.put("path", path);
        }
        if (credentialsName != null) {
            m.put("credentials_name", credentialsName);
        }
        return m;
    }
}
