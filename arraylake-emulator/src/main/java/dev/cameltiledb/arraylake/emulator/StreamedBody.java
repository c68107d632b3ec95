package dev.cameltiledb.arraylake.emulator;

import java.io.IOException;
import java.io.OutputStream;

/**
 * An answer body written while it is produced, outside the state's monitor, rather than built whole first: a
 * service's log, which a follower may read for minutes. {@link #head()} is what a recorded exchange keeps of it.
 */
interface StreamedBody {

    String contentType();

    /** The first bytes the body will write (the lines known when the request was answered), for the recording. */
    byte[] head();

    /** Writes the body; returns when it is complete, or throws when the client went away. */
    void writeTo(OutputStream out) throws IOException;
}
