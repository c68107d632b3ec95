package dev.cameltiledb.emulator.data.graph;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameltiledb.emulator.data.Caller;
import dev.cameltiledb.emulator.data.EngineException;
import dev.cameltiledb.emulator.data.ResultFormat;
import dev.cameltiledb.emulator.data.StreamedAnswer;
import dev.cameltiledb.emulator.data.sql.SqlParameters;
import dev.cameltiledb.emulator.data.sql.SqlService;
import dev.cameltiledb.emulator.data.store.Documents;
import dev.cameltiledb.emulator.data.task.TaskRecord;
import dev.cameltiledb.emulator.data.task.TaskStore;
import dev.cameltiledb.emulator.data.task.TaskType;
import dev.cameltiledb.emulator.data.udf.Cancellation;
import dev.cameltiledb.emulator.data.udf.NodeOutputs;
import dev.cameltiledb.emulator.data.udf.ResultValues;
import dev.cameltiledb.emulator.data.udf.UdfCall;
import dev.cameltiledb.emulator.data.udf.UdfService;

/**
 * Server-side task graphs ({@code /v1/taskgraphs/{namespace}/graphs}, {@code .../graphs/{id}/submit},
 * {@code .../executions/{id}} with {@code retry}, {@code resubmit} and {@code stop}): a graph is checked (unique node
 * ids, known dependencies, no cycle, one kind per node, node outputs only from dependencies) and kept; each submission
 * is an execution whose nodes run on a pool of {@code graphThreads} threads shared by all graphs, in dependency order,
 * at most the graph's {@code parallelism} at once. Every SQL and UDF node leaves a task that names the execution and
 * the node and keeps its result (the output later nodes get, and {@code /v1/task/{id}/result} serves). Graphs persist
 * with the engine's records; executions live as long as the engine.
 */
public final class TaskGraphService implements AutoCloseable {

    private static final String KIND = "task-graph";
    private static final String REGISTERED = "registered-task-graph";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Documents documents;
    private final SqlService sql;
    private final UdfService udfs;
    private final TaskStore tasks;
    private final Clock clock;
    private final ExecutorService pool;
    private final Map<String, TaskGraph> graphs = new ConcurrentHashMap<>();
    private final Map<String, GraphExecution> executions = new ConcurrentHashMap<>();
    /** Registered graphs by {@code namespace/name}. */
    private final Map<String, RegisteredTaskGraph> registeredByName = new ConcurrentHashMap<>();

    public TaskGraphService(
            Documents documents, SqlService sql, UdfService udfs, TaskStore tasks, Clock clock, int threads) {
        this.documents = documents;
        this.sql = sql;
        this.udfs = udfs;
        this.tasks = tasks;
        this.clock = clock;
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "task-graph-node-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        graphs.putAll(documents.loadAll(KIND, TaskGraph.class));
        // stored by uuid, looked up by namespace/name
        documents
                .loadAll(REGISTERED, RegisteredTaskGraph.class)
                .values()
                .forEach(g -> registeredByName.put(g.namespace() + "/" + g.name(), g));
    }

    /** {@code POST /v1/taskgraphs/{namespace}/registered/{name}}: a 409 when the name is taken. */
    public synchronized void register(Caller caller, String namespace, String name, RegisteredTaskGraph body) {
        member(caller, namespace);
        if (name == null || name.isBlank() || name.contains("/")) {
            throw EngineException.badRequest("a registered task graph's name must be non-empty, without '/'");
        }
        if (registeredByName.containsKey(namespace + "/" + name)) {
            throw EngineException.conflict("task graph " + namespace + "/" + name + " is registered already");
        }
        check(TaskGraph.of(name, body == null ? null : body.nodes()));
        keep(body.at(UUID.randomUUID().toString(), namespace, name));
    }

    /** {@code GET /v1/taskgraphs/{namespace}/registered/{name}}. */
    public RegisteredTaskGraph registered(Caller caller, String namespace, String name) {
        member(caller, namespace);
        RegisteredTaskGraph graph = registeredByName.get(namespace + "/" + name);
        if (graph == null) {
            throw EngineException.notFound("no task graph is registered as " + namespace + "/" + name);
        }
        return graph;
    }

