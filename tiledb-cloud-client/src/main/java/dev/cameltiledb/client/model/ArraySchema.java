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

    private static final String ROW_MAJOR = "row-major";
    private static final long DEFAULT_CAPACITY = 10_000L;

    /**
     * This schema with libtiledb's defaults where it leaves them out: row-major tile and cell order, capacity
     * 10,000 and empty coordinate and offset filter pipelines. The service requires these fields.
     */
    public ArraySchema withLibraryDefaults() {
        return new ArraySchema(
                uri,
                version,
                arrayType,
                tileOrder != null ? tileOrder : ROW_MAJOR,
                cellOrder != null ? cellOrder : ROW_MAJOR,
                capacity != null ? capacity : DEFAULT_CAPACITY,
                coordsFilterPipeline != null ? coordsFilterPipeline : FilterPipeline.none(),
                offsetFilterPipeline != null ? offsetFilterPipeline : FilterPipeline.none(),
                domain,
                attributes,
                allowsDuplicates);
    }

    /** The fields the service requires that have no default: empty when the schema can be sent. */
    public List<String> missingRequiredFields() {
        List<String> missing = new java.util.ArrayList<>();
        if (version == null || version.isEmpty()) {
            missing.add("version");
        }
        if (arrayType == null) {
            missing.add("arrayType");
        }
        if (domain == null || domain.dimensions() == null || domain.dimensions().isEmpty()) {
            missing.add("domain.dimensions");
        }
        if (attributes == null || attributes.isEmpty()) {
            missing.add("attributes");
        }
        return missing;
    }
}
