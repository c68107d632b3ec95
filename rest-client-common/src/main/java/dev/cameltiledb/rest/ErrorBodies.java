package dev.cameltiledb.rest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Error answers are read for their message only: a proxy's HTML page, or an endless body, must not fill the heap. */
public final class ErrorBodies {

    /** The most of an error body read; the rest is left unread (the connection is then closed, not drained). */
    public static final int MAX_BYTES = 16 * 1024;

    private static final int SHOWN_CHARS = 300;

    private ErrorBodies() {}

    /** Up to {@link #MAX_BYTES} of the body as text, stripped; null without a body. Ends the answer. */
    public static String read(OpenAnswer answer) throws IOException {
        byte[] head = answer.readAtMost(MAX_BYTES);
        return head == null ? null : new String(head, StandardCharsets.UTF_8).strip();
    }

    /** A page of text on one line, cut to {@value #SHOWN_CHARS} characters: enough to recognise, not a page of markup. */
    public static String abbreviate(String body) {
        String oneLine = body.replaceAll("\\s+", " ");
        return oneLine.length() > SHOWN_CHARS ? oneLine.substring(0, SHOWN_CHARS) + "..." : oneLine;
    }
}
