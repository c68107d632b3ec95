package dev.cameltiledb.client;

import java.util.Locale;

/** TileDB Cloud hosts and the normalisation every host option goes through. */
public final class TileDBHosts {

    public static final String DEFAULT = "https://api.tiledb.com";
    public static final String AWS_US_EAST_1 = "https://us-east-1.aws.api.tiledb.com";
    public static final String AWS_US_WEST_2 = "https://us-west-2.aws.api.tiledb.com";
    public static final String AWS_EU_WEST_1 = "https://eu-west-1.aws.api.tiledb.com";
    public static final String AWS_EU_WEST_2 = "https://eu-west-2.aws.api.tiledb.com";
    public static final String AWS_AP_SOUTHEAST_1 = "https://ap-southeast-1.aws.api.tiledb.com";

    private TileDBHosts() {}

    /**
     * Gives a host the form requests are built on: {@code https://} when no scheme is given (as the Python client's
     * {@code login(host=...)} does), no trailing slash, and no {@code /v1} suffix (every request path carries its
     * own API version).
     */
    public static String normalize(String host) {
        if (host == null || host.isBlank()) {
            return DEFAULT;
        }
        String h = host.strip();
        String lower = h.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            h = "https://" + h;
        }
        while (h.endsWith("/")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.endsWith("/v1") || h.endsWith("/v2")) {
            h = h.substring(0, h.length() - 3);
        }
        try {
            if (java.net.URI.create(h).getHost() == null) {
                throw new IllegalArgumentException("no host name");
            }
        } catch (IllegalArgumentException e) {
            throw new TileDBConfigurationException(
                    "The host option (or TILEDB_REST_HOST) is not a URL of a host: '" + host + "' (" + e.getMessage()
                            + ")",
                    e);
        }
        return h;
    }
}
