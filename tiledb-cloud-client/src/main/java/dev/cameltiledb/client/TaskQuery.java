package dev.cameltiledb.client;

import java.util.List;

/**
 * The filters of the array task listing ({@code GET /v1/tasks}), as the spec names them; null or empty leaves one out.
 *
 * @param namespace        only tasks of this namespace
 * @param createdBy        only tasks this user ran
 * @param array            only tasks on this array (its name or URI)
 * @param start            only tasks started at or after this time, epoch seconds
 * @param end              only tasks started at or before this time, epoch seconds
 * @param type             only tasks of this type ({@code QUERY}, {@code SQL}, {@code UDF}, {@code GENERIC_UDF},
 *                         {@code BATCH_UDF}, {@code CLIENT_COMPUTATION})
 * @param excludeTypes     no tasks of these types
 * @param fileTypes        only tasks on arrays of these file types
 * @param excludeFileTypes no tasks on arrays of these file types
 * @param status           only tasks in this status ({@code COMPLETED}, {@code FAILED}, {@code RUNNING}...)
 * @param search           matches the array's name, namespace or description
 * @param orderBy          {@code start_time} or {@code name}
 * @param perPage          tasks per page
 */
public record TaskQuery(
        String namespace,
        String createdBy,
        String array,
        Long start,
        Long end,
        String type,
        List<String> excludeTypes,
        List<String> fileTypes,
        List<String> excludeFileTypes,
        String status,
        String search,
        String orderBy,
        Integer perPage) {

    public static final TaskQuery ALL =
            new TaskQuery(null, null, null, null, null, null, null, null, null, null, null, null, null);
}
