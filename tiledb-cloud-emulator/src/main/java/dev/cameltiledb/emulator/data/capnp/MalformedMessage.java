package dev.cameltiledb.emulator.data.capnp;

/**
 * A Cap'n Proto message the emulator cannot read: cut short, a pointer out of its segment, a list of the wrong kind, a
 * limit passed. The message names where in the message it happened ({@code Query.reader.subarray.ranges[1].buffer}),
 * so the one who sent it can find the field. The routes answer it as a 400.
 */
public final class MalformedMessage extends RuntimeException {

    public MalformedMessage(String message) {
        super(message, null, false, false);
    }
}
