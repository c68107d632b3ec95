package dev.cameltiledb.emulator;

import java.util.List;
import java.util.Map;

import dev.cameltiledb.emulator.state.AssetStorage;
import dev.cameltiledb.emulator.state.StorageOwner;

/**
 * A user of the emulated service. {@code apiKeys} authenticate {@code X-TILEDB-REST-API-KEY}; {@code password}
 * authenticates HTTP basic auth. The optional fields shape {@code GET /v1/user}: {@code allowedActions} null means
 * every namespace action. {@code role} is the deployment role the workspace platform's {@code /v4/users} answers give
 * ({@code owner}, {@code admin} or {@code member}, the default). {@code defaultS3Path},
 * {@code defaultS3PathCredentialsName} and {@code assetLocations} are the storage settings {@code GET /v1/user}
 * answers and that place new assets of the user's namespace ({@link AssetStorage}).
 */
public record User(
        String username,
        String email,
        String password,
        List<String> apiKeys,
        String name,
        String defaultNamespaceCharged,
        List<String> allowedActions,
        String defaultS3Path,
        String defaultS3PathCredentialsName,
        String role,
        Map<String, StorageLocation> assetLocations)
        implements StorageOwner {

    /** Every action a user holds on its own namespace unless the seed says otherwise. */
    static final List<String> ALL_ACTIONS = List.of(
            "read",
            "write",
            "create",
            "delete",
            "edit",
            "read_array_logs",
            "read_job_logs",
            "read_object_logs",
            "run_job");

    public User {
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
        allowedActions = allowedActions == null ? ALL_ACTIONS : List.copyOf(allowedActions);
        role = role == null ? "member" : role;
        assetLocations = AssetStorage.checked(assetLocations, "user " + username);
    }

    public User(String username, String email, String password, List<String> apiKeys) {
        this(username, email, password, apiKeys, null, null, null, null, null, null, null);
    }

    /** The fields of earlier versions: no asset locations. */
    public User(
            String username,
            String email,
            String password,
            List<String> apiKeys,
            String name,
            String defaultNamespaceCharged,
            List<String> allowedActions,
            String defaultS3Path,
            String defaultS3PathCredentialsName,
            String role) {
        this(
                username,
                email,
                password,
                apiKeys,
                name,
                defaultNamespaceCharged,
                allowedActions,
                defaultS3Path,
                defaultS3PathCredentialsName,
                role,
                null);
    }

    /** The fields of earlier versions: {@code role} (the v4 deployment role) is {@code member}. */
    public User(
            String username,
            String email,
            String password,
            List<String> apiKeys,
            String name,
            String defaultNamespaceCharged,
            List<String> allowedActions,
            String defaultS3Path,
            String defaultS3PathCredentialsName) {
        this(
                username,
                email,
                password,
                apiKeys,
                name,
                defaultNamespaceCharged,
                allowedActions,
                defaultS3Path,
                defaultS3PathCredentialsName,
                null,
                null);
    }
}
