package dev.cameltiledb.emulator.classic;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The v1 group answers of the spec as the emulator sends them, one record each, fields in the spec's names and order.
 * What the service leaves out when unset is left out ({@code NON_NULL}); everything else is always sent, null
 * included.
 */
final class GroupAnswers {

    private GroupAnswers() {}

    /** The spec's {@code GroupInfo}; {@code metadata} only when the listing asked for it. */
    record GroupInfo(
            String id,
            String namespace,
            String name,
            String description,
            String uri,
            @JsonProperty("tiledb_uri") String tiledbUri,
            @JsonProperty("asset_count") long assetCount,
            @JsonProperty("group_count") long groupCount,
            long size,

            @JsonProperty("last_accessed") @JsonInclude(JsonInclude.Include.NON_NULL)
            String lastAccessed,

            @JsonProperty("allowed_actions") List<String> allowedActions,
            @JsonProperty("group_type") String groupType,
            @JsonInclude(JsonInclude.Include.NON_NULL) String logo,

            @JsonProperty("access_credentials_name") @JsonInclude(JsonInclude.Include.NON_NULL)
            String accessCredentialsName,

            @JsonProperty("share_count") int shareCount,
            @JsonProperty("public_share") boolean publicShare,
            List<String> tags,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("created_by") String createdBy,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Map<String, Object>> metadata) {}

    /** The spec's {@code GroupCreationResponse}. */
    record GroupCreated(
            String id,
            String name,
            @JsonProperty("tiledb_uri") String tiledbUri) {}

    /** One entry of {@code GroupSharingList}. */
    record GroupSharing(
            @JsonProperty("group_actions") List<String> groupActions,
            @JsonProperty("array_actions") List<String> arrayActions,
            String namespace,
            @JsonProperty("namespace_type") String namespaceType) {}

    /** One entry of {@code GroupContents}: a group member or an array member, never both. */
    record GroupEntry(
            @JsonProperty("member_id") String memberId,
            @JsonInclude(JsonInclude.Include.NON_NULL) GroupInfo group,
            @JsonInclude(JsonInclude.Include.NON_NULL) ArrayAnswers.ArrayInfo array) {}

    /** One entry of {@code GroupContentActivityResponse}: the member array and its activity. */
    record ContentActivity(
            ActivityAsset asset,
            @JsonProperty("activity_log") ArrayAnswers.ActivityLog activityLog) {}

    /** The asset of a {@link ContentActivity}. */
    record ActivityAsset(
            String id,
            String name,
            String namespace,
            @JsonProperty("asset_type") String assetType) {}

    /** The spec's {@code GroupContentsRetrievalResponse} (v2): every member, and the metadata. */
    record ContentsRetrieval(List<Member> members, Metadata metadata) {}

    /** One member of a {@link ContentsRetrieval}: its name, tiledb URI and type ({@code GROUP} or {@code ARRAY}). */
    record Member(String name, String uri, String type) {}

    /** The spec's {@code Metadata}: the stored entries in the order their keys were first written. */
    record Metadata(List<Map<String, Object>> entries) {}

    /** One event of the spec's {@code GroupActivityResponse}, with the asset it happened to. */
    record GroupActivity(
            String id,
            @JsonProperty("event_at") String eventAt,
            String action,
            String username,

            @JsonProperty("array_task_id") @JsonInclude(JsonInclude.Include.NON_NULL)
            String arrayTaskId,

            ActivityAsset asset) {}
}
