package dev.cameltiledb.client.model;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A new group: its name, storage URI and descriptive fields; {@code parent} (name or id) nests it when registering.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record GroupDetails(
        String description,
        String name,
        String parent,
        String uri,
        String logo,
        List<String> tags,
        String licenseId,
        String licenseText,
        String accessCredentialsName) {

    public static GroupDetails of(String name, String uri) {
        return new GroupDetails(null, name, null, uri, null, null, null, null, null);
    }

    /** A copy with the name, URI, parent and credentials the operation's options decide. */
    public GroupDetails with(String name, String uri, String parent, String credentials) {
        return new GroupDetails(description, name, parent, uri, logo, tags, licenseId, licenseText, credentials);
    }
}
