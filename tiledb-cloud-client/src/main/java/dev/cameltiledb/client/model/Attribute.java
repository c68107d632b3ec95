package dev.cameltiledb.client.model;

import java.util.List;

/** An attribute of an array: a typed value stored in every cell. */
public record Attribute(
        String name,
        String type,
        FilterPipeline filterPipeline,
        int cellValNum,
        Boolean nullable,
        List<Integer> fillValue) {}
