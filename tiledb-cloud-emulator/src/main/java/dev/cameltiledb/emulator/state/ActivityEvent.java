package dev.cameltiledb.emulator.state;

import java.time.Instant;

/** One entry of an array's activity log. */
public record ActivityEvent(
        String id,
        Instant eventAt,
        String action,
        String username,
        long bytesSent,
        long bytesReceived,
        String arrayTaskId) {}
