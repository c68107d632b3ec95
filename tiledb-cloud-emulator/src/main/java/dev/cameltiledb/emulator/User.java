package dev.cameltiledb.emulator;

import java.util.List;

/**
 * A user of the emulated service. {@code apiKeys} authenticate {@code X-TILEDB-REST-API-KEY};
 * {@code password} authenticates HTTP basic auth.
 */
public record User(String username, String email, String password, List<String> apiKeys) {

    public User {
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
    }
}