    /** {@code PATCH /v1/taskgraphs/{namespace}/registered/{name}}: the fields given replace the registered ones. */
    public synchronized void updateRegistered(Caller caller, String namespace, String name, RegisteredTaskGraph body) {
        RegisteredTaskGraph updated = registered(caller, namespace, name).updatedBy(body);
        check(TaskGraph.of(name, updated.nodes()));
        keep(updated);
    }

    /** {@code DELETE /v1/taskgraphs/{namespace}/registered/{name}}. */
    public synchronized void deleteRegistered(Caller caller, String namespace, String name) {
        RegisteredTaskGraph graph = registered(caller, namespace, name);
        registeredByName.remove(namespace + "/" + name);
        documents.remove(REGISTERED, graph.uuid());
    }

    /** Starts an execution of a registered graph (what a client does by sending its nodes as a graph). */
    public TaskGraphLog submitRegistered(Caller caller, String namespace, String name) {
        RegisteredTaskGraph graph = registered(caller, namespace, name);
        return start(caller, namespace, TaskGraph.of(name, graph.nodes()));
    }

    private void keep(RegisteredTaskGraph graph) {
        registeredByName.put(graph.namespace() + "/" + graph.name(), graph);
        documents.put(REGISTERED, graph.uuid(), graph);
    }

    /** {@code POST /v1/taskgraphs/{namespace}/graphs}: checks and keeps the graph; answers it with its uuid. */
    public TaskGraph create(Caller caller, String namespace, TaskGraph body) {
        member(caller, namespace);
        check(body);
        TaskGraph graph = body.registered(
                UUID.randomUUID().toString(),
                namespace,
                caller.username(),
                clock.instant().toString());
        graphs.put(graph.uuid(), graph);
        documents.put(KIND, graph.uuid(), graph);
        return graph;
    }

    /** {@code GET /v1/taskgraphs/{namespace}/graphs/{id}}. */
    public TaskGraph get(Caller caller, String namespace, String id) {
        member(caller, namespace);
        TaskGraph graph = graphs.get(id);
        if (graph == null || !graph.namespace().equals(namespace)) {
            throw EngineException.notFound("task graph " + id + " does not exist in " + namespace);
        }
        return graph;
    }

    /** {@code GET /v1/taskgraphs/{namespace}/graphs}: newest first. */
    public List<TaskGraph> list(Caller caller, String namespace) {
        member(caller, namespace);
        return graphs.values().stream()
                .filter(g -> g.namespace().equals(namespace))
                .sorted(Comparator.comparing(TaskGraph::createdAt).reversed())
                .toList();
    }

    /** {@code POST /v1/taskgraphs/{namespace}/graphs/{id}/submit}: starts an execution; answers its log at once. */
    public TaskGraphLog submit(Caller caller, String namespace, String graphId) {
        return start(caller, namespace, get(caller, namespace, graphId));
    }

    /** {@code GET /v1/taskgraphs/{namespace}/logs/{id}}: the execution as it is now. */
    public TaskGraphLog execution(Caller caller, String namespace, String executionId) {
        return found(caller, namespace, executionId).log();
    }

