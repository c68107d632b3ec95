package dev.cameltiledb.client.model;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The SQL of a task graph node ({@code TGSQLNodeData}).
 *
 * @param initCommands statements run before the query
 * @param query        the SQL; {@code ?} marks a parameter
 * @param parameters   the values of the {@code ?}s: JSON, or sentinels such as {@link UdfArgument#nodeOutput}
 * @param resultFormat the result's format ({@code json}, {@code arrow}...)
 * @param namespace    the namespace to run under, when not the graph's
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SqlNodeData(
        List<String> initCommands, String query, List<Object> parameters, String resultFormat, String namespace) {

    public static SqlNodeData of(String query, ResultFormat format) {
        return new SqlNodeData(null, query, null, format == null ? null : format.wireName(), null);
    }
}
