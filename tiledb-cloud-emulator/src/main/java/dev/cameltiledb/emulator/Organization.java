package dev.cameltiledb.emulator;

import java.util.List;
import java.util.Map;

import dev.cameltiledb.emulator.state.AssetStorage;
import dev.cameltiledb.emulator.state.StorageOwner;

/**
 * An organization, its members' roles ({@code owner}, {@code admin}, {@code read_write}, {@code read_only}...) and its
 * storage settings: where its new assets go ({@code defaultS3Path}, per kind {@code assetLocations}) and with which
 * credentials, as {@code GET /v1/organizations/{organization}} answers them and as uploads and group creations into it
 * use them ({@link AssetStorage}).
 */
public record Organization(
        String name,
        Map<String, String> members,
        String defaultS3Path,
        String defaultS3PathCredentialsName,
        Map<String, StorageLocation> assetLocations)
        implements StorageOwner {

    public Organization {
        members = members == null ? Map.of() : Map.copyOf(members);
        assetLocations = AssetStorage.checked(assetLocations, "organization " + name);
    }

    /** An organization without storage settings. */
    public Organization(String name, Map<String, String> members) {
        this(name, members, null, null, null);
    }

    /** The same organization with other members. */
    public Organization withMembers(Map<String, String> newMembers) {
        return new Organization(name, newMembers, defaultS3Path, defaultS3PathCredentialsName, assetLocations);
    }

    public boolean canWrite(String username) {
        String role = members.get(username);
        return role != null && !role.equals("read_only");
    }

    private static List<String> withAllUserActions(String... organizationActions) {
        List<String> actions = new java.util.ArrayList<>(User.ALL_ACTIONS);
        actions.addAll(List.of(organizationActions));
        return List.copyOf(actions);
    }

    /** What a role allows in the organization, as {@code NamespaceActions}. */
    public static List<String> actionsOf(String role) {
        return switch (role) {
            // owners and admins hold what a user holds on its own namespace, and rights on the organization itself
            case "owner" -> withAllUserActions("delete_organization", "edit_organization", "edit_billing");
            case "admin" -> withAllUserActions("edit_organization");
            case "read_write_delete" -> List.of("read", "write", "create", "delete", "read_array_logs", "run_job");
            case "read_write" -> List.of("read", "write", "create", "read_array_logs", "run_job");
            default -> List.of("read", "read_array_logs");
        };
    }
}
