package dev.cameltiledb.client;

import java.util.List;
import java.util.function.Function;

import dev.cameltiledb.client.model.RegisteredTaskGraph;
import dev.cameltiledb.client.model.TaskGraph;
import dev.cameltiledb.client.model.TaskGraphClientNodeStatus;
import dev.cameltiledb.client.model.TaskGraphLog;
import dev.cameltiledb.client.model.TaskGraphLogsData;
import dev.cameltiledb.client.model.TaskGraphs;

/**
 * Task graphs ({@code tiledb.cloud.dag} in batch mode, {@code tiledb.cloud.taskgraphs}): graphs of SQL, UDF, array
 * and input nodes that the service runs in dependency order. A {@link TaskGraph} is created once and submitted for each
 * execution; an execution is a {@link TaskGraphLog}, read again to follow its status and its nodes' tasks (whose
 * logs and results {@link TasksApi} reads). Registered graphs are stored by name ({@code tiledb://namespace/name}) for
 * others to run; they are arrays of file type {@code registered_task_graph}, listed with the array browser.
 * <p>
 * Submitting, retrying and resubmitting start work each time: the client's retries never send them twice once they
 * may have reached the service.
 */
public final class TaskGraphsApi extends RegisteredAssets<RegisteredTaskGraph, RegisteredTaskGraph> {

    static final String FILE_TYPE = "registered_task_graph";
    private static final String V1 = "v1";
    private static final String TASKGRAPHS = "taskgraphs";

    TaskGraphsApi(RestTransport transport, ArraysApi arrays) {
        super(transport, arrays, FILE_TYPE, RegisteredTaskGraph.class);
    }

    /** Creates the graph in {@code namespace} ({@code createTaskGraph}); the answer carries its {@code uuid}. */
    public TaskGraph create(String namespace, TaskGraph graph) {
        if (graph == null || graph.nodes() == null || graph.nodes().isEmpty()) {
            throw new TileDBConfigurationException("A task graph needs at least one node (nodes)");
        }
        return transport.call(in(RestRequest::post, namespace, "graphs").json(graph), transport.type(TaskGraph.class));
    }

    /** The graphs of {@code namespace}, newest first ({@code listTaskGraphs}). */
    public List<TaskGraph> list(String namespace) {
        TaskGraphs graphs = transport.call(in(RestRequest::get, namespace, "graphs"), transport.type(TaskGraphs.class));
        return graphs.graphs() == null ? List.of() : graphs.graphs();
    }

    /** One graph ({@code getTaskGraph}). */
    public TaskGraph get(String namespace, String id) {
        return transport.call(
                in(RestRequest::get, namespace, "graphs", required(id, "task graph id")),
                transport.type(TaskGraph.class));
    }

    /** Changes the graph ({@code updateTaskGraph}). */
    public void update(String namespace, String id, TaskGraph graph) {
        transport.call(in(RestRequest::patch, namespace, "graphs", required(id, "task graph id"))
                .json(graph));
    }

    /** Starts an execution of the graph {@code id} ({@code submitTaskGraph}): its log, to follow with {@link #log}. */
    public TaskGraphLog submit(String namespace, String id) {
        return transport.call(
                in(RestRequest::post, namespace, "graphs", required(id, "task graph id"), "submit")
                        .once(),
                transport.type(TaskGraphLog.class));
    }

    /** Creates the graph and starts its first execution (what a batch {@code DAG.compute()} does). */
    public TaskGraphLog run(String namespace, TaskGraph graph) {
        TaskGraph created = create(namespace, graph);
        if (created.uuid() == null || created.uuid().isBlank()) {
            throw new TileDBException(
                    "TileDB Cloud created the task graph without a uuid, so it cannot be submitted", null);
        }
        return submit(namespace, created.uuid());
    }

    /** One execution, with its nodes, their status and their tasks ({@code getTaskGraphLog}). */
    public TaskGraphLog log(String namespace, String executionId) {
        return transport.call(
                in(RestRequest::get, namespace, "logs", required(executionId, "execution id")),
                transport.type(TaskGraphLog.class));
    }

