package dev.cameltiledb.emulator;

import java.util.List;
import java.util.Map;

/** An organization and its members' roles ({@code owner}, {@code admin}, {@code read_write}, {@code read_only}...). */
public record Organization(String name, Map<String, String> members) {

    public Organization {
        members = members == null ? Map.of() : Map.copyOf(members);
    }

    boolean canWrite(String username) {
        String role = members.get(username);
        return role != null && !role.equals("read_only");
    }

    private static List<String> withAllUserActions(String... organizationActions) {
        List<String> actions = new java.util.ArrayList<>(User.ALL_ACTIONS);
        actions.addAll(List.of(organizationActions));
        return List.copyOf(actions);
    }

    /** What a role allows in the organization, as {@code NamespaceActions}. */
    static List<String> actionsOf(String role) {
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
