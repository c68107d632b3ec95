package dev.cameltiledb.component.producer;

import java.io.IOException;

import dev.cameltiledb.camel.OptionText;
import dev.cameltiledb.client.ResultStream;
import dev.cameltiledb.client.TaskQuery;
import dev.cameltiledb.client.TaskResult;
import dev.cameltiledb.client.TasksApi;
import dev.cameltiledb.client.TileDBClient;
import dev.cameltiledb.client.TileDBException;
import dev.cameltiledb.client.model.ResultFormat;
import dev.cameltiledb.component.ListingOptions;
import dev.cameltiledb.component.TileDBOperation;
import dev.cameltiledb.component.TileDBResource;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The {@code tiledb:tasks} operations: the tasks the service ran on arrays, listed with the spec's filters (paged
 * like every listing), one by id, a task's stored result, and their count per namespace.
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
            case result ->
                result(
                        options,
                        message,
                        tasks,
                        MessageOptions.require(options.arrays().getTaskId(), "taskId", operation));
            default -> throw ResourceHandler.notHandled(TileDBResource.tasks, operation);
        }
    }

    /**
     * A stored result: with streamResults the live answer, whatever its format; else read whole (within
     * maxResponseSize), json parsed and any other format as bytes. Its media type goes in Content-Type. A task still
     * running has no result yet: an error that says so.
     */
    private static void result(MessageOptions options, Message message, TasksApi tasks, String id) {
        if (options.listing().isStreamResults()) {
            ResultStream stream = tasks.resultStream(id);
            if (!stream.ready()) {
                try {
                    stream.close();
                } catch (IOException ignored) {
                    // an empty answer: nothing to give back
                }
                throw stillRunning(id);
            }
            TaskReply.closeWithExchange(message, stream);
            message.setBody(stream);
            message.setHeader(Exchange.CONTENT_TYPE, stream.contentType());
            return;
        }
        TaskResult result = tasks.result(id);
        if (!result.ready()) {
            throw stillRunning(id);
        }
        message.setBody(result.format() == ResultFormat.JSON ? result.json() : result.body());
        message.setHeader(Exchange.CONTENT_TYPE, result.contentType());
    }

    private static TileDBException stillRunning(String id) {
        return new TileDBException(
                "Task " + id + " is still running (the service answered 202): its result is not there yet", null);
    }
}