    /**
     * {@code GET /v1/taskgraphs/logs}: the executions in the caller's namespaces, newest first, as they are now. Only
     * this run's executions: they are kept in memory, so a restarted emulator lists none (their tasks stay).
     */
    public List<TaskGraphLog> executions(Caller caller) {
        return executions.values().stream()
                .filter(e -> caller.namespaces().contains(e.namespace))
                .map(GraphExecution::log)
                .sorted(Comparator.comparing(TaskGraphLog::createdAt, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(TaskGraphLog::uuid))
                .toList();
    }

    /** The execution's end (for a route or a test to wait on without polling). */
    public CompletableFuture<TaskGraphLog> completion(Caller caller, String namespace, String executionId) {
        return found(caller, namespace, executionId).completion();
    }

    /** {@code POST .../executions/{id}/retry}: runs its failed and cancelled nodes again, in the same execution. */
    public TaskGraphLog retry(Caller caller, String namespace, String executionId) {
        GraphExecution e = found(caller, namespace, executionId);
        e.retry();
        return e.log();
    }

    /** {@code POST .../executions/{id}/resubmit}: a new execution of the same graph. */
    public TaskGraphLog resubmit(Caller caller, String namespace, String executionId) {
        GraphExecution e = found(caller, namespace, executionId);
        return start(caller, namespace, e.graph);
    }

    /** {@code POST .../executions/{id}/stop}. */
    public void stop(Caller caller, String namespace, String executionId) {
        found(caller, namespace, executionId).stop();
    }

    private TaskGraphLog start(Caller caller, String namespace, TaskGraph graph) {
        GraphExecution e = new GraphExecution(
                UUID.randomUUID().toString(), graph, caller, namespace, pool, this::runNode, tasks, clock);
        executions.put(e.id, e);
        TaskGraphLog submitted = e.log();
        e.begin();
        return submitted;
    }

    private GraphExecution found(Caller caller, String namespace, String executionId) {
        member(caller, namespace);
        GraphExecution e = executions.get(executionId);
        if (e == null || !e.namespace.equals(namespace)) {
            throw EngineException.notFound("task graph execution " + executionId + " does not exist in " + namespace);
        }
        return e;
    }

    /** Runs one node; the task it leaves keeps its result, its output for the nodes after it. */
    private String runNode(GraphExecution e, TaskGraphNode node, Cancellation cancellation) {
        NodeOutputs outputs = id -> output(e, id);
        if (node.inputNode() != null) {
            return null;
        }
        if (node.sqlNode() != null) {
            TaskGraphNode.SqlNode s = node.sqlNode();
            List<Object> parameters = new ArrayList<>();
            if (s.parameters() != null) {
                for (int i = 0; i < s.parameters().size(); i++) {
                    JsonNode plain = ResultValues.plain(
                            resolve(s.parameters().get(i), outputs),
                            "parameter " + i + " of node " + node.clientNodeId());
                    parameters.add(MAPPER.convertValue(plain, Object.class));
                }
            }
            SqlParameters request = SqlParameters.of(s.query())
                    .withResultFormat(s.resultFormat() == null ? "json" : s.resultFormat())
                    .withInit(s.initCommands(), parameters)
                    .withStorage(null, true, true)
                    .inGraph(e.id, node.clientNodeId());
            String ns = s.namespace() == null ? e.namespace : s.namespace();
            try (StreamedAnswer answer = sql.run(e.caller, ns, request)) {
                return answer.taskId();
            }
        }
        TaskGraphNode.UdfNode u = node.udfNode();
        TaskGraphNode.Environment env = u.environment();
        UdfCall call = new UdfCall(
                u.registeredUdfName(),
                env == null ? null : env.language(),
                env == null ? null : env.languageVersion(),
                env == null ? null : env.imageName(),
                null,
                null,
                u.executableCode(),
                u.sourceText(),
                null,
                u.arguments() == null ? List.of() : u.arguments(),
                null,
                u.resultFormat() == null ? "json" : u.resultFormat(),
                node.name(),
                true,
                env == null ? null : env.timeout(),
                true,
                null,
                null,
                null,
                null,
                e.id,
                node.clientNodeId());
        String ns = env == null || env.namespace() == null ? e.namespace : env.namespace();
        try (UdfService.Ran ran = udfs.run(e.caller, ns, call, TaskType.BATCH_UDF, outputs, cancellation)) {
            return ran.taskId();
        }
    }

    /** A node's output as the TileDB JSON value a later node's argument takes. */
    private JsonNode output(GraphExecution e, String clientNodeId) {
        TaskGraphNode node = e.node(clientNodeId);
        if (node == null) {
            throw EngineException.badRequest("an argument refers to node " + clientNodeId + ", which the graph lacks");
        }
        if (node.inputNode() != null) {
            JsonNode value = GraphExecution.inputValue(node);
            return value == null ? MAPPER.nullNode() : value;
        }
        String taskId = e.latestTask(clientNodeId);
        TaskRecord r = taskId == null ? null : tasks.get(taskId).orElse(null);
        if (r == null || !r.resultStored()) {
            return MAPPER.nullNode();
        }
        ResultFormat format = ResultFormat.parse(r.task().resultFormat(), ResultFormat.JSON, "result_format");
        return ResultValues.encode(tasks.resultBytes(taskId), format, "the output of node " + clientNodeId);
    }

    /** The value with every {@code node_output} replaced by that node's output. */
    private static JsonNode resolve(JsonNode value, NodeOutputs outputs) {
        if (value == null) {
            return MAPPER.nullNode();
        }
        if (value.isArray()) {
            ArrayNode out = MAPPER.createArrayNode();
            value.forEach(v -> out.add(resolve(v, outputs)));
            return out;
        }
        if (value.isObject()) {
            if ("node_output".equals(value.path("__tdbudf__").asText())) {
                return outputs.output(value.path("client_node_id").asText());
            }
            ObjectNode out = MAPPER.createObjectNode();
            value.fields().forEachRemaining(f -> out.set(f.getKey(), resolve(f.getValue(), outputs)));
            return out;
        }
        return value;
    }

    /** Refuses a graph the engine cannot run, naming the node and what is wrong. */
    private static void check(TaskGraph graph) {
        if (graph == null || graph.nodes().isEmpty()) {
            throw EngineException.badRequest("a task graph needs nodes");
        }
        Map<String, TaskGraphNode> byId = new HashMap<>();
        for (TaskGraphNode n : graph.nodes()) {
            if (n.clientNodeId() == null || n.clientNodeId().isBlank()) {
                throw EngineException.badRequest("every node needs a client_node_id");
            }
            if (byId.put(n.clientNodeId(), n) != null) {
                throw EngineException.badRequest("client_node_id " + n.clientNodeId() + " is given twice");
            }
            int kinds = (n.inputNode() != null ? 1 : 0)
                    + (n.sqlNode() != null ? 1 : 0)
                    + (n.udfNode() != null ? 1 : 0)
                    + (n.arrayNode() != null && !n.arrayNode().isNull() ? 1 : 0);
            if (kinds != 1) {
                throw EngineException.badRequest("node " + n.clientNodeId()
                        + " must have exactly one of input_node, sql_node, udf_node, array_node; it has " + kinds);
            }
            if (n.arrayNode() != null && !n.arrayNode().isNull()) {
                throw new EngineException(
                        501,
                        "node " + n.clientNodeId()
                                + " is an array_node, which the emulator does not run; pass the slice as a UDF argument");
            }
            if (n.sqlNode() != null
                    && (n.sqlNode().query() == null || n.sqlNode().query().isBlank())) {
                throw EngineException.badRequest("node " + n.clientNodeId() + ": sql_node.query is missing");
            }
        }
        for (TaskGraphNode n : graph.nodes()) {
            for (String dep : n.dependsOn()) {
                if (!byId.containsKey(dep)) {
                    throw EngineException.badRequest(
                            "node " + n.clientNodeId() + " depends on " + dep + ", which the graph lacks");
                }
            }
            Set<String> referred = new HashSet<>();
            references(MAPPER.valueToTree(n), referred);
            for (String ref : referred) {
                if (!n.dependsOn().contains(ref)) {
                    throw EngineException.badRequest("node " + n.clientNodeId() + " uses the output of " + ref
                            + " without depending on it (add it to depends_on)");
                }
            }
        }
        Set<String> done = new HashSet<>();
        Set<String> visiting = new HashSet<>();
        for (String id : byId.keySet()) {
            acyclic(id, byId, visiting, done);
        }
    }

    private static void acyclic(String id, Map<String, TaskGraphNode> byId, Set<String> visiting, Set<String> done) {
        if (done.contains(id)) {
            return;
        }
        if (!visiting.add(id)) {
            throw EngineException.badRequest("the graph's dependencies form a cycle through node " + id);
        }
        for (String dep : byId.get(id).dependsOn()) {
            acyclic(dep, byId, visiting, done);
        }
        visiting.remove(id);
        done.add(id);
    }

    private static void references(JsonNode value, Set<String> into) {
        if (value.isObject() && "node_output".equals(value.path("__tdbudf__").asText())) {
            into.add(value.path("client_node_id").asText());
            return;
        }
        value.forEach(v -> references(v, into));
    }

    private static void member(Caller caller, String namespace) {
        if (!caller.namespaces().contains(namespace)) {
            throw EngineException.forbidden(caller.username() + " may not use task graphs in " + namespace);
        }
    }

    /** Stops every execution and the pool. */
    @Override
    public void close() {
        executions.values().forEach(GraphExecution::stop);
        pool.shutdownNow();
        try {
            // nodes end promptly once stopped; the database closes after them
            pool.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
