package dev.cameltiledb.emulator.http;

/** What serves one route: it reads the call and leaves its answer on it ({@code call.json(...)} and the like). */
@FunctionalInterface
public interface Handler {
    void handle(HttpCall call);
}
