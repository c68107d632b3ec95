package dev.cameltiledb.component.producer;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.cameltiledb.client.AssetRef;
import dev.cameltiledb.client.TaskGraphLogQuery;
import dev.cameltiledb.client.TaskGraphsApi;
import dev.cameltiledb.client.TileDBClient;
import dev.cameltiledb.client.TileDBConfigurationException;
import dev.cameltiledb.client.TileDBException;
import dev.cameltiledb.client.model.ArrayTask;
import dev.cameltiledb.client.model.RegisteredTaskGraph;
import dev.cameltiledb.client.model.TaskGraph;
import dev.cameltiledb.client.model.TaskGraphLog;
import dev.cameltiledb.client.model.TaskGraphNodeMetadata;
import dev.cameltiledb.component.DataOptions;
import dev.cameltiledb.component.TileDBConstants;
import dev.cameltiledb.component.TileDBOperation;
import dev.cameltiledb.component.TileDBResource;
import org.apache.camel.Message;

/**
 * {@code tiledb:taskgraphs}: runs a task graph (the body's, or a registered one) and follows its executions (log,
 * logs, retry, resubmit, stop), optionally waiting for an execution's end; manages registered task graphs
 * ({@link RegisteredOperations}). Submitting, retrying and resubmitting start work each time they are sent, so the
 * client sends them once.
 */
final class TaskGraphsHandler implements ResourceHandler {

    /** Execution statuses that are not a success. */
    private static final Set<String> UNSUCCESSFUL = Set.of("failed", "cancelled", "abandoned");

    private final BodyConverter bodies = new BodyConverter();
    private final RegisteredOperations<RegisteredTaskGraph, RegisteredTaskGraph> registered =
            new RegisteredOperations<>("graphName", "fetch_task_graph", this::registration);

    @Override
    public void handle(TileDBOperation operation, MessageOptions options, Message message, TileDBClient client) {
        TaskGraphsApi graphs = client.taskGraphs();
        DataOptions d = options.data();
        if (operation != TileDBOperation.submit
                && registered.handle(operation, options, message, graphs, d.getGraphName())) {
            return;
        }
        switch (operation) {
            case submit -> submit(operation, options, message, graphs);
            case log ->
                message.setBody(graphs.log(options.requiredNamespace(operation), executionId(operation, options)));
            case logs -> {
                TaskGraphLogQuery query = logQuery(options);
                ListingReply.write(message, options, page -> graphs.logs(query, page));
            }
            case retry, resubmit -> {
                String namespace = options.requiredNamespace(operation);
                String execution = executionId(operation, options);
                TaskGraphLog started = operation == TileDBOperation.retry
                        ? graphs.retry(namespace, execution)
                        : graphs.resubmit(namespace, execution);
                reply(options, message, graphs, namespace, started);
            }
            case stop -> graphs.stop(options.requiredNamespace(operation), executionId(operation, options));
            default -> throw ResourceHandler.notHandled(TileDBResource.taskgraphs, operation);
        }
    }

    /**
     * Runs the registered graph that graphName or tiledbUri names, else the body's {@link TaskGraph}: creates it and
     * starts its first execution, under the namespace option (for a registered graph, its own namespace by default).
     */
    private void submit(TileDBOperation operation, MessageOptions options, Message message, TaskGraphsApi graphs) {
        String namespace;
        TaskGraph graph;
        if (options.hasTiledbUri() || !isBlank(options.data().getGraphName())) {
            AssetRef name = registered.address(
                    operation, options, message, options.data().getGraphName());
            RegisteredTaskGraph stored = graphs.info(name);
            if (stored.nodes() == null || stored.nodes().isEmpty()) {
                throw new TileDBException("The registered task graph " + name.toUri() + " has no nodes to run", null);
            }
            graph = TaskGraph.batch(stored.name() != null ? stored.name() : name.name(), stored.nodes());
            namespace = isBlank(options.namespace()) ? name.namespace() : options.namespace();
        } else {
            graph = bodies.required(message.getBody(), TaskGraph.class, operation);
            namespace = options.requiredNamespace(operation);
        }
        reply(options, message, graphs, namespace, graphs.run(namespace, graph));
    }

