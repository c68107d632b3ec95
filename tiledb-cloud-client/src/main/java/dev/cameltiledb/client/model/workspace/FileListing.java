package dev.cameltiledb.client.model.workspace;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One page of a teamspace's files, in the shape of S3's {@code ListObjectsV2} ({@code GET /v4/files/{ws}/{ts}}):
 * the files under {@code prefix}, and with a {@code /} delimiter the sub-folders as common prefixes. When
 * {@code truncated}, {@code nextContinuationToken} asks for the rest.
 */
public record FileListing(
        @JsonProperty("Name") String name,
        @JsonProperty("Prefix") String prefix,
        @JsonProperty("Delimiter") String delimiter,
        @JsonProperty("MaxKeys") Integer maxKeys,
        @JsonProperty("ContinuationToken") String continuationToken,
        @JsonProperty("NextContinuationToken") String nextContinuationToken,
        @JsonProperty("IsTruncated") Boolean truncated,
        @JsonProperty("CommonPrefixes") List<CommonPrefix> commonPrefixes,
        @JsonProperty("Objects") List<StoredFile> objects) {

    /** A sub-folder of the listed prefix. */
    public record CommonPrefix(@JsonProperty("Prefix") String prefix) {}

    /** One file: its key (path in the teamspace), last change, ETag and size in bytes. */
    public record StoredFile(
            @JsonProperty("Key") String key,
            @JsonProperty("LastModified") String lastModified,
            @JsonProperty("ETag") String etag,
            @JsonProperty("Size") Long size) {}
}
