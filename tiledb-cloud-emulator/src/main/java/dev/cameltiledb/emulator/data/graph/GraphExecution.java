package dev.cameltiledb.emulator.data.graph;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameltiledb.emulator.data.Caller;
import dev.cameltiledb.emulator.data.EngineException;
import dev.cameltiledb.emulator.data.task.TaskStatus;
import dev.cameltiledb.emulator.data.task.TaskStore;
import dev.cameltiledb.emulator.data.udf.Cancellation;

/**
 * One execution of a task graph: which nodes wait, run, completed or failed, and the scheduling that starts every node
 * whose dependencies completed, up to the graph's parallelism, on the engine's bounded pool. A node whose dependency
 * failed or was cancelled is cancelled without running; the rest of the graph goes on. The execution ends when nothing
 * runs and nothing more can start.
 */
final class GraphExecution {

    /** Runs one node to its end; answers the id of the task it left (null for an input node). */
    interface NodeRunner {
        String run(GraphExecution execution, TaskGraphNode node, Cancellation cancellation);
    }

    final String id;
    final TaskGraph graph;
    final Caller caller;
    final String namespace;
    private final Executor executor;
    private final NodeRunner runner;
    private final TaskStore tasks;
    private final Clock clock;
    private final Map<String, NodeState> nodes = new LinkedHashMap<>();
    private final int parallelism;
    private final Instant created;
    private Instant start;
    private Instant end;
    private String status = "submitted";
    private int running;
    private boolean stopped;
    private CompletableFuture<TaskGraphLog> done = new CompletableFuture<>();

    /** A node's state in this execution. */
    static final class NodeState {
        final TaskGraphNode node;
        TaskStatus status = TaskStatus.QUEUED;
        String message;
        final List<String> taskIds = new ArrayList<>();
        Cancellation cancellation;

        NodeState(TaskGraphNode node) {
            this.node = node;
        }
    }

    GraphExecution(
            String id,
            TaskGraph graph,
            Caller caller,
            String namespace,
            Executor executor,
            NodeRunner runner,
            TaskStore tasks,
            Clock clock) {
        this.id = id;
        this.graph = graph;
        this.caller = caller;
        this.namespace = namespace;
        this.executor = executor;
        this.runner = runner;
        this.tasks = tasks;
        this.clock = clock;
        this.created = clock.instant();
        graph.nodes().forEach(n -> nodes.put(n.clientNodeId(), new NodeState(n)));
        this.parallelism = graph.parallelism() == null || graph.parallelism() < 1
                ? Integer.MAX_VALUE
                : (int) Math.min(Integer.MAX_VALUE, graph.parallelism());
    }

    synchronized void begin() {
        start = clock.instant();
        status = "running";
        schedule();
    }

    /** Runs the failed and cancelled nodes again (and what waited for them); a 409 while the execution runs. */
    synchronized void retry() {
        if (!finished()) {
            throw EngineException.conflict(
                    "task graph execution " + id + " is still " + status + "; retry it when it ends");
        }
        for (NodeState n : nodes.values()) {
            if (n.status != TaskStatus.COMPLETED) {
                n.status = TaskStatus.QUEUED;
                n.message = null;
            }
        }
        stopped = false;
        end = null;
        done = new CompletableFuture<>();
        status = "running";
        schedule();
    }

    /** Stops the execution: running nodes are killed, waiting ones cancelled. */
    void stop() {
        List<Cancellation> live = new ArrayList<>();
        synchronized (this) {
            if (finished()) {
                return;
            }
            stopped = true;
            for (NodeState n : nodes.values()) {
                if (n.status == TaskStatus.QUEUED) {
                    n.status = TaskStatus.CANCELLED;
                    n.message = "the execution was stopped";
                } else if (n.status == TaskStatus.RUNNING && n.cancellation != null) {
                    live.add(n.cancellation);
                }
            }
        }
        live.forEach(Cancellation::stop);
        synchronized (this) {
            schedule();
        }
    }

    /** The node's latest task, whose stored result is its output; null for an input node or one that left none. */
    synchronized String latestTask(String clientNodeId) {
        NodeState n = nodes.get(clientNodeId);
        return n == null || n.taskIds.isEmpty() ? null : n.taskIds.get(n.taskIds.size() - 1);
    }

