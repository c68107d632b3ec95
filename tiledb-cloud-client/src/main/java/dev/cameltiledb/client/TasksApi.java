package dev.cameltiledb.client;

import dev.cameltiledb.client.model.ArrayTask;
import dev.cameltiledb.client.model.ArrayTaskBrowserSidebar;
import dev.cameltiledb.client.model.ArrayTaskData;

/**
 * The tasks the service ran on arrays: queries, SQL, UDFs ({@code tiledb.cloud.tasks}: {@code fetch_tasks},
 * {@code task}, {@code fetch_results}). Read only. A task's status, duration, cost and logs are on its
 * {@link ArrayTask}; {@link ArrayTask#isFinished()} tells whether they will still change.
 */
public final class TasksApi {

    private final RestTransport transport;

    TasksApi(RestTransport transport) {
        this.transport = transport;
    }

    /** {@code fetch_tasks}: one page of the tasks the caller may see, filtered. */
    public Page<ArrayTask> list(TaskQuery query, int page) {
        RestRequest request = RestRequest.get("v1", "tasks")
                .query("namespace", query.namespace())
                .query("created_by", query.createdBy())
                .query("array", query.array())
                .query("start", query.start())
                .query("end", query.end())
                .query("page", page)
                .query("per_page", query.perPage())
                .query("type", query.type())
                // the spec gives exclude_type no collection format, which is Swagger's csv: one comma-separated value
                .query("exclude_type", query.excludeTypes() == null ? null : String.join(",", query.excludeTypes()))
                .queryAll("file_type", query.fileTypes())
                .queryAll("exclude_file_type", query.excludeFileTypes())
                .query("status", query.status())
                .query("search", query.search())
                .query("orderby", query.orderBy());
        ArrayTaskData data = transport.call(request, transport.type(ArrayTaskData.class));
        return new Page<>(data.arrayTasks(), data.paginationMetadata());
    }

    /** {@code task(id)}: one task. */
    public ArrayTask get(String id) {
        AssetRef.requireText(id, "task id");
        return transport.call(RestRequest.get("v1", "task", id), transport.type(ArrayTask.class));
    }

    /**
     * {@code tasks.fetch_results}: the stored result of a task ({@code GET /v1/task/{id}/result}), read whole within
     * {@code callTimeout} and {@code maxResponseSize}, labelled with its content type ({@link TaskResult#format()}).
     * While the task still runs the service answers 202: the result is then not {@link TaskResult#ready() ready}. A
     * result that was not stored ({@code storeResults} unset when the task started) or has expired is a
     * {@link TileDBNotFoundException} that says so.
     */
    public TaskResult result(String id) {
        RestRequest request = resultRequest(id);
        try {
            return transport.readBody(
                    request, "; read a large result as a stream (resultStream) instead", TaskResult::read);
        } catch (TileDBNotFoundException e) {
            throw notStored(id, request, e);
        }
    }

    /**
     * The stored result of a task as it arrives, for a result too large for memory (an Arrow stream of a big query);
     * close it when done. While the task still runs the stream is empty and not {@link ResultStream#ready() ready}.
     */
    public ResultStream resultStream(String id) {
        RestRequest request = resultRequest(id);
        try {
            return ResultStream.of(transport.openAnswer(request));
        } catch (TileDBNotFoundException e) {
            throw notStored(id, request, e);
        }
    }

    private static RestRequest resultRequest(String id) {
        AssetRef.requireText(id, "task id");
        return RestRequest.get("v1", "task", id, "result").header("Accept", "*/*");
    }

    private static TileDBNotFoundException notStored(String id, RestRequest request, TileDBNotFoundException e) {
        String said = e.getServiceMessage() == null ? "" : " (the service said: " + e.getServiceMessage() + ")";
        TileDBNotFoundException named = new TileDBNotFoundException(
                404,
                e.getErrorCode(),
                "task " + id + " has no stored result: it was run without storeResults, its result expired, or there"
                        + " is no such task" + said,
                e.getRequestId(),
                request.method(),
                request.path());
        named.initCause(e);
        return named;
    }

    /**
     * How many tasks started in {@code [start, end]} (epoch seconds; the service's default is the last seven days), in
     * all and per namespace ({@code getArrayTasksSidebar}).
     */
    public ArrayTaskBrowserSidebar sidebar(Long start, Long end) {
        return transport.call(
                RestRequest.get("v1", "tasks", "sidebar").query("start", start).query("end", end),
                transport.type(ArrayTaskBrowserSidebar.class));
    }
}
