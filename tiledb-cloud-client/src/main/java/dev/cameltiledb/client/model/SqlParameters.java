package dev.cameltiledb.client.model;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * An SQL query to run on TileDB Cloud ({@code SQLParameters}, the body of {@code POST /v1/sql/{namespace}}). Tables
 * are arrays written as backquoted URIs: {@code select sum(a) from `tiledb://acme/sales`}. Null fields are not sent.
 *
 * @param name                the task's name
 * @param query               the SQL; {@code ?} marks a parameter
 * @param outputUri           an array to store the result in ({@code s3://bucket/result})
 * @param storeResults        keep the result for {@code GET /v1/task/{id}/result}
 * @param dontDownloadResults answer without the result
 * @param resourceClass       the resource class (CPU and memory limits) to run in
 * @param resultFormat        the result's format; the calls of this client send {@code json} when it is null
 * @param initCommands        statements run before the query ({@code SET @a = 1})
 * @param parameters          the values of the query's {@code ?}s, in order
 * @param taskGraphUuid       the task graph log the query belongs to
 * @param clientNodeUuid      the node of that graph it is
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SqlParameters(
        String name,
        String query,
        String outputUri,
        Boolean storeResults,
        Boolean dontDownloadResults,
        String resourceClass,
        ResultFormat resultFormat,
        List<String> initCommands,
        List<Object> parameters,
        String taskGraphUuid,
        String clientNodeUuid) {

    /** Only the query; everything else as the service defaults it. */
    public static SqlParameters of(String query) {
        return builder().query(query).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A copy with {@code format}. */
    public SqlParameters withResultFormat(ResultFormat format) {
        return toBuilder().resultFormat(format).build();
    }

    public Builder toBuilder() {
        return builder()
                .name(name)
                .query(query)
                .output(outputUri, storeResults)
                .dontDownloadResults(dontDownloadResults)
                .resourceClass(resourceClass)
                .resultFormat(resultFormat)
                .initCommands(initCommands)
                .parameters(parameters)
                .taskGraph(taskGraphUuid, clientNodeUuid);
    }

    /** Builds {@link SqlParameters}; unset fields are not sent. */
    public static final class Builder {
        private String name;
        private String query;
        private String outputUri;
        private Boolean storeResults;
        private Boolean dontDownloadResults;
        private String resourceClass;
        private ResultFormat resultFormat;
        private List<String> initCommands;
        private List<Object> parameters;
        private String taskGraphUuid;
        private String clientNodeUuid;

        private Builder() {}

        public Builder name(String taskName) {
            this.name = taskName;
            return this;
        }

        public Builder query(String sql) {
            this.query = sql;
            return this;
        }

        /** Stores the result as an array at {@code uri}, kept for later retrieval when {@code store} is true. */
        public Builder output(String uri, Boolean store) {
            this.outputUri = uri;
            this.storeResults = store;
            return this;
        }

        public Builder storeResults(Boolean store) {
            this.storeResults = store;
            return this;
        }

        public Builder dontDownloadResults(Boolean dontDownload) {
            this.dontDownloadResults = dontDownload;
            return this;
        }

        public Builder resourceClass(String resourceClass) {
            this.resourceClass = resourceClass;
            return this;
        }

        public Builder resultFormat(ResultFormat format) {
            this.resultFormat = format;
            return this;
        }

        public Builder initCommands(List<String> commands) {
            this.initCommands = commands == null ? null : List.copyOf(commands);
            return this;
        }

        /** The values of the query's {@code ?}s; a null among them is sent as JSON null. */
        public Builder parameters(List<?> values) {
            this.parameters =
                    values == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
            return this;
        }

        /** Marks the query as node {@code clientNodeUuid} of the task graph log {@code taskGraphUuid}. */
        public Builder taskGraph(String taskGraphUuid, String clientNodeUuid) {
            this.taskGraphUuid = taskGraphUuid;
            this.clientNodeUuid = clientNodeUuid;
            return this;
        }

        public SqlParameters build() {
            return new SqlParameters(
                    name,
                    query,
                    outputUri,
                    storeResults,
                    dontDownloadResults,
                    resourceClass,
                    resultFormat,
                    initCommands,
                    parameters,
                    taskGraphUuid,
                    clientNodeUuid);
        }
    }
}
