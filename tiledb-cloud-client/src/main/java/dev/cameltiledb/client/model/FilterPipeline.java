package dev.cameltiledb.client.model;

import java.util.List;

/** The filters applied, in order, to a dimension, an attribute, coordinates or offsets. */
public record FilterPipeline(List<Filter> filters) {

    public static FilterPipeline none() {
        return new FilterPipeline(List.of());
    }

    public static FilterPipeline of(Filter... filters) {
        return new FilterPipeline(List.of(filters));
    }
}
