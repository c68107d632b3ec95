package dev.cameltiledb.arraylake.client.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A repository as the service describes it. Fields the Java side does not interpret (optimization config,
 * permissions) stay generic maps so a service change does not break parsing.
 *
 * @param id        the service's 24-hex object id ({@code _id})
 * @param metadata  flat map of scalars or lists of scalars
 * @param createdBy the creating principal's UUID
 */
public record Repo(
        @JsonProperty("_id") String id,
        String org,
        String name,
        OffsetDateTime created,
        OffsetDateTime updated,
        String description,
        Map<String, Object> metadata,
        @JsonProperty("created_by") String createdBy,
        String visibility,
        BucketConfig bucket,
        RepoStatus status,
        String kind,
        String prefix,
        @JsonProperty("optimization_config") Map<String, Object> optimizationConfig,
        List<Map<String, Object>> permissions) {

    /** {@code org/name}, the form the Python client and the Camel URIs use. */
    public String fullName() {
        return org + "/" + name;
    }

    /**
     * Where the repo's data lives: its bucket's URI and its own prefix ({@code s3://bucket/bucket-prefix/repo-prefix}),
     * for catalogs; null when the service did not say which bucket.
     */
    public String location() {
        if (bucket == null) {
            return null;
        }
        return prefix == null || prefix.isEmpty() ? bucket.uri() : bucket.uri() + "/" + prefix;
    }
}
