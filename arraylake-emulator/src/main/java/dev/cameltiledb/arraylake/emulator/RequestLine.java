package dev.cameltiledb.arraylake.emulator;

/**
 * A request as it arrived, in {@link ArraylakeEmulator#requests()}.
 *
 * @param method               HTTP method
 * @param path                 the path as sent, still percent-encoded
 * @param query                the query string without {@code ?} (empty when none), with the value of any
 *                             {@code token} parameter replaced by {@code ***}
 * @param authorizationPresent whether an {@code Authorization} header came along (its value is never kept)
 */
public record RequestLine(String method, String path, String query, boolean authorizationPresent) {}
