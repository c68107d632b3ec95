package dev.cameltiledb.emulator.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tokens the emulator issued through the API ({@code POST /v1/token}, {@code GET /v1/session}), with what
 * {@code GET /v1/tokens} and {@code /v1/tokens/session} show of them. They authenticate like API keys until they expire
 * or are revoked, and with a data directory they are kept in its accounts file, so a restart keeps them. The API keys
 * a seed gives are not tokens issued here and are not listed. Used only in the state's transactions.
 */
public final class IssuedTokens {

    /** One issued token; {@code session} tells the listing it belongs to. */
    public record Issued(
            String token,
            String name,
            String username,
            Instant issuedAt,
            Instant expiresAt,
            List<String> scope,
            boolean session) {}

    private final Map<String, Issued> byToken = new LinkedHashMap<>();

    public void add(Issued issued) {
        byToken.put(issued.token(), issued);
    }

    /** The token, or null when it was not issued here. */
    public Issued get(String token) {
        return byToken.get(token);
    }

    /** Whether the token was issued here and has expired by {@code now}. */
    public boolean expired(String token, Instant now) {
        Issued issued = byToken.get(token);
        return issued != null && !issued.expiresAt().isAfter(now);
    }

    /** The user's tokens of one kind, oldest first. */
    public List<Issued> of(String username, boolean session) {
        List<Issued> list = new ArrayList<>();
        for (Issued t : byToken.values()) {
            if (t.username().equals(username) && t.session() == session) {
                list.add(t);
            }
        }
        return list;
    }

    /** The user's token given by value or by name (non-session tokens first), or null. */
    public Issued find(String username, String tokenOrName) {
        Issued byValue = byToken.get(tokenOrName);
        if (byValue != null && byValue.username().equals(username)) {
            return byValue;
        }
        return byToken.values().stream()
                .filter(t -> t.username().equals(username) && t.name().equals(tokenOrName))
                .min((a, b) -> Boolean.compare(a.session(), b.session()))
                .orElse(null);
    }

    /** {@code name}, or {@code name-1}, {@code name-2}... when the user has a token of that name already. */
    public String freeName(String username, String name) {
        String candidate = name;
        for (int i = 1; nameTaken(username, candidate); i++) {
            candidate = name + "-" + i;
        }
        return candidate;
    }

    private boolean nameTaken(String username, String name) {
        return byToken.values().stream()
                .anyMatch(t -> !t.session()
                        && t.username().equals(username)
                        && t.name().equals(name));
    }

    /** Every token issued here, in the order they were issued. */
    public List<Issued> all() {
        return List.copyOf(byToken.values());
    }

    public void remove(String token) {
        byToken.remove(token);
    }
}
