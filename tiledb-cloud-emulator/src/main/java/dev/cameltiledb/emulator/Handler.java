package dev.cameltiledb.emulator;

/** What serves one route: it reads the call and leaves its answer on it ({@code call.json(...)} and the like). */
@FunctionalInterface
interface Handler {
    void handle(HttpCall call);
}
