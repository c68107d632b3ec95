package dev.cameltiledb.client;

/**
 * The window and filters of an activity log request. Times are epoch seconds; a null start means the service's
 * default (seven days ago), a null end means now.
 *
 * @param start      window start, inclusive, epoch seconds
 * @param end        window end, epoch seconds
 * @param eventTypes an {@code ActivityEventType}, or several separated by commas
 * @param taskId     only events of this array task
 * @param hasTaskId  only events that carry a task id
 */
public record ActivityQuery(Long start, Long end, String eventTypes, String taskId, Boolean hasTaskId) {}
