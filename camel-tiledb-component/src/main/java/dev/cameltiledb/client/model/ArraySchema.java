package dev.cameltiledb.client.model;

import java.util.List;

/**
 * The schema an array is created with and that {@code schema} returns. Unlike most models it uses camelCase JSON
 * names, as the service does.
 */
public record ArraySchema(
        String uri,
        List<Integer> version,
        String arrayType,
        String tileOrder,
        String cellOrder,
        Long capacity,
        FilterPipeline coordsFilterPipeline,
        FilterPipeline offsetFilterPipeline,
        Domain domain,
        List<Attribute> attributes,
        Boolean allowsDuplicates) {
}
