package dev.cameltiledb.client;

import java.util.function.Supplier;

import dev.cameltiledb.client.model.ResultFormat;
import dev.cameltiledb.client.model.SqlParameters;
import dev.cameltiledb.rest.AsyncCalls;

/** SQL on TileDB Cloud ({@code tiledb.cloud.sql}): {@code POST /v1/sql/{namespace}}. */
public final class SqlApi {

    private final RestTransport transport;
    private final Supplier<AsyncCalls<TileDBClient>> async;

    SqlApi(RestTransport transport, Supplier<AsyncCalls<TileDBClient>> async) {
        this.transport = transport;
        this.async = async;
    }

    /**
     * {@code exec}, {@code exec_async}: the query, run under {@code namespace} (which is charged for it), ready to send
     * ({@link TaskCall}). Its result comes in {@code json} (an array of row objects) unless {@code resultFormat} says
     * otherwise; {@code arrow} is an Arrow IPC stream, read with {@link TaskCall#stream()}. The task's id comes with
     * the result.
     */
    public TaskCall exec(String namespace, SqlParameters sql) {
        String ns = DataPlane.namespace(namespace, "SQL");
        if (sql == null || sql.query() == null || sql.query().isBlank()) {
            throw new TileDBConfigurationException("SQL needs a query to run (query)");
        }
        SqlParameters sent = sql.resultFormat() == null ? sql.withResultFormat(ResultFormat.JSON) : sql;
        RestRequest request = RestRequest.post("v1", "sql", ns)
                .about(DataPlane.about("SQL (POST /v1/sql/{namespace})"))
                .json(sent);
        return new TaskCall(transport, request, sent.resultFormat(), "resultFormat", async);
    }
}
