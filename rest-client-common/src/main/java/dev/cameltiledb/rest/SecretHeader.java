package dev.cameltiledb.rest;

import org.apache.hc.core5.http.message.BasicHeader;

/**
 * A header whose value goes on the wire but never into a log: HttpClient's header logger
 * ({@code org.apache.hc.client5.http.headers} at DEBUG) prints headers through {@link #toString()}. Its wire log
 * ({@code org.apache.hc.client5.http.wire}) prints raw bytes and so the value: never enable it where secrets matter.
 */
public final class SecretHeader extends BasicHeader {

    private static final long serialVersionUID = 1L;

    public SecretHeader(String name, String value) {
        super(name, value, true);
    }

    @Override
    public String toString() {
        return getName() + ": " + Redaction.HIDDEN;
    }
}
