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

    /** What a role allows in the organization, as {@code NamespaceActions}. */
    static List<String> actionsOf(String role) {
        return switch (role) {
            case "owner" ->
                List.of(
                        "read",
                        "write",
                        "create",
                        "delete",
                        "edit",
                        "read_array_logs",
                        "read_job_logs",
                        "read_object_logs",
                        "run_job",
                        "delete_organization",
                        "edit_organization",
                        "edit_billing");
            case "admin" ->
                List.of(
                        "read",
                        "write",
                        "create",
                        "delete",
                        "edit",
                        "read_array_logs",
                        "read_job_logs",
                        "read_object_logs",
                        "run_job",
                        "edit_organization");
            case "read_write_delete" -> List.of("read", "write", "create", "delete", "read_array_logs", "run_job");
            case "read_write" -> List.of("read", "write", "create", "read_array_logs", "run_job");
            default -> List.of("read", "read_array_logs");
        };
    }
}
