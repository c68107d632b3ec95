package dev.cameltiledb.client.model;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A read answered in JSON ({@code QueryJson}, the body of
 * {@code POST /v1/arrays/{namespace}/{array}/query/submit_query_json}).
 *
 * @param queryRanges the slice and the layout
 * @param fields      the attributes and dimensions to return; null or empty for all
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record QueryJson(QueryRanges queryRanges, List<String> fields) {

    public QueryJson {
        fields = fields == null ? null : List.copyOf(fields);
    }
}
