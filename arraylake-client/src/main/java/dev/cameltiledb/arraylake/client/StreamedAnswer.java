package dev.cameltiledb.arraylake.client;

import dev.cameltiledb.rest.OpenAnswer;

/**
 * A successful answer whose body is still to be read, at the reader's pace, with what its messages name: the call
 * ({@code method} and {@code path}, no query) and the service's request id.
 */
record StreamedAnswer(OpenAnswer open, String method, String path, String requestId) {}
