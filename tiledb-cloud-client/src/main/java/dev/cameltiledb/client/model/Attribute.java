package dev.cameltiledb.client.model;

import java.util.List;

/**
 * An attribute of an array: a typed value stored in every cell. {@code cellValNum} is a {@code uint32}: a variable-size
 * attribute (strings) has 4294967295 there, which an {@code int} cannot hold.
 */
public record Attribute(
        String name,
        String type,
        FilterPipeline filterPipeline,
        long cellValNum,
        Boolean nullable,
        List<Integer> fillValue) {}
