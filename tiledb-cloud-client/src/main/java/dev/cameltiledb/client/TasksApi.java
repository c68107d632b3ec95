package dev.cameltiledb.client;

import dev.cameltiledb.client.model.ArrayTask;
import dev.cameltiledb.client.model.ArrayTaskBrowserSidebar;
import dev.cameltiledb.client.model.ArrayTaskData;

/**
 * The tasks the service ran on arrays: queries, SQL, UDFs ({@code tiledb.cloud.tasks}: {@code fetch_tasks},
 * {@code task}). Read only.
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
     * How many tasks started in {@code [start, end]} (epoch seconds; the service's default is the last seven days), in
     * all and per namespace ({@code getArrayTasksSidebar}).
     */
    public ArrayTaskBrowserSidebar sidebar(Long start, Long end) {
        return transport.call(
                RestRequest.get("v1", "tasks", "sidebar").query("start", start).query("end", end),
                transport.type(ArrayTaskBrowserSidebar.class));
    }
}
