package dev.cameltiledb.arraylake.client.model;

import java.time.OffsetDateTime;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A repo's operation status (the service's RepoOperationStatusResponse).
 *
 * @param initiatedBy who set it: {@code {"principal_id": ...}}, kept as a map because the service may add keys
 */
public record RepoStatus(
        RepoMode mode,
        String message,
        @JsonProperty("initiated_by") Map<String, Object> initiatedBy,
        @JsonProperty("is_user_modifiable") boolean userModifiable,
        @JsonProperty("estimated_end_time") OffsetDateTime estimatedEndTime) {}
