package dev.cameltiledb.client.capnp;

/**
 * A Cap'n Proto message that cannot be read: cut short, a pointer out of its segment, nested or amplified past the
 * limits. The message says which struct and field were being read, so a bad answer is named, not just refused.
 */
public final class CapnpFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CapnpFormatException(String message) {
        super(message);
    }
}
