package dev.cameltiledb.client;

import java.util.List;

import dev.cameltiledb.client.model.PaginationMetadata;

/** One page of a listing, with the service's pagination metadata (null when the service sent none). */
public record Page<T>(List<T> items, PaginationMetadata pagination) {

    public Page {
        items = items == null ? List.of() : items;
    }
}