    /** One page of executions, newest first, as summaries without nodes ({@code listTaskGraphLogs}). */
    public Page<TaskGraphLog> logs(TaskGraphLogQuery query, int page) {
        TaskGraphLogsData data = transport.call(
                RestRequest.get(V1, TASKGRAPHS, "logs")
                        .query("namespace", query.namespace())
                        .query("created_by", query.createdBy())
                        .query("status", query.status())
                        .query("search", query.search())
                        .query("start_time", query.startTime())
                        .query("end_time", query.endTime())
                        .query("page", page)
                        .query("per_page", query.perPage()),
                transport.type(TaskGraphLogsData.class));
        return new Page<>(data.taskGraphLogs(), data.paginationMetadata());
    }

    /**
     * Records an execution the client runs itself ({@code createTaskGraphLog}, a realtime graph); its nodes' SQL and
     * UDF calls then name it ({@code taskGraph(uuid, node)} on their parameters).
     */
    public TaskGraphLog createLog(String namespace, TaskGraphLog log) {
        return transport.call(in(RestRequest::post, namespace, "log").json(log), transport.type(TaskGraphLog.class));
    }

    /**
     * Ends a client-run execution with {@code status}: {@code succeeded}, {@code failed} or {@code cancelled}
     * ({@code updateTaskGraphLog}).
     */
    public void finishLog(String namespace, String executionId, String status) {
        transport.call(in(RestRequest::patch, namespace, "logs", required(executionId, "execution id"))
                .json(TaskGraphLog.statusUpdate(required(status, "status"))));
    }

    /** Reports the status of a node the client ran itself ({@code reportClientNode}). */
    public void reportClientNode(String namespace, String executionId, TaskGraphClientNodeStatus report) {
        transport.call(
                in(RestRequest::post, namespace, "logs", required(executionId, "execution id"), "report_client_node")
                        .json(report));
    }

    /** Runs the failed nodes of an execution again ({@code retryTaskGraphExecution}). */
    public TaskGraphLog retry(String namespace, String executionId) {
        return execution(namespace, executionId, "retry");
    }

    /** Runs the whole graph of an execution again, as a new execution ({@code resubmitTaskGraphExecution}). */
    public TaskGraphLog resubmit(String namespace, String executionId) {
        return execution(namespace, executionId, "resubmit");
    }

    /** Stops an execution ({@code stopTaskGraphExecution}). */
    public void stop(String namespace, String executionId) {
        transport.call(in(RestRequest::post, namespace, "executions", required(executionId, "execution id"), "stop"));
    }

    private TaskGraphLog execution(String namespace, String executionId, String action) {
        return transport.call(
                in(RestRequest::post, namespace, "executions", required(executionId, "execution id"), action)
                        .once(),
                transport.type(TaskGraphLog.class));
    }

    /** {@code /v1/taskgraphs/{namespace}/<tail...>}. */
    private static RestRequest in(Function<String[], RestRequest> method, String namespace, String... tail) {
        String ns = DataPlane.namespace(namespace, "A task graph");
        String[] segments = new String[3 + tail.length];
        segments[0] = V1;
        segments[1] = TASKGRAPHS;
        segments[2] = ns;
        System.arraycopy(tail, 0, segments, 3, tail.length);
        return method.apply(segments).about(DataPlane.about("A task graph (/v1/taskgraphs)"));
    }

    /** {@code /v1/taskgraphs/{namespace}/registered/{name}/<tail...>}. */
    @Override
    RestRequest path(Function<String[], RestRequest> method, AssetRef graph, String... tail) {
        DataPlane.classic(graph, "A registered task graph");
        String[] segments = new String[2 + tail.length];
        segments[0] = "registered";
        segments[1] = graph.name();
        System.arraycopy(tail, 0, segments, 2, tail.length);
        return in(method, graph.namespace(), segments);
    }

    private static String required(String value, String what) {
        AssetRef.requireText(value, what);
        return value;
    }
}