    /**
     * The reply of an execution that started: its log, and its id in CamelTileDBExecutionId; with waitForCompletion,
     * the log once it ended (an unsuccessful end fails the exchange, the final log still the body).
     */
    private static void reply(
            MessageOptions options, Message message, TaskGraphsApi graphs, String namespace, TaskGraphLog started) {
        if (started == null || isBlank(started.uuid())) {
            throw new TileDBException(
                    "TileDB Cloud started a task graph execution without naming it (no uuid), so it cannot be followed",
                    null);
        }
        message.setHeader(TileDBConstants.EXECUTION_ID, started.uuid());
        TaskGraphLog log = options.data().isWaitForCompletion()
                ? new CompletionWait(options.data()).until(graphs, namespace, started)
                : started;
        message.setBody(log);
        String result = resultTask(log);
        if (result != null) {
            message.setHeader(TileDBConstants.TASK_ID, result);
        }
        if (log.isFinished() && UNSUCCESSFUL.contains(log.status())) {
            throw new TileDBException(
                    "Task graph execution " + log.uuid() + " ended " + log.status() + failures(log), null);
        }
    }

    /**
     * The task whose result is the graph's: the latest run of the one node no other node depends on; null when there
     * are several such nodes, or it has not run.
     */
    static String resultTask(TaskGraphLog log) {
        if (log.nodes() == null || log.nodes().isEmpty()) {
            return null;
        }
        Set<String> dependedOn = log.nodes().stream()
                .filter(n -> n.dependsOn() != null)
                .flatMap(n -> n.dependsOn().stream())
                .collect(Collectors.toSet());
        List<TaskGraphNodeMetadata> leaves = log.nodes().stream()
                .filter(n -> !dependedOn.contains(n.clientNodeUuid()))
                .toList();
        if (leaves.size() != 1) {
            return null;
        }
        ArrayTask latest = leaves.get(0).latestExecution();
        return latest == null ? null : latest.id();
    }

    /** {@code : node 'a' FAILED (why), node 'b' CANCELLED}: the nodes that did not complete, and why. */
    private static String failures(TaskGraphLog log) {
        if (log.nodes() == null) {
            return "";
        }
        String nodes = log.nodes().stream()
                .filter(n -> n.status() != null && !n.status().equals("COMPLETED"))
                .map(n -> "node '" + (n.name() != null ? n.name() : n.clientNodeUuid()) + "' " + n.status()
                        + (isBlank(n.statusMessage())
                                ? ""
                                : " (" + n.statusMessage().strip() + ")"))
                .collect(Collectors.joining(", "));
        return nodes.isEmpty() ? "" : ": " + nodes;
    }

    private static String executionId(TileDBOperation operation, MessageOptions options) {
        return MessageOptions.require(options.data().getExecutionId(), "executionId", operation);
    }

    /** What registering or updating a graph sends: the body, named as the graph. */
    private RegisteredTaskGraph registration(
            TileDBOperation operation, MessageOptions options, Message message, AssetRef graph) {
        RegisteredTaskGraph body = bodies.required(message.getBody(), RegisteredTaskGraph.class, operation);
        if (operation == TileDBOperation.register
                && (body.nodes() == null || body.nodes().isEmpty())) {
            throw new TileDBConfigurationException(
                    "The register operation of tiledb:taskgraphs needs a graph with nodes in the body");
        }
        return new RegisteredTaskGraph(
                body.uuid(),
                body.namespace(),
                body.name() == null ? graph.name() : body.name(),
                body.readme(),
                body.licenseId(),
                body.licenseText(),
                body.tags(),
                body.nodes());
    }

    /** The filters of the executions listing, from the listing options. */
    private static TaskGraphLogQuery logQuery(MessageOptions options) {
        Long start = MessageOptions.epochSeconds(options.arrays().getStartTime(), "startTime");
        Long end = MessageOptions.epochSeconds(options.arrays().getEndTime(), "endTime");
        return new TaskGraphLogQuery(
                options.namespace(),
                options.workspaces().getCreatedBy(),
                options.listing().getTaskStatus(),
                options.listing().getSearch(),
                start == null ? null : Instant.ofEpochSecond(start),
                end == null ? null : Instant.ofEpochSecond(end),
                options.listing().getPerPage());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
