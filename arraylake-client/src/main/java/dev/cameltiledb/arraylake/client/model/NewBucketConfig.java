package dev.cameltiledb.arraylake.client.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cameltiledb.arraylake.client.ArraylakeNameException;

/**
 * A bucket configuration to create (the service's NewBucket). Names are checked here; the platform-specific
 * requirements (s3 needs a region_name, s3-compatible an endpoint_url) are left to the service, which states them.
 */
public record NewBucketConfig(
        String nickname,
        String platform,
        String name,
        String prefix,
        @JsonProperty("extra_config") Map<String, Object> extraConfig,
        @JsonProperty("auth_config") Map<String, Object> authConfig) {

    public NewBucketConfig {
        Names.nickname(nickname);
        Names.bucketName(name);
        prefix = prefix == null ? "" : Names.prefix(prefix);
        extraConfig = extraConfig == null ? Map.of() : Map.copyOf(extraConfig);
        authConfig = authConfig == null ? Map.of("method", "anonymous") : Map.copyOf(authConfig);
    }

    /**
     * Reads {@code platform://bucket[/prefix]} as the Python client's {@code create_bucket_config} does:
     * {@code s3://acme-data/climate} is platform s3, bucket acme-data, prefix climate.
     */
    public static NewBucketConfig fromUri(
            String nickname, String uri, Map<String, Object> extraConfig, Map<String, Object> authConfig) {
        int sep = uri == null ? -1 : uri.indexOf("://");
        if (sep <= 0) {
            throw new ArraylakeNameException(
                    "bucket URI", uri, "platform://bucket[/prefix], e.g. s3://acme-data/climate");
        }
        String platform = BucketUri.platform(uri.substring(0, sep), extraConfig);
        String rest = uri.substring(sep + 3);
        while (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        return new NewBucketConfig(nickname, platform, bucket, prefix, extraConfig, authConfig);
    }

    @Override
    public String toString() {
        return "NewBucketConfig[nickname=" + nickname + ", platform=" + platform + ", name=" + name + ", prefix="
                + prefix + ", extraConfig=" + extraConfig + ", authConfig=" + Redaction.authConfig(authConfig) + "]";
    }
}
