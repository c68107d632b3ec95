package dev.cameltiledb.arraylake.client.model;

import java.util.Locale;
import java.util.Map;

import dev.cameltiledb.arraylake.client.ArraylakeNameException;

/** Between a bucket URI ({@code platform://name[/prefix]}) and the service's platform, name and prefix fields. */
final class BucketUri {

    private BucketUri() {}

    /**
     * The platform a URI scheme stands for. {@code s3://} with an {@code endpoint_url} in the extra config is an
     * S3-compatible store (MinIO, R2, Tigris...), since plain S3 needs no endpoint.
     */
    static String platform(String scheme, Map<String, Object> extraConfig) {
        switch (scheme.toLowerCase(Locale.ROOT)) {
            case "s3":
                return extraConfig != null && extraConfig.containsKey("endpoint_url") ? "s3-compatible" : "s3";
            case "s3c":
            case "s3-compatible":
                return "s3-compatible";
            case "minio":
                return "minio";
            case "gs":
            case "gcs":
                return "gs";
            case "az":
            case "azure":
            case "abfs":
                return "azure";
            default:
                throw new ArraylakeNameException(
                        "bucket URI scheme", scheme, "one of s3, s3c, minio, gs, az (platform://bucket[/prefix])");
        }
    }

    static String scheme(String platform) {
        if (platform == null) {
            return "s3";
        }
        return switch (platform) {
            case "gs" -> "gs";
            case "azure" -> "az";
            default -> "s3";
        };
    }
}