    synchronized TaskGraphNode node(String clientNodeId) {
        NodeState n = nodes.get(clientNodeId);
        return n == null ? null : n.node;
    }

    synchronized CompletableFuture<TaskGraphLog> completion() {
        return done;
    }

    synchronized boolean finished() {
        return status.equals("succeeded") || status.equals("failed") || status.equals("cancelled");
    }

    Instant created() {
        return created;
    }

    /** Starts what can start, cancels what never can, and ends the execution when nothing is left to do. */
    private void schedule() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (NodeState n : nodes.values()) {
                if (n.status != TaskStatus.QUEUED) {
                    continue;
                }
                for (String dep : n.node.dependsOn()) {
                    TaskStatus d = nodes.get(dep).status;
                    if (d == TaskStatus.FAILED || d == TaskStatus.CANCELLED) {
                        n.status = TaskStatus.CANCELLED;
                        n.message = "not run: node " + dep + " it depends on "
                                + d.name().toLowerCase(java.util.Locale.ROOT);
                        changed = true;
                        break;
                    }
                }
            }
        }
        if (!stopped) {
            for (NodeState n : nodes.values()) {
                if (running >= parallelism) {
                    break;
                }
                if (n.status == TaskStatus.QUEUED
                        && n.node.dependsOn().stream().allMatch(d -> nodes.get(d).status == TaskStatus.COMPLETED)) {
                    n.status = TaskStatus.RUNNING;
                    n.cancellation = new Cancellation();
                    running++;
                    executor.execute(() -> run(n));
                }
            }
        }
        if (running == 0 && nodes.values().stream().noneMatch(n -> n.status == TaskStatus.RUNNING)) {
            boolean waiting = nodes.values().stream().anyMatch(n -> n.status == TaskStatus.QUEUED);
            if (!waiting || stopped) {
                end = clock.instant();
                boolean all = nodes.values().stream().allMatch(n -> n.status == TaskStatus.COMPLETED);
                status = all ? "succeeded" : stopped ? "cancelled" : "failed";
                done.complete(log());
                return;
            }
        }
    }

    private void run(NodeState n) {
        TaskStatus outcome = TaskStatus.COMPLETED;
        String message = null;
        String taskId = null;
        try {
            taskId = runner.run(this, n.node, n.cancellation);
        } catch (EngineException e) {
            taskId = e.taskId();
            outcome = n.cancellation.stopped() ? TaskStatus.CANCELLED : TaskStatus.FAILED;
            message = e.getMessage();
        } catch (RuntimeException e) {
            outcome = TaskStatus.FAILED;
            message = "the node failed in the emulator: " + e;
        }
        synchronized (this) {
            if (taskId != null) {
                n.taskIds.add(taskId);
            }
            n.status = outcome;
            n.message = message;
            n.cancellation = null;
            running--;
            schedule();
        }
    }

    /** The execution as the spec's {@code TaskGraphLog}. */
    synchronized TaskGraphLog log() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<TaskGraphLog.NodeMetadata> metadata = new ArrayList<>();
        for (NodeState n : nodes.values()) {
            counts.merge(n.status.name(), 1, Integer::sum);
            metadata.add(new TaskGraphLog.NodeMetadata(
                    n.node.clientNodeId(),
                    n.node.name(),
                    n.node.dependsOn(),
                    "server",
                    n.status.name(),
                    n.message,
                    n.taskIds.stream()
                            .map(t -> tasks.get(t).map(r -> r.task()).orElse(null))
                            .filter(java.util.Objects::nonNull)
                            .toList()));
        }
        Instant to = end != null ? end : clock.instant();
        return new TaskGraphLog(
                id,
                namespace,
                caller.username(),
                graph.name(),
                created.toString(),
                start == null ? null : start.toString(),
                end == null ? null : end.toString(),
                status,
                0.0,
                0.0,
                0.0,
                start == null ? null : Duration.between(start, to).toString(),
                counts,
                metadata,
                graph.taskGraphType(),
                graph.uuid());
    }

    /** An input node's value. */
    static JsonNode inputValue(TaskGraphNode node) {
        return node.inputNode().defaultValue();
    }
}
