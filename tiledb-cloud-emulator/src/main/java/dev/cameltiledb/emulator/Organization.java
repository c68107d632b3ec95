package dev.cameltiledb.emulator;

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
}
