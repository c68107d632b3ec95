package dev.cameltiledb.emulator.classic;

import dev.cameltiledb.emulator.common.Access;
import dev.cameltiledb.emulator.common.Router;
import dev.cameltiledb.emulator.data.query.QueryJson;
import dev.cameltiledb.emulator.data.sql.SqlParameters;
import dev.cameltiledb.emulator.data.udf.UdfCall;
import dev.cameltiledb.emulator.http.Handler;
import dev.cameltiledb.emulator.http.HttpCall;

/**
 * The calls that run something on the service's side and answer its result: SQL ({@code POST /v1/sql/{namespace}}),
 * UDFs (generic, over several arrays, over one array's slice) and JSON queries of an array's cells. Each runs outside
 * the state's transactions ({@link Access#OWN}) for as long as it takes, leaves a task, and streams its answer with the
 * task's id in {@code X-TILEDB-CLOUD-TASK-ID}.
 */
public final class ComputeRoutes {

    private final EngineCalls calls;

    ComputeRoutes(EngineCalls calls) {
        this.calls = calls;
    }

    public void register(Router<Handler> router) {
        router.add("POST", "/v1/sql/{namespace}", Access.OWN, EngineCalls.guarded(this::sql))
                .add("POST", "/v1/udfs/generic/{namespace}", Access.OWN, EngineCalls.guarded(this::genericUdf))
                .add("POST", "/v1/udfs/arrays/{namespace}", Access.OWN, EngineCalls.guarded(this::multiArrayUdf))
                .add(
                        "POST",
                        "/v1/arrays/{namespace}/{array}/udf/submit",
                        Access.OWN,
                        EngineCalls.guarded(this::arrayUdf))
                .add(
                        "POST",
                        "/v1/arrays/{namespace}/{array}/query/submit_query_json",
                        Access.OWN,
                        EngineCalls.guarded(this::queryJson));
    }

    private void sql(HttpCall call) {
        EngineCalls.send(
                call,
                calls.engine().sql().run(calls.caller(call), call.path("namespace"), call.body(SqlParameters.class)));
    }

    private void genericUdf(HttpCall call) {
        EngineCalls.send(
                call,
                calls.engine().udfs().generic(calls.caller(call), call.path("namespace"), call.body(UdfCall.class)));
    }

    private void multiArrayUdf(HttpCall call) {
        EngineCalls.send(
                call,
                calls.engine().udfs().multiArray(calls.caller(call), call.path("namespace"), call.body(UdfCall.class)));
    }

    private void arrayUdf(HttpCall call) {
        EngineCalls.send(
                call,
                calls.engine()
                        .udfs()
                        .singleArray(
                                calls.caller(call),
                                call.path("namespace"),
                                call.path("array"),
                                call.body(UdfCall.class)));
    }

    private void queryJson(HttpCall call) {
        EngineCalls.send(
                call,
                calls.engine()
                        .queries()
                        .run(
                                calls.caller(call),
                                call.path("namespace"),
                                call.path("array"),
                                call.body(QueryJson.class)));
    }
}
