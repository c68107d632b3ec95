package dev.cameltiledb.emulator;

/**
 * A request as it arrives, before the emulator handles it: what a {@link TileDBEmulator#onRequest} hook receives.
 *
 * @param method  HTTP method
 * @param rawPath the path exactly as sent, still percent-encoded
 * @param query   the raw query string, without {@code ?}; empty when there is none
 */
public record RequestLine(String method, String rawPath, String query) {}
