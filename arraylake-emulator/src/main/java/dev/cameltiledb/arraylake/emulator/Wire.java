package dev.cameltiledb.arraylake.emulator;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The JSON the emulator answers with, one record per model of the Python client's {@code types.py}. The mapper writes
 * record components in snake_case ({@code isDefault} → {@code is_default}); {@code _id} is named explicitly. Times
 * are strings already formatted by {@link Timestamps}.
 */
final class Wire {

    private Wire() {}

    record Repo(
            @JsonProperty("_id") String id,
            String org,
            String name,
            String created,
            String updated,
            String description,
            Map<String, Object> metadata,
            String createdBy,
            String visibility,
            Bucket bucket,
            Status status,
            String kind,
            String prefix,
            Map<String, Object> optimizationConfig,
            List<Object> permissions) {}

    record Status(
            String mode,
            String message,
            Map<String, String> initiatedBy,
            boolean isUserModifiable,
            String estimatedEndTime) {}

    record Bucket(
            String id,
            String nickname,
            String platform,
            String name,
            String prefix,
            Map<String, Object> extraConfig,
            Map<String, Object> authConfig,
            boolean isDefault,
            String created,
            String updated,
            String createdBy) {}

    record Org(String id, String name, String description) {}

    record UserInfo(String id, String firstName, String familyName, String email) {}

    record ApiTokenInfo(String id, String clientId, String email, long expiration) {}

    record Page(List<Repo> items, int total, int page, int size, int pages) {}

    record ApiClient(
            @JsonProperty("_id") String id, String email, String created, String expiration, String lastUsed) {}

    record S3Credentials(String awsAccessKeyId, String awsSecretAccessKey, String awsSessionToken, String expiration) {}

    record GsCredentials(String accessToken, String principal, String expiration) {}

    record AzureCredentials(String sasToken, String storageAccount, String expiration) {}

    record PermissionCheck(boolean hasPermission) {}

    /** A compute service ({@code DeploymentInfo}); {@code config} is the ServiceConfig with its own snake_case keys. */
    record DeploymentInfo(
            String name, String url, String created, Map<String, Object> config, String status, int readyReplicas) {}

    /** What enabling or disabling a compute service answers (the Python CLI prints its {@code message}). */
    record ServiceMessage(String message) {}

    /** No {@code refresh_token}: the old one stays valid, and the Python client keeps it when the answer has none. */
    record OauthTokens(String accessToken, String idToken, int expiresIn, String tokenType) {}
}
