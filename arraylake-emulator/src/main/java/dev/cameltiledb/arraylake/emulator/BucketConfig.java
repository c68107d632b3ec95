package dev.cameltiledb.arraylake.emulator;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bucket config of an org: where repos keep their chunks and how the service gets credentials for it. Immutable; a
 * change stores a new one. Whether it is the org's default is the org's business, not the config's.
 */
record BucketConfig(
        String id,
        String nickname,
        String platform,
        String name,
        String prefix,
        Map<String, Object> extraConfig,
        Map<String, Object> authConfig,
        Instant created,
        Instant updated,
        String createdBy) {

    BucketConfig {
        // insertion order kept and nulls allowed: an anonymous auth config may hold "storage_account": null
        extraConfig = Collections.unmodifiableMap(new LinkedHashMap<>(extraConfig));
        authConfig = Collections.unmodifiableMap(new LinkedHashMap<>(authConfig));
    }

    String authMethod() {
        return String.valueOf(authConfig.get("method"));
    }

    BucketConfig changed(BucketChange change, Instant at) {
        return new BucketConfig(
                id,
                change.nickname() != null ? change.nickname() : nickname,
                change.platform() != null ? change.platform() : platform,
                change.name() != null ? change.name() : name,
                change.prefix() != null ? change.prefix() : prefix,
                change.extraConfig() != null ? change.extraConfig() : extraConfig,
                change.authConfig() != null ? change.authConfig() : authConfig,
                created,
                at,
                createdBy);
    }
}
