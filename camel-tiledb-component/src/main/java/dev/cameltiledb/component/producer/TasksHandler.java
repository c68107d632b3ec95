package dev.cameltiledb.component.producer;

import dev.cameltiledb.camel.OptionText;
import dev.cameltiledb.client.TaskQuery;
import dev.cameltiledb.client.TasksApi;
import dev.cameltiledb.client.TileDBClient;
import dev.cameltiledb.component.ListingOptions;
import dev.cameltiledb.component.TileDBOperation;
import dev.cameltiledb.component.TileDBResource;
import org.apache.camel.Message;

/**
 * The {@code tiledb:tasks} operations: the tasks the service ran on arrays, listed with the spec's filters (paged
 * like every listing), one by id, and their count per namespace.
 */
final class TasksHandler implements ResourceHandler {

    @Override
    public void handle(TileDBOperation operation, MessageOptions options, Message message, TileDBClient client) {
        TasksApi tasks = client.tasks();
        Long start = MessageOptions.epochSeconds(options.arrays().getStartTime(), "startTime");
        Long end = MessageOptions.epochSeconds(options.arrays().getEndTime(), "endTime");
        switch (operation) {
            case list -> {
                ListingOptions l = options.listing();
                TaskQuery query = new TaskQuery(
                        options.namespace(),
                        options.workspaces().getCreatedBy(),
                        options.hasTiledbUri() ? options.tiledbUri() : options.array(),
                        start,
                        end,
                        l.getTaskType(),
                        OptionText.list(l.getExcludeTaskTypes()),
                        OptionText.list(l.getFileTypes()),
                        OptionText.list(l.getExcludeFileTypes()),
                        l.getTaskStatus(),
                        l.getSearch(),
                        l.getOrderBy(),
                        l.getPerPage());
                ListingReply.write(message, options, page -> tasks.list(query, page));
            }
            case get ->
                message.setBody(
                        tasks.get(MessageOptions.require(options.arrays().getTaskId(), "taskId", operation)));
            case sidebar -> message.setBody(tasks.sidebar(start, end));
            default -> throw ResourceHandler.notHandled(TileDBResource.tasks, operation);
        }
    }
}
