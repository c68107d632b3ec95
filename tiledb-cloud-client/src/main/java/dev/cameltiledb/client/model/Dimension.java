package dev.cameltiledb.client.model;

/** A dimension of an array's domain: its type, bounds and tile extent. */
public record Dimension(
        String name,
        String type,
        DomainArray domain,
        boolean nullTileExtent,
        TypedValue tileExtent,
        FilterPipeline filterPipeline) {}
