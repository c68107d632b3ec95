package dev.cameltiledb.emulator.common;

/**
 * A registered route: its method and path template ({@code /v1/arrays/{namespace}/{array}}), the transaction it runs
 * in, whether it is answered without credentials ({@code open}), whether its handler reads the request body as a
 * stream itself ({@code streamedBody}: an upload, received before the transaction) rather than the dispatcher reading
 * it whole first, and the service's handler.
 */
public record Route<H>(String method, String path, Access access, boolean open, boolean streamedBody, H handler) {}
