package dev.cameltiledb.arraylake.client;

import org.apache.hc.core5.http.message.BasicHeader;

/**
 * The Authorization header. HttpClient's header log ({@code org.apache.hc.client5.http.headers} at DEBUG) prints each
 * header through toString, so the value is kept out of it while still going on the wire.
 */
final class RedactedHeader extends BasicHeader {

    private static final long serialVersionUID = 1L;

    RedactedHeader(String name, String value) {
        super(name, value, true);
    }

    @Override
    public String toString() {
        return getName() + ": [redacted]";
    }
}
