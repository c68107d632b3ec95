package dev.cameltiledb.emulator.classic;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import dev.cameltiledb.emulator.common.Access;
import dev.cameltiledb.emulator.common.Router;
import dev.cameltiledb.emulator.data.Caller;
import dev.cameltiledb.emulator.data.graph.RegisteredTaskGraph;
import dev.cameltiledb.emulator.data.graph.TaskGraph;
import dev.cameltiledb.emulator.data.graph.TaskGraphLog;
import dev.cameltiledb.emulator.data.graph.TaskGraphService;
import dev.cameltiledb.emulator.http.ApiFailure;
import dev.cameltiledb.emulator.http.Handler;
import dev.cameltiledb.emulator.http.HttpCall;
import dev.cameltiledb.emulator.http.Pagination;
import dev.cameltiledb.emulator.state.EmulatorState;

/**
 * Task graphs run by the server ({@code /v1/taskgraphs/{namespace}/graphs}, their executions' logs, retry, resubmit and
 * stop) and registered task graphs ({@code /v1/taskgraphs/{namespace}/registered/{name}}, arrays of file type
 * {@code registered_task_graph} to the catalog). Submitting answers at once; the nodes run on the engine's pool.
 */
public final class TaskGraphRoutes {

    private final EmulatorState state;
    private final EngineCalls calls;
    private final RegisteredEntries entries;

    TaskGraphRoutes(EmulatorState state, EngineCalls calls) {
        this.state = state;
        this.calls = calls;
        this.entries = new RegisteredEntries(state, "registered_task_graph", "task graph");
    }

    public void register(Router<Handler> router) {
        String ns = "/v1/taskgraphs/{namespace}";
        router.add("POST", ns + "/graphs", Access.OWN, EngineCalls.guarded(this::create))
                .add("GET", ns + "/graphs", Access.OWN, EngineCalls.guarded(this::list))
                .add("GET", ns + "/graphs/{id}", Access.OWN, EngineCalls.guarded(this::get))
                .add("POST", ns + "/graphs/{id}/submit", Access.OWN, EngineCalls.guarded(this::submit))
                .add("GET", "/v1/taskgraphs/logs", Access.OWN, EngineCalls.guarded(this::executions))
                .add("GET", ns + "/logs/{id}", Access.OWN, EngineCalls.guarded(this::execution))
                .add("POST", ns + "/executions/{id}/retry", Access.OWN, EngineCalls.guarded(this::retry))
                .add("POST", ns + "/executions/{id}/resubmit", Access.OWN, EngineCalls.guarded(this::resubmit))
                .add("POST", ns + "/executions/{id}/stop", Access.OWN, EngineCalls.guarded(this::stop))
                .add("GET", ns + "/registered/{name}", EngineCalls.guarded(this::registered))
                .add("POST", ns + "/registered/{name}", EngineCalls.guarded(this::registerGraph))
                .add("PATCH", ns + "/registered/{name}", EngineCalls.guarded(this::updateRegistered))
                .add("DELETE", ns + "/registered/{name}", EngineCalls.guarded(this::deleteRegistered))
                .add("GET", ns + "/registered/{name}/share", EngineCalls.guarded(this::sharing))
                .add("PATCH", ns + "/registered/{name}/share", EngineCalls.guarded(this::share));
    }

    private TaskGraphService graphs() {
        return calls.engine().graphs();
    }

    private void create(HttpCall call) {
        call.json(201, graphs().create(calls.caller(call), call.path("namespace"), call.body(TaskGraph.class)));
    }

    private void list(HttpCall call) {
        call.json(200, new Graphs(graphs().list(calls.caller(call), call.path("namespace"))));
    }

    /** The spec's {@code TaskGraphs}. */
    private record Graphs(List<TaskGraph> graphs) {}

    private void get(HttpCall call) {
        call.json(200, graphs().get(calls.caller(call), call.path("namespace"), call.path("id")));
    }

    private void submit(HttpCall call) {
        call.json(202, graphs().submit(calls.caller(call), call.path("namespace"), call.path("id")));
    }

    private void execution(HttpCall call) {
        call.json(200, graphs().execution(calls.caller(call), call.path("namespace"), call.path("id")));
    }

