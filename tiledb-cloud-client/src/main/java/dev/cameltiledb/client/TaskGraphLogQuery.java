package dev.cameltiledb.client;

import java.time.Instant;

/**
 * The filters of the task graph execution listing ({@code GET /v1/taskgraphs/logs}), as the spec names them; null
 * leaves one out.
 *
 * @param namespace only executions of this namespace
 * @param createdBy only executions this user started
 * @param status    only executions in this status ({@code running}, {@code succeeded}, {@code failed}...)
 * @param search    matches the name
 * @param startTime only executions created at or after this time
 * @param endTime   only executions created at or before this time
 * @param perPage   executions per page
 */
public record TaskGraphLogQuery(
        String namespace,
        String createdBy,
        String status,
        String search,
        Instant startTime,
        Instant endTime,
        Integer perPage) {

    public static final TaskGraphLogQuery ALL = new TaskGraphLogQuery(null, null, null, null, null, null, null);
}
