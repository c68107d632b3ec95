package dev.cameltiledb.client;

/** An HTTP proxy, with optional basic credentials. The password never appears in {@link #toString()}. */
public record ProxySettings(String host, int port, String username, String password) {

    public ProxySettings {
        if (host == null || host.isBlank()) {
            throw new TileDBConfigurationException("proxyHost must not be empty");
        }
        if (port <= 0 || port > 65535) {
            throw new TileDBConfigurationException("proxyPort must be between 1 and 65535, was " + port);
        }
        if (username != null && password == null) {
            throw new TileDBConfigurationException("proxyUser is set but proxyPassword is not");
        }
    }

    @Override
    public String toString() {
        return "ProxySettings[" + host + ":" + port + (username != null ? ", user " + username + ", xxxxxx" : "") + "]";
    }
}
