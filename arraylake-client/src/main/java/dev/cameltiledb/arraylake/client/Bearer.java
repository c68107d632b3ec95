package dev.cameltiledb.arraylake.client;

/**
 * The token a request is sent with. Static for explicit and service tokens; a token file's id token can be replaced
 * once per 401 by a refreshed one, kept in memory only (the Python client owns the file, so it is not rewritten).
 */
final class Bearer {

    private final String refreshToken;
    private volatile String current;

    private Bearer(String current, String refreshToken) {
        this.current = current;
        this.refreshToken = refreshToken;
    }

    static Bearer fixed(Token token) {
        return new Bearer(token.reveal(), null);
    }

    static Bearer fromFile(TokenFile file) {
        return new Bearer(file.idToken(), file.refreshToken());
    }

    String current() {
        return current;
    }

    boolean refreshable() {
        return refreshToken != null;
    }

    String refreshToken() {
        return refreshToken;
    }

    /**
     * Installs a refreshed id token unless another thread already replaced {@code used}: concurrent 401s of one
     * expired token then cost one refresh each at most, and nobody goes back to an older token.
     */
    synchronized void replace(String used, String refreshed) {
        if (current.equals(used)) {
            current = refreshed;
        }
    }

    /** Whether {@code used} is still the token in force (else a retry may simply use the newer one). */
    boolean stillCurrent(String used) {
        return current.equals(used);
    }

    @Override
    public String toString() {
        return "Bearer[***" + (refreshable() ? ", refreshable" : "") + "]";
    }
}
