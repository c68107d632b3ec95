package dev.cameltiledb.emulator.workspace;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.cameltiledb.emulator.http.Pagination;

/**
 * The JSON answers of the {@code /v4} API, named as the models of TileDB's generated Java client name their fields.
 * That client rejects a field its model does not define, so these records carry exactly the model's fields, and
 * leave out those that are null.
 */
final class PlatformAnswers {

    private PlatformAnswers() {}

    /** {@code {"data": ...}}: how v4 wraps a single object, and lists that have no pagination. */
    record Data(Object data) {}

    /** {@code {"data": [...], "pagination_metadata": {...}}}. */
    record Page(
            List<?> data,
            @JsonProperty("pagination_metadata") Map<String, Object> paginationMetadata) {

        static <T> Page of(List<T> all, int page, int perPage, java.util.function.Function<T, ?> render) {
            int from = (int) Math.min((long) (page - 1) * perPage, all.size());
            int to = Math.min(from + perPage, all.size());
            return new Page(
                    all.subList(from, to).stream().map(render).toList(), Pagination.of(page, perPage, all.size()));
        }
    }

    record Version(int major, int minor, int patch) {}

    /** {@code RestCapabilities}: the one v4 answer that is not wrapped in {@code data}. */
    record Capabilities(Version deployedTileDBVersion, Version minimumSupportedTileDBClientVersion) {}

    /** {@code User}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record UserInfo(
            String id,
            String displayName,
            String imageId,
            String email,
            Boolean isValidEmail,
            String role,
            String username,
            String timezone,
            Instant createdAt,
            Instant updatedAt) {}

    /** {@code UserSelfResponseData}. */
    record Self(UserInfo user, List<WorkspaceInfo> workspaces) {}

    /** {@code WorkspaceUser} and {@code TeamspaceUser}: the two models have the same fields. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Member(
            String userId,
            String username,
            String displayName,
            String email,
            String imageId,
            String role,
            String addedBy,
            Instant createdAt) {}

    /** {@code Workspace} and {@code UserSelfWorkspace}: the same fields again. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record WorkspaceInfo(
            String workspaceId,
            String imageId,
            String name,
            Member createdBy,
            String description,
            Member self,
            Instant createdAt,
            Instant updatedAt) {}

    /** {@code Teamspace}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record TeamspaceInfo(
            String teamspaceId,
            String name,
            String spaceType,
            String icon,
            Instant createdAt,
            Member createdBy,
            String description,
            Member self,
            String visibility,
            Instant updatedAt) {}

    /** {@code Asset}: the info object that matches its backing type is set, the others left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record AssetInfo(
            String id,
            String workspaceId,
            String teamspaceId,
            String name,
            String description,
            String backingType,
            String type,
            String path,
            Instant createdAt,
            Instant updatedAt,
            Member createdBy,
            List<MetadataEntry> metadata,
            String uri,
            String tiledbUri,
            @JsonProperty("fileInfo") Size fileInfo,
            @JsonProperty("arrayInfo") Size arrayInfo,
            @JsonProperty("groupInfo") Length groupInfo,
            @JsonProperty("folderInfo") Length folderInfo) {}

    /** {@code ArrayInfo}, {@code FileInfo}. */
    record Size(long size) {}

    /** {@code GroupInfo}, {@code FolderInfo}. */
    record Length(long length) {}

    /** {@code AssetMetadata}: the value as text, with its TileDB type. */
    record MetadataEntry(String key, String value, String type) {}

    /** {@code Folder}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record FolderInfo(
            String id,
            String workspaceId,
            String teamspaceId,
            String assetId,
            String parentFolderId,
            String name,
            Instant createdAt,
            Instant updatedAt,
            Member createdBy,
            String description) {}

    /** {@code AccessCredential}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Credential(
            String credentialType,
            String id,
            String name,
            String provider,
            Boolean providerDefault,
            Instant createdAt,
            Instant updatedAt,
            Boolean allowedInTasks,
            Map<String, Object> credential) {}

    /** {@code AWSCredential} (also GCP's interoperability key); the secret is empty or left out for who may only use it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record AwsSecret(String accessKeyId, String secretAccessKey, String endpoint) {

        @Override
        public String toString() {
            return "AwsSecret[" + accessKeyId + "]";
        }
    }

    /** {@code FileListResponse}, S3's ListObjectsV2 answer in JSON; absent tokens are left out, as S3 does. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record FileList(
            String name,
            String prefix,
            String delimiter,
            int maxKeys,
            String continuationToken,
            String nextContinuationToken,
            boolean isTruncated,
            List<CommonPrefix> commonPrefixes,
            List<StoredObject> objects) {}

    /** {@code CommonPrefix}. */
    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record CommonPrefix(String prefix) {}

    /** {@code Object} (the Java client's {@code ModelObject}). */
    record StoredObject(
            @JsonProperty("Key") String key,
            @JsonProperty("LastModified") String lastModified,
            @JsonProperty("ETag") String etag,
            @JsonProperty("Size") long size) {}
}
