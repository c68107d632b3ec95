package dev.cameltiledb.client.model;

import java.util.List;

/** A group's metadata entries. */
public record GroupMetadata(List<GroupMetadataEntry> entries) {

    public GroupMetadata {
        entries = entries == null ? List.of() : entries;
    }
}
