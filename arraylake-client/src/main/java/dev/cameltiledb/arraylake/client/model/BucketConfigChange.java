package dev.cameltiledb.arraylake.client.model;

import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A change to a bucket configuration (the service's BucketModifyRequest); null fields are not sent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BucketConfigChange(
        String nickname,
        String platform,
        String name,
        String prefix,
        @JsonProperty("extra_config") Map<String, Object> extraConfig,
        @JsonProperty("auth_config") Map<String, Object> authConfig) {

    private static final Set<String> KEYS = Set.of(
            "nickname", "platform", "name", "prefix", "extra_config", "extraConfig", "auth_config", "authConfig");

    public BucketConfigChange {
        if (nickname != null) {
            Names.nickname(nickname);
        }
        if (name != null) {
            Names.bucketName(name);
        }
        Names.prefix(prefix);
    }

    /**
     * From a map with the service's field names ({@code nickname}, {@code extra_config}...) or the Java ones
     * ({@code extraConfig}...), as a Camel message body would carry it; unknown keys are refused by name.
     */
    @SuppressWarnings("unchecked")
    public static BucketConfigChange fromMap(Map<String, ?> change) {
        for (String key : change.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown bucket config field '" + key + "'; known: " + KEYS);
            }
        }
        Object extra = change.containsKey("extra_config") ? change.get("extra_config") : change.get("extraConfig");
        Object auth = change.containsKey("auth_config") ? change.get("auth_config") : change.get("authConfig");
        return new BucketConfigChange(
                (String) change.get("nickname"),
                (String) change.get("platform"),
                (String) change.get("name"),
                (String) change.get("prefix"),
                (Map<String, Object>) extra,
                (Map<String, Object>) auth);
    }

    @Override
    public String toString() {
        return "BucketConfigChange[nickname=" + nickname + ", platform=" + platform + ", name=" + name + ", prefix="
                + prefix + ", extraConfig=" + extraConfig + ", authConfig="
                + (authConfig == null ? "null" : Redaction.authConfig(authConfig)) + "]";
    }
}
