package dev.cameltiledb.emulator.classic;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The array answers of the spec as the emulator sends them, one record each, fields in the spec's names. What the
 * service leaves out when unset is left out ({@code NON_NULL}, {@code NON_EMPTY}); everything else is always sent,
 * null included.
 */
final class ArrayAnswers {

    private ArrayAnswers() {}

    /** The spec's {@code ArrayInfo}. */
    record ArrayInfo(
            String id,

            @JsonProperty("file_type") @JsonInclude(JsonInclude.Include.NON_NULL)
            String fileType,

            @JsonProperty("file_properties") @JsonInclude(JsonInclude.Include.NON_EMPTY)
            Map<String, String> fileProperties,

            String uri,
            String namespace,
            Long size,

            @JsonProperty("last_accessed") @JsonInclude(JsonInclude.Include.NON_NULL)
            String lastAccessed,

            String description,
            String name,
            @JsonProperty("allowed_actions") List<String> allowedActions,

            @JsonProperty("access_credentials_name") @JsonInclude(JsonInclude.Include.NON_NULL)
            String accessCredentialsName,

            String type,
            @JsonProperty("share_count") int shareCount,
            @JsonProperty("public_share") boolean publicShare,
            @JsonProperty("namespace_subscribed") boolean namespaceSubscribed,
            @JsonProperty("tiledb_uri") String tiledbUri,
            List<String> tags,

            @JsonProperty("license_id") @JsonInclude(JsonInclude.Include.NON_NULL)
            String licenseId,

            @JsonProperty("license_text") @JsonInclude(JsonInclude.Include.NON_NULL)
            String licenseText,

            @JsonProperty("read_only") Boolean readOnly,
            @JsonInclude(JsonInclude.Include.NON_NULL) String logo,
            @JsonProperty("created_at") String createdAt,

            @JsonProperty("created_by") @JsonInclude(JsonInclude.Include.NON_NULL)
            String createdBy,

            @JsonInclude(JsonInclude.Include.NON_NULL) List<MetadataEntry> metadata) {}

    /** One entry of {@code ArrayInfo.metadata}. */
    record MetadataEntry(String key, String value, String type) {}

    /** One entry of {@code GET /v1/arrays/last_accessed} ({@code LastAccessedArray}). */
    record LastAccessed(
            @JsonProperty("array_id") String arrayId,
            @JsonProperty("array_name") String arrayName,
            String namespace,
            @JsonProperty("accessed_time") long accessedTime,
            @JsonProperty("access_type") String accessType) {}

    /** The spec's {@code ArraySharing}: who may do what. */
    record Sharing(
            List<String> actions,
            String namespace,
            @JsonProperty("namespace_type") String namespaceType) {}

    /** The spec's {@code MaxBufferSizes}. */
    record MaxBufferSizes(List<AttributeBufferSize> maxBufferSizes) {}

    /** The spec's {@code AttributeBufferSize}. */
    record AttributeBufferSize(String attribute, long offsetBytes, long dataBytes) {}

    /** The spec's {@code ArrayActivityLog}. */
    record ActivityLog(
            @JsonProperty("event_at") String eventAt,
            String action,
            String username,
            @JsonProperty("bytes_sent") long bytesSent,
            @JsonProperty("bytes_received") long bytesReceived,

            @JsonProperty("array_task_id") @JsonInclude(JsonInclude.Include.NON_NULL)
            String arrayTaskId,

            String id) {}
}
