package dev.cameltiledb.arraylake.emulator;

import java.time.Instant;

/**
 * An org's API client: the {@code ema_} token it calls with, its role in that one org, and when it was last used
 * (the service reports it through {@code /api-clients/authenticate}).
 */
final class ServiceAccount implements Principal {

    private final String id;
    private final String org;
    private final String email;
    private final String token;
    private final Role role;
    private final Instant created;
    private final Instant expiration;
    private Instant lastUsed;

    ServiceAccount(String id, String org, String email, String token, Role role, Instant created, Instant expiration) {
        this.id = id;
        this.org = org;
        this.email = email;
        this.token = token;
        this.role = role;
        this.created = created;
        this.expiration = expiration;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String email() {
        return email;
    }

    String org() {
        return org;
    }

    String token() {
        return token;
    }

    Role role() {
        return role;
    }

    Instant created() {
        return created;
    }

    Instant expiration() {
        return expiration;
    }

    Instant lastUsed() {
        return lastUsed;
    }

    void used(Instant at) {
        lastUsed = at;
    }

    /** Never the token: this object ends up in messages and debuggers. */
    @Override
    public String toString() {
        return "ServiceAccount[" + email + " of " + org + ", " + role.wireName() + "]";
    }
}
