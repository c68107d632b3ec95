package dev.cameltiledb.emulator.state;

import java.time.Instant;

/**
 * A storage credential of a workspace, or of one of its teamspaces when {@code teamspace} (a teamspace name) is set.
 * The secret is served to those who administer it and never written to a log.
 */
public record StoredCredential(
        String id,
        String name,
        String provider,
        String teamspace,
        String accessKeyId,
        String secretAccessKey,
        String endpoint,
        boolean providerDefault,
        boolean allowedInTasks,
        Instant createdAt) {

    /** Only the name and the key id: a credential printed by a test or a debugger shows no secret. */
    @Override
    public String toString() {
        return "StoredCredential[" + name + ", " + provider + ", " + accessKeyId + "]";
    }
}
