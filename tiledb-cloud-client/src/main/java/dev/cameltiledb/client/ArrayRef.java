package dev.cameltiledb.client;

import java.util.Objects;

/**
 * Names one asset: a namespace (user or organization) and the asset's name, UUID or storage URI.
 * {@code tiledb://acme/sales} parses to namespace {@code acme}, name {@code sales}; in
 * {@code tiledb://acme/s3://bucket/sales} the name is the storage URI {@code s3://bucket/sales}.
 */
public record ArrayRef(String namespace, String name) {

    public static final String SCHEME = "tiledb://";

    public ArrayRef {
        requireText(namespace, "namespace");
        requireText(name, "name");
    }

    public static ArrayRef parse(String tiledbUri) {
        Objects.requireNonNull(tiledbUri, "tiledbUri");
        if (!tiledbUri.startsWith(SCHEME)) {
            throw new TileDBConfigurationException(
                    "Not a TileDB URI: '" + tiledbUri + "'; expected tiledb://<namespace>/<name>");
        }
        String rest = tiledbUri.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1) {
            throw new TileDBConfigurationException(
                    "Not a TileDB URI: '" + tiledbUri + "'; expected tiledb://<namespace>/<name>");
        }
        return new ArrayRef(rest.substring(0, slash), rest.substring(slash + 1));
    }

    public String toUri() {
        return SCHEME + namespace + "/" + name;
    }

    static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new TileDBConfigurationException("The " + what + " must not be empty");
        }
    }

    @Override
    public String toString() {
        return toUri();
    }
}