    /** Executions with the spec's filters, a page at a time ({@code task_graph_logs}). */
    private void executions(HttpCall call) {
        Caller caller = calls.caller(call);
        List<TaskGraphLog> matching =
                graphs().executions(caller).stream().filter(filter(call)).toList();
        call.json(
                200,
                Pagination.page(
                        "task_graph_logs",
                        matching,
                        Pagination.positive(call, "page", 1),
                        Pagination.positive(call, "per_page", ArrayRoutes.DEFAULT_PER_PAGE),
                        log -> log));
    }

    private static Predicate<TaskGraphLog> filter(HttpCall call) {
        String namespace = call.query("namespace");
        String createdBy = call.query("created_by");
        String status = call.query("status");
        String search = call.query("search");
        Instant from = time(call, "start_time");
        Instant to = time(call, "end_time");
        return log -> (namespace == null || namespace.equals(log.namespace()))
                && (createdBy == null || createdBy.equals(log.createdBy()))
                && (status == null || status.equalsIgnoreCase(log.status()))
                && (search == null
                        || log.name() != null
                                && log.name().toLowerCase(Locale.ROOT).contains(search.toLowerCase(Locale.ROOT)))
                && (from == null
                        || log.createdAt() != null
                                && !Instant.parse(log.createdAt()).isBefore(from))
                && (to == null
                        || log.createdAt() != null
                                && !Instant.parse(log.createdAt()).isAfter(to));
    }

    private static Instant time(HttpCall call, String name) {
        String value = call.query(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiFailure.badRequest(name + " must be an RFC 3339 date-time, was '" + value + "'");
        }
    }

    private void retry(HttpCall call) {
        call.json(202, graphs().retry(calls.caller(call), call.path("namespace"), call.path("id")));
    }

    private void resubmit(HttpCall call) {
        call.json(202, graphs().resubmit(calls.caller(call), call.path("namespace"), call.path("id")));
    }

    private void stop(HttpCall call) {
        graphs().stop(calls.caller(call), call.path("namespace"), call.path("id"));
        call.noContent();
    }

    private void registered(HttpCall call) {
        call.json(200, graphs().registered(calls.caller(call), call.path("namespace"), call.path("name")));
    }

    private void registerGraph(HttpCall call) {
        String namespace = call.path("namespace");
        String name = call.path("name");
        Caller caller = calls.caller(call);
        entries.requireFree(namespace, name);
        graphs().register(caller, namespace, name, call.body(RegisteredTaskGraph.class));
        entries.add(
                namespace, name, graphs().registered(caller, namespace, name).uuid(), call.user());
        call.noContent();
    }

    private void updateRegistered(HttpCall call) {
        graphs().updateRegistered(
                        calls.caller(call),
                        call.path("namespace"),
                        call.path("name"),
                        call.body(RegisteredTaskGraph.class));
        call.noContent();
    }

    /** Who the registered graph is shared with: its catalog entry's grants. */
    private void sharing(HttpCall call) {
        graphs().registered(calls.caller(call), call.path("namespace"), call.path("name"));
        call.json(
                200,
                entries.find(call.path("namespace"), call.path("name")).sharing.entrySet().stream()
                        .map(e -> new ArrayAnswers.Sharing(
                                e.getValue(), e.getKey(), state.accounts().namespaceType(e.getKey())))
                        .toList());
    }

    /** Grants actions to a namespace; none takes its grant away. Only the graph's namespace's members share it. */
    private void share(HttpCall call) {
        graphs().registered(calls.caller(call), call.path("namespace"), call.path("name"));
        state.access().requireAdministrable(call.user(), call.path("namespace"));
        ArrayAnswers.Sharing body = call.body(ArrayAnswers.Sharing.class);
        if (body.namespace() == null || !state.accounts().namespaceExists(body.namespace())) {
            throw ApiFailure.notFound("namespace " + body.namespace() + " does not exist");
        }
        entries.share(call.path("namespace"), call.path("name"), body.namespace(), body.actions());
        call.noContent();
    }

    private void deleteRegistered(HttpCall call) {
        graphs().deleteRegistered(calls.caller(call), call.path("namespace"), call.path("name"));
        entries.remove(call.path("namespace"), call.path("name"), call.user());
        call.noContent();
    }
}
