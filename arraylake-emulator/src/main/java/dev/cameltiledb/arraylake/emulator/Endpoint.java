package dev.cameltiledb.arraylake.emulator;

import dev.cameltiledb.emulator.common.Answer;

/** What serves one route: a request in, an answer out (an error is thrown as an {@link ApiError}). */
@FunctionalInterface
interface Endpoint {
    Answer handle(Request request);
}
