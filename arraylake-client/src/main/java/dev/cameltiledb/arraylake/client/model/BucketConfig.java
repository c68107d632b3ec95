package dev.cameltiledb.arraylake.client.model;

import java.time.OffsetDateTime;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A bucket configuration of an org (the service's BucketResponse).
 *
 * @param platform    s3, s3-compatible, minio, gs or azure
 * @param extraConfig region_name, endpoint_url, use_ssl... as the platform needs
 * @param authConfig  {@code method} plus that method's fields; may hold secrets, so toString shows the method only
 */
public record BucketConfig(
        String id,
        String nickname,
        String platform,
        String name,
        String prefix,
        @JsonProperty("extra_config") Map<String, Object> extraConfig,
        @JsonProperty("auth_config") Map<String, Object> authConfig,
        @JsonProperty("is_default") boolean isDefault,
        OffsetDateTime created,
        OffsetDateTime updated,
        @JsonProperty("created_by") String createdBy) {

    /** The bucket as a URI, {@code s3://name/prefix}, the form {@link NewBucketConfig#fromUri} reads. */
    public String uri() {
        String scheme = BucketUri.scheme(platform);
        return scheme + "://" + name + (prefix == null || prefix.isEmpty() ? "" : "/" + prefix);
    }

    @Override
    public String toString() {
        return "BucketConfig[id=" + id + ", nickname=" + nickname + ", platform=" + platform + ", name=" + name
                + ", prefix=" + prefix + ", extraConfig=" + extraConfig + ", authConfig="
                + Redaction.authConfig(authConfig) + ", isDefault=" + isDefault + ", created=" + created
                + ", updated=" + updated + ", createdBy=" + createdBy + "]";
    }
}
