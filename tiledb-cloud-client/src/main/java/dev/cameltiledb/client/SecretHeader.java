package dev.cameltiledb.client;

import org.apache.hc.core5.http.message.BasicHeader;

/**
 * A header whose value goes on the wire but never into a log: HttpClient's header logger
 * ({@code org.apache.hc.client5.http.headers} at DEBUG) prints headers through {@link #toString()}.
 */
final class SecretHeader extends BasicHeader {

    private static final long serialVersionUID = 1L;

    SecretHeader(String name, String value) {
        super(name, value, true);
    }

    @Override
    public String toString() {
        return getName() + ": xxxxxx";
    }
}
